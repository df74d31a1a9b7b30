"""No lost updates: a save or workflow step from a page older than the saved one is refused."""

import pytest
from django.db import connection
from django.test import Client

from news import services
from news.models import PressRelease
from tests.factories import make_editor, make_press_release, make_publisher
from tests.news.workflow_helpers import change_url, form_data

Status = PressRelease.Status
pytestmark = pytest.mark.django_db


def english_client():
    return Client(headers={"accept-language": "en"})


def opened_form(client, press_release):
    """What the browser posts back: the form as it was when the page was opened."""
    response = client.get(change_url(press_release))
    assert response.status_code == 200
    opened = response.context["adminform"].form.initial["opened_version"]
    return form_data(press_release, opened_version=str(opened))


def test_second_save_from_an_older_page_is_refused_and_keeps_the_text():
    press_release = make_press_release(status=Status.DRAFT, title="Original title")
    alice, bob = make_editor("alice"), make_editor("bob")
    alice_client, bob_client = (
        english_client(),
        english_client(),
    )
    alice_client.force_login(alice)
    bob_client.force_login(bob)

    alice_data = opened_form(alice_client, press_release)
    bob_data = opened_form(bob_client, press_release)

    alice_data["title_en"] = "Alice's title"
    assert alice_client.post(change_url(press_release), alice_data).status_code == 302

    bob_data["title_en"] = "Bob's title"
    bob_data["lead_en"] = "Bob's lead."
    response = bob_client.post(change_url(press_release), bob_data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "alice saved this press release at" in page
    assert "Title" in response.context["adminform"].form.non_field_errors()[0]
    # Bob's typing is still in the form.
    assert "Bob&#x27;s title" in page or "Bob's title" in page
    assert "Bob&#x27;s lead." in page or "Bob's lead." in page

    press_release.refresh_from_db()
    assert press_release.title == "Alice's title"
    assert press_release.updated_by == alice


def test_after_a_refusal_saving_again_is_a_deliberate_overwrite():
    press_release = make_press_release(status=Status.DRAFT)
    alice_client, bob_client = (
        english_client(),
        english_client(),
    )
    alice_client.force_login(make_editor())
    bob_client.force_login(make_editor())
    alice_data = opened_form(alice_client, press_release)
    bob_data = opened_form(bob_client, press_release)
    alice_data["title_en"] = "Alice"
    alice_client.post(change_url(press_release), alice_data)
    bob_data["title_en"] = "Bob"
    response = bob_client.post(change_url(press_release), bob_data)
    refreshed_version = response.context["adminform"].form["opened_version"].value()
    bob_data["opened_version"] = refreshed_version
    assert bob_client.post(change_url(press_release), bob_data).status_code == 302
    press_release.refresh_from_db()
    assert press_release.title == "Bob"


def test_publish_from_a_stale_page_is_refused():
    press_release = make_press_release(status=Status.REVIEW)
    editor_client, publisher_client = (
        english_client(),
        english_client(),
    )
    editor = make_editor("eve")
    editor_client.force_login(editor)
    publisher_client.force_login(make_publisher())
    PressRelease.objects.filter(pk=press_release.pk).update(submitted_by=editor)

    stale = publisher_client.get(change_url(press_release))
    stale_version = stale.context["adminform"].form.initial["opened_version"]
    # Meanwhile the press release is returned to draft and saved again by others.
    services.return_to_draft(press_release, make_publisher(), comment="Fix the date.")

    data = form_data(
        press_release,
        publisher=True,
        opened_version=str(stale_version),
        _transition="publish",
    )
    response = publisher_client.post(change_url(press_release), data)
    assert response.status_code == 200
    press_release.refresh_from_db()
    assert press_release.status == Status.DRAFT


def test_withdraw_from_a_stale_page_is_refused():
    press_release = make_press_release()
    client = english_client()
    client.force_login(make_publisher())
    stale_version = (
        client.get(change_url(press_release)).context["adminform"].form.initial["opened_version"]
    )
    services.save_edit(press_release, make_publisher())  # someone saves in between
    data = form_data(
        press_release,
        publisher=True,
        opened_version=str(stale_version),
        _transition="withdraw",
        withdrawn_reason="Wrong figures.",
    )
    response = client.post(change_url(press_release), data)
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    press_release.refresh_from_db()
    assert press_release.status == Status.PUBLISHED


def test_conditional_update_refuses_an_outdated_version():
    press_release = make_press_release(status=Status.DRAFT)
    editor = make_editor()
    services.save_edit(press_release, editor, expected_version=0)
    assert PressRelease.objects.get(pk=press_release.pk).lock_version == 1
    stale_copy = PressRelease.objects.get(pk=press_release.pk)
    services.save_edit(press_release, editor, expected_version=1)
    stale_copy.title = "Lost?"
    with pytest.raises(services.StaleEdit) as refused:
        services.save_edit(stale_copy, editor, expected_version=1)
    assert editor.username in refused.value.message
    assert PressRelease.objects.get(pk=press_release.pk).title != "Lost?"


def test_services_refuse_stale_transitions():
    press_release = make_press_release(status=Status.DRAFT)
    editor = make_editor()
    services.save_edit(press_release, editor)
    with pytest.raises(services.StaleEdit):
        services.submit_for_review(press_release, editor, expected_version=0)


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers, so a second connection cannot commit inside the window; "
    "the conditional UPDATE itself is asserted on both databases above.",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_save_landing_between_validation_and_update_is_refused_not_lost():
    """The race window: the form was valid, then another connection saved before our UPDATE."""
    from django.db import connections
    from django.db.models.signals import post_init

    press_release = make_press_release(status=Status.DRAFT, title="Original")
    client = english_client()
    client.force_login(make_editor())
    data = opened_form(client, press_release)
    data["title_en"] = "Mine"
    other = connections.create_connection("default")
    loads = []

    def someone_saves_during_validation(sender, instance, **kwargs):
        # The 2nd load in the request is the stale check in the form's clean(): its values
        # are already read, so this commit from another connection lands after validation.
        loads.append(instance.pk)
        if len(loads) == 2:
            with other.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {PressRelease._meta.db_table} SET title_en = %s, "
                    "lock_version = lock_version + 1 WHERE id = %s",
                    ["Theirs", press_release.pk],
                )

    post_init.connect(someone_saves_during_validation, sender=PressRelease)
    try:
        response = client.post(change_url(press_release), data)
    finally:
        post_init.disconnect(someone_saves_during_validation, sender=PressRelease)
        other.close()

    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    assert response.context["adminform"].form["title_en"].value() == "Mine"
    press_release.refresh_from_db()
    assert press_release.title == "Theirs"
