"""People the directory does not know, named with a role: suggestions of new people.

"the Rector of <institution>, Professor <name>", "Minister of ... of Egypt <name>",
"<name>, Dean of <faculty>", "Посол ... <name>", "ректоры <name>". After a role word the
text is read forward word by word: words of the role's complement ("of", "the", known
entries, names of institutions) are passed over, and the first run of two to four
capitalised words that are no known entry and hold no word of an organisation's name is
the person. Before a role, "<name>, <role>" is read backwards the same way.

Names in Russian and Kazakh are given in the nominative: a Russian name after a role in the
instrumental or genitive ("с премьер-министром Олжасом Бектеновым") loses that case's
ending, a Kazakh name its case suffix ("Сидоровичпен").
"""

import bisect
import functools
import operator
import re
from dataclasses import dataclass

from . import morphology
from .directory import _lower_same_length
from .scan import finditer_at_keys, finditer_near, keyword_automaton

_word_of = operator.itemgetter(2)  # the word of a (start, end, word) token


def _capitalised(word):
    """Whether a word opens with a capital, accented ones too ("Ádám", "Łukasz", "Øystein"),
    or is an Arabic name written in Cyrillic with its article small ("аль-Муайни")."""
    return word[:1].isupper() or bool(_CYRILLIC_ARTICLE_NAME.match(word))


# "Мухаммед Камиль аль-Муайни", "Әли әл-Хашими": the Arabic article before a surname is
# written small in Russian and Kazakh, the name after it capitalised
_CYRILLIC_ARTICLE_NAME = re.compile(r"(?:аль|эль|әл|ал)-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]")


ROLES = {
    "en": [
        "ambassador extraordinary and plenipotentiary", "ambassador", "ambassadors",
        # posts written with their hyphenated complement ("Ambassador-at-Large of the
        # Ministry ..., Alexey Volkov"): the hyphen keeps "ambassador" alone from matching
        "ambassador-at-large", "envoy-at-large", "editor-in-chief", "commander-in-chief",
        "attorney-general", "solicitor-general", "auditor-general",
        "consul general", "consul", "deputy minister", "minister", "vice-minister",
        "vice minister",
        # a diplomat's rank ("Mr. Olzhan Iskakov, First Secretary")
        "first secretary", "second secretary", "third secretary",
        "secretary of state", "secretary general", "secretary-general", "secretary",
        "attaché", "attache", "president and vice-chancellor", "president",
        "presidents", "vice-president", "vice president", "vice-rector", "vice rector",
        "first vice-rector", "rector", "vice-chancellor", "vice chancellor", "chancellor",
        "pro-rector", "first pro-rector",
        "provost", "dean", "vice-dean", "vice dean",
        # "Director General N. Singla": the rank after the post is part of it
        "director general", "director-general",
        "director", "head", "chairman", "chairwoman", "chair", "governor", "mayor",
        "vice-principal", "principal", "counsellor", "adviser", "advisor", "assistant",
        "coordinator general", "coordinator", "chargé d'affaires", "charge d'affaires",
        "prime minister", "member",
        # spellings and posts the Russian and Kazakh lists have ("вице-консул", "сенатор")
        "consul-general", "vice-consul", "counselor", "representative", "envoy", "senator",
        # qualified, "professor" is the post ("visiting professor Lee Byong Jo"), and so is
        # "Professor" as the only post before a name ("Professor Hernando Cuivedo trained
        # ...", as "профессор" is); after another role it is an honorific ("Rector, Professor
        # ...": the name is read from the first role, and found once)
        "visiting professor", "associate professor", "assistant professor", "guest professor",
        "professor",
        # a university's teaching posts ("Senior Lecturer Navinder Singh")
        "senior lecturer", "lecturer", "senior researcher", "research fellow",
        # an office's manager ("Manager of Corporate Affairs", "International Relations
        # Manager") and a board's deputy chair ("the Vice Chairman of the University Council")
        "manager", "vice chairman", "vice-chairman",
    ],
    "ru": [
        "чрезвычайный и полномочный посол", "посол", "посла", "послу", "послом", "послы",
        "послов", "генеральный консул", "консул",
        "заместитель министра", "замминистра", "министр", "президент", "вице-президент",
        "проректор", "ректор", "декан", "директор", "председатель правительства",
        "председатель", "губернатор", "аким", "премьер-министр",
        "заместитель председателя правительства", "вице-премьер", "депутат", "атташе",
        "советник", "секретарь", "заведующ", "доцент", "заместитель", "помощник",
        "представитель", "вице-министр", "доц", "сотрудник", "офицер", "член",
        "руководитель", "глава", "главы", "главой", "начальник", "посланник",
        "спикер", "провост", "временный поверенный в делах", "поверенный в делах",
        "инженер", "координатор", "тренер", "профессор",
        # posts the English list has ("vice-rector", "mayor", "chancellor", "senator")
        "вице-ректор", "мэр", "канцлер", "сенатор", "вице-консул",
        # the short form of "генеральный консул" ("Генконсул Таджикистана ...")
        "генконсул",
        # "вице-" before a post is that post's deputy ("вице-губернатор края Александр ..."):
        # a role after a hyphen is not read, so the deputies are listed
        "вице-губернатор", "вице-мэр", "вице-спикер", "вице-канцлер", "вице-декан",
        "вице-председател", "вице-директор",
        # Roles ending in -ь lose it in other cases ("заместителю", "председателем"): their
        # stems take the case endings.
        "заместител", "председател", "секретар", "представител", "руководител",
    ],
    "kk": [
        "елші", "елшісі", "бас консул", "консул", "министр", "министрі", "президент",
        "президенті", "бірінші проректоры", "проректор", "проректоры", "ректор", "ректоры",
        "декан", "деканы", "директор", "директоры", "әкім", "әкімі", "басшысы", "төрағасы",
        "хатшы", "хатшысы", "мемлекеттік хатшы", "мемлекет хатшысы", "атташе", "атташесі",
        "бас өкілі", "өкілі", "доцент", "доценті", "маманы", "мамандары", "меңгеруші",
        "меңгерушісі", "профессоры", "орынбасары", "мүшесі", "кеңесші", "депутаты",
        "қызметкері", "басқарма төрағасы", "төраға", "провост", "вице-президент",
        "вице-министр", "вице-консул", "вице-ректор",
        # a region's governor and his deputies ("штат губернаторы", "вице-губернаторы"),
        # as in Russian
        "губернатор", "вице-губернатор", "вице-канцлер", "вице-декан", "вице-директор",
        # a parliament's speaker, as "спикер" is in Russian ("Парламентінің вице-спикері")
        "спикер", "спикері", "вице-спикер", "вице-спикері",
        # a coach ("құрама команданың бас жаттықтырушысы"); "профессор" as the only post
        # before a name ("профессор На Ча Мэн"), an honorific where a role comes before it
        "жаттықтырушы", "жаттықтырушысы", "профессор",
        # religious posts ("Бас мүфти Наурызбай қажы Тағанұлы", "университетінің шейхы")
        "мүфти", "мүфтиі", "шейх", "шейхы",
        # a coordinator, as "координатор" is in Russian ("кеңсесінің үйлестірушісі")
        "үйлестіруші", "үйлестірушісі",
    ],
}  # fmt: skip
HONORIFICS = {
    "dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "ms", "ms.", "mrs", "mrs.",
    "h.e.", "h.e", "lord", "sir", "профессор", "проф.", "доктор", "д-р", "г-н", "госпожа",
    "господин",
    "мырза", "ханым",
    "phd", "ph.d.", "ph.d",  # "доктор PhD Айгерим ...": a degree
    # Honorifics and styles of address written before a name in other countries' usage,
    # no part of the name ("Ambassador Shri Harsh Jain", "Prime Minister Datuk Seri Najib
    # Tun Razak", "Madame Anne Roy"): India's, Malaysia's and Brunei's styles, European
    # forms of address, and English styles of office
    "shri", "sri", "shrimati", "smt", "smt.", "kumari",
    "tun", "datuk", "dato", "dato'", "datin", "seri", "toh", "puan", "encik", "tuan",
    "pehin", "awang", "dayang",
    "herr", "frau", "monsieur", "madame", "mme", "mme.", "mlle", "signor", "signora",
    "señor", "señora", "sr.", "sra.", "dott.", "ing.", "engr.", "engr", "hon.", "hon",
    "honourable", "honorable", "excellency",
}  # fmt: skip
# Of those, the words that are part of a name once the name has begun ("Najib Tun Razak",
# "Abdullah Sri ..."): Malay names hold them between the given name and the father's.
_HONORIFICS_INSIDE_NAMES = {"tun", "seri", "sri", "toh", "awang", "dayang"}
PASS_OVER = {
    "of", "the", "to", "in", "for", "at", "and", "on", "de", "von", "van", "der", "la",
    "extraordinary", "plenipotentiary", "federal", "first", "acting",
    "under",  # "Cooperation Beijing under the Ministry of Education of the PRC Ma Jianfei"
    "и", "в", "во", "по", "при", "республики", "казахстан", "рф", "рк", "чрезвычайный", "г",
    "городе", "города",
    "полномочный", "науки", "высшего", "образования", "правительства",
    "және", "бойынша", "мен", "бен", "пен",
    "міндетін", "атқарушы", "атқарушысы", "уақытша",  # "директорының міндетін атқарушы"
    # the post held or once held ("консул қызметін атқарған Ержан ...")
    "қызметін", "атқарған", "атқаратын",
}  # fmt: skip
# "қажы" (one who made the hajj) written inside a name, after the first name.
_HAJJI = {"қажы", "хаджи", "ажы"}
# Kazakh honorifics said after the name ("Ван Шуго мырза", "Айгүл Серікова ханым").
_AFTER_NAME = {"мырза", "ханым"}
# Words of organisations' names: a run of capitalised words holding one is no person.
ORGANISATION_WORDS = {
    "university", "institute", "school", "college", "academy", "centre", "center", "council",
    "ministry", "department", "faculty", "board", "committee", "agency", "service", "office",
    "education", "research", "science", "sciences", "technology", "economics", "culture",
    "diplomacy", "affairs", "relations", "state", "national", "international", "republic",
    "kingdom", "federation", "union", "embassy", "consulate", "house", "lords", "higher",
    "scientific", "public", "cooperation", "development", "programme", "program", "forum",
    "information", "daad", "bundestag", "parliament", "senate", "majilis", "government",
    "society", "association", "foundation", "chamber", "network", "consuls", "honorary",
    "states", "fund",  # "the Turkic-Speaking States Bagdat Amreyev", "Campus Fund Жанат ..."
    # "the Center for Language Training and Cooperation", "Europe and Central Asia Division",
    # "the Department of International Cooperation and Exchange Lui Jianqing"
    "training", "division", "exchange",
    # "the Head of the Consular Section of the Embassy, Mr ...": a unit of a mission
    "section", "consular",
    # "the Association of Higher Educational Institutions", "Education Organizations"
    "educational", "institution", "institutions", "organization", "organizations",
    "organisation", "organisations",
    # fields of faculties and departments ("Dean of the Faculty of Law Maria Rossi")
    "law", "medicine", "engineering", "philology", "history", "philosophy", "journalism",
    "arts", "humanities", "languages", "studies", "mathematics", "physics", "chemistry",
    "biology", "geography", "management", "business", "oriental", "pedagogy", "psychology",
    # a vice-rector's portfolio ("Vice-Rector for Scientific and Innovative Activities")
    "activities", "activity", "innovative", "innovation", "innovations", "academic",
    "strategic", "digitalization", "digitalisation",
    # ("Vice-Rector for Educational Strategy <name>", "for Planning and Operations <name>")
    "strategy", "planning", "operations", "partnerships", "internationalization",
    "internationalisation", "outreach",
    # a minister's portfolio ("Minister of Education, Culture, Science and Sports <name>")
    "sport", "sports", "youth", "tourism", "health", "healthcare", "agriculture", "energy",
    "finance", "justice", "defence", "defense", "labour", "labor", "transport", "trade",
    "industry", "environment", "ecology", "economy", "welfare", "infrastructure",
    # ("Minister of Labor and Social Protection of ...", "of Emergency Situations")
    "social", "protection", "security", "emergency", "emergencies", "situations",
    "resources", "natural", "mining", "communications", "media", "digital", "statistics",
    # ("Minister of Religious Endowments, <name>", "the Congress of Leaders of World and
    # Traditional Religions <name>", "the Committee for Religious Affairs")
    "religious", "religion", "religions", "endowments", "awqaf", "waqf",
    # a region in a representative's post ("for Central Asia in The Hague Mr ...")
    "asia", "europe", "africa", "america", "americas", "eurasia", "oceania", "caucasus",
    "balkans", "scandinavia", "pacific", "arctic",
    "университет", "институт", "академия", "министерство", "правительства", "рф", "рк",
    "бундестага", "сената", "университеті", "институты", "министрлігі", "ұлттық", "центр",
    "центра", "орталығы",
}  # fmt: skip
# Bodies that group others, and rankings, named in Latin inside Russian and Kazakh texts
# too ("является членом объединения ... Russell Group", "QS World University Rankings")
ORGANISATION_WORDS |= {"group", "league", "alliance", "consortium", "ranking", "rankings"}
# "Director of the Department of International Cooperation of Internationalization <name>":
# an English abstract noun of a portfolio or a unit ("-ization", "-ation", "-ment", "-ship")
# is no word of a person's name, whether the list above has it or not.
_EN_ABSTRACT_NOUN = re.compile(r"[a-z]{4,}(?:ization|isation|ation|ition|ction|ment|ship|ness)")


def _organisation_word(word):
    lowered = word.lower().strip(".")
    return (
        lowered in ORGANISATION_WORDS
        or bool(_EN_ABSTRACT_NOUN.fullmatch(lowered))
        # an English plural ("the International Association of Universities (IAU)")
        or lowered.endswith("ies")
        and f"{lowered[:-3]}y" in ORGANISATION_WORDS
        or lowered.endswith("es")
        and lowered[:-2] in ORGANISATION_WORDS
        or lowered.endswith("s")
        and lowered[:-1] in ORGANISATION_WORDS
    )


# Kazakh words that open the name of a ministry or a portfolio, capitalised after a name
# ("Ғылым және жоғары білім министрі", "Сыртқы істер министрі").
_KK_PORTFOLIO_WORDS = {
    "ғылым", "білім", "сыртқы", "ішкі", "қаржы", "денсаулық", "мәдениет", "әділет",
    "энергетика", "еңбек", "қорғаныс", "сауда", "цифрлық", "экология", "көлік", "ауыл",
    "ақпарат", "оқу-ағарту", "туризм", "өнеркәсіп", "ұлттық", "мемлекеттік",
}  # fmt: skip
# Kazakh nouns of state bodies, capitalised in running text ("Үкімет отырысында", "Парламент
# Мәжілісінің", "Ақорда хабарлады"), by their stems: no word of a person's name.
_KK_STATE_BODIES = ("үкімет", "парламент", "мәжіліс", "сенат", "ақорда")
_RU_CASE_ENDINGS = {
    "ablt": ["ым", "им", "ом", "ем", "ой", "ей", "ю"],
    "gent": ["ого", "его", "а", "я", "ой", "ей", "ы"],  # "Энвер Сурти" keeps its -и
    "datv": ["ому", "ему", "у", "ю", "ой", "ей", "е"],
    "accs": ["ого", "его", "а", "я", "у", "ю"],
    "loct": ["ом", "ем", "е", "ой", "ей"],
}


_RU_VOWELS = set("аеёиоуыэюя")
# Nouns of organisations a Russian role is followed by, in the genitive, before the name:
# "директора университета Лю Сянцяня", "ректора академии ...".
_RU_ORGANISATION_NOUNS = {
    "университет", "институт", "академия", "колледж", "школа", "министерство", "факультет",
    "центр", "посольство", "консульство", "фонд", "ассоциация", "кафедра", "ведомство",
    "отдел", "департамент", "управление", "служба", "сектор", "представительство",
}  # fmt: skip


# Ranks and titles written before a name, in any case ("генерал-майором Мухаммадом ...").
_RU_RANKS = {
    "генерал", "генерал-майор", "генерал-лейтенант", "генерал-полковник", "полковник",
    "адмирал", "академик", "профессор", "доцент", "доктор", "господин", "госпожа",
}  # fmt: skip


@functools.lru_cache(maxsize=10_000)
def _is_honorific(word, language):
    lowered = word.lower()
    if lowered in HONORIFICS or lowered.strip(".") in HONORIFICS:
        return True
    if language != "ru" or not word[:1].islower():
        return False
    parse = morphology.ru_parse(word)
    return parse is not None and parse.normal_form in _RU_RANKS


# Russian territorial units named by a capitalised adjective before them ("Костанайской
# области", "Жамбылского района"): the unit's noun belongs to the organisation's name.
_RU_UNITS = {"область", "район", "округ", "край"}


@functools.lru_cache(maxsize=10_000)
def _ru_unit_after_adjective(before, word):
    if not before.lower().endswith(("ской", "цкой", "ского", "цкого", "ская", "ский", "ном")):
        return False
    parse = morphology.ru_parse(word)
    return parse is not None and parse.normal_form in _RU_UNITS


@functools.lru_cache(maxsize=10_000)
def _ru_organisation_noun(word):
    parse = morphology.ru_parse(word)
    return parse is not None and parse.normal_form in _RU_ORGANISATION_NOUNS


@dataclass
class NewPerson:
    name: str
    role: str
    organisation: str
    start: int
    end: int
    organisation_id: int | None = None


def _role_pattern(language):
    roles = sorted(ROLES[language], key=len, reverse=True)
    body = "|".join(re.escape(r) for r in roles)
    # Russian and Kazakh roles are inflected: "премьер-министром", "ректорымен"; a Kazakh
    # role made an abstract noun names an office, no person ("елшілігі" is an embassy,
    # "министрлігі" a ministry, "консулдығы" a consulate).
    ending = {"ru": _RU_ROLE_ENDING + r"(?:-\w+)?", "kk": _KK_ROLE_ENDING}.get(language, "")
    return re.compile(rf"(?<![\w-])(?:{body}){ending}(?![\w-])", re.IGNORECASE)


_KK_ROLE_ENDING = r"(?![лдт][ыі][қкғг])\w*(?:-\w+)?"


# English roles take a rank before them: "Deputy Secretary General", "Acting Dean" (looked
# for before a role found, so the scan of the text stays one plain alternation).
_RANK_BEFORE = re.compile(r"(?:deputy|acting)\s+$", re.IGNORECASE)


# A sentence's mark, not after an initial or abbreviation ("Ж.", "Ms.", "т.", "им."), or a
# line's end. The pattern opens with one character class (the mark or the line's end, told
# apart by a look-behind), so the engine skips in C to them, and the look-behinds that see
# the mark are tried only there.
_SENTENCE_END = re.compile(
    r"[.;!?\n](?:(?<=[.;!?])"
    r"(?<!Prof[.;!?])(?<!Mrs[.;!?])(?<!проф[.;!?])"  # not after "Prof.", "Mrs.", "проф."
    r"(?<![A-ZА-ЯӘҒҚҢӨҰҮҺІ][a-zа-яәғқңөұүһі][.;!?])(?<![A-ZА-ЯӘҒҚҢӨҰҮҺІ][.;!?])"
    r"(?<![\s.][а-яёәғқңөұүһі][.;!?])(?<!\sим[.;!?])(?:\s|$)|(?<=\n))"
)


@functools.lru_cache(maxsize=10_000)
def _is_role_word(word, language):
    pattern = role_pattern(language)
    if pattern.fullmatch(word):
        return True
    return "-" in word and any(pattern.fullmatch(part) for part in word.split("-")[1:])


# English verbs a headline writes with capitals ("Ambassador Delivers Lecture at ...",
# "Rector Meets Students"): no word of a name, the role's phrase is over at them.
_EN_HEADLINE_VERBS = {
    "addresses", "announces", "attends", "awards", "becomes", "briefs", "calls",
    "celebrates", "congratulates", "delivers", "discusses", "emphasises", "emphasizes",
    "explores", "expresses", "gives", "greets", "highlights", "honours", "honors", "hosts",
    "inaugurates", "invites", "joins", "launches", "lectures", "meets", "notes", "opens",
    "outlines", "participates", "pays", "presents", "proposes", "promotes", "receives",
    "reviews", "says", "signs", "speaks", "stresses", "supports", "takes", "talks", "thanks",
    "unveils", "urges", "visits", "welcomes",
}  # fmt: skip


@functools.lru_cache(maxsize=20_000)
def _word_traits(word, language):
    """What the reader of a role's words asks of each word, judged once per word: its lower
    case, whether it is an honorific, a capitalised word that is no role (a name's word), the
    first word of a role of several words, a role; then what only some words are, so that
    the reader passes over the tests none of the others can meet: the portfolio it opens
    ("for", "по": 5; "of": 1), a title of address ("Mr"), "and", a Latin word, whether any
    of the tests of the loop's rare words may hold for it (`special`), "(the one) in a
    place" ("Павлодардағы"), a Kazakh case ending that closes a name."""
    lowered = word.lower()
    role_word = _is_role_word(word, language)
    name_word = _capitalised(word) and not role_word
    if name_word and language == "en" and lowered in _EN_HEADLINE_VERBS:
        name_word = False  # "Ambassador Delivers Lecture": a headline's verb
    honorific = _is_honorific(word, language)
    if (lowered == "по" and language == "ru") or (lowered == "for" and language == "en"):
        opens_portfolio = 5
    else:
        opens_portfolio = 1 if lowered == "of" and language == "en" else 0
    special = (
        honorific
        or (word.islower() and len(word) == 1)
        or (language == "ru" and (lowered in ("им", "имени") or word in _RU_NAME_PARTICLES))
        or (language == "en" and lowered in _NAME_PARTICLES and word.islower())
        or (language != "en" and lowered in _HAJJI)
        or _is_acronym(word)
        or (
            language == "kk"
            and (
                lowered.startswith("атында")
                or _kk_locative(word)
                or lowered in _KK_PORTFOLIO_WORDS
                or lowered.startswith(_KK_STATE_BODIES)
                or (name_word and _kk_abstract_noun(lowered))
            )
        )
        or (
            name_word
            and (_DOCUMENT_NOUN.match(lowered) is not None or _WORLD_WORD.fullmatch(lowered))
        )
    )
    return (
        lowered,
        honorific,
        name_word,
        lowered in _role_first_words(language),
        role_word,
        opens_portfolio,
        honorific and language == "en" and lowered in _EN_TITLES,
        lowered in _AND,
        _LATIN_WORD.match(word) is not None,
        bool(special),
        _KK_OF_PLACE.search(lowered) is not None,
        language == "kk" and _kk_case_ended(word),
    )


def is_role_word(word, language):
    """Whether a word is a role of `language` ("елшісі", "ректора")."""
    return _is_role_word(word, language)


def _split_at_organisation_words(run):
    """'Education Shafqat Mahmood' -> 'Shafqat Mahmood', 'KazNU K N Mukanov' -> 'K N
    Mukanov': the words after the last word or acronym of an organisation's name, and of
    those the name (`_trim_to_name`)."""
    for index in range(len(run) - 1, -1, -1):
        word = run[index][2]
        if (
            _organisation_word(word)
            or _is_acronym(word)
            or morphology.PLACE_WITH_PARTICLE.fullmatch(word)  # "Монте-ди-Лука Марко ..."
        ):
            return _trim_to_name(run[index + 1 :])
    return _trim_to_name(run)


_ACRONYM = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2}")
# "Rector of L. Gumilyov ENU Yerlan Sydykov": initials and a surname written right before a
# known or suggested institution (no comma, no word between) are its honoree, no person
_INITIAL = re.compile(r"[A-Z][a-z]?\.")


def _honoree_before(text, run, name_start):
    """Whether the words of `run`, opening on an initial, stand right before `name_start`."""
    return bool(_INITIAL.match(text, run[0][0])) and text[run[-1][1] : name_start] == " "


# A capitalised word before "қаласы" (city), "облысы" (region), "ауданы" (district)... is the
# place's name: "Абзал Сапарбекұлы Мәскеу қаласында" names Abzal Saparbekuly in Moscow.
_KK_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:қаласы|облысы|ауданы|ауылы|өңірі|штаты|провинциясы|аймағы|ауылдық округ)\w*",
    re.IGNORECASE,
)
# Nouns of documents and events, written capitalised ("Меморандумға қол қойды", "Форумда")
# right after a name: they end it, none is a person's word.
_DOCUMENT_NOUN = re.compile(
    r"(?:меморандум|келісім|хаттама|бағдарлама|декларация|конвенция|жолдау|соглашени|"
    r"договор|протокол|программ|форум|конференци|саммит|олимпиад|фестивал|послани)\w*"
)
# The world and the continents, capitalised in titles of championships and forums
# ("Әлем және Азия чемпиондары", "чемпион Мира", "Еуропа Одағы"): no word of a name.
_WORLD_WORD = re.compile(
    r"(?:әлем|азия|еуропа|еуразия|африка|мир|европа|евразия)"
    r"(?:[ыі]|н[ыі]ң|ның|нің|[ғг]а|[ғг]е|да|де|дағы|дегі|лық|лік|а|ы|е|у|ой|ом)?"
)
# Russian academic degrees, said between a role and the name ("кандидат ... наук").
_RU_DEGREES = {"кандидат", "магистр", "бакалавр"}
_KK_OF_PLACE = re.compile(r"\w{3}(?:дағы|дегі|тағы|тегі)$")
_LATIN_WORD = re.compile(r"[A-Za-z]")
_NAME_BREAK = re.compile(r"[:;–—()\[\]]")


def _a_body_before(text, run, start, word, language):
    """Whether the words of `run` are a body's name, not the first of a person's, seen at the
    next capitalised word at `start`: a closing quotation mark between ("«Польша-Центральная
    Азия» Казимеж Клейна"), or a Cyrillic word after Latin ones in a Russian or Kazakh text
    ("компании Electrum Holding Гжегож Станиславский")."""
    if text.find("»", run[-1][1], start) != -1:
        return True
    return language != "en" and bool(_LATIN_WORD.match(run[-1][2])) and not _LATIN_WORD.match(word)


_STATE_WORD = re.compile(r"(?:республик|королевств|федераци|корольдіг|эмират|әмірлі|султанат)")


def _is_acronym(word):
    """'KAZINFORM', 'KazNU', 'ҚазҰУ': two capitals in a row are no part of a person's name
    ('McLeod' has none)."""
    return bool(_ACRONYM.search(word))


_AND = ("and", "и", "және")
# "Елші мен ...", "ректор және ...": a Kazakh role joined by "and" to what follows
_KK_AND_AFTER = re.compile(r"\s+(?:мен|бен|пен|және)\s")
_PLACE_PREPOSITIONS = {"to", "in", "at", "for", "under"}
_EN_PLACE_BEFORE = {"to", "in", "of"}
_LATIN_PATRONYMIC = re.compile(r"(?:ovna|evna|ovich|evich|ovych|yevna|ichna)$")
_MAX_NAMES = 3
_KK_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)")


@functools.lru_cache(maxsize=10_000)
def _is_plural(role, language):
    """'ambassadors', 'депутаты', 'мамандары': a role that several names may follow."""
    last = role.split()[-1].lower()
    if language == "en":
        return last.endswith("s")
    if language == "kk":
        return bool(_KK_PLURAL.search(last))
    parse = _ru_role_parse(last)
    return parse is not None and "plur" in parse.tag


def _ru_role_parse(word):
    """pymorphy3's parse of a Russian role's word; a shortened compound it knows only by
    its end ("генконсулы", "Генконсулом": "ген-" and "консулы") read from that end, the
    role's case and number being the end's."""
    return morphology.ru_parse(word) or morphology.ru_parse_any(word)


def _role_follows(text, position, language):
    """Whether ', <role>' follows `position` ('Tian Lulu, Deputy Secretary General')."""
    after = re.match(
        r",\s+(?:the\s+)?(?:(?:deputy|acting)\s+)?", text[position : position + 20], re.I
    )
    return bool(after) and bool(role_pattern(language).match(text, position + after.end()))


# A Russian role takes a case ending ("ректором", "заведующего"), no other suffix
# ("ректорате" is a place, "Консульским" an adjective).
_RU_ROLE_ENDING = (
    r"(?:ами|ями|ого|его|ому|ему|ий|ый|ам|ям|ах|ях|ов|ев|ей|ом|ем|ём|им|ым|ой|а|я|у|ю|е|ы|и)?"
)
_PATTERNS = {}


@functools.cache
def _role_first_words(language):
    """First words of the roles of several words ("бас" of "бас консул")."""
    return frozenset(role.split()[0] for role in ROLES[language] if " " in role)


def role_pattern(language):
    if language not in _PATTERNS:
        _PATTERNS[language] = _role_pattern(language)
    return _PATTERNS[language]


@functools.cache
def _role_automaton(language):
    """The roles as an automaton: every match of `role_pattern` starts with one, so the
    pattern is tried only where one starts (`scan.finditer_at_keys`)."""
    return keyword_automaton({role.lower() for role in ROLES[language]})


def _words(text, start, end, tokens=None):
    """(start, end, word) of the words of text[start:end]: a slice of the whole text's
    `tokens` where no word straddles the edges, else the window tokenised alone."""
    return list(_iter_words(text, start, end, tokens))


def _iter_words(text, start, end, tokens=None):
    """The words of `_words(text, start, end, tokens)`, made as they are read (a slice of
    `tokens`, else the words of the window alone, one at a time): a reader that stops after
    a few words tokenises no more."""
    clean_end = end >= len(text) or not (text[end].isalnum() or text[end] in "-'’")
    if tokens is not None and clean_end:
        starts, ends, words = tokens
        lo, hi = bisect.bisect_left(ends, start + 1), bisect.bisect_left(starts, end)
        if lo >= hi or (starts[lo] >= start and ends[hi - 1] <= end):
            return zip(starts[lo:hi], ends[lo:hi], words[lo:hi], strict=True)
    return morphology.tokens_between(text, start, end)


# English titles of address: after a role, "Vice Rector Mr Shanfeng", "President Dr. Sadough"
# name the person by one word (a surname, or the one name some cultures give), which is then
# the name; other honorifics ("Professor", "Sir", "Datuk") may stand before a first name only
_EN_TITLES = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "prof", "prof."}


def _titled_surname(run, titled):
    """Whether `run` is one word right after an English title of address ("Mr Shanfeng"),
    a person's name by itself (`titled`: the run's first word follows the title)."""
    return (
        titled
        and len(run) == 1
        and len(run[0][2]) >= 3
        and _LATIN_NAME_WORD.fullmatch(run[0][2]) is not None
        and _words_are_a_name((run[0][2],))
    )


def _run_is_name(run):
    if not 2 <= len(run) <= 4 and not (
        len(run) <= 6 and any(w in ("bin", "ibn") for _s, _e, w in run)
    ):
        return False  # "Mohammed Ahmed bin Sultan Al Jaber": an Arabic name is longer
    return _words_are_a_name(tuple(map(_word_of, run)))


_PATRONYMIC = re.compile(r"\w{3}(?:ович|евич|ьич|овна|евна|ична|инична)$", re.IGNORECASE)


def _trim_to_name(run):
    """The name in a run that also holds a place before it: 'Воронеж Т.Н. Намазбеков' ->
    'Т.Н. Намазбеков' (initials open a name), 'Ростов-на-Дону Курганбаев Рустам
    Тухтарджанович' -> the surname, name and patronymic (a patronymic ends or follows the
    first name)."""
    lo, hi = _name_bounds(tuple(map(_word_of, run)))
    if (
        hi - lo >= 3
        and len(run[lo + 1][2]) == 1
        and run[lo + 2][0] - run[lo + 1][1] == 1  # "S.Chinzorig": an initial glued on
        and len(run[lo + 2][2]) > 1  # (a surname, not another initial: "Kunanbayeva D.A.")
        and _LATIN_NAME_WORD.fullmatch(run[lo][2])
    ):
        # "Minister of Labor and Social Protection S.Chinzorig": an initial written onto
        # the surname opens the name; the word before it is the portfolio's, no first name
        lo += 1
    return run[lo:hi]


_LATIN_NAME_WORD = re.compile(r"[A-Za-z][a-z'-]+")


_TWO_LETTER_INITIAL = re.compile(r"[A-Z][a-z]")


@functools.lru_cache(maxsize=10_000)
def _name_bounds(words):
    """(first, end) indexes of the name in the words of a run (`_trim_to_name`)."""
    for index in range(len(words) - 3, -1, -1):
        word = words[index]
        if len(word) > 4 and morphology.CYRILLIC.match(word) and _ru_common_noun(word):
            lo, hi = _name_bounds(words[index + 1 :])  # "Мажилиса Нуртай Сабильянов"
            return index + 1 + lo, index + 1 + hi
    first_initial = next((i for i, w in enumerate(words) if len(w) == 1), None)
    if first_initial and _TWO_LETTER_INITIAL.fullmatch(words[first_initial - 1]):
        # "Kvon Sv.S", "Zh.K. Omarov", "Ospanova Zh.K.": an initial of two letters (Zh, Sh,
        # Kh, Ch, Yu ... of a Cyrillic letter, or a name's first two) before a one-letter
        # initial opens the initials
        if first_initial >= 2 and all(len(w) == 1 for w in words[first_initial:]):
            return first_initial - 2, len(words)
        if first_initial == 1 or (first_initial - 1 > 0 and len(words) - first_initial == 2):
            return first_initial - 1, len(words)
    if (
        first_initial
        and first_initial >= len(words) - 2
        and all(len(w) == 1 for w in words[first_initial:])
    ):
        return first_initial - 1, len(words)  # "Kunanbayeva D.A.": the surname first
    if first_initial and first_initial < len(words) - 1:
        if len(words[first_initial + 1]) > 1 and first_initial == len(words) - 2:
            first_initial -= 1  # one middle initial: "Сильвестер Б. Рошер"
        elif _a_first_name(words[first_initial - 1]):
            first_initial -= 1  # "Алан К.К. Чунг": a first name before two initials
        return first_initial, len(words)
    patronymic = next((i for i, w in enumerate(words) if _PATRONYMIC.search(w)), None)
    if patronymic is not None:
        if patronymic == len(words) - 1 and patronymic >= 2:
            return patronymic - 2, len(words)
        if 1 <= patronymic < len(words) - 1:
            return patronymic - 1, patronymic + 2
    return 0, len(words)


def _a_first_name(word):
    """Whether pymorphy3's best parse of a Cyrillic word is a first name ("Алан", "Ирина")
    and none a place ("Воронеж")."""
    if not morphology.CYRILLIC.match(word):
        return False
    parses = morphology.ru_parses(word)
    return bool(parses) and "Name" in parses[0].tag and not any("Geox" in p.tag for p in parses)


# Small words inside European names ("Denis Van den Weghe", "Ursula von der Leyen").
_NAME_PARTICLES = {
    "van", "von", "der", "den", "de", "da", "di", "del", "la", "le", "du", "ter", "bin", "ibn",
}  # fmt: skip


# The same in Russian texts ("Петра де Суттер", "Урсула фон дер Ляйен"); not "да", a word.
_RU_NAME_PARTICLES = {"де", "ван", "фон", "дер", "ден", "ди", "дель", "ла", "ле", "дю", "тер"}
_NAME_PARTICLES |= _RU_NAME_PARTICLES


# "Гулиев Фарид Рагим оглы", "Алиева Айнур Ильхам кызы": a Turkic patronymic closes the name.
_PATRONYMIC_PARTICLES = {"оглы", "оғлы", "огли", "кызы", "қызы", "гызы"}


# "On Monday, Minister of ...": a day's name is no person's.
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


_LATIN_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,15}")


def _surname_in_capitals(words):
    """'Mahmut AK', 'Yerkebulan SAPIYEV': a Latin surname in capitals after first names
    written as names are (a Turkish or French habit), no acronym."""
    return (
        len(words) >= 2
        and bool(_LATIN_CAPITALS.fullmatch(words[-1]))
        and all(_LATIN_WORD.match(w) and not _is_acronym(w) for w in words[:-1])
    )


@functools.lru_cache(maxsize=10_000)
def _words_are_a_name(words):
    if len(words) >= 3 and words[-1] in _PATRONYMIC_PARTICLES:
        words = words[:-1]
    if len(words) >= 3 and words[1] in _HAJJI:
        words = words[:1] + words[2:]  # "Наурызбай қажы Тағанұлы"
    if words and words[-1] in _NAME_PARTICLES:
        return False
    inner = [w for w in words if w not in _NAME_PARTICLES]
    if len(inner) < len(words) and len(inner) < 2:
        return False
    if any(_is_acronym(w) for w in words) and not _surname_in_capitals(words):
        return False  # "АО", "KAZINFORM", "KazNU": an acronym is no part of a person's name
    if any(_organisation_word(w) or w.lower() in _DAYS for w in words):
        return False
    if any(morphology.PLACE_WITH_PARTICLE.fullmatch(w) for w in words):
        return False  # "Ростов-на-Дону": a place
    if any(_KK_OF_PLACE.search(w.lower()) for w in words):
        return False  # "Алматыдағы": "(the one) in Almaty" is no name
    if any(_STATE_WORD.match(w.lower()) for w in words):
        return False  # "Исламской Республики": a state's name
    if _ru_body_name(words):
        return False  # "Главной Национальной Ассамблеи": a body's name
    words = [w for w in words if w not in _NAME_PARTICLES]
    return all(_capitalised(w) for w in words) and not all(w.isupper() for w in words)


# "исполняющим обязанности исполнительного директора Филиала С.Б. Снгряном": the name
# agrees with the participle, not with the role after it.
_RU_ACTING = re.compile(r"исполняющ(ий|его|ему|им|ем)\s+обязанности\s+(?:\w+\s+){0,2}$")
_RU_ACTING_CASES = {"ий": "nomn", "его": "gent", "ему": "datv", "им": "ablt", "ем": "loct"}
# "Рыбинского", "Рыбинскому", "Рыбинским": a surname declined as an adjective.
_RU_ADJECTIVAL_SURNAME = re.compile(r"(?<=[сц]к)(?:ого|ому|им|ом)$", re.IGNORECASE)


# "Кайсаркызы", "Ержанулы", "Алиевна Рагим оглы": Kazakh and Turkic patronymics, undeclined.
_RU_TURKIC_PATRONYMIC = re.compile(r"\w{3}(?:кызы|қызы|улы|ұлы)$", re.IGNORECASE)
# A woman's surname in the accusative: "Усенову", "Кассымову", "Маевскую", "Зарецкую".
_RU_FEMININE_ACCUSATIVE = re.compile(r"(?<=\w{3})(?:ову|еву|ёву|ину|ую)$", re.IGNORECASE)


def _ru_genitive_before_name(run, role):
    """Whether the first word of a run after a role in the nominative can only be a
    genitive (the honoree of the organisation before it, "Института Сервантеса"), while
    the next can be a nominative (the person's first name, "Луис")."""
    parse = _ru_role_parse(role.split()[-1])
    if parse is None or parse.tag.case != "nomn":
        return False
    first = morphology.ru_cases(run[0][2])
    return bool(first) and first <= {"gent", "accs"} and "nomn" in morphology.ru_cases(run[1][2])


def _acting_case(before):
    """The case of "исполняющим обязанности" right before a role, else None."""
    acting = _RU_ACTING.search(before.lower()) if "обязанност" in before else None
    return _RU_ACTING_CASES[acting[1]] if acting else None


@functools.lru_cache(maxsize=10_000)
def _nominative(words, language, role_word, acting_case=None):
    """The words of a name (a tuple) in the nominative, as a tuple (`acting_case`: the
    case of "исполняющим обязанности" before the role)."""
    if language == "kk":
        last = words[-1]
        if last.lower().endswith(_KK_NAMES_OF_A_VERB):
            return words  # "Мұхтар Тілеуберді": "-берді" is the name's, no accusative
        for ending in _KK_NAME_ENDINGS:
            if last.lower().endswith(ending) and len(last) - len(ending) >= 3:
                stem = last[: -len(ending)]
                if _kk_harmonises(stem, ending):
                    return (*words[:-1], stem)
        return words
    if language != "ru":
        return words
    last = role_word.split()[-1]
    parse = morphology.ru_parse(last)
    if parse is None and "-" in last:  # "вице-министра": the case of "министра"
        parse = morphology.ru_parse(last.rsplit("-", 1)[1])
    if parse is None:
        parse = _ru_role_parse(last)  # "Генконсулом": the case of "консулом"
    case = parse.tag.case if parse is not None else None
    case = acting_case or case
    if case not in _RU_CASE_ENDINGS:
        return words
    result = []
    for word in words:
        if _RU_TURKIC_PATRONYMIC.search(word):
            result.append(word)  # "Манар Кайсаркызы": a Kazakh patronymic does not decline
            continue
        if case in ("gent", "accs") and _RU_FEMININE_ACCUSATIVE.search(word):
            # "пригласили ... секретаря Усенову", "директора ... Аллу Маевскую": after a
            # role in the genitive or accusative, "-ову", "-ину", "-скую" are a woman's
            # accusative (no genitive ends so)
            ending = _RU_FEMININE_ACCUSATIVE.search(word)[0]
            result.append(word[:-2] + "ая" if ending == "ую" else word[:-1] + "а")
            continue
        if len(word) > 6 and _RU_ADJECTIVAL_SURNAME.search(word):
            result.append(_RU_ADJECTIVAL_SURNAME.sub("ий", word))
            continue
        known = morphology.ru_parse(word)
        # a man's name takes one form in the genitive and the accusative ("посла Павла")
        if (
            known is not None
            and (known.tag.case == case or {known.tag.case, case} <= {"gent", "accs"})
            and "Name" in known.tag
        ):
            inflected = known.inflect({"nomn"})
            result.append(inflected.word.capitalize() if inflected else word)
            continue
        if word.lower().endswith(("овой", "евой", "ёвой", "иной", "ской")):
            result.append(word[:-2] + "а" if not word.endswith("ской") else word[:-2] + "ая")
            continue  # "Дерканосовой" -> "Дерканосова"
        for ending in _RU_CASE_ENDINGS[case]:
            if word.lower().endswith(ending) and len(word) - len(ending) >= 3:
                if ending != "я" and word[-len(ending) - 1].lower() in _RU_VOWELS:
                    break  # a case ending follows a consonant: "Мирниа" keeps its "а"
                word = word[: -len(ending)]
                if ending == "я":  # "Сянцяня" -> "Сянцянь", "Андрея" -> "Андрей"
                    word += "й" if word[-1].lower() in _RU_VOWELS else "ь"
                elif (case, ending) in (("ablt", "ой"), ("gent", "ы")):
                    word += "а"  # "Нурой Абдуллой", "Нуры": names in -а ("Нура Абдулла")
                elif (case, ending) == ("ablt", "ей"):
                    word += "я"  # "Марией" -> "Мария"
                elif (case, ending) == ("ablt", "ем") and word[-1].lower() not in "жшчщц":
                    # a hard stem takes "-ом" but after ж, ш, ч, щ, ц: "Адилем" -> "Адиль"
                    word += "ь"
                break
        result.append(word)
    return tuple(result)


# Kazakh names made of a verb's past ("Тілеуберді", "Құдайберді", "Жанкелді", "Ергелді",
# "gave", "came"): their "-ді" is no accusative ending.
_KK_NAMES_OF_A_VERB = ("берді", "келді", "гелді")
_KK_BACK, _KK_FRONT = set("аоұы"), set("әеөүіэ")
_KK_LOCATIVE = ("нда", "нде", "да", "де", "та", "те")
# Case endings a bare name takes; "-на", "-нда" follow a possessive only ("Аверина" keeps
# its "-на").
_KK_NAME_ENDINGS = sorted(
    (
        e
        for e in morphology.KK_SUFFIX_AFTER_HYPHEN
        if len(e) >= 2
        and not e.startswith(("на", "не", "нда", "нде"))
        and e not in _KK_LOCATIVE  # a person is named in the locative almost never
    ),
    key=len,
    reverse=True,
)


# Suffixes of Kazakh abstract and collective nouns ("қауымдастық", "серіктестік"), and what
# may follow them: no case ending, or one. No name ends so once it is this long.
_KK_ABSTRACT = re.compile(r"\w{5,}?(?:лық|лік|дық|дік|тық|тік)(\w*)")


def _kk_abstract_noun(lowered):
    match = _KK_ABSTRACT.fullmatch(lowered)
    return bool(match) and (not match[1] or match[1] in _KK_NAME_ENDINGS)


# The endings that close a surname for `_kk_case_ended`, chosen once.
_KK_CLOSING_ENDINGS = tuple(
    e for e in _KK_NAME_ENDINGS if len(e) >= 2 and e not in ("сы", "сі", "ым", "ім", "ың", "ің")
)


@functools.lru_cache(maxsize=20_000)
def _kk_case_ended(word):
    """'Натыровқа', 'Юкинаға': a surname with a case ending (which ends a Kazakh noun
    phrase, so the name). Kept per word: a text names its people many times."""
    lowered = word.lower()
    return any(
        lowered.endswith(e) and len(word) - len(e) >= 4 and _kk_harmonises(lowered[: -len(e)], e)
        for e in _KK_CLOSING_ENDINGS
    )


def _kk_locative(word):
    """'Алматыда', 'Мәскеуде', 'Астанада': a capitalised word in the locative, a place
    (a person is named in the locative almost never)."""
    if not _capitalised(word):
        return False
    lowered = word.lower()
    return any(
        lowered.endswith(e) and len(word) - len(e) >= 3 and _kk_harmonises(lowered[: -len(e)], e)
        for e in _KK_LOCATIVE
    )


def _kk_harmonises(stem, ending):
    """Whether a Kazakh case ending fits the stem's last vowel: back vowels take back
    endings ("Маликпен", "Анжельенің"), so "-де" is no ending of "Ағазаде". The
    instrumental (-мен, -бен, -пен) goes with any stem, and so does a stem whose last vowel
    is one of the loan letters и, у, ю, я."""
    if ending in ("мен", "бен", "пен"):
        return True
    lowered = stem.lower()
    if lowered.endswith(("ев", "ёв", "ов")) and len(lowered) > 4:
        # "Тоқаевтың", "Бекмағамбетовке": the Russian suffix takes the root's vowels, or
        # its own ("Петровқа")
        return _kk_vowels_fit(lowered[:-2], ending) or _kk_vowels_fit(lowered, ending)
    return _kk_vowels_fit(lowered, ending)


def _kk_vowels_fit(lowered, ending):
    vowel = next((c for c in reversed(lowered) if c in "аоұыәеөүіэиуюяё"), "")
    if vowel in _KK_BACK:
        return not set(ending) & _KK_FRONT
    if vowel in _KK_FRONT:
        return not set(ending) & _KK_BACK
    return True


def _same_as_a_full_name(found):
    """'М.Бүркітбаев' beside 'Мұхамбетқали Бүркітбаев', 'B. Zhumagulov' beside 'Bakytzhan
    Zhumagulov': initials and a surname name a person suggested in full already."""
    full = {}
    for person in found:
        words = person.name.split()
        if len(words) >= 2 and len(words[0]) > 2 and "." not in words[0]:
            full.setdefault((words[-1].lower(), words[0][0].lower()), person)
    kept, dropped = [], set()
    for person in found:
        parts = [p for p in re.split(r"[\s.]+", person.name) if p]
        initials, surname = parts[:-1], parts[-1].lower() if parts else ""
        whole = (
            full.get((surname, initials[0].lower()))
            if initials and all(len(p) == 1 for p in initials)
            else None
        )
        if whole is None:
            kept.append(person)
        elif person.start < whole.start:
            # "Бас хатшысы Б. Әміреев ... Бас хатшысы Бағдат Әміреев": the person as first
            # named with the role
            kept.append(person)
            dropped.add(id(whole))
    kept = [person for person in kept if id(person) not in dropped]
    # "Council Chairman Mr Lester Garson Huang ... Council Chairman Mr Huang": a surname
    # alone (after a title, `_titled_surname`) names the person suggested in full
    surnames = {words[-1].lower() for p in kept if len(words := p.name.split()) >= 2}
    kept = [p for p in kept if " " in p.name or p.name.lower() not in surnames]
    # "Professor Kim Han Sik ... Professor Kim Khan Sik": one Latin name in two
    # romanisations of the same letters (Х as "kh" or "h", Ж as "zh" or "j", Я as "ya" or
    # "ia" ...) is one person, as first named
    first = {}
    for person in kept:
        if person.name.isascii():
            form = _romanised_form(person.name)
            if first.get(form, person).start >= person.start:
                first[form] = person
    return [
        person
        for person in kept
        if not person.name.isascii() or first[_romanised_form(person.name)] is person
    ]


_ROMANISATIONS = (("kh", "h"), ("zh", "j"), ("yu", "iu"), ("ya", "ia"), ("y", "i"), ("ou", "u"))


def _romanised_form(name):
    """A Latin name with its letters' other romanisations made one ('Kim Khan Sik' and 'Kim
    Han Sik' are 'kim han sik')."""
    form = " ".join(name.lower().split())
    for spelling, other in _ROMANISATIONS:
        form = form.replace(spelling, other)
    return form


def _spelt_name(text, run, language, role, acting_case):
    """The name a run of words after `role` spells, and its start and end as offsets from
    the run's start."""
    base = run[0][0]
    # "Culture Muhammad Shahhat Al-Jindi": organisation words before the name
    run = _trim_to_name(run)
    if language == "ru" and len(run) >= 3 and _ru_genitive_before_name(run, role):
        run = run[1:]  # "Директор Института Сервантеса Луис Гарсия Монтеро"
    start, end = run[0][0], run[-1][1]
    words = tuple(map(_word_of, run))
    nominative = _nominative(words, language, role, acting_case)
    # The text's own spelling ("М. Бүркітбаев", "А.В. Агибалов"), case endings off.
    name = _respelt(text, run, nominative)
    if len(words[-1]) == 1 and text[end : end + 1] == ".":
        name, end = name + ".", end + 1  # "Kunanbayeva D.A.": the initial's dot
    return name, start - base, end - base


def detect_new_people(
    text, language, taken, known_people, organisation_of, tokens=None, text_lower=None
):
    """New people in `text` (a normalised string; `text_lower` its lower case, if made
    already). `taken(start, end)` says whether a span overlaps a known entry or a suggested
    institution; `known_people` are the spans of known people (`mentions.Covered`);
    `organisation_of(start, end)` gives (name, id) of what a span names."""
    found, seen = [], set()
    pattern = role_pattern(language)
    people_at = known_people.marks  # a byte a character: is a known person's name there
    if text_lower is None:
        text_lower = _lower_same_length(text)
    roles_found = []
    named_roles = set()  # the starts of roles a name follows
    spellings = {}  # (a run's characters and words, role, acting case): its spelling
    # "Amina Yusuf, NileU President, and Mr Omar Haddad": a role said after a name is that
    # name's, not the next one's (read first, so that the role is not read again below)
    claimed = set()
    then_role = _name_then_role(
        text, language, taken, known_people, organisation_of, seen, tokens, text_lower, claimed
    )
    for match in finditer_at_keys(pattern, text, _role_automaton(language), text_lower):
        roles_found.append(match)
        role_start, role_end = match.span()
        # "Nursultan Nazarbayev, Prime Minister of Kazakhstan Karim Massimov visited ...,":
        # a role the name before it claimed may still run on into a name of its own before
        # the next comma; a name after that comma is not its
        claimed_role = role_start in claimed
        if tokens is not None and _ends_at_once(role_end, tokens, language, taken, known_people):
            continue
        if (
            language == "en"
            and text[role_start - 2 : role_start] in ("y ", "g ")  # "deputy ", "acting "
            and (rank := _RANK_BEFORE.search(text, max(0, role_start - 8), role_start))
        ):
            role_start = rank.start()
        role = text[role_start:role_end]
        if language == "ru" and _after_a_role(text, match.start()):
            continue  # "заместитель премьер-министра ...": the name is the outer role's
        window_end = min(len(text), role_end + 180)
        # "доц. З. Адилов": the dot of an abbreviated role ends no sentence
        after = role_end + (role_end - match.start() <= 4 and text[role_end : role_end + 1] == ".")
        sentence_end = _SENTENCE_END.search(text[after:window_end])
        if sentence_end:
            window_end = after + sentence_end.start() + 1
        words = _iter_words(text, role_end, window_end, tokens)
        run, plural = [], _is_plural(role, language)
        organisation = [role_end, role_end]
        names = []
        previous_end, previous, comma, run_after_comma = role_end, "", False, False
        honoree = False
        portfolio = 0
        run_after_the = False
        run_after_place = False  # (the run's first word follows "in", "to" or "of")
        titled, run_titled = False, False  # (the run's first word follows "Mr", "Dr" ...)
        two_roles = False
        kk_joined = language == "kk" and _KK_AND_AFTER.match(text, role_end) is not None
        previous_and = False  # (whether the word before is "and")
        for start, end, word in words:
            (
                lowered,
                honorific,
                name_word,
                role_first,
                role_word,
                opens_portfolio,
                title,
                joins,
                latin,
                special,
                of_place,
                kk_case_ended,
            ) = _word_traits(word, language)
            after_title, titled = titled, title
            if opens_portfolio == 5:
                portfolio = 5  # "Vice-Rector for strategic development <name>"
            elif opens_portfolio and not run and not names and not portfolio:
                portfolio = 1  # "Coordinator of the event <name>": one lower-case noun
            if start - previous_end == 1 and text[previous_end] == " ":
                # One space before the word (most words): no comma, quotation mark, colon,
                # dash or bracket between, only a Latin word after a Cyrillic name ends it
                comma = comma and previous_and
                quoted = (
                    bool(run)
                    and language != "en"
                    and latin
                    and morphology.CYRILLIC.match(run[-1][2]) is not None
                )
            else:
                # ", Tian Lulu" and ", and Kairat Mami" both follow a comma
                comma = text.find(",", previous_end, start) != -1 or (comma and previous_and)
                # "Жалғас Әділбаев «Идэр» университеттің ...": a quotation opens a title's or
                # an organisation's name, the person's is over
                quoted = bool(run) and text.find("«", previous_end, start) != -1
                # "Бейбіт Исабаев: – Жетісу ...", "Олжас Беркінбаев Facebook желісінде": a
                # colon, a dash or a bracket after a Cyrillic name, or a Latin word, ends it
                if run and language != "en" and not quoted:
                    quoted = bool(_NAME_BREAK.search(text, previous_end, start)) or (
                        latin and morphology.CYRILLIC.match(run[-1][2]) is not None
                    )
            joined = previous_and
            word_before = previous
            previous_end, previous, previous_and = end, lowered, joins
            if quoted and _run_is_name(run):
                names.append(run)
                run = []
                break
            if people_at[start]:
                break  # the role belongs to a known person
            if run and comma:
                # A comma ends a name. "Vice-Minister of ..., Tian Lulu, Deputy Secretary
                # General of ...": a name between commas with a role after it holds that role.
                run = _split_at_organisation_words(run) if not _run_is_name(run) else run
                if _run_is_name(run) or _titled_surname(run, run_titled):
                    if not (
                        run_after_comma
                        and _role_follows(text, run[-1][1], language)
                        and not (
                            language == "en"
                            and _role_said_before_in_a_list(text, run[0][0], pattern)
                        )
                    ):
                        names.append(run)
                    run = []
                    if not (plural and len(names) < _MAX_NAMES):
                        break  # "мамандары Людмила Доржиева, Елена Аверина": several
                if run:
                    organisation[1] = run[-1][1]
                run = []
            if claimed_role and comma:
                break
            if taken(start, end):
                if run:
                    if _run_is_name(_split_at_organisation_words(run)) and not (
                        language == "en" and _honoree_before(text, run, start)
                    ):
                        break
                    run = []  # "Al-Farabi KazNU": words of the organisation's name
                organisation[1] = end
                continue
            if honoree:
                if name_word and len(word) > 1:
                    honoree = False  # the honoree's surname: the next name is the person's
                if name_word:
                    continue
                honoree = False
            # The tests of rare words (abbreviations, particles, titles, honorifics, acronyms,
            # places, state bodies, documents): passed over for the others. A new test here
            # runs only for words `_word_traits` marks `special`: add its condition there too.
            if special:
                if language == "ru" and lowered in ("им", "имени") and not _run_is_name(run):
                    # "руководителя фонда им. Ч. Айтматова Эльдара Айтматова": the honoree of the
                    # organisation's name (initials and a surname) is no part of the person's
                    if run:
                        organisation[1] = run[-1][1]  # "Фонда им. ...": the organisation's word
                    run, honoree = [], True
                    continue
                if word.islower() and len(word) == 1 and text[end : end + 1] == ".":
                    continue  # "проректоры м.а. Қанатбек ...": an abbreviation
                if run and language == "en" and lowered in _NAME_PARTICLES and word.islower():
                    run.append((start, end, word))  # "Denis Van den Weghe"
                    continue
                if run and language == "ru" and word in _RU_NAME_PARTICLES:
                    run.append((start, end, word))  # "Петрой де Суттер", "Марком ван Хорном"
                    continue
                if len(run) == 1 and language != "en" and lowered in _HAJJI:
                    run.append((start, end, word))  # "Наурызбай қажы Тағанұлы": a title inside
                    continue
                if honorific and lowered in _AFTER_NAME and _run_is_name(run):
                    names.append(run)  # "Президенті Ван Шуго мырза": "мырза" follows the name
                    run = []
                    break
                if honorific and run and lowered in _HONORIFICS_INSIDE_NAMES and word[:1].isupper():
                    run.append((start, end, word))  # "Najib Tun Razak": a name's own word
                    continue
                if honorific:
                    if run:  # "of PSU, Professor Aryn Orsariyev": what came before is the place
                        organisation[1] = run[-1][1]
                        run = []
                    continue
                if run and language == "kk" and lowered.startswith("атында"):
                    run = []  # "президенті Борис Ельцин атындағы сыйлық": an honoree, no person
                    break
                if language == "kk" and len(run) >= 2 and _kk_locative(word) and _run_is_name(run):
                    break  # "Режеп Әлхайұлы Мәмбетқазиев Алматыда ...": a place ends the name
                if len(run) >= 2 and _is_acronym(word) and _run_is_name(run):
                    # "Саясат Нұрбек BAQ.KZ-ке берген сұхбатында": an acronym ends the name
                    names.append(run)
                    run = []
                    break
                if (
                    language == "kk"
                    and len(run) >= 2
                    and (lowered in _KK_PORTFOLIO_WORDS or lowered.startswith(_KK_STATE_BODIES))
                    and _run_is_name(run)
                ):
                    # "Қасым-Жомарт Тоқаев Ғылым және жоғары білім министрі ...": a portfolio
                    # opens the next role; "Ербол Қарашөкеев Үкімет отырысында мәлімдеді": a
                    # state body's noun, written with a capital, opens the next phrase. Either
                    # way the name is over.
                    names.append(run)
                    run = []
                    break
                if language == "kk" and len(run) >= 2 and name_word and _kk_abstract_noun(lowered):
                    # "Қайрат Нұртаев Қауымдастықтың ...": a noun in -лық/-дық/-тық is the
                    # next phrase's, no name's word
                    if _run_is_name(run):
                        break
                    run = []
                    continue
                if (
                    run
                    and name_word
                    and (_DOCUMENT_NOUN.match(lowered) or _WORLD_WORD.fullmatch(lowered))
                    and _run_is_name(run)
                ):
                    # "Мұратова Келісімге қол қойды": a document's or event's noun, no name;
                    # "Сыздықбеков Әлем және Азия чемпиондарымен": the world, a continent
                    break
            if (
                language == "kk"
                and run
                and name_word
                and _KK_PLACE_NOUN_AFTER.match(text, end)
                and _run_is_name(run)
            ):
                break  # "Абзал Сапарбекұлы Мәскеу қаласында": the city's name ends the person's
            if of_place and run:
                # "Лиат Вексельман Павлодардағы ...": "(the one) in Pavlodar" ends a name
                if _run_is_name(run):
                    break
                run = []
                continue
            # "... Алматыдағы Бас консулымен": a role of several words starts a word early
            if name_word and not (role_first and pattern.match(text, start)):
                if run and _a_body_before(text, run, start, word, language):
                    organisation[1] = run[-1][1]
                    run = []
                if not run:
                    run_after_comma = comma
                    run_after_the = word_before == "the"
                    run_after_place = language == "en" and word_before in _EN_PLACE_BEFORE
                    run_titled = after_title
                run.append((start, end, word))
                # "А. К. Натыровқа Алғыс хаттар": the case ending is on a name's last word
                if kk_case_ended and len(run) >= 2 and _run_is_name(run):
                    break
                continue
            if run and language != "en" and lowered in _PATRONYMIC_PARTICLES and len(run) >= 2:
                run.append((start, end, word))  # "Гулиев Фарид Рагим оглы": the father's name
                break
            if (
                run
                and language == "en"
                and run_after_the
                and lowered in _PLACE_PREPOSITIONS
                and len(run) <= 2
                and _split_at_organisation_words(run) == run
            ):
                # "the Ambassador of the Holy See to Mongolia, Jan Lindqvist": capitalised
                # words after "the" and before "to", "in" ... name a body or a place
                organisation[1] = run[-1][1]
                run = []
                continue
            if run:
                run = _split_at_organisation_words(run) if not _run_is_name(run) else run
                if (
                    run_after_place
                    and len(run) == 3
                    and all(_LATIN_NAME_WORD.fullmatch(w[2]) for w in run)
                    and run[1][2].lower() not in _NAME_PARTICLES  # "Xavier Le Torrivellec"
                    and not _LATIN_PATRONYMIC.search(run[2][2])  # "... Saltanat Toleuovna"
                ):
                    # "Consul of Kazakhstan in Omsk Konyssbek Zhusupbekov", "Ambassador ...
                    # to the Republic of Kasakhstan Stefano Ravagnan": one word after "in",
                    # "to", "of" ends the role's place; the first and last name follow it
                    organisation[1] = run[0][1]
                    run = run[1:]
                if _run_is_name(run) or _titled_surname(run, run_titled):
                    names.append(run)
                    if not (plural and lowered in _AND and len(names) < _MAX_NAMES):
                        break
                elif run:
                    organisation[1] = run[-1][1]
                    if language == "ru" and _ru_unit_after_adjective(run[-1][2], word):
                        organisation[1] = end  # "аким Костанайской области": not "Костанайской"
                run = []
                if role_word:
                    break
                continue
            if role_word:
                if joined and not names:
                    # "с Вице-ректором и Директором ... Крис Ван Гит и Бартом Хендриком":
                    # two roles, two names
                    plural = True
                    two_roles = True
                elif kk_joined and not names:
                    two_roles = True  # "Елші мен Ақмола облысының әкімі ..."
                continue  # "the Chairman of the Board-Rector", "представитель президента"
            if lowered in PASS_OVER:
                continue
            if portfolio and word[:1].islower():
                # "проректора по учебной работе Н.М. ...", "министр ... по национальной
                # политике и внешним связям Багиев ...": the portfolio's words
                portfolio -= 1
                continue
            if language == "ru" and lowered in _RU_DEGREES:
                # "начальник отдела ..., магистр педагогики и психологии Динара Сапарова",
                # "кандидат филологических наук": a degree's words stand between role and name
                portfolio = 4
                continue
            if language == "ru" and _ru_organisation_noun(word):
                organisation[1] = end
                continue
            if language == "ru" and _ru_portfolio_word(word):
                continue
            break  # a verb or another word: the role's phrase is over
        if run and not _run_is_name(run):
            run = _split_at_organisation_words(run)
        if (
            run
            and (_run_is_name(run) or _titled_surname(run, run_titled))
            and len(names) < (_MAX_NAMES if plural else 1)
        ):
            names.append(run)
        if two_roles and len(names) == 1 and language != "en" and not _is_plural(role, language):
            # "Елші мен Ақмола облысының әкімі Е. Б. Маржықпаев": two roles joined by "and"
            # and one name after them; the name is the nearer role's, whose own match finds
            # it (the first role's holder was named before)
            names = []
        if names:
            named_roles.add(match.start())
            # (the case of "исполняющим обязанности" before the role, the same for its names)
            acting_case = _acting_case(text[max(0, match.start() - 60) : match.start()])
        for run in names:
            # A text names its people many times: a run of the same characters and words
            # after the same role is spelt once (most runs name someone suggested already)
            base = run[0][0]
            key = (
                text[base : run[-1][1] + 1],
                tuple([(s - base, e - base) for s, e, _w in run]),
                role,
                acting_case,
            )
            spelt = spellings.get(key)
            if spelt is None:
                spelt = spellings[key] = _spelt_name(text, run, language, role, acting_case)
            name, start, end = spelt[0], base + spelt[1], base + spelt[2]
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            org_text = text[organisation[0] : min(organisation[1], start)]
            org_name, org_id = organisation_of(organisation[0], min(organisation[1], start))
            shown_role = _ru_role_nominative(role) if language == "ru" else role
            if language == "ru" and not org_name:
                shown_role, org_text = _ru_role_of_a_role(shown_role, org_text)
            found.append(
                NewPerson(
                    name,
                    _clean_role(shown_role),
                    org_name or _clean_organisation(org_text),
                    start,
                    end,
                    org_id,
                )
            )
    found += then_role
    if language == "ru":
        # "сына писателя Чингиза Айтматова, руководителя фонда Эльдара Айтматова": a role
        # after a comma that a name follows is that name's, not the one before the comma's
        unnamed = [match for match in roles_found if match.start() not in named_roles]
        found += _ru_name_then_role(text, unnamed, taken, known_people, organisation_of, seen)
    if language == "kk":
        found += _kk_caption(text, roles_found, taken, known_people, organisation_of, seen)
    if language in ("ru", "kk"):
        found += _speaker_captions(text, language, taken, known_people, organisation_of, seen)
    return _same_as_a_full_name(found)


# A transcript's speaker, opening a line before the quote it introduces (after a dash, on
# the next line or, the lines joined, the same one): "Ирина Франк, профессор университета
# им. Гумбольдта:" / "- Я ...", and the reporter's "Марат Ли, корреспондент:", "Марат Ли,
# тілші:". The caption says the name is a person's whatever the dictionary makes of its
# words ("Франк" a currency); a caption with no role ("Со Джи Ху, студентка:") names no
# one with a role.
_SPEAKER_CAPTION = re.compile(
    r"^[ \t]*(?P<name>[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?"
    r"(?:[ \t]+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?){1,2}),"
    r"[ \t]+(?P<role>[^\n:]{1,160}?)[ \t]*:\s*[-–—][ \t]",
    re.MULTILINE,
)
# A reporter's role, a press word no role of the directory's ("корреспондент", "тілші")
_REPORTER = re.compile(r"(?:корреспондент|журналист|тілші)\w*", re.IGNORECASE)


def _speaker_captions(text, language, taken, known_people, organisation_of, seen):
    found = []
    for caption in _SPEAKER_CAPTION.finditer(text):
        start, end = caption.span("name")
        name = caption["name"]
        if name.lower() in seen or taken(start, end) or known_people.overlaps(start, end):
            continue
        role_start, role_end = caption.span("role")
        role_words = caption["role"].split()
        if _REPORTER.fullmatch(role_words[0]):
            role, org_start, org_end = role_words[0], role_start + len(role_words[0]), role_end
        else:
            at = next((w for w in role_words if _is_role_word(w, language)), None)
            if at is None:
                continue
            offset = role_start + caption["role"].index(at)
            role = at
            # "профессор университета ...": the organisation after the role; Kazakh
            # "... орталығының директоры": before it
            if offset == role_start:
                org_start, org_end = offset + len(at), role_end
            else:
                org_start, org_end = role_start, offset
        seen.add(name.lower())
        org_name, org_id = organisation_of(org_start, org_end)
        org_text = org_name or _clean_organisation(text[org_start:org_end])
        found.append(NewPerson(name, _clean_role(role), org_text, start, end, org_id))
    return found


# A caption opening a line, before the quote it introduces: "Арида Тұрымшаева, М. Әуезов
# атындағы ... орталығының директоры:" (the name, a comma, the role closing on a colon)
_KK_CAPTION_NAME = re.compile(
    r"[ \t]*(?P<name>[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?"
    r"(?:[ \t]+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?){1,2}),[ \t]"
)
_CAPTION_END = re.compile(r"[ \t]*:[ \t]*(?:\n|$)")


def _kk_caption(text, roles, taken, known_people, organisation_of, seen):
    found = []
    for match in roles:
        if not _CAPTION_END.match(text, match.end()):
            continue
        line = text.rfind("\n", 0, match.start()) + 1
        caption = _KK_CAPTION_NAME.match(text, line, match.start())
        if not caption:
            continue
        start, end = caption.span("name")
        if taken(start, end) or known_people.overlaps(start, end):
            continue
        run = list(morphology.tokens_between(text, start, end))
        if not _run_is_name(run) or text[start:end].lower() in seen:
            continue
        seen.add(text[start:end].lower())
        role = text[caption.end() : match.end()]
        org_name, org_id = organisation_of(caption.end(), match.start())
        org_text = org_name or _clean_organisation(text[caption.end() : match.start()])
        found.append(NewPerson(text[start:end], _clean_role(role), org_text, start, end, org_id))
    return found


# "<Имя Фамилия>, <первому> <проректору>": a name, a comma, at most two lower-case words
# (an ordinal, an adjective) and the role, read backwards from the role.
_RU_NAME_BEFORE_ROLE = re.compile(
    r"(?P<name>(?-i:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){1,2})),"
    r"\s+(?:(?P<which>котор[а-яё]+\s+(?:[а-яё]+\s+){0,3})|(?:[а-яё]+\s+){0,2})$"
)


# "Бадри Начкебия, которого недавно назначили заведующим ...": a relative clause says the
# role too, with up to three more words before it
_LOWER_WORDS_TO_ROLE = re.compile(r"\s+(?:котор[а-яё]+\s+(?:[а-яё]+\s+){0,3}|(?:[а-яё]+\s+){0,2})")
# A list of guests, one a line: "2. Асғар Сабери – Начальник культурного представительства",
# "3. Дарабиан – Генеральный консул ...", "4. М. Камрани – Представитель ...": a line's
# number, a name (a single one too: the list says it is one), a dash and the role, with at
# most three words before it ("Чрезвычайный и полномочный посол").
_RU_NAME_WORD = r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?"
_RU_LIST_ITEM = re.compile(
    rf"[ \t]*(?P<number>\d{{1,2}}[.)][ \t]*|[•*-][ \t]+)?"
    r"(?:(?:Доктор|Профессор|Проф\.|Д-р|Господин|Госпожа|Г-н)[ \t]+)?"
    rf"(?P<name>(?:[А-ЯЁ]\.[ \t]?){{0,2}}{_RU_NAME_WORD}(?:[ \t]+{_RU_NAME_WORD}){{0,2}})"
    r"[ \t]+[–—-][ \t]+(?:[\w-]+[ \t]+){0,3}"
)


# "Токаев", which pymorphy3 reads best as "токай" in the genitive plural: a capitalised word
# with a surname's ending is a surname, unless it is a place ("Ростов")
_RU_SURNAME_SHAPE = re.compile(r"[А-ЯЁ][а-яё]{2,}(?:ов|ев|ёв|ин|ова|ева|ёва|ина)")


def _ru_name_word(word):
    """A word pymorphy3 knows as a name, surname or patronymic, or does not know, or one
    shaped as a surname that is no place."""
    parse = morphology.ru_parse(word)
    if parse is None or bool({"Name", "Surn", "Patr"} & parse.tag.grammemes):
        return True
    return bool(_RU_SURNAME_SHAPE.fullmatch(word)) and "Geox" not in parse.tag


def _ru_name_then_role(text, roles, taken, known_people, organisation_of, seen):
    """'Айгерим Шилибековой, первому проректору университета': a name before a Russian
    role after a comma, in the role's case, given in the nominative."""
    found = []
    for match in roles:
        # the item opens a line, or follows a colon or a semicolon (lines joined)
        lo = max(0, match.start() - 120)
        line = max(text.rfind(mark, lo, match.start()) for mark in "\n;:")
        if line != -1 or lo == 0:
            item = _RU_LIST_ITEM.fullmatch(text, line + 1, match.start())
            if item and (item["number"] or line == -1 or text[line] == "\n"):
                found += _ru_listed_name(
                    text, match, item, taken, known_people, organisation_of, seen
                )
                continue
        # The pattern's comma is the last one before the role, with only lower-case words
        # after it: most roles have none such, and need no search of their 90 characters.
        comma = text.rfind(",", max(0, match.start() - 90), match.start())
        if comma == -1 or not _LOWER_WORDS_TO_ROLE.fullmatch(text, comma + 1, match.start()):
            continue
        before = _RU_NAME_BEFORE_ROLE.search(text, max(0, match.start() - 90), match.start())
        if not before:
            continue
        start, end = before.start("name"), before.end("name")
        if taken(start, end) or known_people.overlaps(start, end):
            continue
        between = text[before.end("name") : match.start()].split()[1:]
        if text[start:end].lower() in seen or any(_is_role_word(w, "ru") for w in between):
            continue  # "Марина Орлова, специальный представитель президента": found already
        run = list(morphology.tokens_between(text, start, end))
        words = tuple(w for _s, _e, w in run)
        if not _run_is_name(run) or not all(_ru_name_word(w) for w in words):
            continue
        role = text[match.start() : match.end()]
        # in a relative clause the role's case is the clause's, not the name's
        nominative = words if before["which"] else _nominative(words, "ru", role)
        name = _respelt(text, run, nominative)
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        stop = _SENTENCE_END.search(text, match.end(), min(len(text), match.end() + 160))
        org_end = stop.start() if stop else min(len(text), match.end() + 160)
        comma = text.find(",", match.end(), org_end)
        org_end = comma if comma != -1 else org_end
        org_name, org_id = organisation_of(match.end(), org_end)
        org_text = org_name or _clean_organisation(text[match.end() : org_end])
        found.append(NewPerson(name, _clean_role(role), org_text, start, end, org_id))
    return found


def _ru_listed_name(text, match, item, taken, known_people, organisation_of, seen):
    start, end = item.span("name")
    if taken(start, end) or known_people.overlaps(start, end):
        return []
    run = list(morphology.tokens_between(text, start, end))
    words = [w for _s, _e, w in run if len(w) > 1]  # "М. Камрани": the initial is no word
    # The list says a name is there: no body's word ("Университет ..."), whatever pymorphy3
    # makes of foreign names ("Али" a conjunction, "Карими" an adjective).
    if any(_ru_common_noun(w) for w in words) or text[start:end].lower() in seen:
        return []
    seen.add(text[start:end].lower())
    role = text[match.start() : match.end()]
    line_end = text.find("\n", match.end())
    org_end = line_end if line_end != -1 else len(text)
    org_end = min(org_end, match.end() + 160)
    org_name, org_id = organisation_of(match.end(), org_end)
    org_text = org_name or _clean_organisation(text[match.end() : org_end].rstrip(";.,"))
    return [NewPerson(text[start:end], _clean_role(role), org_text, start, end, org_id)]


def _respelt(text, run, words):
    """The text of the run with its words replaced by `words` (their nominative)."""
    if all(new == old for (_s, _e, old), new in zip(run, words, strict=True)):
        return text[run[0][0] : run[-1][1]]  # already in the nominative, the usual case
    parts, position = [], run[0][0]
    for (start, end, _word), new in zip(run, words, strict=True):
        parts += [text[position:start], new]
        position = end
    return "".join(parts)


def _after_a_role(text, position):
    """Whether the word before `position` is a Russian role ("заместитель", "советник"):
    what `re.search(r"([\\w-]+)\\s+$", before)` finds, looked for in the last run of
    characters that are no space."""
    before = text[max(0, position - 40) : position]
    stripped = before.rstrip()
    if len(stripped) == len(before) or not stripped:
        return False
    return _ends_with_a_role_word(stripped.rsplit(None, 1)[-1])


@functools.lru_cache(maxsize=10_000)
def _ends_with_a_role_word(chunk):
    """Whether the characters that are no space before a role end with a Russian role word
    (judged once per such run of characters)."""
    word = _WORD_AT_END.search(chunk)
    return bool(word) and _is_role_word(word.group(), "ru")


_WORD_AT_END = re.compile(r"[\w-]+$")


@functools.lru_cache(maxsize=10_000)
def _ru_portfolio_word(word):
    """'культуры', 'финансов', 'сельского': a lower-case word in the genitive after a
    Russian role is its portfolio ("министр культуры и информации Аида Балаева")."""
    if not word.islower():
        return False
    kinds = morphology.ru_genitive_kinds(word)
    if not kinds and "NOUN" in morphology.ru_compound_genitive_kinds(word):
        return True  # "ректор вуза-партнера ...", "начальника студгородка ...": a compound
    return bool(kinds & {"NOUN", "ADJF"})


def _ru_body_name(words):
    """'Главной Национальной Ассамблеи', 'Российского союза': Russian words pymorphy3 knows
    as an adjective and an inanimate common noun (none a name, surname or patronymic) name a
    body, not a person ("Сеид Ахмад Карими": "Карими" reads as an adjective, "Сеид" is
    animate)."""
    if not all(morphology.CYRILLIC.match(w) for w in words):
        return False
    kinds = set()
    for word in words:
        parse = morphology.ru_parse(word)
        if parse is None or {"Name", "Surn", "Patr"} & parse.tag.grammemes:
            continue
        animate = parse.tag.POS == "NOUN" and "inan" not in parse.tag
        kinds.add("ANIMATE" if animate else parse.tag.POS)
    return {"ADJF", "NOUN"} <= kinds  # an animate noun ("Сеид") may be a title


def _ru_common_noun(word):
    """'Мажилиса', 'Министерства': a capitalised word pymorphy3 knows as a noun that is no
    name is a body's name, not a person's."""
    parse = morphology.ru_parse(word)
    return (
        parse is not None
        and parse.tag.POS == "NOUN"
        and "inan" in parse.tag  # "Сеид", "Шейх": a title opens a name
        and not {"Name", "Surn", "Patr"} & parse.tag.grammemes
    )


def _ends_at_once(position, tokens, language, taken, known_people):
    """Whether the role ending at `position` is followed by a word that ends its phrase
    at once ("the Ambassador noted ..."), as the loop of `detect_new_people` would find:
    most roles are, and this test spares them the window and its words."""
    starts, ends, words = tokens
    k = bisect.bisect_left(starts, position)
    if k == len(starts) or (k and ends[k - 1] > position):
        return False  # no word after it, or a word runs across the role's end
    if not _ends_a_role_phrase(words[k], language):
        return False
    return not taken(starts[k], ends[k]) or known_people.contains(starts[k])


@functools.lru_cache(maxsize=20_000)
def _ends_a_role_phrase(word, language):
    """Whether `word`, right after a role and in no known entry, ends the role's phrase."""
    lowered = word.lower()
    if not word[:1].islower() or lowered in PASS_OVER or lowered in HONORIFICS:
        return False
    if _is_honorific(word, language) or (language == "ru" and _ru_organisation_noun(word)):
        return False
    if len(word) == 1:
        return False  # an abbreviation ("м.а.", "и.о.") may come before the name
    # "помощник президента ...", "министр культуры ...": a role or its portfolio goes on
    return not (_is_role_word(word, language) or (language == "ru" and _ru_portfolio_word(word)))


# Whose role it is, between the comma and the role: a country's possessive or an acronym
# ("Erlan Sagadiev, Kazakhstan's Minister of Education", "..., UAE Ambassador to ...",
# "Freddy Boey, CityU President": capitals at both ends, up to seven letters).
_WHOSE_ROLE = r"(?:(?-i:[A-Z][A-Za-z]{0,5}[A-Z])\s+|(?-i:[A-Z][\w-]+)(?:'s|’s)\s+)?"


@functools.cache
def _name_then_role_pattern():
    pattern = re.compile(
        # (a name's words open with a capital, an accented one too: "Ádám Szűcs"; a dot
        # ends an initial, "K.N.", "Zh.", not a word: "... in Oman. Aidar Seitov, ...")
        # (no line break inside a name: "... with Kazakhstan\n\nNikolay Kropachev, Rector")
        # (A word's letters and the spaces after it are taken whole, `*+`, `++`: what follows
        # each is no letter of it, so giving one back never finds a match, only costs steps.)
        r"(?P<name>(?-i:(?:[^\W\d_a-z](?:[\w'-]*+|[a-z]?(?:\.[^\W\d_a-z][a-z]?)*\.)[^\S\n]++"
        r"(?:(?:bin|ibn)\s+)?){1,4}[^\W\d_a-z][\w'-]++))"
        # ("Denis Ivanov (representative of ...)": a role in brackets is in apposition, and
        # may follow the capitalised words of an office: "(International Relations Manager")
        r"(?:,|\s+is|\s+\((?-i:(?:[A-Z][a-z]+\s+){0,3}))"
        r"\s*(?:the\s+)?(?:extraordinary\s+and\s+plenipotentiary\s+)?"
        # "Askhat Orazbay, the new ambassador of ...": a newly taken post is the post
        r"(?:(?:new|incoming|current)\s+)?"
        + _WHOSE_ROLE
        + r"(?P<role>(?:(?:deputy|acting)\s+)?"
        + role_pattern("en").pattern
        + r")(?=(?P<rest>[^.;,]{0,160}))",  # (read ahead: "... of Arts and <Name>, <Role>")
        re.IGNORECASE,
    )
    return pattern, keyword_automaton({role.lower() for role in ROLES["en"]})


_RANK_AT_START = re.compile(r"(?:deputy|acting)\s+", re.IGNORECASE)
_HIS_EXCELLENCY = re.compile(r"H\.\s?E\.")
_COMMA_BEFORE_ROLE = re.compile(
    r"(?:,\s+|\s+is\s+|\s+\((?:[a-z]+\s+){0,3})(?:the\s+)?(?:extraordinary\s+and\s+plenipotentiary\s+)?"
    r"(?:[a-z]{2,7}\s+|[a-z][\w-]+(?:'s|’s)\s+)?"
    r"(?:(?:deputy|acting)\s+)?$"
)


def _comma_before(lowered, position):
    """Whether what comes before `position` in the lower-case text is what comes before the
    role of '<Name>, <Role>' or '<Name> is the <Role>' (", ", ", the acting ", " is the
    extraordinary and plenipotentiary "), within 70 characters."""
    return bool(_COMMA_BEFORE_ROLE.search(lowered, max(0, position - 70), position))


_CLAUSE_START = re.compile(r"(?:[.;:!?]\s|\n)")


def _role_said_before_in_a_list(text, start, pattern):
    """Whether the name at `start` is one of a list of '<Role>, <Name>' pairs ("attended by
    the Minister of Culture of Mongolia, Bold Tsend, the Ambassador of the EU to Mongolia,
    Jan Lindqvist, ..."): its sentence opens the list with a role (no name right before the
    first comma), the name is an odd item, and the item before it holds a role."""
    if text[max(0, start - 2) : start] != ", ":
        return False
    lo = max(0, start - 400)
    opening = max((m.end() for m in _CLAUSE_START.finditer(text, lo, start)), default=lo)
    items = text[opening:start].split(",")[:-1]
    if len(items) % 2 != 1 or not items[0].strip() or not pattern.search(items[-1]):
        return False
    first = items[0].split()
    if not pattern.search(items[0]) or all(_capitalised(w) for w in first[-2:]):
        return False  # "attended by Anna Berg, Advisor to ...": the list opens with a name
    return all(pattern.search(item) for item in items[::2])


def _name_then_role(
    text,
    language,
    taken,
    known_people,
    organisation_of,
    seen,
    tokens=None,
    text_lower=None,
    claimed=None,
):
    """'<Name>, <Role> of <organisation>', '<Name> is the <Role> of <organisation>'
    (English); the starts of the roles read are added to `claimed`."""
    if language != "en":
        return []
    found = []
    pattern, role_words = _name_then_role_pattern()
    # Every match holds a role word: the pattern runs only near them (`scan.py`), in
    # windows wide enough for four words of a name before it and the 160 after it.
    lowered = _lower_same_length(text) if text_lower is None else text_lower
    # (Only role words right after a comma and the words the pattern allows between them.)
    comma_before = functools.partial(_comma_before, lowered)
    for match in finditer_near(
        pattern, text, role_words, search_in=lowered, before=150, after=260, keep=comma_before
    ):
        start, end = match.start("name"), match.end("name")
        if not _capitalised(match["name"]) or taken(start, end):
            continue
        if known_people.overlaps(start, end):
            continue
        run = _words(text, start, end, tokens)
        if len(run) > 2 and _HIS_EXCELLENCY.match(text, run[0][0]):
            run = run[2:]  # "H.E. Mr. Olzhas Suleimenov, Ambassador": two letters, no name's
            start = run[0][0]
        while run and (_is_honorific(run[0][2], language) or _is_role_word(run[0][2], language)):
            # "Mr. John Smith, the Rector"; "Provost Ilesanmi Adesida, Chairman": the words
            # before the name are no part of it
            run = run[1:]
            start = run[0][0] if run else end
        inner_role = max(
            (i for i, (_s, _e, w) in enumerate(run[:-1]) if _is_role_word(w, language)),
            default=None,
        )
        if inner_role is not None:
            # "County Governor Stefan Attefall, Vice-Chancellor ...", "Regional Director Ann
            # Lee, ...": a role inside the run ends a qualified post, the name follows it
            run = run[inner_role + 1 :]
            start = run[0][0] if run else end
        if not _run_is_name(run):
            continue
        if _role_said_before_in_a_list(text, start, role_pattern(language)):
            continue  # its role is the one before it, the one after is the next name's
        if claimed is not None and text.startswith(",", match.end("rest")):
            # "<Name>, <Role>, <Name>": the role is the first name's ("<Name>, <Role of
            # ...> <Name>" may be the second's: left to the reading of roles before names)
            rank = _RANK_AT_START.match(match["role"])
            claimed.add(match.start("role") + (rank.end() if rank else 0))
        name = text[start:end]
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        rest = re.match(r"\s*(?:and\s+[\w -]+?\s+)?(?:of|at)\s+(?:the\s+)?(.+)", match["rest"])
        org_span = (match.start("rest") + (rest.start(1) if rest else 0), match.end("rest"))
        org_name, org_id = organisation_of(*org_span) if rest else ("", None)
        found.append(
            NewPerson(
                name,
                _clean_role(match["role"]),
                org_name or (_clean_organisation(rest[1]) if rest else ""),
                start,
                end,
                org_id,
            )
        )
    return found


@functools.lru_cache(maxsize=10_000)
def _ru_role_nominative(role):
    """A Russian one-word role in the nominative, as an editor keeps it and as an affiliation's
    title takes it ("встретился с министром ... Адилем Керимли" gave "Министром", "по
    информации заместителя ..." gave "Заместителя"); the number is kept ("Представители")."""
    if " " in role.strip():
        return role
    word = role.strip()
    # "вице-министра": a compound pymorphy3 reads by its last part
    parse = morphology.ru_parse(word) or ("-" in word and morphology.ru_parse_any(word))
    if not parse or "NOUN" not in parse.tag or parse.tag.case in (None, "nomn"):
        return role
    form = parse.inflect({"nomn"})
    return form.word if form is not None else role


def _ru_role_of_a_role(role, org_text):
    """ "заместитель" with the organisation "директора департамента" is the role "заместитель
    директора" of "департамента": a role's genitive opening the organisation's text is the
    role's own word (the organisation was a post, "главы ведомства", "руководителя
    управления")."""
    words = org_text.split(None, 1)
    if len(words) == 2 and words[0][:1].islower() and _is_role_word(words[0], "ru"):
        return f"{role} {words[0]}", words[1]
    return role, org_text


def _clean_role(role):
    role = " ".join(role.split())
    return role[:1].upper() + role[1:]


# "Minister of Foreign Affairs and discussed ...", "the Rowing Federation said": a verb of
# reporting or of a meeting (or "who", "which") opens the clause after the organisation's name
_CLAUSE_AFTER_ORGANISATION = re.compile(
    r"\s+(?:and\s+)?(?:who|which|said|says|noted|notes|told|added|stressed|stated|"
    r"emphasi[sz]ed|underlined|discussed|discusses|met|held|visited|signed|expressed|"
    r"announced|reported|informed|informs)\b.*",
    re.DOTALL,
)


# "Deputy Governor – Chairman of Astrakhan region's government": a second post joined by a
# dash stands before the organisation
_DASHED_SECOND_POST = re.compile(r"^[-–—]\s*(?:[A-Z][\w-]*\s+){1,3}(?:of|at)\s+")


_CYRILLIC_LETTER = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)


def _clean_organisation(text):
    text = _CLAUSE_AFTER_ORGANISATION.sub("", text)
    text = " ".join(text.replace(",", " ").split())
    text = _DASHED_SECOND_POST.sub("", text)
    # "Премьер-Министрінің орынбасары – Сыртқы істер министрі ...": after a dash comes a
    # second post of the same person, no organisation ("- Сыртқы", "орынбасары - Сыртқы"
    # were suggested); what stays is no organisation either when it is a role's word alone
    if _CYRILLIC_LETTER.search(text):
        text = re.split(r"(?:^|\s)[-–—](?:\s|$)", text, maxsplit=1)[0].strip()
        if " " not in text and any(is_role_word(text, lang) for lang in ("kk", "ru")):
            return ""
    text = re.sub(r"^(?:of|to|in|at|the)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.IGNORECASE)
    return text.strip(" ,")[:200]
