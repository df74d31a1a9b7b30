"""Country names in the site's languages, from maintained sources, never typed by hand.

English and Russian come from django-countries (its common names: "Netherlands", not
"Netherlands (Kingdom of the)"); Kazakh, which django-countries does not translate, from
the iso-codes translations that pycountry ships.
"""

import gettext
from functools import cache

import pycountry
from django.utils import translation
from django_countries import countries


@cache
def _kazakh():
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["kk"])


def kazakh_name(code):
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return ""
    # iso-codes translates the common name where one exists ("South Korea").
    name = getattr(country, "common_name", None) or country.name
    translated = _kazakh().gettext(name)
    return translated if translated != name else _kazakh().gettext(country.name)


def country_names(code):
    """{language: name} of the country with ISO code ``code``."""
    names = {}
    for language in ("en", "ru"):
        with translation.override(language):
            names[language] = str(countries.name(code))
    names["kk"] = kazakh_name(code) or names["ru"]
    return names
