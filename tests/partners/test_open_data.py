"""Figures over time as CSV and JSON, with the press releases that reported them."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import PressRelease
from tests.factories import make_figure, make_institution, make_partnership, make_press_release

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


@pytest.fixture
def mba():
    partnership = make_partnership("Double-degree MBA", slug="double-degree-mba")
    earlier = make_figure(
        partnership, label="master's students", value=5, as_of=datetime.date(2025, 1, 1)
    )
    later = make_figure(
        partnership, label="master's students", value=8, as_of=datetime.date(2026, 2, 10)
    )
    make_press_release("Eight master's students", figures=[later])
    make_press_release(
        "A draft that counts", status=PressRelease.Status.DRAFT, figures=[earlier, later]
    )
    return partnership


def test_csv_has_a_row_per_figure_with_its_published_source(client, mba):
    url = reverse("partners:partnership-figures", kwargs={"slug": mba.slug, "fmt": "csv"})
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert [(r["value"], r["as_of"], r["source_titles"]) for r in rows] == [
        ("5", "2025-01-01", ""),
        ("8", "2026-02-10", "Eight master's students"),
    ]
    assert "draft" not in body(client.get(url)).lower()


def test_json_names_licence_update_date_and_sources(client, mba):
    url = reverse("partners:partnership-figures", kwargs={"slug": mba.slug, "fmt": "json"})
    data = json.loads(body(client.get(url)))
    assert data["licence"]["name"] == "CC BY 4.0"
    assert data["updated"] == timezone.localdate().isoformat()
    assert data["subject"]["slug"] == "double-degree-mba"
    assert [f["value"] for f in data["figures"]] == [5, 8]
    [source] = data["figures"][1]["sources"]
    assert source["title"] == "Eight master's students"
    assert source["url"].startswith("http://testserver/")
    assert data["figures"][0]["sources"] == []


def test_institution_and_directory_downloads(client, mba):
    institution = make_institution("University of Antwerp")
    make_figure(institution=institution, label="Kazakh students", value=11)
    url = reverse("partners:institution-figures", kwargs={"slug": institution.slug, "fmt": "json"})
    data = json.loads(body(client.get(url)))
    assert [(f["label"], f["value"]) for f in data["figures"]] == [("Kazakh students", 11)]

    everything = json.loads(body(client.get(reverse("partners:figures", kwargs={"fmt": "json"}))))
    assert len(everything["figures"]) == 3
    rows = list(
        csv.reader(
            io.StringIO(body(client.get(reverse("partners:figures", kwargs={"fmt": "csv"}))))
        )
    )
    assert len(rows) == 4


def test_a_formula_in_a_label_is_neutralised(client):
    partnership = make_partnership()
    make_figure(partnership, label="=HYPERLINK(1)", value=1)
    url = reverse("partners:partnership-figures", kwargs={"slug": partnership.slug, "fmt": "csv"})
    assert "'=HYPERLINK(1)" in body(client.get(url))


@pytest.mark.parametrize("fmt", ["xml", "CSV", "csv.exe"])
def test_an_unknown_format_is_a_404(client, mba, fmt):
    url = reverse("partners:partnership-figures", kwargs={"slug": mba.slug, "fmt": fmt})
    assert client.get(url).status_code == 404


def test_an_unknown_subject_is_a_404(client):
    url = reverse("partners:institution-figures", kwargs={"slug": "nowhere", "fmt": "csv"})
    assert client.get(url).status_code == 404


def test_the_public_pages_link_the_downloads_with_licence_and_date(client, mba):
    page = client.get(mba.get_absolute_url()).content.decode()
    assert reverse("partners:partnership-figures", kwargs={"slug": mba.slug, "fmt": "csv"}) in page
    assert reverse("partners:partnership-figures", kwargs={"slug": mba.slug, "fmt": "json"}) in page
    assert 'rel="license"' in page
    assert "Last updated:" in page


@pytest.mark.parametrize("count", [2, 30])
def test_downloads_cost_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    partnership = make_partnership("Counted", slug="counted")
    for number in range(count):
        figure = make_figure(partnership, value=number, as_of=datetime.date(2000 + number, 1, 1))
        make_press_release(f"Report {number}", figures=[figure])
    for fmt in ("csv", "json"):
        url = reverse("partners:partnership-figures", kwargs={"slug": "counted", "fmt": fmt})
        with django_assert_max_num_queries(3):
            assert len(body(client.get(url))) > 0
        with django_assert_max_num_queries(3):
            assert len(body(client.get(reverse("partners:figures", kwargs={"fmt": fmt})))) > 0
