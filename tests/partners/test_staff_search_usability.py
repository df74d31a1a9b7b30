"""Staff search as a new user tries it: people and missions, names in filters, nothing found."""

import pytest
from django.urls import reverse

from partners.models import Institution
from partners.search import refresh_search_text
from tests.factories import (
    make_embassy,
    make_institution,
    make_partnership,
    make_person,
    make_position,
)

pytestmark = pytest.mark.django_db
SEARCH = "/staff/partners/"


@pytest.fixture
def vassilenko(antwerp_world):
    embassy = make_embassy("Embassy of Kazakhstan in Belgium", slug="embassy-be", city="Brussels")
    person = make_person("Roman Vassilenko", slug="roman-vassilenko")
    make_position(person, "Ambassador", embassy=embassy)
    make_partnership(
        "Academic mobility",
        slug="academic-mobility",
        institutions=[antwerp_world["uantwerp"], antwerp_world["amu"]],
        embassy=embassy,
    )
    return {"embassy": embassy, "person": person, **antwerp_world}


def names(response):
    return [result.institution.name for result in response.context["results"]]


def test_a_person_at_a_mission_finds_him_his_mission_and_its_partners(staff_client, vassilenko):
    response = staff_client.get(SEARCH, {"q": "Vassilenko"})

    assert [person.name for person in response.context["people"]] == ["Roman Vassilenko"]
    assert [m.name for m in response.context["missions"]] == ["Embassy of Kazakhstan in Belgium"]
    assert set(names(response)) == {"University of Antwerp", "Almaty Management University"}
    html = response.content.decode()
    assert "Ambassador" in html
    assert reverse("partners:embassy-detail", args=["embassy-be"]) in html
    assert reverse("partners:person-detail", args=["roman-vassilenko"]) in html


def test_a_new_post_at_the_mission_is_found_through_its_partners(staff_client, vassilenko):
    counsellor = make_person("Aigerim Counsellor", slug="aigerim")
    make_position(counsellor, "Counsellor", embassy=vassilenko["embassy"])
    assert "University of Antwerp" in names(staff_client.get(SEARCH, {"q": "aigerim"}))


def test_a_mission_is_found_by_its_name(staff_client, vassilenko):
    response = staff_client.get(SEARCH, {"q": "embassy belgium"})
    assert [m.slug for m in response.context["missions"]] == ["embassy-be"]


def test_nothing_found_says_so_and_what_to_try(staff_client, vassilenko):
    response = staff_client.get(SEARCH, {"q": "Liege", "country": "KZ"})

    assert names(response) == []
    html = response.content.decode()
    assert "No institution matches “Liege”." in html
    assert "Université de Liège" in response.context["suggestions"]
    # Each filter in use can be dropped with one click.
    [country] = response.context["active_filters"]
    assert country["url"] == "?q=Liege"
    assert "search again without it" in html


def test_nothing_found_without_a_query_is_not_a_blank_page(staff_client, antwerp_world):
    response = staff_client.get(SEARCH, {"kind": "company"})
    assert "No institution matches these filters." in response.content.decode()


@pytest.mark.parametrize("typed", ["University of Antwerp", "university of antwerp", "UAntwerp"])
def test_part_of_is_chosen_by_name(staff_client, antwerp_world, typed):
    make_institution(
        "C-MAT", slug="c-mat", kind="research_centre", parent=antwerp_world["uantwerp"]
    )
    assert names(staff_client.get(SEARCH, {"parent": typed})) == ["C-MAT"]


def test_part_of_offers_the_institutions_that_have_units(staff_client, antwerp_world):
    make_institution(
        "C-MAT", slug="c-mat", kind="research_centre", parent=antwerp_world["uantwerp"]
    )
    html = staff_client.get(SEARCH).content.decode()
    assert 'list="id_parent-options"' in html
    assert '<option value="University of Antwerp">UAntwerp</option>' in html
    assert '<option value="Almaty Management University"' not in html


def test_an_unknown_part_of_gets_a_message(staff_client, antwerp_world):
    response = staff_client.get(SEARCH, {"parent": "Sorbonne"})
    assert response.status_code == 200
    assert "No institution is called “Sorbonne”" in response.content.decode()


@pytest.mark.parametrize("typed", ["Belgium", "belgium", "BE", "be"])
def test_country_is_typed_by_name_or_code(staff_client, antwerp_world, typed):
    assert set(names(staff_client.get(SEARCH, {"country": typed}))) == {
        "University of Antwerp",
        "Antwerp Management School",
        "Université de Liège",
    }


def test_country_box_offers_the_countries_without_script(staff_client, antwerp_world):
    html = staff_client.get(SEARCH).content.decode()
    assert 'list="id_country-options"' in html
    assert '<option value="Belgium">BE</option>' in html
    assert "<script>" not in html and "onclick" not in html


def test_an_unknown_country_gets_a_message(staff_client, antwerp_world):
    response = staff_client.get(SEARCH, {"country": "Atlantis"})
    assert "No country is called “Atlantis”" in response.content.decode()


def test_the_page_names_the_user_and_logs_out_with_a_post(staff_client):
    html = staff_client.get(SEARCH).content.decode()
    assert "Signed in as <strong>staff</strong>" in html
    assert f'<form method="post" action="{reverse("admin:logout")}"' in html


def test_log_out_from_the_search_page_works(staff_client):
    response = staff_client.post(reverse("admin:logout"))
    assert response.status_code == 200
    assert staff_client.get(SEARCH).status_code == 302


def test_search_text_rebuild_keeps_mission_people(staff_client, vassilenko):
    Institution.objects.update(search_text="")
    refresh_search_text(Institution.objects.values_list("pk", flat=True))
    assert "University of Antwerp" in names(staff_client.get(SEARCH, {"q": "vassilenko"}))
