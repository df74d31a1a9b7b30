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
