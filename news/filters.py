"""The filters of the public news list.

The view hands in `PressRelease.objects.published()`; this FilterSet only narrows it.
Subjects are chosen by readable slug (`?institution=university-of-antwerp`), countries by
ISO code in any case (`?country=be`).
"""

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, F, Func, Q, Value
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from partners.models import Country, Embassy, Institution, Partnership

from .models import PressRelease, Topic, active_language

QUERY_MAX_LENGTH = 200

# PostgreSQL text-search configurations for the site's languages. PostgreSQL has no
# Kazakh stemmer: Kazakh is matched word for word ("simple"), with accents folded.
SEARCH_CONFIGS = {"en": "english", "ru": "russian"}


def search_config(language=None):
    return SEARCH_CONFIGS.get(language or active_language(), "simple")


def press_release_vector(config, language=None):
    """The page language's title counts most, then its lead, then its body."""
    language = language or active_language()

    def text(field):
        column = F(build_localized_fieldname(field, language))
        # mfa_unaccent: an IMMUTABLE unaccent (migration 0009), so the index matches.
        return column if config != "simple" else Func(column, function="mfa_unaccent")

    return (
        SearchVector(text("title"), weight="A", config=config)
        + SearchVector(text("lead"), weight="B", config=config)
        + SearchVector(text("body"), weight="C", config=config)
    )


def _mentioned(model):
    """Only subjects that published news mention: every choice leads somewhere."""

    def queryset(request):
        return model.objects.filter(press_releases__in=PressRelease.objects.listed()).distinct()

    return queryset


# The institution and partnership menus offer the subjects most news mentions, not all of
# them: with the generate_bench_data volume (10,000 institutions in the news) the list page
# rendered 10,000 <option>s, a 0.9 MB page taking about 3 s, so under `make loadtest` it
# would time out. Any mentioned subject still filters by its slug (the links from its own
# page), and the chosen one is always in the menu.
MENU_LIMIT = 100


def _short_menu(form, name, model):
    """Lazy choices for a subject menu: the MENU_LIMIT most mentioned, plus the chosen one."""
    field = form.fields[name]

    offered = []

    def choices():
        if not offered:  # the widget reads its choices more than once per render
            busiest = (
                model.objects.filter(press_releases__in=PressRelease.objects.listed())
                .annotate(mentions=Count("press_releases"))
                .order_by("-mentions", "pk")
                .values("pk")[:MENU_LIMIT]
            )
            offered.extend(model.objects.filter(pk__in=busiest))
            chosen = getattr(form, "cleaned_data", {}).get(name)
            if chosen is not None and chosen not in offered:
                offered.append(chosen)
            offered.sort(key=str)
        return [("", field.empty_label)] + [
            (field.prepare_value(obj), field.label_from_instance(obj)) for obj in offered
        ]

    return choices


def _subject_filter(model, field_name, label, unknown):
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        queryset=_mentioned(model),
        to_field_name="slug",
        label=label,
        empty_label=_("Any"),
        error_messages={"invalid_choice": unknown},
    )


class IntegerFilter(django_filters.NumberFilter):
    """Whole numbers within bounds: a year like 99999999999 never reaches the database."""

    field_class = forms.IntegerField


class PressReleaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label=_("Search"),
        max_length=QUERY_MAX_LENGTH,
        widget=forms.TextInput(
            attrs={"type": "search", "maxlength": QUERY_MAX_LENGTH, "aria-describedby": "hint-q"}
        ),
    )
    topic = _subject_filter(
        Topic, "topics", _("Topic"), _("No news has this topic, so nothing is shown.")
    )
    embassy = _subject_filter(
        Embassy, "embassies", _("Mission"), _("No news mentions this mission, so nothing is shown.")
    )
    institution = _subject_filter(
        Institution,
        "institutions",
        _("Institution"),
        _("No news mentions this institution, so nothing is shown."),
    )
    partnership = _subject_filter(
        Partnership,
        "partnerships",
        _("Partnership"),
        _("No news mentions this partnership, so nothing is shown."),
    )
    country = django_filters.ModelChoiceFilter(
        field_name="countries",
        queryset=_mentioned(Country),
        to_field_name="code",
        label=_("Country"),
        empty_label=_("Any"),
        error_messages={"invalid_choice": _("No news mentions this country, so nothing is shown.")},
    )
    year = IntegerFilter(
        field_name="published_at",
        lookup_expr="year",
        label=_("Year"),
        min_value=1900,
        max_value=2999,
        error_messages={"invalid": _("A year is a number such as 2026.")},
    )
    month = IntegerFilter(
        field_name="published_at",
        lookup_expr="month",
        label=_("Month"),
        min_value=1,
        max_value=12,
        widget=forms.HiddenInput,
    )

    class Meta:
        model = PressRelease
        fields = ["q", "topic", "embassy", "institution", "partnership", "country", "year", "month"]

    def __init__(self, data=None, *args, **kwargs):
        self.notices = []
        if data is not None:
            data = self._tidy(data)
        super().__init__(data, *args, **kwargs)

    @property
    def form(self):
        built = hasattr(self, "_form")
        form = super().form
        if not built:
            form.fields["institution"].widget.choices = _short_menu(
                form, "institution", Institution
            )
            form.fields["partnership"].widget.choices = _short_menu(
                form, "partnership", Partnership
            )
        return form

    def _tidy(self, data):
        """Drop NUL bytes (PostgreSQL refuses them), cap the query, accept `be` for `BE`."""
        data = data.copy()
        for key in list(data.keys()):
            data.setlist(key, [value.replace("\x00", "") for value in data.getlist(key)])
        query = data.get("q", "").strip()
        if len(query) > QUERY_MAX_LENGTH:
            self.notices.append(
                _("Your search was shortened to its first %(count)d characters.")
                % {"count": QUERY_MAX_LENGTH}
            )
            query = query[:QUERY_MAX_LENGTH]
        data["q"] = query
        if data.get("country"):
            data["country"] = data["country"].strip().upper()
        return data

    def search(self, queryset, name, value):
        if not value:
            return queryset
        if connection.vendor == "postgresql":
            config = search_config()
            if config == "simple":
                value = Func(Value(value), function="mfa_unaccent")
            query = SearchQuery(value, search_type="websearch", config=config)
            vector = press_release_vector(config)
            return (
                queryset.annotate(search=vector)
                .filter(search=query)
                .annotate(search_rank=SearchRank(vector, query))
                .order_by("-search_rank", "-published_at", "-pk")
            )
        return queryset.filter(
            Q(title__icontains=value) | Q(lead__icontains=value) | Q(body__icontains=value)
        )
