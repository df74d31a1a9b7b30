"""The press-release admin: its change form and how a save is recorded. Each concern
(list, workflow, translations, links, media, history, previews, autosave) is a mixin of
its own module in this package."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mfa_site.admin_languages import TranslatedAdmin
from mfa_site.languages import localized_names

from .. import merge, services
from ..forms import PressReleaseAdminForm
from ..linking import SuggestedLinksMixin
from ..models import PressRelease, Topic
from .autosave import AutosaveMixin
from .changelist import ChangeListMixin
from .history import HistoryMixin
from .links import LinksPanelMixin
from .media import KEEP_CHOSEN_IMAGES, MEDIA_INLINES
from .previews import PreviewLinksMixin
from .translations import FORMATTED_BODIES, TranslationsMixin
from .workflow import WorkflowMixin

Status = PressRelease.Status


@admin.register(Topic)
class TopicAdmin(TranslatedAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(PressRelease)
class PressReleaseAdmin(
    AutosaveMixin,
    LinksPanelMixin,
    SuggestedLinksMixin,
    WorkflowMixin,
    ChangeListMixin,
    TranslationsMixin,
    HistoryMixin,
    PreviewLinksMixin,
    TranslatedAdmin,
):
    form = PressReleaseAdminForm
    search_fields = localized_names("title", "lead", "body")
    # Django's URLify transliterates Kazakh and Russian; only the written titles are used.
    prepopulated_fields = {"slug": localized_names("title")}
    inlines = MEDIA_INLINES
    formfield_overrides = KEEP_CHOSEN_IMAGES
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
        js = [
            "news/admin/prose-editor-label.js",
            "news/admin/autosave.js",
            "news/admin/suggested-links.js",
        ]
        css = {"all": ["news/admin/workflow.css"]}

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
            *FORMATTED_BODIES,
            "publication_time",
        ]
        if not self.has_publish_permission(request):
            readonly += ["published_at", *localized_names("withdrawn_reason")]
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
            publication += localized_names("withdrawn_reason")
        can_change = obj is None or self.has_change_permission(request, obj)
        fieldsets = [
            *self.language_fieldsets(obj, formatted_body=not can_change),
            self.links_fieldset(),
        ]
        # The suggestions are buttons that change links: only for those who may change it.
        if obj is not None and can_change:
            fieldsets.append((self.suggestions_fieldset_title, {"fields": ["suggested_links"]}))
        fieldsets.append(
            (
                _("Language and translations"),
                {
                    "fields": ["slug", "original_language"]
                    + (["translation_check"] if obj else [])
                    + (["confirm_translations"] if obj and obj.outdated_languages() else [])
                },
            )
        )
        fieldsets.append((_("Publication"), {"fields": publication}))
        if can_change:
            fieldsets.append((_("Workflow"), {"fields": self.workflow_fields(request, obj)}))
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
        self.apply_transition(request, obj, transition, form.cleaned_data, note)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if request.method == "POST" and obj.pk is not None and "data" in kwargs:
            # A page opened before someone else's save: its rows rebased on theirs.
            rebased = merge.inline_merge_for(request, obj)
            if rebased is not None:
                kwargs["data"], kwargs["files"] = rebased.data.copy(), rebased.files
        return kwargs
