"""A withdrawal gives its reason in each language the press release is written in: its page in
that language shows it (a Kazakh reader is not told why in English)."""

import importlib

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from news import services
from news.models import PressRelease
from tests.factories import make_press_release, make_publisher

from .workflow_helpers import change_url, form_data

pytestmark = pytest.mark.django_db
Status = PressRelease.Status


@pytest.fixture
def publisher():
    return make_publisher()


REASONS = {
    "kk": "Көрсетілген сандар қате болды.",
    "en": "The figures given were wrong.",
}


def bilingual(**kwargs):
    """A press release written in English and Kazakh, not in Russian."""
    return make_press_release(
        title_kk="Ректормен кездесу",
        lead_kk="Елші ректормен кездесті.",
        body_kk="<p>Мәтін.</p>",
        **kwargs,
    )


def test_the_service_asks_for_each_written_language_and_names_the_missing_one(publisher):
    press_release = bilingual()
    with pytest.raises(services.WorkflowError, match="Kazakh"):
        services.withdraw(press_release, publisher, reason={"en": REASONS["en"]})
    press_release.refresh_from_db()
    assert press_release.status == Status.PUBLISHED
    # Russian is not asked for: there is no Russian page to explain.
    services.withdraw(press_release, publisher, reason=REASONS)
    press_release.refresh_from_db()
    assert press_release.status == Status.WITHDRAWN
    assert press_release.withdrawn_reason_kk == REASONS["kk"]
    assert press_release.withdrawn_reason_en == REASONS["en"]
    assert not press_release.withdrawn_reason_ru


def test_each_page_shows_the_reason_in_its_own_language(client, publisher):
    press_release = bilingual()
    services.withdraw(press_release, publisher, reason=REASONS)
    for code, other in (("kk", "en"), ("en", "kk")):
        with translation.override(code):
            html = client.get(press_release.get_absolute_url()).text
        assert REASONS[code] in html
        assert REASONS[other] not in html


def test_the_database_refuses_a_withdrawal_without_the_reason_in_a_written_language():
    press_release = bilingual()
    with pytest.raises(IntegrityError), transaction.atomic():
        PressRelease.objects.filter(pk=press_release.pk).update(
            status=Status.WITHDRAWN, withdrawn_reason_en=REASONS["en"]
        )
    PressRelease.objects.filter(pk=press_release.pk).update(
        status=Status.WITHDRAWN,
        withdrawn_reason_en=REASONS["en"],
        withdrawn_reason_kk=REASONS["kk"],
    )


def test_the_form_marks_the_language_without_a_reason(client, publisher):
    press_release = bilingual()
    client.force_login(publisher)
    data = form_data(press_release, publisher=True, _transition="withdraw")
    data["withdrawn_reason_en"] = REASONS["en"]
    response = client.post(change_url(press_release), data)
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["withdrawn_reason_kk"]
    assert "Kazakh" in errors["withdrawn_reason_kk"][0]
    press_release.refresh_from_db()
    assert press_release.status == Status.PUBLISHED
    data["withdrawn_reason_kk"] = REASONS["kk"]
    assert client.post(change_url(press_release), data).status_code == 302
    press_release.refresh_from_db()
    assert (press_release.status, press_release.withdrawn_reason_kk) == (
        Status.WITHDRAWN,
        REASONS["kk"],
    )


def test_a_withdrawn_reason_cannot_be_emptied_later(client, publisher):
    press_release = bilingual()
    services.withdraw(press_release, publisher, reason=REASONS)
    press_release.refresh_from_db()
    client.force_login(publisher)
    data = form_data(press_release, publisher=True)
    data["withdrawn_reason_kk"] = " "
    response = client.post(change_url(press_release), data)
    assert response.status_code == 200
    assert "withdrawn_reason_kk" in response.context["adminform"].form.errors
    press_release.refresh_from_db()
    assert press_release.withdrawn_reason_kk == REASONS["kk"]


def test_the_bulk_action_asks_once_per_language_of_the_chosen_press_releases(client, publisher):
    english = make_press_release()
    kazakh = bilingual()
    client.force_login(publisher)
    url = reverse("admin:news_pressrelease_changelist")
    chosen = {"action": "withdraw_selected", "_selected_action": [english.pk, kazakh.pk]}
    page = client.post(url, chosen).text
    assert 'name="reason_en"' in page and 'name="reason_kk"' in page
    assert 'name="reason_ru"' not in page  # neither is written in Russian
    page = client.post(url, {**chosen, "confirm": "yes", "reason_en": REASONS["en"]}).text
    assert 'name="reason_kk"' in page  # asked again, nothing withdrawn
    assert not PressRelease.objects.filter(status=Status.WITHDRAWN).exists()
    client.post(
        url, {**chosen, "confirm": "yes", "reason_en": "Duplicate.", "reason_kk": "Қайталанған."}
    )
    english.refresh_from_db()
    kazakh.refresh_from_db()
    assert (english.status, english.withdrawn_reason_en) == (Status.WITHDRAWN, "Duplicate.")
    assert (kazakh.withdrawn_reason_kk, kazakh.withdrawn_reason_en) == (
        "Қайталанған.",
        "Duplicate.",
    )
    assert not english.withdrawn_reason_kk  # English only: no Kazakh page to explain


def test_a_reason_written_before_stays_on_every_written_languages_page():
    press_release = bilingual()
    migration = "0016_withdrawal_reason_in_each_language"
    apps = MigrationExecutor(connection).loader.project_state(("news", migration)).apps
    # As the row stood before the migration: one reason, in the untranslated column only.
    apps.get_model("news", "PressRelease").objects.filter(pk=press_release.pk).update(
        withdrawn_reason="Published in error."
    )
    module = importlib.import_module(f"news.migrations.{migration}")
    module.reason_in_each_written_language(apps, None)
    press_release.refresh_from_db()
    assert press_release.withdrawn_reason_kk == "Published in error."
    assert press_release.withdrawn_reason_en == "Published in error."
    assert not press_release.withdrawn_reason_ru  # not written in Russian


def test_a_new_reason_does_not_outdate_the_translations(publisher):
    press_release = bilingual(original_language="en")
    version = press_release.original_version
    services.withdraw(press_release, publisher, reason=REASONS)
    press_release.refresh_from_db()
    assert press_release.original_version == version
