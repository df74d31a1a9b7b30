"""Free-text search `q`: full-text search with ranking on PostgreSQL, icontains on SQLite."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from news.models import PressRelease
from tests.factories import make_press_release, tomorrow, yesterday

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    response = client.get(reverse("news:list"), {"q": q, **params})
    assert response.status_code == 200
    return [item.title for item in response.context["object_list"]]


def test_finds_words_in_title_lead_and_body(client):
    make_press_release("Antwerp visit", lead="A meeting.", body="<p>Talks.</p>")
    make_press_release("Meeting", lead="In Antwerp the ambassador met.", body="<p>Talks.</p>")
    make_press_release("Talks", lead="A meeting.", body="<p>Students of Antwerp.</p>")
    make_press_release("Unrelated", lead="Nothing here.", body="<p>Nothing.</p>")
    assert sorted(search(client, "antwerp")) == ["Antwerp visit", "Meeting", "Talks"]


def test_search_sees_only_published_news(client):
    make_press_release("Antwerp published")
    make_press_release("Antwerp draft", status=PressRelease.Status.DRAFT)
    make_press_release("Antwerp scheduled", published_at=tomorrow())
    make_press_release("Antwerp withdrawn", status=PressRelease.Status.WITHDRAWN)
    assert search(client, "Antwerp") == ["Antwerp published"]


def test_search_combines_with_other_filters(client):
    make_press_release(
        "Antwerp 2025", published_at=yesterday().replace(year=2025, month=6, day=1, hour=12)
    )
    make_press_release(
        "Antwerp 2024", published_at=yesterday().replace(year=2024, month=6, day=1, hour=12)
    )
    assert search(client, "antwerp", year="2024") == ["Antwerp 2024"]


def test_ranking_on_postgresql_substring_fallback_on_sqlite(client):
    now = yesterday()
    make_press_release("Cooperation news", body="<p>The universities met.</p>", published_at=now)
    make_press_release(
        "University partnership", lead="Old news.", published_at=now - datetime.timedelta(days=30)
    )
    if connection.vendor == "postgresql":
        # English stemming: "universities" finds "University" in a title, and the title
        # match outranks the newer press release that has the word only in its body.
        assert search(client, "universities") == ["University partnership", "Cooperation news"]
        # Web-search syntax: a quoted phrase and an excluded word.
        assert search(client, '"university partnership"') == ["University partnership"]
        assert search(client, "universities -cooperation") == ["University partnership"]
    else:
        # A case-insensitive substring, in the list's own order (newest first).
        assert search(client, "UNIVERSIT") == ["Cooperation news", "University partnership"]
        assert search(client, "universities") == ["Cooperation news"]


def test_search_can_use_the_full_text_index_on_postgresql():
    from django.contrib.postgres.search import SearchQuery

    from news.filters import press_release_vector

    if connection.vendor != "postgresql":
        # SQLite has no full-text index; the migration leaves it alone.
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'news_pr_search%%'")
            assert cursor.fetchall() == []
        return
    queryset = (
        PressRelease.objects.annotate(search=press_release_vector("english", "en"))
        .filter(search=SearchQuery("antwerp", search_type="websearch", config="english"))
        .values("pk")
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    # The query's expression is the indexed one, so the planner can use the index.
    assert "news_pr_fts_en" in plan
    from django.db.models import Func, Value

    kazakh = (
        PressRelease.objects.annotate(search=press_release_vector("simple", "kk"))
        .filter(
            search=SearchQuery(
                Func(Value("университет"), function="mfa_unaccent"),
                search_type="websearch",
                config="simple",
            )
        )
        .values("pk")
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        assert "news_pr_fts_kk" in kazakh.explain()
