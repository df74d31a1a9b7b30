"""Autosave and presence on the press-release change page: the views its script posts to,
the offer to restore unsaved work, and who else has the page open.

`AutosaveMixin` goes before `admin.ModelAdmin` in `PressReleaseAdmin`. Without JavaScript
the page saves as always; it only lacks the autosave.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import FileField
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import autosave


def _moment(value):
    return date_format(timezone.localtime(value), "H:i")


def presence_list(sessions):
    return [
        {
            "name": session.user.get_full_name() or session.user.get_username(),
            "since": _moment(session.opened_at),
        }
        for session in sessions
    ]


def restored_initial(form_class, form_data):
    """Initial values of a change form from autosaved POST data (fields that are valid)."""
    data = autosave.as_querydict(form_data)
    form = form_class(data)
    initial = {}
    for name, field in form.fields.items():
        if isinstance(field, FileField):
            continue
        raw = field.widget.value_from_datadict(data, {}, form.add_prefix(name))
        try:
            initial[name] = field.clean(raw)
        except ValidationError:
            continue
    return initial


class AutosaveMixin:
    autosave_interval_ms = 5000

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        urls = [
            path(
                "<path:object_id>/autosave/",
                self.admin_site.admin_view(self.autosave_view),
                name="{}_{}_autosave".format(*info),
            ),
            path(
                "<path:object_id>/autosave/leave/",
                self.admin_site.admin_view(self.autosave_leave_view),
                name="{}_{}_autosave_leave".format(*info),
            ),
            path(
                "<path:object_id>/autosave/discard/",
                self.admin_site.admin_view(self.autosave_discard_view),
                name="{}_{}_autosave_discard".format(*info),
            ),
        ]
        return urls + super().get_urls()

    def _editable(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No such press release."))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    # The views the page's script posts to ------------------------------------------------

    def autosave_view(self, request, object_id):
        if request.method != "POST":
            return JsonResponse({"error": _("Use POST.")}, status=405)
        obj = self._editable(request, object_id)
        saved_at = None
        if request.POST.get("_autosave") == "form":
            saved_at = autosave.autosave(obj, request.user, request.POST).autosaved_at
        else:
            autosave.ping(obj, request.user)
        return JsonResponse(
            {
                "saved_at": _moment(saved_at) if saved_at else None,
                "others": presence_list(autosave.others_present(obj, request.user)),
            }
        )

    def autosave_leave_view(self, request, object_id):
        if request.method != "POST":
            return JsonResponse({"error": _("Use POST.")}, status=405)
        obj = self._editable(request, object_id)
        autosave.leave(obj, request.user)
        return JsonResponse({"left": True})

    def autosave_discard_view(self, request, object_id):
        obj = self._editable(request, object_id)
        if request.method == "POST":
            autosave.discard(obj, request.user)
            self.message_user(request, _("Your unsaved changes were discarded."))
        return HttpResponseRedirect(reverse("admin:news_pressrelease_change", args=[obj.pk]))

    # The change page ------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or request.method != "GET" or "restore_autosave" not in request.GET:
            return form_class
        work = autosave.unsaved_work(obj, request.user)
        if work is None:
            return form_class
        initial = restored_initial(form_class, work.form_data)

        class RestoredForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if not self.is_bound:
                    self.initial.update(initial)

        RestoredForm.__name__ = form_class.__name__
        return RestoredForm

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and change and self.has_change_permission(request, obj):
            if request.method == "GET":
                autosave.open_page(obj, request.user)
            work = autosave.unsaved_work(obj, request.user)
            restoring = request.method == "GET" and "restore_autosave" in request.GET
            context.update(
                autosave_url=reverse("admin:news_pressrelease_autosave", args=[obj.pk]),
                autosave_leave_url=reverse("admin:news_pressrelease_autosave_leave", args=[obj.pk]),
                autosave_discard_url=reverse(
                    "admin:news_pressrelease_autosave_discard", args=[obj.pk]
                ),
                autosave_interval=self.autosave_interval_ms,
                unsaved_work=work if request.method == "GET" else None,
                unsaved_work_at=_moment(work.autosaved_at) if work else "",
                autosave_restored=bool(work and restoring),
                others_present=presence_list(autosave.others_present(obj, request.user)),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Saved: the autosaved copy is no longer unsaved work.
        autosave.discard(form.instance, request.user)
