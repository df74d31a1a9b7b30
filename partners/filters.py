"""Filters of the public institution and partnership lists, by readable slugs and ISO codes.

The views hand over the base queryset; these FilterSets only narrow it. Unknown values
are form errors (the views are strict), never server errors.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from .models import CooperationArea, Country, Institution, Partnership


class SlugChoiceField(forms.ModelChoiceField):
    """A choice by slug; a value longer than any slug is an error without a query.

    NUL bytes (which PostgreSQL refuses) are already a form error in ModelChoiceField.
    """

    max_value_length = 255

    def to_python(self, value):
        if isinstance(value, str) and len(value) > self.max_value_length:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class _OfferedChoiceIterator(ModelChoiceIterator):
    def __init__(self, field):
        super().__init__(field)
        self.queryset = field.offered_queryset


class CountryCodeField(SlugChoiceField):
    """A country by ISO code in any case (`be`, `BE`); offers only `offered_queryset`.

    Any existing country is a valid value (a link from a press release about a country
    with no institution yet shows an empty list, not an error), but the select offers only
    the countries that have something to show.
    """

    iterator = _OfferedChoiceIterator
    max_value_length = 2

    def __init__(self, *args, offered_queryset=None, **kwargs):
        self.offered_queryset = offered_queryset
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().upper()
        return super().to_python(value)

    def prepare_value(self, value):
        value = super().prepare_value(value)  # an instance becomes its django-countries code
        return str(value).lower() if value else value


class SlugFilter(django_filters.ModelChoiceFilter):
    field_class = SlugChoiceField


class CountryFilter(django_filters.ModelChoiceFilter):
    field_class = CountryCodeField


class PublicFilterForm(forms.Form):
    """Error messages that never echo the submitted value (it may be 10,000 characters)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Select one of the choices in the list.")


def countries_with(relation):
    return Country.objects.filter(**{f"{relation}__isnull": False}).distinct().order_by("name")


class InstitutionFilter(django_filters.FilterSet):
    country = CountryFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="code",
        offered_queryset=countries_with("institutions"),
        empty_label=_("All countries"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Institution.Kind.choices, empty_label=_("All kinds")
    )
    area = SlugFilter(
        label=_("Cooperation area"),
        field_name="partnerships__areas",
        queryset=CooperationArea.objects.all(),
        to_field_name="slug",
        empty_label=_("All areas"),
        distinct=True,
    )

    class Meta:
        model = Institution
        form = PublicFilterForm
        fields = ["country", "kind", "area"]


class PartnershipFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Partnership.Kind.choices, empty_label=_("All kinds")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Partnership.Status.choices, empty_label=_("All statuses")
    )
    area = SlugFilter(
        label=_("Cooperation area"),
        field_name="areas",
        queryset=CooperationArea.objects.all(),
        to_field_name="slug",
        empty_label=_("All areas"),
        distinct=True,
    )
    country = CountryFilter(
        label=_("Country"),
        help_text=_("Country of a member institution."),
        field_name="institutions__country",
        queryset=Country.objects.all(),
        to_field_name="code",
        offered_queryset=countries_with("institutions__partnerships"),
        empty_label=_("All countries"),
        distinct=True,
    )

    class Meta:
        model = Partnership
        form = PublicFilterForm
        fields = ["kind", "status", "area", "country"]
