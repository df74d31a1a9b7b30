"""Findings of the outside test: host ports, static headers, login redirect, sessions."""

import datetime

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from tests.factories import make_editor

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-enough-Passw0rd"


@pytest.mark.parametrize("port", ["0", "65536", "99999", "123456789012345678901234567890"])
@pytest.mark.parametrize("path", ["/news/", "/healthz", "/sitemap.xml", "/admin/login/"])
def test_host_with_port_outside_1_65535_is_400(client, settings, port, path):
    settings.ALLOWED_HOSTS = ["localhost"]
    response = client.get(path, HTTP_HOST=f"localhost:{port}")
    assert response.status_code == 400


@pytest.mark.parametrize("port", ["1", "8000", "65535"])
def test_host_with_a_real_port_is_served(client, settings, port):
    settings.ALLOWED_HOSTS = ["localhost"]
    assert client.get("/robots.txt", HTTP_HOST=f"localhost:{port}").status_code == 200


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
@pytest.mark.parametrize("path", ["/static/mfa_site/site.css", "/static/mfa_site/emblem.svg"])
def test_static_files_carry_the_pages_security_headers(client, path):
    static = client.get(path)
    page = client.get("/robots.txt")
    assert static.status_code == 200
    assert static["Content-Security-Policy"]
    assert "script-src 'self'" in static["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in static["Content-Security-Policy"]
    assert static["X-Frame-Options"] == page["X-Frame-Options"] == "DENY"
    assert static["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", ""])
def test_sign_in_with_a_disallowed_next_lands_on_the_admin_index(client, next_url):
    make_editor("nexteditor", password=PASSWORD)
    login = reverse("admin:login")
    response = client.post(
        f"{login}?next={next_url}",
        {"username": "nexteditor", "password": PASSWORD, "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


def test_session_ends_after_30_minutes_idle(client):
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        client.force_login(make_editor("idleeditor"))
        assert client.get(reverse("admin:index")).status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=29), tick=False):
        assert client.get(reverse("admin:index")).status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=60), tick=False):
        assert client.get(reverse("admin:index")).status_code == 302  # to the login page


def test_session_ends_8_hours_after_sign_in_even_when_active(client):
    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        client.force_login(make_editor("busyeditor"))
        assert client.get(reverse("admin:index")).status_code == 200
    moment = start
    for _ in range(16):  # a request every 25 minutes for 6 h 40 min
        moment += datetime.timedelta(minutes=25)
        with time_machine.travel(moment, tick=False):
            assert client.get(reverse("admin:index")).status_code == 200
    with time_machine.travel(start + datetime.timedelta(hours=8, minutes=1), tick=False):
        # idle for less than 30 minutes, but the working day is over
        client.get(reverse("admin:index"))
    with time_machine.travel(start + datetime.timedelta(hours=8, minutes=20), tick=False):
        assert client.get(reverse("admin:index")).status_code == 302


def test_passwords_need_12_characters():
    with pytest.raises(ValidationError) as excinfo:
        validate_password("Xq7#mPz9!kL")  # 11 characters
    assert any(error.code == "password_too_short" for error in excinfo.value.error_list)
    validate_password("Xq7#mPz9!kLw")
