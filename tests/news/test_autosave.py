"""Autosave and presence of the change page: kept per person and press release, offered back,
merged on save with what others saved since, and the form still saves without script."""

import pytest
from django.test import Client
from django.urls import reverse

from news import services
from news.models import EditSession, PressRelease
from tests.factories import make_editor, make_press_release, make_publisher

from .test_merge_on_conflict import form_data
from .workflow_helpers import change_url

pytestmark = pytest.mark.django_db
Status = PressRelease.Status


def autosave_url(press_release):
    return reverse("admin:news_pressrelease_autosave", args=[press_release.pk])


def client_for(user):
    client = Client(headers={"accept-language": "en"})  # the admin follows the browser
    client.force_login(user)
    return client


@pytest.fixture
def draft():
    press_release = make_press_release(status=Status.DRAFT, title="Original title")
    services.record_revision(press_release, None, "Created.")
    return press_release


def test_the_page_posts_the_form_and_it_is_kept_per_person(draft):
    elena = make_editor("elena")
    client = client_for(elena)
    data = form_data(client.get(change_url(draft)))
    data.update(title_en="Typed, not saved", _autosave="form")

    response = client.post(autosave_url(draft), data)

    assert response.status_code == 200
    assert response.json()["saved_at"]
    session = EditSession.objects.get(press_release=draft, user=elena)
    assert session.form_data["title_en"] == ["Typed, not saved"]
    assert "csrfmiddlewaretoken" not in session.form_data and "_autosave" not in session.form_data
    draft.refresh_from_db()
    assert draft.title_en == "Original title"


def test_unsaved_work_is_offered_back_and_restored_into_the_form(draft):
    client = client_for(make_editor("elena"))
    data = form_data(client.get(change_url(draft)))
    client.post(
        autosave_url(draft), {**data, "title_en": "Typed before the crash", "_autosave": "form"}
    )

    page = client.get(change_url(draft)).content.decode()
    assert "You have unsaved changes to this press release" in page
    assert 'href="?restore_autosave=1"' in page

    restored = client.get(change_url(draft), {"restore_autosave": "1"})
    form = restored.context["adminform"].form
    assert form["title_en"].value() == "Typed before the crash"
    assert "are back in the form" in restored.content.decode()


def test_a_restored_page_is_merged_with_what_others_saved_since(draft):
    elena, pavel = client_for(make_editor("elena")), client_for(make_publisher("pavel"))
    data = form_data(elena.get(change_url(draft)))
    elena.post(autosave_url(draft), {**data, "title_en": "Elena's title", "_autosave": "form"})
    # Elena's tab closes; Pavel changes the dateline meanwhile.
    pavel_data = form_data(pavel.get(change_url(draft)))
    pavel.post(change_url(draft), {**pavel_data, "dateline_en": "Antwerp"})

    restored = form_data(elena.get(change_url(draft), {"restore_autosave": "1"}))
    assert elena.post(change_url(draft), restored).status_code == 302

    draft.refresh_from_db()
    assert (draft.title_en, draft.dateline_en) == ("Elena's title", "Antwerp")
    # Saved: nothing is offered back any more.
    assert "You have unsaved changes" not in elena.get(change_url(draft)).content.decode()


def test_discarding_forgets_the_unsaved_work(draft):
    elena = make_editor("elena")
    client = client_for(elena)
    client.post(autosave_url(draft), {"title_en": "Typed", "_autosave": "form"})
    response = client.post(reverse("admin:news_pressrelease_autosave_discard", args=[draft.pk]))
    assert response.status_code == 302
    assert EditSession.objects.get(user=elena).form_data == {}


def test_others_who_have_the_page_open_are_shown_with_since_when(draft):
    elena, pavel = client_for(make_editor("elena")), client_for(make_publisher("pavel"))
    elena.get(change_url(draft))

    page = pavel.get(change_url(draft)).content.decode()
    assert "Also open by:" in page and "elena (since " in page
    answer = elena.post(autosave_url(draft), {"_autosave": "ping"}).json()
    assert [other["name"] for other in answer["others"]] == ["pavel"]

    pavel.post(reverse("admin:news_pressrelease_autosave_leave", args=[draft.pk]))
    assert elena.post(autosave_url(draft), {"_autosave": "ping"}).json()["others"] == []


def test_autosave_is_only_for_those_who_may_change_it():
    published = make_press_release(status=Status.PUBLISHED)
    client = client_for(make_editor())
    assert client.post(autosave_url(published), {"_autosave": "ping"}).status_code == 403
    assert client.get(autosave_url(published)).status_code == 405
    missing = reverse("admin:news_pressrelease_autosave", args=[999999])
    assert client.post(missing, {"_autosave": "ping"}).status_code == 404
    assert Client().post(autosave_url(published)).status_code == 302  # to the login page


def test_the_form_still_saves_without_script(draft):
    client = client_for(make_editor())
    data = form_data(client.get(change_url(draft)))
    assert client.post(change_url(draft), {**data, "title_en": "Saved plainly"}).status_code == 302
    draft.refresh_from_db()
    assert draft.title_en == "Saved plainly"
