"""Two people edit one press release at once in Chromium: neither loses a change, and the
conflict screen (no inline script, under the site's CSP) lets the second choose."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from news import services
from news.models import PressRelease
from tests.csp_probe import ViolationRecorder
from tests.factories import ensure_editorial_groups, make_editor, make_press_release, make_publisher

PASSWORD = "correct-horse-battery-staple"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def open_as(browser, live_server, username, press_release):
    context = browser.new_context()
    page = context.new_page()
    recorder = ViolationRecorder(page)
    change = reverse("admin:news_pressrelease_change", args=[press_release.pk])
    page.goto(f"{live_server.url}{reverse('admin:login')}?next={change}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"**{change}")
    return page, recorder


def save(page):
    with page.expect_navigation():  # the save's answer, not the page it was sent from
        page.click("input[name=_continue]")


def test_both_edit_at_once_and_neither_loses_a_change(browser, live_server):
    ensure_editorial_groups()
    make_editor("elena", password=PASSWORD)
    make_publisher("pavel", password=PASSWORD)
    press_release = make_press_release(
        status=PressRelease.Status.DRAFT, title="Original title", lead="Original lead."
    )
    services.record_revision(press_release, None, "Created.")
    elena, elena_csp = open_as(browser, live_server, "elena", press_release)
    pavel, pavel_csp = open_as(browser, live_server, "pavel", press_release)

    elena.fill("#id_title_en", "Elena's title")
    elena.fill("#id_lead_en", "Elena's lead.")
    save(elena)
    pavel.fill("#id_lead_en", "Pavel's lead.")
    pavel.fill("#id_dateline_en", "Antwerp")
    save(pavel)

    # Only the lead is in conflict; her title is already in his form.
    rows = pavel.locator(".merge-conflict")
    assert rows.count() == 1
    assert "Elena's lead." in rows.inner_text() and "Pavel's lead." in rows.inner_text()
    assert pavel.input_value("#id_title_en") == "Elena's title"
    axe = Axe().run(pavel, context="#merge-conflicts")
    assert axe.violations_count == 0, [v["id"] for v in axe.response["violations"]]
    # Saving without a choice is refused, nothing lost.
    save(pavel)
    assert "Choose which version to keep" in pavel.content()
    pavel.check("input[name=resolve_lead_en][value=mine]")
    save(pavel)
    assert pavel.locator(".merge-conflict").count() == 0

    press_release.refresh_from_db()
    assert (press_release.title_en, press_release.lead_en, press_release.dateline_en) == (
        "Elena's title",
        "Pavel's lead.",
        "Antwerp",
    )
    assert elena_csp.violations() == [] and pavel_csp.violations() == []
