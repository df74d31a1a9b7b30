"""In a real browser: the page picks a small WebP rendition and the image loads."""

import pytest

from tests.factories import image_upload, make_press_release, phone_photo


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_browser_loads_a_small_webp_rendition_of_a_phone_photo(live_server, page):
    press_release = make_press_release(
        image=image_upload("IMG_2034.jpg", phone_photo()), image_alt="Rector and ambassador"
    )
    page.set_viewport_size({"width": 360, "height": 800})
    response = page.goto(live_server.url + press_release.get_absolute_url())
    assert response.status == 200
    image = page.get_by_alt_text("Rector and ambassador")
    image.wait_for()
    page.wait_for_function(
        "() => { const i = document.querySelector('picture img'); "
        "return i && i.complete && i.naturalWidth > 0; }"
    )
    current = image.evaluate("i => i.currentSrc")
    assert current.endswith(".webp")
    assert "-200w." in current  # 200 px wide original: never upscaled
    box = image.bounding_box()
    assert box["width"] <= 360
    assert round(box["height"] / box["width"], 1) == 2.0  # upright: portrait 200 x 400


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_narrow_screen_gets_the_640_rendition_of_a_large_photo(live_server, page):
    press_release = make_press_release(
        image=image_upload("big.jpg", size=(2400, 1600)), image_alt="Large photo"
    )
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + press_release.get_absolute_url())
    page.wait_for_function(
        "() => { const i = document.querySelector('picture img'); "
        "return i && i.complete && i.naturalWidth > 0; }"
    )
    current = page.get_by_alt_text("Large photo").evaluate("i => i.currentSrc")
    assert current.endswith("-640w.webp")
