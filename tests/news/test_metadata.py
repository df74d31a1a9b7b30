"""Title, description, canonical URL, OpenGraph/Twitter and JSON-LD on the news pages."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.urls import reverse

from tests.factories import image_file, make_press_release

pytestmark = pytest.mark.django_db

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")


def json_ld(html):
    """Every ld+json block of the page, parsed (fails if one is not valid JSON)."""
    blocks = re.findall(
        r'<script type="application/ld\+json" nonce="[^"]*">(.*?)</script>', html, re.S
    )
    return [json.loads(block) for block in blocks]


def by_type(blocks, kind):
    return next(block for block in blocks if block["@type"] == kind)


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match.group(1) if match else None


@pytest.fixture
def press_release():
    return make_press_release(
        "Ambassador meets rector",
        slug="ambassador-meets-rector",
        lead="The ambassador met the rector of the University of Antwerp. " * 6,
        published_at=datetime.datetime(2026, 2, 10, 11, 30, tzinfo=ALMATY),
        source="Ministry of Foreign Affairs of the Republic of Kazakhstan",
        image=image_file(size=(1200, 630)),
        image_alt="The ambassador and the rector",
    )


def test_detail_title_description_and_canonical(client, press_release):
    html = client.get(press_release.get_absolute_url()).text
    assert "<title>Ambassador meets rector – Ministry of Foreign Affairs" in html
    description = meta(html, "name", "description")
    assert description.startswith("The ambassador met the rector")
    assert len(description) <= 160
    assert (
        '<link rel="canonical" href="http://testserver/en/news/ambassador-meets-rector/">' in html
    )


def test_detail_opengraph_and_twitter_card_with_image_alt(client, press_release):
    html = client.get(press_release.get_absolute_url()).text
    assert meta(html, "property", "og:type") == "article"
    assert meta(html, "property", "og:title") == "Ambassador meets rector"
    assert meta(html, "property", "og:url") == "http://testserver/en/news/ambassador-meets-rector/"
    assert meta(html, "property", "og:image").startswith("http://testserver/media/news/")
    assert meta(html, "property", "og:image:alt") == "The ambassador and the rector"
    assert meta(html, "name", "twitter:card") == "summary_large_image"
    assert meta(html, "name", "twitter:image:alt") == "The ambassador and the rector"
    assert meta(html, "property", "article:published_time") == "2026-02-10T11:30:00+05:00"


def test_detail_without_image_has_a_small_card_and_no_image(client):
    html = client.get(make_press_release().get_absolute_url()).text
    assert meta(html, "name", "twitter:card") == "summary"
    assert meta(html, "property", "og:image") is None
    assert "image" not in by_type(json_ld(html), "NewsArticle")


def test_detail_news_article_json_ld(client, press_release):
    html = client.get(press_release.get_absolute_url()).text
    article = by_type(json_ld(html), "NewsArticle")
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Ambassador meets rector"
    assert article["datePublished"] == "2026-02-10T11:30:00+05:00"
    assert article["dateModified"]
    assert article["image"][0].startswith("http://testserver/media/news/")
    assert article["publisher"]["@type"] == "GovernmentOrganization"
    assert article["publisher"]["name"].startswith("Ministry of Foreign Affairs")
    assert article["author"]["name"] == "Ministry of Foreign Affairs of the Republic of Kazakhstan"
    assert article["mainEntityOfPage"] == "http://testserver/en/news/ambassador-meets-rector/"


def test_breadcrumb_list_json_ld(client, press_release):
    html = client.get(press_release.get_absolute_url()).text
    crumbs = by_type(json_ld(html), "BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"]) for c in crumbs] == [
        (1, "Home"),
        (2, "News"),
        (3, "Ambassador meets rector"),
    ]
    assert crumbs[1]["item"] == "http://testserver/en/news/"


def test_json_ld_cannot_be_closed_by_the_content(client):
    press_release = make_press_release(
        "</script><script>alert(1)</script> & more", slug="hostile-title"
    )
    html = client.get(press_release.get_absolute_url()).text
    assert "</script><script>alert(1)" not in html
    article = by_type(json_ld(html), "NewsArticle")
    assert article["headline"] == "</script><script>alert(1)</script> & more"


def test_list_and_home_have_title_description_canonical(client):
    make_press_release()
    for url in (reverse("home"), reverse("news:list")):
        html = client.get(url).text
        assert "<title>" in html
        assert meta(html, "name", "description")
        assert f'<link rel="canonical" href="http://testserver{url}">' in html
        assert meta(html, "property", "og:title")
    crumbs = by_type(json_ld(client.get(reverse("news:list")).text), "BreadcrumbList")
    assert len(crumbs["itemListElement"]) == 2


def test_filtered_list_is_not_indexed(client):
    html = client.get(reverse("news:list"), {"q": "antwerp"}).text
    assert '<meta name="robots" content="noindex, follow">' in html
