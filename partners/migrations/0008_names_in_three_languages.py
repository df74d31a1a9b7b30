"""Existing directory entries were written in English; country names in all three languages."""

from django.db import migrations

TRANSLATED = {
    "Embassy": ("name", "city", "address"),
    "Person": ("name", "honorific", "bio"),
    "Position": ("title",),
    "Institution": ("name", "short_name", "aliases", "city", "description"),
    "CooperationArea": ("name",),
    "Partnership": ("title", "description"),
    "Figure": ("label",),
}


def english_from_base(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("partners", model_name)
        for obj in model.objects.all():
            for field in fields:
                setattr(obj, f"{field}_en", getattr(obj, field))
            obj.save(update_fields=[f"{field}_en" for field in fields])


def country_names(apps, schema_editor):
    from partners.countries import country_names as names_of

    Country = apps.get_model("partners", "Country")
    countries = list(Country.objects.all())
    for country in countries:
        names = names_of(str(country.code))
        country.name_en, country.name_ru, country.name_kk = names["en"], names["ru"], names["kk"]
        country.name = names["en"]
    Country.objects.bulk_update(countries, ["name", "name_en", "name_ru", "name_kk"])


class Migration(migrations.Migration):
    dependencies = [("partners", "0007_translated_fields")]

    operations = [
        migrations.RunPython(english_from_base, migrations.RunPython.noop),
        migrations.RunPython(country_names, migrations.RunPython.noop),
    ]
