"""Audit events (publish, withdraw, logins, second factors, admin edits).

Each event is one structured log line (`mfa.audit`, `mfa.auth`) and one `AuditEntry` row,
which publishers and superusers read in the admin. The client address comes from the
request being served (AuditContextMiddleware), so code without a request (services run
from a view) still records where an action came from.
"""

import contextvars
import logging

audit_logger = logging.getLogger("mfa.audit")
auth_logger = logging.getLogger("mfa.auth")


def _user_fields(user):
    if user is None or not getattr(user, "is_authenticated", False):
        return {"user": None, "user_id": None}
    return {"user": user.get_username(), "user_id": user.pk}


_client_ip = contextvars.ContextVar("mfa_client_ip", default=None)


def client_ip(request):
    """The client's address as django-axes sees it (trusting proxies only as configured)."""
    if request is None:
        return _client_ip.get()
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR")


class AuditContextMiddleware:
    """Remember the client address of the request being served, for the audit log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _client_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            _client_ip.reset(token)


def record(
    action,
    *,
    user=None,
    username=None,
    obj=None,
    content_type=None,
    object_id="",
    object_repr="",
    ip=None,
    **details,
):
    """Write one AuditEntry. An audit row that cannot be written must not undo the action
    it records (the log line is written regardless), so errors are logged, not raised."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from .models import AuditEntry

    authenticated = user is not None and getattr(user, "is_authenticated", False)
    if obj is not None:
        content_type = ContentType.objects.get_for_model(obj)
        object_id = "" if obj.pk is None else str(obj.pk)
        object_repr = str(obj)
    try:
        with transaction.atomic():
            AuditEntry.objects.create(
                user=user if authenticated else None,
                username=(user.get_username() if authenticated else username or "")[:150],
                action=action,
                content_type=content_type,
                object_id=str(object_id or "")[:64],
                object_repr=(object_repr or "")[:200],
                ip_address=ip or _client_ip.get(),
                details=details,
            )
    except Exception:  # noqa: BLE001 - never fail the user's action because of its audit row
        audit_logger.exception("audit entry not written", extra={"event": "audit_write_failed"})


def log_event(action, user, obj, **fields):
    """Log that `user` did `action` (e.g. "publish", "withdraw") to `obj`, as one JSON line
    and one audit log entry."""
    record(action, user=user, obj=obj if getattr(obj, "_meta", None) else None, **fields)
    meta = getattr(obj, "_meta", None)
    extra = {
        "event": action,
        **_user_fields(user),
        "object_type": meta.label_lower if meta else type(obj).__name__,
        "object_id": getattr(obj, "pk", None),
        "object_repr": str(obj)[:200],
        **fields,
    }
    audit_logger.info("%s %s %s", action, extra["object_type"], extra["object_id"], extra=extra)


def on_user_logged_in(sender, request, user, **kwargs):
    record("login", user=user, ip=client_ip(request))
    auth_logger.info(
        "login %s",
        user.get_username(),
        extra={"event": "login", **_user_fields(user), "ip": client_ip(request)},
    )


def on_user_logged_out(sender, request, user, **kwargs):
    if user is not None:
        record("logout", user=user, ip=client_ip(request))
    auth_logger.info("logout", extra={"event": "logout", **_user_fields(user)})


def on_user_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; log the user name only.
    username = credentials.get("username")
    record("login_failed", username=username, ip=client_ip(request))
    auth_logger.warning(
        "login failed for %s",
        username,
        extra={"event": "login_failed", "user": username, "ip": client_ip(request)},
    )


def on_user_locked_out(sender, request, username, ip_address, **kwargs):
    record("lockout", username=username, ip=ip_address)
    auth_logger.warning(
        "locked out %s from %s",
        username,
        ip_address,
        extra={"event": "lockout", "user": username, "ip": ip_address},
    )


ADMIN_ACTIONS = {1: "add", 2: "change", 3: "delete"}


def on_admin_log_entry(sender, instance, created, raw=False, **kwargs):
    """Mirror the admin's own history (add, change, delete of any entry) into the audit log."""
    if not created or raw:
        return
    user = instance.user
    record(
        ADMIN_ACTIONS.get(instance.action_flag, str(instance.action_flag)),
        user=user,
        content_type=instance.content_type,
        object_id=instance.object_id,
        object_repr=instance.object_repr,
        change_message=instance.get_change_message()[:500],
    )
