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

    def add(self, name, kind, pk):
        if not name or not morphology.CYRILLIC.search(name):
            return
        key = morphology.name_key(name, self.language)
        if not key or len(key) > MAX_NAME_WORDS:
            return
        if len(key) == 1 and len(key[0]) < 2:
            return
        self.names[key].add((kind, pk))
        self._trie = None

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
    for country_id, names in country_names.items():
        for name in names:
            cyrillic.add(name, "country", country_id)
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
        extra = [morphology.RU_COUNTRY_EXTRA, morphology.RU_ADJECTIVES]
    else:
        extra = [morphology.KK_COUNTRIES, morphology.KK_ADJECTIVES]
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

RU_KEYWORDS = {"университет", "институт", "академия", "колледж", "консерватория", "школа"}
KK_KEYWORDS = {
    "университет": "университеті", "институт": "институты", "академия": "академиясы",
    "колледж": "колледжі", "мектеб": "мектебі", "консерватория": "консерваториясы",
}  # fmt: skip
# What may follow the keyword: a possessive ending (then case endings), or nothing;
# "академиялық" (academic) is an adjective, not an academy.
_KK_AFTER_KEYWORD = ("сы", "сі", "ы", "і")
_ACRONYM_STOP = {"ЮНЕСКО", "ЮНИСЕФ", "МИД", "США", "ТМД", "АҚШ", "ОДКБ", "ЕАЭС", "ШОС", "ООН"}


def _is_acronym(word):
    if not (4 <= len(word) <= 7 and word[-1] in "УИО" and word[0].isupper()):
        return False  # the usual case, decided without looking at every letter
    upper = sum(1 for c in word if c.isupper())
    return upper >= 3 and word not in _ACRONYM_STOP and bool(morphology.CYRILLIC.search(word))


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


def new_institutions(text, tokens, language, taken, country_starts=frozenset()):
    """(start, end, name in the nominative) of institution-like names in a Russian or
    Kazakh text that are no directory entry: '<Омского государственного> университета
    <имени Ф. М. Достоевского>', '<Ланчжоу> университетінің', and acronyms such as МГИМО;
    not a country's name alone before a Kazakh keyword (`country_starts`). `tokens` are
    the text's words (`morphology.tokenise`); each distinct word is looked at once, and
    only keywords and acronyms are followed up word by word."""
    words = TokenView(tokens)
    keyword_of = _ru_keyword if language == "ru" else _kk_keyword
    kinds = {}  # word -> "keyword" stem, True (acronym) or None
    for word in set(tokens[2]):
        kind = keyword_of(word)
        kinds[word] = kind or (_is_acronym(word) or None)
    found = []
    for i in itertools.compress(range(len(words)), map(kinds.__getitem__, tokens[2])):
        start, end, word = words[i]
        stem = keyword_of(word)
        if not stem:
            if not taken(start, end):
                # "(ЧелГУ)" right after a name found already is that name's acronym
                if found and text[found[-1][1] : start].strip() == "(":
                    continue
                found.append((start, end, word))
            continue
        first = _name_start(words, i, language)
        if first is None:
            continue
        if language == "kk" and i - first == 1 and words[first][0] in country_starts:
            continue  # "Грузия университетінде": a university of Georgia, not a name
        last = _name_end(words, i, text) if language == "ru" else i
        span = (words[first][0], words[last][1])
        if taken(*span):
            continue
        if language == "ru":
            name = _ru_nominative(words, first, i, last, text)
        else:
            head = " ".join(w for _s, _e, w in words[first:i])
            name = f"{head} {KK_KEYWORDS[stem]}"
        found.append((span[0], span[1], name))
    return found


def _name_start(words, i, language):
    """Index of the first word of the name that ends with the keyword at `i`: back over
    lowercase modifiers to one capitalised word (None when there is none)."""
    j = i - 1
    while j >= 0 and i - j <= 5:
        word = words[j][2]
        if word[:1].isupper():
            if language == "ru":
                parse = morphology.ru_parse(word)
                if parse is not None and parse.tag.POS not in {"ADJF", "PRTF"}:
                    return None
            return j
        if language == "ru":
            parse = morphology.ru_parse(word)
            if parse is None or parse.tag.POS not in {"ADJF", "PRTF"}:
                return None
        elif words[j][1] + 1 < words[j + 1][0]:
            return None  # punctuation between the words
        j -= 1
    return None


def _name_end(words, i, text):
    """'университета имени Ф. М. Достоевского': the name runs on through 'имени' and the
    capitalised words (initials) after it."""
    if i + 1 < len(words) and words[i + 1][2].lower() in {"имени", "им"}:
        j = i + 2
        while j < len(words) and words[j][2][:1].isupper() and j - i <= 5:
            j += 1
        return j - 1
    return _genitive_tail(words, i, text)


def _genitive_tail(words, i, text):
    """'университета языка и культуры', 'института востоковедения': lower-case nouns (and
    their adjectives, joined by 'и') in the genitive right after the keyword belong to the
    name; the name ends with the last such noun."""
    last, j = i, i + 1
    while j < len(words) and j - i <= 5:
        start, _end, word = words[j]
        if text[words[j - 1][1] : start].strip() or not word[:1].islower():
            break
        if word == "и":
            j += 1
            continue
        kinds = morphology.ru_genitive_kinds(word)
        if "NOUN" in kinds and morphology.ru_parse(word).normal_form not in RU_KEYWORDS:
            last = j
        elif "ADJF" not in kinds:
            break
        j += 1
    return last


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
        parse = morphology.ru_parse(word)
        wanted = {"nomn", "sing"}
        if noun is not None:
            lemma = morphology.ru_parse(noun.normal_form)
            gender = lemma.tag.gender if lemma is not None else None
            if gender:
                wanted.add(gender)
        inflected = parse.inflect(wanted) if parse is not None else None
        form = inflected.word if inflected else word
        result.append(form[:1].upper() + form[1:] if word[:1].isupper() else form)
    result.append(noun.normal_form if noun is not None else keyword)
    return (" ".join(result) + tail).strip()
