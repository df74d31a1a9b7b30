"""Failed second-factor attempts are limited like passwords: AXES_FAILURE_LIMIT (5) failures
within AXES_COOLOFF_TIME (30 minutes) lock the account's second step.

Counted per account, whatever the address: whoever reaches this step knows the password,
so changing address must not buy more guesses. The count lives in the audit log (the
`mfa_failed` entries since the last success), which every app server shares.
"""

from django.conf import settings
from django.utils import timezone

from mfa_site.models import AuditEntry


def recent_failures(user):
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    last_success = (
        AuditEntry.objects.filter(user=user, action="mfa_verified", created_at__gte=since)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    failures = AuditEntry.objects.filter(user=user, action="mfa_failed", created_at__gte=since)
    if last_success is not None:
        failures = failures.filter(created_at__gt=last_success)
    return failures.count()


def is_locked(user):
    return recent_failures(user) >= settings.AXES_FAILURE_LIMIT
