import shutil

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from news.linking import import_file
from news.management.commands.evaluate_mentions import load_directory
from partners.models import Figure

from .conftest import CORPUS


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_accept_and_dismiss_buttons_send_the_forms_csrf_token(page, live_server, tmp_path):
    load_directory(CORPUS / "directory.json")
    shutil.copy(CORPUS / "01-antwerp-seed.txt", tmp_path / "seed.txt")
    seed = import_file(tmp_path / "seed.txt").press_release
    User.objects.create_superuser("boss", "boss@example.org", "pw-for-tests-only")
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "boss")
    page.fill("#id_password", "pw-for-tests-only")
    page.click("input[type=submit]")
    page.goto(live_server.url + reverse("admin:news_pressrelease_change", args=[seed.pk]))
    row = page.locator("table.suggested-links tr", has_text="11 Kazakh students")
    row.get_by_role("button", name="Accept").click()
    page.locator("#suggested-links-status", has_text="Linked figure").wait_for()
    assert Figure.objects.filter(label="Kazakh students", value=11).exists()
    row = page.locator("table.suggested-links tr", has_text="5 Kazakh researchers")
    row.get_by_role("button", name="Dismiss").click()
    page.locator("#suggested-links-status", has_text="Dismissed").wait_for()
    assert seed.link_suggestions.get(value=5).status == "dismissed"
    assert page.locator("table.suggested-links tr", has_text="5 Kazakh researchers").count() == 0
