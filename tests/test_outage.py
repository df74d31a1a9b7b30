"""Database faults: every page answers a branded 503 with Retry-After, never a traceback,
and the site recovers by itself when the database is back."""

import contextlib
import socket
import threading

import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.urls import path

from mfa_site import urls as site_urls
from mfa_site.middleware import service_unavailable
from tests.factories import make_press_release
from tests.production import get, gunicorn, production_env
from tests.public_urls import public_patterns

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"
)


def assert_branded_503(status, headers, body):
    assert status == 503
    assert int(headers["Retry-After"]) > 0
    assert "temporarily unavailable" in body
    assert "Ministry of Foreign Affairs" in body
    assert "Traceback" not in body and "OperationalError" not in body


def sample_paths():
    return [pattern.build(**dict.fromkeys(pattern.kwargs, "x")) for pattern in public_patterns()]


def test_service_unavailable_page_renders_without_the_database():
    # No django_db mark: any query (a context processor, the session, the user) would raise.
    response = service_unavailable()
    assert_branded_503(response.status_code, response.headers, response.content.decode())


def test_every_public_page_is_503_while_the_database_is_down(tmp_path, collected_static):
    env = production_env(
        tmp_path,
        DJANGO_STATIC_ROOT=collected_static,
        DATABASE_URL="postgres://postgres@127.0.0.1:1/nope",  # nothing listens on port 1
    )
    with gunicorn(env, workers=2) as base:
        # robots.txt needs no database and keeps answering; /healthz is checked below.
        # Unprefixed paths answer in the visitor's language: the checks read English.
        english = {"Accept-Language": "en"}
        results = {
            path: get(base + path, headers=english)
            for path in sample_paths()
            # The language switcher only sets a cookie and redirects, /favicon.ico redirects
            # to a static file: no database either. An unknown sitemap section (`x`) is a
            # 404 that needs no database; a real one is checked below.
            # The API's root, schema and docs page are built from code, not data; `x` is no
            # country code (two letters), so that URL is a 404 before any query.
            if path
            not in (
                "/healthz",
                "/robots.txt",
                "/favicon.ico",
                "/sitemap-x.xml",
                "/api/v1/",
                "/api/v1/schema/",
                "/api/v1/docs/",
                "/api/v1/countries/x/",
            )
            and not path.startswith("/language/")
            and not path.endswith("/news/feeds/")  # "how to follow": a template, no data
            and not path.endswith("figures.x")  # `x` is no download format: a 404 first
        }
        results["/sitemap-news.xml"] = get(base + "/sitemap-news.xml", headers=english)
        robots_status, _, _ = get(base + "/robots.txt")
        health_status, _, health_body = get(base + "/healthz")
        # A logged-in editor's session cannot be read either: still the 503, not a 500.
        staff = {"Cookie": "sessionid=0123456789abcdefghijklmnopqrstuv", **english}
        # The 503 page speaks the language of the page asked for.
        russian_status, _, russian_body = get(base + "/ru/news/")
        results["/ (with a session)"] = get(base + "/", headers=staff)
        results["admin (with a session)"] = get(base + "/admin/", headers=staff)
    assert len(results) >= 5
    for page, (status, headers, body) in results.items():
        assert status == 503, page
        assert_branded_503(status, headers, body)
        assert "Content-Security-Policy" in headers  # still sent by the outer middleware
    assert robots_status == 200
    assert russian_status == 503 and '<html lang="ru">' in russian_body
    assert health_status == 503
    assert '"database": {"ok": false, "error": "OperationalError"' in health_body
    assert "nope" not in health_body and "5432" not in health_body


# A view whose query fails in the database: a missing table on SQLite, a cancelled
# statement on PostgreSQL. Both reach Django as OperationalError.
def failing_query(request):
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL statement_timeout = 50")
            cursor.execute("SELECT pg_sleep(2)")
        else:
            cursor.execute("SELECT * FROM no_such_table_while_the_database_is_broken")
    return HttpResponse("unreachable")


def runaway_query(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(5)")
    return HttpResponse("finished")


urlpatterns = [
    path("failing/", failing_query),
    path("runaway/", runaway_query),
    *site_urls.urlpatterns,
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("debug", [False, True])
def test_database_error_in_a_view_is_503_even_with_debug(client, settings, debug):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = debug
    response = client.get("/failing/")
    assert_branded_503(response.status_code, response.headers, response.content.decode())


class FailingQueryMiddleware:
    """A middleware below ours whose query fails, as a session or auth lookup would."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        failing_query(request)
        return self.get_response(request)


@pytest.mark.django_db(transaction=True)
def test_database_error_in_an_inner_middleware_is_503(client, settings):
    index = settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[: index + 1],
        f"{__name__}.FailingQueryMiddleware",
        *settings.MIDDLEWARE[index + 1 :],
    ]
    # Django turns the error into a 500 inside (and the test client would re-raise it);
    # our middleware outside replaces that 500 with the 503.
    client.raise_request_exception = False
    response = client.get("/")
    assert_branded_503(response.status_code, response.headers, response.content.decode())


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_statement_timeout_setting_turns_a_runaway_query_into_503(client, settings):
    settings.ROOT_URLCONF = __name__
    options = connection.settings_dict.setdefault("OPTIONS", {})
    saved = options.get("options")
    options["options"] = "-c statement_timeout=200"
    connection.close()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "200ms"
        response = client.get("/runaway/")
        assert_branded_503(response.status_code, response.headers, response.content.decode())
    finally:
        if saved is None:
            options.pop("options")
        else:
            options["options"] = saved
        connection.close()


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db
def test_connections_carry_the_configured_statement_timeout(settings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        shown = cursor.fetchone()[0]
    ms = settings.DB_STATEMENT_TIMEOUT_MS
    assert shown == (f"{ms // 1000}s" if ms % 1000 == 0 else f"{ms}ms")


class TcpProxy:
    """Forward a local port to PostgreSQL; `stop()` is an outage, `start()` its end."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.port = None
        self.server = None
        self.sockets = []
        self.lock = threading.Lock()

    def start(self):
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", self.port or 0))
        self.port = self.server.getsockname()[1]
        self.server.listen(16)
        threading.Thread(target=self._accept, args=(self.server,), daemon=True).start()

    def _accept(self, server):
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, destination):
        try:
            while data := source.recv(65536):
                destination.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, destination):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def stop(self):
        # shutdown() first: on Linux, close() alone leaves a socket blocked in accept() listening.
        with contextlib.suppress(OSError):
            self.server.shutdown(socket.SHUT_RDWR)
        self.server.close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                    sock.close()
            self.sockets = []


@on_postgresql
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_outage_answers_503_and_the_site_recovers_by_itself(tmp_path, collected_static):
    make_press_release("Still here after the outage")
    db = connection.settings_dict
    proxy = TcpProxy(int(db["PORT"] or 5432))
    proxy.start()
    env = production_env(
        tmp_path,
        DJANGO_STATIC_ROOT=collected_static,
        DATABASE_URL=f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}",
        # Pages from the page cache would still answer while the database is down; this
        # test is about the database path.
        DJANGO_PAGE_CACHE="0",
        # /healthz reuses its last result for a few seconds; here each probe must be fresh.
        DJANGO_HEALTHZ_CACHE_SECONDS="0",
    )
    try:
        with gunicorn(env, workers=1) as base:
            status, _, body = get(base + "/en/news/")
            assert status == 200 and "Still here after the outage" in body

            # The server's connection is killed (failover, restart): the next request
            # notices through CONN_HEALTH_CHECKS and reconnects.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                assert cursor.fetchone()[0] >= 1
            assert get(base + "/en/news/")[0] == 200

            proxy.stop()  # the database is gone
            assert_branded_503(*get(base + "/en/news/"))
            assert_branded_503(*get(base + "/", headers={"Accept-Language": "en"}))
            assert get(base + "/healthz")[0] == 503

            proxy.start()  # the database is back, on the same address
            status, _, body = get(base + "/en/news/")
            assert status == 200 and "Still here after the outage" in body
            assert get(base + "/healthz")[0] == 200
    finally:
        proxy.stop()
