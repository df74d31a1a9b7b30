"""Every API list runs the same number of SQL queries for 2 items as for 30."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    country,
    make_area,
    make_embassy,
    make_figure,
    make_institution,
    make_partnership,
    make_person,
    make_position,
    make_press_release,
    make_topic,
)

pytestmark = pytest.mark.django_db

# Written down so that a change adding a query is noticed.
MAX_QUERIES = {
    "press-release": 19,
    "mission": 3,
    "institution": 6,
    "person": 2,
    "partnership": 6,
    "area": 1,
    "country": 1,
    "topic": 1,
}


def build(count):
    """`count` of everything, each linked to several others."""
    for number in range(count):
        embassy = make_embassy(f"Embassy {number}")
        embassy.accredited_countries.set([country("LU"), country("NL")])
        ambassador = make_person(f"Ambassador {number}")
        make_position(ambassador, embassy=embassy, start_date=datetime.date(2020, 1, 1))
        first = make_institution(f"University {number}")
        second = make_institution(f"School {number}", parent=first, country_code="KZ")
        rector = make_person(f"Rector {number}")
        make_position(rector, "Rector", institution=first, start_date=datetime.date(2021, 1, 1))
        partnership = make_partnership(
            f"Partnership {number}",
            institutions=[first, second],
            areas=[make_area(f"Area {number}")],
            embassy=embassy,
        )
        figures = [
            make_figure(partnership, label="students", value=number),
            make_figure(institution=first, label="researchers", value=number),
        ]
        make_press_release(
            f"News {number}",
            topics=[make_topic(f"Topic {number}")],
            embassies=[embassy],
            institutions=[first, second],
            partnerships=[partnership],
            people=[ambassador, rector],
            countries=[country("BE"), country("KZ")],
            figures=figures,
        )


@pytest.mark.parametrize("count", [2, 30])
def test_every_list_costs_the_same_for_2_and_30_items(api, django_assert_max_num_queries, count):
    build(count)
    for name, most in MAX_QUERIES.items():
        with django_assert_max_num_queries(most, info=name):
            response = api.get(reverse(f"api:{name}-list"), {"page_size": 30})
        assert response.status_code == 200
        assert len(response.json()["results"]) >= min(count, 2)


@pytest.mark.parametrize("count", [2, 30])
def test_a_filtered_list_costs_the_same(api, django_assert_max_num_queries, count):
    build(count)
    with django_assert_max_num_queries(MAX_QUERIES["press-release"] + 3):
        response = api.get(
            reverse("api:press-release-list"),
            {"topic": "topic-0", "country": "be", "year": "2026", "page_size": 30},
        )
    assert response.status_code == 200
