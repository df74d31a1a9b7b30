"""Uploads as a unit of work: files written during a request are removed again when the
record that should reference them is not saved, so a failure leaves no orphan file.

Inside an :func:`upload_guard` the media fields store an upload while the form is being
validated (so a storage error becomes a form error) and record what they wrote. A field's
``pre_save`` claims its file when the record is saved. When the guard ends, unclaimed files
are deleted; when it ends with an error (or a server error response) every file is deleted,
because the admin's transaction has rolled the records back.
"""

import contextvars
import logging
from contextlib import contextmanager

from django.contrib import messages

logger = logging.getLogger(__name__)

_current = contextvars.ContextVar("mfa_upload_guard", default=None)


def delete_quietly(storage, name):
    """Best-effort removal of a (possibly half-written) file."""
    try:
        if name and storage.exists(name):
            storage.delete(name)
    except Exception:  # noqa: BLE001 - any backend's error; cleanup must not mask the cause
        logger.exception("Could not remove %s after a failed upload", name)


class UploadGuard:
    def __init__(self):
        self.written = {}  # (storage, name) -> names derived from it (renditions)
        self.claimed = set()
        self.warnings = []
        self.failed = False

    def record(self, storage, name, derived=()):
        self.written.setdefault((storage, name), []).extend(derived)

    def claim(self, storage, name):
        self.claimed.add((storage, name))

    def warn(self, message):
        if message not in self.warnings:
            self.warnings.append(message)

    def discard(self):
        for (storage, name), derived in self.written.items():
            if self.failed or (storage, name) not in self.claimed:
                for derived_name in derived:
                    delete_quietly(storage, derived_name)
                delete_quietly(storage, name)


def current_guard():
    return _current.get()


@contextmanager
def upload_guard():
    guard = UploadGuard()
    token = _current.set(guard)
    try:
        yield guard
    except BaseException:
        guard.failed = True
        raise
    finally:
        _current.reset(token)
        guard.discard()


class UploadGuardMiddleware:
    """Run every multipart request in an upload guard; show its warnings after a save.

    Place it after MessageMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.content_type != "multipart/form-data":
            return self.get_response(request)
        with upload_guard() as guard:
            response = self.get_response(request)
            guard.failed = response.status_code >= 500
        if guard.warnings and 300 <= response.status_code < 400:
            for message in guard.warnings:
                messages.warning(request, message, fail_silently=True)
        return response
