"""Run the site the way production does (gunicorn, DJANGO_DEBUG=0) in a subprocess.

pytest-django forces DEBUG off and keeps the settings it was started with, so tests of
the production configuration start a real server with a production environment.
"""

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(tmp_path, **overrides):
    """A production environment: debug off, a fresh key, files under `tmp_path`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL", "GUNICORN_"))
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_VAR_DIR=str(tmp_path / "var"),
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(env, *args, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=check,
        timeout=300,
    )


def collectstatic(static_root):
    """Collect (hash and compress) the static files once into `static_root`."""
    if not (static_root / "staticfiles.json").exists():
        env = production_env(static_root.parent, DJANGO_STATIC_ROOT=static_root)
        manage(env, "collectstatic", "--noinput", "-v0")
    return static_root


def get(url, headers=None, timeout=30):
    """GET `url`; return (status, headers, body) for any status.

    The first request to each worker waits for it to load the application (about 4-8 s
    on this shared 2-CPU machine under load), hence the generous timeout."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


@contextlib.contextmanager
def gunicorn(env, workers=2, log_path=None):
    """Start gunicorn with the repository's config; yield its base URL; stop it.

    Its output (access log, application logs) goes to `log_path`, or is discarded.
    """
    port = free_port()
    env = {
        "GUNICORN_GRACEFUL_TIMEOUT": "2",
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
    }
    log = open(log_path or os.devnull, "w")  # noqa: SIM115 - closed when the server stops
    process = subprocess.Popen(
        [str(GUNICORN), "-c", "mfa_site/gunicorn.py", "mfa_site.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start in 30 s") from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


SETTINGS_AS_JSON = """
import json, os
from django.conf import settings
names = os.environ["SETTINGS_TO_PRINT"].split(",")
print(json.dumps({name: getattr(settings, name) for name in names}, default=str))
"""


def settings_in(env, *names):
    """The named settings as a fresh process with `env` sees them."""
    result = manage({**env, "SETTINGS_TO_PRINT": ",".join(names)}, "shell", "-c", SETTINGS_AS_JSON)
    return json.loads(result.stdout.strip().splitlines()[-1])
