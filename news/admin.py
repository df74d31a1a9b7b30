from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from mfa_site.admin_languages import TranslatedAdmin
from mfa_site.languages import NATIVE_NAMES, localized_names
from partners.models import Embassy

from . import merge, parity, services
from .admin_media import MEDIA_INLINES
from .autosave_admin import AutosaveMixin
from .forms import TRANSITIONS, PressReleaseAdminForm, WithdrawForm, transition_name
from .linking import SuggestedLinksMixin
from .models import (
    PressRelease,
    PressReleaseCountry,
    PressReleaseEmbassy,
    PressReleaseFigure,
    PressReleaseInstitution,
    PressReleasePartnership,
    PressReleasePerson,
    PressReleaseTopic,
    PreviewToken,
    Topic,
    active_language,
    language_codes,
)
from .revisions import version_diffs

Status = PressRelease.Status
STATE_LABELS = {
    "original": gettext_lazy("original"),
    "current": gettext_lazy("translation up to date"),
    "outdated": gettext_lazy("translation outdated"),
    "missing": gettext_lazy("not translated"),
}


@admin.register(Topic)
class TopicAdmin(TranslatedAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class LinkInline(admin.TabularInline):
    """One row per link: just the linked entry, named by its kind, with autocomplete."""

    extra = 0
    autocomplete_fields = ["target"]
    classes = ["press-release-links"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "target" and field is not None:
            field.label = capfirst(db_field.related_model._meta.verbose_name)
        return field


def link_inline(link_model):
    """A compact inline with autocomplete for one kind of press-release link."""
    target = link_model._meta.get_field("target").related_model
    return type(
        f"{link_model.__name__}Inline",
        (LinkInline,),
        {
            "model": link_model,
            "verbose_name": target._meta.verbose_name,
            "verbose_name_plural": target._meta.verbose_name_plural,
        },
    )


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


@admin.register(PressRelease)
class PressReleaseAdmin(AutosaveMixin, SuggestedLinksMixin, TranslatedAdmin):
    form = PressReleaseAdminForm
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
    search_fields = localized_names("title", "lead", "body")
    date_hierarchy = "published_at"
    # Django's URLify transliterates Kazakh and Russian; only the written titles are used.
    prepopulated_fields = {"slug": localized_names("title")}
    actions = ["submit_selected", "publish_selected", "withdraw_selected", "delete_drafts"]
    inlines = [
        link_inline(model)
        for model in (
            PressReleaseTopic,
            PressReleaseEmbassy,
            PressReleaseInstitution,
            PressReleasePartnership,
            PressReleasePerson,
            PressReleaseCountry,
            PressReleaseFigure,
        )
    ] + MEDIA_INLINES
    audit_fields = [
        "created_by",
        "created_at",
        "updated_by",
        "updated_at",
        "submitted_by",
        "submitted_at",
        "published_by",
        "publish_action_at",
        "withdrawn_by",
        "withdrawn_at",
        "review_comment",
        "second_review_waiver_reason",
    ]

    class Media:
        js = ["news/admin/prose-editor-label.js", "news/admin/autosave.js"]
        css = {"all": ["news/admin/workflow.css"]}

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

    # --- the change list ------------------------------------------------------------

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

    @admin.display(description=gettext_lazy("languages"))
    def language_states(self, obj):
        """kk ru en, each marked original, current, outdated or missing."""
        return format_html_join(
            " ",
            '<span class="language-state language-state--{}" title="{}">{}</span>',
            (
                (state, STATE_LABELS[state], code)
                for code, state in obj.translation_states().items()
            ),
        )

    @admin.display(description=gettext_lazy("translations"))
    def translation_check(self, obj):
        """Each translation's state, and what differs from the original (parity)."""
        if obj is None or obj.pk is None:
            return "–"
        states = format_html_join(
            "",
            '<li><span class="language-state language-state--{}">{}</span> {}</li>',
            (
                (state, NATIVE_NAMES[code], STATE_LABELS[state])
                for code, state in obj.translation_states().items()
            ),
        )
        found = parity.differences(obj)
        warnings = format_html_join(
            "", '<li class="parity-warning">{}</li>', ((str(item),) for item in found)
        )
        return format_html(
            '<ul class="translation-states">{}</ul>{}',
            states,
            format_html('<ul class="parity-warnings">{}</ul>', warnings) if found else "",
        )

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

    # --- the change form ------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"request": request})

    def get_readonly_fields(self, request, obj=None):
        readonly = [
            *super().get_readonly_fields(request, obj),
            "workflow_status",
            "translation_check",
            *self.audit_fields,
            "preview_links",
            *(f"formatted_{name}" for name in localized_names("body")),
            "publication_time",
        ]
        if not self.has_publish_permission(request):
            readonly += ["published_at", "withdrawn_reason"]
        return readonly

    @admin.display(description=gettext_lazy("publication time"))
    def publication_time(self, obj):
        when = obj.published_at if obj else None
        shown = date_format(timezone.localtime(when), "DATETIME_FORMAT") if when else _("Not set")
        return format_html(
            '{}<div class="help">{}</div>',
            shown,
            _(
                "A publisher sets it when publishing: now, or a time in the future, which "
                "schedules the press release to appear by itself."
            ),
        )

    def get_fieldsets(self, request, obj=None):
        publishes = self.has_publish_permission(request)
        publication = ["workflow_status", "published_at" if publishes else "publication_time"]
        if obj is not None and obj.status in (Status.PUBLISHED, Status.WITHDRAWN):
            publication.append("withdrawn_reason")
        can_change = obj is None or self.has_change_permission(request, obj)
        fieldsets = [
            *self.language_fieldsets(obj, formatted_body=not can_change),
            (
                _("Language and translations"),
                {
                    "fields": ["slug", "original_language"]
                    + (["translation_check"] if obj else [])
                    + (["confirm_translations"] if obj and obj.outdated_languages() else [])
                },
            ),
            (_("Publication"), {"fields": publication}),
        ]
        # The panel is buttons that change links: only for those who may change it.
        if obj is not None and self.has_change_permission(request, obj):
            fieldsets.append((self.suggestions_fieldset_title, {"fields": ["suggested_links"]}))
        if obj is None or self.has_change_permission(request, obj):
            workflow = ["change_note", "opened_version"]
            targets = obj.available_transitions(request.user) if obj else [Status.REVIEW]
            if Status.DRAFT in targets:
                workflow.append("review_feedback")
            if (
                obj is not None
                and Status.PUBLISHED in targets
                and obj.needs_second_review_waiver(request.user)
            ):
                workflow += ["publish_without_second_review", "second_review_waiver"]
            fieldsets.append((_("Workflow"), {"fields": workflow}))
        fieldsets.append(
            (
                _("Featured image"),
                {
                    "classes": ["collapse"],
                    "fields": [
                        "image",
                        *localized_names("image_alt"),
                        "image_decorative",
                        *localized_names("image_caption", "image_credit"),
                    ],
                },
            )
        )
        if obj is not None:
            fieldsets.append(
                (
                    _("Audit trail and preview links"),
                    {"classes": ["collapse"], "fields": [*self.audit_fields, "preview_links"]},
                )
            )
        return fieldsets

    def language_fieldsets(self, obj, formatted_body=False):
        """One section per language, the original first; empty translations folded.
        With `formatted_body` (who cannot change it) the body shows as formatted text."""
        original = obj.original_language if obj else active_language()
        states = obj.translation_states() if obj else {}
        order = [original] + [code for code in language_codes() if code != original]
        fieldsets = []
        for code in order:
            state = states.get(code, "original" if code == original else "missing")
            fieldsets.append(
                (
                    format_html(
                        '<span lang="{}">{}</span> – {}',
                        code,
                        NATIVE_NAMES[code],
                        STATE_LABELS[state],
                    ),
                    {
                        "fields": [
                            f"formatted_{name}" if formatted_body and field == "body" else name
                            for field in ("title", "lead", "body", "dateline", "source")
                            for name in [build_localized_fieldname(field, code)]
                        ],
                        "classes": ["collapse"] if state == "missing" else [],
                    },
                )
            )
        return fieldsets

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and db_field.name.startswith("body") and language:
            # "Body (English)": each editor names its language for screen readers.
            field.widget.attrs["aria-label"] = "{} ({})".format(
                capfirst(PressRelease._meta.get_field("body").verbose_name),
                dict(settings.LANGUAGES)[language],
            )
        return field

    @admin.display(description=gettext_lazy("preview links"))
    def preview_links(self, obj):
        tokens = [token for token in obj.preview_tokens.all() if token.is_valid()]
        if not tokens:
            return _("None. Create one with “Create preview link” at the top of the page.")
        return format_html_join(
            "",
            '<div><a href="{}">{}</a> ({})</div>',
            (
                (token.get_absolute_url(), token.get_absolute_url(), token.expires_at)
                for token in tokens
            ),
        )

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
        context.update(
            workflow_buttons=buttons,
            time_zone=settings.TIME_ZONE,
            preview_url=reverse("news:preview", args=[obj.pk]) if obj else None,
            preview_tokens=(
                [token for token in obj.preview_tokens.all() if token.is_valid()] if obj else []
            ),
            can_share_preview=bool(
                obj
                and obj.status in (Status.DRAFT, Status.REVIEW)
                and request.user.has_perm("news.add_previewtoken")
            ),
        )
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

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if request.method == "POST" and obj.pk is not None and "data" in kwargs:
            # A page opened before someone else's save: its rows rebased on theirs.
            rebased = merge.inline_merge_for(request, obj)
            if rebased is not None:
                kwargs["data"], kwargs["files"] = rebased.data.copy(), rebased.files
        return kwargs

    def save_model(self, request, obj, form, change):
        services.save_edit(
            obj, request.user, expected_version=form.cleaned_data.get("opened_version")
        )
        if form.merge_report:
            kept = form.merge_report["kept_theirs"]
            message = _(
                "%(who)s saved this press release after you opened it. Your changes were "
                "merged with theirs."
            ) % {"who": form.merge_report["who"]}
            if kept:
                message += " " + _("Kept their changes to: %(fields)s.") % {
                    "fields": ", ".join(kept)
                }
            self.message_user(request, message, messages.WARNING)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        obj.note_edit(form.changed_data, request.user)
        for language in form.cleaned_data.get("confirm_translations") or []:
            obj.confirm_translation(language, request.user)
        note = form.cleaned_data.get("change_note", "")
        changed = [
            str(form.fields[name].label)
            for name in form.changed_data
            if name in form.fields and name not in form.declared_fields
        ]
        if not change:
            summary = _("Created.")
        elif changed:
            summary = _("Changed %(fields)s.") % {"fields": ", ".join(changed)}
        else:
            summary = _("Saved.")
        transition = form.requested_transition
        if transition is None:
            services.record_revision(obj, request.user, f"{summary} {note}".strip())
            return
        # One version per click: the transition's revision also says what was edited.
        if change and changed:
            note = f"{summary} {note}".strip()
        self._apply_transition(request, obj, transition, form.cleaned_data, note)

    def _apply_transition(self, request, obj, name, data, note):
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
            services.withdraw(obj, user, reason=data["withdrawn_reason"], note=note)
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

    # --- history, diff and restore ---------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        urls = [
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            path(
                "<path:object_id>/preview-links/new/",
                self.admin_site.admin_view(self.create_preview_link_view),
                name="{}_{}_preview_link_create".format(*info),
            ),
            path(
                "<path:object_id>/preview-links/<int:token_id>/revoke/",
                self.admin_site.admin_view(self.revoke_preview_link_view),
                name="{}_{}_preview_link_revoke".format(*info),
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

    # --- preview links -------------------------------------------------------------

    def create_preview_link_view(self, request, object_id):
        obj = self._get_or_404(request, object_id)
        if not (
            request.method == "POST"
            and self.has_change_permission(request, obj)
            and request.user.has_perm("news.add_previewtoken")
        ):
            raise PermissionDenied
        try:
            token = services.create_preview_token(obj, request.user)
        except services.WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(
                request,
                _("Preview link created, valid for 7 days or until publication: %(url)s")
                % {"url": request.build_absolute_uri(token.get_absolute_url())},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:news_pressrelease_change", args=[obj.pk]))

    def revoke_preview_link_view(self, request, object_id, token_id):
        obj = self._get_or_404(request, object_id)
        if not (
            request.method == "POST"
            and self.has_change_permission(request, obj)
            and request.user.has_perm("news.change_previewtoken")
        ):
            raise PermissionDenied
        token = get_object_or_404(PreviewToken, pk=token_id, press_release=obj)
        services.revoke_preview_token(token)
        self.message_user(request, _("The preview link was revoked."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:news_pressrelease_change", args=[obj.pk]))

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
        form = WithdrawForm(request.POST if "confirm" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
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


def _formatted_body(code):
    name = build_localized_fieldname("body", code)

    @admin.display(description=PressRelease._meta.get_field(name).verbose_name)
    def formatted(self, obj):
        # Sanitised when saved (news/richtext.py): shown as the public sees it, not as tags.
        return format_html('<div class="readonly-body">{}</div>', mark_safe(getattr(obj, name)))

    return formatted


for _code in language_codes():
    setattr(
        PressReleaseAdmin,
        f"formatted_{build_localized_fieldname('body', _code)}",
        _formatted_body(_code),
    )
