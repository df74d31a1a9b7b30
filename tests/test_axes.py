"""Failed admin logins are throttled per user name and address, and lockouts are logged."""

import logging

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.urls import reverse

PASSWORD = "a long and proper password 9"


@pytest.fixture
def editor(db, settings):
    # A fast hasher: these tests make dozens of login attempts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return get_user_model().objects.create_user(
        "editor", "editor@example.com", PASSWORD, is_staff=True
    )


def attempt(client, username, password, ip="10.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=ip,
    )


def test_fifth_failure_locks_out_the_name_from_that_address(client, editor, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert attempt(client, "editor", "wrong").status_code == 200  # the form again
    lockout = attempt(client, "editor", "wrong")
    assert lockout.status_code == 429
    page = lockout.content.decode()
    assert "Too many failed logins" in page and "failed 5 times" in page
    assert "0:30:00" in page
    # Locked out: even the right password is refused from that address.
    assert attempt(client, "editor", PASSWORD).status_code == 429
    assert AccessAttempt.objects.get(username="editor").failures_since_start >= 5


def test_lockout_is_per_name_and_address(client, editor):
    for _ in range(5):
        attempt(client, "editor", "wrong", ip="10.0.0.1")
    # The same person from another address, and another name from the same address, go on.
    assert attempt(client, "editor", PASSWORD, ip="10.0.0.2").status_code == 302
    assert attempt(client, "someone-else", "wrong", ip="10.0.0.1").status_code == 200


def test_forged_forwarded_for_does_not_escape_the_lockout(client, editor):
    for n in range(5):
        client.post(
            reverse("admin:login"),
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert response.status_code == 429


def test_successful_login_resets_the_count(client, editor):
    for _ in range(4):
        attempt(client, "editor", "wrong")
    assert attempt(client, "editor", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "editor", "wrong").status_code == 200


def test_lockout_is_logged_without_the_password(client, editor, caplog):
    caplog.set_level(logging.INFO, logger="mfa")
    for _ in range(5):
        attempt(client, "editor", "hunter2-secret")
    lockouts = [r for r in caplog.records if getattr(r, "event", None) == "lockout"]
    assert len(lockouts) == 1
    assert lockouts[0].user == "editor" and lockouts[0].ip == "10.0.0.1"
    assert lockouts[0].levelno == logging.WARNING
    assert "hunter2-secret" not in caplog.text


def test_client_login_in_tests_still_works(client, editor):
    # No request reaches authenticate() here: the axes backend steps aside.
    assert client.login(username="editor", password=PASSWORD)
    assert not client.login(username="editor", password="wrong")
