"""A readable admin in headless Chromium: the change list fits a 1280 px screen in English
and Russian, the body editor is tall and checks spelling, a chosen image survives an error
elsewhere on the form."""

import pytest
from django.urls import reverse

from news.models import PressRelease
from tests.factories import (
    ensure_editorial_groups,
    image_bytes,
    make_editor,
    make_embassy,
    make_press_release,
    make_publisher,
)

from .test_links_panel_browser import PASSWORD, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


LONG_TITLES = [
    "Kazakhstan and the Kingdom of Belgium open a joint double-degree programme in "
    "international business administration at the University of Antwerp",
    "Министр иностранных дел Республики Казахстан провёл переговоры с делегацией "
    "Антверпенского университета о расширении академической мобильности",
    "Қазақстан Республикасы Сыртқы істер министрлігінің өкілдері Антверпен университетінің "
    "ректорымен кездесті",
]


@pytest.mark.parametrize("locale", ["en-GB", "ru-RU"])
def test_the_change_list_fits_a_1280_px_screen(browser, live_server, locale):
    ensure_editorial_groups()
    make_publisher("pavel", password=PASSWORD)
    embassy = make_embassy("Embassy of the Republic of Kazakhstan in the Kingdom of Belgium")
    for index, title in enumerate(LONG_TITLES * 3):
        press_release = make_press_release(
            title, slug=f"long-{index}", status=list(PressRelease.Status)[index % 4]
        )
        press_release.embassies.set([embassy])
    page, recorder = log_in(
        browser, live_server, "pavel", reverse("admin:news_pressrelease_changelist"), locale
    )
    assert page.locator("html").get_attribute("lang") == locale[:2]
    table = page.locator("#result_list")
    assert table.locator("tbody tr").count() == len(LONG_TITLES) * 3
    widths = table.evaluate(
        "t => ({table: t.scrollWidth, box: t.parentElement.clientWidth,"
        " page: document.documentElement.scrollWidth})"
    )
    assert widths["table"] <= widths["box"], widths
    assert widths["page"] <= 1280, widths
    assert recorder.violations() == []


def test_the_body_editor_is_tall_and_checks_spelling(browser, live_server):
    ensure_editorial_groups()
    make_editor("elena", password=PASSWORD)
    draft = make_press_release("Tall editor", status=PressRelease.Status.DRAFT)
    change = reverse("admin:news_pressrelease_change", args=[draft.pk])
    page, _recorder = log_in(browser, live_server, "elena", change)
    editable = page.locator(".field-body_en .ProseMirror[contenteditable=true]")
    editable.wait_for()
    assert editable.get_attribute("spellcheck") == "true"
    assert editable.bounding_box()["height"] >= 400


def test_a_chosen_image_survives_an_error_elsewhere(browser, live_server, tmp_path):
    ensure_editorial_groups()
    make_editor("elena", password=PASSWORD)
    draft = make_press_release("Kept image", status=PressRelease.Status.DRAFT)
    change = reverse("admin:news_pressrelease_change", args=[draft.pk])
    page, recorder = log_in(browser, live_server, "elena", change)
    photo = tmp_path / "ambassador.jpg"
    photo.write_bytes(image_bytes())
    page.locator("#pressrelease_form fieldset", has_text="Featured image").locator(
        "summary, h2"
    ).first.click()
    page.set_input_files("#id_image", str(photo))
    page.fill("#id_image_alt_en", "The ambassador")
    page.fill("#id_title_en", "")
    with page.expect_navigation():
        page.click("input[name=_continue]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".errornote").is_visible()
    page.locator("#pressrelease_form fieldset", has_text="Featured image").locator(
        "summary, h2"
    ).first.click()
    assert "Chosen: ambassador.jpg" in page.locator(".kept-upload").inner_text()
    page.fill("#id_title_en", "Kept image")
    with page.expect_navigation():
        page.click("input[name=_continue]")
    page.wait_for_load_state("networkidle")
    assert "was changed successfully" in page.locator(".messagelist").inner_text()
    draft.refresh_from_db()
    assert draft.image and draft.image.width == 800
    assert recorder.violations() == []
