"""Small factory functions for test data: keyword defaults, nothing hidden."""

import datetime
import itertools

from django.utils import timezone
from django.utils.text import slugify

from news.models import PressRelease, Topic
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

_seq = itertools.count(1)


def _unique(prefix):
    return f"{prefix} {next(_seq)}"


def country(code="BE"):
    return Country.objects.get(code=code)


def make_embassy(name=None, host_country="BE", **kwargs):
    name = name or _unique("Embassy")
    kwargs.setdefault("slug", slugify(name))
    kwargs.setdefault("city", "Brussels")
    return Embassy.objects.create(name=name, host_country=country(host_country), **kwargs)


def make_person(name=None, **kwargs):
    name = name or _unique("Person")
    kwargs.setdefault("slug", slugify(name))
    return Person.objects.create(name=name, **kwargs)


def make_position(person=None, title="Ambassador", embassy=None, institution=None, **kwargs):
    person = person or make_person()
    if embassy is None and institution is None:
        embassy = make_embassy()
    return Position.objects.create(
        person=person, title=title, embassy=embassy, institution=institution, **kwargs
    )


def make_institution(name=None, country_code="BE", **kwargs):
    name = name or _unique("Institution")
    kwargs.setdefault("slug", slugify(name))
    kwargs.setdefault("kind", Institution.Kind.UNIVERSITY)
    return Institution.objects.create(name=name, country=country(country_code), **kwargs)


def make_area(name=None, **kwargs):
    name = name or _unique("Area")
    kwargs.setdefault("slug", slugify(name))
    return CooperationArea.objects.create(name=name, **kwargs)


def make_partnership(title=None, institutions=None, areas=(), **kwargs):
    title = title or _unique("Partnership")
    kwargs.setdefault("slug", slugify(title))
    kwargs.setdefault("status", Partnership.Status.ACTIVE)
    kwargs.setdefault("kind", Partnership.Kind.ACADEMIC_MOBILITY)
    partnership = Partnership.objects.create(title=title, **kwargs)
    partnership.institutions.set(institutions or [make_institution(), make_institution()])
    partnership.areas.set(areas)
    return partnership


def make_figure(partnership=None, institution=None, label="students", value=10, **kwargs):
    if partnership is None and institution is None:
        partnership = make_partnership()
    kwargs.setdefault("as_of", datetime.date(2026, 1, 15))
    return Figure.objects.create(
        partnership=partnership, institution=institution, label=label, value=value, **kwargs
    )


def make_topic(name=None, **kwargs):
    name = name or _unique("Topic")
    kwargs.setdefault("slug", slugify(name))
    return Topic.objects.create(name=name, **kwargs)


def yesterday():
    return timezone.now() - datetime.timedelta(days=1)


def tomorrow():
    return timezone.now() + datetime.timedelta(days=1)


def make_press_release(title=None, status=PressRelease.Status.PUBLISHED, **kwargs):
    """A press release; published yesterday unless told otherwise."""
    title = title or _unique("Press release")
    kwargs.setdefault("slug", slugify(title))
    kwargs.setdefault("lead", f"Lead of {title}.")
    kwargs.setdefault("body", "<p>Body.</p>")
    kwargs.setdefault("dateline", "Brussels")
    if status in (PressRelease.Status.PUBLISHED, PressRelease.Status.WITHDRAWN):
        kwargs.setdefault("published_at", yesterday())
    if status == PressRelease.Status.WITHDRAWN:
        kwargs.setdefault("withdrawn_reason", "Published in error.")
    links = {
        name: kwargs.pop(name)
        for name in (
            "topics",
            "embassies",
            "institutions",
            "partnerships",
            "people",
            "countries",
            "figures",
        )
        if name in kwargs
    }
    press_release = PressRelease.objects.create(title=title, status=status, **kwargs)
    for name, values in links.items():
        getattr(press_release, name).set(values)
    return press_release


# --- media (issue 6): images and documents made by the tests themselves ------------------


def image_bytes(fmt="JPEG", size=(800, 600), color=(30, 120, 200), mode="RGB", **save_kwargs):
    """An image file made with Pillow, as bytes."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=fmt, **save_kwargs)
    return buffer.getvalue()


def image_upload(name="photo.jpg", data=None, **kwargs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data if data is not None else image_bytes(**kwargs))


def pdf_bytes(text="Joint statement"):
    """A small, well-formed one-page PDF."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    ]
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_gallery_image(press_release=None, upload=None, **kwargs):
    """A gallery image stored through the field's own pipeline (processed, renditions)."""
    from news.models import PressReleaseImage

    press_release = press_release or make_press_release()
    kwargs.setdefault("alt", "Delegations at the signing")
    return PressReleaseImage.objects.create(
        press_release=press_release, image=upload or image_upload(), **kwargs
    )


def make_attachment(press_release=None, upload=None, **kwargs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from news.models import PressReleaseAttachment

    press_release = press_release or make_press_release()
    kwargs.setdefault("title", "Joint statement")
    upload = upload or SimpleUploadedFile("Joint statement (final).pdf", pdf_bytes())
    return PressReleaseAttachment.objects.create(press_release=press_release, file=upload, **kwargs)


ORIENTATION = 0x0112
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
BODY_SERIAL_NUMBER = 0xA431


def phone_photo():
    """A 400 x 200 JPEG, left half red and right half blue, stored sideways (orientation 6,
    as a phone held upright writes it) with a GPS position and a camera serial number."""
    import io

    from PIL import Image

    picture = Image.new("RGB", (400, 200), (0, 0, 255))
    picture.paste((255, 0, 0), (0, 0, 200, 200))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 13.0, 0.0), 3: "E", 4: (4.0, 24.0, 0.0)})
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL_NUMBER] = "SN-123456789"
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif, quality=95)
    data = buffer.getvalue()
    assert b"SN-123456789" in data
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)
    return data


def make_png(name="image.png", size=(40, 20), color=(0, 65, 90)):
    """A small real PNG upload for ImageFields (logo, photo)."""
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def image_file(name="picture.jpg", size=(800, 450), color=(0, 90, 135)):
    """A real JPEG (made with Pillow) to save into an ImageField."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return ContentFile(buffer.getvalue(), name=name)


# --- Editorial workflow (users in the groups made by news/migrations/0003) -------------


def ensure_editorial_groups():
    """The groups of the data migration; recreated if a transactional test flushed them."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("news.migrations.0006_editorial_groups")
    migration.create_groups(apps, None)
    audit = importlib.import_module("mfa_site.migrations.0002_publishers_read_the_audit_log")
    audit.grant(apps, None)


def make_user(username=None, groups=(), **kwargs):
    from django.contrib.auth.models import Group, User

    username = username or _unique("user").replace(" ", "")
    kwargs.setdefault("is_staff", True)
    # No password unless asked: hashing one takes a noticeable time per user.
    user = User.objects.create_user(username=username, **kwargs)
    if groups:
        if Group.objects.filter(name__in=groups).count() != len(groups):
            ensure_editorial_groups()
        user.groups.set(Group.objects.filter(name__in=groups))
    return user


def make_editor(username=None, **kwargs):
    return make_user(username, groups=["Editors"], **kwargs)


def make_publisher(username=None, **kwargs):
    return make_user(username, groups=["Publishers"], **kwargs)


def make_superuser(username=None, **kwargs):
    return make_user(username, is_superuser=True, **kwargs)


def make_representative_site():
    """One of everything the public site shows, linked the way the seed press release is.

    Used by tests that must cover every page or every table (CSP, fuzzing, backups).
    Restores the country list first: a transactional test before may have flushed it.
    """
    ensure_countries()
    topic = make_topic("Higher education")
    embassy = make_embassy("Embassy in Belgium", host_country="BE", city="Brussels")
    embassy.accredited_countries.set([country("LU"), country("NL")])
    ambassador = make_person("Ambassador Example", honorific="H.E.")
    make_position(ambassador, "Ambassador", embassy=embassy, start_date=datetime.date(2023, 1, 1))
    university = make_institution("University of Antwerp", short_name="UAntwerp", city="Antwerp")
    unit = make_institution("C-MAT", parent=university, kind=Institution.Kind.RESEARCH_CENTRE)
    partner = make_institution("Almaty Management University", country_code="KZ", city="Almaty")
    rector = make_person("Rector Example", honorific="Prof.")
    make_position(rector, "Rector", institution=university, start_date=datetime.date(2020, 10, 1))
    area = make_area("Higher education")
    partnership = make_partnership(
        "Double-degree MBA",
        institutions=[university, partner],
        areas=[area],
        embassy=embassy,
        kind=Partnership.Kind.DOUBLE_DEGREE,
        start_date=datetime.date(2024, 9, 1),
    )
    figure = make_figure(partnership, label="master's students", value=8)
    make_figure(institution=unit, label="researchers", value=5)
    published = make_press_release(
        "Ambassador visits the University of Antwerp",
        topics=[topic],
        embassies=[embassy],
        institutions=[university, unit, partner],
        partnerships=[partnership],
        people=[ambassador, rector],
        countries=[country("BE"), country("KZ")],
        figures=[figure],
    )
    withdrawn = make_press_release("A withdrawn statement", status=PressRelease.Status.WITHDRAWN)
    draft = make_press_release("A draft", status=PressRelease.Status.DRAFT)
    return {
        "topic": topic,
        "embassy": embassy,
        "people": [ambassador, rector],
        "institutions": [university, unit, partner],
        "partnership": partnership,
        "press_releases": [published, withdrawn, draft],
    }


def ensure_countries():
    """Load the ISO country list (as migration partners 0002 does) where a flush removed it."""
    import importlib

    from django.apps import apps as django_apps

    importlib.import_module("partners.migrations.0002_load_countries").load_countries(
        django_apps, None
    )
