"""Production security settings and the headers every page sends."""

import json
import re

import pytest
from django.urls import reverse

from tests.factories import make_representative_site
from tests.production import get, gunicorn, manage, production_env, settings_in
from tests.public_urls import public_patterns

REQUIRED_CSP = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
}


def parse_csp(header):
    return {
        part.split()[0]: " ".join(part.split()[1:]) for part in header.split(";") if part.strip()
    }


def test_check_deploy_passes_with_production_environment(tmp_path):
    result = manage(
        production_env(tmp_path, DJANGO_SECURE_SSL_REDIRECT="1"),
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


SETTINGS_DUMP = """
import json
from django.conf import settings
print(json.dumps({name: getattr(settings, name) for name in [
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_AGE", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_SAMESITE", "X_FRAME_OPTIONS",
    "SECURE_REFERRER_POLICY", "SECURE_CROSS_ORIGIN_OPENER_POLICY", "ADMIN_URL",
    "AXES_FAILURE_LIMIT", "DATABASES", "SESSION_ENGINE"]}
    | {"staticfiles": settings.STORAGES["staticfiles"]["BACKEND"],
       "cooloff_minutes": settings.AXES_COOLOFF_TIME.total_seconds() / 60}))
"""


def production_settings(tmp_path, **env):
    result = manage(production_env(tmp_path, **env), "shell", "-c", SETTINGS_DUMP)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_are_strict(tmp_path):
    values = production_settings(tmp_path, DJANGO_SECURE_SSL_REDIRECT="1")
    assert values["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["SESSION_COOKIE_AGE"] <= 8 * 3600
    # Sessions stay in the database, so a staff session can be revoked.
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert values["staticfiles"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["AXES_FAILURE_LIMIT"] == 5
    assert values["cooloff_minutes"] == 30


def test_environment_configures_hsts_admin_url_axes_and_statement_timeout(tmp_path):
    values = production_settings(
        tmp_path,
        DJANGO_HSTS_SECONDS="600",
        DJANGO_HSTS_INCLUDE_SUBDOMAINS="0",
        DJANGO_ADMIN_URL="/office-7f3a/",
        DJANGO_AXES_FAILURE_LIMIT="3",
        DJANGO_AXES_COOLOFF_MINUTES="5",
        DJANGO_SESSION_COOKIE_AGE=str(24 * 3600),
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/whatever",
        DJANGO_DB_STATEMENT_TIMEOUT_MS="1234",
    )
    assert values["SECURE_HSTS_SECONDS"] == 600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["ADMIN_URL"] == "office-7f3a/"
    assert values["AXES_FAILURE_LIMIT"] == 3
    assert values["cooloff_minutes"] == 5
    assert values["SESSION_COOKIE_AGE"] == 8 * 3600  # capped: never more than 8 hours
    options = values["DATABASES"]["default"]["OPTIONS"]
    assert options["options"] == "-c statement_timeout=1234"


def assert_security_headers(headers):
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = parse_csp(headers["Content-Security-Policy"])
    for directive, value in REQUIRED_CSP.items():
        assert csp[directive] == value
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["script-src"].split()[0] == "'self'"
    return csp


@pytest.mark.django_db
def test_every_public_page_sends_security_headers_and_csp(client):
    make_representative_site()
    checked = 0
    for pattern in public_patterns():
        if pattern.kwargs:
            continue
        response = client.get(pattern.build())
        assert response.status_code < 500, pattern
        assert_security_headers(response.headers)
        checked += 1
    assert checked >= 5


@pytest.mark.django_db
def test_admin_scripts_carry_the_nonce_of_the_policy(admin_client):
    response = admin_client.get(reverse("admin:news_pressrelease_add"))
    assert response.status_code == 200
    csp = assert_security_headers(response.headers)
    nonce = re.search(r"'nonce-([^']+)'", csp["script-src"]).group(1)
    html = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the admin page has scripts"
    assert all(f'nonce="{nonce}"' in tag for tag in scripts), scripts
    # django-prose-editor's import map is an inline script: it must carry the nonce too.
    assert re.search(rf'<script type="importmap" nonce="{nonce}">', html)


def test_admin_url_is_configurable(settings):
    assert reverse("admin:index") == "/" + settings.ADMIN_URL


def test_gunicorn_in_production_sends_hsts_and_secure_cookies(tmp_path, collected_static):
    env = production_env(tmp_path, DJANGO_STATIC_ROOT=collected_static)
    with gunicorn(env, workers=1) as base:
        status, headers, body = get(base + "/admin/login/", headers={"X-Forwarded-Proto": "https"})
        static_status, static_headers, _ = get(
            base + "/static/mfa_site/site.css", headers={"X-Forwarded-Proto": "https"}
        )
    assert status == 200, body
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert_security_headers(headers)
    cookie = headers["Set-Cookie"]
    assert "csrftoken=" in cookie and "Secure" in cookie and "SameSite=Lax" in cookie
    # Static files are served by WhiteNoise under hashed names.
    assert re.search(r"/static/admin/css/base\.[0-9a-f]{12}\.css", body)
    assert static_status == 200
    assert "text/css" in static_headers["Content-Type"]


def test_csp_is_enforced_in_development_too(tmp_path):
    env = production_env(tmp_path, DJANGO_DEBUG="1")
    values = settings_in(env, "DEBUG", "MIDDLEWARE", "SECURE_CSP", "TEMPLATES")
    assert values["DEBUG"] is True
    assert "mfa_site.csp.ContentSecurityPolicyMiddleware" in values["MIDDLEWARE"]
    assert "frame-ancestors" in values["SECURE_CSP"]
    processors = values["TEMPLATES"][0]["OPTIONS"]["context_processors"]
    assert "django.template.context_processors.csp" in processors


@pytest.mark.django_db
def test_the_kept_policy_is_the_one_django_builds_with_each_request_s_nonce(client, settings):
    """The CSP middleware builds the policy once per configuration: every response still
    gets exactly Django's header, its own nonce where the page used one, none where it did
    not, and a configuration replaced while the process runs."""
    from django.utils.csp import CSP, build_policy

    def nonce_of(response):
        return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)

    first, second = client.get(reverse("news:list")), client.get(reverse("news:list"))
    assert nonce_of(first) != nonce_of(second)
    for response in (first, second):
        assert f'nonce="{nonce_of(response)}"' in response.content.decode()
        expected = build_policy(settings.SECURE_CSP, nonce_of(response))
        assert response["Content-Security-Policy"] == expected
    unused = client.get("/robots.txt")  # no template asked for the nonce
    assert unused["Content-Security-Policy"] == build_policy(settings.SECURE_CSP)
    settings.SECURE_CSP = {**settings.SECURE_CSP, "img-src": [CSP.SELF, "https://cdn.example"]}
    changed = client.get(reverse("news:list"))
    assert "img-src 'self' https://cdn.example" in changed["Content-Security-Policy"]
    assert changed["Content-Security-Policy"] == build_policy(
        settings.SECURE_CSP, nonce_of(changed)
    )
