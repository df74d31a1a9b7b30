"""Anonymous public pages come from the shared cache and never show what has changed since.

Each change an editor can make is made the way the site makes it (the workflow services, a
save, a link added), and the pages that showed the old state are read again right after.
"""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from news import services
from news.models import PressRelease
from tests.factories import (
    make_institution,
    make_partnership,
    make_press_release,
    make_publisher,
    make_topic,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "kk"]
NONCE = re.compile(r'nonce="[^"]*"')


def get(client, url, language="en", **extra):
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language, **extra)


def in_language(language, urls):
    """`urls()` reversed under /<language>/ (the sitemap stays unprefixed)."""
    with translation.override(language):
        return urls()


def trilingual(title, **kwargs):
    """A press release written in all three languages (same words: these tests are about
    the cache, not translation), so every language's lists show it."""
    for code in LANGUAGES:  # explicit: a request leaves its language active
        kwargs.setdefault(f"title_{code}", title)
        kwargs.setdefault(f"lead_{code}", f"Lead of {title}.")
        kwargs.setdefault(f"body_{code}", "<p>Body.</p>")
    return make_press_release(title, **kwargs)


def retitle(press_release, title):
    for code in LANGUAGES:
        setattr(press_release, f"title_{code}", title)
        setattr(press_release, f"lead_{code}", f"Lead of {title}.")


def text(response):
    return response.content.decode()


@pytest.fixture
def published():
    institution = make_institution("University of Antwerp")
    partnership = make_partnership("Double-degree MBA", institutions=[institution])
    topic = make_topic("Education")
    press_release = trilingual(
        "Ambassador visits Antwerp",
        institutions=[institution],
        partnerships=[partnership],
        topics=[topic],
    )
    return press_release


def pages_showing(press_release):
    """Every public page that lists or shows the press release."""
    institution = press_release.institutions.get()
    partnership = press_release.partnerships.get()
    return [
        reverse("home"),
        reverse("news:list"),
        reverse("news:detail", args=[press_release.slug]),
        reverse("news:feed"),
        reverse("news:feed-atom"),
        reverse("news:feed-institution", args=[institution.slug]),
        institution.get_absolute_url(),
        partnership.get_absolute_url(),
        reverse("sitemap"),
    ]


def warm(client, urls):
    """Each of `urls()` in each language, twice: the second read must be a hit."""
    for language in LANGUAGES:
        for url in in_language(language, urls):
            assert get(client, url, language).status_code == 200, (language, url)
            again = get(client, url, language)
            assert again.get("X-Page-Cache") == "hit", (language, url)


def each_page(urls):
    """(language, url) of each of `urls()` in each language."""
    return [(language, url) for language in LANGUAGES for url in in_language(language, urls)]


def test_second_anonymous_request_is_served_from_cache_without_sql(client, published):
    for url in pages_showing(published):
        first = get(client, url)
        assert first.status_code == 200
        assert "X-Page-Cache" not in first
        with CaptureQueriesContext(connection) as queries:
            second = get(client, url)
        assert second["X-Page-Cache"] == "hit", url
        assert len(queries) == 0, (url, [q["sql"] for q in queries])
        assert NONCE.sub("", text(second)) == NONCE.sub("", text(first)), url


def test_each_language_is_its_own_entry(client, published):
    for language in LANGUAGES:
        url = in_language(language, lambda: reverse("news:list"))
        assert url.startswith(f"/{language}/")
        first = get(client, url, language)
        assert "X-Page-Cache" not in first, language
        again = get(client, url, language)
        assert again["X-Page-Cache"] == "hit", language
        assert first["Content-Language"] == again["Content-Language"] == language


def test_news_in_one_language_only_is_listed_there_only(client):
    """The page cache keeps main's rule: lists show what is written in the page's language."""
    make_press_release("Only in English")
    for language in LANGUAGES:
        url = in_language(language, lambda: reverse("news:list"))
        for _ in range(2):  # rendered, then from the cache
            body = text(get(client, url, language))
            assert ("Only in English" in body) == (language == "en"), language


def test_publishing_purges_lists_feeds_sitemap_and_linked_pages(client, published):
    publisher = make_publisher()
    institution = published.institutions.get()
    urls = lambda: pages_showing(published)  # noqa: E731
    warm(client, urls)
    fresh = trilingual(
        "Rector of Antwerp visits Astana", status=PressRelease.Status.REVIEW, published_at=None
    )
    fresh.institutions.set([institution])
    fresh.partnerships.set(published.partnerships.all())
    services.publish(fresh, publisher, second_review_waiver_reason="test")
    pages = each_page(urls)
    assert {url[:4] for _language, url in pages} >= {"/en/", "/ru/", "/kk/"}
    for language, url in pages:
        response = get(client, url, language)
        assert "X-Page-Cache" not in response, (language, url)  # purged in every language
        if url != reverse("sitemap"):
            # the detail page's "other news on the same partnerships" lists the new one
            assert "Rector of Antwerp visits Astana" in text(response), (language, url)
        else:
            for code in LANGUAGES:
                assert f"/{code}/news/{fresh.slug}/" in text(response), code


def test_editing_a_published_press_release_purges_every_page_in_every_language(client, published):
    urls = lambda: pages_showing(published)  # noqa: E731
    warm(client, urls)
    retitle(published, "Ambassador meets the rector")
    published.save()
    for language, url in each_page(urls):
        if url == reverse("sitemap"):
            continue
        body = text(get(client, url, language))
        assert "Ambassador visits Antwerp" not in body, (language, url)
        assert "Ambassador meets the rector" in body, (language, url)


def test_withdrawing_purges_lists_and_shows_the_notice(client, published):
    publisher = make_publisher()
    urls = lambda: pages_showing(published)  # noqa: E731
    warm(client, urls)
    services.withdraw(published, publisher, reason="Published by mistake.")
    for language, url in each_page(urls):
        body = text(get(client, url, language))
        if url == in_language(language, lambda: reverse("news:detail", args=[published.slug])):
            assert "Published by mistake." in body
        elif url == reverse("sitemap"):
            assert published.slug not in body
        else:
            assert "Ambassador visits Antwerp" not in body, (language, url)


def test_scheduled_press_release_appears_at_its_time_with_no_job(client, published):
    publisher = make_publisher()
    when = timezone.now() + datetime.timedelta(hours=2)
    scheduled = trilingual("Embargoed visit", status=PressRelease.Status.REVIEW, published_at=None)
    scheduled.institutions.set(published.institutions.all())
    services.publish(scheduled, publisher, published_at=when, second_review_waiver_reason="t")
    start = timezone.now() + datetime.timedelta(seconds=1)  # after the scheduling's purge
    urls = lambda: [reverse("news:list"), reverse("news:feed"), reverse("home")]  # noqa: E731
    with time_machine.travel(start, tick=False):
        warm(client, urls)
        for language, url in each_page(urls):
            assert "Embargoed visit" not in text(get(client, url, language))
    with time_machine.travel(when + datetime.timedelta(seconds=1), tick=False):
        for language, url in each_page(urls):
            assert "Embargoed visit" in text(get(client, url, language)), url


def test_scheduling_purges_and_caps_the_cdn_lifetime(client, settings, published):
    settings.PAGE_CACHE_CDN_SECONDS = 3600
    publisher = make_publisher()
    url = reverse("news:list")
    warm(client, lambda: [reverse("news:list")])
    scheduled = make_press_release("Later", status=PressRelease.Status.REVIEW, published_at=None)
    services.publish(
        scheduled,
        publisher,
        published_at=timezone.now() + datetime.timedelta(minutes=10),
        second_review_waiver_reason="t",
    )
    response = get(client, url)
    assert "X-Page-Cache" not in response  # purged by the scheduling
    max_age = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert 0 < max_age <= 600


def test_linking_a_press_release_to_an_institution_purges_its_page(client, published):
    other = make_institution("Almaty Management University")
    urls = lambda: [other.get_absolute_url()]  # noqa: E731
    warm(client, urls)
    published.institutions.add(other)
    for language, url in each_page(urls):
        assert "Ambassador visits Antwerp" in text(get(client, url, language)), language
    published.institutions.remove(other)
    for language, url in each_page(urls):
        assert "Ambassador visits Antwerp" not in text(get(client, url, language)), language


def test_renaming_a_linked_institution_purges_the_press_release_page(client, published):
    institution = published.institutions.get()
    urls = lambda: [  # noqa: E731
        reverse("news:detail", args=[published.slug]),
        institution.get_absolute_url(),
    ]
    warm(client, urls)
    for code in LANGUAGES:
        setattr(institution, f"name_{code}", "Universiteit Antwerpen")
    institution.save()
    for language, url in each_page(urls):
        assert "Universiteit Antwerpen" in text(get(client, url, language)), (language, url)


def test_unrelated_pages_stay_cached(client, published):
    """Exact purge: a change to one press release leaves other press releases' pages."""
    other = trilingual("Unrelated news")
    urls = lambda: [reverse("news:detail", args=[other.slug])]  # noqa: E731
    warm(client, urls)
    retitle(published, "Changed title")
    published.save()
    for language, url in each_page(urls):
        assert get(client, url, language)["X-Page-Cache"] == "hit", language


def test_editing_a_draft_purges_nothing(client, published):
    url = reverse("news:list")
    warm(client, lambda: [reverse("news:list")])
    draft = make_press_release("Draft", status=PressRelease.Status.DRAFT, published_at=None)
    draft.title = "Draft, edited"
    draft.save()
    assert get(client, url)["X-Page-Cache"] == "hit"


def test_logged_in_staff_never_read_or_write_the_cache(admin_client, published):
    client = Client(headers={"accept-language": "en"})  # admin_client is the `client` signed in
    url = reverse("news:list")
    response = admin_client.get(url)
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in admin_client.get(url)
    assert "X-Page-Cache" not in client.get(url)  # staff's visit stored nothing
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in admin_client.get(url)  # and they never get the anonymous one


def test_previews_are_never_cached(client, admin_client):
    draft = make_press_release("Secret draft", status=PressRelease.Status.DRAFT, published_at=None)
    publisher = make_publisher()
    token = services.create_preview_token(draft, publisher)
    url = token.get_absolute_url()
    assert "Secret draft" in text(client.get(url))
    assert "X-Page-Cache" not in client.get(url)
    preview = reverse("news:preview", args=[draft.pk])
    admin_client.get(preview)
    assert "X-Page-Cache" not in admin_client.get(preview)
    assert not [key for key in cache._cache if "page:" in key and "tag" not in key]


def test_page_cache_setting_turns_it_off(client, settings, published):
    settings.PAGE_CACHE = False
    url = reverse("news:list")
    get(client, url)
    with CaptureQueriesContext(connection) as queries:
        response = get(client, url)
    assert "X-Page-Cache" not in response
    assert len(queries) > 0
    assert response["ETag"]  # validators stay


def test_a_cache_outage_never_breaks_a_page_or_a_save(client, settings, published):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    for url in pages_showing(published):
        assert get(client, url).status_code == 200, url
    published.title = "Saved while the cache is down"
    published.save()
    body = text(get(client, reverse("news:detail", args=[published.slug])))
    assert "Saved while the cache is down" in body


def test_conditional_request_gets_304_without_a_policy_header(client, published):
    url = reverse("news:list")
    first = get(client, url)
    assert "s-maxage=" in first["Cache-Control"]
    assert "public" in first["Cache-Control"]
    etag = first["ETag"]
    again = get(client, url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert "Content-Security-Policy" not in again
    assert get(client, url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_etag_changes_with_the_content(client, published):
    url = reverse("news:detail", args=[published.slug])
    before = get(client, url)["ETag"]
    published.lead = "A new lead."
    published.save()
    response = get(client, url, HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 200
    assert response["ETag"] != before


def test_feed_answers_conditional_requests(client, published):
    url = reverse("news:feed")
    etag = get(client, url)["ETag"]
    assert get(client, url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_each_cached_hit_gets_its_own_nonce(client, published):
    url = reverse("news:detail", args=[published.slug])
    get(client, url)
    hits = [get(client, url) for _ in range(2)]
    nonces = []
    for hit in hits:
        assert hit["X-Page-Cache"] == "hit"
        nonce = hit["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
        assert f'nonce="{nonce}"' in text(hit)
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_a_link_change_recorded_outside_the_form_purges_the_sitemap_lastmod(client, published):
    """record_link_change() raises updated_at (the sitemap's lastmod) with update()."""
    warm(client, lambda: [reverse("sitemap")])
    before = text(get(client, reverse("sitemap")))
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2), tick=False):
        current = services.record_link_change(published, make_publisher(), "Links changed")
    response = get(client, reverse("sitemap"))
    assert "X-Page-Cache" not in response
    # The sitemap writes times in the site's time zone (Almaty, UTC+5): from 19:00 UTC its
    # date is the next day's, so the UTC date would make this test fail every evening.
    changed_on = timezone.localtime(current.updated_at).date().isoformat()
    assert changed_on in text(response)
    assert changed_on not in before


def test_a_hit_of_a_prefixed_page_answers_before_sessions_and_locale(client, settings, published):
    """The URL prefix is the page's language, so a hit is answered before the session, locale,
    CSRF and auth middleware run; the language cookie and Accept-Language change nothing."""
    url = in_language("ru", lambda: reverse("news:list"))
    first = get(client, url, language="en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "kk"
    hit = get(client, url, language="en")
    assert hit["X-Page-Cache"] == "hit"
    assert not hasattr(hit.wsgi_request, "session")  # SessionMiddleware never ran
    assert hit["Content-Language"] == "ru"
    assert "Accept-Language" not in hit.get("Vary", "")
    assert NONCE.sub("", text(hit)) == NONCE.sub("", text(first))


def test_with_the_page_cache_off_counts_follow_publishing_and_withdrawing(
    client, settings, published
):
    """The result count is derived data kept in the cache even with the page cache off:
    a publication or a withdrawal changes it at once, on the whole list and a filtered one."""
    settings.PAGE_CACHE = False
    publisher = make_publisher()
    institution = published.institutions.get()
    lists = [(reverse("news:list"), {}), (reverse("news:list"), {"institution": institution.slug})]

    def counts():
        return [
            re.search(r'class="result-count"[^>]*>([^<]+)<', text(client.get(url, params)))[1]
            for url, params in lists
        ]

    assert counts() == counts() == ["1 press release found"] * 2
    fresh = trilingual("Rector visits Astana", status=PressRelease.Status.REVIEW, published_at=None)
    fresh.institutions.set([institution])
    services.publish(fresh, publisher, second_review_waiver_reason="test")
    assert counts() == ["2 press releases found"] * 2
    services.withdraw(published, publisher, reason="Published by mistake.")
    assert counts() == ["1 press release found"] * 2


def test_with_the_page_cache_off_cards_follow_edits_topics_and_withdrawals(
    client, settings, published
):
    """News cards are kept in the cache even with the page cache off: an edit of the press
    release, a renamed or newly linked topic and a withdrawal show on the lists at once."""
    settings.PAGE_CACHE = False
    publisher = make_publisher()
    lists = [reverse("home"), reverse("news:list")]

    def pages():
        return [text(client.get(url)) for url in lists]

    assert all("Ambassador visits Antwerp" in page and "Education" in page for page in pages())
    retitle(published, "Ambassador meets the rector")
    published.save()
    assert all("Ambassador meets the rector" in page for page in pages())
    topic = published.topics.get()
    topic.name_en = "Higher education"
    topic.save()
    assert all("Higher education" in page for page in pages())
    published.topics.add(make_topic("Mobility"))
    assert all("Mobility" in page for page in pages())
    services.withdraw(published, publisher, reason="Published by mistake.")
    assert not any("Ambassador meets the rector" in page for page in pages())


def test_with_the_page_cache_off_a_warm_page_reads_the_cache_a_fixed_number_of_times(
    client, settings, monkeypatch, published
):
    """With the page cache off, the news list reads its cards in one cache call and its
    count, filter form and archive in another; a press release page reads its links in
    one call (their tags come with them), whatever the page shows. (Besides these, one
    `get` of the next scheduled publication gives the page's Cache-Control.)"""
    settings.PAGE_CACHE = False
    for number in range(3):
        trilingual(f"Rector visits Astana {number}", institutions=published.institutions.all())
    reads = []
    original = cache.get_many
    monkeypatch.setattr(
        cache, "get_many", lambda keys, *a, **k: reads.append(list(keys)) or original(keys)
    )
    for url, expected in [
        (reverse("news:list"), 2),
        (reverse("news:list") + "?page=1", 2),
        (reverse("news:detail", args=[published.slug]), 1),
    ]:
        get(client, url)
        reads.clear()
        assert get(client, url).status_code == 200
        assert len(reads) == expected, (url, reads)
