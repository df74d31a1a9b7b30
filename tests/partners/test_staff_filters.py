"""Each filter and sort of the staff search, and strictness with bad values."""

import datetime

import pytest

from partners.models import Institution, Partnership
from tests.factories import (
    make_area,
    make_embassy,
    make_institution,
    make_partnership,
    make_press_release,
)

pytestmark = pytest.mark.django_db

SEARCH = "/staff/partners/"


@pytest.fixture
def world(antwerp_world):
    """Antwerp world plus areas, an embassy, a unit and news at known dates."""
    uantwerp, ams, amu, liege = (antwerp_world[k] for k in ("uantwerp", "ams", "amu", "liege"))
    cmat = make_institution("C-MAT", slug="c-mat", kind="research_centre", parent=uantwerp)
    education = make_area("Higher education", slug="higher-education")
    logistics = make_area("Transport and logistics", slug="transport-and-logistics")
    embassy = make_embassy("Embassy in Belgium", slug="embassy-in-belgium")
    make_partnership(
        "Academic mobility",
        institutions=[uantwerp, amu],
        kind=Partnership.Kind.ACADEMIC_MOBILITY,
        areas=[education],
        embassy=embassy,
    )
    make_partnership(
        "Port research",
        institutions=[cmat, liege],
        kind=Partnership.Kind.JOINT_RESEARCH,
        status=Partnership.Status.PROPOSED,
        areas=[logistics],
    )
    aware = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)
    make_press_release("Spring news", institutions=[uantwerp], published_at=aware)
    make_press_release(
        "Winter news", institutions=[ams], published_at=aware - datetime.timedelta(days=90)
    )
    return antwerp_world | {"cmat": cmat}


def slugs(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    assert not response.context["filterset"].errors, response.context["filterset"].errors
    return [result.institution.slug for result in response.context["results"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "kz"}, {"almaty-management-university"}),
        ({"country": "KZ"}, {"almaty-management-university"}),
        ({"city": "almaty"}, {"almaty-management-university"}),
        ({"kind": "business_school"}, {"antwerp-management-school"}),
        ({"area": "higher-education"}, {"university-of-antwerp", "almaty-management-university"}),
        ({"area": "transport-and-logistics"}, {"c-mat", "universite-de-liege"}),
        ({"partnership_kind": "joint_research"}, {"c-mat", "universite-de-liege"}),
        ({"status": "proposed"}, {"c-mat", "universite-de-liege"}),
        (
            {"active": "yes"},
            {"university-of-antwerp", "almaty-management-university", "antwerp-management-school"},
        ),
        ({"active": "no"}, {"c-mat", "universite-de-liege"}),
        (
            {"embassy": "embassy-in-belgium"},
            {"university-of-antwerp", "almaty-management-university"},
        ),
        ({"parent": "university-of-antwerp"}, {"c-mat"}),
        ({"news_since": "2026-03-01"}, {"university-of-antwerp"}),
        ({"news_since": "2025-11-01"}, {"university-of-antwerp", "antwerp-management-school"}),
        ({"country": "be", "q": "antwerp", "area": "higher-education"}, {"university-of-antwerp"}),
    ],
)
def test_each_filter_narrows(staff_client, world, params, expected):
    assert set(slugs(staff_client, **params)) == expected


@pytest.mark.parametrize("city", ["LIÈGE", "liege", "Liège", " liège "])
def test_city_filter_ignores_accents_and_case(staff_client, world, city):
    assert slugs(staff_client, city=city) == ["universite-de-liege"]


def test_sort_by_name(staff_client, world):
    names = slugs(staff_client, sort="name")
    assert names == sorted(names, key=lambda slug: Institution.objects.get(slug=slug).name)
    assert names[0] == "almaty-management-university"


def test_sort_by_latest_news(staff_client, world):
    assert slugs(staff_client, sort="news")[:2] == [
        "university-of-antwerp",
        "antwerp-management-school",
    ]


def test_sort_by_active_partnerships(staff_client, world):
    make_partnership("Second", institutions=[world["amu"], world["ams"]])
    assert slugs(staff_client, sort="active")[0] == "almaty-management-university"
    assert slugs(staff_client, sort="active")[-2:] == ["c-mat", "universite-de-liege"]


def test_sort_by_relevance_puts_the_alias_match_first(staff_client, world):
    assert slugs(staff_client, q="AMS", sort="relevance")[0] == "antwerp-management-school"
    # Without a query, relevance means name order.
    assert slugs(staff_client, sort="relevance") == slugs(staff_client, sort="name")


@pytest.mark.parametrize(
    "params",
    [
        {"country": "xx"},
        {"country": "x\x00y"},
        {"kind": "castle"},
        {"area": "no-such-area"},
        {"partnership_kind": "marriage"},
        {"status": "'; DROP TABLE x; --"},
        {"active": "maybe"},
        {"embassy": "nowhere"},
        {"parent": "no-such-institution"},
        {"parent": "a\x00b"},
        {"news_since": "yesterday"},
        {"news_since": "2026-02-31"},
        {"news_since": "0001-01-01"},
        {"news_since": "9999-12-31"},
        {"sort": "price"},
        {"city": "x" * 101},
    ],
)
def test_bad_filter_value_shows_a_message_not_an_error(staff_client, world, params):
    response = staff_client.get(SEARCH, params)
    assert response.status_code == 200
    assert response.context["filterset"].errors
    assert response.context["results"] is None
    assert "could not be used" in response.content.decode()


def test_unknown_parameters_are_ignored(staff_client, world):
    assert len(slugs(staff_client, colour="blue")) == 5


def test_lower_case_country_stays_in_the_box_as_typed(staff_client, world):
    html = staff_client.get(SEARCH, {"country": "kz"}).content.decode()
    assert 'name="country" value="kz"' in html
