"""Every partner page runs the same number of SQL queries for 2 items as for 40."""

import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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
)

pytestmark = pytest.mark.django_db

D = datetime.date
_worlds = itertools.count()

# The queries each page runs (measured; the point is that they do not grow with items).
BUDGET = {
    "embassy-list": 2,
    "embassy-detail": 6,
    "institution-list": 4,
    "institution-list-filtered": 6,
    "institution-detail": 9,
    "partnership-list": 6,
    "partnership-list-filtered": 8,
    "partnership-detail": 6,
    "person-detail": 3,
}

COUNTRY_CODES = ["BE", "KZ", "FR", "DE", "NL", "LU", "IT", "ES", "AT", "PL"]


def tag():
    return f"w{next(_worlds)}"


def embassy_list(n):
    for i in range(n):
        embassy = make_embassy(host_country=COUNTRY_CODES[i % len(COUNTRY_CODES)])
        make_position(make_person(honorific="H.E."), embassy=embassy, start_date=D(2024, 1, 1))
        make_position(embassy=embassy, start_date=D(2018, 1, 1), end_date=D(2023, 12, 31))
    return reverse("partners:embassy-list")


def embassy_detail(n):
    embassy = make_embassy(slug=f"embassy-{tag()}")
    embassy.accredited_countries.set([country(code) for code in COUNTRY_CODES[: min(n, 10)]])
    make_position(embassy=embassy, start_date=D(2024, 1, 1))
    for i in range(n):
        start = D(1980 + i % 40, 1, 1)
        make_position(embassy=embassy, start_date=start, end_date=start + datetime.timedelta(300))
        make_partnership(embassy=embassy)
        make_press_release(embassies=[embassy])
    return embassy.get_absolute_url()


def institution_list(n):
    parent = make_institution()
    for i in range(n):
        make_institution(country_code=COUNTRY_CODES[i % len(COUNTRY_CODES)], parent=parent)
    return reverse("partners:institution-list")


def institution_list_filtered(n):
    area = make_area(slug="filtered-area") if n == 2 else make_area()
    members = [make_institution() for _ in range(n)]
    make_partnership(institutions=members, areas=[area])
    return f"{reverse('partners:institution-list')}?country=be&kind=university&area={area.slug}"


def institution_detail(n):
    institution = make_institution(slug=f"institution-{tag()}")
    for i in range(n):
        make_institution(parent=institution)
        make_partnership(institutions=[institution, make_institution(country_code="KZ")])
        make_position(title="Rector", institution=institution, start_date=D(2000 + i % 20, 1, 1),
                      end_date=D(2020, 1, 1) if i % 2 else None)  # fmt: skip
        figure = make_figure(institution=institution, label=f"label {i % 3}", value=i,
                             as_of=D(2000 + i % 25, 1, 1) + datetime.timedelta(i))  # fmt: skip
        make_press_release(institutions=[institution], figures=[figure])
    return institution.get_absolute_url()


def partnership_list(n):
    area = make_area()
    for i in range(n):
        make_partnership(
            institutions=[make_institution(), make_institution(country_code="KZ")],
            areas=[area, make_area()] if i % 2 else [area],
        )
    return reverse("partners:partnership-list")


def partnership_list_filtered(n):
    area = make_area()
    for _ in range(n):
        make_partnership(institutions=[make_institution(), make_institution()], areas=[area])
    return f"{reverse('partners:partnership-list')}?country=be&status=active&area={area.slug}"


def partnership_detail(n):
    parent = make_institution()
    members = [make_institution(parent=parent) for _ in range(n)]
    partnership = make_partnership(
        slug=f"partnership-{tag()}",
        institutions=members,
        areas=[make_area() for _ in range(n)],
        embassy=make_embassy(),
    )
    for i in range(n):
        figure = make_figure(partnership, label=f"label {i % 4}", value=i * 3,
                             as_of=D(2000 + i % 25, 1, 1) + datetime.timedelta(i))  # fmt: skip
        # Each figure links to the press release that reported it (the figures table).
        make_press_release(partnerships=[partnership], figures=[figure])
    return partnership.get_absolute_url()


def person_detail(n):
    person = make_person(slug=f"person-{tag()}")
    for i in range(n):
        if i % 2:
            make_position(
                person, "Ambassador", embassy=make_embassy(), start_date=D(2000 + i, 1, 1)
            )
        else:
            make_position(person, "Rector", institution=make_institution(),
                          start_date=D(2000 + i, 1, 1), end_date=D(2000 + i, 6, 1))  # fmt: skip
        make_press_release(people=[person])
    return person.get_absolute_url()


PAGES = {
    "embassy-list": embassy_list,
    "embassy-detail": embassy_detail,
    "institution-list": institution_list,
    "institution-list-filtered": institution_list_filtered,
    "institution-detail": institution_detail,
    "partnership-list": partnership_list,
    "partnership-list-filtered": partnership_list_filtered,
    "partnership-detail": partnership_detail,
    "person-detail": person_detail,
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_items(client, name):
    few = count_queries(client, PAGES[name](2))
    many = count_queries(client, PAGES[name](40))
    assert few == many, f"{name}: {few} queries for 2 items, {many} for 40"
    assert many <= BUDGET[name], f"{name}: {many} queries, budget {BUDGET[name]}"


def test_every_page_is_measured():
    assert set(PAGES) == set(BUDGET)
    names = {name.removesuffix("-filtered") for name in PAGES}
    assert len(names) == 7
