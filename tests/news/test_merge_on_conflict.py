"""Two people edit one press release at once: each can save and neither loses a change.

A save from a page opened before someone else's save is merged three ways against the version
the page was opened from: fields (and rows) only this person changed are applied, those only the
other changed are kept, and only those both changed differently are shown side by side.
"""

import pytest
from django import forms
from django.test import Client

from news import services
from news.models import PressRelease, PressReleaseAttachment, PressReleaseImage
from tests.factories import (
    make_attachment,
    make_editor,
    make_embassy,
    make_gallery_image,
    make_institution,
    make_press_release,
    make_publisher,
    make_topic,
)

from .test_media_admin import prefix_of
from .workflow_helpers import change_url, messages_of

Status = PressRelease.Status
pytestmark = pytest.mark.django_db


def form_data(response):
    """What the page posts back unchanged (a re-shown form too): fields and inline rows."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or isinstance(field, forms.FileField):
            continue
        if isinstance(field.widget, forms.MultiWidget):
            parts = value if isinstance(value, list) else field.widget.decompress(value)
            for index, part in enumerate(parts):
                data[f"{name}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, (list, tuple)):
            data[name] = [str(v) for v in value]
        else:
            data[name] = str(value)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms_ = formset.forms
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(len(forms_))
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        for index, inline_form in enumerate(forms_):
            for name, field in inline_form.fields.items():
                value = inline_form[name].value()
                if value is None or isinstance(field, forms.FileField):
                    continue
                if isinstance(value, bool) or isinstance(field, forms.BooleanField):
                    if value and value != "False":
                        data[f"{formset.prefix}-{index}-{name}"] = "on"
                    continue
                data[f"{formset.prefix}-{index}-{name}"] = str(value)
    return data


def client_for(user):
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def opened(client, press_release):
    """The page as a browser has it: the response and what it would post back unchanged."""
    response = client.get(change_url(press_release))
    assert response.status_code == 200
    return response, form_data(response)


@pytest.fixture
def draft():
    """A draft with a revision of the version everyone opens, as every save keeps one."""
    press_release = make_press_release(
        status=Status.DRAFT, title="Original title", lead="Original lead."
    )
    services.record_revision(press_release, make_editor("creator"), "Created.")
    return press_release


@pytest.fixture
def editor():
    return make_editor("elena")


@pytest.fixture
def publisher():
    return make_publisher("pavel")


def test_fields_only_the_other_changed_are_kept_and_mine_applied(draft, editor, publisher):
    first, second = client_for(editor), client_for(publisher)
    _page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    first_data.update(title_en="Elena's title", lead_en="Elena's lead.")
    assert first.post(change_url(draft), first_data).status_code == 302

    second_data["dateline_en"] = "Antwerp"
    response = second.post(change_url(draft), second_data, follow=True)

    draft.refresh_from_db()
    assert (draft.title_en, draft.lead_en, draft.dateline_en) == (
        "Elena's title",
        "Elena's lead.",
        "Antwerp",
    )
    assert draft.updated_by == publisher
    [message] = [m for m in messages_of(response) if "merged" in m]
    assert "elena saved this press release after you opened it" in message
    assert "Title" in message and "Lead" in message


def test_issue_case_publisher_changes_lead_editor_changed_title_and_lead(draft, editor, publisher):
    """The title the editor changed never reverts, whatever the publisher does."""
    first, second = client_for(editor), client_for(publisher)
    _page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    first_data.update(title_en="Elena's title", lead_en="Elena's lead.")
    first.post(change_url(draft), first_data)

    second_data["lead_en"] = "Pavel's lead."
    response = second.post(change_url(draft), second_data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert [c.name for c in form.merge_conflicts] == ["lead_en"]
    error = form.non_field_errors()[0]
    assert "Lead" in error and "Title" not in error
    page = response.content.decode()
    assert "Elena&#x27;s lead." in page and "Pavel&#x27;s lead." in page
    # The form now holds her title, so saving from it cannot put the old one back.
    assert form["title_en"].value() == "Elena's title"
    draft.refresh_from_db()
    assert draft.lead_en == "Elena's lead."  # nothing saved yet

    again = form_data(response)
    again.update(merge_conflict="lead_en", resolve_lead_en="mine")
    assert second.post(change_url(draft), again).status_code == 302
    draft.refresh_from_db()
    assert (draft.title_en, draft.lead_en) == ("Elena's title", "Pavel's lead.")


def test_choosing_theirs_keeps_their_value(draft, editor, publisher):
    first, second = client_for(editor), client_for(publisher)
    _page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    first_data["lead_en"] = "Elena's lead."
    first.post(change_url(draft), first_data)
    second_data.update(lead_en="Pavel's lead.", source_en="Press office")
    response = second.post(change_url(draft), second_data)

    again = form_data(response)
    again.update(merge_conflict="lead_en", resolve_lead_en="theirs")
    assert second.post(change_url(draft), again).status_code == 302
    draft.refresh_from_db()
    assert (draft.lead_en, draft.source_en) == ("Elena's lead.", "Press office")


def test_saving_the_conflict_screen_without_a_choice_is_refused(draft, editor, publisher):
    first, second = client_for(editor), client_for(publisher)
    _page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    first_data["title_en"] = "Elena's title"
    first.post(change_url(draft), first_data)
    second_data["title_en"] = "Pavel's title"
    response = second.post(change_url(draft), second_data)
    again = form_data(response)
    again["merge_conflict"] = "title_en"

    response = second.post(change_url(draft), again)

    assert response.status_code == 200
    assert "Choose which version to keep" in str(response.context["adminform"].form.errors)
    draft.refresh_from_db()
    assert draft.title_en == "Elena's title"


def test_both_changing_a_field_to_the_same_value_is_no_conflict(draft, editor, publisher):
    first, second = client_for(editor), client_for(publisher)
    _page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    first_data["title_en"] = "Same title"
    first.post(change_url(draft), first_data)
    second_data["title_en"] = "Same title"
    assert second.post(change_url(draft), second_data).status_code == 302


def test_a_third_save_during_the_conflict_screen_is_merged_again(draft, editor, publisher):
    first, second = client_for(editor), client_for(publisher)
    _page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    first_data["title_en"] = "Elena's title"
    first.post(change_url(draft), first_data)
    second_data["title_en"] = "Pavel's title"
    conflict_page = second.post(change_url(draft), second_data)
    # While Pavel decides, Elena changes the dateline from a fresh page.
    _page, first_data = opened(first, draft)
    first_data["dateline_en"] = "Astana"
    first.post(change_url(draft), first_data)

    again = form_data(conflict_page)
    again.update(merge_conflict="title_en", resolve_title_en="mine")
    assert second.post(change_url(draft), again).status_code == 302
    draft.refresh_from_db()
    assert (draft.title_en, draft.dateline_en) == ("Pavel's title", "Astana")


def test_without_a_revision_of_the_opened_version_every_difference_is_shown(editor, publisher):
    press_release = make_press_release(status=Status.DRAFT, title="Untracked")
    first, second = client_for(editor), client_for(publisher)
    _page, first_data = opened(first, press_release)
    _page, second_data = opened(second, press_release)
    first_data["title_en"] = "Elena's title"
    first.post(change_url(press_release), first_data)
    second_data["lead_en"] = "Pavel's lead."

    response = second.post(change_url(press_release), second_data)

    # Unknown base: any difference may be a change of either, so each is shown, none overwritten.
    assert response.status_code == 200
    assert {c.name for c in response.context["adminform"].form.merge_conflicts} == {
        "title_en",
        "lead_en",
    }
    press_release.refresh_from_db()
    assert press_release.title_en == "Elena's title"


def test_links_only_one_changed_are_applied_and_kept(draft, editor, publisher):
    kept_topic, dropped_topic = make_topic("Education"), make_topic("Transport")
    draft.topics.set([kept_topic, dropped_topic])
    services.record_link_change(draft, editor, "Linked topics.")
    embassy, institution = make_embassy("Embassy in Belgium"), make_institution("UAntwerp")
    first, second = client_for(editor), client_for(publisher)
    _page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)

    # Elena links the embassy and unlinks "Transport".
    first_data.update({"embassies": [str(embassy.pk)], "topics": [str(kept_topic.pk)]})
    assert first.post(change_url(draft), first_data).status_code == 302
    # Pavel, from the older page, links the university and changes the title.
    second_data.update({"institutions": [str(institution.pk)], "title_en": "Pavel's title"})
    response = second.post(change_url(draft), second_data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert set(draft.topics.all()) == {kept_topic}
    assert list(draft.embassies.all()) == [embassy]
    assert list(draft.institutions.all()) == [institution]


def test_a_link_both_added_is_kept_once(draft, editor, publisher):
    embassy = make_embassy()
    first, second = client_for(editor), client_for(publisher)
    _page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    for data in (first_data, second_data):
        data["embassies"] = [str(embassy.pk)]
    first.post(change_url(draft), first_data)
    assert second.post(change_url(draft), second_data).status_code == 302
    assert list(draft.embassies.all()) == [embassy]


@pytest.fixture
def both_changed_institutions(draft, editor, publisher):
    """Elena adds Delft and removes Ghent; Pavel, from the older page, adds Antwerp."""
    ghent, delft, antwerp = (make_institution(n) for n in ("Ghent", "Delft", "Antwerp"))
    draft.institutions.set([ghent])
    services.record_link_change(draft, editor, "Linked Ghent.")
    first, second = client_for(editor), client_for(publisher)
    _page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    first_data["institutions"] = [str(delft.pk)]
    assert first.post(change_url(draft), first_data).status_code == 302
    second_data["institutions"] = [str(ghent.pk), str(antwerp.pk)]
    response = second.post(change_url(draft), second_data)
    return second, response, {"ghent": ghent, "delft": delft, "antwerp": antwerp}


def test_a_link_set_both_changed_is_shown_side_by_side_with_the_merge_in_the_form(
    draft, both_changed_institutions
):
    second, response, entry = both_changed_institutions
    assert response.status_code == 200
    form = response.context["adminform"].form
    [conflict] = form.merge_conflicts
    assert conflict.name == "institutions" and conflict.merged
    # Full names side by side: his set and hers.
    assert conflict.mine_text.split("\n") == ["Antwerp", "Ghent"]
    assert conflict.theirs_text == "Delft"
    # The form holds both changes: her removal of Ghent, his Antwerp, her Delft.
    assert sorted(form["institutions"].value()) == sorted(
        [str(entry["antwerp"].pk), str(entry["delft"].pk)]
    )
    assert "The form below holds the links both of you added" in response.content.decode()
    assert set(draft.institutions.all()) == {entry["delft"]}  # nothing saved yet


def test_keeping_the_merged_link_set_saves_both_changes(draft, both_changed_institutions):
    second, response, entry = both_changed_institutions
    assert 'name="merge_conflict" value="institutions"' in response.content.decode()
    data = form_data(response)
    data.update(merge_conflict="institutions", resolve_institutions="mine")
    saved = second.post(change_url(draft), data)
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    assert set(draft.institutions.all()) == {entry["antwerp"], entry["delft"]}


def test_choosing_their_link_set_puts_back_theirs(draft, both_changed_institutions):
    second, response, entry = both_changed_institutions
    data = form_data(response)
    data.update(merge_conflict="institutions", resolve_institutions="theirs")
    saved = second.post(change_url(draft), data)
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    assert set(draft.institutions.all()) == {entry["delft"]}


def test_the_link_set_conflict_needs_a_choice(draft, both_changed_institutions):
    second, response, entry = both_changed_institutions
    data = {**form_data(response), "merge_conflict": "institutions"}
    refused = second.post(change_url(draft), data)
    assert refused.status_code == 200
    assert "Choose which version to keep" in refused.content.decode()
    assert set(draft.institutions.all()) == {entry["delft"]}


def test_saving_the_panel_keeps_the_through_rows_that_stay(draft, editor):
    """Adding keeps the existing rows (their ids), removing deletes only the removed."""
    from news.models import PressReleaseInstitution

    ghent, delft, antwerp = (make_institution(n) for n in ("Ghent", "Delft", "Antwerp"))
    draft.institutions.set([ghent, delft])
    kept_row = PressReleaseInstitution.objects.get(press_release=draft, target=ghent)
    client = client_for(editor)
    _page, data = opened(client, draft)
    data["institutions"] = [str(ghent.pk), str(antwerp.pk)]
    assert client.post(change_url(draft), data).status_code == 302
    rows = PressReleaseInstitution.objects.filter(press_release=draft)
    assert {row.target for row in rows} == {ghent, antwerp}
    assert rows.get(target=ghent).pk == kept_row.pk


def test_gallery_edits_of_different_fields_of_one_image_are_both_kept(draft, editor, publisher):
    image = make_gallery_image(draft, caption="Signing", alt="Two delegations")
    services.record_link_change(draft, editor, "Added a photo.")
    first, second = client_for(editor), client_for(publisher)
    page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    prefix = prefix_of(page, PressReleaseImage)
    first_data[f"{prefix}-0-caption_en"] = "The signing in Antwerp"
    assert first.post(change_url(draft), first_data).status_code == 302
    second_data[f"{prefix}-0-alt_en"] = "The rector and the ambassador"

    response = second.post(change_url(draft), second_data)

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.caption, image.alt) == ("The signing in Antwerp", "The rector and the ambassador")


def test_gallery_edits_of_the_same_field_are_a_conflict(draft, editor, publisher):
    image = make_gallery_image(draft, caption="Signing")
    services.record_link_change(draft, editor, "Added a photo.")
    first, second = client_for(editor), client_for(publisher)
    page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    prefix = prefix_of(page, PressReleaseImage)
    first_data[f"{prefix}-0-caption_en"] = "Elena's caption"
    first.post(change_url(draft), first_data)
    second_data[f"{prefix}-0-caption_en"] = "Pavel's caption"

    response = second.post(change_url(draft), second_data)

    assert response.status_code == 200
    [conflict] = response.context["adminform"].form.inline_conflicts
    assert (conflict.mine, conflict.theirs) == ("Pavel's caption", "Elena's caption")
    image.refresh_from_db()
    assert image.caption == "Elena's caption"
    # Saving the screen he has now seen keeps what its form holds.
    assert second.post(change_url(draft), form_data(response)).status_code == 302
    image.refresh_from_db()
    assert image.caption == "Pavel's caption"


def test_an_attachment_removed_by_one_and_renamed_by_the_other_is_not_lost(
    draft, editor, publisher
):
    attachment = make_attachment(draft, title="Joint statement")
    services.record_link_change(draft, editor, "Added a document.")
    first, second = client_for(editor), client_for(publisher)
    page, first_data = opened(first, draft)
    _page, second_data = opened(second, draft)
    prefix = prefix_of(page, PressReleaseAttachment)
    first_data[f"{prefix}-0-title_en"] = "Joint statement (signed)"
    first.post(change_url(draft), first_data)
    second_data[f"{prefix}-0-DELETE"] = "on"

    response = second.post(change_url(draft), second_data)

    assert response.status_code == 200
    assert response.context["adminform"].form.inline_conflicts
    assert PressReleaseAttachment.objects.filter(pk=attachment.pk).exists()


def test_an_attachment_added_meanwhile_survives_an_older_page(draft, editor, publisher):
    first, second = client_for(editor), client_for(publisher)
    _page, second_data = opened(second, draft)
    attachment = make_attachment(draft)
    services.record_link_change(draft, editor, "Added a document.")
    del first
    second_data["title_en"] = "Pavel's title"
    assert second.post(change_url(draft), second_data).status_code == 302
    assert PressReleaseAttachment.objects.filter(pk=attachment.pk).exists()


def test_a_workflow_step_from_a_stale_page_merges_but_does_not_move_on(editor, publisher):
    press_release = make_press_release(status=Status.REVIEW, title="In review")
    services.record_revision(press_release, editor, "Submitted.")
    PressRelease.objects.filter(pk=press_release.pk).update(submitted_by=editor)
    first, second = client_for(editor), client_for(publisher)
    _page, second_data = opened(second, press_release)
    _page, first_data = opened(first, press_release)
    first_data["lead_en"] = "Corrected lead."
    first.post(change_url(press_release), first_data)
    second_data["_transition"] = "publish"

    response = second.post(change_url(press_release), second_data)

    assert response.status_code == 200
    assert response.context["adminform"].form["lead_en"].value() == "Corrected lead."
    press_release.refresh_from_db()
    assert press_release.status == Status.REVIEW


def test_a_form_bound_to_a_plain_dict_merges_too(draft, editor):
    from news.forms import PressReleaseAdminForm

    services.save_edit(draft, editor)  # someone saves: the form below is one version behind
    draft.title_en = "Saved meanwhile"
    services.save_edit(draft, editor)
    services.record_revision(draft, editor, "Saved.")
    fields = ["title_en", "slug", "lead_en", "body_en", "dateline_en", "source_en"]
    data = {name: getattr(draft, name) for name in fields}
    data.update(title_en="Mine", opened_version=str(draft.lock_version - 1))
    form = type(
        "Form",
        (PressReleaseAdminForm,),
        {"Meta": type("Meta", (), {"model": PressRelease, "fields": fields})},
    )(data, instance=draft)

    assert not form.is_valid()
    assert [c.name for c in form.merge_conflicts] == ["title_en"]
