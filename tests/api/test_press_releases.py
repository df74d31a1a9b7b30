"""Press releases through the API: what they link to, the public list's filters, pages."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    country,
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


def test_a_press_release_carries_what_it_links_to_with_the_ambassador_of_the_day(api):
    embassy = make_embassy("Embassy in Belgium")
    before = make_person("Former Ambassador")
    now = make_person("Roman Vassilenko")
    make_position(
        before,
        embassy=embassy,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2023, 6, 30),
    )
    make_position(now, embassy=embassy, start_date=datetime.date(2023, 7, 1))
    institution = make_institution("University of Antwerp")
    partnership = make_partnership("Double-degree MBA")
    figure = make_figure(partnership, label="master's students", value=8)
    topic = make_topic("Higher education")
    press_release = make_press_release(
        "Ambassador meets rector",
        published_at=timezone.make_aware(datetime.datetime(2022, 3, 1, 10)),
        embassies=[embassy],
        institutions=[institution],
        partnerships=[partnership],
        people=[before],
        countries=[country("BE")],
        topics=[topic],
        figures=[figure],
    )

    data = api.get(reverse("api:press-release-detail", args=[press_release.slug])).json()

    assert data["title"] == "Ambassador meets rector"
    [mission] = data["missions"]
    assert mission["mission"]["slug"] == embassy.slug
    assert mission["head_of_mission"]["name"] == "Former Ambassador"
    assert data["people"] == [
        {
            "person": {
                "slug": before.slug,
                "name": "Former Ambassador",
                "honorific": "",
                "url": f"http://testserver{before.get_absolute_url()}",
            },
            "post": "Ambassador",
        }
    ]
    assert [item["slug"] for item in data["institutions"]] == [institution.slug]
    assert [item["slug"] for item in data["partnerships"]] == [partnership.slug]
    assert data["countries"] == [{"code": "BE", "name": "Belgium"}]
    assert data["topics"] == [{"slug": topic.slug, "name": "Higher education"}]
    assert data["figures"] == [
        {
            "label": "master's students",
            "value": 8,
            "as_of": "2026-01-15",
            "partnership": partnership.slug,
            "institution": None,
        }
    ]
    assert data["url"] == f"http://testserver{press_release.get_absolute_url()}"


def test_filters_are_the_public_lists(api):
    topic = make_topic("Transport")
    other = make_topic("Culture")
    about_transport = make_press_release(
        "Ports and logistics", topics=[topic], countries=[country("BE")]
    )
    make_press_release("A concert", topics=[other])
    old = make_press_release(
        "Old news", published_at=timezone.make_aware(datetime.datetime(2024, 5, 1, 10))
    )

    def slugs(**params):
        response = api.get(reverse("api:press-release-list"), params)
        assert response.status_code == 200, response.content
        return [item["slug"] for item in response.json()["results"]]

    assert slugs(topic="transport") == [about_transport.slug]
    assert slugs(year="2024") == [old.slug]
    assert slugs(q="logistics") == [about_transport.slug]
    assert slugs(country="be") == [about_transport.slug]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"topic": "no-such-topic"}, "topic"),
        ({"year": "twenty"}, "year"),
        ({"year": "99999999999"}, "year"),
        ({"language": "fr"}, "language"),
        ({"institution": "x" * 10_000}, "institution"),
    ],
)
def test_bad_filters_get_a_400_that_names_the_field(api, params, field):
    make_press_release()
    response = api.get(reverse("api:press-release-list"), params)
    assert response.status_code == 400
    assert field in response.json()


def test_a_long_query_is_cut_not_refused(api):
    make_press_release("Ports")
    response = api.get(reverse("api:press-release-list"), {"q": "Ports " + "x" * 10_000})
    assert response.status_code == 200


def test_cursor_pages_walk_the_list_newest_first_without_repeats(api):
    made = [make_press_release(f"News {n}") for n in range(5)]
    seen = []
    url = reverse("api:press-release-list") + "?page_size=2"
    while url:
        data = api.get(url).json()
        seen += [item["slug"] for item in data["results"]]
        url = data["next"]
    expected = [p.slug for p in sorted(made, key=lambda p: (p.published_at, p.pk), reverse=True)]
    assert seen == expected


def test_a_bad_cursor_is_a_404_not_a_500(api):
    response = api.get(reverse("api:press-release-list"), {"cursor": "garbage"})
    assert response.status_code == 404


def test_language_parameter_sets_the_language_of_the_answer(api):
    make_press_release()
    response = api.get(reverse("api:press-release-list"), {"language": "ru"})
    assert response.status_code == 200
    assert response["Content-Language"] == "ru"


def test_a_press_release_is_listed_only_in_the_languages_it_is_written_in(api):
    both = make_press_release(
        "Ambassador meets rector",
        title_ru="Посол встретился с ректором",
        lead_ru="Посол Казахстана встретился с ректором.",
        body_ru="<p>Текст.</p>",
    )
    english_only = make_press_release("Only in English")

    def slugs(**extra):
        response = api.get(reverse("api:press-release-list"), **extra)
        assert response.status_code == 200
        return [item["slug"] for item in response.json()["results"]]

    assert set(slugs()) == {both.slug, english_only.slug}
    assert slugs(data={"language": "ru"}) == [both.slug]
    assert slugs(HTTP_ACCEPT_LANGUAGE="ru") == [both.slug]
    assert slugs(data={"language": "kk"}) == []

    russian = api.get(reverse("api:press-release-detail", args=[both.slug]), {"language": "ru"})
    data = russian.json()
    assert data["title"] == "Посол встретился с ректором"
    assert data["language"] == "ru"
    assert set(data["languages"]) == {"en", "ru"}
    missing = api.get(
        reverse("api:press-release-detail", args=[english_only.slug]), {"language": "ru"}
    )
    assert missing.status_code == 404
