"""The "Suggested links" panel of the press-release admin and its one-click decisions.

`SuggestedLinksMixin` goes before `admin.ModelAdmin` in `PressReleaseAdmin`. It adds a
read-only `suggested_links` field in a fieldset of its own on the change page, the
accept / accept all / dismiss / detect views it posts to, detection on every save of a
press release that is not public yet, and a "Detect mentions" changelist action.

The panel's buttons sit inside the change form and post to their own URLs with
`formaction`/`formmethod` (no nested forms); the change form's CSRF token goes with them.
With JavaScript (news/admin/suggested-links.js) the same URLs answer JSON to a fetch, and the
page stays: the entries linked join the links panel's multi-selects.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from partners.models import Country, Embassy, Institution, Partnership, Person

from ..models import LinkSuggestion, PressRelease
from ..services import record_link_change
from .suggestions import FigureWithoutSubject, accept, detect_press_release, dismiss

Kind = LinkSuggestion.Kind
TARGETS = {
    Kind.INSTITUTION: Institution,
    Kind.EMBASSY: Embassy,
    Kind.PERSON: Person,
    Kind.COUNTRY: Country,
    Kind.PARTNERSHIP: Partnership,
}
# What accepting a suggestion of each kind creates, beyond the link itself.
EXTRA_PERMISSIONS = {
    Kind.NEW_INSTITUTION: "partners.add_institution",
    Kind.NEW_PERSON: "partners.add_person",
    Kind.FIGURE: "partners.add_figure",
}


@admin.action(description=gettext_lazy("Detect mentions and suggest links"))
def detect_mentions_action(modeladmin, request, queryset):
    pending = 0
    for press_release in queryset:
        pending += detect_press_release(press_release).pending
    modeladmin.message_user(
        request,
        ngettext(
            "Detection ran on %(count)d press release",
            "Detection ran on %(count)d press releases",
            len(queryset),
        )
        % {"count": len(queryset)}
        + ": "
        + ngettext("%(pending)d suggestion waits.", "%(pending)d suggestions wait.", pending)
        % {"pending": pending},
        messages.SUCCESS,
    )


class SuggestedLinksMixin:
    suggestions_fieldset_title = gettext_lazy("Suggested links")

    # Fields and fieldsets --------------------------------------------------------------

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "suggested_links"] if obj is not None else fields

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if self.actions is not None and self.has_change_permission(request):
            action = self.get_action(detect_mentions_action, action_location)
            if action:
                actions[action.name] = action
        return actions

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        if obj.status in (PressRelease.Status.DRAFT, PressRelease.Status.REVIEW):
            # Every save of what is not public yet: no button to remember.
            detect_press_release(obj)

    # The panel ---------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("Suggested links"))
    def suggested_links(self, obj):
        if obj is None or obj.pk is None:
            return _("Save the press release first.")
        suggestions = list(obj.link_suggestions.pending())
        names = self._target_names(suggestions)
        if obj.status in (PressRelease.Status.DRAFT, PressRelease.Status.REVIEW):
            detect = format_html(
                '<p class="help">{}</p>', _("Mentions are detected each time you save.")
            )
        else:
            detect = format_html(
                '<p><button type="submit" class="button" formaction="{}" formmethod="post" '
                'formnovalidate name="_detect_mentions">{}</button></p>',
                self._url("detect_mentions", obj.pk),
                _("Detect mentions"),
            )
        # Where the script reports what a decision did, without reloading the page.
        status = mark_safe(
            '<p class="suggested-links-status" id="suggested-links-status" role="status"></p>'
        )
        dismissed = obj.link_suggestions.filter(status=LinkSuggestion.Status.DISMISSED).count()
        if not suggestions:
            return format_html(
                '{}<p class="suggested-links-empty">{}</p>{}',
                status,
                _("No suggestions are waiting.")
                + (
                    " "
                    + ngettext("%(count)d dismissed.", "%(count)d dismissed.", dismissed)
                    % {"count": dismissed}
                    if dismissed
                    else ""
                ),
                detect,
            )
        rows = format_html_join("\n", "{}", ((self._row(obj, s, names),) for s in suggestions))
        accept_all = format_html(
            '<p><button type="submit" class="button" formaction="{}" formmethod="post" '
            'formnovalidate name="_accept_all" data-suggestion-decision="accept-all">{}'
            "</button></p>",
            self._url("suggestions_accept_all", obj.pk),
            _("Accept all"),
        )
        return format_html(
            '{}<table class="suggested-links"><thead><tr><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
            "<tbody>{}</tbody></table>{}{}",
            status,
            _("Kind"),
            _("Suggestion"),
            _("Sentence"),
            _("Decision"),
            rows,
            accept_all,
            detect,
        )

    def _target_names(self, suggestions):
        ids = {}
        for suggestion in suggestions:
            kind = suggestion.subject_kind if suggestion.kind == Kind.FIGURE else suggestion.kind
            if kind in TARGETS and suggestion.object_id:
                ids.setdefault(kind, set()).add(suggestion.object_id)
        return {
            kind: TARGETS[kind].objects.in_bulk(pks)
            for kind, pks in ids.items()  # one query per kind
        }

    def _describe(self, suggestion, names):
        if suggestion.kind == Kind.FIGURE:
            subject = names.get(suggestion.subject_kind, {}).get(suggestion.object_id)
            if suggestion.subject_kind == "new_institution":
                subject = _("%(name)s (new)") % {"name": suggestion.subject_name}
            elif not suggestion.subject_kind:
                subject = _("this press release only")
            return format_html(
                "<strong>{}{} {}</strong> — {} ({})",
                _("about ") if suggestion.approximate else "",
                suggestion.value,
                suggestion.label,
                subject or "?",
                suggestion.as_of or "",
            )
        if suggestion.kind == Kind.NEW_INSTITUTION and suggestion.object_id:
            return format_html(
                "<strong>{}</strong> — {}",
                suggestion.matched_text,
                _("another name of %(name)s: accepting adds it to its aliases")
                % {"name": suggestion.organisation},
            )
        if suggestion.kind == Kind.NEW_INSTITUTION:
            return format_html(
                "<strong>{}</strong> — {} ({})",
                suggestion.matched_text,
                _("not in the directory"),
                suggestion.country_code or "?",
            )
        if suggestion.kind == Kind.NEW_PERSON:
            return format_html(
                "<strong>{}</strong> — {}, {} ({})",
                suggestion.matched_text,
                suggestion.role or "?",
                suggestion.organisation or "?",
                _("not in the directory"),
            )
        target = names.get(suggestion.kind, {}).get(suggestion.object_id)
        return format_html("<strong>{}</strong>", target or suggestion.matched_text)

    def _row(self, obj, suggestion, names):
        creates = suggestion.kind in (Kind.NEW_INSTITUTION, Kind.NEW_PERSON)
        accept_label = _("Create and link") if creates else _("Accept")
        sentence = suggestion.sentence
        marked = format_html("{}", sentence)
        if suggestion.matched_text and suggestion.matched_text in sentence:
            before, _found, after = sentence.partition(suggestion.matched_text)
            marked = format_html("{}<mark>{}</mark>{}", before, suggestion.matched_text, after)
        # Each button names its suggestion for screen readers, starting with the visible word.
        button = (
            '<button type="submit" class="button" formaction="{}" formmethod="post" '
            'formnovalidate name="_suggestion" value="{}" aria-label="{}" '
            'data-suggestion-decision="{}">{}</button>'
        )
        subject = suggestion.matched_text
        return format_html(
            '<tr data-suggestion="{}"><td>{}</td><td>{}</td><td>{}</td><td>{} {}</td></tr>',
            suggestion.pk,
            suggestion.get_kind_display(),
            self._describe(suggestion, names),
            marked,
            format_html(
                button,
                self._url("suggestion", obj.pk, suggestion.pk, "accept"),
                suggestion.pk,
                f"{accept_label}: {subject}",
                "accept",
                accept_label,
            ),
            format_html(
                button,
                self._url("suggestion", obj.pk, suggestion.pk, "dismiss"),
                suggestion.pk,
                f"{_('Dismiss')}: {subject}",
                "dismiss",
                _("Dismiss"),
            ),
        )

    # Views -------------------------------------------------------------------------------

    def _url(self, name, object_id, *args):
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}",
            args=[quote(object_id), *args],
        )

    def get_urls(self):
        opts = self.opts
        prefix = f"{opts.app_label}_{opts.model_name}"
        return [
            path(
                "<path:object_id>/suggestions/<int:suggestion_id>/<str:decision>/",
                self.admin_site.admin_view(require_POST(self.suggestion_decision_view)),
                name=f"{prefix}_suggestion",
            ),
            path(
                "<path:object_id>/suggestions/accept-all/",
                self.admin_site.admin_view(require_POST(self.accept_all_view)),
                name=f"{prefix}_suggestions_accept_all",
            ),
            path(
                "<path:object_id>/detect-mentions/",
                self.admin_site.admin_view(require_POST(self.detect_mentions_view)),
                name=f"{prefix}_detect_mentions",
            ),
            *super().get_urls(),
        ]

    def _changeable(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No such press release."))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _change_url(self, obj):
        opts = self.opts
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            args=[quote(obj.pk)],
        )

    def _back(self, obj):
        return redirect(self._change_url(obj))

    def _save_typed_edits(self, request, obj):
        """The panel's buttons post the whole change form. Save what the editor typed
        first, so a decision never throws unsaved work away; if that save is refused
        (an invalid field, someone saved meanwhile) return the form with the edit kept."""
        form_class = self.get_form(request, obj, change=True)
        form = form_class(request.POST, request.FILES, instance=obj)
        if not any(name in request.POST for name in form.fields):
            return None  # a bare decision, not from the change page
        formsets, _inline_instances = self._create_formsets(request, obj, change=True)
        if not form.has_changed() and not any(formset.has_changed() for formset in formsets):
            return None
        response = self.changeform_view(request, str(obj.pk), form_url=self._change_url(obj))
        return None if response.status_code == 302 else response

    def _answer(self, request, obj, message, level, *, decided=(), linked=(), version=None):
        """A message after a decision: JSON for the panel's script, else the change page."""
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse(
                {
                    "message": str(message),
                    "level": messages.DEFAULT_TAGS[level],
                    "decided": [str(pk) for pk in decided],  # the rows the panel drops
                    "links": [
                        {"field": field, "id": str(entry.pk), "text": str(entry)}
                        for field, entry in linked
                    ],
                    # The page may take the new version as its own only if it was at the
                    # one before: then nothing but this decision happened meanwhile.
                    "version_before": version - 1 if version else None,
                    "version": version,
                }
            )
        self.message_user(request, message, level)
        return self._back(obj)

    def _accept(self, request, suggestion):
        """Accept one suggestion; (entries linked, None) or ([], why not)."""
        needed = EXTRA_PERMISSIONS.get(suggestion.kind)
        if needed and not request.user.has_perm(needed):
            return [], _("You may not create directory entries of this kind.")
        try:
            return accept(suggestion), None
        except FigureWithoutSubject:
            return [], _(
                "This figure belongs to the press release alone: the directory keeps "
                "figures of a partnership or an institution. Link one, then detect again."
            )
        except ObjectDoesNotExist:
            suggestion.delete()
            return [], _("The suggested entry no longer exists.")

    def _linked_message(self, linked):
        """“Linked institution: University of Antwerp”: the entries, not the words matched."""
        return "; ".join(
            _("Linked %(kind)s: %(name)s")
            % {
                "kind": entry._meta.verbose_name,
                "name": entry,
            }
            for _field, entry in linked
        )

    def suggestion_decision_view(self, request, object_id, suggestion_id, decision):
        obj = self._changeable(request, object_id)
        suggestion = get_object_or_404(LinkSuggestion, pk=suggestion_id, press_release=obj)
        if decision not in ("accept", "dismiss"):
            raise Http404(_("Unknown decision."))
        if refused := self._save_typed_edits(request, obj):
            self.message_user(
                request,
                _("Your changes could not be saved, so the suggestion was not decided yet."),
                messages.WARNING,
            )
            return refused
        if suggestion.status != LinkSuggestion.Status.PENDING:
            return self._answer(
                request,
                obj,
                _("This suggestion was already decided."),
                messages.INFO,
                decided=[suggestion.pk],
            )
        if decision == "dismiss":
            dismiss(suggestion)
            return self._answer(
                request,
                obj,
                _("Dismissed “%(text)s”; it will not be suggested again.")
                % {"text": suggestion.matched_text},
                messages.SUCCESS,
                decided=[suggestion.pk],
            )
        needed = EXTRA_PERMISSIONS.get(suggestion.kind)
        if needed and not request.user.has_perm(needed):
            raise PermissionDenied
        linked, refusal = self._accept(request, suggestion)
        if refusal:
            return self._answer(request, obj, refusal, messages.WARNING)
        message = self._linked_message(linked)
        # The new link goes into the history like any other edit of the links.
        current = record_link_change(obj, request.user, message)
        return self._answer(
            request,
            obj,
            message,
            messages.SUCCESS,
            decided=[suggestion.pk],
            linked=linked,
            version=current.lock_version,
        )

    def accept_all_view(self, request, object_id):
        obj = self._changeable(request, object_id)
        if refused := self._save_typed_edits(request, obj):
            self.message_user(
                request,
                _("Your changes could not be saved, so the suggestions were not decided yet."),
                messages.WARNING,
            )
            return refused
        linked, decided, refusals = [], [], []
        for suggestion in obj.link_suggestions.pending():
            entries, refusal = self._accept(request, suggestion)
            linked += [item for item in entries if item not in linked]
            if refusal:
                refusals.append(f"“{suggestion.matched_text}”: {refusal}")
            else:
                decided.append(suggestion.pk)
        if not linked:
            if refusals:
                return self._answer(request, obj, " ".join(refusals), messages.WARNING)
            return self._answer(request, obj, _("No suggestions are waiting."), messages.INFO)
        message = self._linked_message(linked)
        current = record_link_change(obj, request.user, message)
        if refusals:
            message += ". " + _("Not accepted: %(list)s") % {"list": " ".join(refusals)}
        return self._answer(
            request,
            obj,
            message,
            messages.SUCCESS,
            decided=decided,
            linked=linked,
            version=current.lock_version,
        )

    def detect_mentions_view(self, request, object_id):
        obj = self._changeable(request, object_id)
        if refused := self._save_typed_edits(request, obj):
            return refused
        obj.refresh_from_db()
        applied = detect_press_release(obj)
        self.message_user(
            request,
            ngettext(
                "Mentions detected: %(pending)d suggestion waits.",
                "Mentions detected: %(pending)d suggestions wait.",
                applied.pending,
            )
            % {"pending": applied.pending},
            messages.SUCCESS,
        )
        return self._back(obj)
