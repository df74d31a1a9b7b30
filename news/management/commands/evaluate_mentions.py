"""Precision and recall of mention and figure detection on the test corpus.

The corpus folder holds press releases, `directory.json` (the partner directory they
refer to) and `expected.json` (per file: the links and figures an editor would set). The
directory is loaded in a transaction that is rolled back, so the database is left as it was.
"""

import datetime
import json
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


def load_directory(path):
    """Create the directory described by a corpus' directory.json; return slug maps."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    countries = {str(c.code): c for c in Country.objects.all()}
    embassies, institutions = {}, {}
    for row in data["embassies"]:
        embassy = Embassy.objects.create(
            slug=row["slug"],
            name=row["name"],
            kind=row["kind"],
            host_country=countries[row["host_country"]],
            city=row.get("city", ""),
        )
        embassy.accredited_countries.set([countries[c] for c in row.get("accredited", [])])
        embassies[row["slug"]] = embassy
    for row in data["institutions"]:
        institutions[row["slug"]] = Institution.objects.create(
            slug=row["slug"],
            name=row["name"],
            short_name=row.get("short_name", ""),
            aliases="\n".join(row.get("aliases", [])),
            kind=row["kind"],
            country=countries[row["country"]],
            city=row.get("city", ""),
            parent=institutions.get(row.get("parent")),
        )
    for row in data["people"]:
        person = Person.objects.create(
            slug=row["slug"], name=row["name"], honorific=row.get("honorific", "")
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
            title=row["title"],
            kind=row["kind"],
            embassy=embassies.get(row.get("embassy")),
        )
        partnership.institutions.set([institutions[s] for s in row["institutions"]])


def _slug_maps():
    maps = {kind: dict(model.objects.values_list("pk", "slug")) for kind, model in MODEL_OF.items()}
    maps["countries"] = {pk: str(code) for pk, code in Country.objects.values_list("pk", "code")}
    return maps


def found_items(detection, maps):
    """What a detection found, in the expected file's vocabulary: (kind, key) pairs."""
    mentions = set()
    for kind in MENTION_KINDS:
        for pk in detection.ids(KIND_OF[kind]):
            mentions.add((kind, maps[kind][pk]))
    for mention in detection.mentions:
        if mention.kind == "new_institution":
            mentions.add(("new_institutions", mention.name))
    figures = set()
    for figure in detection.figures:
        subject = maps[f"{figure.subject_kind}s"][figure.subject_id]
        figures.add((figure.label, figure.value, f"{figure.subject_kind}:{subject}"))
    return mentions, figures


def expected_items(expected):
    mentions = {
        (kind, value)
        for kind in [*MENTION_KINDS, "new_institutions"]
        for value in expected.get(kind, [])
    }
    figures = {(f["label"], f["value"], f["subject"]) for f in expected.get("figures", [])}
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


def evaluate(corpus=DEFAULT_CORPUS):
    """Score detection on every file of the corpus (directory must already be loaded)."""
    corpus = Path(corpus)
    expected_all = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))
    maps = _slug_maps()
    mentions, figures = Score(), Score()
    for name, expected in sorted(expected_all.items()):
        parsed = parse_file(corpus / name)
        detection = detect_mentions(parsed.plain_text, detection_date(parsed))
        found_mentions, found_figures = found_items(detection, maps)
        want_mentions, want_figures = expected_items(expected)
        mentions.add(name, found_mentions, want_mentions)
        figures.add(name, found_figures, want_figures)
    return mentions, figures


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Print precision and recall of mention and figure detection on the test corpus."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
        parser.add_argument("--verbose-misses", action="store_true", help="List every miss.")

    def handle(self, *args, corpus, verbose_misses, **options):
        corpus = Path(corpus)
        if not (corpus / "expected.json").exists():
            raise CommandError(f"No expected.json in {corpus}")
        try:
            with transaction.atomic():
                clear_directory()
                load_directory(corpus / "directory.json")
                mentions, figures = evaluate(corpus)
                raise _Rollback
        except _Rollback:
            pass
        for title, score in (("Mentions", mentions), ("Figures", figures)):
            self.stdout.write(
                f"{title}: precision {score.precision:.3f}, recall {score.recall:.3f} "
                f"({score.true_positives} found, {score.false_positives} wrong, "
                f"{score.false_negatives} missed)"
            )
            if verbose_misses or score.misses:
                for name, what, item in score.misses:
                    self.stdout.write(f"  {name}: {what} {item}")
