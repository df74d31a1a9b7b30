"""The upload guard: files written while validating are kept only if a record keeps them."""

from pathlib import Path

import pytest
from django.forms import modelform_factory

from mfa_site.uploads import upload_guard
from news.models import PressReleaseImage
from tests.factories import image_upload, make_press_release

pytestmark = pytest.mark.django_db

ImageForm = modelform_factory(PressReleaseImage, fields=["press_release", "image", "alt"])


def files(settings):
    return sorted(p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())


def bound_form():
    return ImageForm(
        data={"press_release": make_press_release().pk, "alt": "A photo"},
        files={"image": image_upload("a.jpg")},
    )


def test_valid_form_stores_during_validation_and_unsaved_files_are_removed(settings):
    with upload_guard():
        form = bound_form()
        assert form.is_valid(), form.errors
        stored = files(settings)
        assert len(stored) == 1 + 6, "the original and its 320, 640 and 800 renditions"
    assert files(settings) == []


def test_saved_record_keeps_its_files(settings):
    with upload_guard():
        form = bound_form()
        assert form.is_valid()
        item = form.save()
    assert item.image.storage.exists(item.image.name)
    assert len(files(settings)) == 7


def test_failure_after_saving_removes_everything(settings):
    with pytest.raises(RuntimeError), upload_guard():
        form = bound_form()
        assert form.is_valid()
        form.save()
        raise RuntimeError("the transaction rolls back")
    assert files(settings) == []


def test_without_a_guard_files_are_written_when_the_record_is_saved(settings):
    form = bound_form()
    assert form.is_valid()
    assert files(settings) == []
    item = form.save()
    assert item.image.storage.exists(item.image.name)
