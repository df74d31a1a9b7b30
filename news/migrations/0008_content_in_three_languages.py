"""Existing press releases and topics were written in English: that is their original."""

from django.db import migrations

PRESS_RELEASE_FIELDS = (
    "title",
    "lead",
    "body",
    "dateline",
    "source",
    "image_alt",
    "image_caption",
    "image_credit",
)


def english_from_base(apps, schema_editor):
    PressRelease = apps.get_model("news", "PressRelease")
    for press_release in PressRelease.objects.all():
        for field in PRESS_RELEASE_FIELDS:
            setattr(press_release, f"{field}_en", getattr(press_release, field))
        press_release.original_language = "en"
        press_release.save(
            update_fields=[f"{field}_en" for field in PRESS_RELEASE_FIELDS] + ["original_language"]
        )
    Topic = apps.get_model("news", "Topic")
    for topic in Topic.objects.all():
        topic.name_en = topic.name
        topic.save(update_fields=["name_en"])


class Migration(migrations.Migration):
    dependencies = [("news", "0007_translated_fields"), ("partners", "0008_names_in_three_languages")]

    operations = [migrations.RunPython(english_from_base, migrations.RunPython.noop)]
