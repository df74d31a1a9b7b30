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


# --- Editorial workflow (users in the groups made by news/migrations/0003) -------------


def ensure_editorial_groups():
    """The groups of the data migration; recreated if a transactional test flushed them."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("news.migrations.0003_editorial_groups")
    migration.create_groups(apps, None)


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
