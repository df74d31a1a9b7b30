"""The press-release change list: labels, columns, filters, search, constant query count."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import PressRelease
from tests.factories import (
    make_editor,
    make_embassy,
    make_institution,
    make_press_release,
    make_publisher,
    make_topic,
)

Status = PressRelease.Status
pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/news/pressrelease/"


def rows(count, editor):
    embassy = make_embassy()
    topic = make_topic()
    for index in range(count):
        press_release = make_press_release(
            status=[Status.DRAFT, Status.REVIEW, Status.PUBLISHED][index % 3],
            embassies=[embassy, make_embassy()],
            topics=[topic],
            updated_by=editor,
        )
        assert press_release.pk


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST)
    assert response.status_code == 200
    return len(queries), response


def test_query_count_does_not_grow_with_rows(client):
    editor = make_editor()
    client.force_login(editor)
    rows(2, editor)
    few, response = count_queries(client)
    assert response.context["cl"].result_count == 2
    rows(38, editor)
    many, response = count_queries(client)
    assert response.context["cl"].result_count == 40
    assert many == few, f"2 rows: {few} queries, 40 rows: {many} queries"


def test_scheduled_label_and_columns(client):
    editor = make_editor("nurlan")
    embassy = make_embassy("Embassy in Belgium")
    make_press_release(
        title="Future news",
        published_at=timezone.now() + datetime.timedelta(days=3),
        embassies=[embassy],
        updated_by=editor,
    )
    make_press_release(title="Live news")
    make_press_release(title="Draft news", status=Status.DRAFT)
    client.force_login(editor)
    page = client.get(CHANGELIST).content.decode()
    assert "Scheduled" in page
    assert "Embassy in Belgium" in page
    assert "nurlan" in page
    assert "View on site" in page
    assert "Preview" in page


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("scheduled", {"Future"}),
        ("published", {"Live"}),
        ("draft", {"Draft"}),
        ("review", {"Review"}),
        ("withdrawn", {"Gone"}),
    ],
)
def test_status_filter(client, status, expected):
    make_press_release(title="Future", published_at=timezone.now() + datetime.timedelta(days=1))
    make_press_release(title="Live")
    make_press_release(title="Draft", status=Status.DRAFT)
    make_press_release(title="Review", status=Status.REVIEW)
    make_press_release(title="Gone", status=Status.WITHDRAWN)
    client.force_login(make_editor())
    response = client.get(CHANGELIST, {"status": status})
    assert {pr.title for pr in response.context["cl"].result_list} == expected


def test_filters_by_topic_embassy_institution_and_year(client):
    topic, embassy, institution = make_topic(), make_embassy(), make_institution()
    old = make_press_release(
        title="Old", published_at=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
    )
    tagged = make_press_release(
        title="Tagged", topics=[topic], embassies=[embassy], institutions=[institution]
    )
    client.force_login(make_editor())

    def titles(params):
        response = client.get(CHANGELIST, params)
        assert response.status_code == 200
        return {pr.title for pr in response.context["cl"].result_list}

    assert titles({"topics__id__exact": topic.pk}) == {tagged.title}
    assert titles({"embassies__id__exact": embassy.pk}) == {tagged.title}
    assert titles({"institutions__id__exact": institution.pk}) == {tagged.title}
    assert titles({"year": "2024"}) == {old.title}
    assert titles({"year": "not-a-year"}) == {old.title, tagged.title}


def test_search_title_lead_and_body(client):
    make_press_release(title="Antwerp visit", lead="Rector met.", body="<p>Double degree</p>")
    make_press_release(title="Other")
    client.force_login(make_editor())
    for query in ("Antwerp", "Rector", "Double degree"):
        response = client.get(CHANGELIST, {"q": query})
        assert [pr.title for pr in response.context["cl"].result_list] == ["Antwerp visit"]


def test_change_form_has_autocomplete_links_slug_and_timezone(client, settings):
    press_release = make_press_release(status=Status.DRAFT)
    client.force_login(make_publisher())
    response = client.get(reverse("admin:news_pressrelease_change", args=[press_release.pk]))
    page = response.content.decode()
    assert "admin-autocomplete" in page
    assert 'id="id_slug"' in page and "prepopulated" in page.lower()
    assert settings.TIME_ZONE in page
    assert 'aria-label="Body (English)"' in page and 'aria-label="Body (Kazakh)"' in page
    assert "prose-editor-label.js" in page
    assert response.context["has_absolute_url"] is False  # draft: Preview, not View on site
    assert reverse("news:preview", args=[press_release.pk]) in page


def test_view_on_site_for_published(client):
    press_release = make_press_release()
    client.force_login(make_publisher())
    response = client.get(reverse("admin:news_pressrelease_change", args=[press_release.pk]))
    assert response.context["has_absolute_url"] is True


def test_audit_fields_are_shown(client):
    editor = make_editor("aigerim")
    press_release = make_press_release(status=Status.DRAFT, created_by=editor, updated_by=editor)
    client.force_login(editor)
    page = client.get(reverse("admin:news_pressrelease_change", args=[press_release.pk]))
    text = page.content.decode()
    for label in ("Created by", "Last edited by", "Submitted for review by", "Published by"):
        assert label in text
    assert "aigerim" in text


@pytest.mark.parametrize(
    "query",
    [
        "year=99999999999",
        "year=0",
        "status=bogus",
        "published_at__year=abc",
        "topics__id__exact=abc",
        "q=" + "x" * 10000,
        "o=99",
        "p=abc",
    ],
)
def test_bad_change_list_parameters_never_give_a_server_error(client, query):
    make_press_release()
    client.force_login(make_editor())
    assert client.get(f"{CHANGELIST}?{query}").status_code in (200, 302)
