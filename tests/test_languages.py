"""The site in Kazakh, Russian and English: URLs, redirects, availability, metadata."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from news.models import PressRelease
from news.parity import differences
from partners.search import refresh_search_text
from tests.factories import (
    make_embassy,
    make_institution,
    make_partnership,
    make_person,
    make_press_release,
    make_user,
)

pytestmark = pytest.mark.django_db
LANGUAGES = ["kk", "ru", "en"]


def in_language(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def trilingual_press_release(**kwargs):
    """Written in English, translated into Russian; no Kazakh text."""
    kwargs.setdefault("title", "Ambassador meets rector")
    kwargs.setdefault("lead", "The ambassador met the rector; 11 students study there.")
    kwargs.setdefault("body", "<p>Currently, 11 students study in Antwerp.</p>")
    press_release = make_press_release(
        title_ru="Посол встретился с ректором",
        lead_ru="Посол встретился с ректором; там учатся 11 студентов.",
        body_ru="<p>Сейчас в Антверпене учатся 11 студентов.</p>",
        **kwargs,
    )
    press_release.confirm_translation("ru")
    return press_release


@pytest.fixture
def world():
    embassy = make_embassy("Embassy in Belgium", name_ru="Посольство в Бельгии")
    institution = make_institution("University of Antwerp", name_ru="Антверпенский университет")
    partnership = make_partnership("Double degree", institutions=[institution])
    person = make_person("Roman Vassilenko", name_ru="Роман Василенко")
    press_release = trilingual_press_release(
        embassies=[embassy], institutions=[institution], people=[person]
    )
    return {
        "news:list": (),
        "news:detail": (press_release.slug,),
        "news:feed": (),
        "news:feed-atom": (),
        "partners:embassy-list": (),
        "partners:embassy-detail": (embassy.slug,),
        "partners:institution-list": (),
        "partners:institution-detail": (institution.slug,),
        "partners:partnership-list": (),
        "partners:partnership-detail": (partnership.slug,),
        "partners:person-detail": (person.slug,),
        "home": (),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_answers_in_each_language(client, world, language):
    for name, args in world.items():
        url = in_language(language, name, *args)
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        expected = 404 if name == "news:detail" and language == "kk" else 200
        assert response.status_code == expected, url
        if "html" in response["Content-Type"]:
            assert f'<html lang="{language}">' in response.text


@pytest.mark.parametrize(
    ("headers", "cookies", "expected"),
    [
        ({}, {}, "/kk/"),  # the default: Kazakh, the state language
        ({"accept-language": "ru-RU,ru;q=0.9"}, {}, "/ru/"),
        ({"accept-language": "ru"}, {"django_language": "en"}, "/en/"),  # cookie first
    ],
)
def test_root_redirects_by_cookie_then_browser_then_default(headers, cookies, expected):
    from django.test import Client

    client = Client(headers=headers)
    client.cookies.load(cookies)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == expected


def test_links_published_before_the_prefixes_keep_working(world):
    from django.test import Client

    slug = world["news:detail"][0]
    client = Client(headers={"accept-language": "ru"})
    response = client.get(f"/news/{slug}/?utm_source=x")
    assert response.status_code == 302
    assert response["Location"] == f"/ru/news/{slug}/?utm_source=x"
    assert client.get("/institutions/").headers["Location"] == "/ru/institutions/"
    assert client.get("/no/such/page/").status_code == 404


def test_machines_and_staff_stay_unprefixed(client):
    assert reverse("sitemap") == "/sitemap.xml"
    assert reverse("robots") == "/robots.txt"
    assert reverse("healthz") == "/healthz"
    assert reverse("staff:search") == "/staff/partners/"
    assert reverse("admin:index") == "/admin/"


def test_switcher_leads_to_the_same_page_in_the_other_language(client, world):
    slug = world["news:detail"][0]
    page = client.get(in_language("en", "news:detail", slug)).text
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S).group(0)
    link = re.search(r'href="([^"]+)" hreflang="ru"', switcher).group(1).replace("&amp;", "&")
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"] == f"/ru/news/{slug}/"
    assert response.cookies["django_language"].value == "ru"
    assert "Посол встретился с ректором" in client.get(response["Location"]).text


def test_switcher_refuses_to_send_readers_elsewhere(client):
    response = client.get("/language/ru/?next=https://evil.example/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/language/xx/?next=/").status_code == 404


def test_press_release_lacking_a_language_says_where_it_is(client):
    press_release = trilingual_press_release()
    response = client.get(in_language("kk", "news:detail", press_release.slug))
    assert response.status_code == 404
    page = response.text
    assert '<html lang="kk">' in page
    assert f'href="/ru/news/{press_release.slug}/" hreflang="ru"' in page
    assert f'href="/en/news/{press_release.slug}/" hreflang="en"' in page
    assert '<span lang="ru">Посол встретился с ректором</span>' in page
    assert '<meta name="robots" content="noindex">' in page


def test_list_feed_and_search_only_carry_press_releases_written_in_the_language(client):
    both = trilingual_press_release(title="Written in both")
    english = make_press_release(title="English only")
    russian_list = client.get(in_language("ru", "news:list")).text
    assert both.title_ru in russian_list and "English only" not in russian_list
    russian_feed = client.get(in_language("ru", "news:feed")).text
    assert both.title_ru in russian_feed and "English only" not in russian_feed
    assert "<language>ru</language>" in russian_feed
    english_list = client.get(in_language("en", "news:list")).text
    assert "Written in both" in english_list and english.title in english_list
    found = client.get(in_language("ru", "news:list"), {"q": "ректором"}).text
    assert both.title_ru in found
    assert set(PressRelease.objects.listed("ru")) == {both}


def test_hreflang_alternates_name_existing_translations_and_a_default(client):
    press_release = trilingual_press_release()
    page = client.get(in_language("en", "news:detail", press_release.slug)).text
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', page))
    assert alternates == {
        "ru": f"http://testserver/ru/news/{press_release.slug}/",
        "en": f"http://testserver/en/news/{press_release.slug}/",
        "x-default": f"http://testserver/en/news/{press_release.slug}/",
    }
    assert '<meta property="og:locale" content="en_GB">' in page
    assert '<meta property="og:locale:alternate" content="ru_RU">' in page
    assert '"inLanguage": "en"' in page


def test_alternates_swap_the_prefix_exactly_as_resolving_and_reversing_would(rf, world):
    """Pages name their other languages by swapping the /kk/ prefix (no resolve, no
    reverse per request); that holds only while paths and slugs are the same in every
    language, which this checks page by page against Django's translate_url."""
    from django.urls import resolve

    from mfa_site.languages import alternates, url_in_language

    for name, args in world.items():
        for source in LANGUAGES:
            path = in_language(source, name, *args)
            request = rf.get(path, {"page": "2"})
            with translation.override(source):
                request.resolver_match = resolve(path)
                links = {link["code"]: link["url"] for link in alternates(request)}
            assert links == {code: url_in_language(path, code) for code in LANGUAGES}, path
            assert links[source] == path


def test_sitemap_lists_each_translation_with_alternates(client):
    press_release = trilingual_press_release()
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    slug = press_release.slug
    assert f"http://testserver/ru/news/{slug}/" in locations
    assert f"http://testserver/en/news/{slug}/" in locations
    assert f"http://testserver/kk/news/{slug}/" not in locations
    entry = next(
        url
        for url in root.findall("s:url", ns)
        if url.find("s:loc", ns).text.endswith(f"/ru/news/{slug}/")
    )
    links = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
    assert set(links) == {"ru", "en"}  # not in Kazakh, the default: no x-default either
    # Directory pages exist in every language, the unprefixed path as the x-default.
    institution = make_institution("University of Antwerp")
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entry = next(
        url
        for url in root.findall("s:url", ns)
        if url.find("s:loc", ns).text.endswith(f"/kk/institutions/{institution.slug}/")
    )
    links = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
    assert set(links) == {"kk", "ru", "en", "x-default"}
    assert links["x-default"] == f"http://testserver/institutions/{institution.slug}/"


def test_editing_the_original_outdates_translations_until_confirmed():
    press_release = trilingual_press_release()
    assert press_release.translation_states() == {
        "kk": "missing",
        "ru": "current",
        "en": "original",
    }
    press_release.note_edit(["lead_en"])
    press_release.refresh_from_db()
    assert press_release.translation_states()["ru"] == "outdated"
    assert list(PressRelease.objects.outdated_translations()) == [press_release]
    press_release.note_edit(["lead_ru"])  # the translator updates the Russian text
    assert press_release.translation_states()["ru"] == "current"
    assert not PressRelease.objects.outdated_translations().exists()


def test_parity_warns_of_a_different_number_and_a_missing_name(world):
    press_release = PressRelease.objects.get(slug=world["news:detail"][0])
    assert differences(press_release) == []
    press_release.body_ru = "<p>Сейчас в Антверпене учатся 12 студентов.</p>"
    press_release.lead_ru = "Посол встретился с ректором."
    press_release.save()
    messages = [str(item) for item in differences(press_release)]
    assert "11 is in the original but not in the Russian translation." in messages
    assert "12 is in the Russian translation but not in the original." in messages


def test_parity_reads_numbers_in_words_and_inflected_names():
    institution = make_institution(
        "University of Antwerp",
        name_ru="Антверпенский университет",
        name_kk="Антверпен университеті",
    )
    press_release = make_press_release(
        title="Eleven students",
        lead="Eleven students study at the University of Antwerp.",
        body="<p>Twenty-five researchers visited.</p>",
        title_ru="Одиннадцать студентов",
        lead_ru="Одиннадцать студентов учатся в Антверпенском университете.",
        body_ru="<p>Приехали двадцать пять исследователей.</p>",
        title_kk="Он бір студент",
        lead_kk="Антверпен университетінде он бір студент оқиды.",
        body_kk="<p>Жиырма бес зерттеуші келді.</p>",
        institutions=[institution],
    )
    assert differences(press_release) == []


def test_staff_search_finds_names_in_any_language(client):
    institution = make_institution(
        "University of Antwerp",
        name_ru="Антверпенский университет",
        name_kk="Антверпен университеті",
    )
    refresh_search_text([institution.pk])
    client.force_login(make_user())
    for query in ("Антверпенский", "Антверпен университеті", "antwerp"):
        page = client.get(reverse("staff:search"), {"q": query}).text
        assert "University of Antwerp" in page, query


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_keep_their_query_count_in_each_language(
    client, django_assert_max_num_queries, language
):
    for _ in range(3):
        trilingual_press_release(title=f"News {_}", slug=f"news-{_}")
    with django_assert_max_num_queries(11):
        assert client.get(in_language(language, "news:list")).status_code == 200
    with django_assert_max_num_queries(14):
        client.get(in_language(language, "news:detail", "news-0"))


def test_russian_search_finds_inflected_forms(client):
    press_release = make_press_release(
        title="Rector visit",
        title_ru="Визит в Антверпенский университет",
        lead_ru="Посол посетил Антверпенский университет.",
        body_ru="<p>Студенты университета встретили посла.</p>",
    )
    page = client.get(in_language("ru", "news:list"), {"q": "университет"}).text
    assert press_release.title_ru in page


def test_kazakh_search_matches_kazakh_words(client):
    press_release = make_press_release(
        title="Rector visit",
        title_kk="Елші Антверпен университетіне барды",
        lead_kk="Елші университеттің ректорымен кездесті.",
        body_kk="<p>Қазақстандық студенттер.</p>",
    )
    page = client.get(in_language("kk", "news:list"), {"q": "ректорымен"}).text
    assert press_release.title_kk in page
    page = client.get(in_language("kk", "news:list"), {"q": "Қазақстандық"}).text
    assert press_release.title_kk in page
