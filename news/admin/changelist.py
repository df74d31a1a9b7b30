"""The press-release change list: its filters and its columns."""

from django.contrib import admin
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partners.models import Embassy

from ..models import PressRelease

Status = PressRelease.Status


class StatusFilter(admin.SimpleListFilter):
    """The states as editors think of them: "Scheduled" apart from "Published"."""

    title = gettext_lazy("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, Status.DRAFT.label),
            (Status.REVIEW, Status.REVIEW.label),
            ("scheduled", _("Scheduled")),
            (Status.PUBLISHED, Status.PUBLISHED.label),
            (Status.WITHDRAWN, Status.WITHDRAWN.label),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == Status.PUBLISHED:
            return queryset.published()
        if value in (Status.DRAFT, Status.REVIEW, Status.WITHDRAWN):
            return queryset.filter(status=value)
        return queryset


class TranslationFilter(admin.SimpleListFilter):
    """Press releases whose translations need an editor: outdated ones first of all."""

    title = gettext_lazy("translations")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [("outdated", _("Outdated translation"))]

    def queryset(self, request, queryset):
        if self.value() == "outdated":
            return queryset.outdated_translations()
        return queryset


class YearFilter(admin.SimpleListFilter):
    title = gettext_lazy("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = PressRelease.objects.dates("published_at", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit() and 1 <= int(value) <= 9999:
            return queryset.filter(published_at__year=int(value))
        return queryset


class ChangeListMixin:
    """The columns and filters of the list; goes before `admin.ModelAdmin`."""

    list_display = [
        "display_title",
        "workflow_status",
        "language_states",
        "published_at",
        "embassy_names",
        "last_change",
        "page_link",
    ]
    list_filter = [
        StatusFilter,
        TranslationFilter,
        "original_language",
        "topics",
        "embassies",
        "institutions",
        YearFilter,
    ]
    list_select_related = ["updated_by"]
    date_hierarchy = "published_at"

    def changelist_view(self, request, extra_context=None):
        # The list and its filters need the whole width of a 1280 px screen; the breadcrumbs
        # lead to the rest of the admin.
        extra_context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("embassies", queryset=Embassy.objects.only("pk", "name")),
                "translations",
            )
        )

    @admin.display(description=gettext_lazy("title"), ordering="pk")
    def display_title(self, obj):
        return obj.display_title

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def workflow_status(self, obj):
        return format_html(
            '<span class="workflow-status workflow-status--{}">{}</span>',
            "scheduled" if obj.is_scheduled else obj.status,
            obj.workflow_label,
        )

    @admin.display(description=gettext_lazy("missions"))
    def embassy_names(self, obj):
        return ", ".join(embassy.name for embassy in obj.embassies.all()) or "–"

    @admin.display(description=gettext_lazy("last change"), ordering="updated_at")
    def last_change(self, obj):
        # Who and when in one column: the list fits a 1280 px screen with its filters.
        when = date_format(timezone.localtime(obj.updated_at), "SHORT_DATETIME_FORMAT")
        return format_html("{}<br><small>{}</small>", when, obj.updated_by or "–")

    @admin.display(description=gettext_lazy("page"))
    def page_link(self, obj):
        if obj.status in (Status.PUBLISHED, Status.WITHDRAWN) and not obj.is_scheduled:
            return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("View on site"))
        return format_html(
            '<a href="{}">{}</a>', reverse("news:preview", args=[obj.pk]), _("Preview")
        )

    def view_on_site(self, obj):
        if obj.is_published() or (obj.is_withdrawn and not obj.is_scheduled):
            return obj.get_absolute_url()
        return None
