"""Uploading through the press-release admin: gallery inline, errors, storage failure."""

import io
from pathlib import Path

import pytest
from django import forms
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.models import PressRelease, PressReleaseAttachment, PressReleaseImage
from tests.factories import (
    GPS_IFD,
    image_bytes,
    image_upload,
    make_press_release,
    pdf_bytes,
    phone_photo,
)

pytestmark = pytest.mark.django_db


def form_data(response):
    """The admin form's current values and every inline's management form, as POST data,
    so the test only names the fields it is about (the admin grows in parallel)."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or isinstance(field, forms.FileField):
            continue
        widget = field.widget
        if isinstance(widget, forms.MultiWidget):
            for index, part in enumerate(widget.decompress(value)):
                data[f"{name}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, (list, tuple)):
            data[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = str(value)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(formset.initial_form_count())
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        for index, inline_form in enumerate(formset.initial_forms):
            for name in inline_form.fields:
                value = inline_form[name].value()
                if value is not None and not isinstance(inline_form.fields[name], forms.FileField):
                    data[f"{formset.prefix}-{index}-{name}"] = str(value)
    return data


def prefix_of(response, model):
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise AssertionError(f"no inline for {model}")


def with_gallery(response, data, upload, **fields):
    prefix = prefix_of(response, PressReleaseImage)
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data[f"{prefix}-{index}-image"] = upload
    for name, value in {"position": "0", **fields}.items():
        data[f"{prefix}-{index}-{name}"] = value
    return data


def change(admin_client, press_release, upload, **fields):
    url = f"/admin/news/pressrelease/{press_release.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200
    data = with_gallery(page, form_data(page), upload, **fields)
    return admin_client.post(url, data)


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_editor_adds_a_phone_photo_to_the_gallery_and_gps_is_gone(admin_client, settings):
    press_release = make_press_release()
    response = change(
        admin_client,
        press_release,
        image_upload("IMG_2034.jpg", phone_photo()),
        alt_en="The ambassador and the rector sign the agreement",
        caption_en="Signing in Antwerp",
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    item = PressReleaseImage.objects.get(press_release=press_release)
    assert item.image.name.startswith("news/gallery/")
    assert "IMG_2034" not in item.image.name
    assert (item.width, item.height) == (200, 400)
    with item.image.open() as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        assert not stored.getexif().get_ifd(GPS_IFD)
        assert stored.size == (200, 400)
    files = stored_files(settings)
    stem = item.image.name.removesuffix(".jpg")
    assert f"renditions/{stem}-200w.webp" in files
    assert f"renditions/{stem}-200w.jpg" in files

    page = admin_client.get(press_release.get_absolute_url())
    html = page.content.decode()
    assert f"/media/renditions/{stem}-200w.webp 200w" in html
    assert 'alt="The ambassador and the rector sign the agreement"' in html


def test_hostile_file_gets_a_form_error_and_nothing_is_written(admin_client, settings):
    press_release = make_press_release()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = change(
        admin_client, press_release, SimpleUploadedFile("photo.jpg", svg), alt_en="A photo"
    )
    assert response.status_code == 200
    assert "SVG files are not accepted" in response.content.decode()
    assert not PressReleaseImage.objects.exists()
    assert stored_files(settings) == []


def test_alt_text_is_required_unless_decorative(admin_client):
    press_release = make_press_release()
    response = change(admin_client, press_release, image_upload("a.jpg"), alt_en="")
    assert response.status_code == 200
    assert "or mark it as decorative" in response.content.decode()
    assert not PressReleaseImage.objects.exists()

    response = change(admin_client, press_release, image_upload("a.jpg"), decorative="on")
    assert response.status_code == 302
    item = PressReleaseImage.objects.get()
    assert item.decorative
    html = admin_client.get(press_release.get_absolute_url()).content.decode()
    assert 'alt=""' in html


def test_alt_text_that_is_the_file_name_saves_with_a_warning(admin_client):
    press_release = make_press_release()
    response = change(admin_client, press_release, image_upload("DSC_0042.jpg"), alt_en="DSC_0042")
    assert response.status_code == 302
    assert PressReleaseImage.objects.count() == 1
    followed = admin_client.get(response["Location"])
    assert "looks like a file name" in followed.content.decode()


class FailingStorage(FileSystemStorage):
    """A disk that fills up halfway through writing a file."""

    error = OSError(28, "No space left on device")

    def _save(self, name, content):
        Path(self.path(name)).parent.mkdir(parents=True, exist_ok=True)
        Path(self.path(name)).write_bytes(b"half a file")
        raise self.error


class ClientError(Exception):
    """What an object-storage client raises (botocore's errors are not OSErrors)."""


class FailingObjectStorage(FailingStorage):
    error = ClientError("503 Slow Down")


@pytest.mark.parametrize("backend", ["FailingStorage", "FailingObjectStorage"])
def test_storage_failure_gives_a_form_error_no_record_and_no_orphan(
    admin_client, settings, backend
):
    press_release = make_press_release()
    page = admin_client.get(f"/admin/news/pressrelease/{press_release.pk}/change/")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"tests.news.test_media_admin.{backend}"},
    }
    data = with_gallery(page, form_data(page), image_upload("a.jpg"), alt_en="A photo")
    data["title_en"] = "Changed title"
    response = admin_client.post(f"/admin/news/pressrelease/{press_release.pk}/change/", data)
    assert response.status_code == 200
    assert "could not be stored" in response.content.decode()
    assert not PressReleaseImage.objects.exists()
    press_release.refresh_from_db()
    assert press_release.title != "Changed title"
    assert stored_files(settings) == []


def test_files_of_a_form_that_fails_elsewhere_are_removed(admin_client, settings):
    """The gallery image is valid and stored during validation, but the attachment is
    refused, so nothing is saved and the stored image must not stay behind."""
    press_release = make_press_release()
    page = admin_client.get(f"/admin/news/pressrelease/{press_release.pk}/change/")
    data = with_gallery(page, form_data(page), image_upload("a.jpg"), alt_en="A photo")
    prefix = prefix_of(page, PressReleaseAttachment)
    data[f"{prefix}-TOTAL_FORMS"] = "1"
    data[f"{prefix}-0-title_en"] = "Statement"
    data[f"{prefix}-0-position"] = "0"
    data[f"{prefix}-0-file"] = SimpleUploadedFile("statement.pdf", b"<html>not a pdf</html>")
    response = admin_client.post(f"/admin/news/pressrelease/{press_release.pk}/change/", data)
    assert response.status_code == 200
    assert "not a valid PDF document" in response.content.decode()
    assert not PressReleaseImage.objects.exists()
    # Only the chosen image, as it came, kept for the corrected form (never served).
    [kept] = stored_files(settings)
    assert kept.startswith("kept-uploads/") and kept.endswith(".upload")


def test_pdf_attachment_is_stored_under_a_generated_name(admin_client, settings):
    press_release = make_press_release()
    page = admin_client.get(f"/admin/news/pressrelease/{press_release.pk}/change/")
    data = form_data(page)
    prefix = prefix_of(page, PressReleaseAttachment)
    data[f"{prefix}-TOTAL_FORMS"] = "1"
    data[f"{prefix}-0-title_en"] = "Joint statement"
    data[f"{prefix}-0-position"] = "0"
    data[f"{prefix}-0-file"] = SimpleUploadedFile("../../Joint statement.pdf", pdf_bytes())
    response = admin_client.post(f"/admin/news/pressrelease/{press_release.pk}/change/", data)
    assert response.status_code == 302
    attachment = PressReleaseAttachment.objects.get()
    assert attachment.original_name == "Joint_statement.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.size == len(pdf_bytes())
    assert attachment.file.name.startswith("news/documents/")
    assert stored_files(settings) == [attachment.file.name]


def test_featured_image_on_the_add_form(admin_client):
    page = admin_client.get("/admin/news/pressrelease/add/")
    data = form_data(page)
    data.update(
        title_en="With a photo",
        slug="with-a-photo",
        lead_en="Lead.",
        body_en="<p>Body.</p>",
        original_language="en",
        status=PressRelease.Status.DRAFT,
        image=image_upload("photo.png", image_bytes("PNG", size=(700, 500))),
        image_alt_en="Students in front of the university",
    )
    response = admin_client.post("/admin/news/pressrelease/add/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    created = PressRelease.objects.get(slug="with-a-photo")
    assert created.image.name.endswith(".png")
    assert (created.image_width, created.image_height) == (700, 500)


def test_storage_failure_when_saving_in_code_leaves_no_file(settings):
    from django.db import transaction

    from tests.factories import make_gallery_image

    press_release = make_press_release()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.news.test_media_admin.FailingStorage"},
    }
    with pytest.raises(OSError), transaction.atomic():
        make_gallery_image(press_release)
    assert not PressReleaseImage.objects.exists()
    assert stored_files(settings) == []


def test_gallery_and_document_words_are_asked_for_in_each_language(admin_client):
    press_release = make_press_release()
    page = admin_client.get(f"/admin/news/pressrelease/{press_release.pk}/change/")
    html = page.content.decode()
    image_prefix = prefix_of(page, PressReleaseImage)
    document_prefix = prefix_of(page, PressReleaseAttachment)
    for language in ("kk", "ru", "en"):
        for field in ("alt", "caption", "credit"):
            assert f'name="{image_prefix}-__prefix__-{field}_{language}"' in html
        assert f'name="{document_prefix}-__prefix__-title_{language}"' in html


def test_a_photo_described_in_kazakh_only_is_described(admin_client):
    press_release = make_press_release()
    response = change(admin_client, press_release, image_upload("a.jpg"), alt_kk="Елші мен ректор")
    assert response.status_code == 302, response.context and response.context["errors"]
    image = press_release.images.get()
    assert image.alt_kk == "Елші мен ректор" and not image.alt_en
    assert image.alt == "Елші мен ректор"  # read in English, it falls back to the Kazakh


def test_a_document_needs_a_title_in_one_language_at_least(admin_client):
    press_release = make_press_release()
    url = f"/admin/news/pressrelease/{press_release.pk}/change/"
    page = admin_client.get(url)
    prefix = prefix_of(page, PressReleaseAttachment)
    data = form_data(page)
    data[f"{prefix}-TOTAL_FORMS"] = "1"
    data[f"{prefix}-0-file"] = SimpleUploadedFile(
        "statement.pdf", pdf_bytes(), content_type="application/pdf"
    )
    data[f"{prefix}-0-position"] = "0"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Give the document a title in at least one language." in response.content.decode()
    data[f"{prefix}-0-file"] = SimpleUploadedFile(
        "statement.pdf", pdf_bytes(), content_type="application/pdf"
    )
    data[f"{prefix}-0-title_ru"] = "Совместное заявление"
    assert admin_client.post(url, data).status_code == 302
    assert press_release.attachments.get().title_ru == "Совместное заявление"
