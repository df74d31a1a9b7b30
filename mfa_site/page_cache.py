"""Anonymous public pages from the shared cache, purged by tag when what they show changes.

A view names what its page shows with `tag_page(request, "news", "pr:12", ...)`; only
tagged responses are stored. `purge("pr:12", ...)` sets each tag's purge time in the cache,
and an entry is served only while every one of its tags was last purged before the entry's
request began, so a page rendered while a purge ran is never served afterwards. Entries
never outlive the next scheduled publication (`horizons`), so a scheduled press release
appears on cached pages at its time with no job running.

Keys hold the scheme, host, language and full path (query string included), so every
language variant of a page is its own entry; tags carry no language, so one purge reaches
them all. Logged-in users (a session cookie), non-GET requests and untagged pages
(previews, admin, staff) never read or write the cache. Every cache error is logged and
the page is rendered as if nothing were cached: an outage never breaks a page or a save.
"""

import contextlib
import contextvars
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

logger = logging.getLogger("mfa.page_cache")

PREFIX = "page:"
TAG_PREFIX = "page-tag:"
HORIZON_KEY = "page-horizon"
NONCE_PLACEHOLDER = b"__mfa_csp_nonce__"
# Carried by every entry: `purge(SITE_TAG)` empties the page cache (after bulk writes).
SITE_TAG = "site"

# When the current request began: derived data computed during it must not give a missing
# tag a purge time later than the page's own start, or the page would be stale at once.
_request_started = contextvars.ContextVar("page_cache_request_started", default=None)

# Sent with the tags of every purge, after the purge is in the shared cache: connect a
# receiver that forwards them to a CDN's purge API (see README, "Caching").
pages_purged = Signal()

# Callables returning the next time (a Unix timestamp) at which public pages change by
# themselves, or None; news registers the next scheduled publication.
horizons = []


def tag_page(request, *tags):
    """Declare that this response shows what `tags` name; only tagged pages are cached."""
    existing = getattr(request, "page_cache_tags", None)
    if existing is None:
        existing = request.page_cache_tags = set()
    existing.update(str(tag) for tag in tags)


def object_tag(obj):
    """The tag of one object's page: `institution:12`."""
    return f"{obj._meta.model_name}:{obj.pk}"


def _tag_key(tag):
    return TAG_PREFIX + tag


def purge(*tags):
    """Mark every page showing any of `tags` as stale, now and again after the commit.

    The second purge covers a page rendered from the old rows between the first purge and
    the commit.
    """
    tags = sorted({str(tag) for tag in tags if tag})
    if not tags:
        return
    _purge_now(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _purge_now(tags))


def _purge_now(tags):
    stamp = time.time()
    try:
        cache.set_many({_tag_key(tag): stamp for tag in tags}, timeout=None)
    except Exception:
        logger.exception("page cache purge failed", extra={"event": "page_cache_error"})
    _compute_horizon()
    # Every app server keeps the purge times it read (mfa_site/cache.py): return only once
    # Redis has told them all.
    with contextlib.suppress(Exception):
        getattr(cache, "wait_for_invalidations", lambda: None)()
    pages_purged.send(sender=None, tags=tags)


def _compute_horizon():
    moments = [moment for moment in (func() for func in horizons) if moment is not None]
    upcoming = min(moments) if moments else None
    with contextlib.suppress(Exception):
        cache.set(HORIZON_KEY, upcoming or 0, timeout=settings.PAGE_CACHE_SECONDS)
    return upcoming


def _horizon():
    """The next moment public pages change by themselves (a timestamp), or None.

    Kept in the cache and recomputed by each purge (on the editor's save, not on a
    reader's request); a reader recomputes it only once it has passed or was evicted.
    """
    try:
        stored = cache.get(HORIZON_KEY)
    except Exception:
        stored = None
    if stored is not None and (stored == 0 or stored > time.time()):
        return stored or None
    return _compute_horizon()


def lifetime(seconds=None):
    """Seconds an entry may live: the configured maximum, or less before a scheduled change."""
    seconds = settings.PAGE_CACHE_SECONDS if seconds is None else seconds
    upcoming = _horizon()
    if upcoming is not None:
        seconds = min(seconds, upcoming - time.time())
    return max(0, int(seconds))


def _read_kept(keys):
    """What every request reads (purge times, derived data): kept in the process while the
    cache reports no change (`get_many_kept` of mfa_site/cache.py), where the cache can."""
    return getattr(cache, "get_many_kept", cache.get_many)(keys)


def _fresh(entry, stamps=None):
    """Whether no tag of the entry was purged since its request began (`stamps`: the tags'
    purge times by key, when already read)."""
    tags = entry["tags"]
    if not tags:
        return True
    if stamps is None:
        stamps = _read_kept([_tag_key(tag) for tag in tags])
    if len(stamps) != len(tags):
        return False  # a purge time was evicted: nothing says the entry is still right
    return max(stamps.values()) < entry["started"]


# This process's copies of the page entries it has read or stored (bounded, oldest out). An
# entry is fresh by its tags' purge times alone, which are a few bytes, so a hit reads only
# those (kept in the process by Redis's client-side caching until a purge changes them,
# else one small round trip) and serves the copy, instead of fetching and unpickling the
# 20-30 KB page every time; a copy whose tags were purged is dropped and the shared entry
# read again (another app server may have stored a newer one).
_local_entries = {}
LOCAL_ENTRIES = 500


def _read_entry(key):
    """The entry stored under `key` if it is fresh, else None."""
    local = _local_entries.get(key)
    if local is not None:
        if local["expires"] > time.time() and _fresh(local):
            return local
        _local_entries.pop(key, None)
    entry = cache.get(key)
    if entry is None or not _fresh(entry):
        return None
    _keep_local(key, entry)
    return entry


def _keep_local(key, entry):
    if len(_local_entries) >= LOCAL_ENTRIES:
        _local_entries.pop(next(iter(_local_entries)), None)
    _local_entries[key] = entry


def _remember_tags(tags, started):
    """Give never-purged (or evicted) tags a purge time just before this request began:
    whatever was stored before they were lost is stale, what this request stores is not."""
    started = min(started, _request_started.get() or started)
    try:
        known = cache.get_many([_tag_key(tag) for tag in tags])
        for tag in tags:
            if _tag_key(tag) not in known:
                cache.add(_tag_key(tag), started - 1e-6, timeout=None)
    except Exception:
        logger.exception("page cache error", extra={"event": "page_cache_error"})


# The tags this process last saw on entries whose tags depend on their value (bounded,
# oldest out), so that one read brings such an entry and its tags' purge times.
_tags_seen = {}


def _remember_tags_seen(key, tags):
    if key not in _tags_seen and len(_tags_seen) >= LOCAL_ENTRIES:
        _tags_seen.pop(next(iter(_tags_seen)), None)
    _tags_seen[key] = tags


def cached_value(key, tags, compute):
    """`compute()` from the cache while none of `tags` was purged; derived data, not pages.

    `tags` may be a function of the computed value (when what it shows decides its tags).
    """
    return cached_values({key: (key, tags)}, lambda _names: {key: compute()})[key]


def cached_values(keys_and_tags, compute):
    """{name: value} for each `name` of `keys_and_tags` ({name: (key, tags)}), from the cache
    while none of its tags was purged; `compute(names)` gives {name: value} for the others.

    One cache read for the entries and their tags' purge times (a second one only for tags
    that depend on the values, unknown before), and one write for the values computed.
    """
    if not keys_and_tags:
        return {}
    keys = {name: "derived:" + key for name, (key, _tags) in keys_and_tags.items()}
    known = {SITE_TAG}
    for name, (_key, tags) in keys_and_tags.items():
        # Tags that depend on the value: those this process last saw on the entry, read
        # with it; a second read only for tags the entry has gained since.
        known.update(_tags_seen.get(keys[name], ()) if callable(tags) else tags)
    found = {}
    try:
        read = _read_kept([*keys.values(), *(_tag_key(tag) for tag in sorted(known))])
        entries = {name: read[key] for name, key in keys.items() if key in read}
        unknown = {tag for entry in entries.values() for tag in entry["tags"]} - known
        if unknown:
            read.update(_read_kept([_tag_key(tag) for tag in sorted(unknown)]))
        for name, entry in entries.items():
            if callable(keys_and_tags[name][1]):
                _remember_tags_seen(keys[name], entry["tags"])
            own = (_tag_key(tag) for tag in entry["tags"])
            if _fresh(entry, {tag: read[tag] for tag in own if tag in read}):
                found[name] = entry["value"]
    except Exception:
        logger.exception("cache read failed", extra={"event": "page_cache_error"})
    missing = [name for name in keys_and_tags if name not in found]
    if not missing:
        return found
    started = time.time()
    computed = compute(missing)
    found.update(computed)
    try:
        timeout = lifetime()
        if timeout > 0:
            stored = {}
            for name, value in computed.items():
                tags = keys_and_tags[name][1]
                tags = tuple(sorted({*(tags(value) if callable(tags) else tags), SITE_TAG}))
                _remember_tags(tags, started)
                stored[keys[name]] = {"value": value, "tags": tags, "started": started}
                if callable(keys_and_tags[name][1]):
                    _remember_tags_seen(keys[name], tags)
            cache.set_many(stored, timeout)
    except Exception:
        logger.exception("cache write failed", extra={"event": "page_cache_error"})
    return found


def page_key(request):
    language = getattr(request, "LANGUAGE_CODE", "")
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{language}"
    return PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def _anonymous(request):
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def _nonce(request):
    nonce = getattr(request, "_csp_nonce", None)
    return str(nonce).encode() if nonce is not None else None


def _storable(request, response):
    return (
        getattr(request, "page_cache_tags", None)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
    )


def _prefix_language(path):
    """The language of a /kk/, /ru/ or /en/ path, else None (the locale middleware decides)."""
    code = path[1:].split("/", 1)[0]
    return code if code in _language_codes() and path.startswith(f"/{code}/") else None


def _language_codes():
    return {code for code, _name in settings.LANGUAGES}


class PageCacheHitMiddleware:
    """Answer a cached hit of a language-prefixed page before sessions, locale, CSRF, auth,
    URL resolving and the view run: a hit costs the cache reads and little else.

    The page's language is its URL prefix (that is how the locale middleware decides it for
    prefixed paths, whatever the cookie or Accept-Language say), so the key is the one the
    full path stored. Unprefixed paths, logged-in users (a session cookie) and misses go on
    down the stack; a miss is not read again by `PageCacheMiddleware`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE and _anonymous(request)):
            return self.get_response(request)
        language = _prefix_language(request.path_info)
        if language is None:
            return self.get_response(request)
        request.LANGUAGE_CODE = language
        key = page_key(request)
        entry = PageCacheMiddleware._read(key)
        if entry is None:
            request._page_cache_missed = key
            return self.get_response(request)
        response = PageCacheMiddleware._from_entry(request, entry)
        # What the locale middleware adds to a prefixed page (no Vary: the path decides).
        response.headers.setdefault("Content-Language", language)
        return PageCacheMiddleware._respond(request, response, entry)


class PageCacheMiddleware:
    """Serve and store anonymous tagged pages; ETag, Last-Modified and Cache-Control on them.

    Placed after the locale middleware (the language is part of the key) and inside the
    CSP middleware: the stored body holds a placeholder where the request's nonce was, and
    each hit gets the nonce of its own request. With `PAGE_CACHE` off (DJANGO_PAGE_CACHE=0)
    nothing is read or stored, and the validators and Cache-Control are still sent.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_started.set(time.time())
        try:
            return self._serve(request)
        finally:
            _request_started.reset(token)

    def _serve(self, request):
        anonymous = _anonymous(request)
        readable = anonymous and settings.PAGE_CACHE
        key = page_key(request) if readable else None
        if readable and key != getattr(request, "_page_cache_missed", None):
            entry = self._read(key)
            if entry is not None:
                return self._respond(request, self._from_entry(request, entry), entry)
        started = _request_started.get()
        response = self.get_response(request)
        if not (anonymous and _storable(request, response)):
            return response
        entry = self._entry(request, response, started)
        if readable:
            self._write(key, entry)
        return self._respond(request, response, entry)

    @staticmethod
    def _read(key):
        try:
            return _read_entry(key)
        except Exception:
            logger.exception("page cache read failed", extra={"event": "page_cache_error"})
        return None

    def _write(self, key, entry):
        try:
            timeout = entry["expires"] - entry["started"]
            if timeout >= 1:
                _remember_tags(entry["tags"], entry["started"])
                cache.set(key, entry, int(timeout))
                _keep_local(key, entry)
        except Exception:
            logger.exception("page cache write failed", extra={"event": "page_cache_error"})

    def _entry(self, request, response, started):
        content = response.content
        nonce = _nonce(request)
        if nonce and nonce in content:
            content = content.replace(nonce, NONCE_PLACEHOLDER)
        headers = {
            name: value
            for name, value in response.items()
            if name.lower() not in ("content-security-policy", "content-length", "date")
        }
        return {
            "status": response.status_code,
            "headers": headers,
            "content": content,
            "etag": quote_etag(hashlib.md5(content, usedforsecurity=False).hexdigest()),
            "last_modified": http_date(started),
            "tags": tuple(sorted({*request.page_cache_tags, SITE_TAG})),
            "started": started,
            "expires": started + lifetime(),
        }

    @staticmethod
    def _from_entry(request, entry):
        content = entry["content"]
        if NONCE_PLACEHOLDER in content:
            content = content.replace(NONCE_PLACEHOLDER, _nonce(request) or b"")
        response = HttpResponse(content, status=entry["status"])
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def _respond(request, response, entry):
        """Validators and Cache-Control for a public page; 304 when the client has it."""
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = entry["last_modified"]
        remaining = max(0, int(entry["expires"] - time.time()))
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            must_revalidate=True,
            s_maxage=min(settings.PAGE_CACHE_CDN_SECONDS, remaining),
        )
        response["Cache-Tag"] = ",".join(entry["tags"])
        conditional = get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=int(entry["started"]),
            response=response,
        )
        if conditional is not response:
            # The browser keeps the body it has, with that body's nonce: a fresh CSP header
            # on the 304 would replace the stored one and block its scripts.
            conditional._csp_config = None
            conditional._csp_ro_config = None
        return conditional
