"""Filters of the institution and partnership lists, pagination, and bad input."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from partners.models import Institution
from tests.factories import make_area, make_institution, make_partnership

pytestmark = pytest.mark.django_db

with translation.override("en"):  # the language tests write content in
    INSTITUTIONS = reverse("partners:institution-list")
with translation.override("en"):  # the language tests write content in
    PARTNERSHIPS = reverse("partners:partnership-list")


def listed(response):
    """Names linked from the results of a list page."""
    assert response.status_code == 200
    page = response.content.decode()
    results = page.split('class="filter-layout__results"', 1)[1]
    return set(
        re.findall(r'<a href="/en/(?:institutions|partnerships)/[^"]+/">([^<]+)</a>', results)
    )


@pytest.fixture
def world():
    antwerp = make_institution("University of Antwerp", kind="university")
    ams = make_institution("Antwerp Management School", kind="business_school")
    almau = make_institution("AlmaU", country_code="KZ", kind="university")
    lab = make_institution("Paris Lab", country_code="FR", kind="research_centre")
    higher = make_area("Higher education", slug="higher-education")
    science = make_area("Science", slug="science")
    make_partnership("MBA", institutions=[almau, ams], areas=[higher], kind="double_degree")
    make_partnership(
        "Mobility", institutions=[antwerp, almau], areas=[higher, science], status="proposed"
    )
    make_partnership(
        "Lab work", institutions=[lab, antwerp], areas=[science], kind="joint_research",
        status="completed",
    )  # fmt: skip
    return locals()


# Institutions


def test_institution_list_without_filters_lists_all(client, world):
    assert listed(client.get(INSTITUTIONS)) == {
        "University of Antwerp", "Antwerp Management School", "AlmaU", "Paris Lab"
    }  # fmt: skip


@pytest.mark.parametrize("code", ["be", "BE", "Be"])
def test_institution_country_filter_takes_the_iso_code_in_any_case(client, world, code):
    response = client.get(INSTITUTIONS, {"country": code})
    assert listed(response) == {"University of Antwerp", "Antwerp Management School"}
    assert '<option value="be" selected>Belgium</option>' in response.content.decode()


def test_institution_kind_filter(client, world):
    assert listed(client.get(INSTITUTIONS, {"kind": "university"})) == {
        "University of Antwerp", "AlmaU"
    }  # fmt: skip


def test_institution_area_filter_uses_the_areas_of_its_partnerships(client, world):
    assert listed(client.get(INSTITUTIONS, {"area": "science"})) == {
        "University of Antwerp", "AlmaU", "Paris Lab"
    }  # fmt: skip


def test_institution_area_filter_lists_each_institution_once(client, world):
    response = client.get(INSTITUTIONS, {"area": "higher-education"})
    assert listed(response) == {"University of Antwerp", "Antwerp Management School", "AlmaU"}
    assert "3 institutions" in response.content.decode()


def test_institution_filters_combine(client, world):
    response = client.get(INSTITUTIONS, {"country": "be", "kind": "university", "area": "science"})
    assert listed(response) == {"University of Antwerp"}


def test_country_select_offers_only_countries_with_institutions(client, world):
    page = client.get(INSTITUTIONS).content.decode()
    options = re.findall(r'<option value="([a-z]{2})"', page)
    assert sorted(options) == ["be", "fr", "kz"]


def test_existing_country_without_institutions_is_an_empty_list_not_an_error(client, world):
    response = client.get(INSTITUTIONS, {"country": "de"})
    assert listed(response) == set()
    page = response.content.decode()
    assert "There is a problem" not in page
    assert "No institution matches these filters." in page


@pytest.mark.parametrize(
    "params",
    [{"country": "zz"}, {"kind": "nope"}, {"area": "missing"}, {"country": "zz", "kind": "nope"}],
)
def test_unknown_institution_filter_values_show_the_form_errors(client, world, params):
    response = client.get(INSTITUTIONS, params)
    assert listed(response) == set()
    page = response.content.decode()
    assert "There is a problem with the filters" in page
    assert page.count('class="field__error"') == len(params)
    assert "<title>Error:" in page


@pytest.mark.parametrize("name", ["country", "kind", "area"])
@pytest.mark.parametrize("value", ["x" * 10_000, "be\x00", "\x00", "../../etc/passwd", "' OR 1=1"])
def test_hostile_filter_values_are_form_errors(client, world, name, value):
    response = client.get(INSTITUTIONS, {name: value})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem with the filters" in page
    assert "x" * 200 not in page  # the message does not echo the value


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "x" * 10_000, "\x00"])
def test_bad_page_numbers_are_404(client, world, page):
    assert client.get(INSTITUTIONS, {"page": page}).status_code == 404
    assert client.get(PARTNERSHIPS, {"page": page}).status_code == 404


def test_unknown_parameters_are_ignored(client, world):
    assert len(listed(client.get(INSTITUTIONS, {"q": "x" * 10_000, "sort": "\x00"}))) == 4


def test_institution_list_is_paginated_and_keeps_filters_across_pages(client):
    for number in range(45):
        make_institution(f"Institution {number:02d}", country_code="KZ")
    make_institution("Belgian one")

    first = client.get(INSTITUTIONS, {"country": "kz"})
    assert len(listed(first)) == 20
    page = first.content.decode()
    assert "45 institutions" in page
    assert 'href="?country=kz&amp;page=2" rel="next"' in page
    third = client.get(INSTITUTIONS, {"country": "kz", "page": "3"})
    assert len(listed(third)) == 5
    assert "Page 3 of 3" in third.content.decode()
    assert "Belgian one" not in listed(third)


def test_clear_filters_link_only_when_filtered(client, world):
    assert "Clear filters" not in client.get(INSTITUTIONS).content.decode()
    assert "Clear filters" in client.get(INSTITUTIONS, {"kind": "university"}).content.decode()
    assert "Clear filters" not in client.get(INSTITUTIONS, {"page": "1"}).content.decode()


def test_every_filter_control_has_a_label(client, world):
    for url in (INSTITUTIONS, PARTNERSHIPS):
        page = client.get(url).content.decode()
        for control_id in re.findall(r'<select name="\w+"[^>]* id="(\w+)"', page):
            assert f'<label for="{control_id}">' in page


# Partnerships


def test_partnership_kind_filter(client, world):
    assert listed(client.get(PARTNERSHIPS, {"kind": "double_degree"})) == {"MBA"}


def test_partnership_status_filter(client, world):
    assert listed(client.get(PARTNERSHIPS, {"status": "proposed"})) == {"Mobility"}


def test_partnership_area_filter(client, world):
    assert listed(client.get(PARTNERSHIPS, {"area": "science"})) == {"Mobility", "Lab work"}


@pytest.mark.parametrize(("code", "expected"), [("fr", {"Lab work"}), ("KZ", {"MBA", "Mobility"})])
def test_partnership_country_filter_is_the_country_of_a_member(client, world, code, expected):
    assert listed(client.get(PARTNERSHIPS, {"country": code})) == expected


def test_partnership_country_filter_lists_each_partnership_once(client, world):
    response = client.get(PARTNERSHIPS, {"country": "be"})
    assert listed(response) == {"MBA", "Mobility", "Lab work"}
    assert "3 partnerships" in response.content.decode()


def test_partnership_list_shows_kind_status_members_and_areas(client, world):
    page = client.get(PARTNERSHIPS, {"kind": "joint_research"}).content.decode()
    assert "Joint research" in page and "Status: Completed" in page
    assert "Paris Lab (France)" in page and "University of Antwerp (Belgium)" in page
    assert "Areas: Science" in page


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nope"},
        {"status": "x" * 10_000},
        {"area": "missing"},
        {"country": "zz"},
        {"country": "\x00"},
    ],
)
def test_unknown_partnership_filter_values_show_the_form_errors(client, world, params):
    response = client.get(PARTNERSHIPS, params)
    assert listed(response) == set()
    assert "There is a problem with the filters" in response.content.decode()


def test_institution_kinds_offered_are_the_model_choices(client):
    page = client.get(INSTITUTIONS).content.decode()
    for value, _label in Institution.Kind.choices:
        assert f'<option value="{value}"' in page
