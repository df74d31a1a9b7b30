"""The history of a press release in the admin: its versions with what changed, and the
restore of an old version as a new one."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from reversion.models import Version

from .. import services
from ..revisions import version_diffs


class HistoryMixin:
    """Goes before `admin.ModelAdmin` in `PressReleaseAdmin`."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        urls = [
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
        ]
        return urls + super().get_urls()

    def _get_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        return obj

    def history_view(self, request, object_id, extra_context=None):
        obj = self._get_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = list(
            Version.objects.get_for_object(obj)
            .select_related("revision__user")
            .prefetch_related("revision__version_set__content_type")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("History: %(title)s") % {"title": obj},
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "entries": version_diffs(versions),
            "can_restore": self.has_change_permission(request, obj),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/news/pressrelease/object_history.html", context)

    def restore_view(self, request, object_id, version_id):
        if request.method != "POST":
            return HttpResponseRedirect(
                reverse("admin:news_pressrelease_history", args=[object_id])
            )
        obj = self._get_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        try:
            services.restore_version(obj, version, request.user)
        except services.WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(reverse("admin:news_pressrelease_history", args=[obj.pk]))
        self.message_user(
            request,
            _("The version was restored as a new version; the history is unchanged."),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:news_pressrelease_change", args=[obj.pk]))
