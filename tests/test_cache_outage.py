"""A Redis outage breaks nothing: pages render, saves succeed, /healthz says so.

Two kinds of outage, both real sockets (no mocks): a port where nothing listens (the
connection is refused) and a listener that accepts connections and never answers (every
read times out).
"""

import logging
import socket
import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from partners.models import Institution
from tests.factories import image_upload, make_institution, make_press_release
from tests.news.test_media_admin import form_data

pytestmark = pytest.mark.django_db
TIMEOUT = 0.25


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends: connections refused


@pytest.fixture
def silent_listener():
    """A TCP port that accepts connections (the kernel's backlog) and never replies."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    yield sock.getsockname()[1]
    sock.close()


@pytest.fixture(params=["refused", "silent"])
def redis_down(request, settings):
    port = (
        closed_port() if request.param == "refused" else request.getfixturevalue("silent_listener")
    )
    settings.CACHES = {
        "default": {
            "BACKEND": "mfa_site.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": TIMEOUT, "socket_timeout": TIMEOUT},
        }
    }
    return request.param


def test_settings_use_the_resilient_backend_with_short_timeouts(tmp_path):
    from tests.production import production_env, settings_in

    env = production_env(tmp_path, CACHE_URL="redis://127.0.0.1:6379/0")
    default = settings_in(env, "CACHES")["CACHES"]["default"]
    assert default["BACKEND"] == "mfa_site.cache.ResilientRedisCache"
    assert default["OPTIONS"]["socket_timeout"] <= 0.25
    assert default["OPTIONS"]["socket_connect_timeout"] <= 0.25


def test_every_cache_operation_degrades_quickly(redis_down):
    cache._cache  # noqa: B018 - build the client (imports redis) before the clock starts
    started = time.perf_counter()
    assert cache.get("missing", "default") == "default"
    first = time.perf_counter() - started
    assert first < TIMEOUT + 0.5
    cache.set("key", "value")
    assert cache.add("key", "value") is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.delete("key") is False
    assert cache.has_key("key") is False
    assert cache.get_or_set("computed", lambda: 42) == 42
    cache.delete_many(["a", "b"])
    assert cache.touch("key") is False
    with pytest.raises(ValueError):
        cache.incr("counter")
    # After the first failure the cache is skipped: the rest cost no waiting at all.
    assert time.perf_counter() - started < first + 0.2


def test_the_outage_is_logged_once(redis_down, caplog):
    caplog.set_level(logging.WARNING, logger="mfa.cache")
    for _ in range(5):
        cache.get("a")
        cache.set("b", 1)
    records = [r for r in caplog.records if r.name == "mfa.cache"]
    assert len(records) == 1
    assert records[0].event == "cache_unavailable"


def test_healthz_reports_the_cache_down_quickly(client, redis_down):
    started = time.perf_counter()
    response = client.get(reverse("healthz"))
    assert time.perf_counter() - started < 2
    assert response.status_code == 503
    data = response.json()
    assert data["checks"]["cache"]["ok"] is False
    assert data["checks"]["database"]["ok"] is True
    assert data["checks"]["storage"]["ok"] is True


def test_press_release_with_an_image_renders(client, redis_down):
    press_release = make_press_release(
        "Outage", image=image_upload(size=(1200, 800)), image_alt="A photo"
    )
    response = client.get(press_release.get_absolute_url())
    assert response.status_code == 200
    assert 'alt="A photo"' in response.content.decode()
    assert client.get(reverse("news:list")).status_code == 200
    assert client.get(reverse("home")).status_code == 200


def test_saving_an_institution_in_the_admin_succeeds(admin_client, redis_down):
    institution = make_institution("University of Outages")
    url = reverse("admin:partners_institution_change", args=[institution.pk])
    page = admin_client.get(url)
    data = form_data(page)
    # One field per language (modeltranslation): short_name_kk, short_name_ru, short_name_en.
    fields = page.context["adminform"].form.fields
    data.update(dict.fromkeys([name for name in fields if name.startswith("short_name")], "UoO"))
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Institution.objects.get(pk=institution.pk).short_name == "UoO"
    assert admin_client.get(reverse("admin:partners_institution_add")).status_code == 200


def test_saves_and_renders_do_not_fail_with_django_s_plain_redis_cache(settings):
    """The failure the backend fixes: Django's RedisCache raises on a refused port."""
    import redis

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": TIMEOUT},
        }
    }
    with pytest.raises(redis.exceptions.ConnectionError):
        make_institution("Raises with the plain backend")


def test_every_public_page_is_served_while_redis_is_down(client, redis_down):
    from tests.factories import make_representative_site
    from tests.test_csp_browser import public_page_paths

    make_representative_site()
    paths = public_page_paths()
    assert len(paths) >= 10
    served = 0
    for path in paths:
        status = client.get(path).status_code
        if path.startswith(reverse("healthz")):
            assert status == 503
            continue
        # No server error anywhere (a pattern that is not a concrete path may be a 404).
        assert status < 500, path
        served += status < 400
    assert served >= 10
