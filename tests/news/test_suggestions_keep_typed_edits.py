"""The Suggested-links buttons post the whole change form: what the editor typed is saved
first (or kept in the form when it cannot be), never thrown away by a decision."""

import datetime
import shutil

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from news import services
from news.forms import PressReleaseAdminForm
from news.linking import import_file
from news.models import LinkSuggestion
from tests.factories import make_editor, make_publisher

from .conftest import CORPUS
from .test_media_admin import form_data

pytestmark = pytest.mark.django_db
Status = LinkSuggestion.Status


def change_url(press_release):
    return reverse("admin:news_pressrelease_change", args=[press_release.pk])


def decide_url(suggestion, decision):
    return reverse(
        "admin:news_pressrelease_suggestion",
        args=[suggestion.press_release_id, suggestion.pk, decision],
    )


def as_browser(data):
    """Browsers post textareas with CRLF line ends."""
    return {k: v.replace("\n", "\r\n") if isinstance(v, str) else v for k, v in data.items()}


@pytest.fixture
def seed(corpus_directory, tmp_path):
    shutil.copy(CORPUS / "01-antwerp-seed.txt", tmp_path / "seed.txt")
    return import_file(tmp_path / "seed.txt").press_release


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def versions(press_release):
    return [v.revision.get_comment() for v in Version.objects.get_for_object(press_release)]


def test_untouched_body_with_crlf_is_not_a_change(seed):
    page_data = {"body_en": seed.body.replace("\n", "\r\n"), "lead_en": seed.lead}
    form = PressReleaseAdminForm(initial={"body_en": seed.body, "lead_en": seed.lead})
    assert "\n" in seed.body
    assert not form.fields["body_en"].has_changed(seed.body, page_data["body_en"])
    assert form.fields["body_en"].to_python(page_data["body_en"]) == seed.body


def test_decision_from_an_untouched_page_saves_nothing_else(editor_client, seed):
    page = editor_client.get(change_url(seed))
    suggestion = seed.link_suggestions.get(kind="figure", value=11)
    before = versions(seed)

    response = editor_client.post(decide_url(suggestion, "accept"), as_browser(form_data(page)))

    assert response.status_code == 302 and response["Location"] == change_url(seed)
    seed.refresh_from_db()
    assert seed.lock_version == 1  # the new link's own version; no save of the form
    # One version, which names the entries linked.
    [new, *rest] = versions(seed)
    assert new.startswith("Linked figure: 11 Kazakh students") and rest == before


def test_typed_text_is_saved_before_the_decision(editor_client, seed):
    page = editor_client.get(change_url(seed))
    suggestion = seed.link_suggestions.get(kind="figure", value=5)
    data = as_browser(form_data(page))
    data["lead_en"] = "A lead the editor typed before dismissing."

    response = editor_client.post(decide_url(suggestion, "dismiss"), data)

    assert response.status_code == 302
    seed.refresh_from_db()
    assert seed.lead == "A lead the editor typed before dismissing."
    suggestion.refresh_from_db()
    assert suggestion.status == Status.DISMISSED


def test_typed_text_stays_in_the_form_when_someone_saved_meanwhile(editor_client, seed):
    page = editor_client.get(change_url(seed))
    suggestion = seed.link_suggestions.get(kind="figure", value=11)
    other = make_editor()
    seed.title = "Saved by someone else"
    services.save_edit(seed, other)
    data = as_browser(form_data(page))
    data["lead_en"] = "Typed while someone else saved."

    response = editor_client.post(decide_url(suggestion, "accept"), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Typed while someone else saved." in html
    assert other.username in html and "after you opened it" in html
    suggestion.refresh_from_db()
    assert suggestion.status == Status.PENDING
    seed.refresh_from_db()
    assert seed.lead != "Typed while someone else saved."


def test_panel_buttons_name_their_suggestion_and_the_count_is_singular(editor_client, seed):
    html = editor_client.get(change_url(seed)).content.decode()
    assert 'aria-label="Accept: 11 students from Kazakhstan"' in html
    assert 'aria-label="Dismiss: 11 students from Kazakhstan"' in html
    for suggestion in seed.link_suggestions.pending()[1:]:
        suggestion.status = Status.DISMISSED
        suggestion.save()

    response = editor_client.post(
        reverse("admin:news_pressrelease_detect_mentions", args=[seed.pk]), follow=True
    )

    assert "Mentions detected: 1 suggestion waits." in response.content.decode()


def test_publisher_decision_on_an_untouched_scheduled_page_saves_nothing(client, seed):
    seed.status = "published"
    seed.published_at = timezone.now().replace(microsecond=0, second=0) + datetime.timedelta(1)
    seed.save()
    client.force_login(make_publisher())
    page = client.get(change_url(seed))
    suggestion = seed.link_suggestions.get(kind="figure", value=11)

    response = client.post(decide_url(suggestion, "accept"), as_browser(form_data(page)))

    assert response.status_code == 302
    seed.refresh_from_db()
    assert seed.lock_version == 1  # the new link's own version; no save of the form
    assert seed.figures.filter(value=11).exists()
