"""Demo content: the world of the seed press release, plus a few clearly fictional items.

Every object is keyed on its slug (or its natural key) and created only when it is missing:
what exists is left exactly as it is, so an editor's changes to demo content survive another
run, and loading twice changes nothing. `load_demo` is the management command's entry.
"""

import datetime
import html
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import translation

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

from .models import PressRelease, Topic
from .richtext import sanitize_body
from .services import record_revision

SEED_FILE = Path(__file__).resolve().parent / "demo_data" / "press-release-antwerp.txt"
SEED_SOURCE = "Ministry of Foreign Affairs of the Republic of Kazakhstan"
SEED_ATTRIBUTION = f", {SEED_SOURCE} reports"
SEED_TITLE = "Ambassador of Kazakhstan to Belgium meets Rector of the University of Antwerp"
SEED_SLUG = "ambassador-of-kazakhstan-to-belgium-meets-rector-of-the-university-of-antwerp"

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
# Before the 15 March 2026 referendum the text looks forward to.
SEED_PUBLISHED_AT = datetime.datetime(2026, 2, 10, 11, 0, tzinfo=ALMATY)
SEED_DATE = SEED_PUBLISHED_AT.date()
# Far enough ahead to stay "scheduled" for years, fixed so a second run changes nothing.
SCHEDULED_AT = datetime.datetime(2030, 1, 15, 10, 0, tzinfo=ALMATY)

# Slugs other code (tests, docs) may refer to.
EMBASSY_SLUG = "embassy-of-kazakhstan-in-belgium"
UANTWERP_SLUG = "university-of-antwerp"
CMAT_SLUG = "c-mat"
ALMAU_SLUG = "almaty-management-university"
AMS_SLUG = "antwerp-management-school"
MBA_SLUG = "almau-ams-double-degree-mba"
MOBILITY_SLUG = "kazakhstan-uantwerp-academic-mobility"

DEMO_PASSWORDS = {
    "admin": "demo-admin-2026",
    "editor": "demo-editor-2026",
    "publisher": "demo-publisher-2026",
}


class Tally:
    """Counts what a load created or left alone, for the command's report."""

    def __init__(self):
        self.created = self.kept = 0
        self.edited = []  # entries that differ from the demo: someone's work, kept

    def __str__(self):
        return f"{self.created} created, {self.kept} already there and left as they are"


def upsert(model, lookup, defaults, tally):
    """Get the row matching `lookup`, or create it when it is missing.

    An existing row is never written: if its fields differ from the demo's, someone edited
    it, and the report names it as kept."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        tally.created += 1
        obj = model.objects.create(**lookup, **defaults)
        obj._demo_created = True
        return obj
    tally.kept += 1
    changed = [name for name, value in defaults.items() if getattr(obj, name) != value]
    if changed:
        tally.edited.append(f"{model._meta.verbose_name} “{obj}” ({', '.join(changed)})")
    return obj


def set_links(obj, tally, **relations):
    """Link an entry the demo has just created; the links of an existing one are its
    editors' to change, so they are left alone."""
    if not getattr(obj, "_demo_created", False):
        return
    for name, values in relations.items():
        getattr(obj, name).set(values)


def read_seed(path=SEED_FILE):
    """Split the seed file into (lead, body paragraphs), the attribution cut off the lead."""
    text = path.read_text(encoding="utf-8")
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    lead = paragraphs[0]
    if lead.endswith(SEED_ATTRIBUTION):
        # The sentence ended with the attribution: it keeps its full stop without it.
        lead = lead[: -len(SEED_ATTRIBUTION)].rstrip() + "."
    return lead, paragraphs[1:]


def paragraphs_to_html(paragraphs):
    return sanitize_body("\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs))


def _countries(*codes):
    return {code: Country.objects.get(code=code) for code in codes}


def load_seed_world(tally):
    """The embassy, people, institutions, partnerships and figures of the seed."""
    c = _countries("BE", "KZ", "LU")
    embassy = upsert(
        Embassy,
        {"slug": EMBASSY_SLUG},
        {
            "name": "Embassy of the Republic of Kazakhstan in the Kingdom of Belgium",
            "kind": Embassy.Kind.EMBASSY,
            "host_country": c["BE"],
            "city": "Brussels",
            "address": "Avenue Van Bever 30\n1180 Uccle, Brussels\nBelgium",
            "phone": "+32 2 374 95 62",
            "email": "brussels@mfa.kz",
            "website": "https://www.gov.kz/memleket/entities/mfa-brussels",
        },
        tally,
    )
    set_links(embassy, tally, accredited_countries=[c["LU"]])

    uantwerp = upsert(
        Institution,
        {"slug": UANTWERP_SLUG},
        {
            "name": "University of Antwerp",
            "short_name": "UAntwerp",
            "aliases": "UAntwerp\nUniversiteit Antwerpen\nUA",
            "kind": Institution.Kind.UNIVERSITY,
            "parent": None,
            "country": c["BE"],
            "city": "Antwerp",
            "website": "https://www.uantwerpen.be/en/",
        },
        tally,
    )
    cmat = upsert(
        Institution,
        {"slug": CMAT_SLUG},
        {
            "name": "Centre for Maritime & Air Transport Management",
            "short_name": "C-MAT",
            "aliases": "C-MAT",
            "kind": Institution.Kind.RESEARCH_CENTRE,
            "parent": uantwerp,
            "country": c["BE"],
            "city": "Antwerp",
        },
        tally,
    )
    almau = upsert(
        Institution,
        {"slug": ALMAU_SLUG},
        {
            "name": "Almaty Management University",
            "short_name": "AlmaU",
            "aliases": "AlmaU\nАлматы Менеджмент Университет",
            "kind": Institution.Kind.UNIVERSITY,
            "parent": None,
            "country": c["KZ"],
            "city": "Almaty",
            "website": "https://almau.edu.kz/",
        },
        tally,
    )
    ams = upsert(
        Institution,
        {"slug": AMS_SLUG},
        {
            "name": "Antwerp Management School",
            "short_name": "AMS",
            "aliases": "AMS",
            "kind": Institution.Kind.BUSINESS_SCHOOL,
            "parent": None,
            "country": c["BE"],
            "city": "Antwerp",
            "website": "https://www.antwerpmanagementschool.be/",
        },
        tally,
    )

    people = {}
    for slug, name, honorific in [
        ("roman-vassilenko", "Roman Vassilenko", "H.E."),
        ("herwig-leirs", "Herwig Leirs", "Prof."),
        ("nathalie-dens", "Nathalie Dens", "Prof."),
    ]:
        people[slug] = upsert(Person, {"slug": slug}, {"name": name, "honorific": honorific}, tally)

    # The seed names the posts, not when they began: the ambassador's start is approximate
    # (in post by his audience with King Philippe in 2025), the vice-rector's is left empty.
    for person, title, organisation, start in [
        ("roman-vassilenko", "Ambassador", {"embassy": embassy}, datetime.date(2025, 6, 1)),
        ("herwig-leirs", "Rector", {"institution": uantwerp}, datetime.date(2020, 10, 1)),
        ("nathalie-dens", "Vice-Rector", {"institution": uantwerp}, None),
    ]:
        lookup = {"person": people[person], "title": title, "embassy": None, "institution": None}
        upsert(Position, lookup | organisation, {"start_date": start, "end_date": None}, tally)

    areas = {}
    for slug, name in [
        ("higher-education", "Higher education"),
        ("science", "Science"),
        ("innovation", "Innovation"),
        ("transport-and-logistics", "Transport and logistics"),
    ]:
        areas[slug] = upsert(CooperationArea, {"slug": slug}, {"name": name}, tally)

    mba = upsert(
        Partnership,
        {"slug": MBA_SLUG},
        {
            "title": (
                "Double-degree MBA: Almaty Management University and Antwerp Management School"
            ),
            "kind": Partnership.Kind.DOUBLE_DEGREE,
            "status": Partnership.Status.ACTIVE,
            "embassy": None,
            "description": "A joint double-degree MBA programme of Almaty Management University "
            "and Antwerp Management School.",
        },
        tally,
    )
    set_links(mba, tally, institutions=[almau, ams], areas=[areas["higher-education"]])

    mobility = upsert(
        Partnership,
        {"slug": MOBILITY_SLUG},
        {
            "title": "Academic mobility between Kazakhstan and the University of Antwerp",
            "kind": Partnership.Kind.ACADEMIC_MOBILITY,
            "status": Partnership.Status.ACTIVE,
            "embassy": embassy,
            "description": "Students and researchers from Kazakhstan studying and doing "
            "research at the University of Antwerp; joint courses in transport and "
            "logistics with C-MAT are under discussion.",
        },
        tally,
    )
    set_links(
        mobility,
        tally,
        institutions=[uantwerp, almau],
        areas=list(areas.values()),
    )

    figures = [
        upsert(
            Figure,
            {"partnership": partnership, "institution": None, "label": label, "as_of": SEED_DATE},
            {"value": value},
            tally,
        )
        for partnership, label, value in [
            (mobility, "Kazakh students", 11),
            (mobility, "Kazakh researchers", 5),
            (mba, "master's students", 8),
        ]
    ]
    return {
        "embassy": embassy,
        "people": list(people.values()),
        "institutions": [uantwerp, cmat, almau, ams],
        "partnerships": [mba, mobility],
        "figures": figures,
        "countries": [c["BE"], c["KZ"]],
    }


def load_seed_press_release(world, tally):
    """The seed press release, its text exactly as in the file, linked to its world."""
    topics = [
        upsert(Topic, {"slug": slug}, {"name": name}, tally)
        for slug, name in [
            ("education-and-science", "Education and science"),
            ("bilateral-relations", "Bilateral relations"),
        ]
    ]
    lead, paragraphs = read_seed()
    press_release = upsert(
        PressRelease,
        {"slug": SEED_SLUG},
        {
            "title": SEED_TITLE,
            "lead": lead,
            "body": paragraphs_to_html(paragraphs),
            "dateline": "Brussels",
            "status": PressRelease.Status.PUBLISHED,
            "published_at": SEED_PUBLISHED_AT,
            "withdrawn_reason": "",
            "source": SEED_SOURCE,
            "original_language": "en",
        },
        tally,
    )
    set_links(
        press_release,
        tally,
        topics=topics,
        embassies=[world["embassy"]],
        people=world["people"],
        institutions=world["institutions"],
        partnerships=world["partnerships"],
        figures=world["figures"],
        countries=world["countries"],
    )
    keep_first_version(press_release)
    return press_release


def keep_first_version(press_release):
    """A revision of a press release the demo created, as every save keeps one: the base
    an editor's later save is merged against (news/merge.py)."""
    if getattr(press_release, "_demo_created", False):
        record_revision(press_release, None, "Loaded by load_demo.")


DEMO_NOTE = "Fictional demo content: this item was invented to fill the demo site."


def load_fictional(tally):
    """Clearly fictional missions, institutions and press releases, so lists have several."""
    c = _countries("NL", "DE", "KZ")
    hague = upsert(
        Embassy,
        {"slug": "demo-embassy-in-the-netherlands"},
        {
            "name": "Demo Embassy in the Netherlands (fictional)",
            "kind": Embassy.Kind.EMBASSY,
            "host_country": c["NL"],
            "city": "The Hague",
            "address": "1 Example Street, The Hague (fictional)",
            "email": "demo-embassy@example.org",
        },
        tally,
    )
    frankfurt = upsert(
        Embassy,
        {"slug": "demo-consulate-general-in-frankfurt"},
        {
            "name": "Demo Consulate General in Frankfurt (fictional)",
            "kind": Embassy.Kind.CONSULATE_GENERAL,
            "host_country": c["DE"],
            "city": "Frankfurt am Main",
            "email": "demo-consulate@example.org",
        },
        tally,
    )
    tech = upsert(
        Institution,
        {"slug": "example-institute-of-technology"},
        {
            "name": "Example Institute of Technology (demo)",
            "short_name": "EIT-demo",
            "aliases": "EIT-demo",
            "kind": Institution.Kind.UNIVERSITY,
            "parent": None,
            "country": c["KZ"],
            "city": "Astana",
            "description": DEMO_NOTE,
        },
        tally,
    )
    academy = upsert(
        Institution,
        {"slug": "sample-business-academy"},
        {
            "name": "Sample Business Academy (demo)",
            "short_name": "SBA-demo",
            "aliases": "",
            "kind": Institution.Kind.BUSINESS_SCHOOL,
            "parent": None,
            "country": c["NL"],
            "city": "Rotterdam",
            "description": DEMO_NOTE,
        },
        tally,
    )
    consul = upsert(
        Person, {"slug": "jane-example"}, {"name": "Jane Example (demo)", "honorific": ""}, tally
    )
    upsert(
        Position,
        {"person": consul, "title": "Consul General", "embassy": frankfurt, "institution": None},
        {"start_date": datetime.date(2025, 3, 1), "end_date": None},
        tally,
    )
    research = upsert(
        Partnership,
        {"slug": "demo-joint-research-programme"},
        {
            "title": "Demo joint research programme (fictional)",
            "kind": Partnership.Kind.JOINT_RESEARCH,
            "status": Partnership.Status.ACTIVE,
            "embassy": hague,
            "start_date": datetime.date(2025, 9, 1),
            "description": DEMO_NOTE,
        },
        tally,
    )
    set_links(
        research,
        tally,
        institutions=[tech, academy],
        areas=list(CooperationArea.objects.filter(slug__in=["science", "innovation"])),
    )
    publications = [
        upsert(
            Figure,
            {
                "partnership": research,
                "institution": None,
                "label": "joint publications",
                "as_of": as_of,
            },
            {"value": value},
            tally,
        )
        for as_of, value in [(datetime.date(2025, 12, 31), 3), (datetime.date(2026, 1, 31), 6)]
    ]
    topic = upsert(Topic, {"slug": "economy-and-trade"}, {"name": "Economy and trade"}, tally)
    education = Topic.objects.get(slug="education-and-science")

    def at(year, month, day):
        return datetime.datetime(year, month, day, 10, 0, tzinfo=ALMATY)

    status = PressRelease.Status
    items = [
        (
            "demo-example-institute-opens-summer-school",
            "Demo: Example Institute of Technology opens a summer school",
            status.PUBLISHED,
            at(2026, 1, 20),
            "",
            {"institutions": [tech], "topics": [education], "countries": [c["KZ"]]},
        ),
        (
            "demo-consulate-general-hosts-business-forum",
            "Demo: Consulate General in Frankfurt hosts a business forum",
            status.PUBLISHED,
            at(2025, 12, 5),
            "",
            {
                "embassies": [frankfurt],
                "people": [consul],
                "topics": [topic],
                "countries": [c["DE"]],
            },
        ),
        (
            "demo-joint-research-programme-reports-first-results",
            "Demo: joint research programme reports first results",
            status.PUBLISHED,
            at(2026, 2, 1),
            "",
            {
                "partnerships": [research],
                "institutions": [tech, academy],
                "embassies": [hague],
                "figures": publications,
                "topics": [education],
            },
        ),
        (
            "demo-withdrawn-scholarship-announcement",
            "Demo: scholarship announcement (withdrawn)",
            status.WITHDRAWN,
            at(2025, 11, 10),
            "Fictional example of a withdrawal: the dates announced were wrong.",
            {"institutions": [academy], "topics": [education]},
        ),
        (
            "demo-draft-trade-mission",
            "Demo draft: trade mission to the Netherlands (not published)",
            status.DRAFT,
            None,
            "",
            {"embassies": [hague], "topics": [topic]},
        ),
        (
            "demo-scheduled-cultural-week",
            "Demo scheduled: cultural week in The Hague (appears on its date)",
            status.PUBLISHED,
            SCHEDULED_AT,
            "",
            {"embassies": [hague], "countries": [c["NL"]]},
        ),
    ]
    for slug, title, state, published_at, reason, links in items:
        press_release = upsert(
            PressRelease,
            {"slug": slug},
            {
                "title": title,
                "lead": f"{title}. {DEMO_NOTE}",
                "body": sanitize_body(
                    f"<p>{DEMO_NOTE}</p><p>It shows how a press release links to missions, "
                    "institutions, partnerships and figures.</p>"
                ),
                "dateline": "Demo City",
                "status": state,
                "published_at": published_at,
                "withdrawn_reason": reason,
                "source": "Demo content (fictional)",
            },
            tally,
        )
        set_links(press_release, tally, **links)
        keep_first_version(press_release)


def load_users(tally):
    """Demo accounts with known passwords; the caller makes sure DEBUG is on."""
    User = get_user_model()
    accounts = [
        ("admin", {"is_staff": True, "is_superuser": True}, None),
        ("editor", {"is_staff": True, "is_superuser": False}, "Editors"),
        ("publisher", {"is_staff": True, "is_superuser": False}, "Publishers"),
    ]
    for username, flags, group_name in accounts:
        user = upsert(User, {"username": username}, {**flags, "is_active": True}, tally)
        if not getattr(user, "_demo_created", False):
            continue  # an existing account keeps its password and groups
        user.set_password(DEMO_PASSWORDS[username])
        user.save(update_fields=["password"])
        if group_name:
            group, _ = Group.objects.get_or_create(name=group_name)
            user.groups.add(group)


@transaction.atomic
def load_demo(report=print, with_users=None):
    """Load the whole demo; demo accounts only when `with_users` (default: settings.DEBUG)."""
    with_users = settings.DEBUG if with_users is None else with_users
    tally = Tally()
    # The demo is written in English first: plain field names mean the English columns.
    with translation.override("en"):
        world = load_seed_world(tally)
        press_release = load_seed_press_release(world, tally)
        report(f"Seed press release: {press_release.title}")
        load_fictional(tally)
    if with_users:
        load_users(tally)
        report("Demo accounts: " + ", ".join(f"{u} / {p}" for u, p in DEMO_PASSWORDS.items()))
    else:
        report("Demo accounts skipped: DEBUG is off, no known passwords are created.")
    report(f"Demo content: {tally}.")
    if tally.edited:
        report(
            "Kept as edited (the demo never overwrites existing content): "
            + "; ".join(tally.edited)
            + "."
        )
    return tally
