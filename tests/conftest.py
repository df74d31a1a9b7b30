import os
import shutil
import threading

import pytest

# Playwright runs an event loop in the test thread; the ORM calls made there are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _OneRequestAtATimeServer:
    """The live server for an in-memory SQLite database: its threads share the test's one
    connection, and two requests at once (a page's leave beacon racing the next page, two
    polls) misuse it ("bad parameter or other API misuse"), which failed CI once.
    Connections are still accepted in parallel; the application takes them in turn."""

    def set_app(self, application):
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


@pytest.fixture(scope="session", autouse=True)
def _live_server_takes_requests_in_turn():
    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.db import connection
    from django.test.testcases import LiveServerThread

    if connection.vendor != "sqlite":
        yield  # PostgreSQL: a connection per thread
        return
    original = LiveServerThread.server_class
    LiveServerThread.server_class = type(
        "OneRequestAtATimeServer", (_OneRequestAtATimeServer, ThreadedWSGIServer), {}
    )
    yield
    LiveServerThread.server_class = original


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """Drive Debian's Chromium: Playwright cannot download its own browser here."""
    return {"executable_path": shutil.which("chromium"), "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _english_content():
    """Tests write and read in English unless they choose a language.

    With django-modeltranslation, `PressRelease(title=...)` writes the active language's
    column; factories and reverse() then agree on English (/en/...).
    """
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def client():
    """A browser that prefers English: the admin and redirects follow Accept-Language."""
    from django.test import Client

    return Client(headers={"accept-language": "en"})


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads made by a test go to a temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _migrated_data_in_transactional_tests(request):
    """Transactional tests start from a flushed database: give them the migrations' data back.

    The ISO countries, the permissions and the editorial groups are made by migrations,
    and the flush that ends every transactional test (live_server, browsers) empties them.
    """
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    from tests.factories import ensure_countries, ensure_editorial_groups

    ensure_countries()
    ensure_editorial_groups()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run transactional tests (live_server, browsers) after all the others, as Django does.

    pytest-django sorts them last, but pytest-playwright's parametrisation by browser
    reorders the items afterwards; a transactional test empties every table when it ends
    (the countries loaded by a data migration too), which would break the tests after it.
    Among them, those with `serialized_rollback` go first: one that reloads the serialized
    tables after a plain one has emptied them and re-created the content types (with other
    ids) fails on their unique names.
    """

    def order(item):
        marker = item.get_closest_marker("django_db")
        uses_transactions = bool(marker and marker.kwargs.get("transaction"))
        fixtures = getattr(item, "fixturenames", ())
        transactional = (
            uses_transactions or "live_server" in fixtures or "transactional_db" in fixtures
        )
        serialized = bool(marker and marker.kwargs.get("serialized_rollback"))
        return (transactional, transactional and not serialized)

    items.sort(key=order)


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory, worker_id):
    """Static files collected once with production storage (hashed, compressed).

    Under pytest-xdist the workers share one collection (the folder above each worker's
    own), made by whichever gets the lock first: collectstatic is the slowest set-up.
    """
    import fcntl

    from tests.production import collectstatic

    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent
    with open(shared / "collected-static.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        root = shared / "production-static"
        root.mkdir(exist_ok=True)
        return collectstatic(root / "static")


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """Pages are tested as `make install` leaves them: the catalogs compiled to .mo files.

    Recompiles a catalog whose .mo is missing or older than its .po, so `pytest` run on its
    own (or after editing a .po) never tests stale translations.
    """
    from pathlib import Path

    from django.conf import settings
    from django.core.management import call_command

    catalogs = Path(settings.BASE_DIR, "locale").rglob("*.po")
    if any(
        not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
        for po in catalogs
    ):
        call_command("compilemessages", ignore_patterns=[".venv", "var", "tests"], verbosity=0)
    from django.utils.translation import trans_real

    trans_real._translations = {}  # forget catalogs loaded before the compile


@pytest.fixture(autouse=True)
def _fresh_health_results():
    """/healthz remembers its results for a few seconds per process; each test starts afresh."""
    from mfa_site import health

    health.forget_results()
    yield
    health.forget_results()


@pytest.fixture(autouse=True)
def _mfa_off_unless_asked(settings):
    """Tests of other features sign in with force_login: no second factor for them.
    Tests of two-factor sign-in turn it on (settings.MFA_REQUIRED = True)."""
    settings.MFA_REQUIRED = False


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache: no page cached by another test is served,
    from the shared cache or from this process's own copies."""
    from django.core.cache import cache

    from mfa_site import page_cache

    cache.clear()
    page_cache._local_entries.clear()
    yield
    cache.clear()
    page_cache._local_entries.clear()
