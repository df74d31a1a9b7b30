"""The press-release form of the admin: workflow fields, lost-update guard, server-side rules."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import FileField
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname

from mfa_site.kept_uploads import KeepUploadsForm
from mfa_site.languages import localized_names

from . import merge
from .models import LANGUAGE_REQUIRED_FIELDS, PressRelease
from .services import LINK_MODELS, stale_message

Status = PressRelease.Status

# The buttons of the change form post `_transition=<name>`.
TRANSITIONS = {
    "submit": (Status.REVIEW, gettext_lazy("Submit for review")),
    "return": (Status.DRAFT, gettext_lazy("Return to draft")),
    "publish": (Status.PUBLISHED, gettext_lazy("Publish")),
    "withdraw": (Status.WITHDRAWN, gettext_lazy("Withdraw")),
}


def transition_name(target):
    for name, (to, _label) in TRANSITIONS.items():
        if to == target:
            return name
    raise KeyError(target)


def time_zone_note():
    return format_lazy(gettext_lazy("Times are in the {} time zone."), settings.TIME_ZONE)


def _crlf_to_lf(value):
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


class NewlineNormalisingField:
    """Browsers post textareas with CRLF line ends; stored text (imports, earlier saves)
    has LF. Compare and store with LF, so an untouched body is not "changed" on save."""

    def to_python(self, value):
        return super().to_python(_crlf_to_lf(value))

    def has_changed(self, initial, data):
        return super().has_changed(_crlf_to_lf(initial), data)


def normalise_newlines(field):
    if not isinstance(field, NewlineNormalisingField):
        field.__class__ = type(field.__class__.__name__, (NewlineNormalisingField, type(field)), {})
    return field


class PressReleaseAdminForm(KeepUploadsForm, forms.ModelForm):
    # Fields only the workflow may change: never accepted from someone whose form lacks them.
    GUARDED_FIELDS = {
        "status": gettext_lazy(
            "The status changes only through the workflow buttons; it was left unchanged."
        ),
        "published_at": gettext_lazy(
            "Only publishers may set the publication time; nothing was scheduled."
        ),
        "withdrawn_reason": gettext_lazy(
            "A reason for withdrawal is given by a publisher when withdrawing a published "
            "press release."
        ),
    }

    CHOOSE = gettext_lazy("Choose which version to keep: yours or the one saved meanwhile.")

    opened_version = forms.IntegerField(
        label=gettext_lazy("Version opened for editing"), required=False, widget=forms.HiddenInput
    )
    change_note = forms.CharField(
        label=gettext_lazy("Change note"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("Optional: what you changed and why. Kept in the history."),
    )
    review_feedback = forms.CharField(
        label=gettext_lazy("What needs to change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Needed when you return a press release to draft."),
    )
    publish_without_second_review = forms.BooleanField(
        label=gettext_lazy("Publish without second review"),
        required=False,
        help_text=gettext_lazy(
            "Needed when you publish a press release you submitted yourself (four eyes)."
        ),
    )
    second_review_waiver = forms.CharField(
        label=gettext_lazy("Reason for publishing without second review"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    request = None  # the admin binds the current request
    merge_report = None  # set when a save was merged with one made meanwhile
    merge_conflicts = ()
    inline_conflicts = ()
    merge_saved_by = None

    confirm_translations = forms.MultipleChoiceField(
        label=gettext_lazy("Translations checked against the original"),
        required=False,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Tick a translation you have compared with the current original and found "
            "still right: it is then no longer marked as outdated."
        ),
    )

    class Meta:
        model = PressRelease
        # The admin passes the fields of its fieldsets; these are the editable ones.
        fields = [
            *localized_names("title", "lead", "body", "dateline", "source"),
            "original_language",
            "slug",
            "published_at",
            *localized_names("withdrawn_reason"),
            "image",
            *localized_names("image_alt", "image_caption", "image_credit"),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["opened_version"] = self.instance.lock_version
        for name in localized_names("lead", "body"):
            if name in self.fields:
                normalise_newlines(self.fields[name])
        if "original_language" in self.fields:
            # Its model default is a callable (the editor's language), for which Django
            # compares against a hidden "initial-" input; the instance's value is the initial.
            self.fields["original_language"].show_hidden_initial = False
        if "confirm_translations" in self.fields:
            outdated = self.instance.outdated_languages() if self.instance.pk else []
            self.fields["confirm_translations"].choices = [
                (code, name) for code, name in settings.LANGUAGES if code in outdated
            ]
        if "published_at" in self.fields:
            field = self.fields["published_at"]
            field.help_text = format_lazy("{} {}", field.help_text, time_zone_note())

    @property
    def requested_transition(self):
        return self.data.get("_transition") or None

    def clean(self):
        cleaned_data = super().clean()
        self._refuse_guarded_fields()
        if self.instance.pk:
            self._merge_with_current()
        self._require_original(cleaned_data)
        if (
            self.instance.status in (Status.PUBLISHED, Status.WITHDRAWN)
            and "published_at" in self.fields
            and not cleaned_data.get("published_at")
        ):
            self.add_error("published_at", _("A published press release needs a publication time."))
        self._check_transition(cleaned_data)
        if self.instance.status == Status.WITHDRAWN and not self.requested_transition:
            self._require_withdrawal_reasons(cleaned_data)
        return cleaned_data

    def _written_in(self, cleaned_data, language):
        """Written in ``language`` once this form is saved (its own fields, else the saved)."""
        values = (
            cleaned_data.get(name, self.instance.localized(field, language))
            for field in LANGUAGE_REQUIRED_FIELDS
            for name in [build_localized_fieldname(field, language)]
        )
        return all((value or "").strip() for value in values)

    def _require_withdrawal_reasons(self, cleaned_data):
        """A reason in each language the press release is written in: its page there shows it."""
        for code, name in settings.LANGUAGES:
            field = build_localized_fieldname("withdrawn_reason", code)
            reason = cleaned_data.get(field, self.instance.localized("withdrawn_reason", code))
            if self._written_in(cleaned_data, code) and not (reason or "").strip():
                self.add_error(
                    field if field in self.fields else None,
                    _(
                        "A withdrawal needs a reason in %(language)s too: the page in "
                        "%(language)s shows it."
                    )
                    % {"language": name},
                )

    def _require_original(self, cleaned_data):
        """The original language's title, lead and body are required; translations are not."""
        language = cleaned_data.get("original_language") or self.instance.original_language
        for field in LANGUAGE_REQUIRED_FIELDS:
            name = build_localized_fieldname(field, language)
            if name in self.fields and not (cleaned_data.get(name) or "").strip():
                self.add_error(
                    name,
                    ValidationError(
                        _("Required in the original language (%(language)s).")
                        % {"language": dict(settings.LANGUAGES)[language]},
                        code="required_in_original",
                    ),
                )

    def _refuse_guarded_fields(self):
        for name, message in self.GUARDED_FIELDS.items():
            if name in self.fields or any(f in self.fields for f in localized_names(name)):
                continue
            values = [
                value
                for key in self.data
                if key == name or key.startswith(f"{name}_")
                for value in (
                    self.data.getlist(key) if hasattr(self.data, "getlist") else [self.data[key]]
                )
            ]
            if name == "status" and values == [self.instance.status]:
                continue
            if any(str(value).strip() for value in values):
                raise ValidationError(message, code="not_allowed")

    # --- three-way merge with a save made after this page was opened ------------------

    def _merge_fields(self):
        model_fields = {f.name for f in PressRelease._meta.concrete_fields}
        return [name for name in self.fields if name in model_fields]

    def _is_file(self, name):
        return isinstance(PressRelease._meta.get_field(name), FileField)

    def _merge_with_current(self):
        """Apply what only this editor changed, keep what only the other person changed,
        and stop on what both changed (see news/merge.py)."""
        opened = self.cleaned_data.get("opened_version")
        current = PressRelease.objects.select_related("updated_by").get(pk=self.instance.pk)
        stale = opened != current.lock_version
        base = merge.opened_base(current, opened) if stale else None
        data = self.data.copy()
        conflicts = self._apply_choices(data, current, base, stale)
        if not stale:
            if conflicts:
                self.data = data
                self._stop_on_conflicts(current, conflicts, [], stale=False)
            return
        kept_theirs = []
        for name in self._merge_fields():
            if name not in self.cleaned_data or name in {c.name for c in conflicts}:
                continue
            theirs = getattr(current, name)
            base_value = base.fields.get(name, merge.MISSING) if base else merge.MISSING
            if self._is_file(name):
                conflict = self._merge_file(name, theirs, base_value)
                if conflict:
                    conflicts.append(conflict)
                continue
            mine = self.cleaned_data[name]
            if merge.normalise(mine) == merge.normalise(theirs):
                continue
            if merge.normalise(mine) == merge.normalise(base_value):
                self.cleaned_data[name] = theirs
                self._put(data, name, theirs)
                kept_theirs.append(str(self.fields[name].label))
            elif merge.normalise(theirs) != merge.normalise(base_value):
                conflicts.append(self._conflict(name, mine, theirs))
        for name in self._link_fields():
            if name in self.cleaned_data and name not in {c.name for c in conflicts}:
                conflict = self._merge_links(name, current, base, data, kept_theirs)
                if conflict:
                    conflicts.append(conflict)
        inline = merge.inline_merge_for(self.request, current) if self.request else None
        # From here on the page is one posted against the current version.
        data["opened_version"] = str(current.lock_version)
        self.cleaned_data["opened_version"] = current.lock_version
        self.data = data
        self.merge_report = {
            "who": current.updated_by or _("someone"),
            "kept_theirs": kept_theirs + (inline.kept_theirs if inline else []),
        }
        inline_conflicts = inline.conflicts if inline else []
        if conflicts or inline_conflicts:
            self._stop_on_conflicts(current, conflicts, inline_conflicts, stale=True)
        if self.requested_transition:
            raise ValidationError(
                stale_message(current)
                + " "
                + _(
                    "Their changes are now in the form with yours. Check the press release "
                    "and choose the workflow button again."
                ),
                code="stale",
            )

    def _link_fields(self):
        return [name for name in LINK_MODELS if name in self.fields]

    def _merge_links(self, name, current, base, data, kept_theirs):
        """A link set merged as a set; when both changed it, the form holds the merge and
        both sets are shown side by side."""
        mine = {entry.pk for entry in self.cleaned_data[name]}
        theirs = merge.current_links(current, name)
        if mine == theirs:
            return None
        if base is None:
            return self._link_conflict(name, mine, theirs)
        opened = base.links[name]
        if mine == opened:
            self._set_links(data, name, theirs)
            kept_theirs.append(str(self.fields[name].label))
            return None
        if theirs == opened:
            return None
        self._set_links(data, name, merge.merge_links(mine, theirs, opened))
        return self._link_conflict(name, mine, theirs, merged=True)

    def _set_links(self, data, name, ids):
        self.cleaned_data[name] = self.fields[name].queryset.filter(pk__in=ids)
        self._put(data, name, ids)

    def _link_conflict(self, name, mine, theirs, merged=False):
        return merge.FieldConflict(
            name=name,
            label=str(self.fields[name].label),
            mine=merge.link_names(name, mine),
            theirs=merge.link_names(name, theirs),
            merged=merged,
        )

    def _merge_file(self, name, theirs, base_value):
        uploaded = self.files and any(key == self.add_prefix(name) for key in self.files)
        cleared = self.cleaned_data.get(name) is False
        if not (uploaded or cleared):
            return None  # the form keeps the stored file: theirs
        if base_value is not merge.MISSING and merge.normalise(theirs) == merge.normalise(
            base_value
        ):
            return None
        return merge.FieldConflict(
            name=name,
            label=str(self.fields[name].label),
            mine=_("your new file") if uploaded else _("no image"),
            theirs=merge.normalise(theirs) or _("no image"),
            choosable=False,
        )

    def _apply_choices(self, data, current, base, stale):
        """The choices made on the conflict screen: “theirs” puts back the value shown there."""
        conflicts = []
        for name in data.getlist("merge_conflict") if hasattr(data, "getlist") else []:
            if name not in self.cleaned_data or self._is_file(name):
                continue
            choice = data.get(f"resolve_{name}")
            if name in LINK_MODELS:
                shown = base.links[name] if (stale and base) else merge.current_links(current, name)
                if choice == "theirs":
                    self._set_links(data, name, shown)
                elif choice != "mine":
                    mine = {entry.pk for entry in self.cleaned_data[name]}
                    conflicts.append(self._link_conflict(name, mine, shown))
                    self.add_error(name, self.CHOOSE)
                continue
            shown = base.fields.get(name) if (stale and base) else getattr(current, name)
            if choice == "theirs":
                self.cleaned_data[name] = shown
                self._put(data, name, shown)
            elif choice != "mine":
                conflicts.append(self._conflict(name, self.cleaned_data[name], shown))
                self.add_error(name, self.CHOOSE)
        if hasattr(data, "setlist"):
            data.setlist("merge_conflict", [])
        return conflicts

    def _conflict(self, name, mine, theirs):
        return merge.FieldConflict(
            name=name, label=str(self.fields[name].label), mine=mine, theirs=theirs
        )

    def _stop_on_conflicts(self, current, conflicts, inline_conflicts, *, stale):
        self.merge_conflicts = conflicts
        self.inline_conflicts = inline_conflicts
        self.merge_saved_by = current
        if hasattr(self.data, "setlist"):
            self.data.setlist("merge_conflict", [c.name for c in conflicts if c.choosable])
        labels = [c.label for c in conflicts] + [
            f"{c.label}: {c.field_label}" for c in inline_conflicts
        ]
        if stale:
            message = (
                stale_message(current)
                + " "
                + _(
                    "Their other changes and yours are merged in the form. Both of you "
                    "changed: %(fields)s. Choose below which version to keep, then save again."
                )
                % {"fields": "; ".join(labels)}
            )
        else:
            message = _("Choose which version to keep for: %(fields)s.") % {
                "fields": "; ".join(labels)
            }
        raise ValidationError(message, code="conflict")

    def _put(self, data, name, value):
        """Write a model value into the posted data the way the field's widget posts it."""
        field = self.fields[name]
        widget = field.widget
        html_name = self.add_prefix(name)
        if isinstance(field, forms.ModelMultipleChoiceField):
            values = [str(pk) for pk in sorted(value)]
            if hasattr(data, "setlist"):
                data.setlist(html_name, values)
            else:
                data[html_name] = values
        elif isinstance(widget, forms.MultiWidget):
            parts = widget.decompress(value)
            for suffix, sub, part in zip(widget.widgets_names, widget.widgets, parts, strict=True):
                data[html_name + suffix] = sub.format_value(part) or ""
        elif isinstance(widget, forms.CheckboxInput):
            if value:
                data[html_name] = "on"
            else:
                data.pop(html_name, None)
        else:
            data[html_name] = widget.format_value(field.prepare_value(value)) or ""

    def _check_transition(self, cleaned_data):
        name = self.requested_transition
        if not name:
            return
        if name not in TRANSITIONS:
            raise ValidationError(_("Unknown workflow action."), code="unknown_transition")
        target = TRANSITIONS[name][0]
        user = self.request.user
        refusal = self.instance.transition_refusal(target, user)
        if refusal:
            raise ValidationError(refusal, code="transition_refused")
        if target == Status.WITHDRAWN:
            self._require_withdrawal_reasons(cleaned_data)
        if name == "return" and not (cleaned_data.get("review_feedback") or "").strip():
            self.add_error("review_feedback", _("Say what needs to change."))
        if target == Status.PUBLISHED and self.instance.needs_second_review_waiver(user):
            if not cleaned_data.get("publish_without_second_review"):
                self.add_error(
                    "publish_without_second_review",
                    _(
                        "You submitted this press release yourself: tick this and give a "
                        "reason, or ask another publisher to publish it."
                    ),
                )
            elif not (cleaned_data.get("second_review_waiver") or "").strip():
                self.add_error("second_review_waiver", _("Give the reason; it is recorded."))


class WithdrawForm(forms.Form):
    """The intermediate page of the change-list action "withdraw": a reason in each language
    one of the chosen press releases is written in (its page in that language shows it)."""

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            if code in languages:
                self.fields[f"reason_{code}"] = forms.CharField(
                    label=_("Reason for withdrawal (%(language)s)") % {"language": name},
                    widget=forms.Textarea(attrs={"rows": 3}),
                    help_text=_("Shown on the pages in %(language)s.") % {"language": name},
                    max_length=2000,
                )

    def reasons(self):
        return {name.removeprefix("reason_"): value for name, value in self.cleaned_data.items()}
