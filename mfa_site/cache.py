"""A Redis cache that degrades to "no cache" while Redis is unreachable.

The cache only ever speeds the site up, so a Redis that refuses connections, or accepts
them and never answers, must not turn a page or a save into a 500. Every operation of
`ResilientRedisCache` that fails with a Redis or socket error logs once per outage and
answers as an empty cache would (a miss, "not stored", "not deleted"). After a failure the
backend does not try Redis again for `BREAKER_SECONDS`, so a request makes at most one
short wait (the socket timeouts in the cache OPTIONS), not one per cache call.

`/healthz` calls `check()`, which bypasses all of that and raises, so monitoring sees the
outage.

Reads are kept in each app server by redis-py's client-side caching (RESP3 with `CLIENT
TRACKING`): Redis tells the connection about every change to a key it has read, so a
repeated read of an unchanged key (a page's tag purge times, a news card, a count) is
answered in the process with no round trip. A writer that must be seen at once by every
app server (a purge) calls `wait_for_invalidations()`.

What every request reads (a page's tags' purge times, the derived data of a page) goes
through `get_many_kept()`: the same tracking on one connection of the process's own
(`KeptReads`), without redis-py's per-command layers (its pool, retries and cache keys
cost about 0.1 ms of CPU per call, a third of a cached page's whole hit).
"""

import contextlib
import logging
import os
import threading
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.cache import CacheConfig
from redis.connection import CacheProxyConnection

logger = logging.getLogger("mfa.cache")

# Seconds without trying Redis after a failure.
BREAKER_SECONDS = 5.0


def _redis_errors():
    return (redis.exceptions.RedisError, OSError)


# Entries kept per app server by client-side caching (least recently used out). A page
# entry is 20-30 KB, so at most about 50 MB.
TRACKED_ENTRIES = 2000


class TrackingConnectionPool(redis.ConnectionPool):
    """redis-py's pool, with client-side caching allowed on Redis 6.0 and later.

    redis-py turns client-side caching on only for Redis 7.4 or later ("to maximize
    compatibility with all Redis products"); what it uses, RESP3 and `CLIENT TRACKING`
    with invalidation pushes, is in Redis since 6.0, and tests/test_cache_redis.py checks
    the invalidations against the Redis these machines run (7.0).
    """

    def make_connection(self):
        connection = super().make_connection()
        if isinstance(connection, CacheProxyConnection):
            connection.MIN_ALLOWED_VERSION = "6.0.0"
        return connection


class KeptReads:
    """Values read through one RESP3 connection with `CLIENT TRACKING ON`, kept in this
    process until Redis pushes their invalidation on that same connection.

    Redis writes a key's invalidation to every connection that read it, in the order of
    that connection's replies, so draining what the socket holds before answering from the
    kept values is enough: a change that Redis applied before this call is known (a writer
    that must be seen at once ends with a round trip, `wait_for_invalidations()`). A key
    read as missing is tracked too, so a value stored later is read again. One lock per
    process: a round trip happens under it only for keys not kept. Any error drops the
    connection and everything kept; the next call starts afresh.
    """

    def __init__(self, pool, max_entries=TRACKED_ENTRIES):
        self._pool = pool
        self._lock = threading.Lock()
        self._values = {}
        self._connection = None
        self._pid = None
        self.max_entries = max_entries

    def get_many(self, keys):
        """The raw values of `keys` (bytes), None where Redis has none, in order.

        A connection Redis closed (a restart, a timeout of idle clients) is opened again
        once, as redis-py's pool does; a Redis that does not answer is not waited for twice.
        """
        with self._lock:
            for attempt in (1, 2):
                try:
                    return self._get_many(keys)
                except redis.exceptions.ConnectionError:
                    self._reset()
                    if attempt == 2:
                        raise
                except BaseException:
                    self._reset()
                    raise

    def _get_many(self, keys):
        connection = self._connected()
        while connection.can_read(timeout=0):
            connection.read_response(push_request=True)
        values = self._values
        found = {key: values[key] for key in keys if key in values}
        missing = [key for key in dict.fromkeys(keys) if key not in found]
        if missing:
            connection.send_command("MGET", *missing)
            read = dict(zip(missing, connection.read_response(), strict=True))
            found.update(read)
            for key, value in read.items():
                if len(values) >= self.max_entries:
                    values.pop(next(iter(values)))
                values[key] = value
        return [found[key] for key in keys]

    def _connected(self):
        if self._connection is None or self._pid != os.getpid():
            self._values.clear()
            connection = self._pool.connection_class(**self._pool.connection_kwargs)
            connection.connect()
            connection._parser.set_invalidation_push_handler(self._invalidated)
            connection.send_command("CLIENT", "TRACKING", "ON")
            connection.read_response()
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    def _invalidated(self, push):
        keys = push[1]
        if keys is None:  # the database was flushed
            self._values.clear()
        else:
            for key in keys:
                self._values.pop(key, None)

    def _reset(self):
        connection, self._connection = self._connection, None
        self._values.clear()
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.disconnect()

    def __len__(self):
        return len(self._values)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client holder, keeping one `redis.Redis` per connection pool.

    Django builds a new `redis.Redis` for every cache call, and redis-py 8 fills about 170
    response callbacks in each one's constructor: about 0.5 ms of CPU per call, more than a
    cached page's whole hit. The clients are thread-safe (they share the pool's
    connections), so one per pool serves every call.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._options = dict(self._options)
        self._tracking = params.get("CLIENT_TRACKING", True)
        if self._tracking:
            self._options.setdefault("protocol", 3)
            self._options.setdefault("cache_config", CacheConfig(max_size=TRACKED_ENTRIES))
            self._options.setdefault("pool_class", TrackingConnectionPool)
        self._kept = None
        self._errors = _redis_errors()
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._outage_logged = False
        self.breaker_seconds = float(params.get("BREAKER_SECONDS", BREAKER_SECONDS))

    # The state of the circuit ------------------------------------------------------------

    def _available(self):
        return time.monotonic() >= self._down_until

    def _failed(self, operation, exc):
        with self._lock:
            self._down_until = time.monotonic() + self.breaker_seconds
            first = not self._outage_logged
            self._outage_logged = True
        if first:
            logger.error(
                "cache unavailable, working without it: %s",
                type(exc).__name__,
                extra={"event": "cache_unavailable", "operation": operation},
            )

    def _succeeded(self):
        if self._outage_logged:
            with self._lock:
                recovered, self._outage_logged = self._outage_logged, False
            if recovered:
                logger.warning("cache available again", extra={"event": "cache_recovered"})

    def _call(self, operation, fallback, *args, **kwargs):
        if not self._available():
            return fallback() if callable(fallback) else fallback
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except self._errors as exc:
            self._failed(operation, exc)
            return fallback() if callable(fallback) else fallback
        self._succeeded()
        return result

    # Django's cache API ------------------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        if not keys:
            # An MGET of nothing is an error reply, and redis-py's client-side cache keeps
            # a read that failed as "in progress": the same read later waits for a reply
            # that never comes (a socket timeout, then the cache off for seconds).
            return {}
        return self._call("get_many", dict, keys, version)

    def get_many_kept(self, keys, version=None):
        """`get_many()` for what every request reads: answered in this process while Redis
        reports no change to those keys (`KeptReads`); plain `get_many()` without tracking."""
        if not keys:
            return {}
        if not self._tracking:
            return self.get_many(keys, version)
        if not self._available():
            return {}
        made = [self.make_key(key, version=version).encode() for key in keys]
        try:
            raw = self._kept_reads().get_many(made)
        except self._errors as exc:
            self._failed("get_many_kept", exc)
            return {}
        self._succeeded()
        loads = self._cache._serializer.loads
        pairs = zip(keys, raw, strict=True)
        return {key: loads(value) for key, value in pairs if value is not None}

    def _kept_reads(self):
        if self._kept is None:
            with self._lock:
                if self._kept is None:
                    self._kept = KeptReads(self._cache._get_connection_pool(write=False))
        return self._kept

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")

        return self._call("incr", missing, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that could not be stored.
        return self._call("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)

    def get_or_set(self, key, default, timeout=DEFAULT_TIMEOUT, version=None):
        if not self._available():
            return default() if callable(default) else default
        return super().get_or_set(key, default, timeout, version)

    def wait_for_invalidations(self):
        """Return once Redis has sent every app server the invalidations of this process's
        writes so far.

        Redis queues the invalidation pushes of a write with the writer's reply and sends
        them all before it reads the next command, but the writer's reply may leave first:
        a read in another process a few microseconds after the write could still use its
        own copy. One more round trip (PING) closes that window.
        """
        if not self._available():
            return
        try:
            self._cache.get_client(write=True).ping()
        except self._errors as exc:
            self._failed("ping", exc)

    # For /healthz --------------------------------------------------------------------------

    def check(self, key, value):
        """Store, read back and delete one value straight through Redis; errors propagate."""
        super().set(key, value, 30)
        try:
            if super().get(key) != value:
                raise RuntimeError("the cache did not return what was stored")
        finally:
            super().delete(key)
        self._succeeded()
        with self._lock:
            self._down_until = 0.0
