"""Production serving: the gunicorn config file and WhiteNoise's hashed, compressed files."""

import json
import os
import runpy

from tests.production import ROOT

CONFIG = ROOT / "mfa_site" / "gunicorn.py"


def load_config(monkeypatch, **env):
    for key in [k for k in os.environ if k.startswith(("GUNICORN_", "PORT"))]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return runpy.run_path(str(CONFIG))


def test_gunicorn_config_defaults_are_safe(monkeypatch):
    config = load_config(monkeypatch)
    assert config["bind"] == "127.0.0.1:8000"  # loopback unless told otherwise
    assert config["workers"] >= 3
    assert config["worker_class"] == "sync"
    assert config["timeout"] == 30
    assert config["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert config["max_requests"] > 0
    assert config["limit_request_line"] == 8190
    assert config["accesslog"] == "-" and config["errorlog"] == "-"


def test_gunicorn_config_comes_from_the_environment(monkeypatch):
    config = load_config(
        monkeypatch,
        GUNICORN_BIND="0.0.0.0:9000",
        GUNICORN_WORKERS="7",
        GUNICORN_THREADS="4",
        GUNICORN_TIMEOUT="20",
        GUNICORN_FORWARDED_ALLOW_IPS="10.0.0.5,10.0.0.6",
        GUNICORN_ACCESS_LOG="",
    )
    assert config["bind"] == "0.0.0.0:9000"
    assert config["workers"] == 7
    assert config["threads"] == 4 and config["worker_class"] == "gthread"
    assert config["timeout"] == 20
    assert config["forwarded_allow_ips"] == "10.0.0.5,10.0.0.6"
    assert config["accesslog"] is None


def test_collectstatic_hashes_and_compresses(collected_static):
    manifest = json.loads((collected_static / "staticfiles.json").read_text())["paths"]
    hashed = manifest["mfa_site/site.css"]
    assert hashed != "mfa_site/site.css" and hashed.startswith("mfa_site/site.")
    assert (collected_static / hashed).exists()
    assert (collected_static / f"{hashed}.gz").exists()
    assert "django_prose_editor/editor.js" in manifest


SEEDED_SLUGS = [
    "load-test-press-release-1",
    "embassy-in-belgium",
    "university-of-antwerp",
    "double-degree-mba",
    "higher-education",
]


def test_production_server_serves_every_public_page(tmp_path, collected_static):
    """DJANGO_DEBUG=0 under gunicorn: manifest static names, templates, hosts all work."""
    from tests.production import get, gunicorn, manage, production_env
    from tests.public_urls import public_patterns

    env = production_env(tmp_path, DJANGO_STATIC_ROOT=collected_static)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "loadtest", "--seed")
    results = {}
    with gunicorn(env, workers=2) as base:
        long_query = get(base + "/en/news/?q=" + "a" * 7000)[0]
        for pattern in public_patterns():
            if not pattern.kwargs:
                results[pattern.build()] = get(base + pattern.build())[0]
                continue
            for slug in SEEDED_SLUGS:
                path = pattern.build(**dict.fromkeys(pattern.kwargs, slug))
                results[path] = get(base + path)[0]
    assert {path: status for path, status in results.items() if status >= 500} == {}
    assert results["/en/"] == 200 and results["/en/news/"] == 200
    assert long_query == 200  # a 7,000-character query is a normal page, not a 400
    assert results["/en/news/load-test-press-release-1/"] == 200
    assert results["/en/embassies/embassy-in-belgium/"] == 200
