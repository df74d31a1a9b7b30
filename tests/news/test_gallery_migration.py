"""Photos and documents written before their words were translated keep them (migration 0015)."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from news.models import PressReleaseAttachment, PressReleaseImage
from tests.factories import make_attachment, make_gallery_image, make_press_release

pytestmark = pytest.mark.django_db

MIGRATION = "0015_gallery_in_each_language"


def test_words_written_before_are_the_press_releases_original_language():
    kazakh = make_press_release(original_language="kk")
    english = make_press_release(original_language="en")
    photo = make_gallery_image(kazakh)
    document = make_attachment(english)
    apps = MigrationExecutor(connection).loader.project_state(("news", MIGRATION)).apps
    # As the rows stood before the migration: the words in the untranslated columns only
    # (the migration's own models, which django-modeltranslation does not rewrite).
    apps.get_model("news", "PressReleaseImage").objects.filter(pk=photo.pk).update(
        alt="Елші мен ректор",
        caption="Қол қою",
        credit="Елшілік",
        alt_en=None,
        alt_kk=None,
        caption_en=None,
        credit_en=None,
    )
    apps.get_model("news", "PressReleaseAttachment").objects.filter(pk=document.pk).update(
        title="Joint statement", title_en=None
    )
    module = importlib.import_module(f"news.migrations.{MIGRATION}")
    module.words_in_the_original_language(apps, None)
    photo = PressReleaseImage.objects.get(pk=photo.pk)
    assert (photo.alt_kk, photo.caption_kk, photo.credit_kk) == (
        "Елші мен ректор",
        "Қол қою",
        "Елшілік",
    )
    assert not photo.alt_en and not photo.alt_ru
    assert PressReleaseAttachment.objects.get(pk=document.pk).title_en == "Joint statement"
