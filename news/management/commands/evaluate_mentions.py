"""Precision and recall of mention and figure detection on the test corpus.

The corpus folder holds press releases, `directory.json` (the partner directory they
refer to) and `expected.json` (per file: the links and figures an editor would set). The
directory is loaded in a transaction that is rolled back, so the database is left as it was.
"""

import datetime
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from news.linking import detect_mentions, detection_date, parse_file
from partners.models import (
    Country,
    Embassy,
    Institution,
    Partnership,
    Person,
    Position,
)

DEFAULT_CORPUS = Path(settings.BASE_DIR) / "tests" / "news" / "corpus"
MENTION_KINDS = ["institutions", "embassies", "people", "countries", "partnerships"]
MODEL_OF = {
    "institutions": Institution,
    "embassies": Embassy,
    "people": Person,
    "partnerships": Partnership,
}
KIND_OF = {
    "institutions": "institution",
    "embassies": "embassy",
    "people": "person",
    "countries": "country",
    "partnerships": "partnership",
}


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def clear_directory():
    """Remove press releases and the directory (inside a transaction that is rolled back)."""
    from news.models import PressRelease

    PressRelease.objects.all().delete()
    Partnership.objects.all().delete()
    Position.objects.all().delete()
    Person.objects.all().delete()
    while Institution.objects.exists():
        Institution.objects.filter(units__isnull=True).delete()
    Embassy.objects.all().delete()


def _english(model, **values):
    """The English values of a directory.json row, in the `_en` columns where the model has
    fields per language (so they are the English names whatever language is active)."""
    present = {f.name for f in model._meta.get_fields()}
    return {(f"{k}_en" if f"{k}_en" in present else k): v for k, v in values.items()}


def _translations(model, row, fields):
    """The `name_ru`, `aliases_kk`, ... values of a directory.json row that the model has
    fields for (the directory's names per language)."""
    present = {f.name for f in model._meta.get_fields()}
    values = {}
    for base in fields:
        for language in ("ru", "kk"):
            name = f"{base}_{language}"
            if name in row and name in present:
                value = row[name]
                values[name] = "\n".join(value) if isinstance(value, list) else value
    return values


def load_directory(path):
    """Create the directory described by a corpus' directory.json; return slug maps."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    countries = {str(c.code): c for c in Country.objects.all()}
    embassies, institutions = {}, {}
    for row in data["embassies"]:
        embassy = Embassy.objects.create(
            slug=row["slug"],
            **_english(Embassy, name=row["name"]),
            kind=row["kind"],
            host_country=countries[row["host_country"]],
            city=row.get("city", ""),
            **_translations(Embassy, row, ["name"]),
        )
        embassy.accredited_countries.set([countries[c] for c in row.get("accredited", [])])
        embassies[row["slug"]] = embassy
    for row in data["institutions"]:
        aliases = list(row.get("aliases", []))
        extra = _translations(Institution, row, ["name", "aliases"])
        if "name_ru" not in extra:
            # Before the directory had fields per language, other names went to aliases.
            aliases += [row[k] for k in ("name_ru", "name_kk") if row.get(k)]
            aliases += row.get("aliases_ru", []) + row.get("aliases_kk", [])
        institutions[row["slug"]] = Institution.objects.create(
            slug=row["slug"],
            **_english(
                Institution,
                name=row["name"],
                short_name=row.get("short_name", ""),
                aliases="\n".join(aliases),
            ),
            kind=row["kind"],
            country=countries[row["country"]],
            city=row.get("city", ""),
            parent=institutions.get(row.get("parent")),
            **extra,
        )
    for row in data["people"]:
        person = Person.objects.create(
            slug=row["slug"],
            **_english(Person, name=row["name"]),
            honorific=row.get("honorific", ""),
            **_translations(Person, row, ["name"]),
        )
        for position in row.get("positions", []):
            Position.objects.create(
                person=person,
                title=position["title"],
                embassy=embassies.get(position.get("embassy")),
                institution=institutions.get(position.get("institution")),
                start_date=_date(position.get("start")),
                end_date=_date(position.get("end")),
            )
    for row in data["partnerships"]:
        partnership = Partnership.objects.create(
            slug=row["slug"],
            **_english(Partnership, title=row["title"]),
            kind=row["kind"],
            embassy=embassies.get(row.get("embassy")),
        )
        partnership.institutions.set([institutions[s] for s in row["institutions"]])


def _slug_maps():
    maps = {kind: dict(model.objects.values_list("pk", "slug")) for kind, model in MODEL_OF.items()}
    maps["countries"] = {pk: str(code) for pk, code in Country.objects.values_list("pk", "code")}
    return maps


def _figure_subject(figure, maps):
    if figure.subject_kind in ("partnership", "institution"):
        return f"{figure.subject_kind}:{maps[f'{figure.subject_kind}s'][figure.subject_id]}"
    if figure.subject_kind == "new_institution":
        return f"new_institution:{figure.subject_name}"
    return "press_release"


def found_items(detection, maps):
    """What a detection found, in the expected file's vocabulary: (kind, key) pairs."""
    mentions = set()
    for kind in MENTION_KINDS:
        for pk in detection.ids(KIND_OF[kind]):
            mentions.add((kind, maps[kind][pk]))
    for mention in detection.mentions:
        if mention.kind == "new_institution" and not mention.alias_of_name:
            mentions.add(("new_institutions", mention.name))
        elif mention.kind == "new_person":
            mentions.add(("new_people", mention.name))
    figures = set()
    for figure in detection.figures:
        figures.add((figure.label.lower(), figure.value, _figure_subject(figure, maps)))
    return mentions, figures


def expected_items(expected):
    mentions = {
        (kind, value)
        for kind in [*MENTION_KINDS, "new_institutions"]
        for value in expected.get(kind, [])
    }
    mentions |= {("new_people", person["name"]) for person in expected.get("new_people", [])}
    figures = {(f["label"].lower(), f["value"], f["subject"]) for f in expected.get("figures", [])}
    return mentions, figures


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list = field(default_factory=list)

    def add(self, name, found, expected):
        self.true_positives += len(found & expected)
        self.false_positives += len(found - expected)
        self.false_negatives += len(expected - found)
        self.misses += [(name, "unexpected", item) for item in sorted(found - expected, key=str)]
        self.misses += [(name, "missed", item) for item in sorted(expected - found, key=str)]

    @property
    def precision(self):
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self):
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


KINDS = [*MENTION_KINDS, "new_institutions", "new_people", "figures"]
COUNTS_ONLY = "figure counts"  # label and value, the subject left aside


def is_real(expected):
    return str(expected.get("source", "")).startswith("http")


def part_of(expected):
    """ "tuned", "held-out" (the first batch nobody tunes against) or "held-out-<n>" (a later
    batch, added after the detector was tuned on everything else, reported apart)."""
    if not expected.get("held_out"):
        return "tuned"
    batch = expected.get("held_out_batch", 1)
    return "held-out" if batch == 1 else f"held-out-{batch}"


PARTS = (
    "tuned",
    "held-out",
    "held-out-2",
    "held-out-3",
    "held-out-4",
    "held-out-5",
    "held-out-6",
    "held-out-7",
    "held-out-8",
    "held-out-9",
    "held-out-10",
    "held-out-11",
    "held-out-12",
    "held-out-13",
    "held-out-14",
    "held-out-15",
    "held-out-16",
    "held-out-17",
    "held-out-18",
    "held-out-19",
    "held-out-20",
    "held-out-21",
    "held-out-22",
    "held-out-23",
    "held-out-24",
    "held-out-25",
    "held-out-26",
    "held-out-27",
    "held-out-28",
    "held-out-29",
    "held-out-30",
)


def evaluate(corpus=DEFAULT_CORPUS, include=None):
    """Score detection on the corpus (directory must already be loaded): the overall
    scores of mentions and figures, and `by_group[(part, language, kind)]`, where part is
    "tuned", "held-out" or "held-out-2" to "held-out-30" (`part_of`). `include(name,
    expected)` chooses the files (default: all)."""
    corpus = Path(corpus)
    expected_all = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    maps = _slug_maps()
    mentions, figures = Score(), Score()
    by_group = defaultdict(Score)
    for name, expected in sorted(expected_all.items()):
        if include is not None and not include(name, expected):
            continue
        parsed = parse_file(corpus / name)
        detection = detect_mentions(parsed.plain_text, detection_date(parsed))
        found_mentions, found_figures = found_items(detection, maps)
        want_mentions, want_figures = expected_items(expected)
        mentions.add(name, found_mentions, want_mentions)
        figures.add(name, found_figures, want_figures)
        part = part_of(expected)
        language = expected.get("language", "en")
        for kind in KINDS:
            if kind == "figures":
                found, want = found_figures, want_figures
            else:
                found = {m for m in found_mentions if m[0] == kind}
                want = {m for m in want_mentions if m[0] == kind}
            by_group[(part, language, kind)].add(name, found, want)
        # A diagnostic, no target: the counts and their labels, whatever subject they got.
        by_group[(part, language, COUNTS_ONLY)].add(
            name, {f[:2] for f in found_figures}, {f[:2] for f in want_figures}
        )
    evaluate.by_group = by_group
    return mentions, figures


class _Rollback(Exception):
    pass


# The groups and targets (issue 12, point 8), met on the untuned parts together.
GROUPS = (
    ("links", MENTION_KINDS, 0.95),
    ("new entities", ["new_institutions", "new_people"], 0.95),
    ("figures", ["figures"], 0.90),
)


def summed(by_group, parts, language, kinds):
    """One Score of the groups `by_group[(part, language, kind)]` of those parts and kinds."""
    score = Score()
    for part in parts:
        for kind in kinds:
            group = by_group.get((part, language, kind))
            if group:
                score.true_positives += group.true_positives
                score.false_positives += group.false_positives
                score.false_negatives += group.false_negatives
    return score


class Command(BaseCommand):
    help = "Print precision and recall of mention and figure detection on the test corpus."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
        parser.add_argument(
            "--verbose-misses",
            action="store_true",
            help="List every miss of the tuned part (held-out misses are never listed, so "
            "nobody tunes against them by accident).",
        )

    def write_targets(self, by_group):
        """The untuned parts together, by the issue's groups, against its targets."""
        untuned = [
            part for part in PARTS if part != "tuned" and any(key[0] == part for key in by_group)
        ]
        self.stdout.write("")
        self.stdout.write(f"Untuned parts together ({', '.join(untuned)}), by the issue's groups:")
        self.stdout.write(
            f"{'lang':<4} {'group':<13} {'P':>6} {'R':>6}  target  found/wrong/missed"
        )
        for language in ("en", "ru", "kk"):
            for name, kinds, target in GROUPS:
                score = summed(by_group, untuned, language, kinds)
                met = "met" if min(score.precision, score.recall) >= target else "not met"
                self.stdout.write(
                    f"{language:<4} {name:<13} {score.precision:>6.3f} {score.recall:>6.3f}  "
                    f"{target:.2f} {met:<7} {score.true_positives}/{score.false_positives}/"
                    f"{score.false_negatives}"
                )
        self.stdout.write(
            "Figures with their subject left aside (label and value only; a diagnostic of "
            "where figures fail, no target):"
        )
        for language in ("en", "ru", "kk"):
            score = summed(by_group, untuned, language, [COUNTS_ONLY])
            self.stdout.write(
                f"{language:<4} {'counts only':<13} {score.precision:>6.3f} {score.recall:>6.3f}"
                f"  {score.true_positives}/{score.false_positives}/{score.false_negatives}"
            )

    def handle(self, *args, corpus, verbose_misses, **options):
        corpus = Path(corpus)
        if not (corpus / "expected.json").exists():
            raise CommandError(f"No expected.json in {corpus}")
        try:
            with transaction.atomic():
                clear_directory()
                load_directory(corpus / "directory.json")
                mentions, figures = evaluate(corpus)
                by_group = evaluate.by_group
                raise _Rollback
        except _Rollback:
            pass
        for title, score in (("Mentions", mentions), ("Figures", figures)):
            self.stdout.write(
                f"{title}: precision {score.precision:.3f}, recall {score.recall:.3f} "
                f"({score.true_positives} found, {score.false_positives} wrong, "
                f"{score.false_negatives} missed)"
            )
        self.stdout.write("")
        header = f"{'part':<11} {'lang':<4} {'kind':<17} {'P':>6} {'R':>6}"
        self.stdout.write(f"{header}  found/wrong/missed")
        for part in PARTS:
            for language in ("en", "ru", "kk"):
                for kind in [*KINDS, "all"]:
                    kinds = KINDS if kind == "all" else [kind]
                    score = summed(by_group, [part], language, kinds)
                    if not score or not (
                        score.true_positives + score.false_positives + score.false_negatives
                    ):
                        continue
                    self.stdout.write(
                        f"{part:<11} {language:<4} {kind:<17} {score.precision:>6.3f} "
                        f"{score.recall:>6.3f}  {score.true_positives}/"
                        f"{score.false_positives}/{score.false_negatives}"
                    )
        self.write_targets(by_group)
        if verbose_misses:
            self.stdout.write("")
            for (part, _language, kind), score in sorted(by_group.items()):
                if part != "tuned" or kind == COUNTS_ONLY:
                    continue
                for name, what, item in score.misses:
                    self.stdout.write(f"  [{part}] {name}: {what} {item}")
