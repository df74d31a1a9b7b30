"""Issue 5's "done when", against the demo content on whichever database the suite runs on.

A staff member logs in with a demo account (as after `make run`), finds the University of
Antwerp by three of the ways people write it, narrows by country and cooperation area,
and downloads the result as CSV.
"""

import csv
import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from news import demo

UANTWERP = "University of Antwerp"


@pytest.fixture
def staff_after_make_run(client, db, settings):
    settings.DEBUG = True  # as under `make run`: the demo accounts exist only while debugging
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=StringIO())
    user, password = "editor", demo.DEMO_PASSWORDS["editor"]
    response = client.post(reverse("admin:login"), {"username": user, "password": password})
    assert response.status_code == 302, "the demo editor logs in"
    # This staff member works in English: the demo names everything in Kazakh and Russian
    # too, and the staff pages show the names in the staff member's language.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def found(response):
    assert response.status_code == 200
    return [result.institution.name for result in response.context["results"]]


@pytest.mark.parametrize("query", ["uantwerp", "Universiteit Antwerpen", "antwerp univercity"])
def test_staff_finds_the_university_of_antwerp_however_it_is_typed(staff_after_make_run, query):
    names = found(staff_after_make_run.get(reverse("staff:search"), {"q": query}))
    assert UANTWERP in names
    assert "Example Institute of Technology (demo)" not in names


def test_a_misspelt_query_ranks_the_university_first_on_every_database(staff_after_make_run):
    response = staff_after_make_run.get(reverse("staff:search"), {"q": "antwerp univercity"})
    assert found(response)[0] == UANTWERP


def test_staff_narrows_by_country_and_area_then_downloads_the_csv(staff_after_make_run):
    client = staff_after_make_run
    query = {"q": "antwerp univercity", "country": "be", "area": "science"}

    names = found(client.get(reverse("staff:search"), query))
    assert names == [UANTWERP]

    # Kazakhstan's institutions are out once the country is Belgium ...
    assert "Almaty Management University" in found(
        client.get(reverse("staff:search"), {"q": "antwerp univercity"})
    )
    # ... and Antwerp Management School (higher education only) once the area is science.
    assert "Antwerp Management School" in found(
        client.get(reverse("staff:search"), {"q": "antwerp", "country": "be"})
    )

    response = client.get(reverse("staff:export"), query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["Name"] for row in rows] == [UANTWERP]
    assert rows[0]["Country"] == "Belgium"
    assert rows[0]["Short name"] == "UAntwerp"
    assert (
        "Academic mobility between Kazakhstan and the University of Antwerp"
        in (rows[0]["Active partnerships"])
    )
    assert rows[0]["Public page"].endswith(
        reverse("partners:institution-detail", args=[demo.UANTWERP_SLUG])
    )


def test_the_page_links_to_the_csv_of_the_current_filters(staff_after_make_run):
    query = {"q": "uantwerp", "country": "be", "area": "science"}
    page = staff_after_make_run.get(reverse("staff:search"), query).content.decode()
    export = reverse("staff:export")
    start = page.index(f'href="{export}?')
    href = page[start : page.index('"', start + 6)]
    assert "q=uantwerp" in href and "country=be" in href and "area=science" in href
