"""The browser tests' live server on the embedded database takes requests in turn."""

import urllib.request

import pytest
from django.db import connection

from tests.factories import make_press_release

pytestmark = pytest.mark.django_db(transaction=True)


def test_on_sqlite_the_application_takes_requests_in_turn(live_server):
    """On an in-memory SQLite database the server's threads share one connection, so the
    application is wrapped to run one request at a time (`tests/conftest.py`); on
    PostgreSQL each thread has its own connection and nothing is wrapped."""
    make_press_release("Press release")
    app = live_server.thread.httpd.get_app()
    assert (getattr(app, "__name__", None) == "one_at_a_time") == (connection.vendor == "sqlite")
    with urllib.request.urlopen(f"{live_server.url}/en/news/", timeout=30) as response:
        assert response.status == 200 and b"Press release" in response.read()
