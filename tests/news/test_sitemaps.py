"""/sitemap.xml with lastmod for every public page, and /robots.txt pointing to it."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from news.models import PressRelease
from tests.factories import (
    make_embassy,
    make_institution,
    make_partnership,
    make_person,
    make_press_release,
    tomorrow,
)

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def entries(client):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {url.findtext(f"{NS}loc"): url.findtext(f"{NS}lastmod") for url in root.iter(f"{NS}url")}


def test_sitemap_lists_public_pages_with_lastmod(client):
    press_release = make_press_release()
    embassy = make_embassy()
    institution = make_institution()
    partnership = make_partnership(institutions=[institution, make_institution()])
    person = make_person()
    urls = entries(client)
    for obj in (press_release, embassy, institution, partnership, person):
        url = f"http://testserver{obj.get_absolute_url()}"
        assert url in urls
        assert urls[url], f"{url} has no lastmod"
    assert "http://testserver/en/" in urls and "http://testserver/kk/" in urls
    assert "http://testserver/en/news/" in urls


def test_sitemap_leaves_out_draft_scheduled_and_withdrawn_news(client):
    hidden = [
        make_press_release(status=PressRelease.Status.DRAFT),
        make_press_release(status=PressRelease.Status.REVIEW),
        make_press_release(published_at=tomorrow()),
        make_press_release(status=PressRelease.Status.WITHDRAWN),
    ]
    urls = entries(client)
    for press_release in hidden:
        assert f"http://testserver{press_release.get_absolute_url()}" not in urls


def test_robots_txt_points_to_the_absolute_sitemap(client):
    response = client.get(reverse("robots"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text
    assert reverse("robots") == "/robots.txt"
    assert reverse("sitemap") == "/sitemap.xml"


def test_large_sitemap_becomes_an_index_of_paginated_sections(client, monkeypatch):
    from mfa_site import sitemap_views as sitemaps

    monkeypatch.setattr(sitemaps, "SPLIT_AT", 3)
    monkeypatch.setattr(sitemaps.SITEMAPS["news"], "limit", 2)
    made = [make_press_release() for _ in range(5)]
    response = client.get(reverse("sitemap"))
    root = ET.fromstring(response.content)
    assert root.tag == f"{NS}sitemapindex"
    locations = [loc.text for loc in root.iter(f"{NS}loc")]
    news_section = "http://testserver" + reverse("sitemap-section", args=["news"])
    assert news_section in locations
    assert f"{news_section}?p=3" in locations
    listed = set()
    for page in (1, 2, 3):
        page_xml = client.get(reverse("sitemap-section", args=["news"]), {"p": page})
        assert page_xml.status_code == 200
        listed |= {loc.text for loc in ET.fromstring(page_xml.content).iter(f"{NS}loc")}
    assert {f"http://testserver{item.get_absolute_url()}" for item in made} <= listed
    assert client.get(reverse("sitemap-section", args=["nothing"])).status_code == 404
    assert client.get(reverse("sitemap-section", args=["news"]), {"p": 9}).status_code == 404


def test_small_sitemap_stays_one_file(client):
    make_press_release()
    root = ET.fromstring(client.get(reverse("sitemap")).content)
    assert root.tag == f"{NS}urlset"


def test_section_pages_list_each_press_release_in_its_own_languages(
    client, monkeypatch, django_assert_max_num_queries
):
    """A section page holds `limit` press releases (not `limit` URLs), each in the languages
    it is written in: 8 press releases at 2 a page are 4 pages, not 5 (10 URLs)."""
    from mfa_site import sitemap_views as sitemaps

    monkeypatch.setattr(sitemaps, "SPLIT_AT", 1)
    monkeypatch.setattr(sitemaps.SITEMAPS["news"], "limit", 2)
    english = make_press_release("Only in English")
    trilingual = make_press_release(
        "In three languages",
        title_ru="На трёх языках",
        lead_ru="Вводка.",
        body_ru="<p>Текст.</p>",
        title_kk="Үш тілде",
        lead_kk="Кіріспе.",
        body_kk="<p>Мәтін.</p>",
    )
    for _ in range(6):
        make_press_release()
    with django_assert_max_num_queries(3):  # the count and the page's slice, none per item
        page = client.get(reverse("sitemap-section", args=["news"]), {"p": 1})
    assert page.status_code == 200
    locations = [url.findtext(f"{NS}loc") for url in ET.fromstring(page.content).iter(f"{NS}url")]
    assert sorted(locations) == sorted(
        [
            f"http://testserver/en/news/{english.slug}/",
            *(f"http://testserver/{code}/news/{trilingual.slug}/" for code in ("kk", "ru", "en")),
        ]
    )
    assert client.get(reverse("sitemap-section", args=["news"]), {"p": 4}).status_code == 200
    assert client.get(reverse("sitemap-section", args=["news"]), {"p": 5}).status_code == 404


def test_a_section_counts_its_press_releases_once_per_change_of_the_news(
    client, settings, monkeypatch, django_assert_num_queries
):
    """Counting every published press release is a scan (15 ms at 50,000 on PostgreSQL):
    the count is kept until the news changes, and a new press release adds its page."""
    from mfa_site import sitemap_views as sitemaps

    settings.PAGE_CACHE = False  # the section itself is built on every request
    monkeypatch.setattr(sitemaps.SITEMAPS["news"], "limit", 2)
    for _ in range(4):
        make_press_release()
    section = reverse("sitemap-section", args=["news"])
    assert client.get(section, {"p": 2}).status_code == 200  # the count, then kept
    with django_assert_num_queries(1):  # the page's slice alone
        assert client.get(section, {"p": 2}).status_code == 200
    assert client.get(section, {"p": 3}).status_code == 404
    make_press_release()  # published: the news changed
    assert client.get(section, {"p": 3}).status_code == 200
