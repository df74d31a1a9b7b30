"""The public news list: filters by slug, archive, pagination and bad input."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from news.models import PressRelease
from tests.factories import (
    country,
    make_embassy,
    make_institution,
    make_partnership,
    make_press_release,
    make_topic,
    tomorrow,
)

pytestmark = pytest.mark.django_db

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")


def titles(response):
    return [item.title for item in response.context["object_list"]]


def test_lists_published_newest_first(client):
    make_press_release("Older", published_at=datetime.datetime(2025, 3, 1, 12, tzinfo=ALMATY))
    make_press_release("Newer", published_at=datetime.datetime(2026, 3, 1, 12, tzinfo=ALMATY))
    response = client.get(reverse("news:list"))
    assert response.status_code == 200
    assert titles(response) == ["Newer", "Older"]
    assert "2 press releases found" in response.text


def test_draft_review_scheduled_and_withdrawn_are_not_listed(client):
    make_press_release("Visible")
    make_press_release("Draft one", status=PressRelease.Status.DRAFT)
    make_press_release("In review", status=PressRelease.Status.REVIEW)
    make_press_release("Scheduled", published_at=tomorrow())
    make_press_release("Withdrawn one", status=PressRelease.Status.WITHDRAWN)
    response = client.get(reverse("news:list"))
    assert titles(response) == ["Visible"]
    for hidden in ("Draft one", "In review", "Scheduled", "Withdrawn one"):
        assert hidden not in response.text


def test_twenty_a_page_and_filters_kept_across_pages(client):
    topic = make_topic("Education")
    for number in range(25):
        make_press_release(f"Education news {number}", topics=[topic])
    make_press_release("Other news")
    response = client.get(reverse("news:list"), {"topic": "education"})
    assert len(response.context["object_list"]) == 20
    assert "25 press releases found" in response.text
    assert 'href="?topic=education&amp;page=2"' in response.text
    second = client.get(reverse("news:list"), {"topic": "education", "page": 2})
    assert len(second.context["object_list"]) == 5
    assert "Other news" not in second.text


@pytest.mark.parametrize(
    ("name", "slug_value"),
    [
        ("topic", "education"),
        ("embassy", "embassy-in-belgium"),
        ("institution", "university-of-antwerp"),
        ("partnership", "double-degree-mba"),
    ],
)
def test_filters_by_readable_slug(client, name, slug_value):
    subjects = {
        "topic": lambda: make_topic("Education"),
        "embassy": lambda: make_embassy("Embassy in Belgium"),
        "institution": lambda: make_institution("University of Antwerp"),
        "partnership": lambda: make_partnership("Double-degree MBA"),
    }
    subject = subjects[name]()
    relation = {"topic": "topics", "embassy": "embassies"}.get(name, f"{name}s")
    make_press_release("About it", **{relation: [subject]})
    make_press_release("Not about it")
    response = client.get(reverse("news:list"), {name: slug_value})
    assert response.status_code == 200
    assert titles(response) == ["About it"]
    assert "Clear filters" in response.text


def test_country_filter_takes_iso_code_in_any_case(client):
    make_press_release("About Belgium", countries=[country("BE")])
    make_press_release("About Kazakhstan", countries=[country("KZ")])
    for code in ("be", "BE", "Be"):
        response = client.get(reverse("news:list"), {"country": code})
        assert titles(response) == ["About Belgium"]


def test_year_and_month_filters(client):
    make_press_release("March 2025", published_at=datetime.datetime(2025, 3, 5, 12, tzinfo=ALMATY))
    make_press_release("May 2025", published_at=datetime.datetime(2025, 5, 5, 12, tzinfo=ALMATY))
    make_press_release("March 2026", published_at=datetime.datetime(2026, 3, 5, 12, tzinfo=ALMATY))
    assert titles(client.get(reverse("news:list"), {"year": "2025"})) == ["May 2025", "March 2025"]
    response = client.get(reverse("news:list"), {"year": "2025", "month": "3"})
    assert titles(response) == ["March 2025"]
    assert '1 press release found <span class="result-count__period">in March 2025</span>' in (
        response.text
    )


def test_year_follows_the_site_time_zone(client):
    # 1 January 2026, 01:00 in Almaty is still 2025 in UTC.
    make_press_release("New year", published_at=datetime.datetime(2026, 1, 1, 1, tzinfo=ALMATY))
    assert titles(client.get(reverse("news:list"), {"year": "2026"})) == ["New year"]
    assert titles(client.get(reverse("news:list"), {"year": "2025"})) == []


def test_archive_counts_published_news_by_year_and_month(client):
    for day in (3, 9):
        make_press_release(published_at=datetime.datetime(2025, 3, day, 12, tzinfo=ALMATY))
    make_press_release(published_at=datetime.datetime(2026, 1, 3, 12, tzinfo=ALMATY))
    make_press_release("Draft", status=PressRelease.Status.DRAFT)
    response = client.get(reverse("news:list"))
    archive = response.context["archive"]
    assert [(year, total) for year, total, _months in archive] == [(2026, 1), (2025, 2)]
    assert archive[1][2] == [(datetime.date(2025, 3, 1), 2)]
    assert 'href="?year=2025&amp;month=3"' in response.text


def test_archive_links_keep_other_filters(client):
    topic = make_topic("Education")
    make_press_release(
        topics=[topic], published_at=datetime.datetime(2025, 3, 3, 12, tzinfo=ALMATY)
    )
    response = client.get(reverse("news:list"), {"topic": "education", "page": "1"})
    assert 'href="?topic=education&amp;year=2025&amp;month=3"' in response.text


def test_every_filter_control_has_a_label(client):
    response = client.get(reverse("news:list"))
    form = response.context["filter"].form
    for field in form.visible_fields():
        assert f'<label for="{field.id_for_label}">' in response.text


def test_only_subjects_in_published_news_are_offered(client):
    mentioned = make_institution("Mentioned")
    make_institution("Never mentioned")
    drafted = make_institution("Only in a draft")
    make_press_release(institutions=[mentioned])
    make_press_release(status=PressRelease.Status.DRAFT, institutions=[drafted])
    response = client.get(reverse("news:list"))
    choices = [
        label for _value, label in response.context["filter"].form["institution"].field.choices
    ]
    assert choices[1:] == ["Mentioned"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"institution": "nope"}, "No news mentions this institution"),
        ({"topic": "nope"}, "No news has this topic"),
        ({"embassy": "nope"}, "No news mentions this mission"),
        ({"partnership": "nope"}, "No news mentions this partnership"),
        ({"country": "zz"}, "No news mentions this country"),
        ({"year": "20x6"}, "A year is a number"),
        ({"year": "99999999999"}, "Year"),
        ({"year": "-1"}, "Year"),
        ({"month": "13"}, "Month"),
    ],
)
def test_unknown_or_malformed_filter_gives_a_page_with_a_message(client, params, message):
    make_press_release("Some news", institutions=[make_institution()])
    response = client.get(reverse("news:list"), params)
    assert response.status_code == 200
    assert message in response.text
    assert "Some filters could not be used" in response.text
    # Not silently everything: nothing is listed for a filter we cannot apply.
    assert titles(response) == []


@pytest.mark.parametrize("number", ["abc", "0", "99", "-1", "1.5", "\x00"])
def test_page_not_a_number_or_past_the_end_is_404(client, number):
    make_press_release()
    assert client.get(reverse("news:list"), {"page": number}).status_code == 404


def test_last_page_by_name_works(client):
    for _ in range(21):
        make_press_release()
    response = client.get(reverse("news:list"), {"page": "last"})
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "a\x00b"},
        {"topic": "a\x00b"},
        {"institution": "\x00"},
        {"country": "b\x00e"},
        {"year": "2026\x00"},
        {"q": "'; DROP TABLE news_pressrelease; --"},
        {"q": "!!! & | <> :*"},
        {"q": "<script>alert(1)</script>"},
    ],
)
def test_hostile_input_never_breaks_the_page(client, params):
    make_press_release("Harmless")
    response = client.get(reverse("news:list"), params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_overlong_query_is_shortened_and_the_reader_is_told(client):
    make_press_release("Antwerp cooperation")
    response = client.get(reverse("news:list"), {"q": "Antwerp " + "x" * 10_000})
    assert response.status_code == 200
    assert "Your search was shortened to its first 200 characters." in response.text
    assert response.context["filter"].form.cleaned_data["q"] == ("Antwerp " + "x" * 200)[:200]


def test_clear_filters_link_only_when_filtering(client):
    make_topic("Education")
    assert "Clear filters" not in client.get(reverse("news:list")).text
    assert "Clear filters" in client.get(reverse("news:list"), {"topic": "education"}).text


def test_list_announces_feeds_and_subject_feed(client):
    topic = make_topic("Education")
    make_press_release(topics=[topic])
    response = client.get(reverse("news:list"), {"topic": "education"})
    assert f'href="{reverse("news:feed")}"' in response.text
    assert f'href="{reverse("news:feed-atom")}"' in response.text
    assert f'href="{reverse("news:feed-topic", args=["education"])}"' in response.text
    assert f'href="{reverse("news:feed-topic-atom", args=["education"])}"' in response.text
    assert 'title="News about Education (Atom)"' in response.text


def test_an_unfiltered_list_builds_no_filter_set_once_its_menus_are_kept(client, monkeypatch):
    """Every page of the whole list shows the same menus, kept in the cache: the filter
    set (a deep copy of its filters, then a form) is built only to render them."""
    from news.filters import PressReleaseFilter

    for number in range(25):
        make_press_release(f"Item {number}")
    built = []
    original = PressReleaseFilter.__init__

    def counting(self, *args, **kwargs):
        built.append(kwargs.get("data", args[0] if args else None))
        original(self, *args, **kwargs)

    monkeypatch.setattr(PressReleaseFilter, "__init__", counting)
    first = client.get(reverse("news:list"))
    assert len(built) == 1  # the menus, rendered once
    assert 'name="topic"' in first.text
    for params in ({}, {"page": 2}):
        response = client.get(reverse("news:list"), params)
        assert response.status_code == 200
        assert 'name="topic"' in response.text
    assert len(built) == 1
    client.get(reverse("news:list"), {"q": "Item"})  # a filter: checked by its form
    assert len(built) == 2
