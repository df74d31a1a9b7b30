"""The audit log in the admin: read, filter and export; never written by hand."""

import csv

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .audit import record
from .models import ACTION_LABELS, AuditEntry
from .two_factor import devices as two_factor_devices

CSV_COLUMNS = [
    (_("when"), lambda e: timezone.localtime(e.created_at).isoformat()),
    (_("user name"), lambda e: e.username),
    (_("action"), lambda e: e.action),
    (_("kind of item"), lambda e: e.content_type.model if e.content_type else ""),
    (_("item id"), lambda e: e.object_id),
    (_("item"), lambda e: e.object_repr),
    (_("IP address"), lambda e: e.ip_address or ""),
]


def spreadsheet_safe(value):
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    value = str(value)
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class Echo:
    def write(self, value):
        return value


class ActionFilter(admin.SimpleListFilter):
    title = _("action")
    parameter_name = "action"

    def lookups(self, request, model_admin):
        return list(ACTION_LABELS.items())

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "who", "action_display", "item", "ip_address"]
    list_filter = [ActionFilter, "content_type", "created_at"]
    search_fields = ["username", "object_repr", "object_id", "ip_address"]
    date_hierarchy = "created_at"
    list_select_related = ["content_type"]
    list_per_page = 100
    show_full_result_count = False
    actions = None
    fields = [
        "created_at",
        "username",
        "user",
        "action",
        "content_type",
        "object_id",
        "object_repr",
        "ip_address",
        "details",
    ]
    readonly_fields = fields

    # Nobody writes the audit log through the site, superusers included.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("user"), ordering="username")
    def who(self, entry):
        return entry.username or "-"

    @admin.display(description=_("action"), ordering="action")
    def action_display(self, entry):
        return entry.action_label

    @admin.display(description=_("item"))
    def item(self, entry):
        if not entry.object_repr:
            return "-"
        if entry.content_type and entry.object_id and entry.action != "delete":
            ct = entry.content_type
            try:
                url = reverse(f"admin:{ct.app_label}_{ct.model}_change", args=[entry.object_id])
            except NoReverseMatch:
                url = None
            if url:
                return format_html('<a href="{}">{}</a>', url, entry.object_repr)
        return entry.object_repr

    def get_urls(self):
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_csv),
                name="mfa_site_auditentry_export",
            ),
            *super().get_urls(),
        ]

    def export_csv(self, request):
        """The entries the change list shows with the same filters and search, as CSV."""
        from django.core.exceptions import PermissionDenied

        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return redirect(reverse("admin:mfa_site_auditentry_changelist") + "?e=1")
        entries = changelist.get_queryset(request).select_related("content_type")
        writer = csv.writer(Echo())

        def rows():
            yield writer.writerow([str(title) for title, _ in CSV_COLUMNS])
            for entry in entries.iterator(chunk_size=2000):
                yield writer.writerow([spreadsheet_safe(get(entry)) for _, get in CSV_COLUMNS])

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.csv"'
        return response


admin.site.unregister(User)

# django-otp's own device admins show authenticator keys and recovery codes and let a
# superuser give someone else a device they know the key of. Devices are enrolled by their
# owner at sign-in and removed by "Reset second factors" below; nothing else.
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Django's user admin, plus the superuser's way out for a lost passkey or phone."""

    actions = ["reset_second_factors"]

    @admin.action(
        description=_("Reset second factors (lost passkey or phone)"),
        permissions=["reset_second_factors"],
    )
    def reset_second_factors(self, request, queryset):
        for user in queryset:
            removed = two_factor_devices.reset(user)
            record("mfa_reset", user=request.user, obj=user, **removed)
        self.message_user(
            request,
            ngettext(
                "Second factors reset for %(count)d account: it enrols again at its next sign-in.",
                "Second factors reset for %(count)d accounts: they enrol again at their next "
                "sign-in.",
                len(queryset),
            )
            % {"count": len(queryset)},
            messages.SUCCESS,
        )

    def has_reset_second_factors_permission(self, request):
        return request.user.is_superuser
