"""Directory names in Russian and Kazakh, matched in any grammatical case.

`CyrillicIndex.build(language)` reads the directory's names in that language (the
translation fields `name_ru`, `name_kk`, `aliases_ru`, ... where the models have them;
Cyrillic lines of `aliases`; people's names written in Cyrillic from their Latin names
when no translation is stored; country names and adjectives), turns each into a sequence
of word keys (`morphology.name_key`) and keeps them in a dictionary. `hits()` walks the
text's words once and reports the longest name that starts at each word, so its cost grows
with the length of the text times the number of words of the longest name.
"""

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
        self.prefixes = set()
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
        for size in range(1, len(key)):
            self.prefixes.add(key[:size])

    def hits(self, text):
        """(start, end, ((kind, pk, None), ...)) of every name in `text`, longest first
        where names overlap."""
        words = list(morphology.tokens(text))
        keys = [self.key(word) for _s, _e, word in words]
        found = []
        for i in range(len(words)):
            best = None
            for size in range(1, min(MAX_NAME_WORDS, len(words) - i) + 1):
                candidate = tuple(keys[i : i + size])
                if candidate in self.names:
                    best = (size, self.names[candidate])
                if candidate not in self.prefixes:
                    break
            if best:
                size, entries = best
                start, end = words[i][0], words[i + size - 1][1]
                found.append((start, end, tuple((k, pk, None) for k, pk in sorted(entries))))
        return found, words, keys


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
