"""Directory names in Russian and Kazakh, matched in any grammatical case.

`CyrillicIndex.build(language)` reads the directory's names in that language (the
translation fields `name_ru`, `name_kk`, `aliases_ru`, ... where the models have them;
Cyrillic lines of `aliases`; people's names written in Cyrillic from their Latin names
when no translation is stored; country names and adjectives), turns each into a sequence
of word keys (`morphology.name_key`) and keeps them in a dictionary. `hits()` walks the
text's words once and reports the longest name that starts at each word, so its cost grows
with the length of the text times the number of words of the longest name.
"""

import functools
import itertools
import re
from collections import defaultdict

from django.utils import translation

from partners.models import Country, Embassy, Institution, Partnership, Person, Position

from . import morphology

MAX_NAME_WORDS = 14


def model_fields(model):
    return {f.name for f in model._meta.get_fields()}


def translated_values(row, field, language):
    """The values of `field` in `language` stored on a row read with `.values()`."""
    value = row.get(f"{field}_{language}") or ""
    return [line.strip() for line in value.splitlines() if line.strip()]


def translated_columns(model, fields, languages=("ru", "kk", "en")):
    present = model_fields(model)
    return [f"{f}_{lang}" for f in fields for lang in languages if f"{f}_{lang}" in present]


class CyrillicIndex:
    def __init__(self, language):
        self.language = language
        self.key = morphology.KEY_FUNCTIONS[language]
        self.names = defaultdict(set)  # key tuple -> {(kind, pk)}
        self._trie = None
        self.surnames = defaultdict(set)  # key of a surname -> {person id}
        self.titles = {}  # key of a title word -> title slug ("rector")
        # Kazakh: countries' Russian names that are also a Kazakh word declined ("Судан",
        # "from water"), lower-cased: read as the country only where no Kazakh word can be
        self.word_forms = set()
        # Russian: key of a one-word country name -> the lemmas pymorphy3 gives its names
        # ("Дания" -> {"дания"}), so that another word with that key ("данным" -> "дан")
        # is told apart
        self.country_lemmas = defaultdict(set)
        # keys of one-word names written in capitals ("АҚШ", "ЕНУ") and of the other names:
        # a name only ever an acronym is read only in capitals ("ақшаны" is "the money",
        # no "АҚШ"; "ену", to enter, no ЕНУ)
        self.acronym_keys, self.word_keys = set(), set()

    def add(self, name, kind, pk):
        if not name or not morphology.CYRILLIC.search(name):
            return
        key = morphology.name_key(name, self.language)
        if not key or len(key) > MAX_NAME_WORDS:
            return
        if len(key) == 1 and len(key[0]) < 2:
            return
        self.names[key].add((kind, pk))
        if len(key) == 1 and name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
            self.acronym_keys.add(key[0])
        elif len(key) == 1:
            self.word_keys.add(key[0])
        self._trie = None

    @property
    def acronym_only(self):
        """Keys of one word that only acronyms have (`acronym_keys`)."""
        return self.acronym_keys - self.word_keys

    @property
    def trie(self):
        """The names' keys as a trie: {key: (next level, ((kind, pk, None), ...))}, so a
        walk along the text's words builds no tuple per word."""
        if self._trie is None:
            trie = {}
            for key, entries in self.names.items():
                node = trie
                for i, word_key in enumerate(key):
                    child, found = node.get(word_key, ({}, ()))
                    if i == len(key) - 1:
                        found = tuple((k, pk, None) for k, pk in sorted(entries))
                    node[word_key] = (child, found)
                    node = child
            self._trie = trie
        return self._trie

    def hits(self, tokens):
        """(start, end, ((kind, pk, None), ...)) of every name in the tokenised text
        (`morphology.tokenise`), longest first where names overlap; and the words' keys.
        Only words whose key can start a name are looked at in Python."""
        starts, ends, words = tokens
        keys = list(map(self.key, words))
        trie, count = self.trie, len(words)
        found = []
        for i in itertools.compress(range(count), map(trie.__contains__, keys)):
            node, entries = trie[keys[i]]
            if not node:  # no longer name starts with this word: the usual case
                if entries:
                    found.append((starts[i], ends[i], entries))
                continue
            best = (i, entries) if entries else None
            j, stop = i + 1, min(i + MAX_NAME_WORDS, count)
            while node and j < stop:  # most names are one word: no next level to walk
                step = node.get(keys[j])
                if step is None:
                    break
                node, entries = step
                if entries:
                    best = (j, entries)
                j += 1
            if best:
                j, entries = best
                found.append((starts[i], ends[j], entries))
        return found, keys


def build(index, language):
    """A CyrillicIndex of the directory in `language` ("ru" or "kk")."""
    cyrillic = CyrillicIndex(language)
    lang_fields = translated_columns(Institution, ["name", "short_name", "aliases"], [language])
    for row in Institution.objects.values("pk", "name", "short_name", "aliases", *lang_fields):
        names = [row["name"], row["short_name"], *row["aliases"].splitlines()]
        for field in ("name", "short_name", "aliases"):
            names += translated_values(row, field, language)
        for name in names:
            cyrillic.add(name.strip(), "institution", row["pk"])
    for row in Embassy.objects.values("pk", *translated_columns(Embassy, ["name"], [language])):
        for name in translated_values(row, "name", language):
            cyrillic.add(name, "embassy", row["pk"])
    country_names = _country_names(index, language)
    if language == "kk":
        cyrillic.word_forms = {
            name.lower()
            for names in country_names.values()
            for name in names
            if kazakh_word_form(name)
        }
    for country_id, names in country_names.items():
        if str(index.countries.get(country_id, "")) in morphology.NOT_COUNTRIES:
            continue
        for name in names:
            if language == "ru" and _function_word(name):
                continue  # "Того" reads as "того", "в том числе": no country
            cyrillic.add(name, "country", country_id)
            if language == "ru" and " " not in name:
                key = morphology.name_key(name, language)
                cyrillic.country_lemmas[key[0] if key else ""] |= morphology.ru_lemmas(name)
    _embassy_patterns(index, cyrillic, country_names)
    person_fields = translated_columns(Person, ["name"], [language])
    titles = defaultdict(set)
    for person_id, title in Position.objects.values_list("person_id", "title"):
        titles[person_id].add(title.strip().lower().replace(" ", "-"))
    for title, words in morphology.TITLES.items():
        for word in words[language]:
            cyrillic.titles[morphology.name_key(word, language)] = title
    for row in Person.objects.values("pk", "name", *person_fields):
        names = translated_values(row, "name", language)
        if not names:
            names = [morphology.latin_to_cyrillic(row["name"])]
        for name in names:
            cyrillic.add(name, "person", row["pk"])
            key = morphology.name_key(name, language)
            if len(key) > 1:
                cyrillic.surnames[key[-1]].add((row["pk"], frozenset(titles[row["pk"]])))
    partnership_fields = translated_columns(Partnership, ["title"], [language])
    if partnership_fields:
        for row in Partnership.objects.values("pk", *partnership_fields):
            for title in translated_values(row, "title", language):
                if len(title.split()) >= 4:
                    cyrillic.add(title, "partnership", row["pk"])
    return cyrillic


def _function_word(name):
    """Whether a one-word Russian name is also a pronoun or a function word ("Того")."""
    if " " in name:
        return False
    parse = morphology.ru_parse(name)
    return parse is not None and (
        parse.tag.POS in {"NPRO", "PREP", "CONJ", "PRCL"} or "Apro" in parse.tag
    )


# A Kazakh root of two or three letters with a case ending after it reads as a common
# word declined: "су-дан" (from water), "ас-та" (in food), "ет-ке" (to meat). The ending's
# first letter follows the root's last sound: "д"/"ғ"/"г" after a vowel or a voiced
# consonant, "т"/"қ"/"к" after a voiceless one, "н" (ablative) after "м", "н", "ң"; its
# vowel follows the root's (back "а", front "е").
_KK_VOWELS_BACK, _KK_VOWELS_FRONT = set("аоұыя"), set("әөүіеи")
_KK_VOICELESS, _KK_NASAL = set("кқпстфхцчшщ"), set("мнң")
_KK_CASE_ENDINGS = {  # ending -> the sounds it may follow ("v" vowel, "z" voiced, ...)
    "дан": "vz", "ден": "vz", "тан": "s", "тен": "s", "нан": "n", "нен": "n",
    "да": "vzn", "де": "vzn", "та": "s", "те": "s",
    "ға": "vzn", "ге": "vzn", "қа": "s", "ке": "s",
}  # fmt: skip


def kazakh_word_form(name):
    """Whether a one-word name reads as a short Kazakh root with a case ending ("Судан":
    "су" + "дан"), so that, bare, it may be that word rather than the name."""
    word = name.lower()
    for ending, follows in _KK_CASE_ENDINGS.items():
        root = word[: -len(ending)]
        if not word.endswith(ending) or not 2 <= len(root) <= 3 or not root.isalpha():
            continue
        vowels = [c for c in root if c in _KK_VOWELS_BACK | _KK_VOWELS_FRONT | {"у"}]
        if not vowels:
            continue
        last = root[-1]
        sound = (
            "v"
            if last in _KK_VOWELS_BACK | _KK_VOWELS_FRONT | {"у"}
            else "s"
            if last in _KK_VOICELESS
            else "n"
            if last in _KK_NASAL
            else "z"
        )
        back = "а" in ending
        harmony = vowels[-1] == "у" or (vowels[-1] in _KK_VOWELS_BACK) == back
        if sound in follows and harmony:
            return True
    return False


def _country_names(index, language):
    from django_countries import countries

    names = defaultdict(list)
    codes = {str(code): pk for pk, code in index.countries.items()}
    fields = translated_columns(Country, ["name"], [language])
    if fields:
        for row in Country.objects.values("pk", *fields):
            names[row["pk"]] += translated_values(row, "name", language)
    if language == "ru":
        with translation.override("ru"):
            for code, pk in codes.items():
                names[pk].append(str(countries.name(code)))
        extra = [morphology.RU_COUNTRY_EXTRA, morphology.RU_ADJECTIVES, morphology.RU_LANGUAGES]
    else:
        extra = [morphology.KK_COUNTRIES, morphology.KK_ADJECTIVES, morphology.KK_LANGUAGES]
        # "Сирия", "Иордания", "Ливан": Kazakh writes most countries as Russian does; a
        # country the Kazakh table lacks goes by its Russian name, when that is one word
        with translation.override("ru"):
            for code, pk in codes.items():
                name = str(countries.name(code))
                if code not in morphology.KK_COUNTRIES and name.isalpha() and len(name) >= 5:
                    names[pk].append(name)
        # and the Russian other names of one word ("Белоруссия", "Великобритания",
        # "Кыргызстан"), which Kazakh texts write too
        for code, others in morphology.RU_COUNTRY_EXTRA.items():
            if code in codes:
                names[codes[code]] += [
                    n for n in others if n.isalpha() and len(n) >= 5 and not n.isupper()
                ]
    for table in extra:
        for code, words in table.items():
            if code in codes:
                names[codes[code]] += words
    return names


def _embassy_patterns(index, cyrillic, country_names):
    """'Посольство Казахстана в Бельгии', 'Қазақстанның Бельгиядағы елшілігі', ... for
    every embassy, in any case, from the host country's names."""
    home = index.home_country_id
    home_names = [n for n in country_names.get(home, []) if n[:1].isupper()][:3]
    for pk, row in index.embassies.items():
        if row["kind"] != Embassy.Kind.EMBASSY:
            continue
        hosts = [n for n in country_names.get(row["host_country_id"], []) if n[:1].isupper()]
        for host in hosts:
            for kz in home_names:
                if cyrillic.language == "ru":
                    cyrillic.add(f"Посольство {kz} в {host}", "embassy", pk)
                    cyrillic.add(f"Посольство Республики {kz} в {host}", "embassy", pk)
                else:
                    cyrillic.add(f"{kz} {host} Елшілігі", "embassy", pk)
                    cyrillic.add(f"{host} {kz} Елшілігі", "embassy", pk)


# New institutions in Russian and Kazakh texts -------------------------------------------

RU_KEYWORDS = {
    "университет", "госуниверситет", "институт", "академия", "колледж", "консерватория",
    "школа",
}  # fmt: skip
KK_KEYWORDS = {
    "университет": "университеті", "институт": "институты", "академия": "академиясы",
    "колледж": "колледжі", "мектеб": "мектебі", "консерватория": "консерваториясы",
}  # fmt: skip
# What may follow the keyword: a possessive ending (then case endings), or nothing;
# "академиялық" (academic) is an adjective, not an academy.
_KK_AFTER_KEYWORD = ("сы", "сі", "ы", "і")
_STATE_ACRONYMS = {"РК", "РФ", "ҚР", "КР", "РУз", "КНР", "США"}
# A state's acronym written before a Kazakh name is part of it, as "Қазақстан
# Республикасының Ұлттық ..." and "ҚР Президенті жанындағы ..." are
_KK_ACRONYM_GENITIVE = re.compile(r"-(?:ның|нің|дың|дің|тың|тің) ")  # after an acronym
_KK_STATE_ACRONYMS = {"ҚР", "ҚХР", "АҚШ", "РФ", "ӨР"}
_ACRONYM_STOP = {"ЮНЕСКО", "ЮНИСЕФ", "МИД", "США", "ТМД", "АҚШ", "ОДКБ", "ЕАЭС", "ШОС", "ООН"}


def _is_acronym(word):
    if not (4 <= len(word) <= 7 and word[-1] in "УИО" and word[0].isupper()):
        return False  # the usual case, decided without looking at every letter
    upper = sum(1 for c in word if c.isupper())
    return upper >= 3 and word not in _ACRONYM_STOP and bool(morphology.CYRILLIC.search(word))


def _short_acronym(word):
    """'ГАУ', 'ГУ', 'ТУ': a short acronym of a university, named only after an adjective."""
    return 2 <= len(word) <= 3 and word.isupper() and word[-1] in "УИ"


_UNIVERSITY_CONTEXT = re.compile(r"\b(?:вуз|университет|ректор|студент|факультет|институт)", re.I)


def _university_acronym(word, text, start, end):
    """'РГУ', 'ОмГТУ' alone: a short acronym of a state, technical or pedagogical university,
    in a sentence about students, rectors or faculties; not 'РГУ «…»' (in Kazakhstan a
    state body)."""
    if not (3 <= len(word) <= 5 and word.endswith(("ГУ", "ТУ", "ПУ", "ФУ"))):
        return False
    if not word[0].isupper() or word in _ACRONYM_STOP or word in _STATE_ACRONYMS:
        return False
    if text[end : end + 3].lstrip().startswith(("«", '"')):
        return False
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return bool(_UNIVERSITY_CONTEXT.search(text, sentence_start, min(stops, default=len(text))))


def _adjective_before(words, i, text):
    """The nominative of a capitalised adjective right before the word at `i`
    ("Воронежского ГАУ" -> "Воронежский"), else None."""
    if i == 0 or text[words[i - 1][1] : words[i][0]] != " ":
        return None
    return _adjective_nominative(words[i - 1][2])


@functools.lru_cache(maxsize=10_000)
def _adjective_nominative(word):
    """'Воронежского' -> 'Воронежский'; None for a word that is no capitalised adjective
    (cached, since inflecting with pymorphy3 is slow)."""
    if not word[:1].isupper() or word.isupper():
        return None
    parse = morphology.ru_parse(word) or morphology.ru_guess_adjective(word)
    if parse is None or parse.tag.POS != "ADJF":
        return None
    inflected = parse.inflect({"nomn", "sing", "masc"})
    form = inflected.word if inflected else parse.normal_form
    return form[:1].upper() + form[1:]


TokenView = morphology.TokenView


def _ru_keyword(word):
    parse = morphology.ru_parse(word.lower())
    return (parse.normal_form if parse is not None else word.lower()) in RU_KEYWORDS


def _kk_keyword(word):
    lowered = word.lower()
    stem = next((k for k in KK_KEYWORDS if lowered.startswith(k)), None)
    rest = lowered[len(stem) :] if stem else ""
    # A name takes the possessive ending ("Ланчжоу университеті"); a bare keyword after a
    # capitalised word ("Ректорат университет қабырғасынан") is no name.
    return stem if stem is not None and rest.startswith(_KK_AFTER_KEYWORD) else None


_KK_NUMBER_WORDS = {
    "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он", "жиырма",
    "отыз", "қырық", "елу", "жүз", "бірнеше", "көптеген",
}  # fmt: skip


def _kk_not_a_name(words, first, i, country_starts):
    """A country in the genitive opening the words before a keyword, or a number among them,
    says whose and how many universities, no name ("Германияның екі техникалық
    университеті")."""
    if any(w[2].lower() in _KK_NUMBER_WORDS or w[2].isdigit() for w in words[first:i]):
        return True
    return words[first][0] in country_starts and bool(_KK_CASE_ENDING.search(words[first][2]))


_KK_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")


def _kk_unit_of(words, first, stems):
    """Whether the name starting at `first` follows an institution's keyword in the
    genitive ("университетінің Шет тілдері мектебі"): a school, institute or college of
    that institution, as a faculty is, no institution of its own."""
    if first == 0 or words[first - 1][1] + 1 != words[first][0]:
        return False
    word = words[first - 1][2]
    return bool(stems.get(word)) and word.lower().endswith(_KK_GENITIVE)


def kk_with_possessive(name):
    """A Kazakh name ending on a bare keyword ("... атындағы университет", as a name after
    "атындағы" is said) with the keyword's possessive, as other names end ("...
    университеті"); any other name as it is."""
    head, _, last = name.rpartition(" ")
    ending = KK_KEYWORDS.get(last.lower()) if head else None
    return f"{head} {ending}" if ending else name


_KK_NAMED_ACRONYM = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]{1,6}")


def _kk_named_acronym(word):
    """Whether a word is an acronym as a Kazakh institution's name after "атындағы" may
    be: two to seven letters, two capitals or more ("СҚУ", "ҚазХҚ", "ӘТУ"), no state's."""
    return (
        _KK_NAMED_ACRONYM.fullmatch(word) is not None
        and sum(1 for c in word if c.isupper()) >= 2
        and word not in _KK_STATE_ACRONYMS
        and word not in _ACRONYM_STOP
    )


def _kk_bare_keyword(word):
    """'университеттің', 'университетте': the keyword without the possessive ending, a
    name only after '<honoree> атындағы' ("әл-Фараби атындағы университеттің")."""
    lowered = word.lower()
    stem = next((k for k in KK_KEYWORDS if lowered.startswith(k)), None)
    if stem is None or lowered[len(stem) :].startswith(("лар", "лер", "дар", "дер", "тар", "тер")):
        return None
    return stem


def new_institutions(
    text, tokens, language, taken, country_starts=frozenset(), role_word=lambda word: False
):
    """(start, end, name in the nominative) of institution-like names in a Russian or
    Kazakh text that are no directory entry: '<Омского государственного> университета
    <имени Ф. М. Достоевского>', '<Ланчжоу> университетінің', and acronyms such as МГИМО;
    not a country's name alone before a Kazakh keyword (`country_starts`), nor the name of
    a person after a Kazakh role (`role_word(word)`: "елшісі Ержан Қазыхан Анкара
    университеті"). `tokens` are the text's words (`morphology.tokenise`); each distinct
    word is looked at once, and only keywords and acronyms are followed up word by word."""
    words = TokenView(tokens)
    keyword_of = _ru_keyword if language == "ru" else _kk_keyword
    kinds = {}  # word -> "keyword" stem, True (acronym) or None
    stems = {}  # word -> what `keyword_of` says of it
    for word in set(tokens[2]):
        kind = stems[word] = keyword_of(word)
        kinds[word] = kind or (
            _is_acronym(word) or (language == "ru" and _short_acronym(word)) or None
        )
    if language == "kk":
        # "әл-Фараби атындағы университеттің": a bare keyword after "атындағы" (the words
        # spelt so looked up among the distinct ones, then the text's words compared to them)
        named_after = {word for word in kinds if word.lower() == "атындағы"}
        # the words right after one of them, picked in C (no Python step per word)
        after = map(named_after.__contains__, tokens[2]) if named_after else ()
        for word in set(itertools.compress(tokens[2][1:], after)):
            if _kk_bare_keyword(word):
                kinds[word] = kinds.get(word) or "bare"
            elif _kk_named_acronym(word):
                # "М.Қозыбаев атындағы СҚУ", "Абылай хан атындағы ҚазХҚ және ӘТУ": after
                # "атындағы" a short or mixed acronym is the institution's too
                kinds[word] = kinds.get(word) or True
    found = []
    for i in itertools.compress(range(len(words)), map(kinds.__getitem__, tokens[2])):
        start, end, word = words[i]
        stem = stems[word]
        if stem is None and kinds[word] == "bare" and words[i - 1][2].lower() == "атындағы":
            stem = _kk_bare_keyword(word)
        if not stem:
            if not taken(start, end):
                # "(ЧелГУ)" right after a name found already is that name's acronym
                if found and text[found[-1][1] : start].strip() == "(":
                    continue
                # "МНВО РК", "МОН РФ": an acronym followed by its state's is a state body
                if i + 1 < len(words) and words[i + 1][2] in _STATE_ACRONYMS:
                    continue
                # "Воронежский ГАУ": a city's adjective before an acronym belongs to it
                adjective = _adjective_before(words, i, text) if language == "ru" else None
                last = _named_after_end(words, i, text) if language == "ru" else i
                if adjective is not None and not taken(words[i - 1][0], end):
                    found.append((words[i - 1][0], end, f"{adjective} {word}"))
                elif last > i:  # "ГГУ им. Ф. Скорины": an acronym named after someone
                    found.append(
                        (start, words[last][1], " ".join(text[start : words[last][1]].split()))
                    )
                elif (
                    language == "kk"
                    and i
                    and words[i - 1][2].lower() == "атындағы"
                    and (
                        _is_acronym(word)
                        # a short acronym, not in a headline's capitals ("... АТЫНДАҒЫ ҚАЗАҚ")
                        or (
                            words[i - 1][2] == "атындағы"
                            and not _in_capitals_line(text, start, end)
                        )
                    )
                ):
                    # "М.Оспанов атындағы БҚМУ": the honoree belongs to the acronym's name
                    first = _kk_name_start(words, i, text, country_starts, role_word)
                    if (
                        i + 2 < len(words)
                        and words[i + 1][2] == "және"
                        and _kk_named_acronym(words[i + 2][2])
                    ):
                        # "ҚазХҚ және ӘТУ": an acronym whose full name holds "and"
                        end = words[i + 2][1]
                    name = " ".join(text[words[first][0] : end].split())
                    found.append((words[first][0], end, name))
                elif (
                    _is_acronym(word)
                    or (language == "ru" and _university_acronym(word, text, start, end))
                ) and not _in_capitals_line(text, start, end):
                    found.append((start, end, word))
            continue
        if language == "kk" and (opening := _kk_quoted_name(words, i, text)) is not None:
            # "«Идэр» университетінде": a name in quotation marks before the keyword
            if not taken(opening, end):
                name = f"{text[opening : words[i - 1][1] + 1]} {KK_KEYWORDS[stem]}"
                found.append((opening, end, name))
            continue
        first = _name_start(words, i, language, text)
        closing = None
        if first is None and language == "ru":
            closing = _ru_quoted_name_after(words, i, text)
        if closing:
            # "после университета «Аль-Азхар»": the keyword, then its name in quotation marks
            # (a Latin name with its own keyword, "университетов «Cardiff University»", is
            # the name alone, found as the English one is)
            if not taken(start, closing) and not _LATIN_KEYWORD.search(text, words[i][1], closing):
                noun = morphology.ru_parse(word)
                keyword = noun.normal_form if noun is not None else word.lower()
                if word[:1].isupper():
                    keyword = keyword.capitalize()
                found.append((start, closing, f"{keyword} {text[words[i][1] : closing].strip()}"))
            continue
        if first is None:
            if (
                language == "ru"
                and _capitalised(word)
                and getattr(morphology.ru_parse(word), "normal_form", "") in _WHOLE_BODY_KEYWORDS
                and (last := _genitive_tail(words, i, text)) > i
                and _KEYWORD_OPENS_NAME.search(text, max(0, start - 2), start) is None
            ):
                last = _place_after_tail(words, last, text, country_starts)
                # "от ректора Университета аграрных наук": a capitalised keyword and the
                # genitive nouns after it are a name, as after an adjective
                if not taken(start, words[last][1]):
                    name = _ru_nominative(words, i, i, last, text)
                    found.append((start, words[last][1], name[:1].upper() + name[1:]))
                continue
            if language == "ru" and (last := _foreign_name_after(words, i, text)) > i:
                # "Университета Ланчжоу": the keyword, then a name that does not decline
                name = " ".join(
                    [_ru_nominative_of((), word, "").capitalize()]
                    + [w[2] for w in words[i + 1 : last + 1]]
                )
                if not taken(start, words[last][1]):
                    found.append((start, words[last][1], name))
            continue
        if language == "ru":
            while first < i and _ru_praise(words[first][2]):
                first += 1  # "Высокорейтинговый университет KULeuven": praise, no name
            if first == i:
                continue
        if language == "kk" and _kk_not_a_name(words, first, i, country_starts):
            continue  # "Германияның екі техникалық университеті": two German universities
        if language == "kk" and _kk_unit_of(words, first, stems):
            continue  # "университетінің Шет тілдері мектебі": a unit of that university
        if language == "kk":
            if i - first == 1 and words[first][0] in country_starts:
                # "Грузия университетінде": a university of Georgia, not a name; unless
                # the name runs on before it ("Шығыс Қазақстан университеті")
                if (
                    first := _kk_name_start(words, first, text, country_starts, role_word)
                ) == i - 1:
                    continue
            else:
                first = _kk_name_start(words, first, text, country_starts, role_word)
            first = _kk_body_before(words, first, text)
            if (
                first
                and words[first - 1][2] in _KK_STATE_ACRONYMS
                and text[words[first - 1][1] : words[first][0]] == " "
            ):
                first -= 1  # "ҚХР Орталық ұлттар университеті": the state it is of, named
            elif (
                first
                and words[first - 1][2].isupper()
                and len(words[first - 1][2]) >= 2
                and _KK_ACRONYM_GENITIVE.fullmatch(text, words[first - 1][1], words[first][0])
                # "АҚШ-тың Мичиган технологиялық университеті": a country's is where it is
                and words[first - 1][0] not in country_starts
            ):
                first -= 1  # "ЮНЕСКО-ның Статистика институты": the body it is of, named
        last = _name_end(words, i, text) if language == "ru" else i
        if language == "ru" and _country_of_the_name(words, last, text, country_starts):
            last += 1  # "Национальный университет Узбекистана": the country is in the name
        elif language == "ru" and last > i and words[last][2][:1].islower():
            # "университета науки и технологии Шэньси", "технологий города Пекин"
            last = _place_after_tail(words, last, text, country_starts)
        elif (
            language == "ru"
            and last == i
            and _lone_foreign_word_after(words, i, text, country_starts)
        ):
            # "Королевского университета Чулалонгкорн": a name that does not decline;
            # "Католического университета Лилля": a city's genitive
            last += 1
        span = (words[first][0], words[last][1])
        if taken(*span):
            continue
        if language == "ru":
            name = _ru_nominative(words, first, i, last, text)
        else:
            head = " ".join(text[words[first][0] : words[i - 1][1]].split())
            if stems[word] is None:
                # "Григол Робакидзе атындағы Университетпен": after "атындағы" the keyword
                # takes no possessive, and its nominative is the keyword as written
                name = f"{head} {word[: len(stem)]}"
            else:
                nominative = KK_KEYWORDS[stem]
                if word[:1].isupper():  # "Аризона Университеті": the capital as written
                    nominative = nominative[:1].upper() + nominative[1:]
                name = f"{head} {nominative}"
        found.append((span[0], span[1], name))
    return found


def _capitalised(word):
    """'Омбы', and 'әл-Фараби', 'аль-Фараби': a particle before a hyphen is written small."""
    if word[:1].isupper():
        return True
    particle, _sep, rest = word.partition("-")
    return bool(rest) and len(particle) <= 3 and rest[:1].isupper()


def _foreign_name_after(words, i, text):
    """Index of the last word of a foreign name right after a capitalised Russian keyword
    ("Университета Ланчжоу", "Университет Хоккайдо"): one capitalised word that pymorphy3
    does not know, else `i`."""
    if not words[i][2][:1].isupper():
        return i
    last = i
    for j in range(i + 1, min(i + 3, len(words))):  # one word: a person's name may follow
        word = words[j][2]
        gap = text[words[j - 1][1] : words[j][0]]
        if gap != " " or not word[:1].isupper():
            break
        if j > i + 1 and not morphology.PLACE_WITH_PARTICLE.fullmatch(word):
            break  # a second word only when no name's: "Медитерранео Реджио-ди-Калабрия"
        parse = morphology.ru_parse(word)
        # "Университет Аризоны": a place in the genitive, or a word pymorphy3 does not know
        if (
            parse is not None
            and not ("Geox" in parse.tag and parse.tag.case == "gent")
            and not morphology.PLACE_WITH_PARTICLE.fullmatch(word)
        ):
            break
        last = j
    return last


# Adjectives that praise an institution, no part of its name ("Ведущий университет",
# "Высокорейтинговый университет"), beside superlatives ("Старейший", "Крупнейший").
_RU_PRAISE = {
    "ведущий", "престижный", "известный", "высокорейтинговый", "авторитетный", "знаменитый",
    "крупный", "передовой", "популярный", "именитый", "лучший", "топовый",
}  # fmt: skip


@functools.lru_cache(maxsize=10_000)
def _ru_praise(word):
    parse = morphology.ru_parse(word) or morphology.ru_guess_adjective(word)
    if parse is None or parse.tag.POS not in ("ADJF", "PRTF"):
        return False
    if word.lower().startswith(("высш", "низш")):
        return False  # "Высшая школа экономики": a level ("высшее образование"), no praise
    return "Supr" in parse.tag or parse.normal_form in _RU_PRAISE


_LOWER_CASE_LETTER = re.compile(r"[a-zа-яёәғқңөұүһі]")


def _in_capitals_line(text, start, end):
    """Whether the word at start:end stands in a line written in capitals ("ҚАЗАН
    ҚАЛАСЫНДА ... БІЛІМ БЕРУ ОРТАЛЫҒЫ АШЫЛДЫ", a title), where a word in capitals is no
    acronym."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = text[lo : hi if hi != -1 else len(text)]
    return len(line.split()) >= 4 and not _LOWER_CASE_LETTER.search(line)


def _kk_quoted_name(words, i, text):
    """Where the quotation mark opens before a Kazakh keyword right after a closing one
    ("«Идэр» университеті", "«Болашақ» академиясы"): up to three words in the marks, the
    first capitalised; else None."""
    if i == 0 or text[words[i - 1][1] : words[i][0]] != "» ":
        return None
    for j in range(i - 1, max(-1, i - 4), -1):
        before = text[words[j - 1][1] if j else 0 : words[j][0]]
        if "»" in before or any(c in before for c in ".!?\n"):
            return None
        if before.endswith("«"):
            return words[j][0] - 1 if _capitalised(words[j][2]) else None
    return None


_LATIN_KEYWORD = re.compile(r"\b(?:University|Institute|College|Academy|School)\b")


def _ru_quoted_name_after(words, i, text):
    """The end (after "»") of a name in quotation marks right after a Russian keyword
    ("университета «Аль-Азхар»", "академии «Болашак»"): up to three words, the first
    capitalised; else None."""
    if i + 1 >= len(words):
        return None
    # straight quotation marks too, as news agencies write them ('Университет "Фудань"')
    opening = text[words[i][1] : words[i + 1][0]]
    closing = {" «": "»", ' "': '"'}.get(opening)
    if closing is None or not _capitalised(words[i + 1][2]):
        return None
    for j in range(i + 1, min(len(words), i + 4)):
        after = text[words[j][1] : words[j + 1][0] if j + 1 < len(words) else len(text)]
        if after.startswith(closing):
            return words[j][1] + 1
        if after.strip():
            return None
    return None


# Endings of a Russian name declined ("Младеновым", "Петрову", "Иванова"): a name that does
# not decline ends otherwise ("Чулалонгкорн", "Хоккайдо").
_RU_NAME_CASE_ENDINGS = ("ом", "ем", "ым", "им", "ой", "ей", "у", "ю", "а", "я", "ов", "ев", "ин")


def _lone_foreign_word_after(words, i, text, country_starts=frozenset()):
    """Whether the word after the keyword at `i` is a foreign name that does not decline
    ("Королевского университета Чулалонгкорн впервые") or a place's name in the genitive
    or undeclined ("Католического университета Лилля", "университета Марке"): one
    capitalised Cyrillic word pymorphy3 does not know or knows as a place (no country:
    `country_starts`), with no capitalised word after it (a person's name has two)."""
    if i + 1 >= len(words) or text[words[i][1] : words[i + 1][0]] != " ":
        return False
    word = words[i + 1][2]
    if not (word[:1].isupper() and word[1:2].islower() and morphology.CYRILLIC.match(word)):
        return False
    after = words[i + 2] if i + 2 < len(words) else None
    if after and text[words[i + 1][1] : after[0]] == " " and after[2][:1].isupper():
        return False
    parses = morphology.ru_parses(word)
    if (
        words[i + 1][0] not in country_starts
        and any("Geox" in p.tag and (p.tag.case == "gent" or "Fixd" in p.tag) for p in parses)
        and not any("Surn" in p.tag for p in parses)
    ):
        return True  # "университета Лилля", "университета Марке": a place of its name
    if (
        words[i + 1][0] not in country_starts
        and parses
        and "Geox" in parses[0].tag
        and parses[0].tag.case == "nomn"
        and not any("Surn" in p.tag for p in parses)
        and _ru_oblique_keyword(words[i][2])
    ):
        return True  # "Международного университета Астана": a city's name, undeclined
    if word.endswith(_RU_NAME_CASE_ENDINGS):
        return False  # "университета Младеновым": a surname declined, the rector's
    return not parses


def _ru_oblique_keyword(word):
    """Whether a Russian word can be read in no case but an oblique one ("университета",
    "университетом"): a place in the nominative after it does not agree with it, and is
    a name in apposition, part of the institution's ("университета Астана")."""
    parses = morphology.ru_parses(word)
    return bool(parses) and all(p.tag.case not in ("nomn", "accs") for p in parses)


def _place_after_tail(words, last, text, country_starts):
    """The last word of a Russian name whose genitive nouns (ending at `last`) are followed
    by a place that does not decline or is in the genitive ("Университета науки и
    технологии Шэньси"), or by a city's name after "города" ("Университет науки и
    технологий города Пекин", the name in the nominative as names of cities after "город"
    are); else `last`."""
    if _lone_foreign_word_after(words, last, text, country_starts):
        return last + 1
    if (
        last + 1 < len(words)
        and getattr(morphology.ru_parse(words[last][2]), "normal_form", "") == "город"
        and text[words[last][1] : words[last + 1][0]] == " "
        and words[last + 1][2][:1].isupper()
        and any("Geox" in p.tag for p in morphology.ru_parses(words[last + 1][2]))
    ):
        return last + 1
    return last


def _name_start(words, i, language, text=""):
    """Index of the first word of the name that ends with the keyword at `i`: back over
    lowercase modifiers to one capitalised word (None when there is none)."""
    j = i - 1
    while j >= 0 and i - j <= 5:
        word = words[j][2]
        if language == "ru":
            gap = text[words[j][1] : words[j + 1][0]] if text else " "
            if gap != "-" and (gap.strip() or "\n" in gap):
                # "Urbana-Champaign:\n- Университет имеет", "«Middle East University»
                # (Университет": a word across a line's end or a mark opens no name
                return None
            role = _ru_role_before_keyword(word)
            if role is _FIRST and _capitalised(words[i][2]):
                # "Белорусский Государственный Университет": a name written with capitals
                # throughout goes back over its capitalised adjectives
                while (
                    j > 0
                    and i - j < 5
                    and text[words[j - 1][1] : words[j][0]] == " "
                    and _capitalised(words[j - 1][2])
                    and _ru_capitalised_adjective(words[j - 1][2])
                ):
                    j -= 1
            if role is not _MODIFIER:
                return j if role is _FIRST else None
        elif words[j][1] + 1 < words[j + 1][0]:
            # punctuation between the words: "ректор, профессор Го Чанги, мұнай-химия
            # университетінің" names no "Чанги ... университеті"; but fields listed with
            # a comma and "және" are one name's ("Философия, саясаттану және дінтану
            # институты")
            if (
                text[words[j][1] : words[j + 1][0]] == ", "
                and _capitalised(word)
                and any(w[2] == "және" for w in words[j + 1 : i])
            ):
                return j
            return None
        elif _capitalised(word):
            return j
        j -= 1
    return None


_FIRST, _MODIFIER, _STOP = "first", "modifier", "stop"


@functools.lru_cache(maxsize=20_000)
@functools.lru_cache(maxsize=10_000)
def _ru_capitalised_adjective(word):
    parse = morphology.ru_parse(word)
    return parse is not None and parse.tag.POS in {"ADJF", "PRTF"} and "Apro" not in parse.tag


def _ru_role_before_keyword(word):
    """What a Russian word before a keyword is to `_name_start`, judged once per word: the
    name's first word (capitalised, an adjective or unknown to pymorphy3), a lower-case
    adjective or participle to go back over, or the end of the walk (no name)."""
    parse = morphology.ru_parse(word)
    if _capitalised(word):
        return _STOP if parse is not None and parse.tag.POS not in {"ADJF", "PRTF"} else _FIRST
    if parse is None or parse.tag.POS not in {"ADJF", "PRTF"} or "Apro" in parse.tag:
        return _STOP  # "наш университет": a pronoun is no part of a name
    return _MODIFIER


# A Kazakh word with a case ending is no inner word of a name ("Грузияның Сухуми ...").
_KK_CASE_ENDING = re.compile(
    r"\w{3}(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|да|де|та|те|дағы|дегі|тағы|тегі)$"
)
# (Not the locative: names end in -да, -та: "Улугзода".)
_KK_DATIVE_OR_GENITIVE = re.compile(r"\w{3}(?:ға|ге|қа|ке|ның|нің|дың|дің|тың|тің)$")
_INITIAL = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s*$")


_KK_PATRONYMIC = re.compile(r"(?:ұлы|қызы|улы|кызы)$", re.IGNORECASE)


def _kk_name_start(words, first, text, country_starts, role_word=lambda word: False):
    """The first word of a Kazakh name found to start at `first`: back over further
    capitalised words ("Шығыс Қазақстан университеті", "Денаус Кәсіпкерлік және педагогика
    институты") and over "<honoree> атындағы" ("С. Аманжолов атындағы ..."). A word that
    opens a sentence, bears a case ending or is a country's name ends the walk."""

    def joined(j):  # words j and j + 1 stand side by side, or an initial's dot between
        gap = text[words[j][1] : words[j + 1][0]]
        return not gap.strip() or (gap.strip() == "." and len(words[j][2]) == 1)

    def opens_sentence(j):
        before = text[max(0, words[j][0] - 20) : words[j][0]].rstrip(" ")
        if j > 0 and before.endswith(".") and len(words[j - 1][2]) == 1:
            return False  # the dot of an initial ("С. Аманжолов")
        return not before or before[-1] in '.!?\n–—-:«"'

    j = first
    while (
        j > 0
        and first - j < 3
        and _kk_inner_name_word(words[j - 1][2])  # what the word is, judged once per word
        and joined(j - 1)
        and not role_word(words[j - 1][2])
        # "Оңтүстік Қазақстан мемлекеттік университеті" opening a sentence: a cardinal
        # point before a place's name is the region's name, capitalised for that
        and (not opens_sentence(j - 1) or words[j - 1][2] in _KK_CARDINAL_POINTS)
        and words[j - 1][0] not in country_starts
        # "Қ.Сәтбаев атындағы ҚазҰТЗУ Мичиган университетімен": a name of its own before
        and not (j >= 2 and words[j - 2][2] == "атындағы" and words[j - 1][2].isupper())
    ):
        j -= 1
    word_before = words[j - 1][2] if j > 0 else ""
    if j < first and role_word(word_before):
        # "елшісі Ержан Қазыхан Анкара университетінің": the words after a role open with
        # the person's name (two words, three with "-ұлы"/"-қызы"), the rest is the name's
        person = 3 if j + 2 < first and _KK_PATRONYMIC.search(words[j + 1][2]) else 2
        if j + 2 < first and all(_one_syllable(w[2]) for w in words[j : j + 3]):
            person = 3  # "профессор На Ча Мэн Стартап академиясы": a Korean name's syllables
        j = min(first, j + person)
    if j > 0 and words[j - 1][2].lower() == "атындағы" and joined(j - 1):
        # The honoree: initials and a surname, or up to three names ("Қожа Ахмет Ясауи");
        # a word that opens the sentence before a two-word name is no part of it.
        k, initials = j - 1, False
        while k > 0 and j - k < 5 and joined(k - 1) and _capitalised(words[k - 1][2]):
            if _KK_DATIVE_OR_GENITIVE.search(words[k - 1][2].lower()):
                break  # "Іс-шараға Абай атындағы ...": a word in the dative is no name's
            if _KK_BODY_WORD.search(words[k - 1][2].lower()):
                break  # "Елшілігі Григол Робакидзе атындағы ...": the embassy is no honoree
            initial = len(words[k - 1][2]) == 1
            if initials and not initial:
                break
            if opens_sentence(k - 1) and not initial and j - 1 - k >= 2:
                break
            k, initials = k - 1, initials or initial
            if opens_sentence(k):
                break
        if k < j - 1:
            j = k
            # "академик Ә.Қуатбеков атындағы ...": the honoree's rank is part of the name
            # ("Академик ..." when it opens the sentence)
            if j > 0 and words[j - 1][2].lower() in _KK_HONOREE_RANKS and joined(j - 1):
                j -= 1
    return j


_KK_HONOREE_RANKS = {"академик"}
_KK_CARDINAL_POINTS = {"Оңтүстік", "Солтүстік", "Шығыс", "Батыс"}
_VOWELS = re.compile(r"[аәеёиоөуұүыіэюя]", re.IGNORECASE)


def _one_syllable(word):
    """'На', 'Мэн', 'Сонг': a word of one vowel, as Korean and Chinese names are written."""
    return len(_VOWELS.findall(word)) == 1


def _kk_body_before(words, first, text):
    """The first word of a Kazakh name with the body it depends on or the state it is
    national to: "ҚР Президенті жанындағы Қазақстан стратегиялық зерттеулер институты"
    (up to three capitalised words or acronyms before "жанындағы"), "Қазақстан
    Республикасының Ұлттық ғылым академиясы" (a state's name before "Ұлттық")."""

    def joined(j):  # words j and j + 1 stand side by side
        return not text[words[j][1] : words[j + 1][0]].strip()

    if first < 2:
        return first
    before = words[first - 1][2]
    if before not in ("жанындағы", "ҚР", "КР") and words[first][2] != "Ұлттық":
        return first  # the usual case
    if not joined(first - 1):
        return first
    if before == "жанындағы" or (
        words[first][2] == "Ұлттық" and before.endswith(("Республикасының", "Республикасы"))
    ):
        j = last = first - 1
        if before == "жанындағы" and joined(j - 1) and _kk_keyword(words[j - 1][2]):
            # "Каир университеті жанындағы Шығыстану институты": the body is a university,
            # its name's capitalised words before its keyword
            j = last = first - 2
        while (
            j > 0
            and last - j < 3
            and joined(j - 1)
            # "Астанада ...", "... Серікбайұлы Каир университеті": no name's word
            and _kk_inner_name_word(words[j - 1][2])
        ):
            j -= 1
        return j if j < last else first
    if before in ("ҚР", "КР") and (words[first][2] == "Ұлттық" or words[first][2].isupper()):
        return first - 1  # "ҚР Ұлттық ғылым академиясы", "ҚР ҒЖБМ ҒК ... институты"
    return first


@functools.lru_cache(maxsize=20_000)
def _kk_inner_name_word(word):
    """Whether a Kazakh word may be an inner word of a name (`_kk_name_start`): capitalised,
    with no case ending."""
    # (nor another name's keyword: "БӨКЕТОВ УНИВЕРСИТЕТІ ҚЫТАЙ УНИВЕРСИТЕТІМЕН" names two)
    lowered = word.lower()
    return (
        _capitalised(word)
        and not _KK_CASE_ENDING.search(lowered)
        and not _kk_keyword(word)
        # a person's patronymic ("Бас мүфти ... Тағанұлы Әл-Азһар университеті") or a
        # body's word ("Елшілігі") is no name's word
        and not _KK_PATRONYMIC.search(lowered)
        and not _KK_BODY_WORD.search(lowered)
    )


# A body's word, an abstract noun with the possessive, "Елшілігі" (its embassy),
# "Министрлігі", "Әкімдігі", "Басшылығы": no word of a name or of an honoree's.
_KK_BODY_WORD = re.compile(r"\w{2}(?:лігі|лығы|дігі|дығы|тігі|тығы)$")


_NAMED_AFTER = {"имени", "им"}


def _country_of_the_name(words, last, text, country_starts):
    """Whether a country's name in the genitive follows a Russian name right away."""
    if last + 1 >= len(words) or words[last + 1][0] not in country_starts:
        return False
    if text[words[last][1] : words[last + 1][0]] != " ":
        return False
    if words[last + 1][2].isupper():
        return False  # "Пенсильванский университет США": an acronym, indeclinable, locates
    parse = morphology.ru_parse(words[last + 1][2])
    return parse is not None and parse.tag.case == "gent"


def _named_after_end(words, i, text):
    """Index of the last word of "им. Ф. Скорины" after the word at `i`, else `i`."""
    if i + 1 < len(words) and words[i + 1][2].lower() in _NAMED_AFTER:
        j = _honoree_end(words, i + 2, i + 5, text)
        return j if j >= i + 2 else i
    return i


def _honoree_end(words, j, limit, text):
    """Index of the last capitalised word (initials, surname) from `j` on, up to `limit`: a
    full stop after a whole word ends the sentence ("им. М. Козыбаева. В связи ..."), and
    a word in the instrumental or dative is the next name's ("имени Святого Климента
    Охридского Анастасом Герджиковым": the rector met, not the honoree)."""
    first = j
    while j < len(words) and words[j][2][:1].isupper() and j <= limit:
        gap = text[words[j - 1][1] : words[j][0]]
        if j > first and len(words[j - 1][2]) > 1 and "." in gap:
            break
        if j > first and (gap.strip(" .") or "\n" in gap):
            break  # "им. С. Торайгырова (Республика Казахстан)", a line's end: no honoree's
        if j > first and morphology.ru_only_instrumental_or_dative(words[j][2]):
            break
        j += 1
    return j - 1


# Keywords of a whole body, not of a unit ("Школы права ...", "Института востоковедения"
# may be a university's).
_WHOLE_BODY_KEYWORDS = {"университет", "госуниверситет", "академия", "консерватория"}
# A capitalised keyword right after a sentence's end or a line's start may be capitalised
# for that alone ("Университет провёл ..."): only inside a sentence is it a name's.
_KEYWORD_OPENS_NAME = re.compile(r"(?:^|[.!?\n]\s*|[«\"(]\s*)$")


def _name_end(words, i, text):
    """'университета имени Ф. М. Достоевского', 'института искусства и дизайна им. К.
    Бехзода': the name runs on through its genitive nouns, then through 'имени' and the
    capitalised words (initials) after it."""
    last = i
    if not (i + 1 < len(words) and words[i + 1][2].lower() in _NAMED_AFTER):
        last = _genitive_tail(words, i, text)
    if last + 1 < len(words) and words[last + 1][2].lower() in _NAMED_AFTER:
        return max(last + 1, _honoree_end(words, last + 2, last + 5, text))
    return last


def _genitive_tail(words, i, text):
    """'университета языка и культуры', 'института востоковедения': lower-case nouns (and
    their adjectives, joined by 'и') in the genitive right after the keyword belong to the
    name; the name ends with the last such noun. Up to seven words: "института инженеров
    ирригации и механизации сельского хозяйства"."""
    last, j = i, i + 1
    # "Университета Информатики и Радиоэлектроники": a name written with capitals throughout
    capitals = _capitalised(words[i][2]) and i > 0 and _capitalised(words[i - 1][2])
    while j < len(words) and j - i <= 7:
        start, _end, word = words[j]
        if text[words[j - 1][1] : start].strip():
            break
        if not word[:1].islower() and not (capitals and _ru_capitalised_common(word)):
            break
        if word == "и":
            j += 1
            continue
        if word == "при":
            # "Академия наук при Президенте Республики Казахстан": the body it is attached
            # to, capitalised in the prepositional, is part of the name; "при поддержке"
            # ends it (pymorphy3 reads "при" as a noun's genitive)
            return _attached_to_end(words, j, text, last)
        if word in _NAMED_AFTER or len(word) <= 2:
            break  # "университет с официальным визитом": a preposition ends the name
        kinds = morphology.ru_genitive_kinds(word)
        if "NOUN" in kinds and morphology.ru_parse(word).normal_form not in RU_KEYWORDS:
            last = j
        elif "ADJF" not in kinds:
            break
        j += 1
    return last


def _attached_to_end(words, j, text, last):
    """Index of the last word of "при Президенте Республики Казахстан" (from "при" at `j`):
    a capitalised noun in the prepositional, then up to three capitalised words of its
    genitive tail (a state's name, "РК"); else `last`, the name's end before "при"."""
    k = j + 1
    if k >= len(words) or text[words[j][1] : words[k][0]] != " ":
        return last
    parses = morphology.ru_parses(words[k][2])
    if not (
        words[k][2][:1].isupper()
        and parses
        and all(p.tag.POS == "NOUN" and p.tag.case == "loct" for p in parses)
    ):
        return last
    while (
        k + 1 < len(words)
        and k - j < 4
        and text[words[k][1] : words[k + 1][0]] == " "
        and words[k + 1][2][:1].isupper()
    ):
        k += 1
    return k


@functools.lru_cache(maxsize=10_000)
def _ru_capitalised_common(word):
    """A capitalised word pymorphy3 knows as a common noun or adjective ('Информатики'), no
    name, surname or place."""
    parse = morphology.ru_parse(word)
    return (
        parse is not None
        and parse.tag.POS in {"NOUN", "ADJF"}
        and not {"Name", "Surn", "Patr", "Geox"} & parse.tag.grammemes
    )


def _ru_nominative(words, first, keyword, last, text):
    head = tuple(word for _start, _end, word in words[first:keyword])
    tail = text[words[keyword][1] : words[last][1]] if last > keyword else ""
    return _ru_nominative_of(head, words[keyword][2], tail)


@functools.lru_cache(maxsize=10_000)
def _ru_nominative_of(head, keyword, tail):
    """'Омского государственного' + 'университета' -> 'Омский государственный университет'
    (+ the tail as written); cached, since inflecting with pymorphy3 is slow."""
    noun = morphology.ru_parse(keyword)
    gender = noun.normal_form if noun is None else None
    result = []
    for word in head:
        prefix = ""
        if "-" in word and word.rsplit("-", 1)[1][:1].isupper():
            # "Южно-Уральском": the last part declines, the first stays as written
            prefix, word = word.rsplit("-", 1)
            prefix += "-"
        # "Чирчикского": an adjective pymorphy3 does not know, read by its suffix
        parse = morphology.ru_parse(word) or morphology.ru_guess_adjective(word)
        wanted = {"nomn", "sing"}
        if noun is not None:
            lemma = morphology.ru_parse(noun.normal_form)
            gender = lemma.tag.gender if lemma is not None else None
            if gender:
                wanted.add(gender)
        inflected = parse.inflect(wanted) if parse is not None else None
        if inflected and inflected.word[:4] != word.lower()[:4]:
            # "Высшей" -> "высшая", not "высочайшая": a superlative's own stem, when the
            # lexeme (that of "высокий") holds several
            inflected = next(
                (
                    f
                    for f in parse.lexeme
                    if wanted <= f.tag.grammemes and f.word[:4] == word.lower()[:4]
                ),
                inflected,
            )
        form = inflected.word if inflected else word
        parts, written = form.split("-"), word.split("-")
        if len(parts) == len(written):  # "Северо-Западный": each part as written
            form = "-".join(
                p[:1].upper() + p[1:] if w[:1].isupper() else p
                for p, w in zip(parts, written, strict=True)
            )
        result.append(prefix + (form[:1].upper() + form[1:] if prefix else form))
    nominative = noun.normal_form if noun is not None else keyword
    if keyword[:1].isupper() and result and result[-1][:1].isupper():
        nominative = nominative.capitalize()  # "Государственный Университет": as written
    result.append(nominative)
    return (" ".join(result) + tail).strip()
