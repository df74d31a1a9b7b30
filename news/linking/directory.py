"""The directory as detection sees it: names, roles and partnerships, kept per process.

One Aho-Corasick automaton holds every name of the directory (names, short names, aliases,
people with their titles, country names and demonyms). It is built once per directory
version and kept in the process; a text is scanned once, matches must sit on word
boundaries, and where matches overlap the longest wins, so "Antwerp Management School"
never also yields a shorter name inside it. City names are never keys: a bare "Antwerp"
links nothing. Roles resolve to people at the text's date: "the Ambassador of Kazakhstan
to Belgium" is whoever heads the mission hosted in Belgium on that day.

Demonyms come from the maintained `countryinfo` data set; it says "Kazakhstani" where
Kazakh texts say "Kazakh", so `EXTRA_DEMONYMS` adds the few forms it lacks for the
countries the ministry works with most.
"""

import datetime
import re
import threading
import uuid
from collections import defaultdict
from dataclasses import dataclass

import ahocorasick
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from partners.models import (
    Country,
    Embassy,
    Institution,
    Partnership,
    Person,
    Position,
    is_head_of_mission_title,
)

from .morphology import NOT_COUNTRIES

HOME_COUNTRY = getattr(settings, "MFA_HOME_COUNTRY", "KZ")
VERSION_CACHE_KEY = "news:mentions:directory-token"

# Adjectives the countryinfo data set lacks (it has one demonym per country).
EXTRA_DEMONYMS = {
    "KZ": ["Kazakh", "Kazakhstan's"],
    "BE": ["Belgium's"],
    "NL": ["Netherlands'"],
    "GB": ["UK", "Great Britain"],
    "AE": ["UAE"],
    "US": ["US", "U.S."],
    "KR": ["Korean"],
    "CN": ["China's"],
    "DE": ["Germany's"],
    "FR": ["France's"],
    "UZ": ["Uzbek"],
    "KG": ["Kyrgyz"],
    "TJ": ["Tajik"],
    "TM": ["Turkmen"],
    "LU": ["Luxembourgish"],
    "CZ": ["Czech Republic"],
}
# Long official names worth matching ("the Kingdom of Belgium", "People's Republic of
# China", "Islamic Republic of Pakistan"); native spellings are not. The longest name wins, so
# "People's Republic of China" is China, not Taiwan's "Republic of China".
_OFFICIAL_NAME = re.compile(
    r"\b(?:republic|kingdom|grand duchy|states?|sultanate|principality|commonwealth|"
    r"federation) of\b",
    re.IGNORECASE,
)

PARTNERSHIP_KEYWORDS = {
    Partnership.Kind.DOUBLE_DEGREE: [
        "double degree", "double-degree", "dual degree", "двойного диплома",
        "двойных дипломов", "двудипломн", "қос диплом",
    ],
    Partnership.Kind.JOINT_PROGRAMME: [
        "joint programme", "joint program", "joint master", "совместной программ",
        "совместная программ", "бірлескен бағдарлама",
    ],
    Partnership.Kind.ACADEMIC_MOBILITY: [
        "academic mobility", "exchange programme", "mobility", "академической мобильност",
        "академическая мобильность", "академиялық ұтқырлы",
    ],
    Partnership.Kind.JOINT_RESEARCH: [
        "joint research", "совместных исследован", "совместные исследован",
        "бірлескен зерттеу",
    ],
    Partnership.Kind.JOINT_COURSE: ["joint course", "совместных курс", "бірлескен курс"],
    Partnership.Kind.MEMORANDUM: ["memorandum", "mou", "меморандум"],
}  # fmt: skip


def partnership_keywords_in(sentence_lower, kind):
    return any(word in sentence_lower for word in PARTNERSHIP_KEYWORDS.get(kind, ()))


PERSON_TITLES = ["Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Prof.", "Professor"]
_NORMALISE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_NORMALISE.update({ord(c): " " for c in "\u00a0\u2009\u202f\t\r\f\v"})


_REPLACEMENTS = [(chr(code), value) for code, value in _NORMALISE.items()]


def normalise(text):
    """Same length as the input: typographic quotes and dashes made plain.

    One `str.replace` per character: each is a fast pass in C, where `str.translate` with a
    table walks the text in Python-object steps (1 s for 2 MB of Cyrillic)."""
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


_DOUBLED = re.compile(r"(\w)\1+")
_FINAL_D = re.compile(r"d$")
_FINAL_Y = re.compile(r"(?<=[^aeiou])y$")


def spelling_key(words):
    """A name's words as transliterations of one Kazakh name may differ: "kh" or "h",
    doubled letters or single, a final "d" or "t" ("Khoja Ahmed Yasawi", "Khoja Akhmet
    Yassawi" -> the same key), a final "y" or "i" after a consonant ("Al Faraby", "al-Farabi")."""
    return frozenset(
        _FINAL_Y.sub("i", _FINAL_D.sub("t", _DOUBLED.sub(r"\1", w.replace("kh", "h"))))
        for w in words
    )


def _lower_same_length(text):
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_word_char(char):
    return char.isalnum()


# The index -------------------------------------------------------------------------------


@dataclass
class PositionInfo:
    person_id: int
    title: str
    start: datetime.date | None
    end: datetime.date | None
    is_head: bool = False  # an ambassador's post, in whichever language it is written

    def held_on(self, on):
        return (self.start is None or self.start <= on) and (self.end is None or self.end >= on)


class DirectoryIndex:
    """Everything detection needs from the directory, loaded in a few queries."""

    def __init__(self):
        self.automaton = ahocorasick.Automaton()
        self._keys = defaultdict(set)  # lowered key -> {(kind, id, case-sensitive form)}
        self.countries = dict(Country.objects.values_list("pk", "code"))
        self.country_by_code = {str(code): pk for pk, code in self.countries.items()}
        self.home_country_id = self.country_by_code.get(HOME_COUNTRY)
        self.institutions = {}
        self.embassies = {}
        self.embassies_by_country = defaultdict(list)
        self.embassy_positions = defaultdict(list)
        self.institution_positions = defaultdict(list)
        self.person_positions = defaultdict(list)
        self.partnerships = {}
        self.partnerships_by_institution = defaultdict(set)
        self.institution_names = {}
        self._load()
        self.automaton.make_automaton()
        del self._keys

    def add(self, key, kind, pk, case_sensitive=False):
        key = " ".join(normalise(key).split())
        if len(key) < 2:
            return
        lowered = _lower_same_length(key)
        if kind != "country" and lowered in self.city_names:
            return
        self._keys[lowered].add((kind, pk, key if case_sensitive else None))

    def _load(self):
        other_names = _other_latin_names(Institution, ["name", "short_name", "aliases"])
        institutions = list(
            Institution.objects.values(
                "pk", "name", "short_name", "aliases", "country_id", "parent_id", "city"
            )
        )
        embassies = list(Embassy.objects.values("pk", "name", "kind", "host_country_id", "city"))
        self.city_names = {i["city"].lower() for i in institutions if i["city"]} | {
            e["city"].lower() for e in embassies if e["city"]
        }
        # A city that belongs to one country only tells where a new institution is
        # ("Astana IT University" is in Kazakhstan, wherever the sentence was written).
        countries_of_city = defaultdict(set)
        for city, country_id in [(i["city"], i["country_id"]) for i in institutions] + [
            (e["city"], e["host_country_id"]) for e in embassies
        ]:
            if city and country_id:
                countries_of_city[city.lower()].add(country_id)
        self.city_countries = {
            city: next(iter(ids)) for city, ids in countries_of_city.items() if len(ids) == 1
        }
        country_names = self._load_countries()
        self.city_names -= country_names  # Luxembourg, Singapore: the country still counts
        self.institution_by_words = {}
        self.institution_by_spelling = {}
        for row in institutions:
            pk = row["pk"]
            self.institutions[pk] = row
            self.institution_names[row["name"].lower()] = pk
            words = frozenset(
                w for w in re.split(r"[\s.\-–,']+", row["name"].lower()) if w and w != "the"
            )
            self.institution_by_words.setdefault(words, pk)
            self.institution_by_spelling.setdefault(spelling_key(words), pk)
            # "Alfarabi University" for "Al-Farabi ...": a hyphened word written as one
            joined = frozenset(
                w.replace("-", "") for w in re.split(r"[\s.–,']+", row["name"].lower())
            ) - {"", "the"}
            if joined != words:
                self.institution_by_words.setdefault(joined, pk)
            for name in _variants(row["name"]):
                self.add(name, "institution", pk)
            for alias in [row["short_name"], *row["aliases"].splitlines(), *other_names[pk]]:
                alias = alias.strip()
                if alias and alias.lower() not in country_names:
                    self.add(alias, "institution", pk, case_sensitive=" " not in alias)
        home_names = self.country_names_of(self.home_country_id)
        kinds = dict(Embassy.Kind.choices)
        for row in embassies:
            pk = row["pk"]
            self.embassies[pk] = row
            self.embassies_by_country[row["host_country_id"]].append(pk)
            self.add(row["name"], "embassy", pk)
            label = str(kinds.get(row["kind"], "Embassy"))
            hosts = self.country_names_of(row["host_country_id"], with_demonyms=False)
            places = hosts if row["kind"] == Embassy.Kind.EMBASSY else [row["city"]] + hosts
            for place in filter(None, places):
                for home in home_names[:3]:
                    self.add(f"{label} of {home} in {place}", "embassy", pk)
                    self.add(f"{label} of the Republic of {home} in {place}", "embassy", pk)
                    self.add(f"{home} {label} in {place}", "embassy", pk)
        for embassy_id, country_id in Embassy.accredited_countries.through.objects.values_list(
            "embassy_id", "country_id"
        ):
            self.embassies_by_country[country_id].append(embassy_id)
        people = dict(Person.objects.values_list("pk", "name"))
        self.people = people
        self._people_by_first_word = None
        for pk, names in _other_latin_names(Person, ["name"]).items():
            for name in names:
                self.add(name, "person", pk)
        honorifics = dict(Person.objects.exclude(honorific="").values_list("pk", "honorific"))
        for pk, name in people.items():
            self.add(name, "person", pk)
            surname = name.split()[-1] if name.split() else ""
            if len(name.split()) > 1:
                for title in {*PERSON_TITLES, honorifics.get(pk, "")} - {""}:
                    self.add(f"{title} {surname}", "person", pk)
        head_titles = ("title_en", "title_ru", "title_kk")
        for row in Position.objects.values(
            "person_id",
            "title",
            *head_titles,
            "embassy_id",
            "institution_id",
            "start_date",
            "end_date",
        ):
            info = PositionInfo(
                row["person_id"],
                row["title"],
                row["start_date"],
                row["end_date"],
                is_head=is_head_of_mission_title({key: row[key] for key in head_titles}),
            )
            self.person_positions[row["person_id"]].append(info)
            if row["embassy_id"]:
                self.embassy_positions[row["embassy_id"]].append(info)
            else:
                self.institution_positions[row["institution_id"]].append(info)
            name = people.get(row["person_id"], "")
            if len(name.split()) > 1:
                self.add(f"{row['title']} {name.split()[-1]}", "person", row["person_id"])
        for pk, title, kind in Partnership.objects.values_list("pk", "title", "kind"):
            self.partnerships[pk] = {"title": title, "kind": kind, "members": set()}
            if len(title.split()) >= 4:  # a short title ("Academic mobility") is a phrase
                self.add(title, "partnership", pk)
        for partnership_id, institution_id in Partnership.institutions.through.objects.values_list(
            "partnership_id", "institution_id"
        ):
            self.partnerships[partnership_id]["members"].add(institution_id)
            self.partnerships_by_institution[institution_id].add(partnership_id)
        for key, entries in self._keys.items():
            self.automaton.add_word(key, (len(key), tuple(entries)))
        self.key_count = len(self._keys)
        self._build_role_patterns(home_names)

    def _load_countries(self):
        from countryinfo import CountryInfo

        self._country_names = defaultdict(list)
        self._country_demonyms = defaultdict(list)
        for pk, name in Country.objects.values_list("pk", "name"):
            self._country_names[pk].append(name)
            if "(" in name:
                self._country_names[pk].append(name.split("(")[0].strip())
        demonym_owner = {}
        for info in CountryInfo.all().values():
            code = (info.get("ISO") or {}).get("alpha2")
            pk = self.country_by_code.get(code)
            if pk is None:
                continue
            if info.get("name") and info["name"] not in self._country_names[pk]:
                self._country_names[pk].append(info["name"])
            for spelling in info.get("altSpellings") or []:
                if _OFFICIAL_NAME.search(spelling) and spelling.isascii() and "," not in spelling:
                    self._country_names[pk].append(spelling)
            if info.get("demonym"):
                demonym_owner.setdefault(info["demonym"], []).append(
                    (info.get("population") or 0, pk)
                )
        # "French" is also the demonym of French overseas territories: the most populous
        # country that uses a demonym owns it.
        for demonym, owners in demonym_owner.items():
            self._country_demonyms[max(owners)[1]].append(demonym)
        for code, words in EXTRA_DEMONYMS.items():
            if code in self.country_by_code:
                self._country_demonyms[self.country_by_code[code]].extend(words)
        names = set()
        for pk in self.countries:
            if str(self.countries[pk]) in NOT_COUNTRIES:
                continue
            for name in self._country_names[pk] + self._country_demonyms[pk]:
                self.add(name, "country", pk, case_sensitive=True)
                names.add(name.lower())
            for name in self._country_names[pk]:
                if not name.lower().startswith("the "):
                    self.add(f"the {name}", "country", pk, case_sensitive=True)
                    self.add(f"The {name}", "country", pk, case_sensitive=True)
        return names

    def people_by_first_word(self):
        """{first word of a known person's name, in lower case: [(pk, name), ...]}, made
        once per index."""
        if self._people_by_first_word is None:
            by_word = defaultdict(list)
            for pk, name in self.people.items():
                by_word[name.split(" ", 1)[0].lower()].append((pk, name))
            self._people_by_first_word = dict(by_word)
        return self._people_by_first_word

    def entry_name(self, kind, pk):
        """The name of a directory entry as reports show it (its English name)."""
        if kind == "institution":
            return self.institutions[pk]["name"]
        if kind == "embassy":
            return self.embassies[pk]["name"]
        if kind == "person":
            return self.people[pk]
        if kind == "partnership":
            return self.partnerships[pk]["title"]
        if kind == "country":
            names = self._country_names.get(pk)
            return names[0] if names else ""
        return ""

    def country_code(self, country_id):
        return str(self.countries.get(country_id, "") or "")

    def country_names_of(self, country_id, with_demonyms=True, with_names=True):
        names = list(self._country_names.get(country_id, [])) if with_names else []
        if with_demonyms:
            names += self._country_demonyms.get(country_id, [])
        return names

    def _build_role_patterns(self, home_names):
        home = "|".join(re.escape(n) for n in sorted(home_names, key=len, reverse=True)) or "x^"
        self.ambassador_home_length = max(map(len, home_names), default=0)
        self.ambassador_to = re.compile(
            rf"(?:\b(?:{home})\s+)?\bambassador(?:\s+extraordinary\s+and\s+plenipotentiary)?"
            rf"(?:\s+of\s+(?:the\s+republic\s+of\s+)?(?:{home}))?\s+(?:to|in)\s+(?:the\s+)?"
            rf"(?:(?:kingdom|republic|grand\s+duchy|federal\s+republic|state)\s+of\s+)?$",
            re.IGNORECASE,
        )

    def cyrillic(self, language):
        """The directory's names in Russian or Kazakh (built on first use)."""
        if not hasattr(self, "_cyrillic"):
            self._cyrillic = {}
        if language not in self._cyrillic:
            from .cyrillic import build

            self._cyrillic[language] = build(self, language)
        return self._cyrillic[language]

    # Lookups used while detecting ---------------------------------------------------------

    def head_of_mission(self, embassy_id, on):
        heads = [
            p for p in self.embassy_positions.get(embassy_id, []) if p.is_head and p.held_on(on)
        ]
        heads.sort(key=lambda p: p.start or datetime.date.min, reverse=True)
        return heads[0].person_id if heads else None

    def holder(self, institution_id, title, on):
        wanted = _title_key(title)
        people = {
            p.person_id
            for p in self.institution_positions.get(institution_id, [])
            if _title_key(p.title) == wanted and p.held_on(on)
        }
        return people.pop() if len(people) == 1 else None

    def holds_post(self, person_id, on):
        return any(p.held_on(on) for p in self.person_positions.get(person_id, []))

    def mission_in(self, country_id):
        """The embassy hosted in a country, else the one accredited to it."""
        candidates = self.embassies_by_country.get(country_id, [])
        embassies = [pk for pk in candidates if self.embassies[pk]["kind"] == Embassy.Kind.EMBASSY]
        hosted = [pk for pk in embassies if self.embassies[pk]["host_country_id"] == country_id]
        return (hosted or embassies or [None])[0]


def _other_latin_names(model, fields):
    """{pk: [names]} of the names in Latin letters stored in any language's column (an
    English name typed into the Kazakh column still names the entry)."""
    present = {f.name for f in model._meta.get_fields()}
    columns = [
        f"{f}_{lang}" for f in fields for lang in ("en", "kk", "ru") if f"{f}_{lang}" in present
    ]
    found = defaultdict(list)
    if not columns:
        return found
    for row in model.objects.values("pk", *columns):
        for column in columns:
            for name in (row[column] or "").splitlines():
                if name.strip() and not re.search(r"[\u0400-\u04ff]", name):
                    found[row["pk"]].append(name.strip())
    return found


def _title_key(title):
    return re.sub(r"[\s-]+", "-", title.strip().lower())


def _variants(name):
    name = " ".join(name.split())
    forms = {name}
    if "&" in name:
        forms.add(name.replace("&", "and"))
    if " and " in name:
        forms.add(name.replace(" and ", " & "))
    for form in list(forms):
        if form.lower().startswith("the "):
            forms.add(form[4:])
        if "(" in form:
            forms.add(re.sub(r"\s*\([^)]*\)", "", form))
    return forms


# Directory version and the per-process cache ---------------------------------------------

_lock = threading.Lock()
_cached = {"version": None, "index": None}


def bump_directory_version(**kwargs):
    """Signal receiver: the directory changed, every process rebuilds its automaton."""
    cache.set(VERSION_CACHE_KEY, uuid.uuid4().hex, None)


VERSIONED = (Institution, Person, Embassy, Position, Partnership, Country)


def directory_version():
    """The highest id of each directory table (one indexed query; catches bulk inserts)
    plus a token that every save or delete bumps (catches edits and deletions)."""
    subqueries = ", ".join(
        f"(SELECT MAX({connection.ops.quote_name(m._meta.pk.column)}) "
        f"FROM {connection.ops.quote_name(m._meta.db_table)})"
        for m in VERSIONED
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {subqueries}")
        top_ids = cursor.fetchone()
    return (cache.get(VERSION_CACHE_KEY), *top_ids)


def get_index():
    version = directory_version()
    if _cached["version"] != version:
        with _lock:
            if _cached["version"] != version:
                # English names for the automaton and the reports; the Russian and Kazakh
                # names are read from their own columns (cyrillic.py).
                with translation.override("en"):
                    _cached["index"] = DirectoryIndex()
                _cached["version"] = version
    return _cached["index"]
