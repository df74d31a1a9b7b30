from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from mfa_site.admin_languages import TranslatedAdmin
from mfa_site.languages import localized_names

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


class ReferringPressReleasesMixin:
    """Show, read-only, the press releases that refer to this entry (one query).

    The links use PROTECT, so Django's delete page refuses while any remain and lists them.
    The reverse relation `press_releases` keeps `partners` free of imports from `news`.
    """

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "referring_press_releases"]

    @admin.display(description=_("press releases that refer to this"))
    def referring_press_releases(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        rows = obj.press_releases.only("pk", "title", "status").order_by("-published_at", "-pk")
        html = format_html_join(
            "",
            '<li><a href="{}">{}</a> ({})</li>',
            (
                (
                    reverse("admin:news_pressrelease_change", args=[row.pk]),
                    row.title,
                    row.get_status_display(),
                )
                for row in rows
            ),
        )
        return format_html("<ul>{}</ul>", html) if html else _("None")


@admin.register(Country)
class CountryAdmin(TranslatedAdmin):
    list_display = ["name", "code"]
    search_fields = [*localized_names("name"), "code"]


class PositionInline(TranslationTabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["person", "embassy", "institution"]


class FigureInline(TranslationTabularInline):
    model = Figure
    extra = 0
    fields = ["label", "value", "as_of"]


@admin.register(Embassy)
class EmbassyAdmin(ReferringPressReleasesMixin, TranslatedAdmin):
    list_display = ["name", "kind", "host_country", "city"]
    list_filter = ["kind", "host_country"]
    list_select_related = ["host_country"]
    search_fields = localized_names("name", "city", "host_country__name")
    prepopulated_fields = {"slug": localized_names("name")}
    autocomplete_fields = ["host_country", "accredited_countries"]
    inlines = [PositionInline]


@admin.register(Person)
class PersonAdmin(ReferringPressReleasesMixin, TranslatedAdmin):
    list_display = ["name", "honorific"]
    search_fields = localized_names("name", "positions__title")
    prepopulated_fields = {"slug": localized_names("name")}
    inlines = [PositionInline]


@admin.register(Position)
class PositionAdmin(TranslatedAdmin):
    list_display = ["person", "title", "embassy", "institution", "start_date", "end_date"]
    list_filter = ["title"]
    list_select_related = ["person", "embassy", "institution"]
    search_fields = localized_names("person__name", "title", "embassy__name", "institution__name")
    autocomplete_fields = ["person", "embassy", "institution"]
    date_hierarchy = "start_date"


@admin.register(Institution)
class InstitutionAdmin(ReferringPressReleasesMixin, TranslatedAdmin):
    list_display = ["name", "short_name", "kind", "country", "city", "parent"]
    list_filter = ["kind", "country"]
    list_select_related = ["country", "parent"]
    search_fields = localized_names("name", "short_name", "aliases", "city")
    prepopulated_fields = {"slug": localized_names("name")}
    autocomplete_fields = ["parent", "country"]
    inlines = [PositionInline, FigureInline]


@admin.register(CooperationArea)
class CooperationAreaAdmin(TranslatedAdmin):
    list_display = ["name", "slug"]
    search_fields = localized_names("name")
    prepopulated_fields = {"slug": localized_names("name")}


@admin.register(Partnership)
class PartnershipAdmin(ReferringPressReleasesMixin, TranslatedAdmin):
    list_display = ["title", "kind", "status", "embassy", "start_date", "end_date"]
    list_filter = ["kind", "status", "areas"]
    list_select_related = ["embassy"]
    search_fields = localized_names("title", "description", "institutions__name")
    prepopulated_fields = {"slug": localized_names("title")}
    autocomplete_fields = ["institutions", "embassy", "areas"]
    inlines = [FigureInline]


@admin.register(Figure)
class FigureAdmin(TranslatedAdmin):
    list_display = ["label", "value", "as_of", "partnership", "institution"]
    list_filter = ["label"]
    list_select_related = ["partnership", "institution"]
    search_fields = localized_names("label", "partnership__title", "institution__name")
    autocomplete_fields = ["partnership", "institution"]
    date_hierarchy = "as_of"

    def get_queryset(self, request):
        # The autocomplete of the links panel names each figure with its subject.
        return super().get_queryset(request).select_related("partnership", "institution")

    @admin.display(description=_("subject"))
    def subject(self, obj):
        return obj.subject
