"""The audit log in the admin: publishers and superusers read, filter and export it;
nobody adds, changes or deletes an entry through the site."""

import csv
import io

import pytest
from django.urls import reverse

from mfa_site.models import AuditEntry
from news import services
from news.models import PressRelease
from tests.factories import (
    make_editor,
    make_institution,
    make_press_release,
    make_publisher,
    make_superuser,
)

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-enough-Passw0rd"
CHANGELIST = "admin:mfa_site_auditentry_changelist"


def published_by(publisher, title="Audited release"):
    draft = make_press_release(title, status=PressRelease.Status.REVIEW)
    services.publish(draft, publisher)
    return draft


def test_publishing_writes_an_entry_with_who_what_which_and_where(
    client, django_capture_on_commit_callbacks
):
    publisher = make_publisher("entrypublisher")
    with django_capture_on_commit_callbacks(execute=True):
        draft = published_by(publisher)
    entry = AuditEntry.objects.get(action="publish")
    assert entry.user == publisher and entry.username == "entrypublisher"
    assert entry.content_type.model == "pressrelease"
    assert entry.object_id == str(draft.pk) and entry.object_repr == "Audited release"
    assert entry.created_at is not None
    assert entry.details["status"] == "published"


def test_admin_sign_in_records_the_client_address(client):
    make_editor("ipeditor", password=PASSWORD)
    client.post(
        reverse("admin:login"),
        {"username": "ipeditor", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
    )
    entry = AuditEntry.objects.get(action="login")
    assert entry.username == "ipeditor" and entry.ip_address == "203.0.113.7"
    client.post(
        reverse("admin:login"),
        {"username": "ipeditor", "password": "wrong-password-1"},
        REMOTE_ADDR="198.51.100.9",
    )
    failed = AuditEntry.objects.get(action="login_failed")
    assert failed.username == "ipeditor" and failed.ip_address == "198.51.100.9"


def test_admin_edit_of_a_directory_entry_is_in_the_audit_log(client):
    superuser = make_superuser("editingsuper")
    client.force_login(superuser)
    institution = make_institution("University of Ghent")
    response = client.post(
        reverse("admin:partners_institution_delete", args=[institution.pk]),
        {"post": "yes"},
        REMOTE_ADDR="192.0.2.44",
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="delete")
    assert entry.object_repr == "University of Ghent"
    assert entry.content_type.model == "institution"
    assert entry.ip_address == "192.0.2.44" and entry.user == superuser


@pytest.mark.parametrize("who", ["publisher", "superuser"])
def test_publishers_and_superusers_read_the_audit_log(
    client, who, django_capture_on_commit_callbacks
):
    publisher = make_publisher("readingpublisher")
    with django_capture_on_commit_callbacks(execute=True):
        draft = published_by(publisher, "Readable release")
    client.force_login(publisher if who == "publisher" else make_superuser("readingsuper"))
    response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Readable release" in html and "readingpublisher" in html and "published" in html
    assert reverse("admin:news_pressrelease_change", args=[draft.pk]) in html
    assert reverse("admin:mfa_site_auditentry_export") in html


def test_editors_cannot_read_the_audit_log(client):
    client.force_login(make_editor("curiouseditor"))
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.get(reverse("admin:mfa_site_auditentry_export")).status_code == 403


def test_the_audit_log_is_filtered_by_action_and_searched(client):
    AuditEntry.objects.create(username="alice", action="publish", object_repr="Alpha")
    AuditEntry.objects.create(username="bob", action="login")
    client.force_login(make_superuser("filtersuper"))
    html = client.get(reverse(CHANGELIST), {"action": "publish"}).content.decode()
    assert "Alpha" in html and "bob" not in html
    html = client.get(reverse(CHANGELIST), {"q": "bob"}).content.decode()
    assert "bob" in html and "Alpha" not in html


def test_export_csv_follows_the_filters_and_defuses_formulas(client):
    AuditEntry.objects.create(
        username="alice", action="publish", object_repr='=HYPERLINK("x")', ip_address="10.0.0.1"
    )
    AuditEntry.objects.create(username="bob", action="login")
    client.force_login(make_superuser("exportsuper"))
    response = client.get(reverse("admin:mfa_site_auditentry_export"), {"action": "publish"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["when", "user name", "action"]
    assert len(rows) == 2
    assert rows[1][1:3] == ["alice", "publish"]
    assert rows[1][5] == '\'=HYPERLINK("x")' and rows[1][6] == "10.0.0.1"


def test_export_with_a_bad_filter_is_not_a_server_error(client):
    client.force_login(make_superuser("badexportsuper"))
    response = client.get(reverse("admin:mfa_site_auditentry_export"), {"created_at__gte": "x"})
    assert response.status_code in (200, 302)


def test_nobody_adds_changes_or_deletes_entries_through_the_site(client):
    entry = AuditEntry.objects.create(username="alice", action="publish")
    client.force_login(make_superuser("mightysuper"))
    assert client.get(reverse("admin:mfa_site_auditentry_add")).status_code == 403
    change = reverse("admin:mfa_site_auditentry_change", args=[entry.pk])
    response = client.get(change)
    assert response.status_code == 200  # read-only view
    assert 'name="username"' not in response.content.decode()
    client.post(change, {"username": "mallory", "action": "nothing"})
    delete = reverse("admin:mfa_site_auditentry_delete", args=[entry.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.post(reverse(CHANGELIST), {"action": "delete_selected", "_selected_action": [entry.pk]})
    entry.refresh_from_db()
    assert entry.username == "alice" and entry.action == "publish"


def test_changelist_query_count_does_not_grow(client, django_assert_max_num_queries):
    for n in range(30):
        AuditEntry.objects.create(username=f"user{n}", action="publish", object_repr=f"R{n}")
    client.force_login(make_superuser("countsuper"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse(CHANGELIST)).status_code == 200
