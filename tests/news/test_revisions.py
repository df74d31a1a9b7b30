"""Every save keeps a version; the history shows diffs; restore makes a new version."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from news import services
from news.models import PressRelease, PressReleaseTopic
from news.revisions import inline_diff
from tests.factories import make_editor, make_press_release, make_publisher, make_topic
from tests.news.workflow_helpers import change_url, form_data

Status = PressRelease.Status
pytestmark = pytest.mark.django_db


def history_url(press_release):
    return reverse("admin:news_pressrelease_history", args=[press_release.pk])


def test_every_admin_save_keeps_a_version_with_user_and_note(client):
    editor = make_editor("olga")
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_pressrelease_add"), form_data(change_note="First draft.")
    )
    assert response.status_code == 302
    press_release = PressRelease.objects.get()
    assert press_release.created_by == editor
    data = form_data(press_release, title="Second title", change_note="Better title.")
    assert client.post(change_url(press_release), data).status_code == 302
    versions = list(Version.objects.get_for_object(press_release))
    assert len(versions) == 2
    assert versions[0].revision.user == editor
    assert "Better title." in versions[0].revision.comment
    assert "Title" in versions[0].revision.comment
    assert versions[0].field_dict["title"] == "Second title"
    assert versions[1].field_dict["title"] == "A new press release"


def test_every_state_change_is_in_the_history():
    editor, publisher = make_editor(), make_publisher()
    press_release = make_press_release(status=Status.DRAFT)
    services.submit_for_review(press_release, editor)
    services.return_to_draft(press_release, publisher, comment="Needs a quote.")
    services.submit_for_review(press_release, editor)
    services.publish(press_release, publisher)
    services.withdraw(press_release, publisher, reason="Outdated.")
    comments = [v.revision.comment for v in Version.objects.get_for_object(press_release)]
    assert comments == [
        "Withdrawn: Outdated.",
        "Published.",
        "Submitted for review.",
        "Returned to draft: Needs a quote.",
        "Submitted for review.",
    ]
    statuses = [v.field_dict["status"] for v in Version.objects.get_for_object(press_release)]
    assert statuses == ["withdrawn", "published", "review", "draft", "review"]


def test_history_page_shows_readable_diff(client):
    editor = make_editor()
    press_release = make_press_release(status=Status.DRAFT, title="Old words here")
    services.record_revision(press_release, editor, "Created.")
    press_release.title = "New words here"
    services.save_edit(press_release, editor)
    services.record_revision(press_release, editor, "Changed title.")
    client.force_login(editor)
    page = client.get(history_url(press_release)).content.decode()
    assert "<del>Old</del><ins>New</ins> words here" in page
    assert "Changed title." in page
    assert "Restore this version" in page


def test_diff_escapes_html_and_marks_changes():
    html = inline_diff("<p>Hello <b>world</b></p>", "<p>Hello <script>x</script></p>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<del>" in html and "<ins>" in html


def test_restore_brings_back_text_and_links_as_a_new_version(client):
    editor = make_editor()
    topic_a, topic_b = make_topic("Education"), make_topic("Trade")
    press_release = make_press_release(
        status=Status.DRAFT, title="First", body="<p>One</p>", topics=[topic_a]
    )
    services.record_revision(press_release, editor, "Created.")
    first = Version.objects.get_for_object(press_release).get()

    press_release.title = "Second"
    press_release.body = "<p>Two</p>"
    services.save_edit(press_release, editor)
    press_release.topics.set([topic_b])
    services.record_revision(press_release, editor, "Changed.")

    client.force_login(editor)
    url = reverse("admin:news_pressrelease_restore", args=[press_release.pk, first.pk])
    assert client.get(url).status_code == 302  # GET restores nothing
    assert PressRelease.objects.get(pk=press_release.pk).title == "Second"
    response = client.post(url)
    assert response.status_code == 302
    press_release.refresh_from_db()
    assert (press_release.title, press_release.body) == ("First", "<p>One</p>")
    assert list(press_release.topics.all()) == [topic_a]
    versions = list(Version.objects.get_for_object(press_release))
    assert len(versions) == 3  # history kept, one new version on top
    assert versions[0].revision.comment.startswith("Restored the version of")
    assert versions[0].revision.user == editor
    link_reprs = {
        v.object_repr
        for v in versions[0].revision.version_set.all()
        if v.content_type.model_class() is PressReleaseTopic
    }
    assert link_reprs == {"First → Education"}


def test_restore_keeps_the_workflow_status():
    editor, publisher = make_editor(), make_publisher()
    press_release = make_press_release(status=Status.DRAFT, title="Draft text")
    services.record_revision(press_release, editor, "Created.")
    draft_version = Version.objects.get_for_object(press_release).get()
    services.submit_for_review(press_release, editor)
    services.publish(press_release, publisher)
    services.restore_version(press_release, draft_version, publisher)
    press_release.refresh_from_db()
    assert press_release.status == Status.PUBLISHED


def test_editor_cannot_restore_a_published_press_release(client):
    editor = make_editor()
    press_release = make_press_release()
    services.record_revision(press_release, editor, "Created.")
    version = Version.objects.get_for_object(press_release).get()
    client.force_login(editor)
    url = reverse("admin:news_pressrelease_restore", args=[press_release.pk, version.pk])
    assert client.post(url).status_code == 403


def test_history_of_unknown_press_release_is_404(client):
    client.force_login(make_editor())
    assert client.get("/admin/news/pressrelease/999999/history/").status_code == 404


def test_restore_refuses_a_slug_now_taken_by_another_press_release(client):
    editor = make_editor()
    press_release = make_press_release(status=Status.DRAFT, slug="shared-slug")
    services.record_revision(press_release, editor, "Created.")
    version = Version.objects.get_for_object(press_release).get()
    press_release.slug = "renamed"
    services.save_edit(press_release, editor)
    make_press_release(status=Status.DRAFT, slug="shared-slug")
    client.force_login(editor)
    url = reverse("admin:news_pressrelease_restore", args=[press_release.pk, version.pk])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "now uses the slug" in response.content.decode()
    press_release.refresh_from_db()
    assert press_release.slug == "renamed"


def test_history_comment_of_a_morning_schedule_has_one_full_stop():
    publisher = make_publisher("morningpublisher")
    review = make_press_release("Morning embargo", status=PressRelease.Status.REVIEW)
    nine_am = timezone.make_aware(datetime.datetime(2030, 12, 1, 9, 0))

    services.publish(review, publisher, published_at=nine_am)

    comment = Version.objects.get_for_object(review).first().revision.get_comment()
    assert comment.startswith("Scheduled for ")
    assert ".." not in comment, comment
