"""The partner dossier in headless Chromium, on the demo content: a staff member finds the
University of Antwerp, opens its dossier, looks at it as printed, and downloads the PDF."""

import io
import os
from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from tests.csp_probe import ViolationRecorder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "staff password for the dossier 9"


@pytest.fixture
def staff_page(page, live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=StringIO())
    get_user_model().objects.create_user("officer", password=PASSWORD, is_staff=True)
    recorder = ViolationRecorder(page)
    recorder.visit(live_server.url + reverse("staff:search"))
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**" + reverse("staff:search"))
    return page, recorder


def test_staff_opens_the_antwerp_dossier_and_downloads_its_pdf(staff_page, tmp_path):
    page, recorder = staff_page
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))  # to look at them by hand
    box = page.get_by_label("Search", exact=True)
    box.fill("uantwerp")
    with page.expect_navigation():
        box.press("Enter")
    page.wait_for_load_state()
    page.get_by_role("link", name="Dossier of University of Antwerp").first.click()
    page.wait_for_url("**" + reverse("staff:institution-dossier", args=["university-of-antwerp"]))

    assert page.locator("h1").inner_text().startswith("University of Antwerp")
    text = page.locator("main").inner_text()
    for expected in [
        "Herwig Leirs",  # the rector, as on the public page
        "Rector",
        "Roman Vassilenko",  # the head of the mission responsible, and ambassador of the day
        "Academic mobility between Kazakhstan and the University of Antwerp",
        "Kazakh students",
        "Ambassador of Kazakhstan to Belgium meets Rector of the University of Antwerp",
        "Higher education",
    ]:
        assert expected in text, expected
    # The dossier itself (<main>); the site header's language switcher is base.html's.
    result = Axe().run(page, context={"include": [["main"]]})
    violations = [
        (v["id"], [(n["target"], n.get("failureSummary", "")[:200]) for n in v["nodes"]][:3])
        for v in result.response["violations"]
    ]
    assert violations == []
    page.screenshot(path=str(shots / "dossier-screen.png"), full_page=True)

    # On paper: no site header, navigation or form.
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".dossier__tools").is_visible()
    page.screenshot(path=str(shots / "dossier-print.png"), full_page=True)
    page.emulate_media(media="screen")

    # A bad date is a clear message, not an error page.
    page.goto(page.url + "?since=31-12-2025")
    assert "Enter a date as YYYY-MM-DD" in page.locator(".error-summary").inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as PDF").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    reader = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    pdf_text = "\n".join(p.extract_text() for p in reader.pages)
    assert "University of Antwerp" in pdf_text
    assert "Herwig Leirs" in pdf_text
    assert len(reader.pages) == 1  # one printed page per institution in the usual case
    assert recorder.violations() == []
