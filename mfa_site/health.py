"""`/healthz`: can this app server reach its database, cache and storage?

Answers JSON for load balancers and monitoring: 200 when every check passes, 503
otherwise. It names the failing check and the error's class, never hosts or secrets.
"""

import contextlib
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone()[0] != 1:
            raise RuntimeError("the database answered SELECT 1 wrongly")


def check_cache():
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    if hasattr(cache, "check"):
        # The resilient Redis cache hides outages from the site; the probe must see them.
        cache.check(key, value)
        return
    cache.set(key, value, timeout=30)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


def check_storage():
    """Write, find and delete a probe file; whatever happens, leave nothing behind.

    A full disk fails the write after the file was created: the empty file must go too.
    """
    name = f"healthz/probe-{uuid.uuid4().hex}.txt"
    saved = None
    try:
        saved = default_storage.save(name, ContentFile(b"ok"))
        if not default_storage.exists(saved):
            raise RuntimeError("the probe file is missing after writing")
    except Exception:
        with contextlib.suppress(Exception):
            default_storage.delete(saved or name)
        raise
    default_storage.delete(saved)


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


def run_check(check):
    started = time.perf_counter()
    try:
        check()
    except Exception as exc:  # noqa: BLE001 - any failure is a failed check, reported by class
        result = {"ok": False, "error": type(exc).__name__}
    else:
        result = {"ok": True}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


_last = {"at": None, "results": None}
_lock = threading.Lock()


def forget_results():
    """Drop the remembered results (tests; a process that changed its configuration)."""
    with _lock:
        _last.update(at=None, results=None)


def check_all():
    """The results of every check, run at most once per HEALTHZ_CACHE_SECONDS per process.

    Remembered in this process's memory, not in the shared cache: the cache is one of the
    things checked. One probe runs at a time; concurrent requests wait for its answer.
    """
    with _lock:
        now = time.monotonic()
        at = _last["at"]
        if at is not None and now - at < settings.HEALTHZ_CACHE_SECONDS:
            return _last["results"]
        results = {name: run_check(check) for name, check in CHECKS.items()}
        _last.update(at=time.monotonic(), results=results)
        return results


@never_cache
@require_safe
def healthz(request):
    results = check_all()
    healthy = all(result["ok"] for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )
