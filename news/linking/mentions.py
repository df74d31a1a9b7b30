"""Find the institutions, missions, people, countries and partnerships a text mentions.

The text is scanned once with the directory's automaton (`directory.get_index()`); matches
must sit on word boundaries and the longest wins where they overlap. Roles resolve to people
at the text's date; institution-like names that are no directory entry become suggestions
of new institutions; figures are found by `figures.detect_figures`.
"""

import bisect
import contextlib
import datetime
import difflib
import functools
import gc
import html
import itertools
import operator
import re
import string
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.html import strip_tags

from . import cyrillic, morphology
from . import people as people_module
from .directory import (
    PERSON_TITLES,
    _lower_same_length,
    get_index,
    normalise,
    partnership_keywords_in,
    spelling_key,
)
from .figures import detect_figures
from .language import detect_language
from .scan import finditer_near, is_word_char, keyword_automaton

# Detection -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    kind: str  # institution, embassy, person, country, partnership, new_institution
    object_id: int | None
    text: str
    sentence: str
    start: int
    confident: bool = True
    name: str = ""  # a new institution's or new person's proposed name
    country_code: str = ""  # a new institution's guessed country
    role: str = ""  # a new person's post ("Rector")
    organisation: str = ""  # where a new person holds it
    alias_of: int | None = None  # a known institution this name is another name of
    alias_of_name: str = ""  # ... or its name (or a suggested institution's name)

    @property
    def key(self):
        return mention_key(self.kind, self.object_id, self.name)


def mention_key(kind, object_id, name=""):
    """What makes two mentions the same: the entry, or a new entry's name."""
    if kind in ("new_institution", "new_person"):
        return f"{kind}:{' '.join(name.lower().split())}"
    return f"{kind}:{object_id}"


@dataclass
class Detection:
    on: datetime.date
    language: str = "en"
    mentions: list[Mention] = field(default_factory=list)
    figures: list = field(default_factory=list)

    def confident_mentions(self):
        return [m for m in self.mentions if m.confident and not m.kind.startswith("new_")]

    def ids(self, kind):
        return {m.object_id for m in self.mentions if m.kind == kind}


_LATIN_LETTERS = frozenset(string.ascii_letters)
_CYRILLIC_CAPITALS = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮҺІ")


class Text:
    """A normalised text with its sentences, for looking up the sentence of a position."""

    # The space after a sentence's mark (group 1), or a blank line. The pattern opens with
    # one character class (the mark or the line's end, told apart by a look-behind), so the
    # engine skips in C to the characters that can start a match; an alternation at the top
    # was tried at every character.
    _BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])(\s+)(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\"'«(0-9])|(?<=\n)\s*\n)")
    _ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|H\.E|St|No|Jr|Sr|e\.g|i\.e|vs|[A-Z])\.$")

    # A "sentence" longer than this (a text with no full stops) is cut into pieces, so
    # looking at the sentence of each mention stays linear in the length of the text.
    MAX_SENTENCE = 2000

    def __init__(self, raw):
        self.raw = raw  # (the same length: a name keeps the text's own quotation marks)
        self.text = normalise(raw)
        self.lower = _lower_same_length(self.text)
        starts = [0]
        for match in self._BOUNDARY.finditer(self.text):
            group = 1 if match.start(1) != -1 else 0
            start, end = match.span(group)
            if "\n" in match.group(group) or not self._is_abbreviation(start):
                if starts[-1] < end <= starts[-1] + self.MAX_SENTENCE:
                    starts.append(end)  # the usual case of `_add_start`
                else:
                    self._add_start(starts, end)
        self._add_start(starts, len(self.text))
        starts.pop()
        self.starts = starts

    def _is_abbreviation(self, end):
        """Whether the full stop before `end` ends an abbreviation: every one has a Latin
        letter before its stop, so a Russian or Kazakh sentence needs no pattern."""
        before = self.text[end - 2 : end - 1]
        if before not in _LATIN_LETTERS:
            # a Cyrillic initial ("Л.Н. Гумилев атындағы ЕҰУ"): one capital after no letter
            return (
                before.isupper()
                and before in _CYRILLIC_CAPITALS
                and not self.text[end - 3 : end - 2].isalpha()
            )
        return bool(self._ABBREVIATION.search(self.text[max(0, end - 6) : end]))

    def _add_start(self, starts, position):
        while position - starts[-1] > self.MAX_SENTENCE:
            cut = starts[-1] + self.MAX_SENTENCE // 2
            space = self.text.find(" ", cut, cut + 200)
            starts.append(space + 1 if space != -1 else cut)
        if position > starts[-1] or position == len(self.text):
            starts.append(position)

    @functools.cached_property
    def words_and_numbers(self):
        """The text's words and numbers, split once for its words and its figures."""
        return morphology.split_words_and_numbers(self.text)

    @functools.cached_property
    def tokens(self):
        """The text's words, tokenised once: (starts, ends, words) lists."""
        return morphology.tokenise(self.text, self.words_and_numbers)

    @functools.cached_property
    def acronyms(self):
        """(start, end, word) of every match of `_ACRONYM`, found once for its two uses: the
        runs of three capitals or more (a pattern the engine skips to, where `\\b` is tried
        at every character), kept where 3 to 8 long between characters of no word."""
        found, text, size = [], self.text, len(self.text)
        for match in _CAPITALS.finditer(text):
            start, end = match.span()
            if end - start > 8 or (start and is_word_char(text[start - 1])):
                continue
            if end == size or not is_word_char(text[end]):
                found.append((start, end, match.group()))
        return found

    def sentence_span(self, position):
        index = bisect.bisect_right(self.starts, position) - 1
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return start, end

    def sentence(self, position):
        start, end = self.sentence_span(position)
        return " ".join(self.text[start:end].split())

    def sentence_index(self, position):
        return bisect.bisect_right(self.starts, position) - 1


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    entries: tuple  # ((kind, id, case-sensitive form), ...)

    @property
    def length(self):
        return self.end - self.start


def find_hits(index, text):
    """Dictionary matches on word boundaries; overlapping ones resolved longest first."""
    raw = []
    source, lowered = text.text, text.lower
    size = len(source)
    for end, (length, entries) in index.automaton.iter(lowered):
        start = end - length + 1
        if start > 0 and source[start - 1].isalnum():  # not on a word boundary
            continue
        if end + 1 < size and (source[end + 1].isalnum() or source[end + 1] == "$"):
            continue  # (a name before "$" is a currency's: "US$1.2 billion", "NZ$")
        if len(entries) == 1:
            form = entries[0][2]
            if form is None or source[start : end + 1] == form:
                raw.append(Hit(start, end + 1, entries))
            continue
        fitting = tuple(e for e in entries if e[2] is None or source[start : end + 1] == e[2])
        if fitting:
            raw.append(Hit(start, end + 1, fitting))
    return resolve_overlaps(raw)


def resolve_overlaps(raw):
    """Of overlapping hits the longest wins (the earliest among equals). Hits that overlap
    no other are kept as they are; only each group of overlapping ones is sorted by length."""
    raw.sort(key=_start)
    chosen, group, group_end = [], [], -1
    for hit in raw:
        if hit.start >= group_end and group:
            chosen += group if len(group) == 1 else _longest_first(group)
            group = []
        group.append(hit)
        group_end = max(group_end, hit.end) if len(group) > 1 else hit.end
    if group:
        chosen += group if len(group) == 1 else _longest_first(group)
    return chosen


_start = operator.attrgetter("start")


def _longest_first(hits):
    """Overlapping hits (sorted by start) resolved longest first, linearly: one byte a
    character of the group's span says whether a chosen hit covers it."""
    offset = hits[0].start
    occupied = bytearray(max(h.end for h in hits) - offset)
    chosen = []
    for hit in sorted(hits, key=lambda h: (-h.length, h.start)):
        start, end = hit.start - offset, hit.end - offset
        if 1 in occupied[start:end]:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        chosen.append(hit)
    chosen.sort(key=_start)
    return chosen


_CAP = r"(?:[A-Z][\w'.&-]*)"
# The keywords of French, Spanish, Portuguese, Italian, Catalan, Polish and Czech names,
# which come first, the name after them ("Institut Sorbonne-Kazakhstan", "Universidade de
# Lisboa", "Politecnico di Milano", "Uniwersytet Jagielloński", "École Polytechnique")
_KEYWORD_FIRST = (
    "Institut|Instituto|Istituto|Universidade|Università|Universitat|Politecnico|"
    "Politechnika|Uniwersytet|Univerzita|École|Ecole|Escuela|Scuola"
)
_KEYWORD = (
    r"(?:University|Institute|School|College|Academy|Polytechnic|Conservatory|"
    r"Universiteit|Universität|Université|Hochschule|Universiti|Universitas|Universidad|"
    + _KEYWORD_FIRST
    + ")"
)
# Keywords of languages that name the university after it ("Universiti Malaya",
# "Universidad Complutense"): the keyword alone, then the city or name (`_CITY_FOLLOWS`).
_FOREIGN_KEYWORD = (
    rf"(?<!-)(?:Universiti|Universitas|Universidad|{_KEYWORD_FIRST})"
    r"(?=\s+[A-Z]|\s+(?:de|di|del|della|degli|des|du|da|do)\s+[A-Z])"
)
# "of July 1, 2018" after a name is its date ("the Agreement with the University of Tokyo of
# July 1"), no place or field of it; "Petroleum's Vice Rector": a possessive ends the name,
# the words after it are what the institution has (its post, its students)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
_OF_CAP = rf"(?!{_MONTH})[A-Z](?:[\w'.&-]*(?<!'s)(?<!’s))?(?!(?<=')s\b)"
_OF_PART = (
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_OF_CAP}(?:\s+{_OF_CAP}){{0,2}}"
    rf"(?:\s+(?:and|&)\s+{_OF_CAP})?)"
)
# "University of Shanghai for Science and Technology": a place, then the fields
# "University St. Kliment Ohridski", 'Sofia University "St.Kliment Ohridsky"': a saint's
# name, or any name in quotation marks, right after the keyword is the name's own
_SAINT = r"(?:St\.|Saint|Sv\.|Sveti|Sts\.)\s?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}"
_QUOTED_AFTER = re.compile(rf" [\"“«]{_CAP}(?:\s?{_CAP}){{0,3}}[\"”»]")
_AFTER_KEYWORD = re.compile(rf" (?:{_SAINT}|[\"“«]{_CAP}(?:\s?{_CAP}){{0,3}}[\"”»])")
# Kazakh and Turkic titles written in lower case after an honoree's name inside a name
# ("Korkyt ata Kyzylorda University", "Tole bi ...", "Raiymbek batyr ...", "Domalak ana
# ..."): the words of a people's sage, judge, hero, mother, poet, bard and pilgrim
_HONOREE_TITLE = r"(?:ata|bi|batyr|ana|akyn|zhyrau|kazhy|khan)"
# The adjectives of a Kazakh or Russian university's name a translation writes in lower case
# between its capitalised place and keyword ("Karaganda state technical University", "Omsk
# state agrarian University"): no more than three, after a capitalised word, before the
# keyword or another capitalised word
_NAME_ADJECTIVE = (
    r"(?:state|national|technical|technological|medical|pedagogical|agrarian|agricultural|"
    r"economic|humanitarian|regional|industrial|linguistic|polytechnic|research|law|"
    r"engineering|transport|innovative|financial)"
)
NEW_INSTITUTION = re.compile(
    rf"\b(?:(?:{_CAP}\s+(?:{_HONOREE_TITLE}\s+(?={_CAP})"
    rf"|(?:{_NAME_ADJECTIVE}\s+){{1,3}}(?={_CAP}))?){{1,5}}{_KEYWORD}{_OF_PART}?"
    rf"|{_KEYWORD}{_OF_PART}{{1,3}}|{_FOREIGN_KEYWORD}|{_KEYWORD}(?=\s+{_SAINT})"
    rf"|(?:KU|TU|VU|UC|ETH|EPFL|LMU)\s+{_CAP})\b(?!'(?!s\b))"
)
# The characters a match of `NEW_INSTITUTION` can start with: a capital of `_CAP`, of a
# keyword ("École") or of an acronym; `_candidate_spans` tries the pattern only there.
_NEW_INSTITUTION_FIRST = re.compile(r"[A-ZÉ]")
_GENERIC = {
    "the", "university", "institute", "school", "college", "academy", "polytechnic",
    "national", "state", "technical", "international", "business", "management",
    "higher", "medical", "of", "for", "and", "&", "graduate", "new", "a", "an",
    "this", "that", "our", "their", "its", "his", "her", "european", "foreign", "public",
    "private", "research", "science", "sciences", "technology",
}  # fmt: skip
_LEADING_NOISE = {
    "the", "a", "an", "in", "at", "on", "with", "and", "also", "both", "meanwhile",
    "following", "during", "yesterday", "today", "currently", "moreover", "furthermore",
    "since", "from", "by", "while", "as", "leading", "prestigious", "renowned", "visited",
}  # fmt: skip


_KEYWORD_WORDS = tuple(_KEYWORD[3:-1].split("|"))
_KEYWORD_FIRST_WORDS = frozenset(_KEYWORD_FIRST.split("|"))
_MORE_NAME_WORDS = re.compile(
    r"(?: (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|In|On|At|The|And|"
    r"Director|Rector|President|Dean|Professor)\b)[A-ZÀ-Þ][\w'-]*){1,2}(?![\w'-])"
)
# the capitalised verbs of a headline ("Minister Visits ...", "Rector Meets ..."), as the
# reading of people has them (`people._EN_HEADLINE_VERBS`)
_HEADLINE_VERB = re.compile(
    r"\b(?:Addresses|Announces|Attends|Awards|Becomes|Celebrates|Congratulates|Delivers|"
    r"Discusses|Explores|Gives|Greets|Hosts|Inaugurates|Invites|Joins|Launches|Meets|Opens|"
    r"Presents|Receives|Signs|Speaks|Supports|Talks|Thanks|Unveils|Visits|Welcomes) "
)
_CITY_FOLLOWS = (
    "Universiteit", "Universität", "Université", "Hochschule", "Universiti", "Universitas",
    "Universidad", *_KEYWORD_FIRST.split("|"),
)  # fmt: skip
# "Universidade de Lisboa", "Politecnico di Milano", "Université de Lille": a foreign
# keyword's "of" and the place or field after it
_FOREIGN_OF = re.compile(
    r" (?:de|di|del|della|degli|delle|des|du|da|do|dos|das|de la|d'|per|für|w|v|ve)\s?"
    r"[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}"
)


class Spans:
    """Sorted, non-overlapping (start, end) spans; overlap tests in logarithmic time. Hits
    come sorted already (`presorted`)."""

    def __init__(self, spans, presorted=False):
        self.spans = list(spans) if presorted else sorted(spans)
        self.starts = [s for s, _e in self.spans]

    def overlaps(self, start, end):
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.spans[i - 1][1] > start

    def contains(self, position):
        i = bisect.bisect_right(self.starts, position)
        return i > 0 and self.spans[i - 1][1] > position


class Covered:
    """Spans that do not overlap (hits), as one byte a character of the text: whether a
    position is covered or a (non-empty) range overlaps a span is one lookup in C, where
    `Spans` takes a bisection and a few steps in Python (some 100,000 lookups per 2 MB)."""

    def __init__(self, spans, size):
        self.marks = bytearray(size)
        for start, end in spans:
            self.marks[start:end] = b"\x01" * (end - start)

    def overlaps(self, start, end):
        return self.marks.find(1, start, end) != -1

    def contains(self, position):
        return 0 <= position < len(self.marks) and self.marks[position] == 1


def between(items, starts, lo, hi):
    """The items (sorted by position, with `starts` their positions) in [lo, hi)."""
    return items[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]


# Every institution-like name holds one of these words: the pattern runs only near them.
_INSTITUTION_WORDS = keyword_automaton(
    [*_KEYWORD_WORDS, "KU ", "TU ", "VU ", "UC ", "ETH ", "EPFL ", "LMU "]
)
_CAPITALISED_WORD = re.compile(r" ([A-Z][\w-]+)")


_INSTITUTION_KEYWORD = re.compile(_KEYWORD)
_AND_ANOTHER = re.compile(r" (?:and|&) ([A-Z][\w'-]*)$")
_KEYWORD_NEXT = re.compile(rf" {_KEYWORD}\b")
# (not an initial's: "Karaganda State A.E. Buketov University")
_FULL_STOP = re.compile(r"(?<![\s.][A-Z])(?<!^[A-Z])\.\s")
_NEXT_CAPITALISED = re.compile(r" [A-Z][\w'-]+")
# "Zhetysu University named after Ilyas Zhansugurov", "... named after al-Farabi": the
# honoree is part of the name.
_NAMED_AFTER = re.compile(
    r" named after (?:(?:[a-z]{1,3}-)?[A-Z][\w'.-]*\s){0,2}(?:[a-z]{1,3}-)?[A-Z][\w'-]*"
)
# ", Chung - Ang University": a name's first word hyphenated with spaces, in a list
_SPACED_HYPHEN_BEFORE = re.compile(r"(?:^|[,;:]\s|\band\s)([A-Z][a-z]+) - $")


# "Academy of Public Administration under the President of the Republic of Kazakhstan": the
# body a school depends on is part of its name, as "... жанындағы" is in Kazakh.
_UNDER_THE_BODY = re.compile(
    r" under the (?:President|Government|Cabinet of Ministers|Ministry(?: of [A-Z][\w-]+"
    r"(?:,? and [A-Z][\w-]+){0,3})?) of (?:the )?(?:(?:Republic|Kingdom|Federation) of )?"
    r"[A-Z][\w-]+"
)
# Places named after a university that are no institution of the directory's kinds.
# "Bar-Ilan University International School", "Riverside University School of Law": a
# school, institute or faculty of a university is its unit, the university the institution
# ("National Research University Higher School of Economics" is one name).
_UNIT_OF_UNIVERSITY = re.compile(
    r"^(\S.*? University) (?!Higher\b)(?:[A-Z][\w'-]*\s+){0,2}"
    r"(?:School|Institute|Faculty|College)\b"
)
_ANOTHER_PLACE_AFTER = re.compile(
    r" (?:Hospital|Clinic|Clinics|Medical Center|Medical Centre|Press|Library|Museum|Hotel|"
    r"Stadium|Botanical Garden|"
    # "the World University Games", "the QS World University Rankings": an event or a
    # ranking named after universities, no institution
    r"Games|Championships?|Olympiad|Rankings?|Sports Federation|"
    # "the China-Kazakhstan University Rector's Cooperation Dialogue": a meeting of the
    # rectors of universities, no institution
    r"Rectors?(?:'s?|’s?)? (?:[A-Z][a-z]+ ){0,2}(?:Forum|Dialogue|Conference|Summit|Congress|"
    r"Meeting|Council|Assembly|Round ?[Tt]able))\b"
)


def _without_following_name(text, start, name):
    """'University of Islamic Culture Muhammad' followed by 'Shahhat Al-Jindi': where the
    capitalised words run on past the name, the words after the last word of an
    organisation's name ("Culture") are a person's name, not the institution's."""
    if " of " not in name and " for " not in name:
        return name
    if not _NEXT_CAPITALISED.match(text.text, start + len(name)):
        return name
    head, _sep, of_part = name.rpartition(" of " if " of " in name else " for ")
    words = of_part.split(" ")
    for index in range(len(words) - 1, -1, -1):
        if words[index].lower() in people_module.ORGANISATION_WORDS:
            return f"{head}{_sep}{' '.join(words[: index + 1])}"
    return name


# ", Finance and International Trade (KazUEFIT)": the rest of a list of fields, then the
# name's acronym in brackets.
_LISTED_FIELDS = re.compile(
    r",\s+(?:[A-Z][\w'-]*,?\s+){1,4}(?:and|&)\s+(?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w'-]*"
    r"(?=\s*\([A-Z][\w-]*\))"
)


def _with_listed_fields(text, start, end, name):
    """'Kazakh University of Economics' followed by ', Finance and International Trade
    (KazUEFIT)': a name whose fields are listed with commas runs on to its acronym."""
    if " of " not in name or end >= len(text) or text[end] != ",":
        return start, end, name
    listed = _LISTED_FIELDS.match(text, end)
    if not listed:
        return start, end, name
    return start, listed.end(), name + re.sub(r"\s+", " ", listed.group())


# "... of Agricultural Irrigation and Mechanization Engineers": the second word of the
# field after "and"
_SECOND_FIELD_WORD = re.compile(rf" ([A-Z][\w'-]*)\b(?! {_KEYWORD})(?![\w'-])")


def _with_second_field_word(text, start, name):
    """'Institute of ... and Mechanization' followed by ' Engineers': the field after "and"
    runs on by one capitalised word when either is a word of an organisation's field (a
    portfolio's noun, "-ation", "-ment"), the second no keyword and no keyword after it
    ("Arts and Wuhan University", "Arts and Liu Wanggang, President" stay apart)."""
    if " of " not in name and " for " not in name:
        return name
    last = _AND_ANOTHER.search(name)
    if not last:
        return name
    second = _SECOND_FIELD_WORD.match(text, start + len(name))
    if not second or _INSTITUTION_KEYWORD.fullmatch(second[1]):
        return name
    if not (
        people_module._organisation_word(last[1]) or people_module._organisation_word(second[1])
    ):
        return name
    return f"{name} {second[1]}"


# (the country's name may open at "the", at "Republic" or after "Republic of")
_OF_A_COUNTRY = re.compile(r" of ()(?:the ())?(?:(?:Republic|Kingdom|Federation) of ())?")


def _candidate_spans(index, text, hits):
    """Institution-like names that are no directory entry: (start, end, name)."""
    blocked = Spans(
        [(h.start, h.end) for h in hits if h.entries[0][0] != "country"], presorted=True
    )
    country_ends = {h.start: h.end for h in hits if h.entries[0][0] == "country"}
    country_starts = country_ends.keys()
    institution_starts = {h.start for h in hits if h.entries[0][0] == "institution"}
    found = []
    for match in finditer_near(
        NEW_INSTITUTION,
        text.text,
        _INSTITUTION_WORDS,
        before=120,
        after=90,
        starts=_NEW_INSTITUTION_FIRST,
    ):
        start, name = match.start(), match.group()
        if "\n" in name:  # a title line ends before the lead: keep the keyword's line
            head, _sep, tail = name.rpartition("\n")
            if _INSTITUTION_KEYWORD.search(tail):
                start, name = start + len(head) + 1, tail
            else:
                name = name.partition("\n")[0]
        words = name.split(" ")
        while words and words[0].lower().rstrip(",") in _LEADING_NOISE:
            start += len(words[0]) + 1
            words = words[1:]
        # "Pakistan's National University of ...": a country's or city's possessive is no
        # part of the name ("King's College" keeps its own), though it tells that a name
        # of generic words is one
        owner = words[0] if len(words) > 2 and words[0].endswith(("'s", "’s")) else ""
        if not owner and len(words) > 3 and words[1].endswith(("'s", "’s")):
            # "South Korea's Dong-Eui University", "New Zealand's ...": a country or city of
            # two words
            owner = f"{words[0]} {words[1]}"
        if owner and not (start in country_starts or owner[:-2].lower() in index.city_names):
            owner = ""
        for i, word in enumerate(words[:-1]):
            if word.endswith(("'s", "’s")) and word[:-2] in _KEYWORD_WORDS:
                # "Kazan Federal University's Institute of Philology": the university's
                # possessive ends its name, its unit follows
                words = [*words[:i], word[:-2]]
                break
        name = " ".join(words)
        head, *tail = _FULL_STOP.split(name, maxsplit=1)
        if tail and not _INSTITUTION_KEYWORD.search(head) and _INSTITUTION_KEYWORD.search(tail[0]):
            # "on Monday. Lakeside University ...": the sentence before ends, the name is after
            start, name = start + len(name) - len(tail[0]), tail[0]
            words = name.split(" ")
            while words and words[0].lower().rstrip(",") in _LEADING_NOISE:
                start += len(words[0]) + 1
                words = words[1:]
            name = " ".join(words)
        elif tail and _INSTITUTION_KEYWORD.search(tail[0]):
            # "... Business School. Qilu Harbour University will ...": a name in each sentence
            later = _FULL_STOP.split(tail[0], maxsplit=1)[0].rstrip(".,")
            later_start = start + len(name) - len(tail[0])
            later_words = later.split(" ")
            while later_words and later_words[0].lower().rstrip(",") in _LEADING_NOISE:
                later_start += len(later_words[0]) + 1
                later_words = later_words[1:]
            later = " ".join(later_words)
            if (
                later
                and later not in _KEYWORD_WORDS
                and not all(w.lower().strip("'.,") in _GENERIC for w in later.split())
                and not blocked.overlaps(later_start, later_start + len(later))
            ):
                found.append((later_start, later_start + len(later), later))
        name = _FULL_STOP.split(name, maxsplit=1)[0].rstrip(".,")
        # "the University of Tartu and Tallinn University of Technology": the word after
        # "and" opens the next name, which the search has passed over.
        another = _AND_ANOTHER.search(name)
        if another and _KEYWORD_NEXT.match(text.text, start + len(name)):
            second = NEW_INSTITUTION.match(text.text, start + another.start(1))
            if second:
                named = _FULL_STOP.split(second.group(), maxsplit=1)[0].rstrip(".,")
                named = _without_following_name(text, second.start(), named)
                if not blocked.overlaps(second.start(), second.start() + len(named)):
                    found.append((second.start(), second.start() + len(named), named))
            name = name[: another.start()]
        name = _without_following_name(text, start, name)
        name = _with_second_field_word(text.text, start, name)
        # "Goethe University Frankfurt": a known city right after the name belongs to it.
        after = _CAPITALISED_WORD.match(text.text, start + len(name))
        if after and name.endswith(_KEYWORD_WORDS):
            # In Dutch, German and French names the city always follows ("Vrije
            # Universiteit Brussel"), in the local spelling the directory may not know.
            city_follows = name.endswith(_CITY_FOLLOWS) and after[1].lower() not in _GENERIC
            if city_follows or after[1].lower() in index.city_names:
                name = f"{name} {after[1]}"
        if name.split(" ", 1)[0] in _KEYWORD_FIRST_WORDS and len(name.split(" ")) == 2:
            # "Instituto Superior Tecnico", "École Normale Supérieure": a keyword that comes
            # first takes up to two more capitalised words of its name
            more = _MORE_NAME_WORDS.match(text.text, start + len(name))
            if more:
                name += more.group()
        if name.split(" ", 1)[0] in _CITY_FOLLOWS and (
            of := _FOREIGN_OF.match(text.text, start + len(name))
        ):
            name += of.group()  # "Universidade de Lisboa": the keyword, its "of" part
        if name.endswith(_KEYWORD_WORDS) and (
            own := _AFTER_KEYWORD.match(text.text, start + len(name))
        ):
            name += text.raw[own.start() : own.end()]
        elif " of " in name and (own := _QUOTED_AFTER.match(text.text, start + len(name))):
            # 'University of Islamic Culture "Nur Mubarak"': its own name after the fields
            name += text.raw[own.start() : own.end()]
        # (after "University of Culture and Art" too: the honoree follows the whole name)
        if name.endswith(_KEYWORD_WORDS) or " of " in name:
            honoree = _NAMED_AFTER.match(text.text, start + len(name))
            if honoree:
                name += honoree.group()
            under = _UNDER_THE_BODY.match(text.text, start + len(name))
            if under:
                name += under.group()
        if name.count(" ") == 1:
            hyphened = _SPACED_HYPHEN_BEFORE.search(text.text, max(0, start - 30), start)
            if hyphened:
                start, name = hyphened.start(1), f"{hyphened[1]} - {name}"
        unit = _UNIT_OF_UNIVERSITY.match(name)
        if unit:
            name = unit[1]
        if (verb := _HEADLINE_VERB.search(name)) and _INSTITUTION_KEYWORD.search(name, verb.end()):
            # "The Minister Visits Lakeside University": a headline's verb in capitals ends
            # the words before the name
            start, name = start + verb.end(), name[verb.end() :]
        if name in _KEYWORD_WORDS:
            continue  # a keyword alone ("Instituto" before a cut) names nothing
        if not name or all(w.lower().strip("'.,") in _GENERIC for w in name.split()):
            # "the National Academy of Sciences of Kazakhstan", "... of Science of Hungary":
            # generic words name one institution when the country they serve follows
            of = _OF_A_COUNTRY.match(text.text, start + len(name)) if name else None
            opening = of and next((p for p in of.regs[1:] if p[0] in country_ends), None)
            if not opening:
                continue
            name = text.text[start : country_ends[opening[0]]]
        if owner and name.startswith(f"{owner} ") and _INSTITUTION_KEYWORD.search(name, len(owner)):
            start, name = start + len(owner) + 1, name[len(owner) + 1 :]
        end = start + len(name)
        if name.endswith(_KEYWORD_WORDS) and _ANOTHER_PLACE_AFTER.match(text.text, end):
            continue  # "Riverside University Hospital": a hospital, no institution
        if blocked.overlaps(start, end):
            continue
        if (
            "Universit" not in name
            and (of := _OF_THE_KNOWN.match(text.text, end))
            and (
                of.end() in institution_starts
                or (institution_starts and _THE_UNIVERSITY.match(text.text, of.end()))
            )
        ):
            continue  # "the Higher School of Economics and Business of KazNU": its unit
        if (
            "Universit" not in name
            and (at := _AT_A_UNIVERSITY.match(text.text, end))
            and (at.group("named") or at.end() in institution_starts)
        ):
            # "the Higher School of Artificial Intelligence at the Korkyt Ata Kyzylorda
            # University", "the CityU Institute at SU": a school, institute or college at a
            # university is its unit
            continue
        if name.endswith((" Faculty", " Department")):
            continue  # "the VU Faculty of Medicine": a faculty is no institution
        found.append((start, end, name))
    return sorted(_without_units_of_named(index, text.text, hits, found))


# "Director of Farabi Business School" beside "Al-Farabi Kazakh National University", "the
# CityU Institute at SU" beside "City University of Hong Kong (CityU)": a school, institute
# or college whose first word is the first own word of a university the text names, or that
# university's acronym in brackets, is its unit
_UNIT_NAME = re.compile(r"([A-Z][\w'-]*)(?: [A-Z][\w'-]*)? (?:School|Institute|College)")
_ACRONYM_AFTER = re.compile(r" \(([A-Z][\w-]{1,10})\)")


def _own_word(name):
    """The first word of a name that is no generic word ("Farabi" of "Al-Farabi Kazakh
    National University"), lower case, without an Arabic article."""
    for word in re.split(r"[\s-]+", name):
        lowered = word.lower().strip(".,'")
        if len(lowered) >= 4 and lowered not in _GENERIC:
            return lowered
    return ""


def _without_units_of_named(index, text, hits, found):
    units = [(s, e, n) for s, e, n in found if _UNIT_NAME.fullmatch(n)]
    if not units:
        return found  # the usual case
    known = [h for h in hits if h.entries[0][0] == "institution" and len(h.entries) == 1]
    # the known university as the text writes it ("KazNU") and as the directory names it
    forms = {_own_word(text[h.start : h.end]) for h in known} | {
        _own_word(index.institutions[h.entries[0][1]]["name"]) for h in known
    }
    for _s, end, name in found:
        if "Universit" in name:
            forms.add(_own_word(name))
            if acronym := _ACRONYM_AFTER.match(text, end):
                forms.add(acronym[1].lower())
    forms.discard("")
    return [
        (s, e, n)
        for s, e, n in found
        if not (
            _UNIT_NAME.fullmatch(n)
            and _UNIT_NAME.fullmatch(n)[1].lower() in forms
            and "Universit" not in n
        )
    ]


# "... School of Economics of KazNU", "... Institute of Physics of the <known university>":
# a school, institute or college named as a known institution's is its unit, no new one.
# ("the Graduate School of Public Policy (GSPP) of the University": its acronym between,
# and the text's known university called "the University")
_OF_THE_KNOWN = re.compile(r"(?:\s+\([A-Z][\w&-]*\))?\s+of\s+(?:the\s+)?")
_AT_A_UNIVERSITY = re.compile(
    r"\s+at\s+(?:the\s+)?(?P<named>(?:[A-Z][\w'.&-]*\s+(?:(?:ata|bi|batyr)\s+)?){0,6}?"
    r"(?:University|Universit[a-zé]+)\b)?"
)
_THE_UNIVERSITY = re.compile(r"(?<=the )University\b(?! of\b)")


# The name of a mission before a country: "Embassy of the Arab Republic of Egypt in the
# Russian Federation", "Посольства Арабской Республики Египет в Российской Федерации".
_MISSION = (
    r"(?:\b(?:embassy|consulate(?:[- ]general)?|high commission)\s+of|посольств\w*|консульств\w*)"
)
_MISSION_BEFORE = re.compile(
    rf"{_MISSION}\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}"
    rf"(?:(?:[\w'’-]+\s+){{1,4}}(?:in|to|в)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}})?$",
    re.IGNORECASE,
)


_MISSION_WORD = re.compile("embass|consul|посольств|консульств")
# A point of the compass right before a country's name makes it a region's.
_REGION_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:east|west|north|south)(?:ern)?|central|шығыс|батыс|солтүстік|оңтүстік|"
    r"орталық|(?:восточн|западн|северн|южн|центральн)\w{0,3})[ -]$"
)


def _in_mission_name(text, position, missions):
    """Whether the country at `position` is part of a mission's name. `missions` are the
    (start, end) spans of `_MISSION_WORD` in the text's lower case, found in one pass: the
    pattern cannot match in the 90 characters before unless one of them lies there."""
    lo = max(0, position - 90)
    i = bisect.bisect_left(missions, (lo, -1))
    if i == len(missions) or missions[i][1] > position:
        return False  # the usual case
    return bool(_MISSION_BEFORE.search(text.text[lo:position]))


@contextlib.contextmanager
def _collector_paused():
    """Python's cyclic garbage collector paused while detection runs: it makes and drops
    hundreds of thousands of small tuples and lists, none of them in cycles, and the
    collector's passes over them took 5-10 % of the time (reference counting still frees
    them). Re-enabled after, only if it was on before (a nested or concurrent call leaves
    it as it found it)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def detect_mentions(raw_text, on=None):
    """Detect what a text mentions at date `on`; figures are added by figure_detection."""
    with _collector_paused():
        return _detect(raw_text, on)


def _detect(raw_text, on=None):
    on = on or datetime.date.today()
    index = get_index()
    text = Text(raw_text)
    language = detect_language(raw_text)
    if language in ("ru", "kk"):
        hits = find_cyrillic_hits(index, text, language)
    else:
        hits = find_hits(index, text)
    if language == "en":
        hits = _without_namesakes(index, text, hits)
    candidates = _candidate_spans(index, text, hits)
    candidates = [_with_listed_fields(text.text, *candidate) for candidate in candidates]
    if language == "en":
        candidates = sorted(candidates + _honoree_acronyms(text, hits, candidates))
    if language in ("ru", "kk"):
        entries = Spans(
            [(h.start, h.end) for h in hits if h.entries[0][0] != "country"], presorted=True
        )
        candidates = sorted(
            candidates
            + cyrillic.new_institutions(
                text.text,
                text.tokens,
                language,
                entries.overlaps,
                {h.start for h in hits if h.entries[0][0] == "country"},
                functools.partial(people_module.is_role_word, language=language),
            )
        )
    if language == "kk" and (
        hyphened := _hyphened_country_hits(
            index.cyrillic(language), text, {s for s, _e, _n in candidates}
        )
    ):
        hits = sorted(hits + hyphened, key=_start)  # (a word of its own: no overlap)
    # A country inside an institution-like name ("Kazakh-British Technical University")
    # or a mission's ("Посольства Арабской Республики Египет в Российской Федерации")
    # belongs to that name ("the Azerbaijan National Academy of Sciences": the country's
    # hit may begin on the article before the name, so its end is what is inside).
    names = Spans((s, e) for s, e, _name in candidates)
    hits = [h for h in hits if not (h.entries[0][0] == "country" and names.contains(h.end - 1))]
    # "East Kazakhstan", "Шығыс Қазақстан", "Северного Казахстана": a region, no country
    # ("South Korea", "Оңтүстік Корея" are countries' own names, found whole)
    hits = [
        h
        for h in hits
        if not (
            h.entries[0][0] == "country"
            and _REGION_BEFORE.search(text.lower, max(0, h.start - 16), h.start)
        )
    ]
    missions = [match.span() for match in _MISSION_WORD.finditer(text.lower)]
    in_missions = {
        h.start
        for h in hits
        if h.entries[0][0] == "country" and _in_mission_name(text, h.start, missions)
    }
    detection = Detection(on=on, language=language)
    seen = {}

    def mention(kind, pk, start, end, confident=True, matched=None, **extra):
        key = mention_key(kind, pk, extra.get("name", ""))
        found = seen.get(key)
        if found is not None and (found.confident or not confident):
            return  # the same entry again: nothing to add, no sentence to cut (long texts)
        matched = text.text[start:end] if matched is None else matched
        item = Mention(kind, pk, matched, text.sentence(start), start, confident, **extra)
        if found is not None:  # a confident mention of what was only a guess
            detection.mentions[detection.mentions.index(found)] = item
        else:
            detection.mentions.append(item)
        seen[key] = item

    sentence_institutions = defaultdict(set)
    for hit in hits:
        if hit.start in in_missions:
            continue  # still a name (no person's), but no country the text is about
        if len(hit.entries) == 1:  # the usual case: one entry, nothing to group
            by_kind = ((hit.entries[0][0], (hit.entries[0][1],)),)
        else:
            grouped = defaultdict(list)
            for kind, pk, _form in hit.entries:
                grouped[kind].append(pk)
            by_kind = grouped.items()
        for kind, pks in by_kind:
            pks = sorted(set(pks)) if len(pks) > 1 else pks
            if kind == "person" and len(pks) > 1:
                in_post = [pk for pk in pks if index.holds_post(pk, on)]
                pks = in_post if len(in_post) == 1 else pks
            confident = len(pks) == 1
            for pk in pks:
                mention(kind, pk, hit.start, hit.end, confident)
                if kind == "institution":
                    sentence_institutions[text.sentence_index(hit.start)].add(pk)
            if kind == "country" and len(pks) == 1:
                role = _ambassador_role if language == "en" else _ambassador_role_cyrillic
                role(index, text, hit, pks[0], on, mention, hits)
            if kind == "institution" and len(pks) == 1:
                _institution_role(index, text, hit, pks[0], on, mention)
            if kind == "person" and len(pks) == 1:
                _ambassadors_mission(index, text, hit, pks[0], on, mention)
    _partnerships(index, text, sentence_institutions, mention)
    candidates += _acronyms_beside_institutions(text, hits, candidates)
    if language == "en":
        candidates = sorted(candidates + _acronyms_of_universities(index, text, hits, candidates))
    new_names = _new_institutions(index, text, hits, candidates, mention, language)
    linked_people = {m.object_id for m in detection.mentions if m.kind == "person"}
    _new_people(index, text, language, hits, candidates, mention, linked_people)
    named = {m.object_id for m in detection.mentions if m.kind == "partnership" and m.confident}
    detection.figures = detect_figures(
        index, text, hits, sentence_institutions, on, named, language, new_names
    )
    return detection


_SENTENCE_ENDS = ("", ".", "!", "?", '"')

# Bodies that are no ministry nor government: a country's name after one of them (or its
# adjective before it) says where the body is; the body is the organisation of a post.
_BODY_WORD = re.compile(
    r"\b(?:Federation|Committee|Association|Union|Council|Agency|Fund|Foundation|Centre|"
    r"Center|Chamber|Society|Company|Bank|Academy|Museum|Theatre|Theater|Club|League)\b"
)
_BODY_AFTER = re.compile(rf"(?: [A-Z][\w'-]*){{0,3}}? {_BODY_WORD.pattern}")


_WORD_BEFORE = re.compile(r"\b([A-Z][\w'-]+)\s+$")


def _words_before(text, surname):
    """The capitalised words right before the whole word `surname` in `text` (as matches of
    `_WORD_BEFORE`), found from where the surname stands (`str.find`) rather than by trying
    a pattern at every character of the text."""
    start = text.find(surname)
    while start != -1:
        end = start + len(surname)
        if not (end < len(text) and is_word_char(text[end])) and (
            match := _WORD_BEFORE.search(text, max(0, start - 80), start)
        ):
            yield match
        start = text.find(surname, end)


def _without_namesakes(index, text, hits):
    """'Adilbek Dzhaksybekov ... Mr Dzhaksybekov' where the directory knows Askar
    Dzhaksybekov: a title and a surname ("Mr X", "Dr X") name no known person when the text
    gives that surname another first name and never the known person's own."""
    kept, first_names = [], {}
    for hit in hits:
        if hit.entries[0][0] == "person" and len({pk for _k, pk, _f in hit.entries}) == 1:
            known = index.people.get(hit.entries[0][1], "").split()
            matched = text.text[hit.start : hit.end]
            if len(known) > 1 and not matched.startswith(known[0]):
                surname = known[-1]
                if surname not in first_names:  # once per surname: the text read once
                    first_names[surname] = {
                        m[1]
                        for m in _words_before(text.text, surname)
                        # (not a sentence's first word: "Then Dzhaksybekov said")
                        if text.text[max(0, m.start() - 4) : m.start()].rstrip()[-1:]
                        not in _SENTENCE_ENDS
                        and m[1] not in PERSON_TITLES
                        and not people_module.is_role_word(m[1], language="en")
                    }
                named = first_names[surname]
                if named and known[0] not in named:
                    continue
        kept.append(hit)
    return kept


def _new_people(index, text, language, hits, candidates, mention, linked_people=()):
    """Suggestions of people the directory does not know, named with a role; not a known
    person linked in the text under another spelling (`linked_people`)."""
    linked_names = [index.entry_name("person", pk) for pk in linked_people]
    size = len(text.text)
    # Known entries and suggested institutions, one byte a character for both.
    spans = [(h.start, h.end) for h in hits] + [(s, e) for s, e, _n in candidates]
    taken_spans = Covered(spans, size)
    people = Covered([(h.start, h.end) for h in hits if h.entries[0][0] == "person"], size)
    hit_starts = [h.start for h in hits]
    candidates = sorted(candidates)
    candidate_starts = [s for s, _e, _n in candidates]

    def organisation_of(start, end):
        here = between(hits, hit_starts, start, end)
        for hit in here:
            if hit.entries[0][0] in ("institution", "embassy"):
                kind, pk = hit.entries[0][0], hit.entries[0][1]
                return index.entry_name(kind, pk), pk if kind == "institution" else None
        for _s, _e, name in between(candidates, candidate_starts, start, end):
            # "the Rector of Al Farabi Kazakh National University": a known institution's
            # name in other words' spelling (linked as it, `_new_institutions`) is it
            same = index.institution_by_words.get(_name_words(_without_honoree(name)))
            if same is not None:
                return index.entry_name("institution", same), same
            return name, None
        for hit in here:
            if hit.entries[0][0] == "country":
                if language == "en" and _BODY_WORD.search(text.text, start, end):
                    # "President of the Athletics Federation of Kazakhstan", "of the Kazakh
                    # Culture Committee": a body the country's name is part of, not the
                    # country, is where the post is held (its words are read as written)
                    return "", None
                if language == "en" and (body := _BODY_AFTER.match(text.text, hit.end)):
                    # "Deputy Chairman of the Kazakh Culture Committee Kumis Seitova": the
                    # body the adjective opens (its words run on into the person's name)
                    return text.text[hit.start : body.end()], None
                return index.entry_name("country", hit.entries[0][1]), None
        return "", None

    # A Russian or Kazakh text is tokenised already (its names are matched word by word);
    # an English one is not: the few words after each role are read where they are.
    tokens = text.tokens if language in ("ru", "kk") else None
    # The names suggested so far, by `_respelt_signature`: only names of the same signature
    # can be one name respelt, so each is compared with those alone (a long text names a few
    # hundred people, and comparing each with every earlier one took a tenth of a second).
    suggested = defaultdict(dict)
    for person in sorted(
        people_module.detect_new_people(
            text.text, language, taken_spans.overlaps, people, organisation_of, tokens, text.lower
        ),
        key=lambda p: p.start,
    ):
        if any(_same_name_respelt(person.name, known) for known in linked_names):
            continue
        # "Pak Naechon" in the title, "Mr. Park Naechon" in the lead: one person written two
        # ways, suggested as first named
        signature = _respelt_signature(person.name)
        if signature is not None and any(
            _same_name_respelt(person.name, earlier) and person.name != earlier
            for earlier in suggested.get(signature, ())
        ):
            continue
        if signature is not None:
            suggested[signature][person.name] = None
        # "Zhanseit Tuimebaev", the directory's "Zhanseit Tuimebayev" not linked in the text:
        # a known person under another transliteration, linked for the editor to confirm
        respelt = next(
            (
                pk
                for pk, known in index.people_by_first_word().get(
                    person.name.split(" ", 1)[0].lower(), ()
                )
                if _same_name_respelt(person.name, known)
            ),
            None,
        )
        if respelt is None:
            respelt = _former_holder(index, person)
        if respelt is not None:
            mention("person", respelt, person.start, person.end, False)
            continue
        mention(
            "new_person",
            person.organisation_id,
            person.start,
            person.end,
            False,
            name=person.name,
            role=person.role,
            organisation=person.organisation,
        )


def _former_holder(index, person):
    """'the rector of Al-Farabi Kazakh National University Galym Mutanov' for the known
    'Galimkair Mutanov', rector there once: a known person named with a post they hold or
    held at the known institution of the role, under the same surname and first letter (a
    short or familiar form of the first name), else None."""
    if person.organisation_id is None:
        return None
    words = person.name.split()
    # "the Rector of ... University, G. Mutanov": initials and the surname name him too, as
    # many initials as the known name has words before the surname, or one (the first name's)
    initials = [w for w in re.split(r"[\s.]+", person.name) if w]
    by_initials = len(initials) >= 2 and all(len(w) == 1 for w in initials[:-1])
    if len(words) < 2 and not by_initials or "." in person.name and not by_initials:
        return None
    if by_initials:
        words = initials
    role = person.role.lower()
    found = {
        p.person_id
        for p in index.institution_positions.get(person.organisation_id, ())
        if p.title and p.title.lower() in role
        for known in [index.people.get(p.person_id, "").split()]
        if (len(known) == len(words) or by_initials and len(words) == 2 and len(known) > 2)
        and known[-1].lower() == words[-1].lower()
        and known[0][0].lower() == words[0][0].lower()
    }
    return found.pop() if len(found) == 1 else None


def _respelt_signature(name):
    """What two names `_same_name_respelt` can find the same share: their words' first
    letters (as many words); None for a name of one word, which is no other's respelling."""
    words = name.lower().split()
    return tuple(word[0] for word in words) if len(words) >= 2 else None


def _same_name_respelt(name, known):
    """'Zhanseit Tuimebaev' for the known 'Zhanseit Tuimebayev': as many words, each with
    its first letter, and nearly the same letters (a transliteration's difference)."""
    words, known_words = name.lower().split(), known.lower().split()
    if len(words) != len(known_words) or len(words) < 2:
        return False
    if any(a[0] != b[0] for a, b in zip(words, known_words, strict=True)):
        return False
    return difflib.SequenceMatcher(None, name.lower(), known.lower()).ratio() >= 0.9


_ACRONYM = re.compile(r"\b[A-Z]{3,8}\b")  # as `Text.acronyms` finds them
_CAPITALS = re.compile(r"[A-Z]{3,}")


def _acronyms_beside_institutions(text, hits, candidates):
    """An acronym used as a name in a list of institutions ("..., Kazakh-British Technical
    University and KIMEP") is an institution too."""
    linked = []
    for start, end, word in text.acronyms:
        link = _list_link(text.text[max(0, start - 6) : start])
        if link:
            linked.append((start, end, word, link))
    if not linked:
        return []  # the spans below are built only for acronyms in a list
    ends = {e for _s, e, _n in candidates} | {
        h.end for h in hits if h.entries[0][0] == "institution"
    }
    taken = Spans([(h.start, h.end) for h in hits] + [(s, e) for s, e, _n in candidates])
    return [
        (start, end, word)
        for start, end, word, link in linked
        if not taken.overlaps(start, end) and start - link in ends
    ]


# A university named by its acronym alone ("met with the Rector of the MRU", "cooperation
# between UNY and 5 universities", "Satbayev University jointly with South Korea's KAIST"):
# an acronym that no entry or name of the text covers, written in no brackets after a name
# (its other form then), and that the text ties to a university at least once, by a
# university's post in its sentence or by its pairing with a university.
_UNIVERSITY_POST = re.compile(
    r"\b(?:rector|vice-rector|vice rector|pro-rector|vice-chancellor|vice chancellor|provost|"
    r"dean)\b",
    re.IGNORECASE,
)
_PAIRED_BEFORE = re.compile(
    r"(?:University|Institute|universities)\s+(?:jointly\s+)?(?:with|and)\s+"
    r"(?:(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+)?$"
)
# ("UNY and 5 universities", "SDU and other universities", "... and many other universities";
# not "USAID with local universities" nor "AIFC and many universities": a funder or a
# partner of universities is none)
_PAIRED_AFTER = re.compile(
    r"\s+(?:and|with)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:other\s+)?"
    r"|(?:several\s+|many\s+|a\s+few\s+)?other\s+)(?:[a-z]+\s+)?universities\b"
)
# "the Rector of Lakeside University met USAID": a post said with its own institution after
# it ("of Lakeside University", "of the university") is that one's, and ties no other
# acronym of its sentence to a university; a post without one ("Vice-Chancellor Maria
# Knutson Wedel presented SLU") or with the acronym itself ("the Rector of the MRU") does
_POST_OF = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?=[A-Za-z])")


def _post_ties(text, s_start, s_end, acronym_start):
    """Whether a university's post in the sentence [s_start, s_end) may be that of the
    acronym at `acronym_start`."""
    for post in _UNIVERSITY_POST.finditer(text, s_start, s_end):
        of = _POST_OF.match(text, post.end())
        if of is None or of.end() == acronym_start:
            return True
    return False


# Acronyms of other bodies, programmes, degrees, tests and lands that stand beside rectors.
_NO_UNIVERSITY_ACRONYMS = {
    "USA", "UAE", "USSR", "CIS", "SCO", "OSCE", "NATO", "UNESCO", "UNICEF", "UNDP", "OECD",
    "MBA", "PHD", "MFA", "MES", "MOE", "KOICA", "JICA", "DAAD", "TIKA", "ADB", "WHO", "CSTO",
    "EAEU", "ASEAN", "OIC", "CICA", "ICT", "STEM", "IELTS", "TOEFL", "GPA", "CEO", "JSC",
    "LLP", "LLC", "NGO", "GDP", "COVID", "MOU", "BBC", "CNN", "ECTS", "PRC", "DPRK", "ROK",
    "EXPO", "KAZ", "QS", "THE", "ERASMUS", "TURKSOY", "FAO", "IAEA", "UNHCR", "WTO", "IMF",
    "OPEC", "APEC", "BRICS", "NASA", "ESA", "CERN", "IEEE", "ISO", "ICAO", "IOM",
}  # fmt: skip


_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+[^,.;]{3,80}")


def _subsequence(short, letters):
    """Whether the letters of `short` appear in `letters` in their order."""
    found = iter(letters)
    return len(letters) >= len(short) and all(letter in found for letter in short)


# (a first name; not a capitalised word of the sentence's own: "The SDU and other
# universities", "Also UNY ...")
_NAME_WORD_BEFORE = re.compile(
    r"\b(?!(?:The|Also|And|But|Both|In|At|On|With|From|For|By|Then|Today|Meanwhile|Moreover|"
    r"However|Besides|Thus|Later|Now|Our|Its|Their|This|That|These|Those)\b)[A-Z][a-z]+ $"
)


def _acronyms_of_universities(index, text, hits, candidates):
    acronyms = [a for a in text.acronyms if a[2] not in _NO_UNIVERSITY_ACRONYMS]
    if not acronyms:
        return []
    taken = Spans([(h.start, h.end) for h in hits] + [(s, e) for s, e, _n in candidates])
    # another form of a name in the text: in brackets after it, its initials ("QAU" beside
    # "Quaid I Azam University", "PSU" beside "Toraighyrov Pavlodar State University"), part
    # of a name ("UIR&WL"), or said in apposition to be something else ("FICAC, a global
    # network of Consular Associations")
    initials = {
        "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", name))
        for name in [n for _s, _e, n in candidates]
        + [text.text[h.start : h.end] for h in hits if h.entries[0][0] == "institution"]
    }
    # each distinct acronym against each distinct name's initials, once (not once per
    # occurrence: a long text repeats both)
    other_form = {
        word
        for word in {word for _s, _e, word in acronyms}
        if any(_subsequence(word, letters) for letters in initials)
    }
    other_form |= {
        word
        for start, end, word in acronyms
        if text.text[start - 1 : start] == "("
        or "&" in text.text[start - 1 : start] + text.text[end : end + 1]
        or (
            (apposition := _APPOSITION.match(text.text, end))
            and not _INSTITUTION_KEYWORD.search(apposition.group())
        )
    }
    tied = set()
    for start, end, word in acronyms:
        if word in tied or word in other_form or taken.overlaps(start, end):
            continue
        if start == 0 or text.text[start - 1] == "\n" or word.lower() in index.city_names:
            continue  # "IZHEVSK – The Rector ...", "ALMATY. KAZINFORM": a dateline's place
        if _NAME_WORD_BEFORE.search(text.text, max(0, start - 30), start):
            continue  # "Prof. Dr. Ayse YILMAZ": a surname in capitals after a first name
        s_start, s_end = text.sentence_span(start)
        if (
            _post_ties(text.text, s_start, s_end, start)
            or _PAIRED_BEFORE.search(text.text[max(0, start - 80) : start])
            or _PAIRED_AFTER.match(text.text, end)
        ):
            tied.add(word)
    return [
        (start, end, word)
        for start, end, word in acronyms
        if word in tied and not taken.overlaps(start, end)
    ]


# "the rector of Abai KazNPU", "opened at M. Kozybaev NKSU", "the delegation of Kazakh Ablai
# Khan UIR&WL": a university named by its honoree's name (initials, one to three capitalised
# words) and its acronym, the "U" of "University" among the acronym's capitals, after a word
# in lower case (so not "Teachers KSTU lectured ..." opening a sentence).
_HONOREE_ACRONYM = re.compile(
    r"\b[a-z]{2,12} ((?:[A-Z]\.\s?){0,2}(?:[A-Z][a-z]+ ){1,3}"
    r"(?=[A-Z][A-Za-z]*U|U)[A-Z][A-Za-z]*[A-Z](?:&[A-Z]+)?)(?![\w&-])"
)


def _honoree_acronyms(text, hits, candidates):
    """The names "<honoree> <acronym>" (`_HONOREE_ACRONYM`) that no entry but a country's
    ("Kazakh", inside the name: dropped with the others inside names) and no name covers,
    read in one pass over the text."""
    found = []
    taken = None
    for match in _HONOREE_ACRONYM.finditer(text.text):
        start, end = match.span(1)
        if len(_CAPITALS_ANYWHERE.findall(text.text[start:end].split()[-1])) < 3:
            continue
        if taken is None:
            taken = Spans(
                [(h.start, h.end) for h in hits if h.entries[0][0] != "country"]
                + [(s, e) for s, e, _n in candidates]
            )
        if not taken.overlaps(start, end):
            found.append((start, end, match[1]))
    return found


_CAPITALS_ANYWHERE = re.compile(r"[A-Z]")


def _list_link(before):
    """The length of what `re.search(r"(?:,| and| &)\\s+$", before)` matches, else 0."""
    stripped = before.rstrip()
    if len(stripped) < len(before):
        for link in (",", " and", " &"):
            if stripped.endswith(link):
                return len(before) - len(stripped) + len(link)
    return 0


def _ambassador_role(index, text, hit, country_id, on, mention, hits):
    lo = max(0, hit.start - 140)
    last = text.lower.rfind("ambassador", lo, hit.start)
    if last == -1:
        return  # the usual case: the pattern below cannot match
    before = text.text[lo : hit.start]
    # A match holds the last "ambassador" before the country and what follows it, after a
    # name of the home country, if any: the search starts at that name, not 140 characters
    # back (the pattern's names tried at every character were most of its cost).
    home_end = last - lo
    while home_end and before[home_end - 1].isspace():
        home_end -= 1
    match = index.ambassador_to.search(before, max(0, home_end - index.ambassador_home_length))
    if not match:
        return
    start = hit.start - len(before) + match.start()
    _mission_and_head(index, text, hit, country_id, on, mention, hits, start, head=True)


# "посол" loses its second "о" in every other form ("послом", "посла", "послу").
_RU_AMBASSADOR = r"(?:посол|посл(?:а|у|ом|е|ы|ов|ам|ами|ах))\b"

# "Ambassador of Kazakhstan <name>", "Посол Казахстана <name>", "Қазақстан елшісі <name>":
# the role names whose mission it is (a bare "Ambassador <name>" does not).
_AMBASSADOR_OF_KAZAKHSTAN = re.compile(
    r"(?:\bambassador\s+of\s+(?:the\s+republic\s+of\s+)?kazakhstan|"
    rf"\b{_RU_AMBASSADOR}\s+(?:(?:республики\s+)?казахстан\w*|рк)|қазақстан\w*\s+елші\w*)\s+$",
    re.IGNORECASE,
)


def _ambassadors_mission(index, text, hit, person_id, on, mention):
    """'Ambassador of Kazakhstan Yerzhan Kistafin': a person named as Kazakhstan's
    ambassador links the mission they head (at the text's date, else their latest)."""
    if not _AMBASSADOR_OF_KAZAKHSTAN.search(text.text[max(0, hit.start - 60) : hit.start]):
        return
    posts = [
        p for p in index.person_positions.get(person_id, []) if p.title.lower() == "ambassador"
    ]
    current = [p for p in posts if p.held_on(on)] or posts
    embassies = {
        embassy_id
        for embassy_id, infos in index.embassy_positions.items()
        for info in infos
        if info in current
    }
    if len(embassies) == 1:
        mention("embassy", embassies.pop(), hit.start, hit.end)


def _mission_and_head(index, text, hit, country_id, on, mention, hits, start, head):
    """The mission in `country_id`, and (`head`) the ambassador: the person named right
    after the role if there is one ("... to Belgium Roman Vassilenko"), else whoever
    headed the mission at the text's date."""
    embassy_id = index.mission_in(country_id)
    if embassy_id is None:
        return
    mention("embassy", embassy_id, start, hit.end)
    if not head:
        return
    i = bisect.bisect_left(hits, hit.end, key=lambda h: h.start)
    following = [h for h in hits[i : i + 2] if h.start <= hit.end + 4]
    if following and following[0].entries[0][0] == "person":
        return  # the named person is mentioned by their own hit
    person_id = index.head_of_mission(embassy_id, on)
    if person_id:
        mention("person", person_id, start, hit.end)


# "Посол Казахстана в Бельгии", "Посольство Республики Казахстан в Германии" (before the
# country); "Қазақстанның Бельгиядағы елшісі", "Германиядағы Қазақстан Республикасының
# Елшілігі" (around it).
# The host may be named in full: "в Исламской Республике Пакистан", "в Королевстве Бельгия".
_RU_STATE_FORM = (
    r"(?:(?:\w+\s+){0,2}(?:республик|королевств|федеративн|федераци|штат|государств|эмират|"
    r"султанат)\w*\s+)?"
)
_RU_ROLE = re.compile(
    rf"\b(?P<role>{_RU_AMBASSADOR}|посольств\w*)(?:\s+(?:чрезвычайн\w+\s+и\s+полномочн\w+\s+)?)?"
    rf"\s*(?:(?:республики\s+)?казахстан\w*|рк)\s+во?\s+{_RU_STATE_FORM}$",
    re.IGNORECASE,
)
_KK_ROLE_AFTER = re.compile(
    r"\s+(?:қазақстан\s+республикасының\s+|қазақстанның\s+)?(?:жаңа\s+)?"
    r"(?:төтенше\s+және\s+өкілетті\s+)?(?P<role>елші\w*)",
    re.IGNORECASE,
)
_KK_HOME_BEFORE = re.compile(r"қазақстан(?:ның|\s+республикасының)\s+$", re.IGNORECASE)


def _ambassador_role_cyrillic(index, text, hit, country_id, on, mention, hits):
    if country_id == index.home_country_id:
        return
    lo = max(0, hit.start - 120)
    before = text.text[lo : hit.start]
    # Every match of `_RU_ROLE` starts with "пос" ("посол", "посла", "посольства").
    if text.lower.find("пос", lo, hit.start) != -1 and (match := _RU_ROLE.search(before)):
        start = hit.start - len(before) + match.start()
        head = not match["role"].lower().startswith("посольств")
        _mission_and_head(index, text, hit, country_id, on, mention, hits, start, head)
        return
    match = _KK_ROLE_AFTER.match(text.text, hit.end)
    if match and ("қазақстан" in match.group().lower() or _KK_HOME_BEFORE.search(before)):
        head = match["role"].lower().startswith("елшіс") or match["role"].lower() == "елші"
        _mission_and_head(index, text, hit, country_id, on, mention, hits, hit.start, head)


def find_cyrillic_hits(index, text, language):
    """Hits of the directory's Latin names (acronyms such as "UAntwerp" appear in Russian
    texts too) and of its Russian or Kazakh names in any case; then people named by a
    title and their surname ("ректор Мұтанов") or an initial ("Б. Нусупов")."""
    cyrillic = index.cyrillic(language)
    raw = list(find_hits(index, text))
    starts, ends, words = text.tokens
    found, keys = cyrillic.hits(text.tokens)
    raw += [Hit(start, end, entries) for start, end, entries in found]
    named = {e[1] for _s, _e, entries in found for e in entries if e[0] == "person"}
    surnames, titles = cyrillic.surnames, cyrillic.titles
    for i in itertools.compress(range(len(keys)), map(surnames.__contains__, keys)):
        for person_id, person_titles in surnames[keys[i]]:
            # "ректор Мұтанов", "Ректор КазНУ академик Галым Мутанов": the title a few
            # words before (an organisation, a rank and a first name between)
            window = keys[max(0, i - 5) : i]
            by_title = any(titles.get((k,)) in person_titles for k in window)
            by_initial = i > 0 and len(words[i - 1]) == 1 and person_id in named
            if by_title or by_initial:
                raw.append(Hit(starts[i], ends[i], (("person", person_id, None),)))
    if language == "ru":
        raw += _compound_adjective_hits(cyrillic, text)
    if cyrillic.country_lemmas:
        raw = [h for h in raw if not _other_word_than_country(cyrillic, text, h)]
    if cyrillic.word_forms:
        raw = [h for h in raw if not _kazakh_word_not_country(cyrillic, text, h)]
    if cyrillic.language == "kk":
        raw = [h for h in raw if not _kazakh_lower_case_not_country(cyrillic, text, h)]
    else:
        raw = [h for h in raw if not _russian_lower_case_not_country(text, h)]
    acronym_only = cyrillic.acronym_only
    if acronym_only:
        raw = [h for h in raw if not _acronym_not_in_capitals(cyrillic, text, h, acronym_only)]
    raw = [h for h in raw if not _world_language(text, h)]
    raw = [h for h in raw if not _quoted_name(text, h)]
    return resolve_overlaps(raw)


_OPENING_QUOTES = '«"“„'
_CLOSING_QUOTES = '»"”“'


def _quoted_name(text, hit):
    """Whether a country hit fills a pair of quotation marks alone: the name of a product,
    a newspaper, a hotel or a team ("тракторов \"Беларус\"", "газета «Казахстан»"), no
    country the text is about."""
    return (
        hit.entries[0][0] == "country"
        and hit.start > 0
        and text.text[hit.start - 1] in _OPENING_QUOTES
        and text.text[hit.end : hit.end + 1] in tuple(_CLOSING_QUOTES)
    )


# Languages spoken as their own in many countries, which name none of them ("испан
# тілінде", "на английском языке"), unlike a language of one country ("жапон тілі").
_WORLD_LANGUAGES = re.compile(
    r"(?:ағылшын|испан|француз|португал|араб|английск|испанск|французск|португальск|"
    r"арабск)\w*\s+(?:тіл|язык)",
    re.IGNORECASE,
)


def _world_language(text, hit):
    """Whether a country hit is the adjective of a world language before "тілі"/"язык"."""
    return (
        hit.entries[0][0] == "country"
        and len(hit.entries) == 1
        and _WORLD_LANGUAGES.match(text.text, hit.start) is not None
    )


def _other_word_than_country(cyrillic, text, hit):
    """Whether a Russian one-word country hit is another word whose key is the same: a
    word pymorphy3 knows, none of whose lemmas is a lemma of the country's names ("по
    данным" is no "Дания", the first name "Гани" no "Гана")."""
    if len(hit.entries) != 1 or hit.entries[0][0] != "country":
        return False
    word = text.text[hit.start : hit.end]
    if " " in word or "-" in word:
        return False
    lemmas = cyrillic.country_lemmas.get(cyrillic.key(word))
    if not lemmas:
        return False
    found = morphology.ru_lemmas(word)
    return bool(found) and not found & lemmas


# What a Kazakh country word in lower case may be: a people's name or adjective from the
# tables ("орыс", "неміс", "жапон", "қытайлық"), or an adjective in -лық/-дық/-тық
# ("ирандық", "қазақстандық", "ресейлік"), with its endings.
_KK_LOWER_CASE_COUNTRY = re.compile(
    "(?:"
    + "|".join(
        sorted(
            {n.split()[0] for names in morphology.KK_ADJECTIVES.values() for n in names}
            | {n.split()[0] for names in morphology.KK_LANGUAGES.values() for n in names},
            key=len,
            reverse=True,
        )
    )
    + r")\w*|\w+(?:лық|лік|дық|дік|тық|тік)\w*"
)


def _kazakh_lower_case_not_country(cyrillic, text, hit):
    """Whether a Kazakh country hit in lower case is another word whose short key (under
    four letters) is the country's: "куб метр" (cubic metre, no Cuba), "жүлдені
    иемденді" (won, no Yemen), "кан" (blood, misspelt). In lower case a country is its
    people's name or adjective ("орыс тілі", "үнді студенттері", "ирандық студент", from
    the tables or in -лық/-дық/-тық) or a name long enough to be no other word ("қытай
    тілі", "украин тілі")."""
    if hit.entries[0][0] != "country" or not text.text[hit.start].islower():
        return False
    word = text.lower[hit.start : hit.end].split()[0]
    if _KK_LOWER_CASE_COUNTRY.fullmatch(word):
        return False
    return len(cyrillic.key(word)) < 4


# Russian demonyms a country table holds ("казахстанец"), found in lower case.
_RU_COUNTRY_NOUNS = frozenset(
    n for names in morphology.RU_ADJECTIVES.values() for n in names if not n.endswith("ий")
)


@functools.lru_cache(maxsize=10_000)
def _ru_adjective_or_demonym(word):
    """Whether pymorphy3 reads a Russian word as an adjective ("казахстанских") or as a
    demonym of the tables ("казахстанцев")."""
    return any(
        p.tag.POS in ("ADJF", "ADJS") or p.normal_form in _RU_COUNTRY_NOUNS
        for p in morphology.ru_parses(word)
    )


def _russian_lower_case_not_country(text, hit):
    """Whether a Russian country hit in lower case is a common noun that a country's name
    spells ("5 тысяч кубов воды", "соус чили", "по перу", "катар"): a country's name is
    capitalised; in lower case only its adjective or its people's noun is the country."""
    if hit.entries[0][0] != "country" or not text.text[hit.start].islower():
        return False
    if text.text[hit.end : hit.end + 1] == "-" or text.text[hit.start - 1 : hit.start] == "-":
        return False  # "российско-китайского": a part of a compound adjective
    word = text.text[hit.start : hit.end].split()[0]
    return not _ru_adjective_or_demonym(word)


def _acronym_not_in_capitals(cyrillic, text, hit, acronym_only):
    """Whether a one-word hit of a name that is only ever an acronym ("АҚШ", "ЕНУ") is a
    word written otherwise, another word with the same key ("ақшаны", "Ақшаға": the money;
    "ену": to enter). An acronym is written in capitals."""
    word = text.text[hit.start : hit.end]
    if word.isupper() or not word.isalpha():
        return False
    return hit.entries[0][0] in ("country", "institution") and cyrillic.key(word) in acronym_only


def _kazakh_word_not_country(cyrillic, text, hit):
    """Whether a Kazakh country hit is a common word declined that the country's name spells
    ("Судан шыққан" = from water): bare, and in lower case or first in its sentence (a
    capital there says nothing); declined ("Суданның") or capitalised mid-sentence it is
    the country."""
    word = text.lower[hit.start : hit.end]
    if word not in cyrillic.word_forms or hit.entries[0][0] != "country":
        return False
    if text.text[hit.start].islower():
        return True
    start, _end = text.sentence_span(hit.start)
    return not text.text[start : hit.start].strip(" \t\"'«(")


def _hyphened_country_hits(cyrillic, text, name_starts):
    """'Қазақстан-Қытай Іскерлік Кеңесі', 'Қазақстан-Қытай альянсы': each part of two
    capitalised names joined by a hyphen that is a country's name names that country; not
    right before a name found ('Қазақстан-Америка Еркін университеті', an institution's
    name, whose countries are not counted). Only the text's distinct words with a hyphen
    are looked at, then where they stand."""
    starts, _ends, words = text.tokens
    parts_of = {}
    for word in [w for w in set(words) if "-" in w]:
        first, _sep, second = word.partition("-")
        if first[:1].isupper() and second[:1].isupper():
            parts = []
            for offset, part in ((0, first), (len(first) + 1, second)):
                node = cyrillic.trie.get(cyrillic.key(part))
                countries = tuple(x for x in (node[1] if node else ()) if x[0] == "country")
                if countries:
                    parts.append((offset, offset + len(part), countries))
            if parts:
                parts_of[word] = parts
    found = []
    if parts_of:
        for i in itertools.compress(range(len(words)), map(parts_of.__contains__, words)):
            if starts[i] + len(words[i]) + 1 not in name_starts:
                found += [Hit(starts[i] + s, starts[i] + e, c) for s, e, c in parts_of[words[i]]]
    return found


def _compound_adjective_hits(cyrillic, text):
    """'российско-китайского университета', 'казахско-турецкий': each part of a compound
    adjective names its country ('российско' is 'российский'). Only the places of 'ско-'
    and 'цко-' are looked at."""
    found, lower, size = [], text.lower, len(text.lower)
    for infix in ("ско-", "цко-"):
        position = lower.find(infix)
        while position != -1:
            start = position
            while start > 0 and lower[start - 1].isalpha():
                start -= 1
            end = position + len(infix)
            while end < size and lower[end].isalpha():
                end += 1
            first = lower[start : position + 2] + "ий"  # "российско" -> "российский"
            second_start = position + len(infix)
            for word, (s, e) in (
                (first, (start, position + 3)),
                (lower[second_start:end], (second_start, end)),
            ):
                node = cyrillic.trie.get(cyrillic.key(word))
                countries = tuple(x for x in (node[1] if node else ()) if x[0] == "country")
                if countries and e > s:
                    found.append(Hit(s, e, countries))
            position = lower.find(infix, end)
    return found


_INSTITUTION_ROLE = re.compile(
    r"\b(?P<title>(?:vice[- ]?)?(?:rector|president|chancellor)|director|dean|provost|head|"
    r"chair(?:man|person)?)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# A person's name right after "<role> of <institution>": two capitalised words (a comma, an
# honorific or an initial before them), the second no keyword of an institution's name.
_NAME_AFTER = re.compile(
    r",?[ \t]+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+)?[A-Z](?:[a-z]+|\.)[ \t]*"
    r"(?!(?:University|Institute|Academy|College|School|Faculty|Department|Center|Centre)\b)"
    r"[A-Z][a-z]+"
)


def _institution_role(index, text, hit, institution_id, on, mention):
    before = text.text[max(0, hit.start - 40) : hit.start]
    if not before.rstrip().lower().endswith((" of", " of the")):
        return  # the usual case: the pattern below cannot match
    match = _INSTITUTION_ROLE.search(before)
    if match and _NAME_AFTER.match(text.text, hit.end):
        return  # "the rector of <institution> Galym Mutanov": the name says who, not the date
    if match:
        person_id = index.holder(institution_id, match["title"], on)
        if person_id:
            mention("person", person_id, hit.start - len(before) + match.start(), hit.end)


def _partnerships(index, text, sentence_institutions, mention):
    """A partnership is mentioned when a sentence names two of its members, or one member
    and a word for its kind ("double-degree", "academic mobility")."""
    for sentence_index, institutions in sentence_institutions.items():
        start = text.starts[sentence_index]
        sentence_lower = text.sentence(start).lower()
        candidates = set().union(*(index.partnerships_by_institution[i] for i in institutions))
        for pk in sorted(candidates):
            partnership = index.partnerships[pk]
            shared = len(partnership["members"] & institutions)
            title = partnership["title"]
            if shared >= 2:
                mention("partnership", pk, start, start, True, matched=title)
            elif (
                shared == 1
                and partnership["kind"] != "memorandum"  # memoranda are everywhere
                and partnership_keywords_in(sentence_lower, partnership["kind"])
            ):
                mention("partnership", pk, start, start, False, matched=title)


def _name_words(name):
    return frozenset(w for w in re.split(r"[\s.\-–,']+", name.lower()) if w and w != "the")


@functools.lru_cache(maxsize=10_000)
def _initials(name):
    """The letters an acronym of the name would have ("Воронежский ГАУ" -> ВГАУ); cached,
    since each acronym is compared with every suggested name (the list is only compared)."""
    return sorted(
        letter
        for w in re.split(r"[\s-]+", name)
        if w[:1].isupper()
        for letter in (w if w.isupper() and len(w) > 1 else w[0])
    )


_HONOREE_END = re.compile(r"^.*\bатындағы\s+|\s+(?:имени|им\.)\s.*$")
_NO_INITIAL = {"и", "және", "мен", "of", "and"}


@functools.lru_cache(maxsize=10_000)
def _cyrillic_initials(name):
    """'Южно-Уральский государственный университет' -> 'ЮУГУ', 'Абай атындағы Қазақ ұлттық
    педагогикалық университеті' -> 'ҚҰПУ': the initials of every word and every part of a
    hyphenated word, without the honoree."""
    name = _HONOREE_END.sub("", name)
    parts = [p for p in re.split(r"[\s-]+", name) if p and p.lower() not in _NO_INITIAL]
    return "".join(p[0] for p in parts).upper()


def _cyrillic_acronym_of(name, names):
    """'ЮУрГУ', 'СахГУ', 'ҚазҰПУ', 'ТМУ' beside the suggested name whose initials are its
    capitals ('Южно-Уральский государственный университет'): the acronym is its alias."""
    acronym = _HONOREE_END.sub("", name)  # "Абай атындағы ҚазҰПУ": the acronym after it
    if " " in acronym or not morphology.CYRILLIC.match(acronym):
        return None
    capitals = "".join(c for c in acronym if c.isupper())
    if len(capitals) < 3:
        return None
    return next(
        (
            other
            for other in names
            if other != name and " " in other and _cyrillic_initials(other) == capitals
        ),
        None,
    )


_LATIN_BRAND = re.compile(r"([A-Z][a-z]{2,}) University")
_TO_LATIN = str.maketrans(
    {
        "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
        "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i", "і": "i", "к": "k", "қ": "k",
        "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh", "һ": "h",
        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "iu", "я": "ia",
    }
)  # fmt: skip


def _sounds(word):
    """A word as its Latin and Cyrillic spellings may both be compared: in Latin letters,
    "kh" as "h", "y" as "i", no doubled letters ("Абая" -> "abaia", "Abai" -> "abai")."""
    latin = word.lower().translate(_TO_LATIN).replace("kh", "h").replace("y", "i")
    return re.sub(r"(\w)\1+", r"\1", latin)


def _latin_brand_of(name, names):
    """'Abai University' in a Russian or Kazakh text beside the suggested name of the
    university named after Abai ('КазНПУ имени Абая', 'Абай атындағы ҚазҰПУ'): the brand
    of one honoree's university is that university's other name."""
    brand = _LATIN_BRAND.fullmatch(name)
    if brand is None:
        return None
    sound = _sounds(brand[1])
    for other in names:
        if not morphology.CYRILLIC.search(other):
            continue
        words = other.split()
        if "атындағы" in words and words.index("атындағы") > 0:
            honoree = words[words.index("атындағы") - 1]
        elif "имени" in words or "им." in words:
            honoree = words[-1]
        else:
            continue
        honoree = honoree.rpartition(".")[2]  # "Ш.Рашидова": the surname
        if difflib.SequenceMatcher(None, sound, _sounds(honoree)).ratio() >= 0.8:
            return other
    return None


def _adjective_form_of(name, names):
    """'Ланчжоуский университет' beside 'Университет Ланчжоу': a city's adjective before
    the keyword names the university named by the city after it."""
    words = name.split()
    if len(words) != 2 or not morphology.CYRILLIC.match(name):
        return None
    adjective, keyword = words[0].lower(), words[1].lower()
    for other in names:
        parts = other.split()
        if len(parts) == 2 and parts[0].lower() == keyword and len(parts[1]) >= 4:
            city = parts[1].lower()
            if adjective.startswith(city[: max(4, len(city) - 1)]):
                return other
    return None


def _expanded_acronym(name, names_words):
    """'TSEU' beside 'Tashkent State University of Economics': the acronym is another name
    of the suggested institution."""
    if not name.isupper() or " " in name:
        return None
    letters = sorted(name.replace("-", ""))
    return next(
        (other for other in names_words if other != name and _initials(other) == letters), None
    )


def _new_institutions(index, text, hits, candidates, mention, language="en"):
    """Suggest the institution-like names that are no directory entry; return {span start:
    name} of those suggested as new. A name whose words are those of a known institution in
    another order is that institution; one whose words are part of a known or suggested
    institution's name (in English or in the text's language: "Фараби атындағы Қазақ ұлттық
    университеті" beside ҚазҰУ) is offered as that institution's alias, not as a new one."""
    country_hits = [h for h in hits if h.entries[0][0] == "country"]
    country_starts = [h.start for h in country_hits]
    home = index.home_country_id
    known_here = {
        h.entries[0][1] for h in hits if h.entries[0][0] == "institution" and len(h.entries) == 1
    }
    known_words = {pk: _name_words(index.institutions[pk]["name"]) for pk in known_here}
    suggested = {}
    names = dict.fromkeys(name for _s, _e, name in candidates)  # in order of appearance
    # "Kazakh National University named after al-Farabi" is compared without its honoree
    names_words = {name: _name_words(_without_honoree(name)) for name in names}
    # "the Summer University project": a name used to qualify a project is no institution.
    qualifiers = {name for _s, end, name in candidates if _QUALIFIED_NOUN.match(text.text, end)}
    decided = {}  # name -> "alias" or "new": a name met again is suggested already
    cultural = {}  # name -> whether `_CULTURAL_INSTITUTE` finds it (asked once a name)
    originals = None  # end -> indices of the Cyrillic candidates ending there, made once
    previous = (None, None)  # the end and name of the last candidate suggested as new
    for start, end, name in candidates:
        if name in qualifiers or decided.get(name) == "alias":
            continue
        if previous[0] is not None and text.text[previous[0] : start] == " (":
            # "the Dag Hammarskjöld University (College of International Relations and
            # Diplomacy)": a name in brackets right after a new one is another form of it
            if name != previous[1]:
                mention(
                    "new_institution", None, start, end, False, name=name,
                    alias_of_name=previous[1],
                )  # fmt: skip
                decided[name] = "alias"
            continue
        previous = (None, None)
        if (is_cultural := cultural.get(name)) is None:
            is_cultural = cultural[name] = _CULTURAL_INSTITUTE.search(name) is not None
        if is_cultural:
            continue  # a country's cultural centre abroad is no institution of the directory
        if decided.get(name) == "new":
            suggested[start] = name
            continue
        head = _without_honoree(name).lower()
        if head in index.institution_names:
            mention("institution", index.institution_names[head], start, end)
            continue
        words = names_words[name]
        if language == "kk":
            # "әл-Фараби атындағы университет" is looked up as the directory's names end,
            # "... университеті"
            name_kk = cyrillic.kk_with_possessive(name)
            if name_kk != name:
                words = _name_words(_without_honoree(name_kk))
        same = index.institution_by_words.get(words)
        if same is None and language == "en" and len(words) >= 3:
            # "Khoja Akhmed Yassawi International Kazakh-Turkish University": a known name
            # transliterated another way is that institution, for the editor to confirm
            same = index.institution_by_spelling.get(spelling_key(words))
        if same is not None:
            mention("institution", same, start, end, False)
            continue
        alias_of = next(
            (pk for pk, known in known_words.items() if len(words) >= 2 and words < known), None
        )
        if alias_of is None and language in ("ru", "kk") and known_here:
            alias_of = _part_of_cyrillic_name(
                index, language, name_kk if language == "kk" else name, known_here
            )
        if alias_of is None:
            # "Еуразия ұлттық университеті", "Lomonosov University" alone: a shorter name of
            # one known institution (and of no other) is that institution, linked for the
            # editor to confirm
            if language in ("ru", "kk"):
                alias_of = _part_of_one_cyrillic_name(
                    index, language, name_kk if language == "kk" else name
                )
            else:
                alias_of = _part_of_one_name(index, words)
            if alias_of is not None:
                mention("institution", alias_of, start, end, False)
        if alias_of is not None:
            mention(
                "new_institution", None, start, end, False, name=name,
                alias_of=alias_of, alias_of_name=index.entry_name("institution", alias_of),
            )  # fmt: skip
            decided[name] = "alias"
            continue
        # "... Қарағанды зерттеу университеті", then "... Қарағанды ғылыми-зерттеу
        # университеті": one name written two ways, suggested as first met
        variant = next(
            (other for other, how in decided.items() if how == "new" and _variant(name, other)),
            None,
        )
        if variant is not None:
            if variant.lower() == name.lower():
                suggested[start] = variant  # the same name, a letter in another case
            else:
                mention(
                    "new_institution", None, start, end, False, name=name, alias_of_name=variant
                )
            decided[name] = "alias"
            continue
        # "Сиань Цзяотун университетімен (Xi'an Jiaotong University)": a Latin name in
        # brackets right after a Russian or Kazakh one is its original name
        original = None
        if (
            language in ("ru", "kk")
            and not morphology.CYRILLIC.search(name)
            and (ends := _ends_before_bracket(text.text, start)) is not None
        ):
            # the first candidate (in their order) with a Cyrillic name whose end leaves
            # only a bracket and spaces before `start`, looked up by its end
            if originals is None:
                originals = defaultdict(list)
                for k, (_s, other_end, other) in enumerate(candidates):
                    if morphology.CYRILLIC.search(other):
                        originals[other_end].append(k)
            found = [k for e in range(ends[0], ends[1] + 1) for k in originals.get(e, ())]
            original = candidates[min(found)][2] if found else None
        if original:
            mention("new_institution", None, start, end, False, name=name, alias_of_name=original)
            decided[name] = "alias"
            continue
        longer = next(
            (
                other
                for other, w in names_words.items()
                if (
                    len(words) >= 2
                    and words < w
                    and not _variant(name, other)
                    # "Әл-Азһар университеті жанындағы ... академиясы": the body it depends
                    # on is an institution of its own
                    and f"{name} жанындағы" not in other
                )
                # "Zhetysu University named after Ilyas Zhansugurov", then "Zhetysu
                # University": the name without its honoree is a form of it
                or (words == w and other.startswith(f"{name} named after "))
                # "ВКГУ им. С. Аманжолова", then "ВКГУ"; "М.Қозыбаев атындағы СҚУ", then
                # "СҚУ": the Russian or Kazakh name without its honoree is a form of it
                or other.startswith((f"{name} им. ", f"{name} имени "))
                or other.endswith(f" атындағы {name}")
            ),
            None,
        ) or (
            _expanded_acronym(name, names_words)
            or _cyrillic_acronym_of(name, names)
            or _latin_brand_of(name, names)
            or _adjective_form_of(name, names)
        )
        if longer is not None:
            mention("new_institution", None, start, end, False, name=name, alias_of_name=longer)
            decided[name] = "alias"
            continue
        s_start, s_end = text.sentence_span(start)
        nearby = [
            h.entries[0][1]
            for h in between(country_hits, country_starts, s_start, s_end)
            if h.entries[0][1] != home
            and abs(h.start - end) < 40
            # "академии «Astana Opera»; Хурсанд Шеров (Узбекистан)": a semicolon ends a
            # list's item, the country after it is the next item's
            and ";" not in text.text[min(h.end, end) : max(h.start, start)]
        ]
        guesses = _countries_in_name(index, name) or _city_countries_in_name(index, name) or nearby
        code = str(index.countries.get(guesses[0], "")) if guesses else ""
        mention("new_institution", None, start, end, False, name=name, country_code=code)
        suggested[start] = name
        decided[name] = "new"
        previous = (end, name)
    _acronyms_of_suggested(text, suggested)
    return suggested


def _ends_before_bracket(text, start):
    """(first, last): the ends `e` for which `text[e:start].strip() == "("` (an opening
    bracket and white space between), else None."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] != "(":
        return None
    last = i
    i -= 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i + 1, last


def _variant(name, other):
    """Whether two names differ only in the first part of a compound word, one has
    ("зерттеу" / "ғылыми-зерттеу", "исследовательский" / "научно-исследовательский"), or
    in the case of a letter, or in an honoree's first name written in full in one and by its
    initial in the other ("Мұхтар Әуезов атындағы ..." / "М. Әуезов атындағы ...")."""
    words, others = name.lower().split(), other.lower().split()
    if len(words) != len(others):
        return False
    if len(words) >= 3 and sorted(words) == sorted(others):
        # "L'Oriental University of Naples" / "University of Naples L'Oriental": the same
        # words in another order, the name's own word put before or after the keyword
        return True
    differ = [(a, b) for a, b in zip(words, others, strict=True) if a != b]
    if len(differ) > 1:
        return False
    return (
        not differ
        or any(
            a.endswith(f"-{b}")
            or b.endswith(f"-{a}")
            or _initial_of(a, b)
            or _initial_of(b, a)
            # "Sangmeung" / "Sangmyung": a romanised name's inner vowel written otherwise
            or _inner_vowel_respelt(a, b)
            # "Вусонг" / "Вусон": a foreign name's final "нг" written "н" (Korean "ng")
            or (
                len(a) >= 5
                and len(b) >= 5
                and {a[-1:], b[-1:]} == {"г", "н"}
                and (a == b[:-1] or b == a[:-1])
            )
            for a, b in differ
        )
    )


_VOWELS = frozenset("aeiouy")


def _inner_vowel_respelt(a, b):
    """Whether two Latin words of six letters or more differ in one inner letter, a vowel
    (or "y") in both ("sangmeung" / "sangmyung")."""
    if len(a) != len(b) or len(a) < 6 or not a.isascii() or not b.isascii():
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(differ) == 1
        and 0 < differ[0] < len(a) - 1
        and a[differ[0]] in _VOWELS
        and b[differ[0]] in _VOWELS
    )


def _initial_of(initial, word):
    """'м.' for 'мұхтар': the first letter and a full stop, of a longer word."""
    return len(initial) == 2 and initial[1] == "." and len(word) > 2 and word[0] == initial[0]


def _without_honoree(name):
    """'Zhetysu University named after Ilyas Zhansugurov' -> 'Zhetysu University'."""
    return name.partition(" named after ")[0]


def _key_words(key):
    return frozenset(part for word in key for part in word.split("-") if part)


def _part_of_cyrillic_name(index, language, name, institutions):
    """The known institution (of `institutions`) one of whose names in `language` holds
    every word of `name` and more, compared by word keys, so in any case."""
    cyrillic = index.cyrillic(language)
    names_of = getattr(cyrillic, "_institution_key_words", None)
    if names_of is None:  # built once per index
        names_of = defaultdict(list)
        for key, entries in cyrillic.names.items():
            for kind, pk in entries:
                if kind == "institution":
                    names_of[pk].append(_key_words(key))
        cyrillic._institution_key_words = names_of
    words = _key_words(morphology.name_key(name, language))
    if len(words) < 2:
        return None
    return next(
        (pk for pk in sorted(institutions) if any(words < known for known in names_of[pk])), None
    )


# Words many institutions' names share: a shorter name made of them only names none.
_GENERIC_NAME_WORDS = {
    "university", "institute", "academy", "college", "school", "of", "and", "for", "national",
    "state", "technical", "technological", "international", "research", "federal", "kazakh",
    "pedagogical", "medical", "agrarian", "humanities", "economics", "law", "arts", "science",
    "sciences", "technology", "management", "business",
}  # fmt: skip


def _part_of_one_name(index, words):
    """The one known institution whose English name holds every word of `words` and more,
    one of them no generic word ("Lomonosov University"), None when none or several do."""
    if len(words) < 2 or words <= _GENERIC_NAME_WORDS:
        return None
    found = [pk for known, pk in index.institution_by_words.items() if words < known]
    return found[0] if len(set(found)) == 1 else None


def _part_of_one_cyrillic_name(index, language, name):
    """The one known institution a name in `language` is part of (`_part_of_cyrillic_name`
    over the whole directory), None when it is part of none or of several."""
    _part_of_cyrillic_name(index, language, name, ())  # builds the names' key words
    names_of = index.cyrillic(language)._institution_key_words
    words = _key_words(morphology.name_key(name, language))
    if len(words) < 2:
        return None
    found = [pk for pk, names in names_of.items() if any(words < known for known in names)]
    return found[0] if len(found) == 1 else None


# Countries' cultural institutes abroad, by name in the three languages: cultural centres,
# not universities ("Конфуций институты", "Goethe-Institut"; "Goethe University" is one).
_CULTURAL_INSTITUTE = re.compile(
    r"confucius|конфуци|goethe-institut|гёте-институт|гете-институт|cervantes|сервантес|"
    r"yunus emre|юнус эмре|alliance fran|альянс франсез|istituto italiano di cultura|"
    # a country's institute of culture, named by its people's adjective ("италиялық
    # мәдениет институты", "Итальянский институт культуры"; "Московский государственный
    # институт культуры", a city's, is a university)
    r"\w+(?:лық|лік|дық|дік|тық|тік) мәдениет институт|"
    r"(?:итальянск|французск|испанск|корейск|японск|немецк|британск|турецк|китайск|польск|"
    r"венгерск|чешск|индийск|иранск|египетск)\w* (?:\w+ )?институт\w* культуры",
    re.IGNORECASE,
)
_QUALIFIED_NOUN = re.compile(r"\s+(?:project|initiative|festival)\b", re.IGNORECASE)


_BRACKETED_ACRONYM = re.compile(r" \(([A-Z]{3,8})\)")
_NOT_IN_ACRONYMS = {"и", "имени", "им.", "им", "атындағы", "және"}


def _acronyms_of_suggested(text, suggested):
    """'Kazan Federal University ... KFU hosts 68 students': an acronym of a suggested
    institution's initials stands for it, so a figure beside the acronym belongs to it."""
    names = dict.fromkeys(suggested.values())  # each name once, in the order first met
    by_initials = {}
    for name in names:
        initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())
        if len(initials) >= 3:
            by_initials.setdefault(initials, name)
    cyrillic_initials = {}
    for name in names:
        # "Белорусский государственный университет" ... "В БГУ обучаются": a Russian or
        # Kazakh acronym takes the initial of every word, lower-case ones too
        if morphology.CYRILLIC.match(name):
            words = [w for w in re.split(r"[\s-]+", name) if w.lower() not in _NOT_IN_ACRONYMS]
            initials = "".join(w[0] for w in words if w[:1].isalpha()).upper()
            if len(initials) >= 3 and all(len(w) > 1 for w in words):
                cyrillic_initials.setdefault(initials, name)
    for _order, start, name in _whole_words_of(text.text, cyrillic_initials):
        suggested.setdefault(start, name)
    # "Ritsumeikan Asia Pacific University (APU)": the acronym in brackets after the name
    for start, name in list(suggested.items()):
        bracketed = _BRACKETED_ACRONYM.match(text.text, start + len(name))
        if bracketed and text.text.startswith(name, start):
            by_initials.setdefault(bracketed[1], name)
    if not by_initials:
        return
    for start, _end, word in text.acronyms:
        name = by_initials.get(word)
        if name is not None:
            suggested.setdefault(start, name)


_WORD_CHARACTER = re.compile(r"[\w-]")


def _whole_words_of(text, names_by_word):
    r"""(order, start, name) wherever a word of `names_by_word` stands in `text` as a whole
    word (what `(?<![\w-])word(?![\w-])` finds), in the dictionary's order of the words,
    then by position. One pass of an automaton in C reads the text for all of them: a
    pattern opening with a look-behind is tried at every character, and `str.find` read a
    text with many suggested names once per name."""
    if not names_by_word:
        return []
    order = {word: i for i, word in enumerate(names_by_word)}
    found = []
    for last, length in keyword_automaton(names_by_word).iter(text):
        start, end = last + 1 - length, last + 1
        if not (start and _WORD_CHARACTER.match(text, start - 1)) and not (
            _WORD_CHARACTER.match(text, end)
        ):
            word = text[start:end]
            found.append((order[word], start, names_by_word[word]))
    return sorted(found)


def _city_countries_in_name(index, name):
    words = name.lower().split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            country_id = index.city_countries.get(" ".join(words[i : i + size]))
            if country_id:
                return [country_id]
    return []


def _countries_in_name(index, name):
    cache = index.__dict__.setdefault("_countries_in_names", {})
    if name not in cache:
        hits = find_hits(index, Text(name))
        cache[name] = [h.entries[0][1] for h in hits if h.entries[0][0] == "country"]
    return list(cache[name])


def press_release_text(press_release):
    """The text detection reads for a saved press release: title, lead and body in its
    original language (else in the first language it is written in)."""
    if hasattr(press_release, "localized"):
        languages = [press_release.original_language, "kk", "ru", "en"]
        language = next(
            (code for code in languages if press_release.localized("lead", code)),
            press_release.original_language,
        )
        title, lead, body = (
            press_release.localized(field, language) for field in ("title", "lead", "body")
        )
    else:
        title, lead, body = press_release.title, press_release.lead, press_release.body
    body = re.sub(r"</(p|h[1-6]|li|blockquote)>", "\n\n", body or "")
    return "\n\n".join([title or "", lead or "", html.unescape(strip_tags(body))])
