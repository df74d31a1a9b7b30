"""Filters of the staff partner search: readable slugs, strict, never a server error.

The view supplies the base queryset (``search.with_summary``); this FilterSet only
narrows it, then applies the text search and the chosen order.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from mfa_site.languages import localized_names

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


class DatalistInput(forms.TextInput):
    """A text box that offers choices as you type: a <datalist>, no script (CSP-safe).

    ``options`` is a callable returning (value, label) pairs, read only when rendered."""

    def __init__(self, options, attrs=None):
        super().__init__(attrs)
        self.options = options

    def render(self, name, value, attrs=None, renderer=None):
        list_id = f"{(attrs or {}).get('id') or name}-options"
        attrs = {**(attrs or {}), "list": list_id, "autocomplete": "off"}
        box = super().render(name, value, attrs, renderer)
        options = format_html_join(
            "", '<option value="{}">{}</option>', ((v, label) for v, label in self.options())
        )
        return format_html('{}<datalist id="{}">{}</datalist>', box, list_id, options)


class NamedChoiceField(SearchTextField):
    """An entry typed by name (or its code or slug), resolved to the model instance."""

    def __init__(self, *, resolve, not_found, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.resolve = resolve
        self.not_found = not_found

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        found = self.resolve(text)
        if found is None:
            raise forms.ValidationError(self.not_found % {"value": text}, code="not_found")
        return found


def resolve_country(text):
    """A country by ISO code ("be", "BE") or by name in any case ("belgium")."""
    text = text.strip()
    if len(text) == 2 and text.isalpha():
        return Country.objects.filter(code=text.upper()).first()
    wanted = search.fold(text)
    names = localized_names("name")
    for country in Country.objects.only("pk", "code", *names):
        if any(search.fold(getattr(country, name) or "") == wanted for name in names):
            return country
    return None


def resolve_institution(text):
    """An institution by slug, or by its name or short name in any case and accent."""
    text = text.strip()
    by_slug = Institution.objects.filter(slug=text).only("pk", "name").first()
    if by_slug:
        return by_slug
    wanted = search.fold(text)
    candidates = Institution.objects.filter(
        Q(search_names__startswith=wanted) | Q(search_names__contains=f" {wanted}")
    ).only("pk", "name", "short_name")
    return next(
        (i for i in candidates if wanted in (search.fold(i.name), search.fold(i.short_name))),
        None,
    )


def country_options():
    return [(name, code) for code, name in Country.objects.values_list("code", "name")]


def parent_options():
    """Institutions that have units: what "part of" can name."""
    parents = Institution.objects.filter(units__isnull=False).distinct().order_by("name")
    return [(name, short) for name, short in parents.values_list("name", "short_name")]


class NamedChoiceFilter(django_filters.Filter):
    field_class = NamedChoiceField


# What an unset choice reads as, instead of django-filter's "---------".
ANY = _("Any")


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
    country = NamedChoiceFilter(
        label=_("Country"),
        field_name="country",
        resolve=resolve_country,
        not_found=_("No country is called “%(value)s”: choose one of the list."),
        widget=DatalistInput(country_options, attrs={"placeholder": _("Any country")}),
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
    parent = NamedChoiceFilter(
        label=_("Part of"),
        field_name="parent",
        resolve=resolve_institution,
        not_found=_("No institution is called “%(value)s”: choose one of the list."),
        widget=DatalistInput(parent_options, attrs={"placeholder": _("Any institution")}),
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
