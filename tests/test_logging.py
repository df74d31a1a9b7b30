"""Structured JSON logs for errors, logins, lockouts and publish/withdraw; no secrets."""

import json
import logging

import pytest
from django.contrib.auth import get_user_model
from django.urls import path, reverse

from mfa_site import urls as site_urls
from mfa_site.audit import log_event
from tests.factories import make_press_release

PASSWORD = "a long and proper password 9"


def json_handler():
    return next(h for h in logging.getLogger().handlers if h.name == "json")


def emit(record):
    """What the configured handler writes for `record`: filter, then format."""
    handler = json_handler()
    assert handler.filter(record)
    line = handler.format(record)
    assert "\n" not in line
    return json.loads(line)


def record_of(caplog, event):
    records = [r for r in caplog.records if getattr(r, "event", None) == event]
    assert records, f"no {event!r} record in {[r.getMessage() for r in caplog.records]}"
    return records[-1]


@pytest.mark.django_db
def test_publish_and_withdraw_are_audit_events(caplog, admin_user):
    caplog.set_level(logging.INFO, logger="mfa.audit")
    press_release = make_press_release("Announcement")
    log_event("publish", admin_user, press_release)
    log_event("withdraw", admin_user, press_release, reason="Published in error.")

    publish = record_of(caplog, "publish")
    assert publish.name == "mfa.audit"
    assert publish.user == admin_user.username and publish.user_id == admin_user.pk
    assert publish.object_type == "news.pressrelease"
    assert publish.object_id == press_release.pk
    line = emit(publish)
    assert line["logger"] == "mfa.audit" and line["level"] == "INFO"
    assert line["event"] == "publish" and line["object_repr"] == "Announcement"
    assert record_of(caplog, "withdraw").reason == "Published in error."


@pytest.fixture
def editor(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)


def test_logins_and_failures_are_logged_without_passwords(client, editor, caplog):
    caplog.set_level(logging.INFO, logger="mfa.auth")
    client.post(reverse("admin:login"), {"username": "editor", "password": "hunter2-wrong"})
    client.post(reverse("admin:login"), {"username": "editor", "password": PASSWORD})

    failed = record_of(caplog, "login_failed")
    assert failed.user == "editor" and failed.ip == "127.0.0.1"
    assert failed.levelno == logging.WARNING
    login = record_of(caplog, "login")
    assert login.user == "editor" and login.user_id == editor.pk
    assert "hunter2-wrong" not in caplog.text and PASSWORD not in caplog.text
    assert emit(login)["event"] == "login"


def broken_view(request):
    raise ValueError("something broke")


urlpatterns = [path("broken/", broken_view), *site_urls.urlpatterns]


@pytest.mark.django_db
def test_server_errors_are_logged_as_json_with_the_traceback(client, settings, caplog):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    response = client.get("/broken/", {"password": "hunter2"})
    assert response.status_code == 500
    error = next(r for r in caplog.records if r.name == "django.request")
    line = emit(error)
    assert line["level"] == "ERROR"
    assert line["method"] == "GET" and line["path"] == "/broken/"
    assert "ValueError: something broke" in line["exception"]
    assert "hunter2" not in json.dumps(line)


@pytest.mark.parametrize(
    ("message", "args", "extra"),
    [
        ("login with password=%s", ("hunter2",), {}),
        ("posted %s", ({"username": "ann", "csrfmiddlewaretoken": "hunter2"},), {}),
        ("cookie sessionid=hunter2; other=1", (), {}),
        ("event", (), {"token": "hunter2", "api_key": "hunter2"}),
        ("event", (), {"data": {"Password": "hunter2", "nested": {"secret": "hunter2"}}}),
        ('payload {"password": "hunter2"}', (), {}),
        ("header Authorization: hunter2", (), {}),
    ],
)
def test_secrets_are_redacted_from_every_part_of_a_record(message, args, extra):
    record = logging.getLogger("mfa.test").makeRecord(
        "mfa.test", logging.WARNING, __file__, 1, message, args, None, extra=extra
    )
    line = json.dumps(emit(record))
    assert "hunter2" not in line
    assert "[redacted]" in line


def test_ordinary_values_are_kept():
    record = logging.getLogger("mfa.test").makeRecord(
        "mfa.test",
        logging.INFO,
        __file__,
        1,
        "published %s",
        ("Antwerp visit",),
        None,
        extra={"user": "ann", "object_id": 7},
    )
    line = emit(record)
    assert line["message"] == "published Antwerp visit"
    assert line["user"] == "ann" and line["object_id"] == 7


def test_gunicorn_writes_json_access_and_error_logs(tmp_path, collected_static):
    from tests.production import get, gunicorn, production_env

    env = production_env(
        tmp_path,
        DJANGO_STATIC_ROOT=collected_static,
        DATABASE_URL="postgres://postgres:hunter2@127.0.0.1:1/nope",
    )
    log_path = tmp_path / "gunicorn.log"
    with gunicorn(env, workers=1, log_path=log_path) as base:
        assert get(base + "/en/news/?page=2")[0] == 503
    entries = [json.loads(line) for line in log_path.read_text().splitlines() if line[:1] == "{"]
    access = next(e for e in entries if e["logger"] == "gunicorn.access")
    assert access["method"] == "GET" and access["path"] == "/en/news/"
    assert access["query"] == "page=2" and access["status"] == 503
    assert access["duration_ms"] >= 0
    outage = next(e for e in entries if e.get("event") == "database_unavailable")
    assert outage["logger"] == "mfa.availability" and outage["level"] == "ERROR"
    assert outage["path"] == "/en/news/"
    assert "hunter2" not in log_path.read_text()
