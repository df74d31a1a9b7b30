"""Filters of the staff partner search: readable slugs, strict, never a server error.

The view supplies the base queryset (``search.with_summary``); this FilterSet only
narrows it, then applies the text search and the chosen order.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from . import search
from .models import CooperationArea, Country, Embassy, Institution, Partnership


class SearchTextField(forms.CharField):
    """Free text with NUL bytes dropped (PostgreSQL refuses them) before validation."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\x00", "")
        return super().to_python(value)


class SearchTextFilter(django_filters.CharFilter):
    field_class = SearchTextField


class NewsSinceField(forms.DateField):
    """A date the database can store in any time zone (no year 1 or 9999)."""

    def validate(self, value):
        super().validate(value)
        if value and not 1900 <= value.year <= 2999:
            raise forms.ValidationError(
                _("Enter a date between the years 1900 and 2999."), code="out_of_range"
            )


class NewsSinceFilter(django_filters.DateFilter):
    field_class = NewsSinceField


class CountryCodeField(ModelChoiceField):
    """A country by ISO code, in either case: ?country=be."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().upper()
        return super().to_python(value)


# What an unset choice reads as, instead of django-filter's "---------".
ANY = _("Any")


class CountryFilter(django_filters.ModelChoiceFilter):
    field_class = CountryCodeField


def partnerships_of_outer_institution(**conditions):
    return Exists(Partnership.objects.filter(institutions=OuterRef("pk"), **conditions))


class StaffSearchFilterSet(django_filters.FilterSet):
    q = SearchTextFilter(
        label=_("Search"),
        method="keep",
        max_length=search.MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "The search text is too long: use at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            )
        },
    )
    country = CountryFilter(
        label=_("Country"),
        empty_label=ANY,
        queryset=Country.objects.all(),
        to_field_name="code",
        field_name="country",
    )
    city = SearchTextFilter(label=_("City"), method="filter_city", max_length=100)
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Institution.Kind.choices, empty_label=ANY
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Cooperation area"),
        empty_label=ANY,
        queryset=CooperationArea.objects.all(),
        to_field_name="slug",
        method="filter_area",
    )
    partnership_kind = django_filters.ChoiceFilter(
        label=_("Partnership kind"),
        choices=Partnership.Kind.choices,
        method="filter_partnership",
        empty_label=ANY,
    )
    status = django_filters.ChoiceFilter(
        label=_("Partnership status"),
        empty_label=ANY,
        choices=Partnership.Status.choices,
        method="filter_partnership",
    )
    active = django_filters.ChoiceFilter(
        label=_("Has an active partnership"),
        empty_label=ANY,
        choices=[("yes", _("Yes")), ("no", _("No"))],
        method="filter_active",
    )
    embassy = django_filters.ModelChoiceFilter(
        label=_("Facilitating mission"),
        empty_label=ANY,
        queryset=Embassy.objects.all(),
        to_field_name="slug",
        method="filter_partnership",
    )
    parent = django_filters.ModelChoiceFilter(
        label=_("Part of (slug)"),
        queryset=Institution.objects.all(),
        to_field_name="slug",
        field_name="parent",
        widget=forms.TextInput,
    )
    news_since = NewsSinceFilter(
        label=_("Mentioned in news since"),
        method="filter_news_since",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=search.SORT_CHOICES, method="keep", empty_label=None
    )

    class Meta:
        model = Institution
        fields = [
            "q",
            "country",
            "city",
            "kind",
            "area",
            "partnership_kind",
            "status",
            "active",
            "embassy",
            "parent",
            "news_since",
            "sort",
        ]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("country"):
            # Show ?country=be as the selected option, whose value is "BE".
            data = data.copy()
            data["country"] = data["country"].strip().upper()
        super().__init__(data, *args, **kwargs)

    def keep(self, queryset, name, value):
        """Search text and order are applied last, in ``filter_queryset``."""
        return queryset

    def filter_city(self, queryset, name, value):
        if search.is_postgresql():
            return queryset.filter(city__unaccent__iexact=value.strip())
        # SQLite cannot fold accents or non-ASCII case: compare the distinct cities in Python.
        wanted = search.fold(value)
        cities = Institution.objects.order_by().values_list("city", flat=True).distinct()
        return queryset.filter(city__in=[city for city in cities if search.fold(city) == wanted])

    def filter_area(self, queryset, name, value):
        return queryset.filter(partnerships_of_outer_institution(areas=value))

    def filter_partnership(self, queryset, name, value):
        field = {"partnership_kind": "kind", "status": "status", "embassy": "embassy"}[name]
        return queryset.filter(partnerships_of_outer_institution(**{field: value}))

    def filter_active(self, queryset, name, value):
        active = partnerships_of_outer_institution(status=Partnership.Status.ACTIVE)
        return queryset.filter(active if value == "yes" else ~active)

    def filter_news_since(self, queryset, name, value):
        since = timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))
        return queryset.filter(Exists(search.published_mentions(since=since)))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        query = self.form.cleaned_data.get("q") or ""
        # Unordered matches, for a count that skips the aggregates some orders need.
        self.matches = search.search_institutions(queryset, query)
        return search.order_results(
            self.matches, self.form.cleaned_data.get("sort"), bool(search.query_words(query))
        )
