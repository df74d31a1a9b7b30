"""Previews: staff see any press release as the public will; preview links for outsiders."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news import services
from news.models import PressRelease, PreviewToken
from tests.factories import make_editor, make_press_release, make_publisher, make_user

Status = PressRelease.Status
pytestmark = pytest.mark.django_db


def preview_url(press_release):
    return reverse("news:preview", args=[press_release.pk])


def test_staff_preview_shows_the_draft_with_a_banner(client):
    draft = make_press_release(status=Status.DRAFT, title="Secret draft", body="<p>Draft body</p>")
    client.force_login(make_editor())
    response = client.get(preview_url(draft))
    assert response.status_code == 200
    assert response.context["is_preview"] is True
    page = response.content.decode()
    assert "Secret draft" in page and "Draft body" in page
    assert "preview-banner" in page
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "no-store" in response["Cache-Control"]


def test_preview_uses_the_public_detail_view():
    from news.preview import StaffPreviewView, TokenPreviewView
    from news.views import PressReleaseDetailView

    assert issubclass(StaffPreviewView, PressReleaseDetailView)
    assert issubclass(TokenPreviewView, PressReleaseDetailView)


def test_anonymous_is_sent_to_login_and_public_page_stays_404(client):
    draft = make_press_release(status=Status.DRAFT)
    response = client.get(preview_url(draft))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_logged_in_non_staff_cannot_preview(client):
    client.force_login(make_user(is_staff=False))
    draft = make_press_release(status=Status.DRAFT)
    assert client.get(preview_url(draft)).status_code == 302


def test_unknown_press_release_preview_is_404(client):
    client.force_login(make_editor())
    assert client.get("/en/news/preview/987654/").status_code == 404


def test_preview_link_opens_the_draft_for_anyone(client):
    draft = make_press_release(status=Status.DRAFT, title="Shared draft")
    token = services.create_preview_token(draft, make_editor())
    assert len(token.token) >= 40
    response = client.get(token.get_absolute_url())
    assert response.status_code == 200
    assert "Shared draft" in response.content.decode()
    assert response["Referrer-Policy"] == "no-referrer"


def test_several_valid_links_to_one_draft_all_work(client):
    draft = make_press_release(status=Status.DRAFT)
    editor = make_editor()
    first = services.create_preview_token(draft, editor)
    second = services.create_preview_token(draft, editor)
    assert client.get(first.get_absolute_url()).status_code == 200
    assert client.get(second.get_absolute_url()).status_code == 200


def test_preview_tokens_are_unguessable_and_unique():
    draft = make_press_release(status=Status.DRAFT)
    editor = make_editor()
    tokens = {services.create_preview_token(draft, editor).token for _ in range(5)}
    assert len(tokens) == 5


def test_preview_link_expires_after_seven_days(client):
    draft = make_press_release(status=Status.DRAFT)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        token = services.create_preview_token(draft, make_editor())
    assert token.expires_at == start + datetime.timedelta(days=7)
    with time_machine.travel(start + datetime.timedelta(days=6, hours=23), tick=False):
        assert client.get(token.get_absolute_url()).status_code == 200
    with time_machine.travel(start + datetime.timedelta(days=7, seconds=1), tick=False):
        assert client.get(token.get_absolute_url()).status_code == 404
        assert not PreviewToken.objects.valid().filter(pk=token.pk).exists()


def test_revoked_preview_link_is_404(client):
    draft = make_press_release(status=Status.DRAFT)
    token = services.create_preview_token(draft, make_editor())
    services.revoke_preview_token(token)
    assert client.get(token.get_absolute_url()).status_code == 404


def test_preview_link_after_publication_leads_to_the_public_page(client):
    editor, publisher = make_editor(), make_publisher()
    draft = make_press_release(status=Status.DRAFT)
    token = services.create_preview_token(draft, editor)
    services.submit_for_review(draft, editor)
    assert client.get(token.get_absolute_url()).status_code == 200  # review still previews
    services.publish(draft, publisher)
    response = client.get(token.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()


def test_preview_link_of_scheduled_press_release_is_404_until_it_is_public(client):
    editor, publisher = make_editor(), make_publisher()
    draft = make_press_release(status=Status.DRAFT)
    token = services.create_preview_token(draft, editor)
    services.submit_for_review(draft, editor)
    services.publish(draft, publisher, published_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(token.get_absolute_url()).status_code == 404


def test_unknown_token_is_404(client):
    assert client.get(reverse("news:preview-token", args=["nope"])).status_code == 404


def test_admin_creates_and_revokes_preview_links(client):
    draft = make_press_release(status=Status.DRAFT)
    client.force_login(make_editor())
    change = reverse("admin:news_pressrelease_change", args=[draft.pk])
    assert "Create preview link" in client.get(change).content.decode()
    create = reverse("admin:news_pressrelease_preview_link_create", args=[draft.pk])
    assert client.get(create).status_code == 403  # POST only
    response = client.post(create, follow=True)
    token = PreviewToken.objects.get(press_release=draft)
    assert token.get_absolute_url() in response.content.decode()
    revoke = reverse("admin:news_pressrelease_preview_link_revoke", args=[draft.pk, token.pk])
    client.post(revoke)
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_no_preview_links_for_published_press_releases(client):
    published = make_press_release()
    client.force_login(make_publisher())
    create = reverse("admin:news_pressrelease_preview_link_create", args=[published.pk])
    client.post(create)
    assert not PreviewToken.objects.exists()


def test_token_is_valid_reflects_the_rules():
    token = PreviewToken(
        press_release=PressRelease(status=Status.DRAFT),
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    assert token.is_valid()
    token.revoked_at = timezone.now()
    assert not token.is_valid()
