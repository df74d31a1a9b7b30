"""The home page: latest published news, active partnerships, missions."""

import re

import pytest
from django.urls import reverse

from news.models import PressRelease
from partners.models import Partnership
from tests.factories import make_embassy, make_partnership, make_press_release, tomorrow

pytestmark = pytest.mark.django_db


def test_home_shows_latest_published_news_only(client):
    make_press_release("Published news")
    make_press_release("Draft news", status=PressRelease.Status.DRAFT)
    make_press_release("Scheduled news", published_at=tomorrow())
    make_press_release("Withdrawn news", status=PressRelease.Status.WITHDRAWN)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "Published news" in response.text
    for hidden in ("Draft news", "Scheduled news", "Withdrawn news"):
        assert hidden not in response.text


def test_home_shows_the_six_latest(client):
    for number in range(8):
        make_press_release(f"News {number}")
    assert len(client.get(reverse("home")).context["latest"]) == 6


def test_home_shows_active_partnerships_and_missions(client):
    make_partnership("Active one")
    make_partnership("Proposed one", status=Partnership.Status.PROPOSED)
    make_partnership("Completed one", status=Partnership.Status.COMPLETED)
    embassy = make_embassy("Embassy in Belgium")
    html = client.get(reverse("home")).text
    assert "Active one" in html
    assert "Proposed one" not in html and "Completed one" not in html
    assert f'href="{embassy.get_absolute_url()}"' in html


def test_home_has_one_h1_skip_link_landmarks_and_feed_links(client):
    html = client.get(reverse("home")).text
    assert html.count("<h1") == 1
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert '<html lang="en">' in html
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert 'rel="alternate" type="application/atom+xml"' in html


def test_no_inline_scripts_styles_or_outside_resources_on_public_pages(client):
    press_release = make_press_release(embassies=[make_embassy()])
    for url in (reverse("home"), reverse("news:list"), press_release.get_absolute_url()):
        html = client.get(url).text
        assert "style=" not in html
        assert "<style" not in html
        for tag in re.findall(r"<script[^>]*>", html):
            assert 'type="application/ld+json"' in tag
            assert "nonce=" in tag
        # Stylesheets, icons, images and scripts all come from the site itself.
        for resource in re.findall(r'<(?:link|img|script)[^>]* (?:href|src)="([^"]+)"', html):
            assert resource.startswith(("/", "http://testserver/")), resource
