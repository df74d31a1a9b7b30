"""axe-core in headless Chromium: no violations on the news pages; nothing overflows at 360 px."""

import importlib
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps as django_apps
from django.urls import reverse
from playwright.sync_api import expect

from news.models import PressRelease
from tests.factories import (
    country,
    image_file,
    make_embassy,
    make_figure,
    make_institution,
    make_partnership,
    make_person,
    make_position,
    make_press_release,
    make_topic,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _countries():
    """The flush after a transactional test empties the country list a data migration
    loaded; load it again (the migration's own function is idempotent)."""
    load_countries = importlib.import_module(
        "partners.migrations.0002_load_countries"
    ).load_countries
    load_countries(django_apps, None)


PHONE = {"width": 360, "height": 740}


@pytest.fixture
def world():
    """The seed press release's world, with a picture, and more news around it."""
    embassy = make_embassy("Embassy of Kazakhstan in Belgium")
    ambassador = make_person("Roman Vassilenko", honorific="H.E.")
    make_position(ambassador, embassy=embassy)
    university = make_institution("University of Antwerp")
    unit = make_institution("C-MAT", parent=university)
    mba = make_partnership("Double-degree MBA")
    make_figure(mba, label="master's students", value=8)
    topic = make_topic("Education")
    press_release = make_press_release(
        "Ambassador meets the rector of the University of Antwerp",
        lead="Ambassador of Kazakhstan to Belgium Roman Vassilenko met the rector.",
        body="<p>They discussed cooperation.</p><h2>Students</h2><p>Eleven study there.</p>",
        source="Ministry of Foreign Affairs of the Republic of Kazakhstan",
        image=image_file(size=(1200, 675)),
        image_alt="The ambassador and the rector",
        image_caption="At the University of Antwerp",
        image_credit="Photo: the ministry",
        topics=[topic],
        embassies=[embassy],
        institutions=[university, unit],
        partnerships=[mba],
        people=[ambassador],
        countries=[country("BE")],
    )
    for number in range(25):
        make_press_release(f"More news number {number}", topics=[topic], institutions=[university])
    make_press_release(
        "A withdrawn statement", status=PressRelease.Status.WITHDRAWN, institutions=[university]
    )
    return press_release


def assert_no_axe_violations(page):
    results = Axe().run(page)
    violations = [
        (violation["id"], [node["target"] for node in violation["nodes"]])
        for violation in results.response["violations"]
    ]
    assert results.violations_count == 0, violations


def pages(live_server, world):
    return {
        "home": live_server.url + reverse("home"),
        "list": live_server.url + reverse("news:list"),
        "filtered list": live_server.url
        + reverse("news:list")
        + "?topic=education&institution=university-of-antwerp&q=news&page=1",
        "bad filter": live_server.url + reverse("news:list") + "?institution=nope&year=abc",
        "detail": live_server.url + world.get_absolute_url(),
        "withdrawn": live_server.url + reverse("news:detail", args=["a-withdrawn-statement"]),
        "404": live_server.url + "/no/such/page/",
    }


@pytest.mark.parametrize(
    "name", ["home", "list", "filtered list", "bad filter", "detail", "withdrawn", "404"]
)
def test_no_axe_violations(page, live_server, world, name):
    page.goto(pages(live_server, world)[name])
    assert page.locator("h1").count() == 1
    # The site's own page (with its skip link), not Django's debug page.
    assert page.locator("a.skip-link").count() == 1
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "name", ["home", "list", "filtered list", "bad filter", "detail", "withdrawn", "404"]
)
def test_nothing_overflows_on_a_360_pixel_phone(page, live_server, world, name):
    page.set_viewport_size(PHONE)
    page.goto(pages(live_server, world)[name])
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_no_axe_violations(page)


def test_featured_image_is_shown_with_its_alt_text(page, live_server, world):
    page.goto(live_server.url + world.get_absolute_url())
    image = page.get_by_role("img", name="The ambassador and the rector")
    assert image.is_visible()
    # the browser picks a rendition from srcset, never wider than the 1200-pixel original
    assert 0 < image.evaluate("img => img.naturalWidth") <= 1200


def test_skip_link_is_visible_on_focus_and_moves_to_main(page, live_server, world):
    page.goto(live_server.url + reverse("home"))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_filters_work_without_javascript(browser, live_server, world):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + reverse("news:list"))
    page.get_by_label("Institution").select_option("university-of-antwerp")
    page.get_by_role("button", name="Apply filters").click()
    # The click starts a navigation; wait for the next page before reading it.
    expect(page).to_have_url(re.compile("institution=university-of-antwerp"))
    expect(page.get_by_text("26 press releases found")).to_be_visible()
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile("page=2"))
    assert "institution=university-of-antwerp" in page.url
    context.close()


def test_on_a_phone_the_news_comes_before_the_folded_filters(page, live_server, world):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("news:list"))
    first = page.locator(".news-list .card__title a").first
    assert first.is_visible()
    assert first.bounding_box()["y"] < PHONE["height"], "the first press release is on screen"
    topic = page.get_by_label("Topic", exact=True)
    assert not topic.is_visible()
    page.get_by_text("Filter by topic, mission, institution").click()
    topic.select_option("education")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile("topic=education"))
    page.wait_for_load_state()
    # With a filter in use, the filters stay unfolded, so the reader sees what is applied.
    expect(page.get_by_label("Topic", exact=True)).to_be_visible()
    assert_no_axe_violations(page)


def test_on_a_wide_screen_every_filter_shows_without_a_click(page, live_server, world):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + reverse("news:list"))
    for label in ["Search", "Topic", "Mission", "Institution", "Partnership", "Country", "Year"]:
        assert page.get_by_label(label, exact=True).is_visible(), label
    assert not page.get_by_text("Filter by topic, mission, institution").is_visible()
