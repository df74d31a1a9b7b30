"""The public press-release page with its featured image, gallery and documents."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from news.models import PressReleaseAttachment, PressReleaseImage
from tests.factories import (
    image_bytes,
    image_upload,
    make_attachment,
    make_gallery_image,
    make_press_release,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


def page(client, press_release):
    response = client.get(press_release.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_featured_image_is_responsive_eager_and_sized(client):
    press_release = make_press_release(
        image=image_upload(size=(2400, 1600)),
        image_alt="The rector and the ambassador",
        image_caption="Antwerp, 12 March",
        image_credit="Embassy of Kazakhstan",
    )
    html = page(client, press_release)
    assert '<source type="image/webp" srcset="' in html
    assert "320w" in html and "1600w" in html
    assert 'width="1600" height="1067"' in html
    assert 'alt="The rector and the ambassador"' in html
    assert 'loading="eager"' in html
    assert "Antwerp, 12 March" in html and "Photo: Embassy of Kazakhstan" in html


def test_gallery_in_order_lazy_with_captions(client):
    press_release = make_press_release()
    make_gallery_image(press_release, alt="Second photo", position=2)
    make_gallery_image(press_release, alt="First photo", position=1, caption="The signing")
    html = page(client, press_release)
    assert html.index('alt="First photo"') < html.index('alt="Second photo"')
    assert html.count('loading="lazy"') == 2
    assert "The signing" in html


def test_documents_show_title_type_and_size(client):
    press_release = make_press_release()
    attachment = make_attachment(press_release, title="Joint statement")
    html = page(client, press_release)
    assert "Joint statement" in html
    assert f'href="/media/{attachment.file.name}"' in html
    assert 'download="Joint_statement_final.pdf"' in html
    assert "(PDF, " in html and "bytes)" in html


@pytest.mark.parametrize("page_cache", [True, False])
def test_a_photo_or_document_added_later_shows_at_once(client, settings, page_cache):
    """Gallery and documents are kept with the page's other related data in the cache: a
    photo or a document added, changed or removed on its own purges it (page cache on or off)."""
    settings.PAGE_CACHE = page_cache
    press_release = make_press_release()
    assert "Joint statement" not in page(client, press_release)
    page(client, press_release)  # from the cache now
    attachment = make_attachment(press_release, title="Joint statement")
    make_gallery_image(press_release, alt="The signing ceremony")
    html = page(client, press_release)
    assert "Joint statement" in html and 'alt="The signing ceremony"' in html
    attachment.title = "Joint declaration"
    attachment.save()
    assert "Joint declaration" in page(client, press_release)
    attachment.delete()
    assert "Joint declaration" not in page(client, press_release)


def test_missing_files_leave_the_page_working_without_them(client):
    press_release = make_press_release(image="news/missing.jpg", image_alt="Gone")
    PressReleaseImage.objects.create(
        press_release=press_release, image="news/gallery/missing.jpg", alt="Also gone"
    )
    main = page(client, press_release).split("<main", 1)[1]
    assert "<img" not in main
    assert "Gone" not in main


def test_corrupt_stored_file_leaves_the_page_working(client):
    name = default_storage.save("news/broken.jpg", ContentFile(b"\xff\xd8\xffnot really"))
    press_release = make_press_release(image=name, image_alt="Broken")
    make_gallery_image(press_release, alt="Fine photo")
    html = page(client, press_release)
    assert 'alt="Broken"' not in html
    assert 'alt="Fine photo"' in html


def test_saving_without_a_form_still_cleans_and_refuses(client):
    """Code that saves directly (imports, shell) goes through the same checks."""
    from django.core.exceptions import ValidationError

    press_release = make_press_release()
    with pytest.raises(ValidationError), transaction.atomic():
        make_gallery_image(press_release, upload=SimpleUploadedFile("x.jpg", b"text"))
    item = make_gallery_image(press_release, upload=image_upload("x.png", image_bytes("PNG")))
    assert item.image.name.startswith("news/gallery/") and item.image.name.endswith(".png")
    assert (item.width, item.height) == (800, 600)
    with pytest.raises(ValidationError), transaction.atomic():
        make_attachment(press_release, upload=SimpleUploadedFile("x.pdf", b"%PDF-1.4 no end"))
    assert PressReleaseAttachment.objects.count() == 0
    assert make_attachment(press_release, upload=SimpleUploadedFile("a.pdf", pdf_bytes())).pk


def queries_for(client, url):
    client.get(url)  # the first view makes or caches the renditions
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_media_page_query_count_does_not_grow_with_items(client):
    press_release = make_press_release()
    make_gallery_image(press_release)
    make_attachment(press_release)
    few = queries_for(client, press_release.get_absolute_url())
    for _ in range(4):
        make_gallery_image(press_release)
        make_attachment(press_release)
    assert queries_for(client, press_release.get_absolute_url()) == few


def test_gallery_words_and_document_titles_show_in_the_page_language(client):
    """A photo's alt text, caption and credit and a document's title are written per
    language; a language without them shows another's rather than an undescribed photo."""
    from django.utils import translation

    press_release = make_press_release(
        title_ru="Посол встретился с ректором",
        lead_ru="Посол встретился с ректором.",
        body_ru="<p>Посол встретился с ректором.</p>",
    )
    press_release.confirm_translation("ru")
    make_gallery_image(
        press_release,
        alt_en="The ambassador and the rector",
        alt_ru="Посол и ректор",
        caption_en="The signing",
        caption_ru="Подписание",
        credit_en="Embassy press service",
    )
    make_attachment(press_release, title_en="Joint statement", title_ru="Совместное заявление")
    english = page(client, press_release)
    assert 'alt="The ambassador and the rector"' in english and "The signing" in english
    assert "Joint statement" in english and "Посол и ректор" not in english
    with translation.override("ru"):
        russian = page(client, press_release)
    assert 'alt="Посол и ректор"' in russian and "Подписание" in russian
    assert "Совместное заявление" in russian and "Joint statement" not in russian
    assert "The ambassador and the rector" not in russian
    # No Russian credit written: the English one, rather than none.
    assert "Embassy press service" in russian
