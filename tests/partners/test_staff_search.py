"""The staff search page: who may see it, what a result shows, bad input, query count."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import Partnership
from tests.factories import (
    make_embassy,
    make_figure,
    make_institution,
    make_partnership,
    make_press_release,
    tomorrow,
    yesterday,
)

pytestmark = pytest.mark.django_db

SEARCH = "/staff/partners/"
EXPORT = "/staff/partners/export.csv"


def test_urls_are_the_contract():
    assert reverse("staff:search") == SEARCH
    assert reverse("staff:export") == EXPORT


@pytest.mark.parametrize("url", [SEARCH, EXPORT])
def test_anonymous_goes_to_login_and_comes_back(client, url):
    response = client.get(url, {"q": "antwerp"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert "next=" in response["Location"]
    assert "antwerp" in response["Location"]


@pytest.mark.parametrize("url", [SEARCH, EXPORT])
def test_logged_in_non_staff_gets_403(client, django_user_model, url):
    client.force_login(django_user_model.objects.create_user("visitor"))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", [SEARCH, EXPORT])
def test_staff_may_search_and_export(staff_client, url):
    assert staff_client.get(url).status_code == 200


def test_superuser_may_search(admin_client):
    assert admin_client.get(SEARCH).status_code == 200


def test_result_shows_everything_about_the_institution(staff_client, antwerp_world):
    uantwerp = antwerp_world["uantwerp"]
    cmat = make_institution("C-MAT", slug="c-mat", kind="research_centre", parent=uantwerp)
    embassy = make_embassy("Embassy of Kazakhstan in Belgium", slug="embassy-be")
    mobility = make_partnership(
        "Academic mobility Antwerp-Almaty",
        institutions=[uantwerp, antwerp_world["amu"]],
        embassy=embassy,
    )
    make_partnership("Old exchange", institutions=[uantwerp], status=Partnership.Status.COMPLETED)
    make_figure(partnership=mobility, label="Kazakh students", value=9, as_of="2025-01-01")
    make_figure(partnership=mobility, label="Kazakh students", value=11, as_of="2026-01-01")
    make_figure(institution=uantwerp, label="researchers", value=5)
    make_press_release("Old news", institutions=[uantwerp], published_at=yesterday())
    make_press_release("Future news", institutions=[uantwerp], published_at=tomorrow())
    make_press_release("Draft news", institutions=[uantwerp], status="draft")

    response = staff_client.get(SEARCH, {"q": "uantwerp"})
    html = response.content.decode()
    result = response.context["results"][0]
    assert result.institution == uantwerp
    assert [p.title for p in result.active_partnerships] == ["Academic mobility Antwerp-Almaty"]
    assert result.embassies == [embassy]
    assert [(f.label, f.value) for f in result.latest_figures] == [
        ("researchers", 5),
        ("Kazakh students", 11),
    ]
    assert result.latest_news_at.date() == yesterday().date()
    assert "Old exchange" not in html
    assert "Embassy of Kazakhstan in Belgium" in html
    assert uantwerp.get_absolute_url() in html
    assert reverse("admin:partners_institution_change", args=[uantwerp.pk]) in html
    assert "Belgium" in html

    response = staff_client.get(SEARCH, {"q": "c-mat"})
    assert response.context["results"][0].institution == cmat
    assert "University of Antwerp" in response.content.decode()


def test_latest_press_release_ignores_unpublished(staff_client, antwerp_world):
    make_press_release("Future", institutions=[antwerp_world["ams"]], published_at=tomorrow())
    response = staff_client.get(SEARCH, {"q": "AMS"})
    assert response.context["results"][0].latest_news_at is None


def test_pagination_keeps_filters_and_sort(staff_client):
    for number in range(25):
        make_institution(f"Generated Institute {number:05}", city="Ghent")
    response = staff_client.get(SEARCH, {"q": "generated", "city": "ghent", "sort": "name"})
    html = response.content.decode()
    assert response.context["page_obj"].paginator.count == 25
    assert 'href="?q=generated&amp;city=ghent&amp;sort=name&amp;page=2"' in html
    page2 = staff_client.get(SEARCH, {"q": "generated", "city": "ghent", "sort": "name", "page": 2})
    assert [r.institution.name for r in page2.context["results"]] == [
        f"Generated Institute {n:05}" for n in range(20, 25)
    ]


@pytest.mark.parametrize("page", ["abc", "999", "-1", "0", "1e9", "\x00"])
def test_bad_page_numbers_get_a_normal_page(staff_client, antwerp_world, page):
    assert staff_client.get(SEARCH, {"page": page}).status_code == 200


def test_very_long_query_gets_a_clear_message_fast(staff_client, antwerp_world):
    started = time.perf_counter()
    response = staff_client.get(SEARCH, {"q": "antwerp " * 1250})
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    assert "The search text is too long" in response.content.decode()
    assert response.context["results"] is None
    assert elapsed < 1


@pytest.mark.parametrize(
    "query",
    [
        "antw\x00erp",
        "\x00",
        "' OR 1=1 --",
        "'; DROP TABLE partners_institution; --",
        "%' UNION SELECT password FROM auth_user --",
        "\\",
        "<script>alert(1)</script>",
    ],
)
def test_odd_queries_get_a_normal_page(staff_client, antwerp_world, query):
    response = staff_client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_nul_bytes_are_dropped_not_refused(staff_client, antwerp_world):
    response = staff_client.get(SEARCH, {"q": "uantw\x00erp"})
    assert response.context["results"][0].institution.slug == "university-of-antwerp"


def _populate(count, start=0):
    embassy = make_embassy()
    hub = make_institution(f"Generated Hub {start}")
    for number in range(start, start + count - 1):
        institution = make_institution(f"Generated Institute {number:05}")
        partnership = make_partnership(institutions=[hub, institution], embassy=embassy)
        make_figure(partnership=partnership)
        make_figure(institution=institution)
        make_press_release(institutions=[institution])


@pytest.mark.parametrize("sort", ["relevance", "name", "news", "active"])
def test_query_count_does_not_grow_with_results(staff_client, sort):
    _populate(2)

    with CaptureQueriesContext(connection) as few:
        response = staff_client.get(SEARCH, {"q": "generated", "sort": sort})
    assert len(response.context["results"]) == 2
    _populate(40, start=100)
    with CaptureQueriesContext(connection) as many:
        response = staff_client.get(SEARCH, {"q": "generated", "sort": sort})
    assert len(response.context["results"]) == 20
    assert len(many) == len(few)
    # Results, people, missions and the two lists the filter boxes offer.
    assert len(many) <= 14


def test_export_query_count_does_not_grow_with_rows(staff_client):
    _populate(2)
    with CaptureQueriesContext(connection) as few:
        b"".join(staff_client.get(EXPORT).streaming_content)
    _populate(40, start=100)
    with CaptureQueriesContext(connection) as many:
        b"".join(staff_client.get(EXPORT).streaming_content)
    assert len(many) == len(few)
