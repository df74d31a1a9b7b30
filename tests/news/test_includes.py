"""The shared template pieces: the safe image include and the JSON-LD escaping."""

import json

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string

from mfa_site.templatetags.site import dump_json_ld
from news.models import PressRelease
from tests.factories import image_file, make_press_release

pytestmark = pytest.mark.django_db


def render_image(image, **extra):
    return render_to_string("includes/image.html", {"image": image, **extra})


def test_image_include_renders_size_alt_caption_credit_sizes_and_loading():
    press_release = make_press_release(image=image_file(size=(320, 200)))
    html = render_image(
        press_release.image,
        alt="A handshake",
        caption="At the embassy",
        credit="Photo: ministry",
        sizes="100vw",
        loading="eager",
    )
    assert 'width="320" height="200"' in html
    assert 'alt="A handshake"' in html
    assert 'sizes="100vw"' in html
    assert 'loading="eager"' in html
    assert "At the embassy" in html and "Photo: ministry" in html


def test_image_include_is_lazy_and_captionless_by_default():
    press_release = make_press_release(image=image_file())
    html = render_image(press_release.image, alt="x")
    assert 'loading="lazy"' in html
    assert "<figcaption>" not in html


@pytest.mark.parametrize("stored", ["", "news/missing.jpg", "corrupt"])
def test_image_include_renders_nothing_without_a_readable_file(stored):
    press_release = make_press_release()
    if stored == "corrupt":
        press_release.image.save("corrupt.jpg", ContentFile(b"\x00garbage"), save=True)
    else:
        PressRelease.objects.filter(pk=press_release.pk).update(image=stored)
        press_release.refresh_from_db()
    assert render_image(press_release.image, alt="x", caption="Caption").strip() == ""


def test_json_ld_escapes_markup_but_stays_the_same_json():
    data = {"headline": "</script><!-- & -->", "n": 1}
    text = str(dump_json_ld(data))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
