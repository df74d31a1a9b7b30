"""Words of Russian and Kazakh texts reduced to a key, so a name matches in any case.

"в Антверпенском университете" and "Антверпенский университет" must meet, and so must
"Антверпен университетінде" and "Антверпен университеті". Each word becomes a key; a name
is the sequence of its words' keys; a text matches a name where its keys follow in order.

- Russian: pymorphy3 (maintained, its dictionary ships in the wheel) gives the normal form
  of known words ("Антверпенского" -> "антверпенский", "Романом" -> "роман"). It guesses
  badly for foreign surnames ("Мутанова" -> "мутановый"), so unknown words are not taken
  from it: they lose a case ending from `RU_ENDINGS` instead ("Лейрсом" -> "лейрс").
- Kazakh: no stemmer installs and works here (kazstem needs downloaded resources), but
  Kazakh endings are regular and agglutinate in a fixed order (plural, possessive, case,
  the adjective suffix -ғы/-гі, derivations such as -лық): `kk_key` takes endings off from
  the end of the word, longest first, while the stem keeps three letters.

Both sides (directory names and the text) go through the same function, so an ending
taken off a name's word is also taken off the text's word: the key needs to be the same,
not linguistically right. Letters that spell one sound two ways are merged (ё/е, й/и, and
in Russian ы/и),
and doubled letters are made single, since transliterated names vary there
("Вассиленко", "Василенко").
"""

import bisect
import functools
import itertools
import operator
import re

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# "Реджио-ди-Калабрия", "Ростов-на-Дону": a place, whose hyphens hold a small word
PLACE_WITH_PARTICLE = re.compile(r"[A-ZА-ЯЁ]\w+(?:-[a-zа-яё]{1,3})+-[A-ZА-ЯЁ]\w+")

RU_ENDINGS = sorted(
    """ами ями ого его ому ему ыми ими ой ей ом ем ам ям ах ях ую юю ая яя ое ее ые ие ый ий
    ым им ью ия ие ья ьи а я о е и ы у ю ь""".split(),  # noqa: SIM905
    key=len,
    reverse=True,
)

# Kazakh endings, grouped by the order in which they follow the stem (the last first).
_KK_CASE = """ның нің дың дің тың тің ға ге қа ке на не а е ны ні ды ді ты ті н
    да де та те нда нде дан ден тан тен нан нен мен бен пен
    ғы гі қы кі дағы дегі тағы тегі ндағы ндегі""".split()  # noqa: SIM905
_KK_POSSESSIVE = "сы сі ы і ым ім ың ің мыз міз ңыз ңіз".split()  # noqa: SIM905
_KK_PLURAL = "лар лер дар дер тар тер".split()  # noqa: SIM905
_KK_DERIVED = "лық лік дық дік тық тік шы ші".split()  # noqa: SIM905
KK_ENDINGS = [
    sorted(group, key=len, reverse=True)
    for group in (_KK_CASE, _KK_POSSESSIVE, _KK_PLURAL, _KK_DERIVED)
]
KK_SUFFIX_AFTER_HYPHEN = set(_KK_CASE) | set(_KK_POSSESSIVE) | {"ға", "ге", "қа", "ке"}


def _by_size(endings):
    """Endings as ((length, {endings of that length}), ...), longest first: the ending a
    loop over `endings` (sorted longest first) takes off first is the one of the greatest
    length that ends the word (a word ends with one ending of each length at most) and
    leaves a stem long enough, found with a set look-up per length."""
    sizes = sorted({len(e) for e in endings}, reverse=True)
    return tuple((size, frozenset(e for e in endings if len(e) == size)) for size in sizes)


_RU_ENDINGS_BY_SIZE = _by_size(RU_ENDINGS)
_KK_ENDINGS_BY_SIZE = tuple(_by_size(group) for group in KK_ENDINGS)

# Abbreviations written for whole words in names.
RU_SYNONYMS = {"им": "имени"}

_MIN_STEM = 3
_DOUBLE = re.compile(r"(.)\1+")


def _plain(word):
    return word.lower().replace("ё", "е").replace("й", "и").replace("’", "'")


@functools.cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=100_000)
def _parses(lowered):
    """pymorphy3's parses of a word in lower case, asked once per word: the tests below
    read the same word in several ways ("Воронежского" and "воронежского" too), and a
    parse is the slow part of reading a Russian text's words the first time."""
    return tuple(_morph().parse(lowered))


def _known(lowered):
    """Whether pymorphy3's dictionary holds a word in lower case (an "е" read as "ё" too),
    one look-up in C. A word it holds has dictionary parses only (its dictionary analyser
    ends the parse), every one of them known; a word it does not hold has guesses only,
    none known. So a word's parses need not be made to tell that none is known: most
    words pymorphy3 does not know (foreign names) are the slowest to parse, by guessing."""
    morph = _morph()
    return morph.dictionary.word_is_known(lowered, morph.char_substitutes)


@functools.lru_cache(maxsize=100_000)
def ru_parse(word):
    """pymorphy3's best parse of a word (None when pymorphy3 does not know it)."""
    lowered = word.lower()
    return _parses(lowered)[0] if _known(lowered) else None


@functools.lru_cache(maxsize=10_000)
def ru_parses(word):
    """Every parse pymorphy3 knows of a word ("медиков": genitive and accusative)."""
    lowered = word.lower()
    return _parses(lowered) if _known(lowered) else ()


def ru_parse_any(word):
    """pymorphy3's best parse of a word, known or guessed ("студентов-медиков", two known
    words joined by a hyphen, is parsed from its parts)."""
    return _parses(word.lower())[0]


@functools.lru_cache(maxsize=20_000)
def ru_lemmas(word):
    """The normal forms of every parse pymorphy3 knows of a word (empty when it knows
    none): "Гани" -> {"ганя"}, "данным" -> {"данные", "данный"}."""
    return frozenset(p.normal_form for p in ru_parses(word))


@functools.lru_cache(maxsize=10_000)
def ru_guess_adjective(word):
    """pymorphy3's guess for a word it does not know, when the guess is an adjective
    ("Чирчикского" -> "чирчикский"), else None."""
    parse = _parses(word.lower())[0]
    return parse if parse.tag.POS == "ADJF" else None


@functools.lru_cache(maxsize=10_000)
def ru_only_instrumental_or_dative(word):
    """Whether a word is in the instrumental or the dative, no honoree's genitive: every
    one of pymorphy3's parses of it (guesses too) says so ("Герджиковым"), or one does and
    it ends as no genitive does ("Руменом", which pymorphy3 also guesses indeclinable)."""
    parses = _parses(word.lower())
    if all(p.tag.case in ("ablt", "datv") for p in parses):
        return True
    return word.endswith(("ом", "ем", "ём", "ым")) and any(p.tag.case == "ablt" for p in parses)


@functools.lru_cache(maxsize=10_000)
def ru_genitive_kinds(word):
    """The parts of speech ("NOUN", "ADJF") a word can be in the genitive, by any of
    pymorphy3's parses of it ("культуры" is a genitive singular as well as a plural)."""
    return frozenset(p.tag.POS for p in ru_parses(word) if p.tag.case == "gent")


@functools.lru_cache(maxsize=10_000)
def ru_cases(word):
    """The cases pymorphy3's parses of a word it knows give it (empty when it does not)."""
    return frozenset(p.tag.case for p in ru_parses(word))


@functools.lru_cache(maxsize=10_000)
def ru_compound_genitive_kinds(word):
    """`ru_genitive_kinds` of a compound pymorphy3 does not know as a whole: a hyphenated
    one by its first part ("вуза-партнера"), one with a clipped prefix by the known word
    pymorphy3 finds after it ("студгородка", read as "городка")."""
    if "-" in word:
        return ru_genitive_kinds(word.split("-", 1)[0])
    return frozenset(
        p.tag.POS
        for p in _parses(word.lower())
        if p.tag.case == "gent"
        and len(p.methods_stack) == 2
        and type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
        and type(p.methods_stack[1][0]).__name__ == "UnknownPrefixAnalyzer"
    )


@functools.lru_cache(maxsize=50_000)
def ru_key(word):
    word = RU_SYNONYMS.get(word.lower(), word)
    lowered = word.lower()
    if CYRILLIC.search(lowered) and "-" not in lowered:
        parse = ru_parse(lowered)
        if parse is not None and parse.tag.POS not in {"NUMR", "PREP", "CONJ", "PRCL"}:
            lowered = parse.normal_form
    elif CYRILLIC.search(lowered):
        # "Гвинеи-Бисау": the first part of a hyphenated noun declines
        first, _sep, rest = lowered.partition("-")
        parse = ru_parse(first)
        if parse is not None and parse.tag.POS == "NOUN":
            lowered = f"{parse.normal_form}-{rest}"
    # Kazakh names in Russian spell one sound with ы or и ("Кыстафин", "Кистафин").
    key = _plain(lowered).replace("ы", "и")
    for size, endings in _RU_ENDINGS_BY_SIZE:
        if len(key) - size >= _MIN_STEM and key[-size:] in endings:
            key = key[:-size]
            break
    return _DOUBLE.sub(r"\1", key)


# Stems that end like a suffix: "түрікмен" (Turkmen) is no "түрік" (Turkish) with "-мен".
_KK_WHOLE_STEMS = ("түрікмен", "түркімен")


@functools.lru_cache(maxsize=50_000)
def kk_key(word):
    key = _plain(word)
    for stem in _KK_WHOLE_STEMS:
        if key.startswith(stem):
            return stem
    for _pass in range(2):  # "қазақстандық": -дық, then "қазақстан" like the bare name
        for group in _KK_ENDINGS_BY_SIZE:
            for _round in range(2):
                for size, endings in group:
                    if len(key) - size >= _MIN_STEM and key[-size:] in endings:
                        key = key[:-size]
                        break
                else:
                    break
    return _DOUBLE.sub(r"\1", key)


KEY_FUNCTIONS = {"ru": ru_key, "kk": kk_key}


def tokens(text):
    """(start, end, word) for every word; a Kazakh case ending after a hyphen
    ("ҚазҰУ-ға", "ҚР-дағы") is left out of the word, so the acronym stands alone."""
    for match in WORD.finditer(text):
        word, start = match.group(), match.start()
        if "-" in word:
            head, _sep, tail = word.rpartition("-")
            if tail.lower() in KK_SUFFIX_AFTER_HYPHEN and CYRILLIC.search(tail):
                yield start, start + len(head), head
                continue
        yield start, match.end(), word


def tokens_between(text, start, end):
    """`tokens(text[start:end])` with positions in `text`, made one at a time: a reader
    that stops after a few words tokenises no more."""
    for match in WORD.finditer(text, start, end):
        word, position = match.group(), match.start()
        if "-" in word:
            head, _sep, tail = word.rpartition("-")
            if tail.lower() in KK_SUFFIX_AFTER_HYPHEN and CYRILLIC.search(tail):
                yield position, position + len(head), head
                continue
        yield position, match.end(), word


# Words, and numbers as `figures_cyrillic` reads them ("31 500" is one): one split of the
# text serves both the words (numbers left out) and the figures' tokens. The word is
# `WORD` written with possessive quantifiers, which match the same (no letter given back
# could let the pattern go on) and spare the engine its backtracking records: a split of
# 2 MB is a fifth faster. The pattern opens with one character class (a letter or a digit:
# `[^\W_]`), which lets the engine skip in C over the characters between words; a
# look-behind at that first character then picks the number (`NUMBER` less its first digit)
# or the word (`WORD` less its first letter). The same matches as the alternation
# `WORD|NUMBER`, which was tried in full at every space and mark.
NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)|\d+"
_WORD_OR_NUMBER_SPLIT = re.compile(
    r"([^\W_](?:(?<=\d)(?:\d{0,2}(?:[ \u00a0]\d{3})+(?!\d)|\d*+)|[^\W\d_]*+(?:[-'’][^\W\d_]++)*+))"
)


def split_words_and_numbers(text):
    """(starts, ends, words) of the numbers (`NUMBER`) and words (`WORD`) of a text, built
    with one `re.split` and a running sum of lengths in C: no Python step per word. Words
    are found as `WORD.finditer` finds them, since numbers hold no letters."""
    parts = _WORD_OR_NUMBER_SPLIT.split(text)
    offsets = list(itertools.accumulate(map(len, parts)))
    words = parts[1::2]
    return offsets[0::2][: len(words)], offsets[1::2], words


def tokenise(text, split=None):
    """The words of `tokens(text)` as three lists (starts, ends, words), from
    `split_words_and_numbers(text)` (or `split`, made already) without the numbers."""
    starts, ends, words = split or split_words_and_numbers(text)
    is_word = list(map(operator.not_, map(str.isdecimal, map(operator.itemgetter(0), words))))
    starts = list(itertools.compress(starts, is_word))
    ends = list(itertools.compress(ends, is_word))
    words = list(itertools.compress(words, is_word))
    for i in _hyphenated(text, starts, ends):
        head, _sep, tail = words[i].rpartition("-")
        if tail.lower() in KK_SUFFIX_AFTER_HYPHEN and CYRILLIC.search(tail):
            words[i], ends[i] = head, starts[i] + len(head)
    return starts, ends, words


def _hyphenated(text, starts, ends):
    """Indexes of the words (`starts`, `ends`: their spans in `text`, in order) that hold a
    hyphen, in order: found from the text's hyphens (a few thousand in 2 MB, each placed
    among the words by a bisection) rather than by a test of each of its words."""
    found, last, find = [], -1, text.find
    position = find("-")
    while position != -1:
        i = bisect.bisect_right(starts, position) - 1
        if i != last and i >= 0 and position < ends[i]:
            found.append(i)
            last = i
        position = find("-", position + 1)
    return found


class TokenView:
    """(start, end, word) of the i-th word of (starts, ends, words) lists, made on demand,
    so a text's words need no tuple each."""

    def __init__(self, tokens):
        self.starts, self.ends, self.words = tokens

    def __len__(self):
        return len(self.words)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(zip(self.starts[i], self.ends[i], self.words[i], strict=True))
        return self.starts[i], self.ends[i], self.words[i]


def name_key(name, language):
    key = KEY_FUNCTIONS[language]
    return tuple(key(word) for _s, _e, word in tokens(name))


# Latin names of people written in Cyrillic, for people whose Russian or Kazakh name the
# directory does not have yet. Keys merge doubled letters and й/и, so "Vassilenko" ->
# "Вассиленко" still meets "Василенко".
_TRANSLIT = [
    ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("yo", "ё"), ("th", "т"), ("ph", "ф"),
    ("ck", "к"), ("qu", "кв"), ("ie", "и"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
    ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "и"), ("z", "з"),
]  # fmt: skip


def latin_to_cyrillic(name):
    out, lowered, i = [], name.lower(), 0
    while i < len(lowered):
        for latin, cyrillic in _TRANSLIT:
            if lowered.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(lowered[i])
            i += 1
    word = "".join(out)
    return " ".join(w[:1].upper() + w[1:] for w in word.split(" "))


# Country names and adjectives in Russian and Kazakh. Russian names come from
# django-countries' catalogue; it has no Kazakh, and neither has the adjectives:
# these tables hold the countries the ministry writes about most.
# Special administrative regions, named as cities: a text about Hong Kong names no country
# (as the corpus is annotated).
NOT_COUNTRIES = {"HK", "MO"}
RU_COUNTRY_EXTRA = {
    "RU": ["Российская Федерация", "РФ"],
    "KZ": ["Республика Казахстан", "РК"],
    "US": ["США"],
    # "в Британии": the short name the press gives the United Kingdom
    "GB": ["Великобритания", "Соединенное Королевство", "Британия"],
    "CN": ["КНР"],
    "ZA": ["ЮАР", "Южно-Африканская Республика", "Южноафриканская Республика"],
    "DE": ["ФРГ"],
    "BY": ["Белоруссия", "Республика Беларусь"],
    # the name Kyrgyzstan uses for itself, beside the catalogue's "Киргизия"
    "KG": ["Кыргызстан", "Кыргызская Республика"],
    # the official name the ministry and the press use, beside the catalogue's "Южная
    # Корея" ("вузов Республики Корея": "Корея" stays undeclined in it)
    "KR": ["Республика Корея"],
}
RU_ADJECTIVES = {
    "KZ": ["казахстанский", "казахстанец"], "RU": ["российский"], "BE": ["бельгийский"],
    "DE": ["германский", "немецкий"], "GB": ["британский"], "FR": ["французский"],
    "US": ["американский"], "CN": ["китайский"], "TR": ["турецкий"], "UZ": ["узбекский"],
    "KG": ["кыргызский", "киргизский"], "NL": ["нидерландский"], "IT": ["итальянский"],
    "JP": ["японский"], "KR": ["корейский"], "PL": ["польский"], "LT": ["литовский"],
    "EG": ["египетский"], "PK": ["пакистанский"], "IN": ["индийский"], "CU": ["кубинский"],
    "MX": ["мексиканский"], "TJ": ["таджикский"], "AZ": ["азербайджанский"],
    "IR": ["иранский"], "TM": ["туркменский"], "UA": ["украинский"], "BY": ["белорусский"],
    "GE": ["грузинский"], "AM": ["армянский"], "EE": ["эстонский"], "LV": ["латвийский"],
    "FI": ["финский", "финляндский"], "HU": ["венгерский"], "CZ": ["чешский"],
    "ES": ["испанский"], "AT": ["австрийский"], "CH": ["швейцарский"], "SE": ["шведский"],
    "IL": ["израильский"], "MN": ["монгольский"], "AF": ["афганский"], "SA": ["саудовский"],
    "QA": ["катарский"], "AE": ["эмиратский"], "CA": ["канадский"], "AU": ["австралийский"],
    "BR": ["бразильский"], "BG": ["болгарский"], "RO": ["румынский"], "SK": ["словацкий"],
    "HR": ["хорватский"], "GR": ["греческий"], "NO": ["норвежский"], "DK": ["датский"],
    "IE": ["ирландский"], "PT": ["португальский"], "ZA": ["южноафриканский"],
    "MY": ["малайзийский"], "ID": ["индонезийский"], "VN": ["вьетнамский"],
    "SG": ["сингапурский"], "LU": ["люксембургский"], "EC": ["эквадорский"],
}  # fmt: skip
# A language that names one country: a language of instruction names its country
# ("с казахским языком обучения", as "китайскому языку" does by its adjective).
RU_LANGUAGES = {"RU": ["русский язык"], "KZ": ["казахский язык"]}
KK_LANGUAGES = {"KZ": ["қазақ тілі"]}
KK_COUNTRIES = {
    "KZ": ["Қазақстан", "Қазақстан Республикасы", "ҚР"], "RU": ["Ресей", "Ресей Федерациясы"],
    "BE": ["Бельгия", "Бельгия Корольдігі"], "DE": ["Германия", "ГФР"],
    "GB": ["Ұлыбритания", "Біріккен Корольдік", "Британия"], "FR": ["Франция"],
    "US": ["АҚШ", "Америка"],
    "CN": ["Қытай", "ҚХР"], "TR": ["Түркия"], "UZ": ["Өзбекстан"], "KG": ["Қырғызстан"],
    "TJ": ["Тәжікстан"], "TM": ["Түрікменстан", "Түркіменстан"], "NL": ["Нидерланд", "Нидерланды"],
    "AF": ["Ауғанстан"], "AZ": ["Әзербайжан"], "PK": ["Пәкістан"], "IN": ["Үндістан"],
    "ZA": ["Оңтүстік Африка Республикасы", "ОАР"], "BG": ["Болгария"], "CZ": ["Чехия"],
    "HR": ["Хорватия"], "FI": ["Финляндия"], "RO": ["Румыния"], "AT": ["Австрия"],
    "SK": ["Словакия"], "EG": ["Мысыр", "Египет"], "CU": ["Куба"], "MX": ["Мексика"],
    "LT": ["Литва"], "JP": ["Жапония"], "KR": ["Корея", "Оңтүстік Корея"], "IT": ["Италия"],
    "ES": ["Испания"], "PL": ["Польша"], "HU": ["Венгрия", "Мажарстан"], "MN": ["Моңғолия"],
    "SA": ["Сауд Арабиясы"], "AE": ["Біріккен Араб Әмірліктері", "БАӘ"], "QA": ["Катар"],
    "LU": ["Люксембург"], "GR": ["Грекия"], "BY": ["Беларусь"], "UA": ["Украина"],
    "IR": ["Иран"], "EC": ["Эквадор"], "CH": ["Швейцария"], "SE": ["Швеция"],
    "NO": ["Норвегия"], "DK": ["Дания"], "IE": ["Ирландия"], "BR": ["Бразилия"],
    "CA": ["Канада"], "AU": ["Австралия"], "SG": ["Сингапур"], "MY": ["Малайзия"],
    "ID": ["Индонезия"], "VN": ["Вьетнам"], "IL": ["Израиль"], "GE": ["Грузия"],
    "AM": ["Армения"], "LV": ["Латвия"], "EE": ["Эстония"], "PT": ["Португалия"],
}  # fmt: skip
KK_ADJECTIVES = {
    "DE": ["неміс"], "TR": ["түрік"], "CN": ["қытайлық"], "GB": ["британдық"],
    "TM": ["түрікмен", "түркімен"],
    # Peoples' names used as adjectives ("орыс тілі", "өзбек студенттері").
    "RU": ["орыс"], "UZ": ["өзбек"], "KG": ["қырғыз"], "TJ": ["тәжік"], "FR": ["француз"],
    "JP": ["жапон"], "KR": ["корей"], "PL": ["поляк"], "IT": ["итальян"], "ES": ["испан"],
    "MN": ["моңғол"], "IN": ["үнді"],
    # Hungary's own Kazakh name, "Мажарстан", and its people's ("мажар студенттері")
    "HU": ["мажар"],
}  # fmt: skip

# Titles of posts, as Russian and Kazakh texts write them before a name.
TITLES = {
    "ambassador": {"ru": ["посол"], "kk": ["елші"]},
    "rector": {"ru": ["ректор"], "kk": ["ректор"]},
    "vice-rector": {"ru": ["проректор"], "kk": ["проректор"]},
    "president": {"ru": ["президент"], "kk": ["президент"]},
    "consul-general": {"ru": ["генеральный консул"], "kk": ["бас консул"]},
    "dean": {"ru": ["декан"], "kk": ["декан"]},
    "director": {"ru": ["директор"], "kk": ["директор"]},
}
