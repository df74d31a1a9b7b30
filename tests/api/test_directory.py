"""The partner directory through the API: missions, institutions, people, partnerships."""

import datetime

import pytest
from django.urls import reverse

from partners.models import Position
from tests.factories import (
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


def test_a_mission_lists_its_heads_of_mission_over_time_latest_first(api):
    embassy = make_embassy("Embassy in Belgium")
    make_position(
        make_person("First Ambassador"),
        embassy=embassy,
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    make_position(
        make_person("Roman Vassilenko"), embassy=embassy, start_date=datetime.date(2023, 7, 1)
    )
    make_position(make_person("A Counsellor"), "Counsellor", embassy=embassy)

    data = api.get(reverse("api:mission-detail", args=[embassy.slug])).json()

    heads = [(h["person"]["name"], h["current"]) for h in data["heads_of_mission"]]
    assert heads == [("Roman Vassilenko", True), ("First Ambassador", False)]
    assert data["host_country"] == {"code": "BE", "name": "Belgium"}


def test_a_person_lists_posts_at_missions_and_institutions(api):
    person = make_person("Herwig Leirs")
    university = make_institution("University of Antwerp")
    make_position(person, "Rector", institution=university, start_date=datetime.date(2020, 10, 1))
    data = api.get(reverse("api:person-detail", args=[person.slug])).json()
    [post] = data["posts"]
    assert post["title"] == "Rector"
    assert post["institution"]["slug"] == university.slug
    assert post["mission"] is None
    assert post["current"] is True


def test_a_partnership_has_members_areas_and_figures_over_time(api):
    first, second = make_institution("University of Antwerp"), make_institution("AMU", "KZ")
    area = make_area("Higher education")
    partnership = make_partnership("Double-degree MBA", institutions=[first, second], areas=[area])
    make_figure(partnership, label="master's students", value=5, as_of=datetime.date(2025, 1, 1))
    make_figure(partnership, label="master's students", value=8, as_of=datetime.date(2026, 1, 1))

    data = api.get(reverse("api:partnership-detail", args=[partnership.slug])).json()

    assert {m["slug"] for m in data["members"]} == {first.slug, second.slug}
    assert data["areas"] == [{"slug": area.slug, "name": "Higher education"}]
    assert [(f["value"], f["as_of"]) for f in data["figures"]] == [
        (5, "2025-01-01"),
        (8, "2026-01-01"),
    ]


def test_institutions_filter_by_country_code_in_any_case(api):
    belgian = make_institution("University of Antwerp")
    make_institution("AMU", "KZ")
    data = api.get(reverse("api:institution-list"), {"country": "be"}).json()
    assert [item["slug"] for item in data["results"]] == [belgian.slug]
    assert api.get(reverse("api:institution-list"), {"country": "zz"}).status_code == 400


def test_a_country_is_found_by_its_code_in_any_case(api):
    assert api.get(reverse("api:country-detail", args=["be"])).json()["name"] == "Belgium"
    assert api.get(reverse("api:country-detail", args=["ZZ"])).status_code == 404


def test_an_unknown_slug_is_a_404(api):
    assert api.get(reverse("api:institution-detail", args=["nowhere"])).status_code == 404


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_heads_of_mission_count_in_every_language_of_the_answer(api, language):
    embassy = make_embassy("Embassy in Belgium")
    make_position(make_person("Written in English"), embassy=embassy)  # title_en "Ambassador"
    russian = make_position(make_person("Written in Russian"), "", embassy=embassy)
    Position.objects.filter(pk=russian.pk).update(title_en=None, title_ru="Посол")
    data = api.get(reverse("api:mission-detail", args=[embassy.slug]), {"language": language})
    names = {head["person"]["name"] for head in data.json()["heads_of_mission"]}
    assert names == {"Written in English", "Written in Russian"}


def test_figure_sources_follow_the_language_of_each_answer(api):
    """Querysets are built per request: a source is listed in the languages it is written in."""
    partnership = make_partnership("Double-degree MBA")
    figure = make_figure(partnership, label="master's students", value=8)
    english = make_press_release("Eight master's students", figures=[figure])
    url = reverse("api:partnership-detail", args=[partnership.slug])
    for language, expected in [("ru", []), ("en", [english.slug]), ("ru", [])]:
        [reported] = api.get(url, {"language": language}).json()["figures"]
        assert [source["slug"] for source in reported["sources"]] == expected, language
