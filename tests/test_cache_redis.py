"""CACHE_URL switches to Redis, shared by every app server (a real Redis, not a mock).

.ci/run starts Redis on 127.0.0.1:6379; these tests use database 8 (`TEST_REDIS_URL` picks
another, so parallel runs on one machine can keep apart) and fail with a message saying how
to start it when it is missing. They delete only their own keys, never the whole database.
"""

import os
import socket
import subprocess
import sys
import uuid

import pytest
from django.core.cache import cache, caches
from django.urls import reverse

from tests.production import ROOT, production_env, settings_in

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/8")


@pytest.fixture
def redis_cache(settings):
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.fail(
            "Redis is not running on 127.0.0.1:6379. Start it with "
            "`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ''` "
            "(.ci/run and `make test` do this where redis-server is installed)."
        )
    settings.CACHES = {
        "default": {
            "BACKEND": "mfa_site.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
        }
    }
    yield cache
    # Not cache.clear(): that is FLUSHDB, which would empty the keys of a parallel run.
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{settings.CACHES['default']['KEY_PREFIX']}:*"))
    if keys:
        client.delete(*keys)


def test_cache_url_selects_the_redis_cache(tmp_path):
    caches = settings_in(production_env(tmp_path, CACHE_URL=REDIS_URL), "CACHES")["CACHES"]
    # Django's RedisCache, subclassed to survive outages (tests/test_cache_outage.py)
    assert caches["default"]["BACKEND"] == "mfa_site.cache.ResilientRedisCache"
    assert caches["default"]["LOCATION"] == REDIS_URL


def test_without_cache_url_the_cache_is_local_memory(tmp_path):
    caches = settings_in(production_env(tmp_path), "CACHES")["CACHES"]
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_redis_cache_stores_and_expires(redis_cache):
    redis_cache.set("greeting", {"text": "Сәлем"}, timeout=60)
    assert redis_cache.get("greeting") == {"text": "Сәлем"}
    assert redis_cache.add("hits", 1)
    assert redis_cache.incr("hits") == 2
    redis_cache.set("gone", 1, timeout=0)
    assert redis_cache.get("gone") is None
    redis_cache.delete("greeting")
    assert redis_cache.get("greeting") is None


def test_another_app_server_sees_what_this_one_cached(redis_cache, settings, tmp_path):
    """Two processes, one Redis: nothing is kept in an app server."""
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    redis_cache.set("written-here", "by the test process")
    env = production_env(tmp_path, CACHE_URL=REDIS_URL, CACHE_KEY_PREFIX=prefix)
    script = (
        "import django; django.setup(); from django.core.cache import cache; "
        "print(cache.get('written-here')); cache.set('written-there', 'by another process')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "mfa_site.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "by the test process"
    assert redis_cache.get("written-there") == "by another process"


@pytest.mark.django_db
def test_healthz_checks_the_redis_cache(client, redis_cache):
    data = client.get(reverse("healthz")).json()
    assert data["checks"]["cache"]["ok"] is True


@pytest.mark.django_db
def test_a_page_hit_reads_redis_once_and_a_purge_still_misses(
    client, redis_cache, monkeypatch, network_sends
):
    """A hit of a page this app server has seen reads only its tags' purge times (one MGET
    of a few bytes, then none while they stay the same) and serves its own copy, and a
    purge between two reads is still seen: the next read is a miss with the new text, here
    and in another app server."""
    from mfa_site import page_cache
    from tests.factories import make_press_release

    press_release = make_press_release("Ambassador visits Antwerp")
    url = reverse("news:list")
    client.get(url, HTTP_ACCEPT_LANGUAGE="en")  # stored
    reads = []
    backend = caches["default"]  # the Redis backend itself, not the proxy
    for name in ("get", "get_many", "get_many_kept"):
        original = getattr(backend, name)
        monkeypatch.setattr(
            backend,
            name,
            lambda *args, _original=original, _name=name, **kwargs: (
                reads.append(_name) or _original(*args, **kwargs)
            ),
        )
    hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit"
    assert reads == ["get_many_kept"]
    network_sends.clear()
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert network_sends == []  # the purge times are kept here until Redis says they changed
    press_release.title_en = "Ambassador meets the rector"
    press_release.save()  # purges the list's tags in Redis
    again = client.get(url)  # this server's copy is stale: dropped, the page rendered again
    assert "X-Page-Cache" not in again
    assert "Ambassador meets the rector" in again.content.decode()
    page_cache._local_entries.clear()  # another app server, with no copy of its own
    elsewhere = client.get(url)
    assert elsewhere["X-Page-Cache"] == "hit"
    assert "Ambassador meets the rector" in elsewhere.content.decode()


def test_one_redis_client_serves_every_call(redis_cache):
    """Django builds a redis.Redis per call (about 0.5 ms of CPU with redis-py 8); the
    backend keeps one per connection pool, and it works across calls."""
    backend = caches["default"]
    assert backend._cache.get_client() is backend._cache.get_client(write=True)
    backend.set("first", 1)
    backend.set("second", 2)
    assert backend.get_many(["first", "second"]) == {"first": 1, "second": 2}


@pytest.fixture
def network_sends(monkeypatch):
    """The commands this process sends to Redis over the network (client-side caching
    answers the others in the process)."""
    from redis.connection import AbstractConnection

    sent = []
    original = AbstractConnection.send_packed_command

    def send(self, command, check_health=True):
        sent.append(command)
        return original(self, command, check_health)

    monkeypatch.setattr(AbstractConnection, "send_packed_command", send)
    return sent


def another_app_server(settings, **params):
    """A second backend on the same Redis and prefix: another app server's cache."""
    from mfa_site.cache import ResilientRedisCache

    return ResilientRedisCache(
        REDIS_URL, {"KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"], **params}
    )


def test_a_repeated_read_is_answered_in_the_app_server(redis_cache, network_sends):
    redis_cache.set("count", {"kk": 12})
    assert redis_cache.get_many(["count", "missing"]) == {"count": {"kk": 12}}
    network_sends.clear()
    for _ in range(3):
        assert redis_cache.get_many(["count", "missing"]) == {"count": {"kk": 12}}
        assert redis_cache.get("count") == {"kk": 12}
    assert len(network_sends) == 1  # the first get() of the key alone; never again


def test_a_change_anywhere_reaches_every_app_server_before_the_writer_goes_on(
    redis_cache, settings
):
    """Redis pushes each change of a key to the app servers that keep it; a writer that
    waits for the invalidations is never followed by a stale read, here checked on many
    changes in a row (without the wait, about 1 read in 10,000 was stale here)."""
    other = another_app_server(settings)
    for number in range(300):
        other.set("stamp", number)
        other.wait_for_invalidations()
        assert redis_cache.get("stamp") == number
        assert redis_cache.get("stamp") == number  # kept, and still right


def test_client_tracking_can_be_turned_off(redis_cache, settings, network_sends):
    untracked = another_app_server(settings, CLIENT_TRACKING=False)
    untracked.set("count", 1)
    network_sends.clear()
    assert untracked.get("count") == 1
    assert untracked.get("count") == 1
    assert len(network_sends) == 2


def test_a_lost_connection_forgets_what_it_kept(redis_cache, settings):
    """While disconnected an app server hears of no change: what it kept is dropped, and
    the next read goes to Redis."""
    redis_cache.set("stamp", 1)
    assert redis_cache.get("stamp") == 1
    pool = caches["default"]._cache.get_client().connection_pool
    pool.disconnect()
    another_app_server(settings, CLIENT_TRACKING=False).set("stamp", 2)
    assert redis_cache.get("stamp") == 2


def test_reading_no_keys_leaves_the_next_reads_working(redis_cache):
    """redis-py's client-side cache keeps a read that Redis refused (an MGET of no keys)
    as "in progress", and answered the same read later by waiting for a reply that never
    came: a socket timeout, and the cache off for seconds."""
    backend = caches["default"]
    for _ in range(3):
        assert backend.get_many([]) == {}
    backend.set("stamp", 2)
    assert backend.get("stamp") == 2


@pytest.mark.django_db
def test_derived_data_is_one_read_and_follows_its_purges(redis_cache, monkeypatch):
    """A kept value and its tags' purge times come in one read when the tags are known
    beforehand, two when they depend on the value; a purge of any tag recomputes it."""
    from mfa_site import page_cache

    backend = caches["default"]
    reads = []
    original = backend.get_many_kept
    monkeypatch.setattr(
        backend, "get_many_kept", lambda keys, *a, **k: reads.append(list(keys)) or original(keys)
    )
    computed = []

    def count():
        computed.append(1)
        return len(computed)

    assert page_cache.cached_value("count", ["news", "directory"], count) == 1
    reads.clear()
    assert page_cache.cached_value("count", ["news", "directory"], count) == 1
    assert len(reads) == 1
    assert reads[0][0] == "derived:count"
    page_cache.purge("directory")
    assert page_cache.cached_value("count", ["news", "directory"], count) == 2

    assert page_cache.cached_value("links", lambda value: [f"pr:{value}"], lambda: 7) == 7
    reads.clear()
    assert page_cache.cached_value("links", lambda value: [f"pr:{value}"], lambda: 8) == 7
    # The purge time of pr:7, known from the value only, comes in the same read: this
    # process saw the entry's tags when it stored it.
    assert len(reads) == 1 and "page-tag:pr:7" in reads[0]
    page_cache.purge("pr:7")
    assert page_cache.cached_value("links", lambda value: [f"pr:{value}"], lambda: 8) == 8

    # Another app server (nothing seen here) reads the entry, then its tags: two reads,
    # and the purge of a tag it learnt from the value still reaches it.
    page_cache._tags_seen.clear()
    reads.clear()
    assert page_cache.cached_value("links", lambda value: [f"pr:{value}"], lambda: 9) == 8
    assert len(reads) == 2 and "page-tag:pr:8" in reads[1]
    page_cache.purge("pr:8")
    page_cache._tags_seen.clear()
    assert page_cache.cached_value("links", lambda value: [f"pr:{value}"], lambda: 9) == 9


def test_what_every_request_reads_follows_every_change_at_once(redis_cache, settings):
    """`get_many_kept` (a page's tags' purge times, derived data) is answered in the app
    server after the first read, and a change made anywhere, a value stored where there
    was none or deleted, is seen by the next read once the writer has waited for the
    invalidations: here on many changes in a row."""
    other = another_app_server(settings)
    for number in range(300):
        other.set("stamp", number)
        other.wait_for_invalidations()
        assert redis_cache.get_many_kept(["stamp", "absent"]) == {"stamp": number}
        assert redis_cache.get_many_kept(["stamp"]) == {"stamp": number}  # kept, still right
    other.delete("stamp")
    other.wait_for_invalidations()
    assert redis_cache.get_many_kept(["stamp", "absent"]) == {}
    other.set("absent", "now here")  # read as missing, tracked all the same
    other.wait_for_invalidations()
    assert redis_cache.get_many_kept(["absent"]) == {"absent": "now here"}


def test_what_every_request_reads_costs_no_round_trip_once_kept(redis_cache, network_sends):
    redis_cache.set_many({"news": 1.5, "site": 2.5})
    assert redis_cache.get_many_kept(["news", "site", "none"]) == {"news": 1.5, "site": 2.5}
    network_sends.clear()
    for _ in range(5):
        assert redis_cache.get_many_kept(["site", "news"]) == {"news": 1.5, "site": 2.5}
    assert network_sends == []
    assert len(caches["default"]._kept) == 3


def test_kept_reads_stay_right_beyond_their_bound(redis_cache):
    """The oldest kept values go out past the bound; every read is still right."""
    kept = caches["default"]._kept_reads()
    kept.max_entries = 3
    redis_cache.set_many({f"tag{number}": number for number in range(6)})
    for _ in range(2):
        wanted = [f"tag{number}" for number in range(6)]
        assert redis_cache.get_many_kept(wanted) == {f"tag{n}": n for n in range(6)}
    assert len(kept) == 3


def test_kept_reads_survive_a_connection_redis_closed(redis_cache, settings):
    """Redis closes the connection (a restart, a client kill): the change made meanwhile
    is read, with no error and no pause of the cache."""
    import redis

    redis_cache.set("stamp", 1)
    assert redis_cache.get_many_kept(["stamp"]) == {"stamp": 1}
    connection = caches["default"]._kept._connection
    connection.send_command("CLIENT", "ID")
    client_id = connection.read_response()
    redis.Redis.from_url(REDIS_URL).client_kill_filter(_id=client_id)
    another_app_server(settings, CLIENT_TRACKING=False).set("stamp", 2)
    assert redis_cache.get_many_kept(["stamp"]) == {"stamp": 2}
    assert caches["default"]._available()


def test_kept_reads_without_client_tracking_read_redis_every_time(
    redis_cache, settings, network_sends
):
    untracked = another_app_server(settings, CLIENT_TRACKING=False)
    untracked.set("stamp", 1)
    network_sends.clear()
    assert untracked.get_many_kept(["stamp"]) == {"stamp": 1}
    assert untracked.get_many_kept(["stamp"]) == {"stamp": 1}
    assert len(network_sends) == 2
