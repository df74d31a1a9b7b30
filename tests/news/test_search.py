"""Free-text search `q`: full-text search with ranking on PostgreSQL, icontains on SQLite."""

import datetime
import io

import pytest
from django.db import connection
from django.http import QueryDict
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
        # SQLite has the FTS5 index of news/sqlite_search.py instead (tested below).
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


def test_sqlite_search_reads_the_full_text_index_not_every_row():
    """The plan looks the words up in the FTS5 table, then the press releases by id."""
    from news.filters import PressReleaseFilter

    if connection.vendor != "sqlite":
        # PostgreSQL: its own index (test above); the SQLite table is not created there.
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass('news_pressrelease_fts')")
            assert cursor.fetchone() == (None,)
        return
    make_press_release("Antwerp visit")
    data = QueryDict("q=antwerp+visit")
    found = PressReleaseFilter(data, queryset=PressRelease.objects.listed()).qs
    assert [item.title for item in found] == ["Antwerp visit"]
    plan = found.explain()
    assert "VIRTUAL TABLE INDEX" in plan
    assert "SEARCH news_pressrelease USING INTEGER PRIMARY KEY" in plan, plan


def test_search_follows_every_kind_of_write(client):
    """Saves, QuerySet.update() and bulk_create() all reach the index (triggers on SQLite).

    Bulk writes send no signals, so the page cache is purged by hand, as the README asks."""
    from news.page_tags import purge_everything

    saved = make_press_release("Antwerp visit", lead="A visit.")
    assert search(client, "antwerp") == ["Antwerp visit"]
    saved.title = "Ghent visit"
    saved.save()
    assert search(client, "antwerp") == []
    assert search(client, "ghent") == ["Ghent visit"]
    PressRelease.objects.filter(pk=saved.pk).update(title_en="Leuven visit")
    purge_everything()
    assert search(client, "ghent") == []
    assert search(client, "LEUVEN") == ["Leuven visit"]
    PressRelease.objects.bulk_create(
        [
            PressRelease(
                title_en=f"Bulk {n} Antwerp",
                lead_en="Lead.",
                body_en="<p>Body.</p>",
                slug=f"bulk-{n}",
                status=PressRelease.Status.PUBLISHED,
                published_at=yesterday() - datetime.timedelta(days=n),
            )
            for n in range(3)
        ]
    )
    purge_everything()
    assert search(client, "antwerp bulk") == ["Bulk 0 Antwerp", "Bulk 1 Antwerp", "Bulk 2 Antwerp"]
    PressRelease.objects.filter(slug="bulk-1").delete()
    purge_everything()
    assert search(client, "antwerp bulk") == ["Bulk 0 Antwerp", "Bulk 2 Antwerp"]


def test_search_matches_substrings_in_any_order_and_short_words(client):
    make_press_release("Double-degree MBA in Antwerp", body="<p>Students of C-MAT.</p>")
    make_press_release(
        "Antwerp rector", body="<p>Talks.</p>", published_at=yesterday() - datetime.timedelta(1)
    )
    assert search(client, "rector" + " x" * 30) == []  # at most 12 words, all of them needed
    if connection.vendor == "postgresql":
        assert search(client, "MBA antwerp") == ["Double-degree MBA in Antwerp"]
        return
    assert search(client, "antw degree") == ["Double-degree MBA in Antwerp"]
    assert search(client, "ANTWERP") == ["Double-degree MBA in Antwerp", "Antwerp rector"]
    # Words under three characters are matched among what the longer words found.
    assert search(client, "antwerp c-") == ["Double-degree MBA in Antwerp"]
    assert search(client, "c-") == ["Double-degree MBA in Antwerp"]
    assert search(client, 'antwerp "rector') == []  # quotes are text, never syntax


def test_search_reads_the_page_language_only(client):
    make_press_release(
        "Antwerp visit",
        title_ru="Визит в Антверпен",
        lead_ru="Посол встретился со студентами.",
        body_ru="<p>Переговоры.</p>",
    )
    assert search(client, "антверпен") == []  # on the English page, Russian text is not read
    response = client.get(
        reverse("news:list").replace("/en/", "/ru/"), {"q": "антверпен студентами"}
    )
    assert [item.title for item in response.context["object_list"]] == ["Визит в Антверпен"]


def test_rebuild_command_and_migrate_restore_the_index(client):
    from django.core.management import call_command

    from news import sqlite_search

    make_press_release("Antwerp visit")
    if connection.vendor == "sqlite":
        # A migration that rebuilds the table drops its triggers; migrate puts them back.
        sqlite_search.drop_index()
        assert sqlite_search.ensure_index() is True
        assert sqlite_search.ensure_index() is False
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert (
        "nothing" in out.getvalue()
        if connection.vendor != "sqlite"
        else "Rebuilt" in out.getvalue()
    )
    assert search(client, "antwerp") == ["Antwerp visit"]
