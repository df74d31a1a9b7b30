"""End to end in headless Chromium: an editor writes and submits, a publisher publishes."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from news.models import PressRelease
from tests.factories import ensure_editorial_groups, make_editor, make_publisher

PASSWORD = "correct-horse-battery-staple"


def log_in(page, live_server, username, next_path):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/?next={next_path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_writes_and_submits_publisher_publishes_public_sees_it(page, live_server):
    ensure_editorial_groups()
    make_editor("editor", password=PASSWORD)
    make_publisher("publisher", password=PASSWORD)

    # The editor writes a press release with the rich-text editor and submits it.
    log_in(page, live_server, "editor", "/admin/news/pressrelease/add/")
    # The editor's browser is in English: English is the original language, its section first.
    assert page.locator("#id_original_language").input_value() == "en"
    page.fill("#id_title_en", "Kazakh students in Antwerp")
    page.fill("#id_lead_en", "Eight master's students began the double-degree MBA.")
    page.fill("#id_dateline_en", "Brussels")
    editable = page.locator(".field-body_en .ProseMirror[contenteditable=true]")
    editable.wait_for()
    assert editable.get_attribute("aria-label") == "Body (English)"
    editable.click()
    page.keyboard.type("The programme opens ")
    page.keyboard.press("Control+b")
    page.keyboard.type("new opportunities")
    page.keyboard.press("Control+b")
    page.keyboard.type(".")
    page.keyboard.press("Enter")
    page.keyboard.type("A second paragraph.")

    axe = Axe().run(page, options={"runOnly": ["aria-input-field-name"]})
    assert axe.violations_count == 0, axe.response["violations"]

    page.click("button[name=_transition][value=submit]")
    page.wait_for_url("**/admin/news/pressrelease/")
    press_release = PressRelease.objects.get(title_en="Kazakh students in Antwerp")
    assert press_release.status == PressRelease.Status.REVIEW
    assert press_release.slug == "kazakh-students-in-antwerp"
    assert "<strong>new opportunities</strong>" in press_release.body
    assert "<p>A second paragraph.</p>" in press_release.body
    # An editor has no publish button.
    page.goto(f"{live_server.url}/admin/news/pressrelease/{press_release.pk}/change/")
    assert page.locator("button[name=_transition][value=publish]").count() == 0

    # The publisher publishes it.
    log_in(page, live_server, "publisher", f"/admin/news/pressrelease/{press_release.pk}/change/")
    page.click("button[name=_transition][value=publish]")
    page.wait_for_url("**/admin/news/pressrelease/")
    press_release.refresh_from_db()
    assert press_release.status == PressRelease.Status.PUBLISHED
    assert press_release.published_by.username == "publisher"

    # The public sees it.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{press_release.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Kazakh students in Antwerp"
    assert page.locator("strong", has_text="new opportunities").count() == 1
