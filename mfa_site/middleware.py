"""A database outage or a cancelled runaway query answers 503, never a traceback."""

import logging
import sys
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.template.loader import render_to_string

logger = logging.getLogger("mfa.availability")

# Lost connections, refused connections and statement timeouts (psycopg's QueryCanceled)
# all reach Django as one of these.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def service_unavailable():
    """The branded 503 page, rendered without a request: no context processor, session or
    user is touched, so it renders while the database is down."""
    retry_after = settings.DB_UNAVAILABLE_RETRY_AFTER
    response = HttpResponse(render_to_string("503.html", {"retry_after": retry_after}), status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def _remember_database_error(sender, request=None, **kwargs):
    exc = sys.exc_info()[1]
    if request is not None and isinstance(exc, DATABASE_UNAVAILABLE):
        request._mfa_database_error = exc


got_request_exception.connect(_remember_database_error, dispatch_uid="mfa_database_error")


class DatabaseUnavailableMiddleware:
    """Turn database errors anywhere below this middleware into the 503 page.

    `process_exception` covers views and template rendering; the signal above covers
    errors raised in inner middleware, which Django has already turned into a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
        except DATABASE_UNAVAILABLE as exc:
            return self._unavailable(request, exc)
        exc = getattr(request, "_mfa_database_error", None)
        if exc is not None and response.status_code >= 500:
            return self._unavailable(request, exc)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return self._unavailable(request, exception)
        return None

    def _unavailable(self, request, exc):
        logger.error(
            "database unavailable: %s",
            type(exc).__name__,
            extra={
                "event": "database_unavailable",
                "path": request.path,
                "error": str(exc).splitlines()[0][:200] if str(exc) else "",
            },
        )
        return service_unavailable()


class HostPortMiddleware:
    """Refuse a Host header whose port is not a TCP port (1-65535) with a 400.

    Django accepts any run of digits as the port; code that later parses the host as a URL
    (urllib's `.port`) raises ValueError on such a port, which would be a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request.META.get("HTTP_HOST", "")
        _domain, port = split_domain_port(host)
        if port and not 1 <= int(port) <= 65535:
            raise DisallowedHost(f"Invalid HTTP_HOST header: port out of range in {host[:100]!r}")
        return self.get_response(request)


SESSION_STARTED_KEY = "_mfa_session_started"
SESSION_LAST_SEEN_KEY = "_mfa_session_last_seen"
# The idle clock is written back at most this often, not on every request.
LAST_SEEN_RESOLUTION = 60


def start_session_clock(sender, request, user, **kwargs):
    """At sign-in (user_logged_in): the 8-hour and the idle clocks start now. Set here, the
    first request after sign-in needs no session write of its own."""
    session = getattr(request, "session", None)
    if session is not None:
        now = int(time.time())
        session[SESSION_STARTED_KEY] = now
        session[SESSION_LAST_SEEN_KEY] = now


class SessionLimitsMiddleware:
    """A signed-in session ends 8 hours after sign-in and after 30 minutes without a request.

    SESSION_COOKIE_AGE alone is renewed by every session write, so it bounds neither.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            from django.contrib.auth import logout

            now = int(time.time())
            session = request.session
            started = session.setdefault(SESSION_STARTED_KEY, now)
            last_seen = session.get(SESSION_LAST_SEEN_KEY, now)
            if (
                now - started > settings.SESSION_COOKIE_AGE
                or now - last_seen > settings.SESSION_IDLE_SECONDS
            ):
                logout(request)
            elif now - last_seen >= LAST_SEEN_RESOLUTION or SESSION_LAST_SEEN_KEY not in session:
                session[SESSION_LAST_SEEN_KEY] = now
        return self.get_response(request)
