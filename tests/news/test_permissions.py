"""Who may do what in the press-release admin: anonymous, editor, publisher, superuser."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from news.models import PressRelease
from tests.factories import (
    make_editor,
    make_press_release,
    make_publisher,
    make_superuser,
    make_user,
)
from tests.news.workflow_helpers import change_url, form_data

Status = PressRelease.Status
ROLES = ["anonymous", "editor", "publisher", "superuser"]


def login(client, role):
    user = {
        "anonymous": lambda: None,
        "editor": make_editor,
        "publisher": make_publisher,
        "superuser": make_superuser,
    }[role]()
    if user is not None:
        client.force_login(user)
    return user


@pytest.mark.django_db
def test_migration_creates_both_groups_with_publish_permission_only_for_publishers():
    editors = Group.objects.get(name="Editors")
    publishers = Group.objects.get(name="Publishers")
    editor_perms = set(editors.permissions.values_list("codename", flat=True))
    publisher_perms = set(publishers.permissions.values_list("codename", flat=True))
    assert "publish_pressrelease" not in editor_perms
    assert "publish_pressrelease" in publisher_perms
    assert editor_perms < publisher_perms
    for codename in (
        "add_pressrelease",
        "change_pressrelease",
        "view_pressrelease",
        "add_topic",
        "add_pressreleaseembassy",
        "add_institution",
        "change_embassy",
        "view_partnership",
        "add_person",
    ):
        assert codename in editor_perms


# (role, expected status) for GET pages
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("editor", 200), ("publisher", 200), ("superuser", 200)],
)
@pytest.mark.parametrize("screen", ["changelist", "add", "change_draft", "history", "preview"])
def test_admin_pages_open_for_staff_roles_only(client, role, expected, screen):
    draft = make_press_release(status=Status.DRAFT)
    url = {
        "changelist": reverse("admin:news_pressrelease_changelist"),
        "add": reverse("admin:news_pressrelease_add"),
        "change_draft": change_url(draft),
        "history": reverse("admin:news_pressrelease_history", args=[draft.pk]),
        "preview": reverse("news:preview", args=[draft.pk]),
    }[screen]
    login(client, role)
    response = client.get(url)
    assert response.status_code == expected
    if role == "anonymous":
        assert "login" in response["Location"]


@pytest.mark.django_db
def test_staff_without_press_release_permission_gets_403_and_404(client):
    client.force_login(make_user())
    draft = make_press_release(status=Status.DRAFT)
    assert client.get(change_url(draft)).status_code == 403
    assert client.get(reverse("news:preview", args=[draft.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "can_edit"), [("editor", False), ("publisher", True), ("superuser", True)]
)
def test_published_press_release_is_read_only_for_editors(client, role, can_edit):
    published = make_press_release()
    login(client, role)
    response = client.get(change_url(published))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is can_edit
    data = form_data(published, publisher=can_edit, title="Changed title")
    response = client.post(change_url(published), data)
    published.refresh_from_db()
    assert (published.title == "Changed title") is can_edit
    if not can_edit:
        assert response.status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status", "deleted"),
    [
        ("editor", Status.DRAFT, True),
        ("publisher", Status.DRAFT, True),
        ("superuser", Status.DRAFT, True),
        ("editor", Status.REVIEW, False),
        ("publisher", Status.PUBLISHED, False),
        ("superuser", Status.PUBLISHED, False),
        ("superuser", Status.WITHDRAWN, False),
    ],
)
def test_only_drafts_can_be_deleted_in_the_admin(client, role, status, deleted):
    press_release = make_press_release(status=status)
    login(client, role)
    url = reverse("admin:news_pressrelease_delete", args=[press_release.pk])
    assert client.get(url).status_code == (200 if deleted else 403)
    response = client.post(url, {"post": "yes"})
    assert response.status_code == (302 if deleted else 403)
    assert PressRelease.objects.filter(pk=press_release.pk).exists() is not deleted


@pytest.mark.django_db
def test_a_draft_once_published_and_returned_is_not_deletable(client):
    press_release = make_press_release(status=Status.DRAFT)
    PressRelease.objects.filter(pk=press_release.pk).update(publish_action_at="2026-01-01T00:00Z")
    client.force_login(make_superuser())
    url = reverse("admin:news_pressrelease_delete", args=[press_release.pk])
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_delete_action_refuses_when_a_published_one_is_selected(client):
    draft = make_press_release(status=Status.DRAFT)
    published = make_press_release()
    client.force_login(make_superuser())
    response = client.post(
        reverse("admin:news_pressrelease_changelist"),
        {"action": "delete_drafts", "_selected_action": [draft.pk, published.pk], "post": "yes"},
        follow=True,
    )
    assert PressRelease.objects.filter(pk__in=[draft.pk, published.pk]).count() == 2
    assert "Only drafts can be deleted" in response.content.decode()


@pytest.mark.django_db
def test_delete_action_deletes_drafts_after_confirmation(client):
    drafts = [make_press_release(status=Status.DRAFT) for _ in range(2)]
    client.force_login(make_editor())
    response = client.post(
        reverse("admin:news_pressrelease_changelist"),
        {"action": "delete_drafts", "_selected_action": [d.pk for d in drafts], "post": "yes"},
    )
    assert response.status_code == 302
    assert not PressRelease.objects.filter(pk__in=[d.pk for d in drafts]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "actions"),
    [
        ("editor", {"submit_selected", "delete_drafts", "detect_mentions_action"}),
        (
            "publisher",
            {
                "submit_selected",
                "publish_selected",
                "withdraw_selected",
                "delete_drafts",
                "detect_mentions_action",
            },
        ),
    ],
)
def test_change_list_offers_actions_by_role(client, role, actions):
    make_press_release(status=Status.DRAFT)
    login(client, role)
    response = client.get(reverse("admin:news_pressrelease_changelist"))
    offered = {name for name, _label in response.context["action_form"].fields["action"].choices}
    assert offered - {""} == actions
    assert "delete_selected" not in offered


@pytest.mark.django_db
def test_editor_cannot_run_publish_action_by_crafted_post(client):
    review = make_press_release(status=Status.REVIEW)
    client.force_login(make_editor())
    client.post(
        reverse("admin:news_pressrelease_changelist"),
        {"action": "publish_selected", "_selected_action": [review.pk]},
    )
    review.refresh_from_db()
    assert review.status == Status.REVIEW


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "transition", "start", "allowed"),
    [
        ("editor", "submit", Status.DRAFT, True),
        ("editor", "publish", Status.REVIEW, False),
        ("editor", "return", Status.REVIEW, False),
        ("publisher", "submit", Status.DRAFT, True),
        ("publisher", "publish", Status.REVIEW, True),
        ("publisher", "return", Status.REVIEW, True),
        ("publisher", "withdraw", Status.PUBLISHED, True),
        ("publisher", "publish", Status.DRAFT, False),
        ("superuser", "publish", Status.REVIEW, True),
        ("superuser", "withdraw", Status.PUBLISHED, True),
        ("superuser", "withdraw", Status.REVIEW, False),
    ],
)
def test_transition_buttons_by_role(client, role, transition, start, allowed):
    targets = {
        "submit": Status.REVIEW,
        "publish": Status.PUBLISHED,
        "return": Status.DRAFT,
        "withdraw": Status.WITHDRAWN,
    }
    press_release = make_press_release(status=start)
    user = login(client, role)
    publisher = user.has_perm("news.publish_pressrelease")
    data = form_data(
        press_release,
        publisher=publisher,
        _transition=transition,
        review_feedback="Shorter lead, please.",
    )
    if publisher and transition == "withdraw":
        data["withdrawn_reason_en"] = "Published in error."
    response = client.post(change_url(press_release), data)
    press_release.refresh_from_db()
    if allowed:
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert press_release.status == targets[transition]
    else:
        assert press_release.status == start
        assert response.status_code in (200, 403)
