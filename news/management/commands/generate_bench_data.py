"""Fill the database with a realistic volume of clearly generated partner data and news.

It lives in ``news`` because it fills both apps and ``partners`` never imports ``news``.
"""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from news.models import PressRelease, PressReleaseInstitution
from news.page_tags import purge_everything
from partners.models import (
    CooperationArea,
    Country,
    Embassy,
    Figure,
    Institution,
    Partnership,
    Person,
    Position,
)
from partners.search import refresh_search_text

PREFIX = "generated"
BATCH = 2000
DEFAULTS = {
    "institutions": 10_000,
    "partnerships": 20_000,
    "people": 10_000,
    "press_releases": 50_000,
}
CITIES = [
    "Almaty",
    "Astana",
    "Shymkent",
    "Antwerp",
    "Liège",
    "Zürich",
    "München",
    "Kraków",
    "Łódź",
    "São Paulo",
    "Reykjavík",
    "Montréal",
    "Tartu",
    "Gent",
    "Brno",
    "Алматы",
]
SUBJECTS = [
    "Nanotechnology",
    "Logistics",
    "Économie",
    "Agriculture",
    "Medicine",
    "Engineering",
    "Management",
    "Linguistics",
    "Petroleum",
    "Aerospace",
    "Hydrology",
    "Informatics",
]
KINDS = [choice for choice, _ in Institution.Kind.choices]
TITLES = ["Rector", "Vice-Rector", "Dean", "Director", "Professor", "Head of International Office"]


def generated_slug(kind, number):
    return f"{PREFIX}-{kind}-{number:05}"


def has_generated_data():
    return Institution.objects.filter(slug__startswith=f"{PREFIX}-institute-").exists()


def _delete_quietly(queryset):
    """Delete rows without per-object signals: the search receivers would refresh the
    text of every institution once per generated row (minutes instead of seconds)."""
    queryset._raw_delete(queryset.db)


def delete_generated_data():
    """Remove every generated row, in an order the PROTECT foreign keys allow."""
    generated = f"{PREFIX}-"
    PressRelease.objects.filter(slug__startswith=f"{generated}press-release-").delete()
    partnerships = Partnership.objects.filter(slug__startswith=f"{generated}partnership-")
    Figure.objects.filter(partnership__in=partnerships).delete()
    Partnership.institutions.through.objects.filter(partnership__in=partnerships).delete()
    Partnership.areas.through.objects.filter(partnership__in=partnerships).delete()
    _delete_quietly(partnerships)
    people = Person.objects.filter(slug__startswith=f"{generated}person-")
    _delete_quietly(Position.objects.filter(person__in=people))
    people.delete()
    institutions = Institution.objects.filter(slug__startswith=f"{generated}institute-")
    institutions.update(parent=None)
    Figure.objects.filter(institution__in=institutions).delete()
    _delete_quietly(Position.objects.filter(institution__in=institutions))
    institutions.delete()
    Embassy.objects.filter(slug__startswith=f"{generated}embassy-").delete()
    CooperationArea.objects.filter(slug__startswith=f"{generated}area-").delete()


def make_areas(rng):
    return CooperationArea.objects.bulk_create(
        CooperationArea(name=f"Generated Area {n:02}", slug=generated_slug("area", n))
        for n in range(12)
    )


def make_embassies(rng, countries):
    return Embassy.objects.bulk_create(
        Embassy(
            name=f"Generated Embassy {n:03}",
            slug=generated_slug("embassy", n),
            host_country_id=rng.choice(countries),
            city=rng.choice(CITIES),
        )
        for n in range(60)
    )


def make_institutions(rng, count, countries):
    institutions = []
    for n in range(count):
        subject = rng.choice(SUBJECTS)
        institutions.append(
            Institution(
                name=f"Generated {subject} Institute {n:05}",
                slug=generated_slug("institute", n),
                short_name=f"GI{n:05}",
                aliases=f"Generated Institute {n:05}\nGen-{subject[:4]}-{n:05}",
                kind=rng.choice(KINDS),
                country_id=rng.choice(countries),
                city=rng.choice(CITIES),
                description=f"A generated institution for benchmarks, working on {subject}.",
            )
        )
    institutions = Institution.objects.bulk_create(institutions, batch_size=BATCH)
    # Every tenth one is a unit of an earlier institution.
    units = []
    for position in range(10, len(institutions), 10):
        unit = institutions[position]
        unit.parent_id = institutions[rng.randrange(position)].pk
        units.append(unit)
    Institution.objects.bulk_update(units, ["parent"], batch_size=BATCH)
    return institutions


def make_partnerships(rng, count, institutions, embassies, areas):
    kinds = [choice for choice, _ in Partnership.Kind.choices]
    statuses = [choice for choice, _ in Partnership.Status.choices]
    today = datetime.date(2026, 1, 1)
    partnerships = Partnership.objects.bulk_create(
        (
            Partnership(
                title=f"Generated Partnership {n:05} in {rng.choice(SUBJECTS)}",
                slug=generated_slug("partnership", n),
                kind=rng.choice(kinds),
                status=rng.choice(statuses),
                embassy_id=rng.choice(embassies).pk if rng.random() < 0.5 else None,
                start_date=today - datetime.timedelta(days=rng.randrange(3000)),
                description="A generated partnership for benchmarks.",
            )
            for n in range(count)
        ),
        batch_size=BATCH,
    )
    Members = Partnership.institutions.through
    Areas = Partnership.areas.through
    members, area_links, figures = [], [], []
    for partnership in partnerships:
        for institution in rng.sample(institutions, 2):
            members.append(Members(partnership_id=partnership.pk, institution_id=institution.pk))
        area_links.append(
            Areas(partnership_id=partnership.pk, cooperationarea_id=rng.choice(areas).pk)
        )
        figures.append(
            Figure(
                partnership=partnership,
                label=rng.choice(["Kazakh students", "researchers", "master's students"]),
                value=rng.randrange(1, 200),
                as_of=today - datetime.timedelta(days=rng.randrange(1000)),
            )
        )
    Members.objects.bulk_create(members, batch_size=BATCH)
    Areas.objects.bulk_create(area_links, batch_size=BATCH)
    Figure.objects.bulk_create(figures, batch_size=BATCH)
    return partnerships


def make_people(rng, count, institutions):
    people = Person.objects.bulk_create(
        (
            Person(name=f"Generated Person {n:05}", slug=generated_slug("person", n))
            for n in range(count)
        ),
        batch_size=BATCH,
    )
    Position.objects.bulk_create(
        (
            Position(person=person, title=rng.choice(TITLES), institution=rng.choice(institutions))
            for person in people
        ),
        batch_size=BATCH,
    )
    return people


def make_press_releases(rng, count, institutions):
    now = timezone.now()
    statuses = [PressRelease.Status.PUBLISHED] * 8 + [
        PressRelease.Status.DRAFT,
        PressRelease.Status.REVIEW,
    ]
    press_releases = PressRelease.objects.bulk_create(
        (
            PressRelease(
                title=f"Generated Press Release {n:05}",
                slug=generated_slug("press-release", n),
                lead="A generated press release for benchmarks.",
                body="<p>Generated.</p>",
                status=(status := rng.choice(statuses)),
                published_at=(
                    now - datetime.timedelta(minutes=rng.randrange(5 * 365 * 24 * 60))
                    if status == PressRelease.Status.PUBLISHED
                    else None
                ),
            )
            for n in range(count)
        ),
        batch_size=BATCH,
    )
    links = [
        PressReleaseInstitution(press_release_id=pr.pk, target_id=institution.pk)
        for pr in press_releases
        for institution in rng.sample(institutions, rng.choice((1, 1, 2)))
    ]
    PressReleaseInstitution.objects.bulk_create(links, batch_size=BATCH)
    return press_releases


def generate(counts, seed=42, log=lambda message: None):
    """Create the generated rows; returns the institutions."""
    rng = random.Random(seed)
    countries = list(Country.objects.values_list("pk", flat=True))
    if not countries:
        raise CommandError("No countries: run `manage.py migrate` first.")
    with transaction.atomic():
        areas = make_areas(rng)
        embassies = make_embassies(rng, countries)
        institutions = make_institutions(rng, counts["institutions"], countries)
        log(f"{len(institutions)} institutions")
        partnerships = make_partnerships(
            rng, counts["partnerships"], institutions, embassies, areas
        )
        log(f"{len(partnerships)} partnerships")
        people = make_people(rng, counts["people"], institutions)
        log(f"{len(people)} people")
        press_releases = make_press_releases(rng, counts["press_releases"], institutions)
        log(f"{len(press_releases)} press releases")
        refresh_search_text([institution.pk for institution in institutions])
        log("search text refreshed")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    purge_everything()  # bulk_create() sends no signals: no cached page may survive it
    return institutions


class Command(BaseCommand):
    help = (
        "Fill the database with clearly generated institutions, partnerships, people and "
        "press releases for benchmarks. Refuses to run twice unless --reset is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete generated rows first.")
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiply the default volumes (10,000 institutions ...) by this factor.",
        )
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, reset=False, scale=1.0, seed=42, **options):
        if reset:
            with transaction.atomic():
                delete_generated_data()
            self.stdout.write("Deleted the generated data.")
        elif has_generated_data():
            self.stdout.write("Generated data is already there; use --reset to renew it.")
            return
        counts = {name: max(2, int(value * scale)) for name, value in DEFAULTS.items()}
        started = timezone.now()
        generate(counts, seed=seed, log=lambda message: self.stdout.write(f"  {message}"))
        seconds = (timezone.now() - started).total_seconds()
        self.stdout.write(self.style.SUCCESS(f"Generated bench data in {seconds:.1f} s."))
