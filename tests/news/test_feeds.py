"""RSS and Atom feeds: all news and per subject, published items only."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from news.models import PressRelease
from tests.factories import (
    make_embassy,
    make_institution,
    make_partnership,
    make_press_release,
    make_topic,
    tomorrow,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    return [item.findtext("title") for item in root.iter("item")]


def atom_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def make_hidden_versions(**links):
    make_press_release("Draft item", status=PressRelease.Status.DRAFT, **links)
    make_press_release("Review item", status=PressRelease.Status.REVIEW, **links)
    make_press_release("Scheduled item", published_at=tomorrow(), **links)
    make_press_release("Withdrawn item", status=PressRelease.Status.WITHDRAWN, **links)


def test_rss_and_atom_carry_only_published_news(client):
    topic = make_topic("Education")
    make_press_release("Published item", lead="The lead.", topics=[topic])
    make_hidden_versions()
    assert rss_titles(client.get(reverse("news:feed"))) == ["Published item"]
    assert atom_titles(client.get(reverse("news:feed-atom"))) == ["Published item"]


def test_rss_item_has_link_date_description_and_category(client):
    topic = make_topic("Education")
    press_release = make_press_release("Published item", lead="The lead.", topics=[topic])
    root = ET.fromstring(client.get(reverse("news:feed")).content)
    item = root.find("channel/item")
    assert item.findtext("link") == f"http://testserver{press_release.get_absolute_url()}"
    assert item.findtext("description") == "The lead."
    assert item.findtext("pubDate")
    assert item.findtext("category") == "Education"


@pytest.mark.parametrize("kind", ["topic", "embassy", "institution", "partnership"])
def test_subject_feeds_carry_only_published_news_about_the_subject(client, kind):
    subject = {
        "topic": make_topic,
        "embassy": make_embassy,
        "institution": make_institution,
        "partnership": make_partnership,
    }[kind]()
    relation = {"topic": "topics", "embassy": "embassies"}.get(kind, f"{kind}s")
    make_press_release("About it", **{relation: [subject]})
    make_press_release("Not about it")
    make_hidden_versions(**{relation: [subject]})
    rss = client.get(reverse(f"news:feed-{kind}", args=[subject.slug]))
    atom = client.get(reverse(f"news:feed-{kind}-atom", args=[subject.slug]))
    assert rss_titles(rss) == ["About it"]
    assert atom_titles(atom) == ["About it"]
    assert str(subject) in rss.text
    assert (
        reverse(f"news:feed-{kind}", args=[subject.slug]) == f"/en/news/feed/{kind}/{subject.slug}/"
    )


def test_subject_feed_of_unknown_slug_is_404(client):
    assert client.get(reverse("news:feed-topic", args=["nope"])).status_code == 404
    assert client.get(reverse("news:feed-institution-atom", args=["nope"])).status_code == 404


def test_feed_urls_are_the_agreed_paths():
    assert reverse("news:feed") == "/en/news/feed/"
    assert reverse("news:feed-atom") == "/en/news/feed/atom/"
    assert reverse("news:feed-embassy-atom", args=["x"]) == "/en/news/feed/embassy/x/atom/"


def test_feed_descriptions_and_titles_are_plain_text(client):
    make_press_release(
        "Talks <b>in</b> Astana",
        lead='Ministers <script>alert(1)</script><img src=x onerror="alert(2)">met & agreed.',
    )
    rss = ET.fromstring(client.get(reverse("news:feed")).content)
    item = rss.find("channel/item")
    description = item.findtext("description")
    assert "<" not in description and ">" not in description
    assert description == "Ministers alert(1)met &amp; agreed."
    assert item.findtext("title") == "Talks in Astana"
    atom = ET.fromstring(client.get(reverse("news:feed-atom")).content)
    summary = next(atom.iter(f"{ATOM}summary")).text
    assert "<" not in summary and "onerror" not in summary
