"""Audit events (publish, withdraw, logins) as structured log lines on `mfa.audit`."""

import logging

audit_logger = logging.getLogger("mfa.audit")
auth_logger = logging.getLogger("mfa.auth")


def _user_fields(user):
    if user is None or not getattr(user, "is_authenticated", False):
        return {"user": None, "user_id": None}
    return {"user": user.get_username(), "user_id": user.pk}


def log_event(action, user, obj, **fields):
    """Log that `user` did `action` (e.g. "publish", "withdraw") to `obj`, as one JSON line."""
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


def client_ip(request):
    return request.META.get("REMOTE_ADDR") if request is not None else None


def on_user_logged_in(sender, request, user, **kwargs):
    auth_logger.info(
        "login %s",
        user.get_username(),
        extra={"event": "login", **_user_fields(user), "ip": client_ip(request)},
    )


def on_user_logged_out(sender, request, user, **kwargs):
    auth_logger.info("logout", extra={"event": "logout", **_user_fields(user)})


def on_user_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; log the user name only.
    username = credentials.get("username")
    auth_logger.warning(
        "login failed for %s",
        username,
        extra={"event": "login_failed", "user": username, "ip": client_ip(request)},
    )


def on_user_locked_out(sender, request, username, ip_address, **kwargs):
    auth_logger.warning(
        "locked out %s from %s",
        username,
        ip_address,
        extra={"event": "lockout", "user": username, "ip": ip_address},
    )
