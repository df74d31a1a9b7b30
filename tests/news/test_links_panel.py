"""One links panel: what a press release is about, as autocomplete multi-selects of full
names; mentions detected on every save of a draft; suggestions accepted one by one or all
at once, answered in JSON to the panel's script and naming the entry linked."""

import shutil

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from news import services
from news.linking import import_file
from news.models import LinkSuggestion, PressRelease, PressReleaseInstitution
from partners.models import Institution
from tests.factories import (
    make_editor,
    make_figure,
    make_institution,
    make_press_release,
    make_publisher,
)

from .conftest import CORPUS
from .workflow_helpers import change_url, form_data, messages_of

pytestmark = pytest.mark.django_db
JSON = {"headers": {"accept": "application/json"}}
PANEL = ["embassies", "institutions", "partnerships", "people", "countries", "topics", "figures"]


def decide_url(suggestion, decision):
    return reverse(
        "admin:news_pressrelease_suggestion",
        args=[suggestion.press_release_id, suggestion.pk, decision],
    )


def accept_all_url(press_release):
    return reverse("admin:news_pressrelease_suggestions_accept_all", args=[press_release.pk])


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor("elena"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def seed(corpus_directory, tmp_path):
    shutil.copy(CORPUS / "01-antwerp-seed.txt", tmp_path / "seed.txt")
    return import_file(tmp_path / "seed.txt").press_release


def test_one_panel_of_autocomplete_multi_selects_replaces_the_inlines(editor_client):
    university = make_institution("University of Antwerp", slug="uantwerp")
    figure = make_figure(label="master's students", value=8)
    draft = make_press_release("Visit", status=PressRelease.Status.DRAFT)
    draft.institutions.set([university])
    draft.figures.set([figure])
    response = editor_client.get(change_url(draft))
    html = response.content.decode()
    assert "What this press release is about" in html
    form = response.context["adminform"].form
    for name in PANEL:
        widget = form.fields[name].widget.widget  # inside the admin's add-another wrapper
        assert widget.__class__.__name__ == "AutocompleteSelectMultiple"
        assert f'name="{name}"' in html
    # The chosen entries by their full names, not their slugs.
    assert f'<option value="{university.pk}" selected>University of Antwerp</option>' in html
    assert "uantwerp</option>" not in html
    assert f">{escape(figure)}</option>" in html
    assert "pressreleaseinstitution_set" not in html
    panel = next(f for f in response.context["adminform"] if "links-panel" in f.classes)
    assert [line.fields[0] for line in panel] == PANEL


def test_autocomplete_answers_full_names(editor_client):
    make_institution("University of Antwerp", slug="uantwerp")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "pressrelease", "field_name": "institutions",
         "term": "antw"},
    )  # fmt: skip
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["University of Antwerp"]


def test_figures_are_named_with_what_they_count_for(editor_client, django_assert_max_num_queries):
    from tests.factories import make_partnership

    mba = make_partnership(title="AlmaU–AMS double-degree MBA")
    make_figure(partnership=mba, label="master's students", value=8)
    make_figure(institution=make_institution("Ghent University"), label="master's students")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "pressrelease", "field_name": "figures",
         "term": "master"},
    )  # fmt: skip
    assert sorted(r["text"] for r in response.json()["results"]) == [
        "10 master's students — Ghent University (2026-01-15)",
        "8 master's students — AlmaU–AMS double-degree MBA (2026-01-15)",
    ]
    draft = make_press_release("Visit", status=PressRelease.Status.DRAFT)
    draft.figures.set(mba.figures.all())
    with django_assert_max_num_queries(60):  # the chosen figures' names take no query each
        html = editor_client.get(change_url(draft)).content.decode()
    assert "8 master&#x27;s students — AlmaU–AMS double-degree MBA (2026-01-15)</option>" in html


def test_saving_the_panel_adds_and_removes_links(editor_client):
    ghent, delft = make_institution("Ghent University"), make_institution("TU Delft")
    draft = make_press_release("Visit", status=PressRelease.Status.DRAFT)
    draft.institutions.set([ghent])
    data = form_data(draft)
    data["institutions"] = [str(delft.pk)]
    response = editor_client.post(change_url(draft), data)
    assert response.status_code == 302
    assert list(draft.institutions.all()) == [delft]
    assert not PressReleaseInstitution.objects.filter(target=ghent).exists()


def test_an_editor_viewing_a_published_one_sees_the_links_as_names(client):
    university = make_institution("University of Antwerp")
    published = make_press_release("Visit")
    published.institutions.set([university])
    client.force_login(make_editor("elena"))
    response = client.get(change_url(published))
    assert response.status_code == 200
    html = response.content.decode()
    assert "What this press release is about" in html
    assert "University of Antwerp" in html
    assert 'name="institutions"' not in html  # read-only: names, no select


# --- mentions detected on save -------------------------------------------------------


def test_saving_a_draft_detects_mentions_without_a_button(editor_client, corpus_directory):
    draft = make_press_release("Visit", status=PressRelease.Status.DRAFT, lead="Plain.")
    assert not draft.link_suggestions.exists()
    data = form_data(draft, lead="Roman Vassilenko visited Nazarbayev University.")
    assert editor_client.post(change_url(draft), data).status_code == 302
    kinds = set(draft.link_suggestions.pending().values_list("kind", flat=True))
    assert kinds == {"person", "institution"}
    assert not draft.people.exists()  # suggested, not linked
    html = editor_client.get(change_url(draft)).content.decode()
    assert "Mentions are detected each time you save." in html
    assert ">Detect mentions</button>" not in html


def test_a_published_one_keeps_the_detect_button_and_is_not_detected_on_save(
    client, corpus_directory
):
    publisher = make_publisher("pavel")
    client.force_login(publisher)
    published = make_press_release("Visit", lead="Plain.")
    data = form_data(
        published, publisher=True, lead="Roman Vassilenko visited Nazarbayev University."
    )
    assert client.post(change_url(published), data).status_code == 302
    assert not published.link_suggestions.exists()
    assert ">Detect mentions</button>" in client.get(change_url(published)).content.decode()


# --- accepting without reloading the page ----------------------------------------------


def test_accept_answers_json_naming_the_entry_linked(editor_client, seed):
    suggestion = seed.link_suggestions.pending().get(kind="partnership")
    before = PressRelease.objects.get(pk=seed.pk).lock_version
    response = editor_client.post(decide_url(suggestion, "accept"), **JSON)
    assert response.status_code == 200
    answer = response.json()
    partnership = seed.partnerships.get(pk=suggestion.object_id)
    assert answer["message"] == f"Linked partnership: {partnership.title}"
    assert suggestion.matched_text not in answer["message"] or (
        suggestion.matched_text == partnership.title
    )
    assert answer["links"] == [
        {"field": "partnerships", "id": str(partnership.pk), "text": partnership.title}
    ]
    assert (answer["version_before"], answer["version"]) == (before, before + 1)
    assert answer["level"] == "success"
    assert answer["decided"] == [str(suggestion.pk)]  # the row the panel drops


def test_accepting_a_figure_links_the_figure_and_its_partnership(editor_client, seed):
    suggestion = seed.link_suggestions.get(kind="figure", value=11)
    answer = editor_client.post(decide_url(suggestion, "accept"), **JSON).json()
    fields = [link["field"] for link in answer["links"]]
    assert fields == ["figures", "partnerships"]
    assert answer["message"].startswith("Linked figure: 11 Kazakh students")


def test_without_script_the_message_names_the_entry_too(editor_client, seed):
    suggestion = seed.link_suggestions.pending().get(kind="partnership")
    response = editor_client.post(decide_url(suggestion, "accept"), follow=True)
    partnership = seed.partnerships.get(pk=suggestion.object_id)
    assert messages_of(response) == [f"Linked partnership: {partnership.title}"]


def test_dismiss_answers_json(editor_client, seed):
    suggestion = seed.link_suggestions.get(kind="figure", value=5)
    answer = editor_client.post(decide_url(suggestion, "dismiss"), **JSON).json()
    assert answer["links"] == [] and "Dismissed" in answer["message"]
    suggestion.refresh_from_db()
    assert suggestion.status == LinkSuggestion.Status.DISMISSED


def test_accept_all_links_every_suggestion_at_once(editor_client, seed):
    pending = list(seed.link_suggestions.pending())
    assert len(pending) >= 3
    response = editor_client.post(accept_all_url(seed), **JSON)
    answer = response.json()
    assert not seed.link_suggestions.pending().exists()
    assert {link["field"] for link in answer["links"]} >= {"figures", "partnerships"}
    for link in answer["links"]:
        assert link["text"] in answer["message"]
    assert answer["message"].startswith("Linked ")
    # One version in the history for the whole batch.
    assert PressRelease.objects.get(pk=seed.pk).lock_version == answer["version"]


def test_accept_all_without_script_comes_back_to_the_page(editor_client, seed):
    response = editor_client.post(accept_all_url(seed))
    assert response.status_code == 302 and response["Location"] == change_url(seed)
    assert not seed.link_suggestions.pending().exists()


def test_accept_all_leaves_what_the_user_may_not_create(client, corpus_directory):
    user = User.objects.create_user("writer", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["change_pressrelease", "view_pressrelease"])
    )
    client.force_login(user)
    draft = make_press_release(
        "Delft", status=PressRelease.Status.DRAFT, lead="Nazarbayev University and "
        "Delft University of Technology in the Netherlands signed an agreement.",
    )  # fmt: skip
    from news.linking import detect_press_release

    detect_press_release(draft)
    new = draft.link_suggestions.get(kind="new_institution")
    editor = draft.link_suggestions.pending().exclude(kind="new_institution")
    assert editor.exists()
    answer = client.post(accept_all_url(draft), **JSON).json()
    assert str(new.pk) not in answer["decided"] and answer["decided"]
    assert "Not accepted" in answer["message"]
    new.refresh_from_db()
    assert new.status == LinkSuggestion.Status.PENDING
    assert not Institution.objects.filter(name="Delft University of Technology").exists()
    assert draft.institutions.filter(name="Nazarbayev University").exists()


def test_accept_all_needs_post_and_change_permission(client, seed):
    viewer = make_publisher("viewer")
    client.force_login(viewer)
    assert client.get(accept_all_url(seed)).status_code == 405
    seed.status, seed.published_at = PressRelease.Status.PUBLISHED, timezone.now()
    seed.save()
    editor = make_editor("elena")
    client.force_login(editor)
    assert client.post(accept_all_url(seed), **JSON).status_code == 403
    assert seed.link_suggestions.pending().exists()


def test_the_page_takes_the_accepts_version_and_saves_without_a_conflict(editor_client, seed):
    """What the script does: the entry joins the panel, the page takes the new version when
    nothing else happened meanwhile; then Save is a plain save that keeps the link."""
    page = form_data(seed)
    suggestion = seed.link_suggestions.pending().get(kind="partnership")
    answer = editor_client.post(decide_url(suggestion, "accept"), **JSON).json()
    assert page["opened_version"] == str(answer["version_before"])
    page["opened_version"] = str(answer["version"])
    page["partnerships"] = [*page["partnerships"], answer["links"][0]["id"]]
    page["title_en"] = "A better title"
    response = editor_client.post(change_url(seed), page, follow=True)
    assert not any("after you opened it" in m for m in messages_of(response))
    seed.refresh_from_db()
    assert seed.title_en == "A better title"
    assert seed.partnerships.filter(pk=suggestion.object_id).exists()


def test_another_tab_opened_before_the_accept_keeps_the_link(editor_client, seed):
    services.record_revision(seed, None, "Opened.")
    page = form_data(seed)
    suggestion = seed.link_suggestions.pending().get(kind="partnership")
    editor_client.post(decide_url(suggestion, "accept"), **JSON)
    page["title_en"] = "A better title"
    assert editor_client.post(change_url(seed), page).status_code == 302
    seed.refresh_from_db()
    assert seed.title_en == "A better title"
    assert seed.partnerships.filter(pk=suggestion.object_id).exists()
