"""Drafts, press releases in review, scheduled and withdrawn ones never leave through the API."""

import pytest
from django.urls import reverse

from news.models import PressRelease
from tests.factories import (
    make_embassy,
    make_figure,
    make_institution,
    make_partnership,
    make_press_release,
    make_topic,
    tomorrow,
)

pytestmark = pytest.mark.django_db
Status = PressRelease.Status


@pytest.fixture
def world(db):
    topic = make_topic("Education")
    embassy = make_embassy("Embassy in Belgium")
    institution = make_institution("University of Antwerp")
    partnership = make_partnership("Double-degree MBA")
    figure = make_figure(partnership, label="master's students", value=8)
    links = {
        "topics": [topic],
        "embassies": [embassy],
        "institutions": [institution],
        "partnerships": [partnership],
        "figures": [figure],
    }
    hidden = {
        "draft": make_press_release("Secret draft", status=Status.DRAFT, **links),
        "review": make_press_release("Secret review", status=Status.REVIEW, **links),
        "scheduled": make_press_release("Secret scheduled", published_at=tomorrow(), **links),
        "withdrawn": make_press_release("Secret withdrawn", status=Status.WITHDRAWN, **links),
    }
    published = make_press_release("Public news", **links)
    return {
        "hidden": hidden,
        "published": published,
        "topic": topic,
        "embassy": embassy,
        "institution": institution,
        "partnership": partnership,
    }


def test_the_list_shows_only_the_published_press_release(api, world):
    response = api.get(reverse("api:press-release-list"))
    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["results"]] == [world["published"].slug]


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "withdrawn"])
def test_a_hidden_press_release_has_no_detail(api, world, state):
    slug = world["hidden"][state].slug
    assert api.get(reverse("api:press-release-detail", args=[slug])).status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Secret"},
        {"topic": "education"},
        {"embassy": "embassy-in-belgium"},
        {"institution": "university-of-antwerp"},
        {"partnership": "double-degree-mba"},
        {"year": "2026"},
        {"page_size": "100"},
    ],
)
def test_no_filter_finds_a_hidden_press_release(api, world, params):
    response = api.get(reverse("api:press-release-list"), params)
    assert response.status_code == 200
    assert "Secret" not in response.content.decode()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("api:institution-detail", "institution"),
        ("api:partnership-detail", "partnership"),
        ("api:mission-detail", "embassy"),
    ],
)
def test_directory_entries_name_no_hidden_press_release(api, world, name, key):
    response = api.get(reverse(name, args=[world[key].slug]))
    assert response.status_code == 200
    assert "Secret" not in response.content.decode()


def test_figures_name_only_the_published_press_release_as_source(api, world):
    response = api.get(reverse("api:partnership-detail", args=[world["partnership"].slug]))
    [figure] = response.json()["figures"]
    assert [source["slug"] for source in figure["sources"]] == [world["published"].slug]


def test_every_list_endpoint_is_free_of_hidden_press_releases(api, world):
    for name in ["press-release", "mission", "institution", "person", "partnership", "topic"]:
        response = api.get(reverse(f"api:{name}-list"), {"page_size": 100})
        assert response.status_code == 200, name
        assert "Secret" not in response.content.decode(), name
