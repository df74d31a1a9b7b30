"""The institution and partnership menus of /news/ stay short with a big directory.

Found by `make loadtest` on the generate_bench_data volume: with every mentioned
institution as an <option>, /news/ was a 0.9 MB page taking about 3 s.
"""

import re

import pytest
from django.urls import reverse

from news import filters
from news.models import PressRelease
from tests.factories import make_institution, make_partnership, make_press_release

pytestmark = pytest.mark.django_db


def options(response, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', response.text, re.S)
    assert select, f"no {name} menu"
    return re.findall(r'<option value="([^"]*)"( selected)?>', select.group(1))


def mention(subject, times, field):
    for _ in range(times):
        make_press_release(**{field: [subject]})


@pytest.fixture
def three_institutions(monkeypatch):
    monkeypatch.setattr(filters, "MENU_LIMIT", 2)
    busy = make_institution("Busy University")
    middle = make_institution("Middle University")
    quiet = make_institution("Quiet University")
    mention(busy, 3, "institutions")
    mention(middle, 2, "institutions")
    mention(quiet, 1, "institutions")
    make_press_release(institutions=[quiet], status=PressRelease.Status.DRAFT)
    return busy, middle, quiet


def test_menu_offers_only_the_most_mentioned(client, three_institutions):
    busy, middle, quiet = three_institutions
    response = client.get(reverse("news:list"))
    assert options(response, "institution") == [
        ("", " selected"),
        (busy.slug, ""),
        (middle.slug, ""),
    ]


def test_a_subject_outside_the_menu_still_filters_and_is_shown_chosen(client, three_institutions):
    busy, middle, quiet = three_institutions
    response = client.get(reverse("news:list"), {"institution": quiet.slug})
    assert response.status_code == 200
    assert [pr.institutions.get() for pr in response.context["object_list"]] == [quiet]
    assert (quiet.slug, " selected") in options(response, "institution")
    assert len(options(response, "institution")) == 4


def test_partnership_menu_is_short_too(client, monkeypatch):
    monkeypatch.setattr(filters, "MENU_LIMIT", 1)
    first = make_partnership("Often mentioned partnership")
    second = make_partnership("Rarely mentioned partnership")
    mention(first, 2, "partnerships")
    mention(second, 1, "partnerships")
    response = client.get(reverse("news:list"))
    assert [slug for slug, _ in options(response, "partnership")] == ["", first.slug]
