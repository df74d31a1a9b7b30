"""Time mention detection against a big generated directory, and a 1,000-file import.

Everything is created inside a transaction that is rolled back at the end, so the
database is left as it was.
"""

import random
import statistics
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from news.linking import detect_mentions, get_index, import_file
from partners.models import Country, Institution, Partnership, Person, Position

SEED = Path(__file__).resolve().parents[3] / "tests" / "news" / "corpus" / "01-antwerp-seed.txt"
SYLLABLES = [
    "ka",
    "ra",
    "lin",
    "mor",
    "ta",
    "sen",
    "vel",
    "dor",
    "an",
    "is",
    "ul",
    "bek",
    "zhan",
    "tor",
    "mi",
    "na",
    "sol",
    "ber",
    "gen",
    "ost",
]
PATTERNS = [
    "University of {a}",
    "{a} University",
    "{a} Institute of Technology",
    "{a} State University",
    "{a} {b} Academy",
    "{a} Business School",
    "{a} Research Centre",
]


def _word(rng, parts=3):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def generate_directory(institutions=10_000, people=5_000, seed=7):
    """Bulk-create a directory of generated names; return (institutions, people) created."""
    rng = random.Random(seed)
    countries = list(Country.objects.all()[:60])
    names = set()
    while len(names) < institutions:
        names.add(rng.choice(PATTERNS).format(a=_word(rng), b=_word(rng, 2)))
    rows = [
        Institution(
            name=name,
            slug=slugify(name)[:240] + f"-{i}",
            short_name=f"{name[:2].upper()}{i}",
            kind=Institution.Kind.UNIVERSITY,
            country=rng.choice(countries),
            city=_word(rng, 2),
        )
        for i, name in enumerate(sorted(names))
    ]
    made = Institution.objects.bulk_create(rows, batch_size=1000)
    person_names = set()
    while len(person_names) < people:
        person_names.add(f"{_word(rng, 2)} {_word(rng, 3)}")
    persons = Person.objects.bulk_create(
        [Person(name=n, slug=f"{slugify(n)}-{i}") for i, n in enumerate(sorted(person_names))],
        batch_size=1000,
    )
    Position.objects.bulk_create(
        [
            Position(
                person=p,
                title=rng.choice(["Rector", "Dean", "Director"]),
                institution=rng.choice(made),
            )  # fmt: skip
            for p in persons
        ],
        batch_size=1000,
    )
    partnerships = Partnership.objects.bulk_create(
        [Partnership(title=f"Generated partnership {i}", slug=f"gen-{i}") for i in range(2000)]
    )
    Through = Partnership.institutions.through
    Through.objects.bulk_create(
        [
            Through(partnership=p, institution=inst)
            for p in partnerships
            for inst in rng.sample(made, 2)
        ],
        batch_size=2000,
    )
    return made, persons


def thousand_word_text(institutions, people, rng):
    """The seed's paragraphs, repeated with generated names mixed in, to 1,000 words."""
    paragraphs = [p for p in SEED.read_text().split("\n\n") if p.strip()]
    out, words = [], 0
    while words < 1000:
        paragraph = rng.choice(paragraphs).strip()
        paragraph += (
            f" {rng.choice(people).name} of {rng.choice(institutions).name} said that "
            f"{rng.randint(2, 40)} students from Kazakhstan study there."
        )
        out.append(paragraph)
        words += len(paragraph.split())
    return "\n\n".join(out)


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Benchmark mention detection (1,000-word text, 10,000 institutions, 5,000 people) "
        "and the import of 1,000 files; nothing is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--institutions", type=int, default=10_000)
        parser.add_argument("--people", type=int, default=5_000)
        parser.add_argument("--files", type=int, default=1_000)
        parser.add_argument("--runs", type=int, default=50)

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.run(**options)
                raise _Rollback
        except _Rollback:
            self.stdout.write("Rolled back: the database is unchanged.")

    def run(self, institutions, people, files, runs, **options):
        rng = random.Random(1)
        start = time.perf_counter()
        made, persons = generate_directory(institutions, people)
        self.stdout.write(
            f"Generated {len(made)} institutions and {len(persons)} people "
            f"in {time.perf_counter() - start:.1f} s."
        )
        start = time.perf_counter()
        index = get_index()
        self.stdout.write(
            f"Automaton of {index.key_count} names built in "
            f"{(time.perf_counter() - start) * 1000:.0f} ms (once per directory version)."
        )
        text = thousand_word_text(made, persons, rng)
        detect_mentions(text)  # warm
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            detection = detect_mentions(text)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        self.stdout.write(
            f"Detection on a {len(text.split())}-word press release: median "
            f"{statistics.median(timings):.1f} ms, p95 {timings[int(len(timings) * 0.95) - 1]:.1f}"
            f" ms, max {timings[-1]:.1f} ms ({len(detection.mentions)} mentions, "
            f"{len(detection.figures)} figures); target < 50 ms."
        )
        corpus = sorted(SEED.parent.glob("[0-9]*"))
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for i in range(files):
                source = corpus[i % len(corpus)]
                path = Path(folder) / f"{i:04d}-{source.name}"
                text = source.read_text(encoding="utf-8")
                if source.suffix == ".txt":
                    text = f"Press release number {i}\n\n{text}"
                path.write_text(text, encoding="utf-8")
                paths.append(path)
            start = time.perf_counter()
            outcomes = [import_file(path).outcome for path in paths]
            elapsed = time.perf_counter() - start
        self.stdout.write(
            f"Imported {len(paths)} files in {elapsed:.1f} s "
            f"({elapsed / max(len(paths), 1) * 1000:.1f} ms a file; "
            f"{outcomes.count('created')} created, {outcomes.count('failed')} failed); "
            "target < 60 s."
        )
