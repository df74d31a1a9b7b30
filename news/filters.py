"""The filters of the public news list.

The view hands in `PressRelease.objects.published()`; this FilterSet only narrows it.
Subjects are chosen by readable slug (`?institution=university-of-antwerp`), countries by
ISO code in any case (`?country=be`).
"""

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Count, Exists, F, Func, OuterRef, Q, Value
from django.forms.utils import flatatt
from django.utils.choices import CallableChoiceIterator
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from mfa_site.page_cache import cached_value
from partners.models import Country, Embassy, Institution, Partnership

from . import sqlite_search
from .models import PressRelease, Topic, active_language

QUERY_MAX_LENGTH = 200

# SQLite matches each word with LIKE: a long query of many words stays cheap.
MAX_SQLITE_WORDS = 12

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


class MentionedChoiceField(django_filters.fields.ModelChoiceField):
    """A subject that published news mentions: every choice leads somewhere.

    The field's queryset is the plain manager (cheap to build on every request); the
    "mentioned by news listed in the page's language" query runs only when a value is chosen.
    """

    def to_python(self, value):
        if value in self.empty_values:
            return None
        model = self.queryset.model
        # EXISTS from this subject's links, not "id IN (every listed press release)": that
        # read all 40,000 published rows at 50,000 press releases (0.4 s on SQLite).
        link = next(f.name for f in PressRelease._meta.many_to_many if f.related_model is model)
        listed = PressRelease.objects.listed().filter(**{link: OuterRef("pk")})
        try:
            return model.objects.filter(Exists(listed), **{self.to_field_name: value}).get()
        except (ValueError, TypeError, model.DoesNotExist, model.MultipleObjectsReturned):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class MentionedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = MentionedChoiceField


# The institution and partnership menus offer the subjects most news mentions, not all of
# them: with the generate_bench_data volume (10,000 institutions in the news) the list page
# rendered 10,000 <option>s, a 0.9 MB page taking about 3 s, so under `make loadtest` it
# would time out. Any mentioned subject still filters by its slug (the links from its own
# page), and the chosen one is always in the menu.
MENU_LIMIT = 100
SHORT_MENUS = {"institution", "partnership"}


def _menu_choices(name, model, to_field):
    """[(value, label), ...] of one menu in the active language, sorted by label: the
    subjects that news listed in that language mentions; scans the links once."""
    mentioned = model.objects.filter(press_releases__in=PressRelease.objects.listed())
    if name in SHORT_MENUS:
        busiest = (
            mentioned.annotate(mentions=Count("press_releases"))
            .order_by("-mentions", "pk")
            .values("pk")[:MENU_LIMIT]
        )
        subjects = model.objects.filter(pk__in=busiest)
    else:
        subjects = mentioned.distinct()
    return sorted(((getattr(obj, to_field), str(obj)) for obj in subjects), key=lambda c: c[1])


def menu_choices(name, model, to_field):
    """The menu from the cache, one per language (what is listed and the labels depend on
    it): computed once per change of the news or the directory, not on every request (each
    is a scan of the link table). The tags carry no language: one purge reaches all three."""
    return cached_value(
        f"news-menu:{name}:{active_language()}",
        ["news", "directory"],
        lambda: _menu_choices(name, model, to_field),
    )


class MenuSelect(forms.Select):
    """A <select> written in Python: Django's per-option templates cost about 0.1 ms an
    option, and the menus hold a few hundred."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        chosen = {str(v) for v in self.format_value(value)}
        options = [
            format_html(
                '<option value="{}"{}>{}</option>',
                option_value,
                mark_safe(" selected") if str(option_value) in chosen else "",
                label,
            )
            for option_value, label in self.choices
        ]
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(final), mark_safe("".join(options))
        )


def _subject_filter(model, field_name, label, unknown):
    return MentionedChoiceFilter(
        field_name=field_name,
        queryset=model.objects.all(),
        to_field_name="slug",
        label=label,
        empty_label=_("Any"),
        error_messages={"invalid_choice": unknown},
        widget=MenuSelect,
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
    country = MentionedChoiceFilter(
        field_name="countries",
        queryset=Country.objects.all(),
        to_field_name="code",
        label=_("Country"),
        empty_label=_("Any"),
        error_messages={"invalid_choice": _("No news mentions this country, so nothing is shown.")},
        widget=MenuSelect,
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

    MENUS = {
        "topic": (Topic, "slug"),
        "embassy": (Embassy, "slug"),
        "institution": (Institution, "slug"),
        "partnership": (Partnership, "slug"),
        "country": (Country, "code"),
    }

    @property
    def form(self):
        built = hasattr(self, "_form")
        form = super().form
        if not built:
            for name, (model, to_field) in self.MENUS.items():
                field = form.fields[name]
                field._choices = field.widget.choices = self._menu(form, name, model, to_field)
        return form

    @staticmethod
    def _menu(form, name, model, to_field):
        """Lazy menu choices (read only when rendered), the chosen subject always in them."""
        field = form.fields[name]

        def choices():
            offered = list(menu_choices(name, model, to_field))
            chosen = getattr(form, "cleaned_data", {}).get(name)
            if chosen is not None:
                value = getattr(chosen, to_field)
                if all(value != offered_value for offered_value, _label in offered):
                    offered = sorted([*offered, (value, str(chosen))], key=lambda c: c[1])
            return [("", field.empty_label), *offered]

        return CallableChoiceIterator(choices)

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
        # Every word, in any order, as a case-insensitive substring of the title, lead or
        # body: looked up in the FTS5 index (news/sqlite_search.py), not read from every row.
        words = value.split()[:MAX_SQLITE_WORDS]
        found = sqlite_search.matching(words, active_language())
        if found is not None:
            queryset = queryset.filter(pk__in=found)
        condition = Q()
        for word in words:
            if len(word) < sqlite_search.MIN_INDEXED_LENGTH:
                in_text = Q(title__icontains=word) | Q(lead__icontains=word)
                condition &= in_text | Q(body__icontains=word)
        return queryset.filter(condition)
