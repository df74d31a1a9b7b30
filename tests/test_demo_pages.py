"""Every public page shows its part of the seed press release's world, as `load_demo` makes it.

This is issue 4's "done when" read from the demo content itself: a member of the public
reaches everything from the home page. The text is compared after the tags are stripped,
so the tests hold for the words a reader sees, not for a particular markup.
"""

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from news import demo

with translation.override("en"):  # the language tests write content in
    SEED_URL = reverse("news:detail", args=[demo.SEED_SLUG])


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """load_demo hashes the demo accounts' passwords; the default hasher is slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo_site(db, settings):
    settings.DEBUG = True  # load_demo creates the demo accounts only while debugging
    call_command("load_demo", stdout=StringIO())


def visible_text(response):
    """The words of the page's <main>, tags stripped and whitespace collapsed."""
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    main = re.search(r"<main\b.*?</main>", page, flags=re.S)
    assert main, "the page has a <main>"
    text = re.sub(r"<[^>]+>", " ", main.group(0))
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def links(response):
    return set(re.findall(r'href="([^"]+)"', response.content.decode()))


def assert_mentions(text, *phrases):
    missing = [phrase for phrase in phrases if phrase not in text]
    assert not missing, f"missing {missing}"


def test_home_leads_to_the_seed_and_to_every_section(client, demo_site):
    response = client.get(reverse("home"))
    assert_mentions(visible_text(response), demo.SEED_TITLE)
    assert {
        SEED_URL,
        reverse("news:list"),
        reverse("partners:embassy-list"),
        reverse("partners:institution-list"),
        reverse("partners:partnership-list"),
        reverse("partners:partnership-detail", args=[demo.MOBILITY_SLUG]),
        reverse("partners:partnership-detail", args=[demo.MBA_SLUG]),
        reverse("news:feed"),
    } <= links(response)


def test_news_list_shows_the_seed_first(client, demo_site):
    response = client.get(reverse("news:list"))
    text = visible_text(response)
    assert_mentions(text, demo.SEED_TITLE, "10 February 2026")
    assert SEED_URL in links(response)
    assert response.context["object_list"][0].slug == demo.SEED_SLUG


def test_news_list_filters_reach_the_seed_by_its_subjects(client, demo_site):
    for query in [
        {"institution": demo.UANTWERP_SLUG},
        {"embassy": demo.EMBASSY_SLUG},
        {"partnership": demo.MBA_SLUG},
        {"country": "be"},
        {"year": "2026"},
        {"q": "Antwerp"},
    ]:
        response = client.get(reverse("news:list"), query)
        assert demo.SEED_SLUG in [item.slug for item in response.context["object_list"]], query


def test_seed_detail_shows_everything_it_links_to(client, demo_site):
    response = client.get(SEED_URL)
    text = visible_text(response)
    assert_mentions(
        text,
        demo.SEED_TITLE,
        "Roman Vassilenko met with the Rector of the University of Antwerp",
        "Source: Ministry of Foreign Affairs of the Republic of Kazakhstan",
        # the mission, and its head on the day of the press release
        "Embassy of the Republic of Kazakhstan in the Kingdom of Belgium",
        "Head of mission at the time: H.E. Roman Vassilenko",
        # institutions, C-MAT with its parent
        "University of Antwerp",
        "Centre for Maritime & Air Transport Management , part of University of Antwerp",
        "Almaty Management University",
        "Antwerp Management School",
        # people with their posts
        "Herwig Leirs , Rector, University of Antwerp",
        "Nathalie Dens , Vice-Rector, University of Antwerp",
        "Roman Vassilenko , Ambassador",
        # both partnerships with their figures
        "Academic mobility between Kazakhstan and the University of Antwerp",
        "Double-degree MBA: Almaty Management University and Antwerp Management School",
        "11 Kazakh students",
        "5 Kazakh researchers",
        "8 master's students",
        # cooperation areas, topics and countries
        "Cooperation areas",
        "Higher education",
        "Science",
        "Innovation",
        "Transport and logistics",
        "Education and science",
        "Belgium",
        "Kazakhstan",
    )
    assert {
        reverse("partners:embassy-detail", args=[demo.EMBASSY_SLUG]),
        reverse("partners:institution-detail", args=[demo.UANTWERP_SLUG]),
        reverse("partners:institution-detail", args=[demo.CMAT_SLUG]),
        reverse("partners:institution-detail", args=[demo.ALMAU_SLUG]),
        reverse("partners:institution-detail", args=[demo.AMS_SLUG]),
        reverse("partners:partnership-detail", args=[demo.MOBILITY_SLUG]),
        reverse("partners:partnership-detail", args=[demo.MBA_SLUG]),
        reverse("partners:person-detail", args=["roman-vassilenko"]),
        reverse("partners:person-detail", args=["herwig-leirs"]),
        reverse("partners:person-detail", args=["nathalie-dens"]),
        reverse("partners:partnership-list") + "?area=transport-and-logistics",
        reverse("news:list") + "?country=be",
        reverse("news:list") + "?country=kz",
    } <= links(response)


def test_embassy_page_shows_its_ambassador_partnership_and_news(client, demo_site):
    response = client.get(reverse("partners:embassy-detail", args=[demo.EMBASSY_SLUG]))
    assert_mentions(
        visible_text(response),
        "Embassy of the Republic of Kazakhstan in the Kingdom of Belgium",
        "Brussels",
        "H.E. Roman Vassilenko , Ambassador",
        "Academic mobility between Kazakhstan and the University of Antwerp",
        demo.SEED_TITLE,
    )
    assert SEED_URL in links(response)
    assert reverse("news:feed-embassy", args=[demo.EMBASSY_SLUG]) in links(response)


def test_embassy_list_names_the_head_of_mission(client, demo_site):
    text = visible_text(client.get(reverse("partners:embassy-list")))
    assert_mentions(text, "Embassy of the Republic of Kazakhstan in the Kingdom of Belgium")
    assert_mentions(text, "Roman Vassilenko")


def test_university_page_shows_its_unit_people_partnership_and_news(client, demo_site):
    response = client.get(reverse("partners:institution-detail", args=[demo.UANTWERP_SLUG]))
    assert_mentions(
        visible_text(response),
        "University of Antwerp",
        "UAntwerp",
        "Centre for Maritime & Air Transport Management",
        "Herwig Leirs",
        "Rector",
        "Nathalie Dens",
        "Vice-Rector",
        "Academic mobility between Kazakhstan and the University of Antwerp",
        demo.SEED_TITLE,
    )
    assert "unknown" not in visible_text(response), "a post without a start date reads well"
    assert reverse("partners:institution-detail", args=[demo.CMAT_SLUG]) in links(response)


def test_unit_page_names_its_parent(client, demo_site):
    response = client.get(reverse("partners:institution-detail", args=[demo.CMAT_SLUG]))
    assert_mentions(visible_text(response), "C-MAT", "University of Antwerp")
    assert reverse("partners:institution-detail", args=[demo.UANTWERP_SLUG]) in links(response)


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        (demo.ALMAU_SLUG, "Almaty Management University"),
        (demo.AMS_SLUG, "Antwerp Management School"),
    ],
)
def test_business_school_pages_show_the_double_degree(client, demo_site, slug, name):
    response = client.get(reverse("partners:institution-detail", args=[slug]))
    assert_mentions(
        visible_text(response),
        name,
        "Double-degree MBA: Almaty Management University and Antwerp Management School",
        demo.SEED_TITLE,
    )


def test_institution_list_shows_the_seed_institutions(client, demo_site):
    text = visible_text(client.get(reverse("partners:institution-list")))
    assert_mentions(
        text,
        "University of Antwerp",
        "Centre for Maritime & Air Transport Management",
        "Almaty Management University",
        "Antwerp Management School",
    )


def test_mobility_partnership_shows_members_areas_and_its_figures_in_chart_and_table(
    client, demo_site
):
    response = client.get(reverse("partners:partnership-detail", args=[demo.MOBILITY_SLUG]))
    text = visible_text(response)
    assert_mentions(
        text,
        "Almaty Management University",
        "University of Antwerp",
        "Embassy of the Republic of Kazakhstan in the Kingdom of Belgium",
        "Higher education",
        "Science",
        "Innovation",
        "Transport and logistics",
        "Kazakh students",
        "Kazakh researchers",
        demo.SEED_TITLE,
    )
    page = response.content.decode()
    # Figures of one date: the numbers, not a line chart of single points.
    assert "<svg" not in page and 'datetime="2026-02-10"' in page
    assert re.findall(r'class="figure-facts__value">(\d+)<', page) == ["5", "11"]


def test_double_degree_partnership_shows_eight_masters_students(client, demo_site):
    response = client.get(reverse("partners:partnership-detail", args=[demo.MBA_SLUG]))
    assert_mentions(
        visible_text(response),
        "Almaty Management University",
        "Antwerp Management School",
        "master's students",
        demo.SEED_TITLE,
    )
    page = response.content.decode()
    assert 'datetime="2026-02-10"' in page
    assert re.findall(r'class="figure-facts__value">(\d+)<', page) == ["8"]


def test_partnership_list_shows_both_seed_partnerships(client, demo_site):
    text = visible_text(client.get(reverse("partners:partnership-list")))
    assert_mentions(
        text,
        "Academic mobility between Kazakhstan and the University of Antwerp",
        "Double-degree MBA: Almaty Management University and Antwerp Management School",
    )


@pytest.mark.parametrize(
    ("slug", "post", "where"),
    [
        ("roman-vassilenko", "Ambassador", "Embassy of the Republic of Kazakhstan"),
        ("herwig-leirs", "Rector", "University of Antwerp"),
        ("nathalie-dens", "Vice-Rector", "University of Antwerp"),
    ],
)
def test_person_page_shows_the_post_and_the_seed(client, demo_site, slug, post, where):
    response = client.get(reverse("partners:person-detail", args=[slug]))
    assert_mentions(visible_text(response), post, where, demo.SEED_TITLE)
    assert SEED_URL in links(response)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("news:feed", []),
        ("news:feed-atom", []),
        ("news:feed-embassy", [demo.EMBASSY_SLUG]),
        ("news:feed-institution-atom", [demo.UANTWERP_SLUG]),
        ("news:feed-partnership", [demo.MBA_SLUG]),
        ("news:feed-topic", ["education-and-science"]),
    ],
)
def test_feeds_carry_the_seed(client, demo_site, name, args):
    url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert demo.SEED_TITLE in body
    assert demo.SEED_SLUG in body


def test_sitemap_and_robots_point_search_engines_at_the_seed(client, demo_site):
    sitemap = client.get(reverse("sitemap")).content.decode()
    for path in [
        SEED_URL,
        reverse("partners:embassy-detail", args=[demo.EMBASSY_SLUG]),
        reverse("partners:institution-detail", args=[demo.UANTWERP_SLUG]),
        reverse("partners:partnership-detail", args=[demo.MOBILITY_SLUG]),
        reverse("partners:person-detail", args=["roman-vassilenko"]),
    ]:
        assert f"{path}</loc>" in sitemap, path
    robots = client.get(reverse("robots")).content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
