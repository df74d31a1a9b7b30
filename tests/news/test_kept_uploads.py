"""A chosen image is kept after a validation error elsewhere on the form: the featured image
and gallery images come back as "Chosen: name.jpg" with a signed token, and the corrected
form posted with the token alone saves the image."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from mfa_site import kept_uploads
from news.models import PressRelease, PressReleaseImage
from tests.factories import image_upload, make_editor, make_press_release

from .test_media_admin import form_data as page_data
from .test_media_admin import with_gallery
from .workflow_helpers import change_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor("elena"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def draft():
    return make_press_release("Visit", status=PressRelease.Status.DRAFT)


def token_of(html, name):
    found = re.search(rf'name="{re.escape(name)}" value="([^"]+)"', html)
    assert found, f"no kept token for {name}"
    return found.group(1)


def kept_files(settings):
    folder = Path(settings.MEDIA_ROOT) / kept_uploads.FOLDER
    return sorted(folder.iterdir()) if folder.exists() else []


def test_featured_image_is_kept_after_an_error_elsewhere_and_saved_with_the_token(
    editor_client, draft, settings
):
    page = editor_client.get(change_url(draft))
    data = page_data(page)
    data.update(title_en="", image=image_upload("ambassador.jpg"), image_alt_en="The ambassador")
    refused = editor_client.post(change_url(draft), data)

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Required in the original language" in html
    assert "Chosen: ambassador.jpg" in html
    token = token_of(html, "image-kept")
    assert len(kept_files(settings)) == 1
    draft.refresh_from_db()
    assert not draft.image

    data = page_data(refused)
    data.pop("image", None)
    data.update(title_en="Visit", image_alt_en="The ambassador", **{"image-kept": token})
    saved = editor_client.post(change_url(draft), data)

    assert saved.status_code == 302, saved.context and saved.context["errors"]
    draft.refresh_from_db()
    assert draft.image.name.startswith("news/")
    assert "ambassador" not in draft.image.name  # stored under a generated name, processed
    assert draft.image.width > 0


def test_gallery_image_is_kept_after_an_error_elsewhere(editor_client, draft):
    page = editor_client.get(change_url(draft))
    data = with_gallery(
        page,
        page_data(page),
        image_upload("signing.jpg"),
        alt_en="The signing",
        caption_en="Antwerp",
    )
    data["title_en"] = ""
    refused = editor_client.post(change_url(draft), data)

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Chosen: signing.jpg" in html
    token = token_of(html, "images-0-image-kept")
    assert not PressReleaseImage.objects.exists()

    data = with_gallery(page, page_data(page), None, alt_en="The signing", caption_en="Antwerp")
    data.pop("images-0-image")
    data.update(title_en="Visit", **{"images-0-image-kept": token})
    saved = editor_client.post(change_url(draft), data)

    assert saved.status_code == 302, saved.context and saved.context["errors"]
    image = PressReleaseImage.objects.get(press_release=draft)
    assert image.image.name.startswith("news/gallery/") and image.caption == "Antwerp"


def test_a_new_file_replaces_the_kept_one(editor_client, draft):
    page = editor_client.get(change_url(draft))
    data = page_data(page)
    data.update(title_en="", image=image_upload("first.jpg"), image_alt_en="First")
    token = token_of(editor_client.post(change_url(draft), data).content.decode(), "image-kept")
    data.update(
        title_en="Visit",
        image=image_upload("second.png", fmt="PNG", size=(30, 20)),
        **{"image-kept": token},
    )
    assert editor_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert (draft.image.width, draft.image.height) == (30, 20)


def test_a_refused_file_is_not_kept(editor_client, draft, settings):
    page = editor_client.get(change_url(draft))
    data = page_data(page)
    data.update(image=image_upload("notes.jpg", b"not an image at all"), image_alt_en="x")
    refused = editor_client.post(change_url(draft), data)
    assert refused.status_code == 200
    assert "Chosen:" not in refused.content.decode()
    assert kept_files(settings) == []


def test_a_forged_or_foreign_token_is_ignored(editor_client, draft):
    page = editor_client.get(change_url(draft))
    data = page_data(page)
    forged = kept_uploads.signing.dumps(
        {"name": "news/elsewhere.jpg", "original": "x.jpg"}, salt=kept_uploads.SALT
    )
    for token in ("garbage", forged):
        data["image-kept"] = token
        response = editor_client.post(change_url(draft), data)
        assert response.status_code == 302
        draft.refresh_from_db()
        assert not draft.image


def test_kept_uploads_are_never_served_and_are_cleaned_after_a_day(editor_client, draft, settings):
    settings.DJANGO_SERVE_MEDIA = True
    page = editor_client.get(change_url(draft))
    data = page_data(page)
    data.update(title_en="", image=image_upload("a.jpg"), image_alt_en="A")
    editor_client.post(change_url(draft), data)
    [kept] = kept_files(settings)
    assert kept.suffix == ".upload"
    day_ago = (datetime.datetime.now() - datetime.timedelta(hours=25)).timestamp()
    os.utime(kept, (day_ago, day_ago))
    call_command("cleanup_media", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert kept_files(settings) == []
