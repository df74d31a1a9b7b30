"""Editorial actions on press releases.

Each action sets the state, records who did it, keeps a revision (django-reversion) and
runs in one transaction. Saves are guarded by `lock_version`: a conditional UPDATE raises
it by one only if nobody saved since the editor opened the page, so no update is lost.
"""

import reversion
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from mfa_site.audit import log_event

from . import page_tags
from .models import (
    PressRelease,
    PressReleaseAttachment,
    PressReleaseCountry,
    PressReleaseEmbassy,
    PressReleaseFigure,
    PressReleaseImage,
    PressReleaseInstitution,
    PressReleasePartnership,
    PressReleasePerson,
    PressReleaseTopic,
    PreviewToken,
    language_codes,
)

LINK_MODELS = {
    "topics": PressReleaseTopic,
    "embassies": PressReleaseEmbassy,
    "institutions": PressReleaseInstitution,
    "partnerships": PressReleasePartnership,
    "people": PressReleasePerson,
    "countries": PressReleaseCountry,
    "figures": PressReleaseFigure,
}
# The fields a restore brings back; the workflow state and the audit trail stay as they are.
CONTENT_FIELDS = [
    "title",
    "slug",
    "lead",
    "body",
    "dateline",
    "source",
    "image",
    "image_alt",
    "image_caption",
    "image_credit",
]

for _link_model in [*LINK_MODELS.values(), PressReleaseImage, PressReleaseAttachment]:
    if not reversion.is_registered(_link_model):
        reversion.register(_link_model)
if not reversion.is_registered(PressRelease):
    # Follow the through-models so a version holds the links and a restore brings them back;
    # the gallery and attachments too, so a stale save can be merged row by row.
    reversion.register(
        PressRelease,
        follow=[
            *(f"{model._meta.model_name}_set" for model in LINK_MODELS.values()),
            "images",
            "attachments",
        ],
    )


class WorkflowError(Exception):
    """An editorial action that was refused; `message` says why, for the editor."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class StaleEdit(WorkflowError):
    """Someone saved the press release after the editor opened it."""

    def __init__(self, current):
        self.current = current
        super().__init__(stale_message(current))


def stale_message(current):
    who = current.updated_by or _("someone")
    when = date_format(timezone.localtime(current.updated_at), "DATETIME_FORMAT")
    return _(
        "%(who)s saved this press release at %(when)s, after you opened it. "
        "Nothing was saved from your page."
    ) % {"who": who, "when": when}


def _moment(value):
    """A local date and time to end a sentence with: English formats end in "a.m." and
    would give "a.m.." before the full stop."""
    return date_format(timezone.localtime(value), "DATETIME_FORMAT").rstrip(".")


def _claim_version(press_release, expected_version):
    """Raise lock_version by one if the row is still at `expected_version` (race-free)."""
    if expected_version is None:
        expected_version = press_release.lock_version
    claimed = PressRelease.objects.filter(
        pk=press_release.pk, lock_version=expected_version
    ).update(lock_version=F("lock_version") + 1)
    if not claimed:
        current = PressRelease.objects.select_related("updated_by").get(pk=press_release.pk)
        raise StaleEdit(current)
    press_release.lock_version = expected_version + 1


def save_edit(press_release, user, *, expected_version=None):
    """Save an edit as `user`; refuse with StaleEdit if someone saved since `expected_version`."""
    with transaction.atomic():
        if press_release.pk is None:
            press_release.created_by = user
            press_release.lock_version = 0
        else:
            _claim_version(press_release, expected_version)
        press_release.updated_by = user
        press_release.save()
    return press_release


def record_link_change(press_release, user, comment):
    """Raise the version of a press release whose links changed outside its form, and keep
    a revision of it, so pages opened before merge that change instead of undoing it."""
    with transaction.atomic():
        current = PressRelease.objects.select_for_update().get(pk=press_release.pk)
        _claim_version(current, current.lock_version)
        PressRelease.objects.filter(pk=current.pk).update(
            updated_by=user, updated_at=timezone.now()
        )
        current.refresh_from_db()
        record_revision(current, user, comment)
        if page_tags.is_public(current.status):
            # update() sends no signal, and the sitemap's lastmod is this updated_at.
            page_tags.purge_press_release(current.pk)
    press_release.lock_version = current.lock_version
    return current


def record_revision(press_release, user, comment):
    """Keep a version of the press release and its links as they are now."""
    with reversion.create_revision(atomic=False):
        reversion.set_user(user)
        reversion.set_comment(comment)
        reversion.add_to_revision(press_release)


def _comment(action, note):
    return f"{action} {note}".strip() if note else action


def _audit(action, user, press_release, **fields):
    """Log the action once its transaction has committed: a refused or rolled-back action
    leaves no audit line. Only names, ids, states and public text go in (no form data)."""
    fields = {
        "status": press_release.status,
        "lock_version": press_release.lock_version,
        **fields,
    }
    transaction.on_commit(lambda: log_event(action, user, press_release, **fields))


def _audit_action(press_release, to):
    if to == PressRelease.Status.PUBLISHED:
        return "schedule" if press_release.is_scheduled else "publish"
    return {
        PressRelease.Status.REVIEW: "submit",
        PressRelease.Status.DRAFT: "return_to_draft",
        PressRelease.Status.WITHDRAWN: "withdraw",
    }[to]


def _transition(press_release, to, user, expected_version, apply, comment, **audit_fields):
    with transaction.atomic():
        # Lock the row and read the state as it is now, not as the page showed it.
        current = PressRelease.objects.select_for_update().get(pk=press_release.pk)
        if expected_version is None:
            expected_version = current.lock_version
        if current.lock_version != expected_version:
            raise StaleEdit(PressRelease.objects.select_related("updated_by").get(pk=current.pk))
        press_release.status = current.status
        press_release.published_at = current.published_at
        refusal = press_release.transition_refusal(to, user)
        if refusal:
            raise WorkflowError(refusal)
        apply()
        press_release.status = to
        save_edit(press_release, user, expected_version=expected_version)
        record_revision(press_release, user, comment)
        published_at = press_release.published_at
        _audit(
            _audit_action(press_release, to),
            user,
            press_release,
            published_at=published_at.isoformat() if published_at else None,
            **audit_fields,
        )
    return press_release


def submit_for_review(press_release, user, *, expected_version=None, note=""):
    """Draft → review."""

    def apply():
        press_release.submitted_by = user
        press_release.submitted_at = timezone.now()

    return _transition(
        press_release,
        PressRelease.Status.REVIEW,
        user,
        expected_version,
        apply,
        _comment(_("Submitted for review."), note),
    )


def return_to_draft(press_release, user, *, comment, expected_version=None, note=""):
    """Review → draft with what needs to change (or a scheduled one taken back)."""
    if not comment.strip():
        raise WorkflowError(_("Say what needs to change when returning it to draft."))

    def apply():
        press_release.review_comment = comment
        if press_release.status == PressRelease.Status.PUBLISHED:
            press_release.published_at = None

    return _transition(
        press_release,
        PressRelease.Status.DRAFT,
        user,
        expected_version,
        apply,
        _comment(_("Returned to draft: %(comment)s") % {"comment": comment}, note),
    )


def publish(
    press_release,
    user,
    *,
    published_at=None,
    second_review_waiver_reason="",
    expected_version=None,
    note="",
):
    """Review → published; a future `published_at` schedules it. Four eyes unless waived."""
    now = timezone.now()
    when = published_at or press_release.published_at or now

    def apply():
        waiver_missing = not second_review_waiver_reason.strip()
        if press_release.needs_second_review_waiver(user) and waiver_missing:
            raise WorkflowError(
                _(
                    "You submitted this press release yourself: tick “publish without second "
                    "review” and give a reason, or ask another publisher."
                )
            )
        press_release.published_at = when
        press_release.published_by = user
        press_release.publish_action_at = now
        if press_release.needs_second_review_waiver(user):
            press_release.second_review_waiver_reason = second_review_waiver_reason.strip()

    if when > now:
        action = _("Scheduled for %(when)s.") % {"when": _moment(when)}
    else:
        action = _("Published.")
    if press_release.needs_second_review_waiver(user):
        action += " " + _("Without second review: %(reason)s") % {
            "reason": second_review_waiver_reason.strip()
        }
    return _transition(
        press_release,
        PressRelease.Status.PUBLISHED,
        user,
        expected_version,
        apply,
        _comment(action, note),
        without_second_review=press_release.needs_second_review_waiver(user),
    )


def withdrawal_reasons(press_release, reason):
    """{language: reason} for each language the press release is written in.

    ``reason`` is {language: text}, or one text for every language (a single-language press
    release, a script). Raises WorkflowError naming the languages still without a reason."""
    if isinstance(reason, str):
        reason = dict.fromkeys(language_codes(), reason)
    reasons = {code: (reason.get(code) or "").strip() for code in press_release.languages()}
    missing = [code for code, text in reasons.items() if not text]
    if missing:
        names = dict(settings.LANGUAGES)
        raise WorkflowError(
            _(
                "A withdrawal needs a reason in each language the press release is written "
                "in; it is shown on the page. Missing: %(languages)s."
            )
            % {"languages": ", ".join(str(names[code]) for code in missing)}
        )
    return reasons


def withdraw(press_release, user, *, reason, expected_version=None, note=""):
    """Published → withdrawn; the page stays, in each language with the public reason."""
    reasons = withdrawal_reasons(press_release, reason)
    # The history and the audit log read it in the original language.
    first = reasons.get(press_release.original_language) or next(iter(reasons.values()), "")

    def apply():
        for code, text in reasons.items():
            setattr(press_release, build_localized_fieldname("withdrawn_reason", code), text)
        press_release.withdrawn_by = user
        press_release.withdrawn_at = timezone.now()

    return _transition(
        press_release,
        PressRelease.Status.WITHDRAWN,
        user,
        expected_version,
        apply,
        _comment(_("Withdrawn: %(reason)s") % {"reason": first}, note),
        reason=first,
    )


def restore_version(press_release, version, user):
    """Bring back the content and links of `version` as a NEW version (history stays)."""
    old = version._object_version.object
    if PressRelease.objects.filter(slug=old.slug).exclude(pk=press_release.pk).exists():
        raise WorkflowError(
            _("Another press release now uses the slug “%(slug)s”; change one of them first.")
            % {"slug": old.slug}
        )
    with transaction.atomic():
        for name in CONTENT_FIELDS:
            setattr(press_release, name, getattr(old, name))
        save_edit(press_release, user)
        link_versions = version.revision.version_set.all()
        for model in LINK_MODELS.values():
            wanted = {
                v._object_version.object.target_id
                for v in link_versions
                if v.content_type.model_class() is model
            }
            target_model = model._meta.get_field("target").related_model
            wanted = set(target_model.objects.filter(pk__in=wanted).values_list("pk", flat=True))
            model.objects.filter(press_release=press_release).exclude(target_id__in=wanted).delete()
            existing = set(
                model.objects.filter(press_release=press_release).values_list(
                    "target_id", flat=True
                )
            )
            model.objects.bulk_create(
                model(press_release=press_release, target_id=pk) for pk in wanted - existing
            )
        record_revision(
            press_release,
            user,
            _("Restored the version of %(when)s.")
            % {"when": _moment(version.revision.date_created)},
        )
        _audit("restore", user, press_release, version_id=version.pk)
        if page_tags.is_public(press_release.status):
            # The links came back through bulk_create(), which sends no signal.
            page_tags.purge_press_release(press_release.pk)
    return press_release


def create_preview_token(press_release, user):
    """A new shareable preview link, valid for 7 days or until publication."""
    if press_release.status not in (PressRelease.Status.DRAFT, PressRelease.Status.REVIEW):
        raise WorkflowError(_("Preview links are only for drafts and press releases in review."))
    return PreviewToken.objects.create(press_release=press_release, created_by=user)


def revoke_preview_token(token):
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
