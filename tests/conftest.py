import os
import shutil

import pytest

# Playwright runs an event loop in the test thread; the ORM calls made there are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """Drive Debian's Chromium: Playwright cannot download its own browser here."""
    return {"executable_path": shutil.which("chromium"), "args": CHROMIUM_ARGS}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads made by a test go to a temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Static files collected once with production storage (hashed, compressed)."""
    from tests.production import collectstatic

    return collectstatic(tmp_path_factory.mktemp("production") / "static")
