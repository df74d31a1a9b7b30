"""The press-release form of the admin: workflow fields, lost-update guard, server-side rules."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import FileField
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname

from mfa_site.languages import localized_names

from .models import LANGUAGE_REQUIRED_FIELDS, PressRelease
from .services import stale_message

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


class PressReleaseAdminForm(forms.ModelForm):
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
            "withdrawn_reason",
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
            self._refuse_stale_edit()
        self._require_original(cleaned_data)
        if (
            self.instance.status in (Status.PUBLISHED, Status.WITHDRAWN)
            and "published_at" in self.fields
            and not cleaned_data.get("published_at")
        ):
            self.add_error("published_at", _("A published press release needs a publication time."))
        self._check_transition(cleaned_data)
        return cleaned_data

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
            if name in self.fields:
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

    def _refuse_stale_edit(self):
        opened = self.cleaned_data.get("opened_version")
        current = PressRelease.objects.select_related("updated_by").get(pk=self.instance.pk)
        if opened == current.lock_version:
            return
        differing = [
            str(self.fields[name].label)
            for name in self._meta_fields()
            if name in self.cleaned_data and self._differs(name, current)
        ]
        message = stale_message(current)
        if differing:
            message += " " + _("Fields where your version differs: %(fields)s.") % {
                "fields": ", ".join(differing)
            }
        message += " " + _(
            "Your text is still in the form: check it and save again to replace their version."
        )
        # A second save from this page is a deliberate overwrite of the version seen now.
        data = self.data.copy()
        data["opened_version"] = str(current.lock_version)
        self.data = data
        raise ValidationError(message, code="stale")

    def _meta_fields(self):
        model_fields = {f.name: f for f in PressRelease._meta.concrete_fields}
        return [
            name
            for name in self.fields
            if name in model_fields and not isinstance(model_fields[name], FileField)
        ]

    def _differs(self, name, current):
        mine = self.cleaned_data.get(name)
        theirs = getattr(current, name)
        if mine in (None, "") and theirs in (None, ""):
            return False
        return mine != theirs

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
        if target == Status.WITHDRAWN and not (cleaned_data.get("withdrawn_reason") or "").strip():
            self.add_error(
                "withdrawn_reason",
                _("A withdrawal needs a reason; it is shown to the public."),
            )
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
    """The intermediate page of the change-list action "withdraw"."""

    reason = forms.CharField(
        label=gettext_lazy("Reason for withdrawal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Shown to the public on the page of each press release."),
        max_length=2000,
    )
