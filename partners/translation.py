"""Which directory fields are written in each language (django-modeltranslation).

Each field below gets one column per language (``name_kk``, ``name_ru``, ``name_en``); the
plain attribute (``institution.name``) reads the active language, falling back to another
language where an entry has no name in it yet (names of foreign partners often exist only
in English).
"""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    CooperationArea,
    Country,
    Embassy,
    Figure,
    Institution,
    Partnership,
    Person,
    Position,
)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Embassy)
class EmbassyTranslation(TranslationOptions):
    fields = ("name", "city", "address")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "honorific", "bio")


@register(Position)
class PositionTranslation(TranslationOptions):
    fields = ("title",)


@register(Institution)
class InstitutionTranslation(TranslationOptions):
    fields = ("name", "short_name", "aliases", "city", "description")


@register(CooperationArea)
class CooperationAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(Partnership)
class PartnershipTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Figure)
class FigureTranslation(TranslationOptions):
    fields = ("label",)
