"""Demo content: the world of the seed press release, plus a few clearly fictional items.

Every object is keyed on its slug (or its natural key) and created only when it is missing:
what exists is left exactly as it is, so an editor's changes to demo content survive another
run, and loading twice changes nothing. `load_demo` is the management command's entry.
"""

import base64
import datetime
import html
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

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

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
# The English text is the original; the Kazakh and Russian texts are translations written
# for the demo (not the ministry's own), kept beside it so they are easy to review.
SEED_FILE = DEMO_DATA / "press-release-antwerp.txt"
SEED_FILES = {
    "en": SEED_FILE,
    "ru": DEMO_DATA / "press-release-antwerp.ru.txt",
    "kk": DEMO_DATA / "press-release-antwerp.kk.txt",
}
SEED_SOURCE = "Ministry of Foreign Affairs of the Republic of Kazakhstan"
SEED_SOURCES = {
    "en": SEED_SOURCE,
    "ru": "Министерство иностранных дел Республики Казахстан",
    "kk": "Қазақстан Республикасының Сыртқы істер министрлігі",
}
# How each text's first paragraph ends; cut off, since the source has a field of its own.
SEED_ATTRIBUTIONS = {
    "en": f", {SEED_SOURCE} reports",
    "ru": f", сообщает {SEED_SOURCES['ru']}",
    "kk": f", деп хабарлайды {SEED_SOURCES['kk']}",
}
SEED_ATTRIBUTION = SEED_ATTRIBUTIONS["en"]
SEED_TITLE = "Ambassador of Kazakhstan to Belgium meets Rector of the University of Antwerp"
SEED_TITLES = {
    "en": SEED_TITLE,
    "ru": "Посол Казахстана в Бельгии встретился с ректором Антверпенского университета",
    "kk": "Қазақстанның Бельгиядағы елшісі Антверпен университетінің ректорымен кездесті",
}
SEED_DATELINES = {"en": "Brussels", "ru": "Брюссель", "kk": "Брюссель"}
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
# The demo accounts' authenticator-app key (base32, as apps take it), only while debugging.
# Add it to any authenticator app, or print the current code with
# `python manage.py demo_totp`; see README "Demo content and accounts".
DEMO_TOTP_SECRET = "MFADEMOSECRETKEYFORLOCALWORKONLY"
DEMO_TOTP_DEVICE = "Demo authenticator (debug only)"


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
        labels = [str(model._meta.get_field(name).verbose_name) for name in changed]
        tally.edited.append(f"{model._meta.verbose_name} “{obj}” ({', '.join(labels)})")
    return obj


def set_links(obj, tally, **relations):
    """Link an entry the demo has just created; the links of an existing one are its
    editors' to change, so they are left alone."""
    if not getattr(obj, "_demo_created", False):
        return
    for name, values in relations.items():
        getattr(obj, name).set(values)


NO_REASON = {"kk": "", "ru": "", "en": ""}


def localized(field, **values):
    """{"title_en": ..., "title_ru": ..., "title_kk": ...} from localized("title", en=..., ...)."""
    return {build_localized_fieldname(field, code): value for code, value in values.items()}


def read_seed(path=SEED_FILE, attribution=SEED_ATTRIBUTION):
    """Split the seed file into (lead, body paragraphs), the attribution cut off the lead."""
    text = path.read_text(encoding="utf-8")
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    lead = paragraphs[0]
    # The attribution is cut off; the sentence keeps (or, in the English seed, gets back)
    # its full stop.
    for ending in (attribution + ".", attribution):
        if lead.endswith(ending):
            lead = lead[: -len(ending)].rstrip() + "."
            break
    return lead, paragraphs[1:]


def confirm_translations(press_release, tally):
    """Record every written translation of a press release the demo has just created as
    made from its current original; an existing one's translations are its editors' to judge."""
    if not getattr(press_release, "_demo_created", False):
        return
    for code, state in press_release.translation_states().items():
        if state == "outdated":
            press_release.confirm_translation(code)


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
            **localized(
                "name",
                en="Embassy of the Republic of Kazakhstan in the Kingdom of Belgium",
                ru="Посольство Республики Казахстан в Королевстве Бельгия",
                kk="Қазақстан Республикасының Бельгия Корольдігіндегі Елшілігі",
            ),
            "kind": Embassy.Kind.EMBASSY,
            "host_country": c["BE"],
            **localized("city", en="Brussels", ru="Брюссель", kk="Брюссель"),
            **localized(
                "address",
                en="Avenue Van Bever 30\n1180 Uccle, Brussels\nBelgium",
                ru="Avenue Van Bever 30\n1180 Уккел, Брюссель\nБельгия",
                kk="Avenue Van Bever 30\n1180 Уккел, Брюссель\nБельгия",
            ),
            "phone": "+32 2 374 95 62",
            "email": "brussels@mfa.kz",
            "website": "https://www.gov.kz/memleket/entities/mfa-brussels",
        },
        tally,
    )
    set_links(embassy, tally, accredited_countries=[c["LU"]])

    antwerp = localized("city", en="Antwerp", ru="Антверпен", kk="Антверпен")
    uantwerp = upsert(
        Institution,
        {"slug": UANTWERP_SLUG},
        {
            **localized(
                "name",
                en="University of Antwerp",
                ru="Антверпенский университет",
                kk="Антверпен университеті",
            ),
            **localized("short_name", en="UAntwerp", ru="UAntwerp", kk="UAntwerp"),
            **localized(
                "aliases",
                en="UAntwerp\nUniversiteit Antwerpen\nUA",
                ru="UAntwerp\nУниверситет Антверпена\nUniversiteit Antwerpen",
                kk="UAntwerp\nАнтверпен университеті\nUniversiteit Antwerpen",
            ),
            "kind": Institution.Kind.UNIVERSITY,
            "parent": None,
            "country": c["BE"],
            **antwerp,
            "website": "https://www.uantwerpen.be/en/",
        },
        tally,
    )
    cmat = upsert(
        Institution,
        {"slug": CMAT_SLUG},
        {
            **localized(
                "name",
                en="Centre for Maritime & Air Transport Management",
                ru="Центр управления морским и воздушным транспортом",
                kk="Теңіз және әуе көлігін басқару орталығы",
            ),
            **localized("short_name", en="C-MAT", ru="C-MAT", kk="C-MAT"),
            **localized("aliases", en="C-MAT", ru="C-MAT", kk="C-MAT"),
            "kind": Institution.Kind.RESEARCH_CENTRE,
            "parent": uantwerp,
            "country": c["BE"],
            **antwerp,
        },
        tally,
    )
    almau = upsert(
        Institution,
        {"slug": ALMAU_SLUG},
        {
            **localized(
                "name",
                en="Almaty Management University",
                ru="Алматы Менеджмент Университет",
                kk="Алматы Менеджмент Университеті",
            ),
            **localized("short_name", en="AlmaU", ru="AlmaU", kk="AlmaU"),
            **localized(
                "aliases",
                en="AlmaU\nАлматы Менеджмент Университет",
                ru="AlmaU\nAlmaty Management University",
                kk="AlmaU\nAlmaty Management University",
            ),
            "kind": Institution.Kind.UNIVERSITY,
            "parent": None,
            "country": c["KZ"],
            **localized("city", en="Almaty", ru="Алматы", kk="Алматы"),
            "website": "https://almau.edu.kz/",
        },
        tally,
    )
    ams = upsert(
        Institution,
        {"slug": AMS_SLUG},
        {
            # The school's own name, used as is in Russian and Kazakh texts too.
            **localized(
                "name",
                en="Antwerp Management School",
                ru="Antwerp Management School",
                kk="Antwerp Management School",
            ),
            **localized("short_name", en="AMS", ru="AMS", kk="AMS"),
            **localized(
                "aliases",
                en="AMS",
                ru="AMS\nАнтверпенская школа менеджмента",
                kk="AMS\nАнтверпен менеджмент мектебі",
            ),
            "kind": Institution.Kind.BUSINESS_SCHOOL,
            "parent": None,
            "country": c["BE"],
            **antwerp,
            "website": "https://www.antwerpmanagementschool.be/",
        },
        tally,
    )

    people = {}
    for slug, names, honorifics in [
        (
            "roman-vassilenko",
            {"en": "Roman Vassilenko", "ru": "Роман Василенко", "kk": "Роман Василенко"},
            # Written out: an empty honorific would show the English "H.E.".
            {"en": "H.E.", "ru": "Его Превосходительство", "kk": "Жоғары Мәртебелі"},
        ),
        (
            "herwig-leirs",
            {"en": "Herwig Leirs", "ru": "Хервиг Лейрс", "kk": "Хервиг Лейрс"},
            {"en": "Prof.", "ru": "проф.", "kk": "проф."},
        ),
        (
            "nathalie-dens",
            {"en": "Nathalie Dens", "ru": "Натали Денс", "kk": "Натали Денс"},
            {"en": "Prof.", "ru": "проф.", "kk": "проф."},
        ),
    ]:
        people[slug] = upsert(
            Person,
            {"slug": slug},
            {**localized("name", **names), **localized("honorific", **honorifics)},
            tally,
        )

    # The seed names the posts, not when they began: the ambassador's start is approximate
    # (in post by his audience with King Philippe in 2025), the vice-rector's is left empty.
    # A post is found by its English title; the other languages' titles are kept in step.
    for person, titles, organisation, start in [
        (
            "roman-vassilenko",
            {"en": "Ambassador", "ru": "Посол", "kk": "Елші"},
            {"embassy": embassy},
            datetime.date(2025, 6, 1),
        ),
        (
            "herwig-leirs",
            {"en": "Rector", "ru": "Ректор", "kk": "Ректор"},
            {"institution": uantwerp},
            datetime.date(2020, 10, 1),
        ),
        (
            "nathalie-dens",
            {"en": "Vice-Rector", "ru": "Проректор", "kk": "Проректор"},
            {"institution": uantwerp},
            None,
        ),
    ]:
        lookup = {
            "person": people[person],
            "title_en": titles["en"],
            "embassy": None,
            "institution": None,
        }
        upsert(
            Position,
            lookup | organisation,
            {
                **localized("title", ru=titles["ru"], kk=titles["kk"]),
                "start_date": start,
                "end_date": None,
            },
            tally,
        )

    areas = {}
    for slug, en, ru, kk in [
        ("higher-education", "Higher education", "Высшее образование", "Жоғары білім"),
        ("science", "Science", "Наука", "Ғылым"),
        ("innovation", "Innovation", "Инновации", "Инновациялар"),
        (
            "transport-and-logistics",
            "Transport and logistics",
            "Транспорт и логистика",
            "Көлік және логистика",
        ),
    ]:
        areas[slug] = upsert(
            CooperationArea, {"slug": slug}, localized("name", en=en, ru=ru, kk=kk), tally
        )

    mba = upsert(
        Partnership,
        {"slug": MBA_SLUG},
        {
            **localized(
                "title",
                en="Double-degree MBA: Almaty Management University and Antwerp Management School",
                ru="Программа MBA двойного диплома: Алматы Менеджмент Университет "
                "и Antwerp Management School",
                kk="Қос дипломдық MBA бағдарламасы: Алматы Менеджмент Университеті "
                "және Antwerp Management School",
            ),
            "kind": Partnership.Kind.DOUBLE_DEGREE,
            "status": Partnership.Status.ACTIVE,
            "embassy": None,
            **localized(
                "description",
                en="A joint double-degree MBA programme of Almaty Management University "
                "and Antwerp Management School.",
                ru="Совместная программа MBA двойного диплома Алматы Менеджмент Университета "
                "и Antwerp Management School.",
                kk="Алматы Менеджмент Университеті мен Antwerp Management School бірлесіп "
                "іске асыратын қос дипломдық MBA бағдарламасы.",
            ),
        },
        tally,
    )
    set_links(mba, tally, institutions=[almau, ams], areas=[areas["higher-education"]])

    mobility = upsert(
        Partnership,
        {"slug": MOBILITY_SLUG},
        {
            **localized(
                "title",
                en="Academic mobility between Kazakhstan and the University of Antwerp",
                ru="Академическая мобильность между Казахстаном и Антверпенским университетом",
                kk="Қазақстан мен Антверпен университеті арасындағы академиялық ұтқырлық",
            ),
            "kind": Partnership.Kind.ACADEMIC_MOBILITY,
            "status": Partnership.Status.ACTIVE,
            "embassy": embassy,
            **localized(
                "description",
                en="Students and researchers from Kazakhstan studying and doing "
                "research at the University of Antwerp; joint courses in transport and "
                "logistics with C-MAT are under discussion.",
                ru="Студенты и исследователи из Казахстана обучаются и ведут научную работу "
                "в Антверпенском университете; обсуждаются совместные курсы в области "
                "транспорта и логистики с C-MAT.",
                kk="Қазақстаннан келген студенттер мен зерттеушілер Антверпен университетінде "
                "білім алып, ғылыми зерттеулер жүргізуде; C-MAT орталығымен көлік және "
                "логистика саласындағы бірлескен курстар талқылануда.",
            ),
        },
        tally,
    )
    set_links(
        mobility,
        tally,
        institutions=[uantwerp, almau],
        areas=list(areas.values()),
    )

    # A figure is found by its English label. Labels follow the number they are shown
    # after: "11 казахстанских студентов"; Kazakh counts take the singular ("11 студент").
    figures = [
        upsert(
            Figure,
            {
                "partnership": partnership,
                "institution": None,
                "label_en": labels["en"],
                "as_of": SEED_DATE,
            },
            {**localized("label", ru=labels["ru"], kk=labels["kk"]), "value": value},
            tally,
        )
        for partnership, labels, value in [
            (
                mobility,
                {
                    "en": "Kazakh students",
                    "ru": "казахстанских студентов",
                    "kk": "қазақстандық студент",
                },
                11,
            ),
            (
                mobility,
                {
                    "en": "Kazakh researchers",
                    "ru": "казахстанских исследователей",
                    "kk": "қазақстандық зерттеуші",
                },
                5,
            ),
            (mba, {"en": "master's students", "ru": "магистрантов", "kk": "магистрант"}, 8),
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


def seed_texts():
    """{field: {language: text}} of the seed press release, read from the three files."""
    texts = {"title": SEED_TITLES, "dateline": SEED_DATELINES, "source": SEED_SOURCES}
    texts["lead"], texts["body"] = {}, {}
    for code, path in SEED_FILES.items():
        lead, paragraphs = read_seed(path, SEED_ATTRIBUTIONS[code])
        texts["lead"][code] = lead
        texts["body"][code] = paragraphs_to_html(paragraphs)
    return texts


def load_seed_press_release(world, tally):
    """The seed press release in three languages, English exactly as in the file."""
    topics = [
        upsert(Topic, {"slug": slug}, localized("name", en=en, ru=ru, kk=kk), tally)
        for slug, en, ru, kk in [
            (
                "education-and-science",
                "Education and science",
                "Образование и наука",
                "Білім және ғылым",
            ),
            (
                "bilateral-relations",
                "Bilateral relations",
                "Двусторонние отношения",
                "Екіжақты қатынастар",
            ),
        ]
    ]
    texts = {field: localized(field, **values) for field, values in seed_texts().items()}
    press_release = upsert(
        PressRelease,
        {"slug": SEED_SLUG},
        {
            **texts["title"],
            **texts["lead"],
            **texts["body"],
            **texts["dateline"],
            "status": PressRelease.Status.PUBLISHED,
            "published_at": SEED_PUBLISHED_AT,
            **localized("withdrawn_reason", **NO_REASON),
            **texts["source"],
            "original_language": "en",
        },
        tally,
    )
    confirm_translations(press_release, tally)
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
DEMO_NOTES = {
    "en": DEMO_NOTE,
    "ru": "Вымышленный демонстрационный материал: создан для наполнения демо-сайта.",
    "kk": "Ойдан алынған демо материал: демо сайтты толтыру үшін жасалған.",
}
DEMO_BODY_LINKS = {
    "en": "It shows how a press release links to missions, institutions, partnerships and figures.",
    "ru": "Он показывает, как пресс-релиз связан с загранучреждениями, организациями, "
    "партнерствами и показателями.",
    "kk": "Ол баспасөз релизінің шетелдегі мекемелермен, ұйымдармен, серіктестіктермен және "
    "көрсеткіштермен қалай байланысатынын көрсетеді.",
}


def load_fictional(tally):
    """Clearly fictional missions, institutions and press releases, so lists have several."""
    c = _countries("NL", "DE", "KZ")
    hague = upsert(
        Embassy,
        {"slug": "demo-embassy-in-the-netherlands"},
        {
            **localized(
                "name",
                en="Demo Embassy in the Netherlands (fictional)",
                ru="Посольство в Нидерландах (демо, вымышленное)",
                kk="Нидерландтағы елшілік (демо, ойдан алынған)",
            ),
            "kind": Embassy.Kind.EMBASSY,
            "host_country": c["NL"],
            **localized("city", en="The Hague", ru="Гаага", kk="Гаага"),
            **localized(
                "address",
                en="1 Example Street, The Hague (fictional)",
                ru="ул. Примерная, 1, Гаага (вымышленный адрес)",
                kk="Мысал көшесі, 1, Гаага (ойдан алынған мекенжай)",
            ),
            "email": "demo-embassy@example.org",
        },
        tally,
    )
    frankfurt = upsert(
        Embassy,
        {"slug": "demo-consulate-general-in-frankfurt"},
        {
            **localized(
                "name",
                en="Demo Consulate General in Frankfurt (fictional)",
                ru="Генеральное консульство во Франкфурте (демо, вымышленное)",
                kk="Франкфурттағы бас консулдық (демо, ойдан алынған)",
            ),
            "kind": Embassy.Kind.CONSULATE_GENERAL,
            "host_country": c["DE"],
            **localized(
                "city", en="Frankfurt am Main", ru="Франкфурт-на-Майне", kk="Майндағы Франкфурт"
            ),
            "email": "demo-consulate@example.org",
        },
        tally,
    )
    notes = localized("description", **DEMO_NOTES)
    tech = upsert(
        Institution,
        {"slug": "example-institute-of-technology"},
        {
            **localized(
                "name",
                en="Example Institute of Technology (demo)",
                ru="Примерный технологический институт (демо)",
                kk="Үлгілік технологиялық институт (демо)",
            ),
            **localized("short_name", en="EIT-demo", ru="EIT-demo", kk="EIT-demo"),
            **localized("aliases", en="EIT-demo", ru="EIT-demo", kk="EIT-demo"),
            "kind": Institution.Kind.UNIVERSITY,
            "parent": None,
            "country": c["KZ"],
            **localized("city", en="Astana", ru="Астана", kk="Астана"),
            **notes,
        },
        tally,
    )
    academy = upsert(
        Institution,
        {"slug": "sample-business-academy"},
        {
            **localized(
                "name",
                en="Sample Business Academy (demo)",
                ru="Образцовая бизнес-академия (демо)",
                kk="Үлгі бизнес академиясы (демо)",
            ),
            **localized("short_name", en="SBA-demo", ru="SBA-demo", kk="SBA-demo"),
            **localized("aliases", en="", ru="", kk=""),
            "kind": Institution.Kind.BUSINESS_SCHOOL,
            "parent": None,
            "country": c["NL"],
            **localized("city", en="Rotterdam", ru="Роттердам", kk="Роттердам"),
            **notes,
        },
        tally,
    )
    consul = upsert(
        Person,
        {"slug": "jane-example"},
        {
            **localized(
                "name",
                en="Jane Example (demo)",
                ru="Джейн Экзампл (демо)",
                kk="Джейн Экзампл (демо)",
            ),
            **localized("honorific", en="", ru="", kk=""),
        },
        tally,
    )
    upsert(
        Position,
        {
            "person": consul,
            "title_en": "Consul General",
            "embassy": frankfurt,
            "institution": None,
        },
        {
            **localized("title", ru="Генеральный консул", kk="Бас консул"),
            "start_date": datetime.date(2025, 3, 1),
            "end_date": None,
        },
        tally,
    )
    research = upsert(
        Partnership,
        {"slug": "demo-joint-research-programme"},
        {
            **localized(
                "title",
                en="Demo joint research programme (fictional)",
                ru="Демо: совместная исследовательская программа (вымышленная)",
                kk="Демо: бірлескен ғылыми-зерттеу бағдарламасы (ойдан алынған)",
            ),
            "kind": Partnership.Kind.JOINT_RESEARCH,
            "status": Partnership.Status.ACTIVE,
            "embassy": hague,
            "start_date": datetime.date(2025, 9, 1),
            **notes,
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
                "label_en": "joint publications",
                "as_of": as_of,
            },
            {
                **localized("label", ru="совместных публикаций", kk="бірлескен жарияланым"),
                "value": value,
            },
            tally,
        )
        for as_of, value in [(datetime.date(2025, 12, 31), 3), (datetime.date(2026, 1, 31), 6)]
    ]
    topic = upsert(
        Topic,
        {"slug": "economy-and-trade"},
        localized(
            "name", en="Economy and trade", ru="Экономика и торговля", kk="Экономика және сауда"
        ),
        tally,
    )
    education = Topic.objects.get(slug="education-and-science")

    def at(year, month, day):
        return datetime.datetime(year, month, day, 10, 0, tzinfo=ALMATY)

    status = PressRelease.Status
    items = [
        (
            "demo-example-institute-opens-summer-school",
            {
                "en": "Demo: Example Institute of Technology opens a summer school",
                "ru": "Демо: Примерный технологический институт открывает летнюю школу",
                "kk": "Демо: Үлгілік технологиялық институт жазғы мектеп ашады",
            },
            status.PUBLISHED,
            at(2026, 1, 20),
            "",
            {"institutions": [tech], "topics": [education], "countries": [c["KZ"]]},
        ),
        (
            "demo-consulate-general-hosts-business-forum",
            {
                "en": "Demo: Consulate General in Frankfurt hosts a business forum",
                "ru": "Демо: Генеральное консульство во Франкфурте проводит бизнес-форум",
                "kk": "Демо: Франкфурттағы Бас консулдық бизнес-форум өткізеді",
            },
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
            {
                "en": "Demo: joint research programme reports first results",
                "ru": "Демо: совместная исследовательская программа представила первые результаты",
                "kk": "Демо: бірлескен ғылыми-зерттеу бағдарламасы алғашқы нәтижелерін ұсынды",
            },
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
            {
                "en": "Demo: scholarship announcement (withdrawn)",
                "ru": "Демо: объявление о стипендии (отозвано)",
                "kk": "Демо: стипендия туралы хабарландыру (кері қайтарылған)",
            },
            status.WITHDRAWN,
            at(2025, 11, 10),
            {
                "en": "Fictional example of a withdrawal: the dates announced were wrong.",
                "ru": "Вымышленный пример отзыва: объявленные даты были неверны.",
                "kk": "Ойдан алынған кері қайтару мысалы: жарияланған күндер қате болды.",
            },
            {"institutions": [academy], "topics": [education]},
        ),
        (
            "demo-draft-trade-mission",
            {
                "en": "Demo draft: trade mission to the Netherlands (not published)",
                "ru": "Демо-черновик: торговая миссия в Нидерланды (не опубликовано)",
                "kk": "Демо жоба: Нидерландқа сауда миссиясы (жарияланбаған)",
            },
            status.DRAFT,
            None,
            "",
            {"embassies": [hague], "topics": [topic]},
        ),
        (
            "demo-scheduled-cultural-week",
            {
                "en": "Demo scheduled: cultural week in The Hague (appears on its date)",
                "ru": "Демо, запланировано: неделя культуры в Гааге (появится в назначенный день)",
                "kk": "Демо, жоспарланған: Гаагадағы мәдениет апталығы (белгіленген күні "
                "жарияланады)",
            },
            status.PUBLISHED,
            SCHEDULED_AT,
            "",
            {"embassies": [hague], "countries": [c["NL"]]},
        ),
    ]
    for slug, titles, state, published_at, reason, links in items:
        press_release = upsert(
            PressRelease,
            {"slug": slug},
            {
                **localized("title", **titles),
                **localized(
                    "lead",
                    **{code: f"{title}. {DEMO_NOTES[code]}" for code, title in titles.items()},
                ),
                **localized(
                    "body",
                    **{
                        code: sanitize_body(
                            f"<p>{DEMO_NOTES[code]}</p><p>{DEMO_BODY_LINKS[code]}</p>"
                        )
                        for code in titles
                    },
                ),
                **localized("dateline", en="Demo City", ru="Демо-город", kk="Демо қала"),
                "status": state,
                "published_at": published_at,
                **localized("withdrawn_reason", **{**NO_REASON, **(reason or {})}),
                **localized(
                    "source",
                    en="Demo content (fictional)",
                    ru="Демо-материал (вымышленный)",
                    kk="Демо материал (ойдан алынған)",
                ),
                "original_language": "en",
            },
            tally,
        )
        confirm_translations(press_release, tally)
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
        # The second factor is added where it is missing, even to an existing account.
        load_demo_second_factor(user, tally)
        if not getattr(user, "_demo_created", False):
            continue  # an existing account keeps its password and groups
        user.set_password(DEMO_PASSWORDS[username])
        user.save(update_fields=["password"])
        if group_name:
            group, _ = Group.objects.get_or_create(name=group_name)
            user.groups.add(group)


def load_demo_second_factor(user, tally):
    """An authenticator-app device with the documented DEMO_TOTP_SECRET, so the demo
    accounts pass the second step of sign-in. Only ever called while DEBUG is on."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    key = base64.b32decode(DEMO_TOTP_SECRET).hex()
    upsert(
        TOTPDevice, {"user": user, "name": DEMO_TOTP_DEVICE}, {"key": key, "confirmed": True}, tally
    )


@transaction.atomic
def load_demo(report=print, with_users=None):
    """Load the whole demo; demo accounts only when `with_users` (default: settings.DEBUG)."""
    with_users = settings.DEBUG if with_users is None else with_users
    tally = Tally()
    # The texts name their language columns ("title_kk"); plain field names (lookups, the
    # report below) mean the English columns, English being the demo's original language.
    with translation.override("en"):
        world = load_seed_world(tally)
        press_release = load_seed_press_release(world, tally)
        report(f"Seed press release: {press_release.title}")
        load_fictional(tally)
    if with_users:
        load_users(tally)
        report("Demo accounts: " + ", ".join(f"{u} / {p}" for u, p in DEMO_PASSWORDS.items()))
        report(
            f"Their second factor: authenticator key {DEMO_TOTP_SECRET} "
            "(or `python manage.py demo_totp` prints the current code)."
        )
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
