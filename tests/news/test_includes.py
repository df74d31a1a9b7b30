"""The shared template pieces: the safe image include and the JSON-LD escaping."""

import json

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

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


def render_card(item, **options):
    from news.templatetags.news_cards import news_card

    return str(news_card(item, **options))


def card_item(**kwargs):
    """The press release as lists load it: `PressRelease.objects.cards()`."""
    press_release = make_press_release(**kwargs)
    return PressRelease.objects.cards().get(pk=press_release.pk)


def test_news_card_names_links_dates_and_shortens_the_lead():
    from tests.factories import make_topic

    lead = " ".join(f"word{n}" for n in range(60)) + " <b>"
    item = card_item(
        title="Ambassador & rector", lead=lead, dateline="ANTWERP", topics=[make_topic("Education")]
    )
    html = render_card(item, level=2, show_topics=True)
    link = f'<a href="{item.get_absolute_url()}">Ambassador &amp; rector</a>'
    assert f'<h2 class="card__title">{link}</h2>' in html
    assert '<span class="card__dateline">ANTWERP</span>, ' in html
    published = timezone.localtime(item.published_at)
    assert f'<time datetime="{published.isoformat()}">{date_format(published)}</time>' in html
    assert "word39 …</p>" in html and "word40" not in html and "<b>" not in html
    assert '<ul class="tags" aria-label="Topics"><li>Education</li></ul>' in html
    assert "card--with-image" not in html


def test_news_card_shows_the_image_unless_compact_and_only_a_readable_one():
    item = card_item(image=image_file(size=(640, 360)))
    html = render_card(item)
    assert 'class="card card--with-image"' in html and "<picture>" in html
    assert 'alt=""' in html and "<h3" in html
    compact = render_card(item, compact=True)
    assert "<picture>" not in compact and "card__lead" not in compact
    PressRelease.objects.filter(pk=item.pk).update(image="news/missing.jpg")
    missing = render_card(PressRelease.objects.cards().get(pk=item.pk))
    assert "card--with-image" not in missing and "card__image" not in missing


def test_news_card_needs_no_query_beyond_the_cards_queryset(django_assert_num_queries):
    from tests.factories import make_topic

    card_item(topics=[make_topic()])
    with django_assert_num_queries(2):  # the cards and their topics
        items = list(PressRelease.objects.cards())
        for item in items:
            render_card(item, show_topics=True)
