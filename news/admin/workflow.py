"""The editorial workflow in the admin: who may change what, the buttons next to Save, the
transitions they apply with one message each, and the change-list actions."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.options import ActionLocation
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from modeltranslation.utils import build_localized_fieldname

from .. import parity, services
from ..forms import TRANSITIONS, WithdrawForm, transition_name
from ..models import PressRelease, language_codes

Status = PressRelease.Status


class WorkflowMixin:
    """Goes before `admin.ModelAdmin` in `PressReleaseAdmin`."""

    actions = ["submit_selected", "publish_selected", "withdraw_selected", "delete_drafts"]

    # --- permissions -----------------------------------------------------------------

    def has_publish_permission(self, request):
        return request.user.has_perm(PressRelease.PUBLISHER_PERMISSION)

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        # Editors work on drafts and reviews; what is public belongs to publishers.
        return (
            obj is None
            or obj.status in (Status.DRAFT, Status.REVIEW)
            or self.has_publish_permission(request)
        )

    def has_delete_permission(self, request, obj=None):
        # Nothing that was ever public is hard-deleted, not even by a superuser: withdraw it.
        if obj is not None and not obj.is_deletable():
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        actions.pop("delete_selected", None)
        return actions

    # --- the buttons next to Save ----------------------------------------------------

    def workflow_fields(self, request, obj):
        """The fields of the Workflow section of the change form."""
        fields = ["change_note", "opened_version"]
        targets = obj.available_transitions(request.user) if obj else [Status.REVIEW]
        if Status.DRAFT in targets:
            fields.append("review_feedback")
        if (
            obj is not None
            and Status.PUBLISHED in targets
            and obj.needs_second_review_waiver(request.user)
        ):
            fields += ["publish_without_second_review", "second_review_waiver"]
        return fields

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        buttons = []
        if obj is not None and self.has_change_permission(request, obj):
            for target in obj.available_transitions(request.user):
                name = transition_name(target)
                label = TRANSITIONS[name][1]
                if name == "return" and obj.is_scheduled:
                    label = _("Cancel the schedule (back to draft)")
                buttons.append((name, label))
        elif obj is None:
            buttons.append(("submit", TRANSITIONS["submit"][1]))
        context.update(workflow_buttons=buttons, time_zone=settings.TIME_ZONE)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.StaleEdit:
            # Another save won the race after our form was validated; validating again
            # now sees their version and shows the form with the editor's text kept.
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(request.path)

    def apply_transition(self, request, obj, name, data, note):
        user = request.user
        if name == "submit":
            services.submit_for_review(obj, user, note=note)
            for difference in parity.differences(obj):
                self.message_user(request, str(difference), messages.WARNING)
        elif name == "return":
            services.return_to_draft(obj, user, comment=data["review_feedback"], note=note)
        elif name == "publish":
            services.publish(
                obj,
                user,
                published_at=data.get("published_at"),
                second_review_waiver_reason=data.get("second_review_waiver", ""),
                note=note,
            )
        elif name == "withdraw":
            reasons = {
                code: data.get(build_localized_fieldname("withdrawn_reason", code), "")
                for code in language_codes()
            }
            services.withdraw(obj, user, reason=reasons, note=note)
        self.message_user(
            request,
            _("“%(title)s” is now %(status)s.")
            % {"title": obj, "status": str(obj.workflow_label).lower()},
            messages.SUCCESS,
        )
        request.workflow_message_sent = True

    # One message per action: after a workflow button, the workflow's says what happened.
    def response_change(self, request, obj):
        if getattr(request, "workflow_message_sent", False):
            return self.response_post_save_change(request, obj)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "workflow_message_sent", False):
            return self.response_post_save_add(request, obj)
        return super().response_add(request, obj, post_url_continue)

    # --- change-list actions ---------------------------------------------------------

    def _run_action(self, request, queryset, action, done_message):
        """Run action on each press release; done_message(count) reports the ones it did."""
        done, refused = 0, []
        for press_release in queryset:
            try:
                action(press_release)
            except services.WorkflowError as error:
                refused.append(f"“{press_release}”: {error.message}")
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)
        for message in refused:
            self.message_user(request, message, messages.ERROR)

    @admin.action(description=gettext_lazy("Submit selected for review"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self._run_action(
            request,
            queryset,
            lambda pr: services.submit_for_review(pr, request.user),
            lambda count: ngettext(
                "%(count)d press release submitted for review.",
                "%(count)d press releases submitted for review.",
                count,
            ),
        )

    @admin.action(description=gettext_lazy("Publish selected"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._run_action(
            request,
            queryset,
            lambda pr: services.publish(pr, request.user),
            lambda count: ngettext(
                "%(count)d press release published or scheduled.",
                "%(count)d press releases published or scheduled.",
                count,
            ),
        )

    @admin.action(description=gettext_lazy("Withdraw selected"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        languages = {code for pr in queryset for code in pr.languages()}
        form = WithdrawForm(
            request.POST if "confirm" in request.POST else None, languages=languages
        )
        if form.is_bound and form.is_valid():
            reason = form.reasons()
            self._run_action(
                request,
                queryset,
                lambda pr: services.withdraw(pr, request.user, reason=reason),
                lambda count: ngettext(
                    "%(count)d press release withdrawn.",
                    "%(count)d press releases withdrawn.",
                    count,
                ),
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Withdraw press releases"),
            "opts": self.opts,
            "queryset": queryset,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/news/pressrelease/withdraw_selected.html", context)

    @admin.action(description=gettext_lazy("Delete selected drafts"), permissions=["delete"])
    def delete_drafts(self, request, queryset):
        kept = [pr for pr in queryset if not pr.is_deletable()]
        if kept:
            self.message_user(
                request,
                _(
                    "Only drafts can be deleted; withdraw published press releases instead. "
                    "Not deleted: %(titles)s."
                )
                % {"titles": ", ".join(f"“{pr}”" for pr in kept)},
                messages.ERROR,
            )
            return None
        return delete_selected(self, request, queryset)

    def delete_queryset(self, request, queryset):
        # A second guard under the confirmation page: nothing public is ever deleted.
        super().delete_queryset(request, queryset.filter(status=Status.DRAFT))
