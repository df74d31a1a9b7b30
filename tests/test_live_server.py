"""The browser tests' live server on the embedded database answers concurrent requests."""

import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.factories import make_press_release

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_requests_all_answer(live_server):
    """On an in-memory SQLite database the server's threads share one connection, so the
    application takes requests in turn; on PostgreSQL each thread has its own."""
    for number in range(5):
        make_press_release(f"Press release {number}")
    app = live_server.thread.httpd.get_app()
    assert (getattr(app, "__name__", None) == "one_at_a_time") == (connection.vendor == "sqlite")

    def fetch(_):
        with urllib.request.urlopen(f"{live_server.url}/en/news/", timeout=30) as response:
            return response.status, b"Press release 4" in response.read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(fetch, range(40))) == {(200, True)}
