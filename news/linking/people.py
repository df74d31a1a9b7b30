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
import re
from dataclasses import dataclass

from . import morphology
from .directory import _lower_same_length
from .scan import finditer_at_keys, finditer_near, keyword_automaton

_CAPITAL = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
ROLES = {
    "en": [
        "ambassador extraordinary and plenipotentiary", "ambassador", "ambassadors",
        "consul general", "consul", "deputy minister", "minister", "vice-minister",
        "secretary of state", "secretary", "president and vice-chancellor", "president",
        "presidents", "vice-president", "vice-rector", "vice rector", "first vice-rector",
        "rector", "vice-chancellor", "vice chancellor", "chancellor", "provost", "dean",
        "director", "head", "chairman", "chairwoman", "chair", "governor", "mayor",
        "vice-principal", "principal", "counsellor", "adviser", "advisor",
    ],
    "ru": [
        "чрезвычайный и полномочный посол", "посол", "посла", "послу", "послом", "послы",
        "послов", "генеральный консул", "консул",
        "заместитель министра", "замминистра", "министр", "президент", "вице-президент",
        "проректор", "ректор", "декан", "директор", "председатель правительства",
        "председатель", "губернатор", "аким", "премьер-министр",
        "заместитель председателя правительства", "вице-премьер", "депутат",
    ],
    "kk": [
        "елші", "елшісі", "бас консул", "консул", "министр", "министрі", "президент",
        "президенті", "бірінші проректоры", "проректор", "проректоры", "ректор", "ректоры",
        "декан", "деканы", "директор", "директоры", "әкім", "әкімі", "басшысы", "төрағасы",
        "хатшы", "хатшысы", "мемлекеттік хатшы", "мемлекет хатшысы",
    ],
}  # fmt: skip
HONORIFICS = {
    "dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "ms", "ms.", "mrs", "mrs.",
    "h.e.", "h.e", "lord", "sir", "профессор", "проф.", "доктор", "г-н", "госпожа", "господин",
    "мырза", "ханым",
}  # fmt: skip
PASS_OVER = {
    "of", "the", "to", "in", "for", "at", "and", "on", "de", "von", "van", "der", "la",
    "extraordinary", "plenipotentiary", "federal", "first", "acting",
    "и", "в", "по", "при", "республики", "казахстан", "рф", "рк", "чрезвычайный",
    "полномочный", "науки", "высшего", "образования", "правительства",
    "және", "бойынша", "мен", "бен", "пен",
    "міндетін", "атқарушы", "атқарушысы", "уақытша",  # "директорының міндетін атқарушы"
}  # fmt: skip
# Words of organisations' names: a run of capitalised words holding one is no person.
ORGANISATION_WORDS = {
    "university", "institute", "school", "college", "academy", "centre", "center", "council",
    "ministry", "department", "faculty", "board", "committee", "agency", "service", "office",
    "education", "research", "science", "sciences", "technology", "economics", "culture",
    "diplomacy", "affairs", "relations", "state", "national", "international", "republic",
    "kingdom", "federation", "union", "embassy", "consulate", "house", "lords", "higher",
    "scientific", "public", "cooperation", "development", "programme", "program", "forum",
    "information", "daad", "bundestag", "parliament", "senate", "majilis", "government",
    "университет", "институт", "академия", "министерство", "правительства", "рф", "рк",
    "бундестага", "сената", "университеті", "институты", "министрлігі", "ұлттық", "центр",
    "центра", "орталығы",
}  # fmt: skip
_RU_CASE_ENDINGS = {
    "ablt": ["ым", "им", "ом", "ем", "ой", "ей", "ю"],
    "gent": ["ого", "его", "а", "я", "ой", "ей", "ы", "и"],
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
}  # fmt: skip


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
    # Russian and Kazakh roles are inflected: "премьер-министром", "ректорымен".
    ending = r"\w*" if language in ("ru", "kk") else ""
    return re.compile(rf"(?<![\w-])(?:{body}){ending}(?![\w-])", re.IGNORECASE)


_SENTENCE_END = re.compile(
    r"(?<![A-ZА-ЯӘҒҚҢӨҰҮҺІ][a-zа-яәғқңөұүһі])(?<![A-ZА-ЯӘҒҚҢӨҰҮҺІ])[.;!?](?:\s|$)|\n"
)


@functools.lru_cache(maxsize=10_000)
def _is_role_word(word, language):
    return bool(role_pattern(language).fullmatch(word))


def _split_at_organisation_words(run):
    """'Education Shafqat Mahmood' -> 'Shafqat Mahmood': the words after the last word of
    an organisation's name."""
    for index in range(len(run) - 1, -1, -1):
        if run[index][2].lower().strip(".") in ORGANISATION_WORDS:
            return run[index + 1 :]
    return run


_PATTERNS = {}


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


def _run_is_name(run):
    if not 2 <= len(run) <= 4:
        return False
    return _words_are_a_name(tuple(w for _s, _e, w in run))


@functools.lru_cache(maxsize=10_000)
def _words_are_a_name(words):
    if any(len(w) > 1 and w.isupper() for w in words):
        return False  # "АО", "KAZINFORM": an acronym is no part of a person's name
    if any(w.lower().strip(".") in ORGANISATION_WORDS for w in words):
        return False
    return all(_CAPITAL.match(w) for w in words) and not all(w.isupper() for w in words)


@functools.lru_cache(maxsize=10_000)
def _nominative(words, language, role_word):
    """The words of a name (a tuple) in the nominative, as a tuple."""
    if language == "kk":
        last = words[-1]
        for ending in sorted(morphology.KK_SUFFIX_AFTER_HYPHEN, key=len, reverse=True):
            if len(ending) >= 2 and last.lower().endswith(ending) and len(last) - len(ending) >= 3:
                return (*words[:-1], last[: -len(ending)])
        return words
    if language != "ru":
        return words
    parse = morphology.ru_parse(role_word.split()[-1])
    case = parse.tag.case if parse is not None else None
    if case not in _RU_CASE_ENDINGS:
        return words
    result = []
    for word in words:
        known = morphology.ru_parse(word)
        if known is not None and known.tag.case == case and "Name" in known.tag:
            inflected = known.inflect({"nomn"})
            result.append(inflected.word.capitalize() if inflected else word)
            continue
        for ending in _RU_CASE_ENDINGS[case]:
            if word.lower().endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                if ending == "я":  # "Сянцяня" -> "Сянцянь", "Андрея" -> "Андрей"
                    word += "й" if word[-1].lower() in _RU_VOWELS else "ь"
                break
        result.append(word)
    return tuple(result)


def detect_new_people(text, language, taken, known_people, organisation_of, tokens=None):
    """New people in `text` (a normalised string). `taken(start, end)` says whether a span
    overlaps a known entry or a suggested institution; `known_people` are the spans of
    known people; `organisation_of(start, end)` gives (name, id) of what a span names."""
    found, seen = [], set()
    pattern = role_pattern(language)
    lowered = _lower_same_length(text)
    for match in finditer_at_keys(pattern, text, _role_automaton(language), lowered):
        if tokens is not None and _ends_at_once(match.end(), tokens, language, taken, known_people):
            continue
        role = text[match.start() : match.end()]
        window_end = min(len(text), match.end() + 180)
        sentence_end = _SENTENCE_END.search(text[match.end() : window_end])
        if sentence_end:
            window_end = match.end() + sentence_end.start() + 1
        words = _iter_words(text, match.end(), window_end, tokens)
        run, plural = [], role.lower().endswith("s") and language == "en"
        organisation = [match.end(), match.end()]
        names = []
        for start, end, word in words:
            lowered = word.lower()
            if known_people.contains(start):
                break  # the role belongs to a known person
            if taken(start, end):
                if run:
                    break
                organisation[1] = end
                continue
            if lowered.strip(".") in HONORIFICS or lowered in HONORIFICS:
                if run:  # "of PSU, Professor Aryn Orsariyev": what came before is the place
                    organisation[1] = run[-1][1]
                    run = []
                continue
            if _CAPITAL.match(word) and not _is_role_word(word, language):
                run.append((start, end, word))
                continue
            if run:
                run = _split_at_organisation_words(run) if not _run_is_name(run) else run
                if _run_is_name(run):
                    names.append(run)
                    if not (plural and lowered == "and" and len(names) < 2):
                        break
                elif run:
                    organisation[1] = run[-1][1]
                run = []
                if _is_role_word(word, language):
                    break
                continue
            if lowered in PASS_OVER:
                continue
            if language == "ru" and _ru_organisation_noun(word):
                organisation[1] = end
                continue
            break  # a verb or another word: the role's phrase is over
        if run and not _run_is_name(run):
            run = _split_at_organisation_words(run)
        if run and _run_is_name(run) and len(names) < (2 if plural else 1):
            names.append(run)
        for run in names:
            # "Culture Muhammad Shahhat Al-Jindi": organisation words before the name
            start, end = run[0][0], run[-1][1]
            words = tuple(w for _s, _e, w in run)
            nominative = _nominative(words, language, role)
            # The text's own spelling ("М. Бүркітбаев") unless a case ending was taken off.
            name = text[start:end] if nominative == words else " ".join(nominative)
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            org_text = text[organisation[0] : min(organisation[1], start)]
            org_name, org_id = organisation_of(organisation[0], min(organisation[1], start))
            found.append(
                NewPerson(
                    name,
                    _clean_role(role),
                    org_name or _clean_organisation(org_text),
                    start,
                    end,
                    org_id,
                )
            )
    found += _name_then_role(text, language, taken, known_people, organisation_of, seen, tokens)
    return found


def _ends_at_once(position, tokens, language, taken, known_people):
    """Whether the role ending at `position` is followed by a word that ends its phrase
    at once ("the Ambassador noted ..."), as the loop of `detect_new_people` would find:
    most roles are, and this test spares them the window and its words."""
    starts, ends, words = tokens
    k = bisect.bisect_left(starts, position)
    if k == len(starts) or (k and ends[k - 1] > position):
        return False  # no word after it, or a word runs across the role's end
    word = words[k]
    lowered = word.lower()
    if not word[:1].islower() or lowered in PASS_OVER or lowered in HONORIFICS:
        return False
    if lowered.strip(".") in HONORIFICS or (language == "ru" and _ru_organisation_noun(word)):
        return False
    return not taken(starts[k], ends[k]) or known_people.contains(starts[k])


@functools.cache
def _name_then_role_pattern():
    pattern = re.compile(
        r"(?P<name>(?-i:(?:[A-Z][\w'-]+\s+){1,3}[A-Z][\w'-]+)),\s+(?:the\s+)?(?P<role>"
        + role_pattern("en").pattern
        + r")(?P<rest>[^.;]{0,160})",
        re.IGNORECASE,
    )
    return pattern, keyword_automaton({role.lower() for role in ROLES["en"]})


def _comma_before(text, position):
    """Whether a comma is among the 40 characters before `position`: the role of
    '<Name>, <Role>' comes a few characters after one (", the Acting Dean")."""
    return text.rfind(",", max(0, position - 40), position) != -1


def _name_then_role(text, language, taken, known_people, organisation_of, seen, tokens=None):
    """'<Name>, <Role> of <organisation>' (English)."""
    if language != "en":
        return []
    found = []
    pattern, role_words = _name_then_role_pattern()
    # Every match holds a role word: the pattern runs only near them (`scan.py`), in
    # windows wide enough for four words of a name before it and the 160 after it.
    lowered = _lower_same_length(text)
    # (Only role words with a comma shortly before them, as in every match.)
    comma_before = functools.partial(_comma_before, lowered)
    for match in finditer_near(
        pattern, text, role_words, search_in=lowered, before=150, after=260, keep=comma_before
    ):
        start, end = match.start("name"), match.end("name")
        if not _CAPITAL.match(match["name"]) or taken(start, end):
            continue
        if known_people.overlaps(start, end):
            continue
        run = _words(text, start, end, tokens)
        if not _run_is_name(run):
            continue
        name = match["name"]
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


def _clean_role(role):
    role = " ".join(role.split())
    return role[:1].upper() + role[1:]


def _clean_organisation(text):
    text = " ".join(text.replace(",", " ").split())
    text = re.sub(r"^(?:of|to|in|at|the)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.IGNORECASE)
    return text.strip(" ,")[:200]
