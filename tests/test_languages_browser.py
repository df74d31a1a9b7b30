"""The language switcher in a real browser, and axe in each language."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation

from tests.factories import make_institution, make_press_release

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def press_release():
    institution = make_institution(
        "University of Antwerp",
        name_ru="Антверпенский университет",
        name_kk="Антверпен университеті",
    )
    return make_press_release(
        "Ambassador meets the rector",
        lead="The ambassador met the rector of the University of Antwerp.",
        body="<p>Eleven students study there.</p>",
        title_ru="Посол встретился с ректором",
        lead_ru="Посол встретился с ректором Антверпенского университета.",
        body_ru="<p>Там учатся одиннадцать студентов.</p>",
        title_kk="Елші ректормен кездесті",
        lead_kk="Елші Антверпен университетінің ректорымен кездесті.",
        body_kk="<p>Онда он бір студент оқиды.</p>",
        institutions=[institution],
    )


def test_switching_language_keeps_the_reader_on_the_same_press_release(
    live_server, page, press_release
):
    with translation.override("en"):
        page.goto(live_server.url + press_release.get_absolute_url())
    assert page.locator("h1").first.inner_text() == "Ambassador meets the rector"
    page.locator('.language-switcher a[hreflang="ru"]').click()
    page.wait_for_url(f"**/ru/news/{press_release.slug}/")
    assert page.locator("h1").first.inner_text() == "Посол встретился с ректором"
    assert page.locator("html").get_attribute("lang") == "ru"
    page.locator('.language-switcher a[hreflang="kk"]').click()
    page.wait_for_url(f"**/kk/news/{press_release.slug}/")
    assert page.locator("h1").first.inner_text() == "Елші ректормен кездесті"
    # The choice is remembered: the bare address opens the site in Kazakh.
    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/kk/"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_axe_finds_no_violations_in_each_language(live_server, page, press_release, language):
    with translation.override(language):
        urls = [
            reverse("home"),
            reverse("news:list"),
            press_release.get_absolute_url(),
            reverse("partners:institution-list"),
        ]
    for url in urls:
        page.goto(live_server.url + url)
        assert page.locator("html").get_attribute("lang") == language
        result = Axe().run(page)
        assert result.violations_count == 0, (url, result.response["violations"])
