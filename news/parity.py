"""Translation parity: numbers and names a translation must share with its original.

"11 students" in the original against "12 студентов" in a translation is the mistake an
editor cannot see without reading both side by side; this module reads them for her.
Numbers are compared as whole values, whether written in digits ("11", "1 000") or words
("eleven", "одиннадцать", "он бір"); names are the directory entries the press release
links to, in each language's own spelling and in any grammatical case.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

# Fields whose text is compared.
TEXT_FIELDS = ("title", "lead", "body")

_DIGITS = re.compile(r"\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?!\d)|\d+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

UNITS = {
    "en": {
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
    },
    "kk": {
        "бір": 1,
        "екі": 2,
        "үш": 3,
        "төрт": 4,
        "бес": 5,
        "алты": 6,
        "жеті": 7,
        "сегіз": 8,
        "тоғыз": 9,
        "екеу": 2,
        "үшеу": 3,
        "төртеу": 4,
        "бесеу": 5,
        "алтау": 6,
        "жетеу": 7,
    },
}
TENS = {
    "en": {
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    },
    "kk": {
        "он": 10,
        "жиырма": 20,
        "отыз": 30,
        "қырық": 40,
        "елу": 50,
        "алпыс": 60,
        "жетпіс": 70,
        "сексен": 80,
        "тоқсан": 90,
    },
}
# Russian numerals decline: each value is listed with the stems of all its case forms.
RUSSIAN = [
    (11, ("одиннадцат",)),
    (12, ("двенадцат",)),
    (13, ("тринадцат",)),
    (14, ("четырнадцат",)),
    (15, ("пятнадцат",)),
    (16, ("шестнадцат",)),
    (17, ("семнадцат",)),
    (18, ("восемнадцат",)),
    (19, ("девятнадцат",)),
    (20, ("двадцат",)),
    (30, ("тридцат",)),
    (40, ("сорок", "сорока")),
    (50, ("пятьдесят", "пятидесят")),
    (60, ("шестьдесят", "шестидесят")),
    (70, ("семьдесят", "семидесят")),
    (80, ("восемьдесят", "восьмидесят")),
    (90, ("девяност",)),
]
RUSSIAN_EXACT = {
    1: ("один", "одна", "одно", "одного", "одной", "одному", "одним", "одном", "одну"),
    2: ("два", "две", "двух", "двум", "двумя"),
    3: ("три", "трех", "трёх", "трем", "трём", "тремя"),
    4: ("четыре", "четырех", "четырёх", "четырем", "четырём", "четырьмя"),
    5: ("пять", "пяти", "пятью"),
    6: ("шесть", "шести", "шестью"),
    7: ("семь", "семи", "семью"),
    8: ("восемь", "восьми", "восемью"),
    9: ("девять", "девяти", "девятью"),
    10: ("десять", "десяти", "десятью"),
    100: ("сто", "ста"),
}
HUNDRED = {"en": {"hundred"}, "kk": {"жүз"}, "ru": set()}


def _word_value(word, language):
    """(value, is_tens) of a number word, or None."""
    if language == "ru":
        for value, forms in RUSSIAN_EXACT.items():
            if word in forms:
                return value, False
        for value, stems in RUSSIAN:
            if any(word.startswith(stem) for stem in stems):
                return value, value % 10 == 0 and value >= 20
        return None
    if word in TENS.get(language, {}):
        return TENS[language][word], True
    if word in UNITS.get(language, {}):
        return UNITS[language][word], False
    return None


def numbers_in(text, language):
    """Counter of the whole numbers in ``text``, digits and number words alike."""
    text = strip_tags(text or "")
    found = Counter(int(re.sub(r"\D", "", match)) for match in _DIGITS.findall(text))
    words = [w.lower() for token in _WORD.findall(text) for w in token.split("-")]
    pending = None  # a tens word waiting for its unit: "twenty" "five", "он" "бір"
    for word in [*words, ""]:
        if pending is not None and word in HUNDRED.get(language, set()):
            pending = pending * 100
            continue
        value = _word_value(word, language) if word else None
        if value is None:
            if pending is not None:
                found[pending] += 1
            pending = None
            continue
        number, is_tens = value
        if pending is not None and not is_tens and pending % 10 == 0 and number < 10:
            found[pending + number] += 1
            pending = None
        elif is_tens:
            if pending is not None:
                found[pending] += 1
            pending = number
        else:
            if pending is not None:
                found[pending] += 1
            pending = None
            found[number] += 1
    return found


def _stems(name):
    """Stems of the significant words of a name: inflection changes only the ending."""
    words = [w for w in _WORD.findall(name.lower()) if len(w) >= 3]
    return [w[: max(3, len(w) - 2)] if len(w) > 4 else w for w in words]


def mentions(text, name):
    """Is ``name`` in ``text``, in any grammatical case? Every significant word must be."""
    stems = _stems(name)
    if not stems:
        return False
    tokens = [w.lower() for w in _WORD.findall(strip_tags(text or ""))]
    return all(any(token.startswith(stem) for token in tokens) for stem in stems)


@dataclass
class Difference:
    language: str
    message: str

    def __str__(self):
        return self.message


def _text(press_release, language):
    return "\n".join(
        str(getattr(press_release, build_localized_fieldname(field, language)) or "")
        for field in TEXT_FIELDS
    )


def _names(entity, language):
    """The entity's names in ``language``: name, short name and aliases where it has them."""
    names = []
    for field in ("name", "short_name", "aliases"):
        localized = build_localized_fieldname(field, language)
        value = getattr(entity, localized, None) or ""
        names += [line.strip() for line in value.splitlines() if line.strip()]
    return names


def linked_entities(press_release):
    """The directory entries whose names a translation should carry over."""
    return [
        *press_release.institutions.all(),
        *press_release.embassies.all(),
        *press_release.people.all(),
    ]


def differences(press_release):
    """Every parity difference between the original and each written translation."""
    labels = dict(settings.LANGUAGES)
    original = press_release.original_language
    if not press_release.is_written_in(original):
        return []
    source = _text(press_release, original)
    source_numbers = numbers_in(source, original)
    entities = [
        entity
        for entity in linked_entities(press_release)
        if any(mentions(source, name) for name in _names(entity, original))
    ]
    found = []
    for language in press_release.languages():
        if language == original:
            continue
        text = _text(press_release, language)
        numbers = numbers_in(text, language)
        language_name = labels[language]
        for number in sorted(set(source_numbers) - set(numbers)):
            found.append(
                Difference(
                    language,
                    _("%(number)s is in the original but not in the %(language)s translation.")
                    % {"number": number, "language": language_name},
                )
            )
        for number in sorted(set(numbers) - set(source_numbers)):
            found.append(
                Difference(
                    language,
                    _("%(number)s is in the %(language)s translation but not in the original.")
                    % {"number": number, "language": language_name},
                )
            )
        for entity in entities:
            names = _names(entity, language)
            if names and not any(mentions(text, name) for name in names):
                found.append(
                    Difference(
                        language,
                        _("The %(language)s translation does not name %(entity)s.")
                        % {"language": language_name, "entity": names[0]},
                    )
                )
    return found
