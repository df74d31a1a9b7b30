"""Settings refuse an insecure production start; production values pass `check --deploy`.

Settings are read once per process, so each case runs manage.py in a fresh subprocess
with a controlled environment.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "example.org",
}
# Variables a developer's shell might carry into the subprocess and change its outcome.
CONTROLLED = [
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
    "TIME_ZONE",
    "DJANGO_HSTS_PRELOAD",
    "DJANGO_HSTS_SECONDS",
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS",
    "DJANGO_SECURE_SSL_REDIRECT",
    "DJANGO_MFA_REQUIRED",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by conftest for Playwright; check --deploy rejects it
]


def manage(*args, tmp_path, **env):
    base = {key: value for key, value in os.environ.items() if key not in CONTROLLED}
    base["DJANGO_VAR_DIR"] = str(tmp_path)  # never touch the developer's var/
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("command", [["check"], ["migrate", "--plan"], ["load_demo"]])
def test_debug_off_without_secret_key_stops_naming_the_variable(command, tmp_path):
    result = manage(*command, tmp_path=tmp_path, DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_defaults_to_off(tmp_path):
    """Without DJANGO_DEBUG at all the site is in production mode, so the key is required."""
    result = manage("check", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_empty_secret_key_is_as_bad_as_none(tmp_path):
    result = manage("check", tmp_path=tmp_path, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_check_deploy_is_clean_with_production_values(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_a_weak_secret_key(tmp_path):
    weak = {**PRODUCTION, "DJANGO_SECRET_KEY": "short"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, **weak)
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_debug_on_runs_without_a_secret_key(tmp_path):
    result = manage("check", tmp_path=tmp_path, DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr


def print_setting(name, tmp_path, **env):
    code = f"from django.conf import settings; print(settings.{name})"
    return manage("shell", "-c", code, tmp_path=tmp_path, DJANGO_DEBUG="1", **env).stdout


def test_time_zone_defaults_to_almaty(tmp_path):
    assert print_setting("TIME_ZONE", tmp_path).split()[-1] == "Asia/Almaty"


def test_time_zone_comes_from_the_environment(tmp_path):
    assert print_setting("TIME_ZONE", tmp_path, TIME_ZONE="UTC").split()[-1] == "UTC"


@pytest.mark.parametrize("value", ["0", "false", "off"])
def test_mfa_cannot_be_turned_off_in_production(value, tmp_path):
    result = manage("check", tmp_path=tmp_path, **PRODUCTION, DJANGO_MFA_REQUIRED=value)
    assert result.returncode != 0
    assert "DJANGO_MFA_REQUIRED" in result.stderr and "DJANGO_DEBUG" in result.stderr
    assert "Traceback" not in result.stderr


def test_mfa_is_on_by_default_and_may_be_off_only_while_debugging(tmp_path):
    script = "from django.conf import settings; print(settings.MFA_REQUIRED)"

    def mfa_required(**env):
        result = manage("shell", "-c", script, tmp_path=tmp_path, **env)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1]

    assert mfa_required(**PRODUCTION) == "True"
    assert mfa_required(DJANGO_DEBUG="1") == "True"
    assert mfa_required(DJANGO_DEBUG="1", DJANGO_MFA_REQUIRED="0") == "False"
