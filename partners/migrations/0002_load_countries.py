"""Load every ISO 3166-1 country from django-countries' maintained list."""

from django.db import migrations
from django.utils import translation


def load_countries(apps, schema_editor):
    from django_countries.data import COUNTRIES

    Country = apps.get_model("partners", "Country")
    with translation.override("en"):
        existing = set(Country.objects.values_list("code", flat=True))
        Country.objects.bulk_create(
            Country(code=code, name=str(name))
            for code, name in COUNTRIES.items()
            if code not in existing
        )


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [migrations.RunPython(load_countries, migrations.RunPython.noop)]
