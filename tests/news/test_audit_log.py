"""Every editorial action writes one JSON audit line naming the action, user and item."""

import datetime
import json
import logging

import pytest
from django.utils import timezone
from reversion.models import Version

from news import services
from news.models import PressRelease
from tests.factories import make_editor, make_press_release, make_publisher

Status = PressRelease.Status
pytestmark = pytest.mark.django_db
PASSWORD = "s3cret-Password-never-logged"


@pytest.fixture
def audit(caplog, django_capture_on_commit_callbacks):
    """The audit records written by the actions run inside the block (after commit)."""
    caplog.set_level(logging.INFO, logger="mfa.audit")

    class Capture:
        def __call__(self):
            return django_capture_on_commit_callbacks(execute=True)

        @property
        def records(self):
            return [r for r in caplog.records if r.name == "mfa.audit"]

    return Capture()


def json_line(record):
    handler = next(h for h in logging.getLogger().handlers if h.name == "json")
    assert handler.filter(record)
    line = handler.format(record)
    assert "\n" not in line
    return json.loads(line)


def assert_names(record, action, user, press_release):
    line = json_line(record)
    assert line["event"] == action
    assert line["user"] == user.username and line["user_id"] == user.pk
    assert line["object_type"] == "news.pressrelease"
    assert line["object_id"] == press_release.pk
    assert line["object_repr"] == press_release.title
    text = json.dumps(line)
    assert PASSWORD not in text and "pbkdf2" not in text and "password" not in text.lower()
    return line


def test_submit_publish_and_withdraw_are_logged_with_who_and_what(audit):
    editor = make_editor("auditeditor", password=PASSWORD)
    publisher = make_publisher("auditpublisher", password=PASSWORD)
    draft = make_press_release("Audit trail", status=Status.DRAFT)

    with audit():
        services.submit_for_review(draft, editor)
    assert_names(audit.records[-1], "submit", editor, draft)

    with audit():
        services.publish(draft, publisher)
    line = assert_names(audit.records[-1], "publish", publisher, draft)
    assert line["status"] == "published" and line["without_second_review"] is False

    with audit():
        services.withdraw(draft, publisher, reason="Published in error.")
    line = assert_names(audit.records[-1], "withdraw", publisher, draft)
    assert line["reason"] == "Published in error."
    assert [r.event for r in audit.records] == ["submit", "publish", "withdraw"]


def test_a_future_publication_is_logged_as_schedule(audit):
    publisher = make_publisher("schedpublisher", password=PASSWORD)
    review = make_press_release("Embargoed", status=Status.REVIEW)
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    with audit():
        services.publish(review, publisher, published_at=tomorrow)

    line = assert_names(audit.records[-1], "schedule", publisher, review)
    assert line["published_at"] == tomorrow.isoformat()


def test_publishing_own_submission_logs_the_waiver(audit):
    publisher = make_publisher("ownpublisher", password=PASSWORD)
    draft = make_press_release("Own", status=Status.DRAFT)
    services.submit_for_review(draft, publisher)

    with audit():
        services.publish(draft, publisher, second_review_waiver_reason="Minister's deadline.")

    line = assert_names(audit.records[-1], "publish", publisher, draft)
    assert line["without_second_review"] is True


def test_return_to_draft_and_restore_are_logged(audit):
    editor = make_editor("restoreeditor", password=PASSWORD)
    publisher = make_publisher("returnpublisher", password=PASSWORD)
    draft = make_press_release("Versions", status=Status.DRAFT)
    services.record_revision(draft, editor, "Created.")
    services.submit_for_review(draft, editor)

    with audit():
        services.return_to_draft(draft, publisher, comment="Check the quote.")
    assert_names(audit.records[-1], "return_to_draft", publisher, draft)

    version = Version.objects.get_for_object(draft).last()
    with audit():
        services.restore_version(draft, version, editor)
    line = assert_names(audit.records[-1], "restore", editor, draft)
    assert line["version_id"] == version.pk


def test_a_refused_action_writes_no_audit_line(audit):
    editor = make_editor("refusededitor", password=PASSWORD)
    review = make_press_release("Not yours to publish", status=Status.REVIEW)

    with audit(), pytest.raises(services.WorkflowError):
        services.publish(review, editor)

    assert audit.records == []
