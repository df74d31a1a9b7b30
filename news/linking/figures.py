"""Find counted facts ("11 students from Kazakhstan", "five Kazakh researchers") in a text.

A figure is a number, in digits or words, followed by at most three modifiers and a
counted noun. Earlier values ("up from eight"), approximations ("more than 20") and
dates are not figures. Each figure belongs to what its sentence is about: a partnership
when the sentence names two of its members (or one and its kind, or the figure's country
is another member's), otherwise the institution named nearest to it.
"""

import bisect
import dataclasses
import functools
import operator
import re
from dataclasses import dataclass

from .directory import partnership_keywords_in
from .figures_cyrillic import cyrillic_figures
from .scan import is_word_char, keyword_automaton, windows

# Partnerships whose students or researchers move between the members' countries.
MOBILE_KINDS = {"academic_mobility", "double_degree", "joint_programme", "joint_course"}
# "will join the programme at AMS": a partnership the text has already named.
BACK_REFERENCE = re.compile(
    r"\bthe (?:programme|program|project|course|partnership|scheme|exchange|degree)\b"
)

# The adjective a label uses where countryinfo's demonym is not the usual one.
PREFERRED_DEMONYMS = {"KZ": ["Kazakh"], "KG": ["Kyrgyz"], "UZ": ["Uzbek"], "TJ": ["Tajik"]}

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

_U = "|".join(UNITS)
_SMALL = rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{_U}))?|{'|'.join(TEENS)}|{_U})"
# ("twenty thousand students", "a thousand guests": thousands said in words)
_WORDS = (
    rf"(?:(?:{_SMALL}|a)\s+thousand|(?:{_U}|a)\s+hundred(?:\s+(?:and\s+)?{_SMALL})?"
    rf"|a\s+dozen|{_SMALL})"
)
# "12,000", "576 557", "60 thousand", "2.5 thousand", "12"
_DIGITS = r"(?:\d+(?:\.\d+)?\s+thousand)|\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?![\d,.])|\d+"

NOUNS = (
    "students|student|researchers|researcher|scholars|scientists|professors|teachers|"
    "lecturers|graduates|fellows|postdocs|candidates|interns|trainees|alumni|participants|"
    "specialists|experts|academics|engineers|doctors|scholarships|grants|projects|"
    "programmes|programs|courses|agreements|memoranda|memorandums|guests|people|delegates|"
    "visitors|citizens|nationals|rectors|pupils|schoolchildren|applicants|diplomats|"
    "volunteers|employees|branches|children|compatriots|Kazakhs|Uzbeks|Tajiks|Turkmens|"
    "Kazakhstanis|"
    # instruments of cooperation besides agreements and memoranda, as the annotation rules
    # count them ("471 such contracts", "12 protocols", "five treaties")
    "contracts|treaties|accords|protocols|MoUs|fellowships|internships|stipends|"
    # people of other trades and callings a press release counts ("300 athletes")
    "athletes|sportsmen|artists|musicians|performers|journalists|officials|cadets|"
    "physicians|nurses|medics|instructors|tutors|educators|mentors|coaches|inventors|"
    # who speak or stand for a body at an event ("more than 60 representatives of ...")
    "representatives|envoys|parliamentarians|entrepreneurs|businessmen|repatriates|"
    # who won a competition or a scholarship ("44 Kazakh winners of the scholarships")
    "winners|laureates|finalists|awardees|prizewinners"
)
# People counted by their nation ("some 200,000 ethnic Germans", "5,000 Koreans"), as
# "Kazakhs" and "Uzbeks" are: the plural demonyms of the countries and peoples a press
# release of the region names, capitalised only, since some are common words too ("poles",
# "turks").
PEOPLES = (
    "Germans|Russians|Ukrainians|Belarusians|Poles|Lithuanians|Latvians|Estonians|Moldovans|"
    "Georgians|Armenians|Azerbaijanis|Turks|Kyrgyzstanis|Uzbekistanis|Tajikistanis|Afghans|"
    "Pakistanis|Indians|Iranians|Arabs|Kurds|Koreans|Mongolians|Mongols|Uyghurs|Uighurs|"
    "Dungans|Tatars|Bashkirs|Chechens|Ingush|Kalmyks|Karakalpaks|Greeks|Jews|Bulgarians|"
    "Hungarians|Czechs|Slovaks|Romanians|Serbs|Croats|Italians|Americans|Canadians|Britons|"
    "Malaysians|Indonesians|Filipinos|Vietnamese|Thais|Egyptians|Nigerians|Kandases|Oralmans"
)
_NOUNS = rf"{NOUNS}|(?-i:{PEOPLES})"
MODIFIERS = (
    "master's|bachelor's|masters|master|bachelor|PhD|doctoral|postdoctoral|international|exchange|foreign|"
    "young|new|postgraduate|undergraduate|graduate|visiting|female|male|talented|additional|"
    "ethnic|"
    "more|joint|double-degree|research|educational|MBA|scholarship|university|cooperation|"
    "partnership|such|other|"
    # the kind of a programme or project ("39 academic mobility projects")
    "academic|mobility|"
    # a singular counted noun before another is its modifier ("6,500 student athletes")
    "student"
)
_MOD = rf"(?:{MODIFIERS}|(?-i:[A-Z][a-z]+)(?:'s)?)"
FIGURE = re.compile(
    rf"(?<![\w.,-])(?P<number>{_DIGITS}|{_WORDS})\s+"
    # "about 5,000 of which are ethnic Kazakhs"
    rf"(?:of\s+(?:which|whom|them)\s+(?:are|were)\s+)?"
    # "13 research and educational projects", "90 representatives and guests": modifiers
    # or counted nouns joined by "and" share the one count
    rf"(?P<phrase>(?:{_MOD}\s+(?:and|or)\s+)?(?:{_MOD}\s+){{0,3}}(?:{_NOUNS})"
    rf"(?:\s+and\s+(?:{_NOUNS})\b(?!\s+of\b))?)\b"
    # "citizens of the Republic of Kazakhstan" are "citizens of Kazakhstan"
    rf"(?:\s+(?P<link>from|of)\s+(?:the\s+Republic\s+of\s+)?(?P<origin>(?-i:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)))?",
    re.IGNORECASE,
)
# ", Mongolia, and Russia", " and Russia": more places after a count's origin
_MORE_PLACES = re.compile(r",?\s+(?:(?:and|or)\s+)?((?-i:[A-Z])[\w'-]*)", re.IGNORECASE)
# Who attends an event is no count of an institution's cooperation.
ATTENDANCE = re.compile(
    r"\b(?:guests|people|visitors|delegates|participants|гост|участник|человек|қонақ|қатысушы)",
    re.IGNORECASE,
)
# "30-дан астам қазақстандық студент ... кездесуге қатысты", "200 students attended the
# forum": people said to attend an event after their count, whatever their noun
ATTENDED = re.compile(
    r"\b(?:attended|took\s+part|participated|приняли\s+участие|приняло\s+участие|"
    r"участвовали|қатысты|қатысып|қатысқан)\b",
    re.IGNORECASE,
)
# Every figure ends in one of the counted nouns: the pattern runs only near them.
_NOUN_WORDS = keyword_automaton({noun.lower() for noun in NOUNS.split("|") + PEOPLES.split("|")})


def _number_start():
    """Where a count may start: a digit or the first letter of a number's word, with no word
    character, dot, comma or hyphen before it (FIGURE's look-behind), and the word's other
    letters after it ("a" only before "thousand", "hundred" or "dozen"). The pattern opens
    with one character class, so that `re` skips to the next candidate letter in C; the
    look-behind, written after that letter, spans two characters. A candidate is that one
    letter (the rest is looked ahead at), so that no candidate hides the next one: in "a
    two ..." the "t" is one too."""
    tails = {}
    for word in [*UNITS, *TEENS, *TENS]:
        tails.setdefault(word[0], []).append(word[1:])
    words = "|".join(
        rf"(?<={first})(?=(?:{'|'.join(sorted(rest, key=len, reverse=True))})[\s-])"
        for first, rest in sorted(tails.items())
    )
    return re.compile(
        rf"[\da{''.join(sorted(tails))}](?<![\w.,-].)(?:(?<=\d)|(?<=a)(?=\s+[thd])|{words})",
        re.IGNORECASE,
    )


# (a superset of the places where FIGURE matches: every match starts at one)
_NUMBER_START = _number_start()


def _figure_matches(text, lowered):
    """The matches of FIGURE near the counted nouns (`scan.finditer_near(FIGURE, text,
    _NOUN_WORDS, search_in=lowered, before=90, after=60)`, the same matches), FIGURE tried
    only where a count may start (`_NUMBER_START`), not at every character of the windows:
    on 2 MB of English, 0.05 s instead of 0.15 s."""
    last_end = 0
    figure_at = FIGURE.match
    for lo, hi in windows(lowered, _NOUN_WORDS, 90, 60):
        for candidate in _NUMBER_START.finditer(text, max(lo, last_end), hi):
            start = candidate.start()
            if start < last_end:
                continue
            match = figure_at(text, start, hi)
            if match:
                last_end = match.end()
                yield match


# Words before a number that make it an earlier value, not the count.
NOT_A_COUNT = re.compile(
    r"(?:\b(?:up|down|rose|grew|increased|decreased)\s+from|\bcompared\s+(?:to|with)|"
    r"(?<!more )(?<!less )(?<!fewer )\bthan|\binstead\s+of|\bpreviously|\bsince|\bin|\bby|"
    r"\buntil)\s+$",
    re.IGNORECASE,
)
# "The event was expected to attract 200 students": a forecast or a plan, no count (as
# "жоспарланған", "планируется" are not in Russian and Kazakh).
_FORECAST_BEFORE = re.compile(
    r"\b(?:expected|planned|plans|plan|aims|aim|intends|intend|hopes|hope)\s+to\s+[a-z]+\s+$"
    # "targets this year there will be 100 students": what will be is no count yet
    r"|\bthere\s+will\s+be\s+$|\bwill\s+(?:reach|exceed|total|number)\s+$"
    # "the President instructed to open five branches": what is ordered is not there yet
    r"|\b(?:commissioned|instructed|ordered|tasked|directed)\s+(?:\w+\s+)?to\s+[a-z]+\s+$",
    re.IGNORECASE,
)
# "the commission, which aims to support 226,000 ethnic Germans": a body's standing aim of
# serving a group that is there counts the group (as "aims to attract 500 students", a
# target, does not)
_AIM_TO_SERVE = re.compile(
    r"\baims?\s+to\s+(?:support|serve|unite|represent|protect)\s+(?:some\s+|about\s+|over\s+)?$",
    re.IGNORECASE,
)
# "enrolled in 29 educational programs", "take part in 12 joint projects": after "in", a
# count of programmes or projects is one (of people or of years it is none).
_INSTRUMENT = re.compile(r"(?:programmes|programs|projects|courses)$", re.IGNORECASE)
_IN = re.compile(r"in\s+", re.IGNORECASE)
# Words before a number that make it an approximation: kept, with `approximate`.
_APPROX_WORDS = (
    r"(?:about|around|nearly|almost|over|some|approximately|roughly|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|upwards\s+of)"
)
APPROXIMATELY = re.compile(rf"(?:\bup\s+to|\b{_APPROX_WORDS})\s+$", re.IGNORECASE)


def _approximate_before(text, start):
    """Whether the words just before a count at `start` make it an approximation."""
    return bool(APPROXIMATELY.search(text[max(0, start - 25) : start]))


def _is_year(number):
    """Whether `number` is a year ("from 65,000 in 2020"), not a count."""
    return number.isdigit() and 1900 <= int(number) <= 2100


def words_to_number(words):
    words = words.lower().replace("-", " ").split()
    if words[:2] == ["a", "dozen"]:
        return 12
    total, current = 0, 0
    for word in words:
        if word in ("and",):
            continue
        if word == "a":
            current = 1
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total, current = total + (current or 1) * 1000, 0
        elif word in UNITS:
            current += UNITS[word]
        elif word in TEENS:
            current += TEENS[word]
        elif word in TENS:
            current += TENS[word]
    return total + current


def parse_number(text):
    if text[0].isdigit():
        if text.endswith("thousand"):
            return round(float(text.split()[0]) * 1000)
        return int(text.replace(",", "").replace(" ", ""))
    return words_to_number(text)


@dataclass(frozen=True)
class FigureMention:
    label: str
    value: int
    subject_kind: str  # partnership, institution, new_institution or "" (the press release)
    subject_id: int | None
    text: str
    sentence: str
    start: int
    approximate: bool = False
    subject_name: str = ""  # a suggested new institution's name

    @property
    def key(self):
        return figure_key(
            self.subject_kind, self.subject_id, self.subject_name, self.label, self.value
        )


def figure_key(subject_kind, subject_id, subject_name, label, value):
    """What makes two figures the same (`FigureMention.key`)."""
    subject = subject_id if subject_id is not None else subject_name.lower()
    return f"figure:{subject_kind}:{subject}:{label.lower()}:{value}"


def _demonym_table(index):
    """Country id -> the adjective labels use; country words -> country id."""
    preferred, by_word = {}, {}
    for pk, code in index.countries.items():
        demonyms = PREFERRED_DEMONYMS.get(str(code), [])
        demonyms += index.country_names_of(pk, with_names=False)
        if demonyms:
            preferred[pk] = demonyms[0]
        for word in index.country_names_of(pk):
            by_word[word.lower()] = pk
    return preferred, by_word


def detect_figures(
    index,
    text,
    hits,
    sentence_institutions,
    on,
    named_partnerships=(),
    language="en",
    new_institutions=None,
):
    """Counted facts in `text`, each with what it belongs to: a partnership or institution
    its sentence is about, else a new institution suggested in that sentence, else the
    press release alone (subject_kind "")."""
    if not hasattr(index, "_demonyms"):
        index._demonyms = _demonym_table(index)
    institution_hits = [
        (h.start, h.entries[0][1]) for h in hits if h.entries[0][0] == "institution"
    ]
    new_institutions = sorted((new_institutions or {}).items())
    # the suggested institutions of each country, read once, and only if a figure asks
    by_country = functools.cache(lambda: _new_institutions_by_country(hits, new_institutions))
    if language in ("ru", "kk"):
        raw = cyrillic_figures(text.text, language, hits, text.words_and_numbers)
    else:
        raw = _english_figures(index, text, part_of := {})
    known = {pk for _start, pk in institution_hits}  # the text's, once (not per figure)
    found, seen, holders = [], {}, {}  # seen: figure key -> its index in found
    headline_end = text.text.find("\n")
    subject_at = {}  # start of a figure -> (subject, subject_name)
    for start, matched, value, label, country_id, approximate in raw:
        if language == "en" and ("them", start) in part_of and part_of[start] not in subject_at:
            continue  # "25 students in their group, and two of them ...": the whole is none
        if language == "en" and part_of.get(start) in subject_at:
            # "Nearly 200 of these students": a part of a count is about what the count is
            subject, subject_name = subject_at[part_of[start]]
            key = figure_key(subject[0], subject[1], subject_name, label[:100], value)
            if key in seen:
                continue
            seen[key] = len(found)
            found.append(
                FigureMention(
                    label[:100], value, subject[0], subject[1], matched,
                    text.sentence(start), start, approximate, subject_name,
                )
            )  # fmt: skip
            continue
        subject = _subject(
            index,
            text,
            start,
            sentence_institutions,
            institution_hits,
            country_id,
            named_partnerships,
        )
        subject_name = ""
        if whose := _students_from(text, start + len(matched), institution_hits, new_institutions):
            subject, subject_name = whose
        elif language == "en" and (which := _which_clause_of(text, start, hits, new_institutions)):
            subject, subject_name = which
        elif _BETWEEN_UNIVERSITIES.search(text.text, start, text.sentence_span(start)[1]):
            subject = ("", None)
        elif language == "en" and (
            named := _the_named_one(text, start, hits, new_institutions, holders)
        ):
            subject, subject_name = named
        elif language == "en" and (
            this_one := _this_institution(text, start, institution_hits, new_institutions)
        ):
            subject, subject_name = this_one
        elif (
            language == "en"
            and len(known) == 1
            and (
                _OF_A_FACULTY.match(text.text, start + len(matched))
                or _OF_THE_UNIVERSITY.match(text.text, start + len(matched))
            )
        ):
            # "four students of the Faculty of ...", "trained five doctoral students of the
            # university": the text's own institution's
            subject = ("institution", next(iter(known)))
        elif (
            language == "en"
            and len(known) == 1
            and not new_institutions
            and _A_UNIT_BEFORE.search(text.text, text.sentence_span(start)[0], start)
        ):
            # "every year the Far East Department sends more than 20 students": a unit
            # named without its institution is one of the one institution the text knows
            subject = ("institution", next(iter(known)))
        if (
            language in ("ru", "kk")
            and subject is not None
            and subject[0] == "institution"
            and _attended_from_several(text, start, sentence_institutions, new_institutions)
        ):
            # "Сайысқа ҚазҰУ, ЕҰУ, ... жалпы 16 студент қатысты": people from several
            # institutions attending an event are the press release's, not the nearest's
            subject = ("", None)
        if language in ("ru", "kk") and _of_counted_institutions(text, start, start + len(matched)):
            # "Қытайдың 10 ЖОО-ның 37 студенті", "37 студентов из 10 вузов Китая": the
            # counted belong to so many institutions, unnamed, none the text names
            subject = ("", None)
        if language in ("ru", "kk") and _named_as_included(
            text, start + len(matched), institution_hits, new_institutions
        ):
            # "девять филиалов российских вузов, включая ... филиал МГИМО": what "включая"
            # names is one of the counted, the count is the press release's
            subject = ("", None)
        if (
            subject is None
            and language == "kk"
            and (of_country := _unnamed_university_of(text, start, hits, by_country))
        ):
            subject, subject_name = ("new_institution", None), of_country
        if subject is None:
            nearby = _new_institutions_near(text, start, new_institutions)
            if nearby and language == "kk" and _in_a_country(text, start, hits):
                nearby = _new_institutions_near(text, start, new_institutions, own=True)
            # One new institution in the sentence is what it is about; a list of them, or
            # people attending an event, belong to the press release alone.
            if not nearby and not institution_hits:
                nearby = _the_one_new_institution(text, start, new_institutions, language)
            if len(set(nearby)) > 1 and language == "en":
                # "Kozybayev University has sent 29 students to the University of Arizona":
                # the one the sentence opens on, as its subject, is what the count is about
                nearby = _the_opening_one(text, start, new_institutions) or nearby
            if (
                not nearby
                and not new_institutions
                and len(known) == 1
                and _says_the_institution(text, start, language)
            ):
                # "Currently the university is implementing 542 educational programs", a
                # paragraph after the one known institution the text names
                subject = ("institution", next(iter(known)))
            elif (
                len(set(nearby)) == 1
                and not ATTENDANCE.search(label)
                and not ATTENDED.search(text.text, start, text.sentence_span(start)[1])
                and not (language == "en" and _in_a_country_after(text, start + len(matched), hits))
            ):
                subject, subject_name = ("new_institution", None), nearby[0]
            else:
                subject = ("", None)
        label = label[:100]
        subject_at[start] = (subject, subject_name)
        key = figure_key(subject[0], subject[1], subject_name, label, value)
        if key in seen:
            # the same figure again: no sentence to cut (long texts); said first in the
            # headline, it is the body's ("600 казахстанцев" in both, then "600 человек" in a
            # quote: the headline's copy goes, the body's stays)
            first = seen[key]
            if found[first].start < headline_end < start:
                found[first] = dataclasses.replace(
                    found[first], text=matched, sentence=text.sentence(start), start=start
                )
            continue
        seen[key] = len(found)
        found.append(
            FigureMention(
                label,
                value,
                subject[0],
                subject[1],
                matched,
                text.sentence(start),
                start,
                approximate,
                subject_name,
            )
        )
    # "Kazakhstan allocates 10 scholarships" (the headline), then "KAZGUU has allocated 10
    # scholarships": one figure, about what the body says it is about.
    about = {(f.label, f.value) for f in found if f.subject_kind}
    found = [f for f in found if f.subject_kind or (f.label, f.value) not in about]
    found = _said_again_of_its_subject(found)
    found = _said_again_as_people(found)
    # "234 казахстанца поедут учиться" (the headline), then "кандидатуру 234 претендентов":
    # the body says what the headline's number counts.
    title_end = text.text.find("\n")
    body_values = {f.value for f in found if f.start > title_end >= 0}
    # "Қазақстанда 31 мың шетелдік студент" (the headline), then "31 500 шетелдік студент":
    # the headline's round number is the body's count rounded
    body_counts = {(f.label, f.value) for f in found if f.start > title_end >= 0}
    # "100 мыңға жуық қазақстандық студент" (the headline), then "91,2 мың студент": the
    # body's count, rounded in the headline, which says whose the counted are
    for headline in [f for f in found if f.start < title_end]:
        fuller = [
            f
            for f in found
            if f.start > title_end >= 0
            and headline.label.endswith(f" {f.label}")
            and _rounded(headline.value, f.value)
        ]
        if len(fuller) == 1 and headline.value not in body_values:
            body = fuller[0]
            found[found.index(body)] = dataclasses.replace(body, label=headline.label)
            body_counts.add((headline.label, body.value))
    return [
        f
        for f in found
        if not (
            f.start < title_end
            and (
                f.value in body_values
                or any(label == f.label and _rounded(f.value, v) for label, v in body_counts)
                # "more than 30 Kazakh students" (the headline), then "39 students were
                # selected" from Kazakhstan: a headline's approximation of a count the body
                # gives exactly, under the same label, is that count said roughly
                or (
                    f.approximate
                    and any(
                        label == f.label and 3 * abs(v - f.value) < f.value
                        for label, v in body_counts
                    )
                )
            )
        )
    ]


_KK_OF_COUNTED_INSTITUTIONS = re.compile(
    r"\d+\s+(?:ЖОО|жоғары оқу орн|университет|институт|колледж)[\w-]*"
    r"(?:ның|нің|дың|дің|тың|тің)\s+(?:\d+\s+\w+\s+(?:мен|пен|бен|және)\s+)?$",
    re.IGNORECASE,
)
_RU_OF_COUNTED_INSTITUTIONS = re.compile(
    r"\s+(?:из\s+)?\d+\s+(?:вуз|университет|институт|колледж)", re.IGNORECASE
)


def _of_counted_institutions(text, start, end):
    """Whether the people counted at text[start:end] are said to be of a number of
    institutions ("10 ЖОО-ның 37 студенті", "37 студентов из 10 вузов")."""
    return bool(
        _KK_OF_COUNTED_INSTITUTIONS.search(text.text, max(0, start - 70), start)
        or _RU_OF_COUNTED_INSTITUTIONS.match(text.text, _word_end(text.text, end))
    )


def _word_end(text, position):
    """The end of the word running at `position` ("37 студентов" ends after the noun)."""
    while position < len(text) and (text[position].isalnum() or text[position] == "-"):
        position += 1
    return position


_INCLUDING = re.compile(r"(?<!\w)(?:включая|в том числе|соның ішінде)(?!\w)", re.IGNORECASE)


def _named_as_included(text, end, institution_hits, new_institutions):
    """Whether every institution, known or new, of the sentence of a count ending at `end`
    is named after "включая" / "в том числе" / "соның ішінде" (including) said after the
    count: those are among the counted, none is what the count is about."""
    s_start, s_end = text.sentence_span(end - 1)
    including = _INCLUDING.search(text.text, end, s_end)
    if including is None:
        return False
    lo = bisect.bisect_left(institution_hits, (s_start, -1))
    hi = bisect.bisect_left(institution_hits, (s_end, -1))
    starts = [s for s, _pk in institution_hits[lo:hi]]
    lo = bisect.bisect_left(new_institutions, (s_start, ""))
    hi = bisect.bisect_left(new_institutions, (s_end, ""))
    starts += [s for s, _name in new_institutions[lo:hi]]
    return bool(starts) and min(starts) > including.start()


def _attended_from_several(text, start, sentence_institutions, new_institutions):
    """Whether the count at `start` is of people said to attend something after it, in a
    sentence naming two institutions or more (known or new)."""
    lo, hi = text.sentence_span(start)
    if not ATTENDED.search(text.text, start, hi):
        return False
    known = sentence_institutions.get(text.sentence_index(start), set())
    new = {name for position, name in new_institutions if lo <= position < hi}
    return len(known) + len(new) >= 2


# The bare word for people, which a count said again takes ("600 казахстанцев ...", then
# "«600 человек ... заявились»").
_PEOPLE_WORDS = {"люди", "адам"}


def _said_again_as_people(found):
    """A count of "people" with the number of a count said before it ("600 казахстанцев
    попросили ...", then "600 человек заявились"; "44 Kazakh winners ...", then "will allow
    44 young Kazakh people to study") is that count again, not another figure."""
    values, dropped = set(), set()
    for index in sorted(range(len(found)), key=lambda i: found[i].start):
        f = found[index]
        if (f.label in _PEOPLE_WORDS or f.label.endswith(" people")) and f.value in values:
            dropped.add(index)
        values.add(f.value)
    return [f for index, f in enumerate(found) if index not in dropped]


def _said_again_of_its_subject(found):
    """ "Пятьдесят студентов из Казахстана" (the press release's), then "50 студентов из
    Казахского агротехнического университета": a count said again with the same number and
    its noun, and what it is about, is one figure, labelled as first said, about what the
    second says."""
    later = {}
    for f in found:
        if f.subject_kind:
            later.setdefault(f.value, []).append(f)
    if not later:
        return found
    result, dropped = [], set()
    for f in found:
        if id(f) in dropped:
            continue
        if not f.subject_kind and f.value in later:
            words = set(f.label.split())
            again = next(
                (
                    g
                    for g in later[f.value]
                    if g.start > f.start and id(g) not in dropped and set(g.label.split()) < words
                ),
                None,
            )
            if again is not None:
                dropped.add(id(again))
                f = dataclasses.replace(
                    f,
                    subject_kind=again.subject_kind,
                    subject_id=again.subject_id,
                    subject_name=again.subject_name,
                )
        result.append(f)
    return result


# "50 студентов из Казахского агротехнического университета", "students from Steppe
# University": the counted come from a university, and are its own
_FROM = re.compile(r"\s+(?:из|from|of)\s+(?:the\s+)?")


def _students_from(text, end, institution_hits, new_institutions):
    """(subject, name) of the institution named right after "из"/"from" at `end`, else
    None."""
    after = _FROM.match(text.text, end)
    if after is None:
        return None
    position = after.end()
    i = bisect.bisect_left(institution_hits, (position,))
    if i < len(institution_hits) and institution_hits[i][0] == position:
        return ("institution", institution_hits[i][1]), ""
    i = bisect.bisect_left(new_institutions, (position, ""))
    if i < len(new_institutions) and new_institutions[i][0] == position:
        return ("new_institution", None), new_institutions[i][1]
    return None


# "at the University of Shihezi, which caters to more than 30,000 people": a count in a
# relative clause opened right after a name is that institution's
_WHICH_CLAUSE = re.compile(r",\s+(?:which|where|whose)\b[^,;:()]{0,100}$")


_GATHERED = re.compile(
    r"\b(?:gather|brought\s+together|brings\s+together|attended|attracted|hosted|welcomed|"
    r"participat|took\s+part)",
    re.IGNORECASE,
)


def _which_clause_of(text, position, hits, new_institutions):
    """(subject, name) of the institution whose name ends right before the ", which ..."
    clause the count at `position` is in, else None."""
    lo = text.sentence_span(position)[0]
    clause = _WHICH_CLAUSE.search(text.text, max(lo, position - 110), position)
    if clause is None or _GATHERED.search(clause.group()):
        return None  # ("the forum at KazNU, which gathered 300 guests": the event's people)
    comma = clause.start()
    for hit in _hits_between(hits, max(lo, comma - 200), comma):
        if hit.end == comma and hit.entries[0][0] == "institution":
            return ("institution", hit.entries[0][1]), ""
    for start, name in _between(new_institutions, max(lo, comma - 200), comma):
        if start + len(name) == comma and text.text.startswith(name, start):
            return ("new_institution", None), name
    return None


def _rounded(round_value, value):
    """Whether `round_value` (a multiple of 10, 100, 1000 ...) is `value` rounded."""
    step = 1
    while round_value and round_value % (step * 10) == 0:
        step *= 10
    return step >= 100 and abs(value - round_value) < step


# "қазақстандық университеттің 5 филиалы", "казахстанских вузов", "Kazakh universities",
# "в университетах Китая": universities in general, no institution named before. (Only
# whether one is there counts: one letter before the suffix says what `\w+` would, without
# trying every run of letters at every start.)
_UNIVERSITIES_IN_GENERAL = re.compile(
    r"\w(?:лық|лік|дық|дік|тық|тік)\s+(?:университет|жоғары оқу)"
    r"|\wск(?:их|ие|им|ими)\s+(?:вуз|университет)"
    r"|\bв\s+(?:вуз|университет)ах\b"
    r"|\b[A-Z]\w+\s+universities\b"
    # "из зарубежных вузов в наши университеты", "in foreign universities"
    r"|\bзарубежн\w+\s+(?:вуз|университет)|\bнаши\s+(?:вуз|университет)|\bforeign\s+universities\b",
    re.IGNORECASE,
)
# "six memorandums were signed between universities": universities in general, whichever
# one the sentence names besides; the figure is the press release's.
_BETWEEN_UNIVERSITIES = re.compile(
    r"\bbetween\s+(?:the\s+)?universities\b|\bмежду\s+(?:вузами|университетами)\b", re.IGNORECASE
)

# Every match of `_UNIVERSITIES_IN_GENERAL` holds one of these words, found in the text's
# lower case with `str.find` unless a letter that the pattern takes for one of theirs in
# another case lowers to another letter ("ı", "ſ", old forms of Cyrillic letters).
_GENERAL_WORDS = ("университет", "вуз", "жоғары оқу", "universities")
_OTHER_CASES = re.compile("[\u0130\u0131\u017f\u1c80\u1c82-\u1c85]")


def _universities_in_general(text, start, end):
    """`_UNIVERSITIES_IN_GENERAL.search(text.text, start, end)`, tried only where one of its
    words is (the pattern, opening with `\\w` and `\\b`, is tried at every character)."""
    if not _OTHER_CASES.search(text.text, start, end) and all(
        text.lower.find(word, start, end) == -1 for word in _GENERAL_WORDS
    ):
        return False  # the usual case
    return bool(_UNIVERSITIES_IN_GENERAL.search(text.text, start, end))


def _sentences_back(text, position):
    """Indexes of the sentences a figure at `position` may be about: its own, the one
    before it, and further back within its paragraph (up to three back): "С 1992 года на
    факультете востоковедения КазНУ ... Ректор отметил, что ... Сегодня на факультете
    более 10 студентов ..." is about КазНУ. A sentence that speaks of a country's
    universities in general before the figure ("шетелде қазақстандық университеттің 5
    филиалы", "восьми филиалов ведущих российских вузов") is about them, not about one
    named before it: its own sentence only."""
    sentence = text.sentence_index(position)
    # (the figure's own words count: "восьми филиалов ведущих российских вузов")
    if _universities_in_general(text, text.starts[sentence], position + 60):
        return [sentence]
    back = [sentence, sentence - 1]
    for index in range(sentence - 2, sentence - 4, -1):
        if index < 0 or "\n" in text.text[text.starts[index] : position]:
            break
        back.append(index)
    return [index for index in back if index >= 0]


# "at the university": the institution the text is about. In English the article says
# which university; Russian and Kazakh have none ("университетке" may be any university),
# save when the sentence opens on it ("Университетте қазір ...", "В университете ...").
_THE_INSTITUTION = {
    "en": re.compile(r"\bthe (?:university|institute|academy|college)\b", re.IGNORECASE),
    "kk": re.compile(r"\s*(?:Университетте|Институтта|Академияда)\b"),
    "ru": re.compile(r"\s*(?:В|На базе) (?:университете|институте|академии|вузе)\b"),
}


# "Қазіргі уақытта университетте 7 мыңға жуық шетел азаматы ...": the bare keyword in the
# locative ("at the university"), lower-case, before the count anywhere in its sentence;
# not after a number ("50 университетте", in fifty universities).
_KK_AT_THE_INSTITUTION = re.compile(
    r"(?<!\d)(?<!\d )(?<=\s)(?:университетте|институтта|академияда)(?!\w)"
)


# "в стенах вуза", "университет қабырғасында" (within the university's walls): an idiom
# that speaks of the university the text is about, wherever it stands in the sentence.
_WITHIN_ITS_WALLS = {
    "ru": re.compile(r"\bв стенах (?:университета|вуза|института|академии)\b", re.IGNORECASE),
    "kk": re.compile(r"\b(?:университет|институт|академия)\w{0,4} қабырғасында\b", re.IGNORECASE),
}


def _the_one_new_institution(text, position, new_institutions, language="en"):
    """[name] of the only new institution a text suggests (and knows no other) when the
    figure's sentence speaks of "the university": "Presently, 42 citizens of Turkmenistan
    are doing bachelor and master programs at the university", two paragraphs after the
    Udmurt State University was named."""
    names = {name for _start, name in new_institutions}
    if len(names) != 1 or not _says_the_institution(text, position, language):
        return []
    return list(names)


def _says_the_institution(text, position, language):
    """Whether the figure's sentence speaks of "the university"; in English, or a sentence
    before it in its paragraph (`_sentences_back`, the paragraph's only): '"The university
    was established in 1992. ... 2,109 students have enrolled in 29 educational programs"'."""
    pattern = _THE_INSTITUTION.get(language)
    if pattern is None:
        return False
    if language != "en":
        sentence = text.sentence(position)
        if language == "kk" and _KK_AT_THE_INSTITUTION.search(
            text.text, text.sentence_span(position)[0], position
        ):
            return True
        return bool(pattern.match(sentence) or _WITHIN_ITS_WALLS[language].search(sentence))
    return any(
        pattern.search(text.text, *text.sentence_span(text.starts[index]))
        for index in _sentences_back(text, position)
        if "\n" not in text.text[text.starts[index] : position]
    )


# "interns at the Academy": a capitalised keyword after "the" stands for the one institution
# of the text whose name holds it ("the King Salman Global Academy for Arabic Language").
_THE_KEYWORD = re.compile(r"\bthe (University|Institute|Academy|College)\b(?! of\b)")


def _the_named_one(text, position, hits, new_institutions, holders):
    """(subject, subject_name) of the one institution, known or new, whose name holds the
    keyword that "the <Keyword>" says in the figure's sentence, else None. `holders` keeps
    the answer for each keyword, so that the text's names are read once a keyword."""
    said = _THE_KEYWORD.search(text.text, *text.sentence_span(position))
    if said is None:
        return None
    keyword = said[1]
    if keyword not in holders:
        known = {
            h.entries[0][1]
            for h in hits
            if h.entries[0][0] == "institution" and keyword in text.text[h.start : h.end].split()
        }
        new = {name for _start, name in new_institutions if keyword in name.split()}
        holders[keyword] = None
        if known and new:
            # "at the University" beside "Al-Farabi Kazakh National University" and the
            # "University of Lorraine": the one name the keyword ends stands for it
            known = {
                h.entries[0][1]
                for h in hits
                if h.entries[0][0] == "institution" and text.text[h.start : h.end].endswith(keyword)
            }
            new = {name for name in new if name.endswith(keyword)}
        if known and not new and len(known) == 1:
            holders[keyword] = ("institution", known.pop()), ""
        elif new and not known and len(new) == 1:
            holders[keyword] = ("new_institution", None), new.pop()
    return holders[keyword]


# "One of them is the University of Lorraine. This educational institution implements a
# double-degree programme at KazNU. More than 100 master's students have been trained": a
# sentence opening on "this institution" is about the one named last in the sentence before
_THIS_INSTITUTION = re.compile(
    r"\s*(?:This|That|The said|The latter)\s+(?:educational\s+|higher\s+education\s+)?"
    r"(?:institution|university|institute|academy|college)\b"
)
# "four students of the Faculty of International Relations are studying at the University
# of Reims": the students of a faculty whose university goes unnamed are the text's own
# university's (the one institution of the directory it names), wherever they study
# "the Far East Department sends", "the Faculty of Law hosts": a unit of the text's own
# institution, named without it, before the count in its sentence
_A_UNIT_BEFORE = re.compile(
    r"\bthe\s+(?:(?:[A-Z][\w-]*|and)\s+){1,4}(?:Department|Faculty)\b(?!\s+of\s+the\b)"
    r"|\bthe\s+(?:Department|Faculty)\s+of\s+(?:(?:[A-Z][\w-]*|and)\s+)*?[A-Z][\w-]*\s+[a-z]"
)
_OF_A_FACULTY = re.compile(
    r"\s+of\s+the\s+(?:Faculty|Department|School)\s+of\s+(?:(?:[A-Z][\w-]*|and)\s+)*?"
    r"[A-Z][\w-]*(?!\s+(?:of|at)\s)(?=\s+[a-z])"
)


# "trained five doctoral students of the university": "the university" in lower case, no
# name after it, is the text's own (the one institution of the directory it names)
_OF_THE_UNIVERSITY = re.compile(
    r"\s+of\s+(?:the|our|this)\s+(?:university|institute|academy|college)\b(?!\s+of\b)"
)


def _this_institution(text, position, institution_hits, new_institutions):
    """(subject, subject_name) of the institution "this institution" stands for, when the
    figure's sentence or the one before it in its paragraph opens on it (the figure's own
    naming none), else None."""
    sentence = text.sentence_index(position)
    if not any(
        _THIS_INSTITUTION.match(text.text, text.starts[index])
        for index in (sentence, sentence - 1)
        if index >= 1
    ):
        return None  # the usual case
    for index in (sentence, sentence - 1):
        if index < 1 or "\n" in text.text[text.starts[index - 1] : position]:
            return None
        start, end = text.sentence_span(text.starts[index])
        if _THIS_INSTITUTION.match(text.text, start):
            lo, hi = text.sentence_span(text.starts[index - 1])
            named = [(s, ("institution", pk), "") for s, pk in _between(institution_hits, lo, hi)]
            named += [
                (s, ("new_institution", None), n) for s, n in _between(new_institutions, lo, hi)
            ]
            return max(named)[1:] if named else None
        if _between(institution_hits, start, end) or _between(new_institutions, start, end):
            return None  # the figure's sentence names what it is about
    return None


def _between(items, lo, hi):
    """The (start, ...) items, sorted by start, that start within [lo, hi)."""
    return items[bisect.bisect_left(items, (lo,)) : bisect.bisect_left(items, (hi,))]


def _new_institutions_near(text, position, new_institutions, own=False):
    """Names of the new institutions suggested in the sentence of `position`, else in the
    sentences before it (`_sentences_back`: "... visited Kozybayev University. The
    university, which enrolls more than 6,000 students, ..."); its own only if `own`."""
    for index in _sentences_back(text, position)[: 1 if own else None]:
        s_start, s_end = text.sentence_span(text.starts[index])
        lo = bisect.bisect_left(new_institutions, (s_start, ""))
        hi = bisect.bisect_left(new_institutions, (s_end, ""))
        if hi > lo:
            return [n for _s, n in new_institutions[lo:hi]]
    return []


# What may stand before a sentence's subject: a dateline ("ALMATY – "), a fronted adverb or
# date ("Earlier, ", "In 2025, ", "On May 5, "), an article
_BEFORE_THE_SUBJECT = re.compile(
    r"\s*(?:[A-Z][A-Z-]+\s+[–—-]\s+)?(?:(?:[A-Z][a-z]+(?:\s+[\w.]+){0,2}),\s+)?(?:[Tt]he\s+)?"
)
# after the subject's name: its verb or a place, not another subject ("X and Y signed")
_NOT_ONE_SUBJECT = re.compile(r"\s*(?:and\b|&|,|\()")


def _the_opening_one(text, position, new_institutions):
    """[name] of the new institution the figure's sentence opens on, as its subject, before
    the count, when the sentence names several; else []."""
    s_start, _s_end = text.sentence_span(position)
    lead = _BEFORE_THE_SUBJECT.match(text.text, s_start)
    for start, name in _between(new_institutions, s_start, position):
        if start > lead.end():
            break
        if start == lead.end() and not _NOT_ONE_SUBJECT.match(text.text, start + len(name)):
            return [name]
    return []


# "Бүгінгі күні Қазақстанда 1 мыңнан астам Қытай азаматы білім алып жатыр": a count said of
# a country (its name in the locative before the number, in the figure's sentence) is the
# country's, not that of a new institution named in a sentence before it
_KK_LOCATIVE = re.compile(r"\w(?:да|де|та|те)$")
_KK_ABROAD = re.compile(r"(?<!\w)(?:[Шш]етел(?:дер)?де|елден тыс)(?!\w)")


# "Қытайдың жетекші агротехникалық университетінен ... 13 студент": a university of a
# country, unnamed, in the ablative before the count
_KK_UNNAMED_FROM = re.compile(
    r"\w+(?:ның|нің|дың|дің|тың|тің)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:университет|институт|академия|жоғары оқу орн)\w*(?:нан|нен|тан|тен)(?!\w)"
)


def _hits_between(hits, lo, hi):
    """The hits (sorted by start) that start in [lo, hi)."""
    index = bisect.bisect_left(hits, lo, key=_hit_start)
    while index < len(hits) and hits[index].start < hi:
        yield hits[index]
        index += 1


def _new_institutions_by_country(hits, new_institutions):
    """{country id: names} of the suggested institutions with a country named in or right
    after them; read once per text."""
    by_country = {}
    for start, name in new_institutions or ():
        for hit in _hits_between(hits, start, start + len(name) + 13):
            if hit.entries[0][0] == "country":
                by_country.setdefault(hit.entries[0][1], set()).add(name)
    return by_country


def _unnamed_university_of(text, position, hits, by_country):
    """The one suggested institution of the country whose university, unnamed, the
    figure's sentence says the counted come from, else None. `by_country()` gives
    `_new_institutions_by_country` of the text."""
    s_start = text.sentence_span(position)[0]
    said = _KK_UNNAMED_FROM.search(text.text, s_start, position)
    if said is None:
        return None
    countries = {
        h.entries[0][1]
        for h in _hits_between(hits, said.start(), said.end())
        if h.entries[0][0] == "country" and h.end <= said.end()
    }
    if len(countries) != 1:
        return None
    (country,) = countries
    of_it = by_country().get(country, set())
    return next(iter(of_it)) if len(of_it) == 1 else None


def _in_a_country(text, position, hits):
    """Whether a country's name in the locative stands before `position` in its sentence."""
    s_start = text.sentence_span(position)[0]
    if _KK_ABROAD.search(text.text, s_start, position):
        return True  # "Шетелде 1,021 миллион Қытай студенті оқиды": said of a place abroad
    return any(
        hit.entries[0][0] == "country" and _KK_LOCATIVE.search(text.text, hit.start, hit.end)
        for hit in _hits_between(hits, s_start, position)
    )


_hit_start = operator.attrgetter("start")
# "nearly 2,000 Kazakh students already in Turkey", "students studying in Kazakhstan": a
# count placed in a whole country is no count of an institution's
_IN_AFTER = re.compile(
    r"\s+(?:(?:are|were|is|was)\s+)?(?:(?:already|now|currently|presently)\s+)?"
    r"(?:(?:study|studying|live|living|work|working|enrolled)\s+)?in\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _in_a_country_after(text, end, hits):
    """Whether the words after a count at `end` place it in a country ("... in Turkey")."""
    after = _IN_AFTER.match(text.text, end)
    if after is None:
        return False
    index = bisect.bisect_left(hits, after.end(), key=_hit_start)
    return (
        index < len(hits)
        and hits[index].start == after.end()
        and hits[index].entries[0][0] == "country"
    )


def _english_figures(index, text, part_of=None):
    """(start, matched, value, label, country, approximate) of the counts of an English
    text; `part_of` gets, for a part of a count said before, its start -> the count's."""
    part_of = {} if part_of is None else part_of
    preferred, by_word = index._demonyms
    said = []  # (start, label, country) of the counts read
    for match in _figure_matches(text.text, text.lower):
        before = text.text[max(0, match.start() - 25) : match.start()]
        if (not_a_count := NOT_A_COUNT.search(before)) and not (
            _IN.fullmatch(not_a_count[0]) and _INSTRUMENT.search(match["phrase"])
        ):
            continue
        if _FORECAST_BEFORE.search(
            text.text, max(0, match.start() - 40), match.start()
        ) and not _AIM_TO_SERVE.search(text.text, max(0, match.start() - 40), match.start()):
            continue
        number = match["number"]
        if _is_year(number):
            continue
        value = parse_number(number)
        country_id = None
        words = []
        for word in match["phrase"].split():
            pk = by_word.get(word.lower())
            if pk is not None:
                country_id = pk
                # "Kazakhstani students" as the text says it; "Kazakhstan students" (a
                # country's name used as an adjective) takes its adjective
                names = {n.lower() for n in index.country_names_of(pk, with_demonyms=False)}
                words.append(preferred.get(pk, word) if word.lower() in names else word)
            else:
                words.append(
                    word if word[:1].isupper() and word.lower() != "more" else word.lower()
                )
        # "20 thousand such scholarships", "two other students": "such" and "other" point
        # back, they name no kind
        words = [w for w in words if w not in ("such", "other")]
        if words and words[0] == "more":
            words = words[1:]
        if words == ["people"] and (
            named := _PEOPLE_OF_NOUN.search(
                text.text, text.sentence_span(match.start())[0], match.start()
            )
        ):
            # "The number of students is over 15 thousand people", "The students of ... in
            # the number of 11 people": "people" counts the noun said before it
            noun_words = _phrase_label(named["phrase"] or named["noun"]).split()
            words = [w for w in noun_words if w.lower() not in _DETERMINERS] or words
        if match["origin"] and _SHARED_HEAD.match(text.text, match.end()):
            pass  # "60 representatives of Kazakhstan and European universities": no origin
        elif match["link"] and match["link"].lower() == "of":
            # "42 citizens of Turkmenistan": the country is said after the noun, as written;
            # "students of Nazarbayev University" says whose students they are, no origin
            nationality = _NATIONALITY.match(text.text, match.end("origin"))
            if nationality and (pk := by_word.get(match["origin"].split()[0].lower())):
                # "Forty students of Kazakh nationality": the origin, as the text says it
                country_id = pk
                words += ["of", match["origin"].split()[0], nationality[1].lower()]
            elif words[-1].lower() in ("citizens", "nationals"):
                origin = match["origin"].split()[0]
                country_id = by_word.get(origin.lower(), country_id)
                words += ["of", origin]
            elif (origin := _country_named(index, by_word, match["origin"])) is not None:
                # "80,000 young people of Kazakhstan": a country's name (not its adjective)
                # after "of" is the people's origin, kept as written, as for citizens
                country_id = origin
                words += ["of", match["origin"].split()[0]]
        elif (
            match["origin"]
            and (more := _MORE_PLACES.match(text.text, match.end()))
            and more[1].lower() in by_word
        ):
            pass  # "Uzbeks from China, Mongolia, and Russia": of several countries, none
        elif match["origin"]:
            # "students from Kazakhstan" are the ministry's own label, "Kazakh students" (so
            # that figures over time chart together); others as the text says them
            # ("students from India")
            origin = match["origin"]
            pk = by_word.get(origin.lower()) or by_word.get(origin.split()[0].lower())
            if pk is not None and pk == index.home_country_id and pk in preferred:
                country_id = pk
                # "Four international students from Kazakhstan" are "Kazakh students": the
                # origin says what "international" or "foreign" said from the host's side
                words = [w for w in words if w not in _HOST_SIDE] or words
                words.insert(0, preferred[pk])
            elif pk is not None:
                country_id = pk
                place = origin if by_word.get(origin.lower()) else origin.split()[0]
                words += ["from", place]
        if (
            country_id is None
            and not match["origin"]
            and words[-1].lower() not in _INSTRUMENTS
            and (fronted := _FROM_FRONTED.match(text.text, text.sentence_span(match.start())[0]))
            and fronted.end() <= match.start()
            and (pk := by_word.get(fronted[1].lower())) is not None
            and pk == index.home_country_id
            and pk in preferred
        ):
            # "From Kazakhstan around 585 applications were received and 39 students were
            # selected": a sentence opening on "from" the home country says whence the people
            # it counts come, as "students from Kazakhstan" does ("Kazakh students")
            country_id = pk
            words = [w for w in words if w not in _HOST_SIDE] or words
            words.insert(0, preferred[pk])
        approximate = bool(APPROXIMATELY.search(before))
        said.append((match.start(), " ".join(words), country_id))
        yield match.start(), match.group(), value, " ".join(words), country_id, approximate
        yield from _counts_of_these(text, match.start(), " ".join(words), by_word)
        yield from _parts_in_brackets(text, match.end(), " ".join(words), country_id, part_of)
    yield from _part_of_these(text, said, part_of)
    yield from _parts_of_them(text, said, part_of, by_word)
    yield from _counts_said_after_their_noun(text)


_HOST_SIDE = {"international", "foreign", "overseas"}
# A sentence opening on "From <country>" (the country, not its adjective, then a comma or
# the clause), and the counted nouns of instruments, which have no origin
_FROM_FRONTED = re.compile(r"\s*From\s+(?:the\s+Republic\s+of\s+)?([A-Z][a-z]+)(?=,?\s)")
_INSTRUMENTS = {
    "scholarships", "grants", "projects", "programmes", "programs", "courses", "agreements",
    "memoranda", "memorandums", "branches", "contracts", "treaties", "accords", "protocols",
    "mous", "fellowships", "internships", "stipends",
}  # fmt: skip
# "<N> people" after "the number of <noun> is/was (over ...)" or after "<noun> ... in the
# number of" (a translation's "в количестве") in its sentence: the count of that noun
_DETERMINERS = {"the", "these", "those", "this", "our", "its", "their", "all"}
_PEOPLE_OF_NOUN = re.compile(
    rf"(?:the\s+number\s+of\s+(?:{_MOD}\s+){{0,3}}?(?P<noun>{NOUNS})\s+(?:is|was|are|were|"
    rf"totals|totalled|stands\s+at|stood\s+at|reached|exceeds|exceeded)"
    rf"|(?<![\w-])(?P<phrase>(?:{_MOD}\s+){{0,3}}(?:{NOUNS}))\b[^.;:!?]{{0,90}}?\s+in\s+the\s+"
    rf"number\s+of)\s+(?:{_APPROX_WORDS}\s+)?$",
    re.IGNORECASE,
)
# "representatives of Kazakhstan and European universities", "students from Kazakhstan and
# foreign universities": a country after "of"/"from" shared with another word by the plural
# noun of bodies after "and" says whose bodies they are, no origin of the people
_SHARED_HEAD = re.compile(
    r"\s+(?:and|or)\s+(?:[\w'-]+\s+){0,2}?(?:universities|institutions|institutes|colleges|"
    r"schools|academies|organi[sz]ations|companies|enterprises|businesses|agencies|"
    r"ministries|bodies|centres|centers)\b",
    re.IGNORECASE,
)

# "100 grants (90 for second-year graduate students and 10 for doctoral students)": the
# parts of a count in brackets after it, each "<number> for/to/in ...", with its noun left
# out, are counts of that noun
_BRACKET_PARTS = re.compile(r"\s*\(([^()]{5,160})\)")
_BRACKET_PART = re.compile(rf"(?:^|,\s*|\band\s+|;\s*)(?P<number>{_DIGITS})\s+(?:for|to|in|at)\b")


def _parts_in_brackets(text, end, label, country_id, part_of):
    brackets = _BRACKET_PARTS.match(text.text, end)
    if brackets is None:
        return
    inside = brackets[1]
    parts = list(_BRACKET_PART.finditer(inside))
    if len(parts) < 2:
        return  # one number in brackets is another thing (a year, a share)
    for part in parts:
        if _is_year(part["number"]):
            return
    for part in parts:
        start = brackets.start(1) + part.start("number")
        part_of[start] = end
        value = parse_number(part["number"])
        yield start, part["number"], value, label, country_id, False


# "French students also study in Kazakhstan, with 200 of them coming to ...": a count of
# "them" counts the people noun said before it in its sentence, or is a part of a count
# said before of that noun (its label then)
_OF_THEM = re.compile(
    rf"(?<![\w.,-])(?P<number>{_DIGITS}|{_WORDS})\s+of\s+them\b(?!\s+(?:are|were)\b)"
    # ("two of them became ambassadors": what some became, no count of the noun)
    r"(?!\s+(?:later\s+|have\s+|has\s+)?(?:became|become|went\s+on))",
    re.IGNORECASE,
)
_NOUN_PHRASE = re.compile(
    rf"(?<![\w-])(?P<phrase>(?:{_MOD}\s+){{0,3}}(?:{_NOUNS}))\b", re.IGNORECASE
)


def _parts_of_them(text, said, part_of, by_word):
    position = text.lower.find(" of them")
    while position != -1:
        for match in _OF_THEM.finditer(text.text, max(0, position - 30), position + 40):
            if not match.start() < position < match.end() or _is_year(match["number"]):
                continue
            s_start = text.sentence_span(match.start())[0]
            phrases = list(_NOUN_PHRASE.finditer(text.text, s_start, match.start()))
            if not phrases:
                continue
            words = [
                w if w[:1].isupper() and w.lower() in by_word else w.lower()
                for w in phrases[-1]["phrase"].split()
                if w.lower() not in ("such", "other", "more")
            ]
            if not words:
                continue
            label, country_id = " ".join(words), None
            for word in words:
                country_id = by_word.get(word.lower(), country_id)
            here = text.sentence_index(match.start())
            earlier = [
                (start, said_label, country)
                for start, said_label, country in said
                if start < match.start()
                and here - text.sentence_index(start) <= 1
                and said_label.lower().split()[-1] == words[-1]
            ]
            if earlier:
                whole, label, country_id = earlier[-1]
                part_of[match.start()] = whole
                part_of["them", match.start()] = whole  # kept only with its whole
            approximate = _approximate_before(text.text, match.start())
            value = parse_number(match["number"])
            yield match.start(), match.group(), value, label, country_id, approximate
        position = text.lower.find(" of them", position + 8)


# "nearly 2,000 Kazakh students ... Nearly 200 of these students are ...": a part of a count
# said before, by its noun alone, is counted under the label of that count
_PART_OF_THESE = re.compile(
    rf"(?<![\w.,-])(?P<number>{_DIGITS}|{_WORDS})\s+of\s+(?:these|those)\s+(?P<noun>{_NOUNS})\b",
    re.IGNORECASE,
)


def _part_of_these(text, said, part_of):
    """(start, matched, value, label, country, approximate) of the parts of counts said
    before (`said`: their start, label and country), in their sentence or the one after."""
    position = text.lower.find(" of these ")
    while position != -1 and said:
        lo = max(0, position - 40)
        for match in _PART_OF_THESE.finditer(text.text, lo, position + 40):
            if match.start() > position or _is_year(match["number"]):
                continue
            here = text.sentence_index(match.start())
            noun = match["noun"].lower()
            earlier = [
                (start, label, country)
                for start, label, country in said
                if start < match.start()
                and here - text.sentence_index(start) <= 1
                and label.lower().split()[-1] == noun
            ]
            if earlier:
                whole, label, country = earlier[-1]
                part_of[match.start()] = whole
                approximate = _approximate_before(text.text, match.start())
                value = parse_number(match["number"])
                yield match.start(), match.group(), value, label, country, approximate
        position = text.lower.find(" of these ", position + 9)


# The count said after its noun, with no noun after it: "the number of foreign students as
# of today is 14 thousand", "the number of grants grew from 65,000 in 2020 to 88,000 in
# 2022", "in the previous year the number was 13 thousand" (the noun of the sentence's
# "the number of ..."), "the majority of the students or nearly 60,000 are ...". A forecast
# ("will possibly reach 20 thousand", "a task to increase the number ... to 50 thousand")
# says no verb of a count that is.
_COUNT = rf"(?:{_APPROX_WORDS}\s+)?(?P<number>{_DIGITS}|{_WORDS})"
# what may follow a count that counts the noun before it (no noun, no "%", no "times")
_COUNT_END = (
    r"(?=\s*(?:[,.;:!?\")]|$)|\s+(?:in|as|and|to|of|are|were|have|had|last|this|according)\b)"
)
_PHRASE = rf"(?P<phrase>(?:{_MOD}\s+){{0,3}}(?:{_NOUNS}))\b"
_IS = (
    r"(?:is|was|are|were|stood\s+at|stands\s+at|totals|totalled|totaled|amounted\s+to|"
    r"amounts\s+to|reached|has\s+reached|exceeded|has\s+exceeded)"
)
_GREW = r"(?:grew|rose|increased|went\s+up|has\s+grown|has\s+risen|has\s+increased)"
# "has been increased to 25": a rise done, said by its new count (a plan says "will")
_RAISED_TO = (
    r"(?:(?:has|have)\s+been\s+|was\s+|were\s+)(?:increased|raised|brought\s+up)\s+to|"
    r"(?:has|have)\s+(?:grown|risen|increased)\s+to"
)
THE_NUMBER = re.compile(
    rf"the\s+number\b(?:\s+of\s+{_PHRASE})?"
    # "as of today", "in Kazakhstan's universities": a few words, no forecast, no clause
    rf"(?P<filler>(?:\s+(?!(?:will|would|should|could|may|might|must|shall|is|was|are|were|"
    # ("to study with ... scholarship" says what they are counted for, "to be admitted" a plan)
    rf"to\s+be|that|which|who)\b)[^\s,.;:!?\d]+){{0,5}}?)\s+"
    rf"(?:(?:{_IS}|{_RAISED_TO})\s+{_COUNT}{_COUNT_END}"
    rf"|{_GREW}\s+from\s+(?P<from>{_DIGITS}|{_WORDS})"
    rf"(?:\s+in\s+\d{{4}})?\s+to\s+(?P<to>{_DIGITS}|{_WORDS}){_COUNT_END})",
    re.IGNORECASE,
)
THE_NUMBER_OF = re.compile(rf"the\s+number\s+of\s+{_PHRASE}", re.IGNORECASE)
_OR_COUNT_AFTER = re.compile(rf" or\s+{_COUNT}{_COUNT_END}", re.IGNORECASE)
_PHRASE_BEFORE_OR = re.compile(rf"(?<![\w-]){_PHRASE},?\s$", re.IGNORECASE)


# "students of Kazakh nationality", "of Uzbek origin": an adjective of origin after "of"
_NATIONALITY = re.compile(r"(?<=\w)\s+(nationality|origin|descent|ethnicity)\b", re.IGNORECASE)


def _country_named(index, by_word, origin):
    """The country whose name (not its adjective: "Kazakh universities" say no origin) the
    words after "of" are, else None."""
    first = origin.split()[0]
    pk = by_word.get(origin.lower()) or by_word.get(first.lower())
    if pk is None:
        return None
    names = {n.lower() for n in index.country_names_of(pk, with_demonyms=False)}
    return pk if origin.lower() in names or first.lower() in names else None


def _phrase_label(phrase):
    words = [w if w[:1].isupper() else w.lower() for w in phrase.split()]
    words = [w for w in words if w.lower() not in ("such", "more")]
    return " ".join(words)


def _counts_said_after_their_noun(text):
    lower = text.lower
    last_label, last_sentence = None, -2
    position = lower.find("the number")
    while position != -1:
        if position and is_word_char(lower[position - 1]):
            position = lower.find("the number", position + 10)
            continue
        match = THE_NUMBER.match(text.text, position)
        here = text.sentence_index(position)
        if match is None:
            follows = THE_NUMBER_OF.match(text.text, position)
            if follows:
                last_label, last_sentence = _phrase_label(follows["phrase"]), here
        else:
            label = None
            if match["phrase"]:
                label = _phrase_label(match["phrase"])
                last_label, last_sentence = label, here
            elif here - last_sentence <= 1:
                label = last_label
            if label:
                for group in ("number", "from", "to"):
                    number = match[group]
                    if not number or _is_year(number):
                        continue
                    start = match.start(group)
                    approximate = _approximate_before(text.text, start)
                    yield start, match.group(), parse_number(number), label, None, approximate
        position = lower.find("the number", position + 10)
    # "<noun> or nearly 60,000": tried only where " or " is followed by a count, the noun
    # then read back from there (few such places, no scan of the text per noun)
    position = lower.find(" or ")
    while position != -1:
        match = _OR_COUNT_AFTER.match(text.text, position)
        if match:
            lo = max(0, position - 80)
            phrase = _PHRASE_BEFORE_OR.search(text.text, lo, position + 1)
            number = match["number"]
            if phrase and not _is_year(number):
                start = match.start("number")
                approximate = _approximate_before(text.text, start)
                label = _phrase_label(phrase["phrase"])
                yield start, match.group(), parse_number(number), label, None, approximate
        position = lower.find(" or ", position + 3)


# "about 14,000 foreign students ... Of these, about 3,700 are from Uzbekistan and about
# 3,300 from India": the counts of the next sentence say the noun of the figure before.
OF_THESE = re.compile(r"\s*Of (?:these|them|whom),?\s", re.IGNORECASE)
_COUNT_FROM = re.compile(
    rf"(?<![\w.,-])(?P<number>{_DIGITS})\s+(?:(?:are|were)\s+)?from\s+(?P<origin>(?-i:[A-Z]\w+))"
)


def _counts_of_these(text, position, label, by_word):
    following = text.sentence_index(position) + 1
    if following >= len(text.starts) or not OF_THESE.match(text.text, text.starts[following]):
        return
    start, end = text.sentence_span(text.starts[following])
    for match in _COUNT_FROM.finditer(text.text, start, end):
        before = text.text[max(0, match.start() - 25) : match.start()]
        country_id = by_word.get(match["origin"].lower())
        approximate = bool(APPROXIMATELY.search(before))
        yield (
            match.start(),
            match.group(),
            parse_number(match["number"]),
            label,
            country_id,
            (approximate),
        )


def _subject(
    index, text, position, sentence_institutions, institution_hits, country_id, named_partnerships
):
    for current in _sentences_back(text, position):  # this sentence, else those before it
        institutions = sentence_institutions.get(current, set())
        if not institutions:
            continue
        sentence_lower = text.sentence(text.starts[current]).lower()
        best, best_score = None, 2
        candidates = set().union(*(index.partnerships_by_institution[i] for i in institutions))
        for pk in sorted(candidates):
            partnership = index.partnerships[pk]
            members = partnership["members"]
            score = 2 * len(members & institutions)
            if partnership_keywords_in(sentence_lower, partnership["kind"]):
                score += 1
            if (
                country_id is not None
                and partnership["kind"] in MOBILE_KINDS
                and any(
                    index.institutions[m]["country_id"] == country_id
                    for m in members - institutions
                )
            ):
                score += 1
            if pk in named_partnerships and BACK_REFERENCE.search(sentence_lower):
                score += 1
            if score > best_score:
                best, best_score = pk, score
        if best is not None:
            return ("partnership", best)
        start, end = text.sentence_span(text.starts[current])
        lo = bisect.bisect_left(institution_hits, (start, -1))
        hi = bisect.bisect_left(institution_hits, (end, -1))
        nearby = [(abs(position - s), pk) for s, pk in institution_hits[lo:hi]]
        if current != text.sentence_index(position):
            nearby = [(d, pk) for d, pk in nearby if not _a_workplace(text.text, position - d)]
        if nearby:
            return ("institution", min(nearby)[1])
    return None


# "Назарбаев университетінде қызмет атқаратын ... Сандра Абила", "работающая в Назарбаев
# Университете": an institution where a person of the sentence works says who the person is;
# the sentences after it are not about it.
_KK_WORKPLACE = re.compile(
    r"[^.!?\n]{0,60}?\w(?:нде|нда|те|та|де|да)\s+(?:қызмет атқаратын|жұмыс істейтін|сабақ беретін)"
    r"(?!\w)"
)
_RU_WORKPLACE = re.compile(r"(?:работающ|преподающ|трудящ)\w*\s+(?:в|во|на)\s+$", re.IGNORECASE)


def _a_workplace(text, start):
    """Whether the institution named at `start` is where a person works (`_KK_WORKPLACE`,
    `_RU_WORKPLACE`), read at its name only."""
    return bool(
        _KK_WORKPLACE.match(text, start) or _RU_WORKPLACE.search(text[max(0, start - 40) : start])
    )
