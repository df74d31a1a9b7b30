"""axe-core in headless Chromium finds nothing on the partner pages, wide and narrow."""

import datetime
import importlib
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from playwright.sync_api import expect

from tests.factories import (
    country,
    make_area,
    make_embassy,
    make_figure,
    make_institution,
    make_partnership,
    make_person,
    make_png,
    make_position,
    make_press_release,
)

D = datetime.date


@pytest.fixture(autouse=True)
def _countries(transactional_db):
    """Transactional tests end by emptying every table, the countries a data migration
    loads included (serialized_rollback does not help: under Playwright the test runs in
    another context, on a connection that never saw the serialised data). Load them again."""
    importlib.import_module("partners.migrations.0002_load_countries").load_countries(apps, None)


def build_world():
    """A small world like the seed press release's, with every section of every page filled."""
    embassy = make_embassy(
        "Embassy of Kazakhstan in Belgium",
        slug="embassy-belgium",
        address="Avenue Van Bever 30\n1180 Brussels",
        phone="+32 2 374 95 62",
        email="brussels@mfa.kz",
        website="https://example.org/brussels",
    )
    embassy.accredited_countries.set([country("LU")])
    ambassador = make_person("Roman Envoy", slug="roman-envoy", honorific="H.E.", bio="Diplomat.",
                             photo=make_png("envoy.png", size=(30, 40)))  # fmt: skip
    make_position(ambassador, "Ambassador", embassy=embassy, start_date=D(2024, 3, 1))
    make_position(make_person("Former Envoy"), "Ambassador", embassy=embassy,
                  start_date=D(2019, 1, 1), end_date=D(2024, 2, 1))  # fmt: skip
    university = make_institution(
        "University of Antwerp",
        slug="university-of-antwerp",
        short_name="UA",
        aliases="UAntwerp",
        description="A university.",
        logo=make_png("ua.png"),
        website="https://example.org/ua",
    )
    unit = make_institution("C-MAT", kind="research_centre", parent=university)
    almau = make_institution("AlmaU", country_code="KZ")
    make_position(make_person("Rector Now", honorific="Prof."), "Rector", institution=university,
                  start_date=D(2016, 10, 1))  # fmt: skip
    make_position(make_person("Rector Before"), "Rector", institution=university,
                  start_date=D(2008, 10, 1), end_date=D(2016, 9, 30))  # fmt: skip
    area = make_area("Higher education", slug="higher-education")
    mobility = make_partnership("Academic mobility", slug="academic-mobility",
                                institutions=[university, unit, almau], areas=[area],
                                embassy=embassy, start_date=D(2022, 1, 1),
                                description="Students travel.")  # fmt: skip
    for year, students, researchers in [(2022, 4, 1), (2023, 6, 2), (2024, 11, 5)]:
        make_figure(mobility, label="Kazakh students", value=students, as_of=D(year, 1, 15))
        make_figure(mobility, label="researchers", value=researchers, as_of=D(year, 1, 15))
    make_figure(institution=university, label="Kazakh students", value=20, as_of=D(2025, 1, 1))
    make_press_release("Academic ties grow", embassies=[embassy], institutions=[university],
                       partnerships=[mobility], people=[ambassador])  # fmt: skip
    return {
        "embassy-list": "/en/embassies/",
        "institution-list": "/en/institutions/",
        "partnership-list": "/en/partnerships/",
        "unit-detail": unit.get_absolute_url(),
        "embassy-detail": embassy.get_absolute_url(),
        "institution-list-filtered": "/en/institutions/?country=be&kind=university",
        "institution-list-error": "/en/institutions/?kind=nope",
        "institution-detail": university.get_absolute_url(),
        "partnership-list-filtered": "/en/partnerships/?area=higher-education",
        "partnership-detail": mobility.get_absolute_url(),
        "person-detail": ambassador.get_absolute_url(),
    }


def violations(page):
    result = Axe().run(page)
    return [
        (v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3])
        for v in result.response["violations"]
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 360])
def test_partner_pages_have_no_axe_violations(page, live_server, width):
    urls = build_world()
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for name, url in urls.items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, name
        found[name] = violations(page)
    assert found == dict.fromkeys(urls, [])


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_filters_work_without_javascript(browser, live_server):
    build_world()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/institutions/")
    page.select_option("#id_country", "kz")
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile("country=kz"))
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    assert page.get_by_role("link", name="AlmaU").count() == 1
    assert page.get_by_role("link", name="University of Antwerp").count() == 0
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_figures_table_fits_a_360_pixel_phone(page, live_server):
    urls = build_world()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + urls["partnership-detail"])
    table = page.locator(".figures-table").locator("xpath=..")
    assert table.evaluate("e => e.scrollWidth <= e.clientWidth"), "no column hidden off-screen"
