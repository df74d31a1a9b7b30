"""/healthz: database, cache and storage, in JSON, 200 or 503, without secrets."""

import time

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse


@pytest.mark.django_db
def test_healthz_is_200_when_everything_works(client, settings):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["status"] == "ok"
    assert {name: check["ok"] for name, check in data["checks"].items()} == {
        "database": True,
        "cache": True,
        "storage": True,
    }


@pytest.mark.django_db
def test_healthz_leaves_no_probe_file_behind(client, settings):
    client.get(reverse("healthz"))
    if default_storage.exists("healthz"):
        assert default_storage.listdir("healthz")[1] == []


@pytest.mark.django_db
def test_healthz_is_503_naming_the_broken_storage(client, settings, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocker
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    data = response.json()
    assert data["status"] == "unavailable"
    assert data["checks"]["storage"]["ok"] is False
    assert data["checks"]["database"]["ok"] is True


@pytest.mark.django_db
def test_healthz_is_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    data = response.json()
    assert data["checks"]["cache"] == {
        "ok": False,
        "error": "ConnectionError",
        **{"ms": data["checks"]["cache"]["ms"]},
    }
    body = response.content.decode()
    assert "127.0.0.1" not in body and "redis://" not in body


@pytest.mark.django_db
def test_healthz_reveals_no_settings(client, settings):
    body = client.get(reverse("healthz")).content.decode()
    assert settings.SECRET_KEY not in body
    for value in ("PASSWORD", "sqlite", "postgres", str(settings.MEDIA_ROOT)):
        assert value not in body


def test_storage_backend_and_options_come_from_the_environment(tmp_path):
    from tests.production import production_env, settings_in

    env = production_env(
        tmp_path,
        DJANGO_STORAGE_BACKEND="storages.backends.s3.S3Storage",
        DJANGO_STORAGE_OPTIONS='{"bucket_name": "mfa-media", "endpoint_url": "https://s3.example"}',
    )
    default = settings_in(env, "STORAGES")["STORAGES"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"] == {"bucket_name": "mfa-media", "endpoint_url": "https://s3.example"}


class FullDiskStorage:
    """A file system storage whose disk is full: the file is created, writing it fails."""

    saves = 0

    def __new__(cls, **kwargs):
        import errno
        import os

        from django.core.files.storage import FileSystemStorage

        class Storage(FileSystemStorage):
            def _save(self, name, content):
                FullDiskStorage.saves += 1
                path = self.path(name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                open(path, "wb").close()
                raise OSError(errno.ENOSPC, "No space left on device")

        return Storage(**kwargs)


@pytest.fixture
def full_disk(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.test_health.FullDiskStorage"},
    }
    FullDiskStorage.saves = 0
    return settings.MEDIA_ROOT


@pytest.mark.django_db
def test_failed_storage_probe_removes_the_file_it_made(client, settings, full_disk):
    settings.HEALTHZ_CACHE_SECONDS = 0
    for _ in range(3):
        response = client.get(reverse("healthz"))
        assert response.status_code == 503
        assert response.json()["checks"]["storage"]["error"] == "OSError"
    assert FullDiskStorage.saves == 3
    assert list((full_disk / "healthz").iterdir()) == []


@pytest.mark.django_db
def test_probe_results_are_reused_for_a_few_seconds(client, settings, full_disk):
    settings.HEALTHZ_CACHE_SECONDS = 0.5
    for _ in range(10):
        assert client.get(reverse("healthz")).status_code == 503
    assert FullDiskStorage.saves == 1
    time.sleep(0.6)
    client.get(reverse("healthz"))
    assert FullDiskStorage.saves == 2


def test_probe_results_are_kept_5_seconds_by_default():
    from django.conf import settings

    assert settings.HEALTHZ_CACHE_SECONDS == 5
