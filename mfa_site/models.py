"""The audit log: who did what, to which item, when and from where (issue 14)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Readable names of the actions written today; an unknown action is shown as written.
ACTION_LABELS = {
    "submit": _("submitted for review"),
    "publish": _("published"),
    "schedule": _("scheduled"),
    "withdraw": _("withdrew"),
    "return_to_draft": _("returned to draft"),
    "restore": _("restored a version"),
    "add": _("added"),
    "change": _("changed"),
    "delete": _("deleted"),
    "login": _("signed in"),
    "logout": _("signed out"),
    "login_failed": _("sign-in failed"),
    "lockout": _("locked out"),
    "mfa_enrolled": _("added a second factor"),
    "mfa_failed": _("second factor failed"),
    "mfa_verified": _("passed the second factor"),
    "mfa_lockout": _("second factor locked"),
    "mfa_recovery_codes": _("made new recovery codes"),
    "mfa_reset": _("reset second factors"),
}


class AuditEntry(models.Model):
    """One thing a person did, kept apart from the log stream so staff can read it.

    Written only by code (mfa_site.audit.log_event); the admin shows it read-only.
    """

    created_at = models.DateTimeField(_("when"), default=timezone.now, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(
        _("user name"),
        max_length=150,
        blank=True,
        help_text=_("As typed or as it was at the time; kept when the account is deleted."),
    )
    action = models.CharField(_("action"), max_length=40)
    content_type = models.ForeignKey(
        ContentType,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind of item"),
    )
    object_id = models.CharField(_("item id"), max_length=64, blank=True)
    object_repr = models.CharField(_("item"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [
            models.Index(fields=["-created_at"], name="audit_created_idx"),
            models.Index(fields=["action", "-created_at"], name="audit_action_idx"),
            models.Index(fields=["content_type", "object_id"], name="audit_object_idx"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action}"

    @property
    def action_label(self):
        return ACTION_LABELS.get(self.action, self.action)
