"""Every state change, allowed and refused, through the services and the admin form."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news import services
from news.models import PressRelease
from tests.factories import make_editor, make_press_release, make_publisher, make_superuser
from tests.news.workflow_helpers import change_url, form_data

Status = PressRelease.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return make_editor()


@pytest.fixture
def publisher(db):
    return make_publisher()


def test_submit_moves_draft_to_review_and_records_who(editor):
    draft = make_press_release(status=Status.DRAFT)
    services.submit_for_review(draft, editor)
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    assert draft.submitted_by == editor
    assert draft.submitted_at is not None
    assert draft.updated_by == editor


def test_return_to_draft_needs_a_comment_and_keeps_it(publisher):
    review = make_press_release(status=Status.REVIEW)
    with pytest.raises(services.WorkflowError):
        services.return_to_draft(review, publisher, comment="  ")
    services.return_to_draft(review, publisher, comment="Needs changes: the quote.")
    review.refresh_from_db()
    assert review.status == Status.DRAFT
    assert review.review_comment == "Needs changes: the quote."


def test_editor_may_not_return_publish_or_withdraw(editor):
    review = make_press_release(status=Status.REVIEW)
    published = make_press_release()
    with pytest.raises(services.WorkflowError, match="Only publishers"):
        services.publish(review, editor)
    with pytest.raises(services.WorkflowError, match="Only publishers"):
        services.return_to_draft(review, editor, comment="x")
    with pytest.raises(services.WorkflowError, match="Only publishers"):
        services.withdraw(published, editor, reason="x")
    review.refresh_from_db()
    published.refresh_from_db()
    assert (review.status, published.status) == (Status.REVIEW, Status.PUBLISHED)


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (Status.DRAFT, Status.PUBLISHED),
        (Status.DRAFT, Status.WITHDRAWN),
        (Status.REVIEW, Status.WITHDRAWN),
        (Status.REVIEW, Status.REVIEW),
        (Status.PUBLISHED, Status.REVIEW),
        (Status.WITHDRAWN, Status.PUBLISHED),
        (Status.WITHDRAWN, Status.DRAFT),
    ],
)
def test_impossible_transitions_are_refused_even_for_superusers(start, target):
    press_release = make_press_release(status=start)
    assert not press_release.can_transition(target, make_superuser())


def test_public_press_release_cannot_go_back_to_draft_but_scheduled_one_can(publisher):
    public = make_press_release()
    scheduled = make_press_release(published_at=timezone.now() + datetime.timedelta(days=2))
    assert not public.can_transition(Status.DRAFT, publisher)
    assert scheduled.can_transition(Status.DRAFT, publisher)
    services.return_to_draft(scheduled, publisher, comment="Not yet.")
    scheduled.refresh_from_db()
    assert scheduled.status == Status.DRAFT
    assert scheduled.published_at is None


def test_publish_records_publisher_and_time(editor, publisher):
    review = make_press_release(status=Status.REVIEW)
    PressRelease.objects.filter(pk=review.pk).update(submitted_by=editor)
    review.refresh_from_db()
    services.publish(review, publisher)
    review.refresh_from_db()
    assert review.status == Status.PUBLISHED
    assert review.published_by == publisher
    assert review.publish_action_at is not None
    assert review.is_published()
    assert review.second_review_waiver_reason == ""


def test_four_eyes_publisher_publishing_own_submission_needs_a_reason(publisher):
    draft = make_press_release(status=Status.DRAFT)
    services.submit_for_review(draft, publisher)
    with pytest.raises(services.WorkflowError, match="yourself"):
        services.publish(draft, publisher)
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    services.publish(draft, publisher, second_review_waiver_reason="Urgent: minister's visit.")
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.second_review_waiver_reason == "Urgent: minister's visit."


def test_four_eyes_in_the_admin_form(client, publisher):
    review = make_press_release(status=Status.REVIEW)
    PressRelease.objects.filter(pk=review.pk).update(submitted_by=publisher)
    review.refresh_from_db()
    client.force_login(publisher)
    response = client.post(
        change_url(review), form_data(review, publisher=True, _transition="publish")
    )
    assert response.status_code == 200
    assert "publish_without_second_review" in response.context["adminform"].form.errors
    review.refresh_from_db()
    assert review.status == Status.REVIEW
    response = client.post(
        change_url(review),
        form_data(
            review,
            publisher=True,
            _transition="publish",
            publish_without_second_review="on",
            second_review_waiver="Colleague on leave.",
        ),
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == Status.PUBLISHED
    assert review.second_review_waiver_reason == "Colleague on leave."


def test_withdraw_needs_a_reason_and_records_who(publisher):
    published = make_press_release()
    with pytest.raises(services.WorkflowError):
        services.withdraw(published, publisher, reason="")
    services.withdraw(published, publisher, reason="The event was cancelled.")
    published.refresh_from_db()
    assert published.status == Status.WITHDRAWN
    assert published.withdrawn_reason == "The event was cancelled."
    assert published.withdrawn_by == publisher


def test_withdrawn_page_stays_and_leaves_the_list(client, publisher):
    published = make_press_release(title="Cancelled visit")
    services.withdraw(published, publisher, reason="The visit was cancelled.")
    page = client.get(published.get_absolute_url())
    assert page.status_code == 200
    listing = client.get(reverse("news:list"))
    assert "Cancelled visit" not in listing.content.decode()
    assert published not in PressRelease.objects.published()


def test_crafted_status_post_from_editor_changes_nothing_and_says_why(client, editor):
    draft = make_press_release(status=Status.DRAFT)
    client.force_login(editor)
    response = client.post(change_url(draft), form_data(draft, status="published"))
    assert response.status_code == 200
    assert "status changes only through the workflow buttons" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_crafted_schedule_post_from_editor_is_refused(client, editor):
    draft = make_press_release(status=Status.DRAFT)
    client.force_login(editor)
    response = client.post(
        change_url(draft),
        form_data(draft, published_at_0="2030-01-01", published_at_1="10:00:00"),
    )
    assert "Only publishers may set the publication time" in response.content.decode()
    draft.refresh_from_db()
    assert draft.published_at is None


def test_crafted_publish_button_from_editor_is_refused_with_a_reason(client, editor):
    review = make_press_release(status=Status.REVIEW)
    client.force_login(editor)
    response = client.post(change_url(review), form_data(review, _transition="publish"))
    assert response.status_code == 200
    assert "Only publishers" in response.content.decode()
    review.refresh_from_db()
    assert review.status == Status.REVIEW


def test_editor_submits_from_the_form_with_a_change_note(client, editor):
    draft = make_press_release(status=Status.DRAFT)
    client.force_login(editor)
    response = client.post(
        change_url(draft),
        form_data(draft, title="Better title", _transition="submit", change_note="Title fixed."),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.title) == (Status.REVIEW, "Better title")
    assert draft.submitted_by == editor


def test_publisher_returns_from_form_with_comment(client, publisher):
    review = make_press_release(status=Status.REVIEW)
    client.force_login(publisher)
    response = client.post(
        change_url(review), form_data(review, publisher=True, _transition="return")
    )
    assert "review_feedback" in response.context["adminform"].form.errors
    response = client.post(
        change_url(review),
        form_data(review, publisher=True, _transition="return", review_feedback="Add a quote."),
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.status, review.review_comment) == (Status.DRAFT, "Add a quote.")
    page = client.get(change_url(review)).content.decode()
    assert "Add a quote." in page


def test_withdraw_from_form_needs_reason(client, publisher):
    published = make_press_release()
    client.force_login(publisher)
    response = client.post(
        change_url(published),
        form_data(published, publisher=True, _transition="withdraw", withdrawn_reason=""),
    )
    assert "withdrawn_reason_en" in response.context["adminform"].form.errors
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED


def test_withdraw_action_asks_for_a_reason_first(client, publisher):
    published = make_press_release()
    client.force_login(publisher)
    url = reverse("admin:news_pressrelease_changelist")
    response = client.post(url, {"action": "withdraw_selected", "_selected_action": [published.pk]})
    assert response.status_code == 200
    assert "Reason for withdrawal" in response.content.decode()
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    client.post(
        url,
        {
            "action": "withdraw_selected",
            "_selected_action": [published.pk],
            "confirm": "yes",
            "reason_en": "Duplicate.",
        },
    )
    published.refresh_from_db()
    assert (published.status, published.withdrawn_reason) == (Status.WITHDRAWN, "Duplicate.")


def test_publish_action_publishes_reviews_and_reports_refusals(client, editor, publisher):
    review = make_press_release(status=Status.REVIEW)
    PressRelease.objects.filter(pk=review.pk).update(submitted_by=editor)
    draft = make_press_release(status=Status.DRAFT)
    client.force_login(publisher)
    response = client.post(
        reverse("admin:news_pressrelease_changelist"),
        {"action": "publish_selected", "_selected_action": [review.pk, draft.pk]},
        follow=True,
    )
    review.refresh_from_db()
    draft.refresh_from_db()
    assert (review.status, draft.status) == (Status.PUBLISHED, Status.DRAFT)
    assert "cannot become published" in response.content.decode()


def test_submit_action_for_editors(client, editor):
    draft = make_press_release(status=Status.DRAFT)
    client.force_login(editor)
    client.post(
        reverse("admin:news_pressrelease_changelist"),
        {"action": "submit_selected", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW


# --- scheduling ------------------------------------------------------------------


def test_scheduled_press_release_appears_by_itself_at_its_time(client, editor, publisher):
    start = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        review = make_press_release(title="Embargoed news", status=Status.REVIEW)
        PressRelease.objects.filter(pk=review.pk).update(submitted_by=editor)
        review.refresh_from_db()
        services.publish(review, publisher, published_at=start + datetime.timedelta(hours=3))
        review.refresh_from_db()
        assert review.is_scheduled
        assert review.workflow_label == "Scheduled"
        assert client.get(review.get_absolute_url()).status_code == 404
        assert "Embargoed news" not in client.get(reverse("news:list")).content.decode()
    with time_machine.travel(start + datetime.timedelta(hours=3, minutes=1), tick=False):
        assert not PressRelease.objects.get(pk=review.pk).is_scheduled
        assert client.get(review.get_absolute_url()).status_code == 200
        assert "Embargoed news" in client.get(reverse("news:list")).content.decode()


def test_publisher_schedules_from_the_form_in_site_time(client, editor, publisher, settings):
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC), tick=False):
        review = make_press_release(status=Status.REVIEW)
        PressRelease.objects.filter(pk=review.pk).update(submitted_by=editor)
        review.refresh_from_db()
        client.force_login(publisher)
        form_page = client.get(change_url(review)).content.decode()
        assert settings.TIME_ZONE in form_page
        response = client.post(
            change_url(review),
            form_data(
                review,
                publisher=True,
                _transition="publish",
                published_at_0="2026-03-05",
                published_at_1="10:00:00",
            ),
        )
        assert response.status_code == 302
        review.refresh_from_db()
        assert review.status == Status.PUBLISHED
        assert review.is_scheduled
        assert timezone.localtime(review.published_at).hour == 10
        assert str(timezone.localtime(review.published_at).tzinfo) == settings.TIME_ZONE
