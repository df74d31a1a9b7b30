"""The staff search in headless Chromium, on the demo content: issue 5's "done when" as a
staff member does it, with no axe violations and no CSP violations on the way."""

from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from tests.csp_probe import ViolationRecorder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "staff password for the browser 7"


@pytest.fixture
def staff_page(page, live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=StringIO())
    get_user_model().objects.create_user("officer", password=PASSWORD, is_staff=True)
    recorder = ViolationRecorder(page)
    recorder.visit(live_server.url + reverse("staff:search"))
    assert "/login/" in page.url, "anonymous staff are sent to the login page first"
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**" + reverse("staff:search"))
    return page, recorder


def axe_violations(page):
    result = Axe().run(page)
    return [
        (v["id"], [node["target"] for node in v["nodes"]][:3])
        for v in result.response["violations"]
    ]


def search(page, text):
    box = page.get_by_label("Search", exact=True)
    box.fill(text)
    with page.expect_navigation():
        box.press("Enter")
    page.wait_for_load_state()


def result_names(page):
    return page.locator(".staff-result h2 a").all_inner_texts()


@pytest.mark.parametrize("width", [1280, 360])
def test_staff_finds_narrows_and_downloads_without_axe_or_csp_violations(staff_page, width):
    page, recorder = staff_page
    page.set_viewport_size({"width": width, "height": 900})
    assert axe_violations(page) == []

    for text in ["uantwerp", "Universiteit Antwerpen", "antwerp univercity"]:
        search(page, text)
        assert "University of Antwerp" in result_names(page), text

    page.get_by_label("Country").fill("Belgium")
    page.get_by_label("Cooperation area").select_option(label="Science")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert "country=Belgium" in page.url and "area=science" in page.url
    assert result_names(page) == ["University of Antwerp"]
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    lines = content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith("University of Antwerp,UAntwerp,Belgium,")
    assert recorder.violations() == []


def test_staff_search_error_page_has_no_axe_violations(staff_page, live_server):
    page, recorder = staff_page
    recorder.visit(live_server.url + reverse("staff:search") + "?country=zz&kind=nope")
    assert page.get_by_role("alert").count() == 1
    assert axe_violations(page) == []
    assert recorder.violations() == []


def test_staff_finds_a_person_at_a_mission_and_narrows_by_typed_names(staff_page, live_server):
    page, recorder = staff_page
    search(page, "Vassilenko")
    people = page.locator(".staff-people li").all_inner_texts()
    assert any("Roman Vassilenko" in text and "Ambassador" in text for text in people)
    assert (
        "Republic of Kazakhstan in the Kingdom of Belgium"
        in page.locator(".staff-missions").inner_text()
    )
    assert "University of Antwerp" in result_names(page)

    # Names written in Cyrillic, as a Russian or Kazakh text gives them, find the same.
    search(page, "Василенко")
    people = page.locator(".staff-people li").all_inner_texts()
    assert any("Roman Vassilenko" in text for text in people), people
    search(page, "Антверпенский университет")
    assert result_names(page)[0] == "University of Antwerp"

    search(page, "")
    page.get_by_label("Part of").fill("University of Antwerp")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    assert result_names(page) == ["Centre for Maritime & Air Transport Management"]
    assert page.locator("#id_parent-options option[value='University of Antwerp']").count() == 1

    search(page, "Sorbonne Nouvelle")
    assert "No institution matches “Sorbonne Nouvelle”." in page.content()
    assert axe_violations(page) == []
    assert recorder.violations() == []

    assert "officer" in page.locator(".staff-user").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    recorder.visit(live_server.url + reverse("staff:search"))
    assert "/login/" in page.url
