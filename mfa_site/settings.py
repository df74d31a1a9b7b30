"""Settings for the ministry site, read from the environment.

Safe defaults exist only while DJANGO_DEBUG is on; a production start without a
secret key stops with a message naming the variable.
"""

import datetime
import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from mfa_site.csp import TIPTAP_STYLE_HASHES, static_security_headers

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DJANGO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set DJANGO_SECRET_KEY to a long random value, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-used-with-debug-off"

# Staff sign in with a second factor (passkey or authenticator app). Off only for local
# work while debugging; production refuses to start without it.
MFA_REQUIRED = env_bool("DJANGO_MFA_REQUIRED", True)
if not MFA_REQUIRED and not DEBUG:
    raise ImproperlyConfigured(
        "DJANGO_MFA_REQUIRED is off while DJANGO_DEBUG is off. Staff sign-in needs a second "
        "factor in production: unset DJANGO_MFA_REQUIRED (it is on by default), or set "
        "DJANGO_DEBUG=1 for local development."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The admin lives at a configurable, less guessable path (e.g. "office-7f3a/").
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

INSTALLED_APPS = [
    # Before the admin, so its translation-aware admin classes and widgets take effect.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "django_countries",
    "django_prose_editor",
    "reversion",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "mfa_site",
    "partners",
    "news",
]

MIDDLEWARE = [
    # First: a Host with an impossible port is a 400 before anything reads the host.
    "mfa_site.middleware.HostPortMiddleware",
    # The client address for audit log entries written anywhere below.
    "mfa_site.audit.AuditContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's, with the policy built once per configuration (mfa_site/csp.py).
    "mfa_site.csp.ContentSecurityPolicyMiddleware",
    # A cached hit of a /kk/, /ru/, /en/ page answers here, inside CSP (a fresh nonce) and
    # before sessions, locale, CSRF and auth; misses and other paths go on.
    "mfa_site.page_cache.PageCacheHitMiddleware",
    # Outside sessions and auth: a database outage becomes a 503 page that touches neither.
    "mfa_site.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the locale (the language is part of the key), inside CSP (fresh nonce per hit).
    "mfa_site.page_cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    # /api/ only: CORS headers for reads, ETag and 304.
    "mfa_site.api.ApiMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mfa_site.middleware.SessionLimitsMiddleware",
    # request.user.is_verified(), then the admin and /staff/ ask for the second factor.
    "django_otp.middleware.OTPMiddleware",
    "mfa_site.two_factor.middleware.MFARequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "mfa_site.uploads.UploadGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mfa_site.urls"
WSGI_APPLICATION = "mfa_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

if not os.environ.get("DATABASE_URL"):
    # The embedded SQLite file lives under var/, which a fresh clone does not have yet.
    VAR_DIR.mkdir(parents=True, exist_ok=True)

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A runaway query is cancelled by PostgreSQL and answered with a 503, instead of holding a
# worker until gunicorn kills it. 0 turns the limit off.
DB_STATEMENT_TIMEOUT_MS = int(os.environ.get("DJANGO_DB_STATEMENT_TIMEOUT_MS", "10000"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and DB_STATEMENT_TIMEOUT_MS:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # django-axes first, so a locked-out user name and address never reach the password check.
    "mfa_site.auth_backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Kazakh is the state language and the default; the visitor's language comes from the URL
# prefix (/kk/, /ru/, /en/), and unprefixed public paths redirect by cookie, then
# Accept-Language, then this default.
LANGUAGE_CODE = os.environ.get("DJANGO_LANGUAGE_CODE", "kk")
LANGUAGES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]
# Content (press releases, the directory) is translated with django-modeltranslation: one
# column per language on the same row, so no page needs a join or a query more per language.
MODELTRANSLATION_LANGUAGES = ("kk", "ru", "en")
MODELTRANSLATION_DEFAULT_LANGUAGE = "kk"
# Directory names fall back (names of foreign institutions often exist only in English);
# press releases never do (their translation options switch fallbacks off).
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "ru", "kk")
# locale/: the site's own messages (makemessages). locale/django/: Kazakh for the Django
# admin messages that Django's own Kazakh catalog lacks, written by hand.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "django"]
# Dates and numbers as each language writes them ("15 марта 2026 года", "2026 жылғы 15 наурыз").
FORMAT_MODULE_PATH = ["mfa_site.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))

STORAGES = {
    # Media on object storage in production, e.g. DJANGO_STORAGE_BACKEND=
    # storages.backends.s3.S3Storage with its options as JSON (see README).
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
        ),
        "OPTIONS": json.loads(os.environ.get("DJANGO_STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {
        # Hashed names (cached forever by browsers) and gzipped copies, served by WhiteNoise.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Media on S3-compatible object storage (django-storages, installed by the deployment):
# DJANGO_STORAGE_BACKEND=s3 plus the AWS_* variables below; see README "Images and storage".
if os.environ.get("DJANGO_STORAGE_BACKEND", "filesystem") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }

# Uploads (issue 6): limits checked on the content, whatever the browser claims.
MEDIA_MAX_IMAGE_BYTES = int(os.environ.get("MEDIA_MAX_IMAGE_BYTES", 10 * 1024 * 1024))
MEDIA_MAX_IMAGE_PIXELS = int(os.environ.get("MEDIA_MAX_IMAGE_PIXELS", 40_000_000))
MEDIA_MAX_ATTACHMENT_BYTES = int(os.environ.get("MEDIA_MAX_ATTACHMENT_BYTES", 20 * 1024 * 1024))
MEDIA_ATTACHMENT_KINDS = ["pdf"]
# Press-release import (issue 12): larger files are refused with a message.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", 2 * 1024 * 1024))
MEDIA_RENDITION_CACHE_SECONDS = 3600
# The application serves media itself while debugging, or when told to (one server, no CDN).
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", DEBUG)

CACHE_URL = os.environ.get("CACHE_URL", "")
CACHE_SOCKET_TIMEOUT = float(os.environ.get("DJANGO_CACHE_SOCKET_TIMEOUT", "0.25"))
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            # Django's RedisCache, but a Redis outage means "no cache", never an error.
            "BACKEND": "mfa_site.cache.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "mfa"),
            # A slow or absent Redis costs a request at most this long, then the cache is
            # skipped for a few seconds (mfa_site/cache.py).
            "OPTIONS": {
                "socket_connect_timeout": CACHE_SOCKET_TIMEOUT,
                "socket_timeout": CACHE_SOCKET_TIMEOUT,
            },
            # Each app server keeps what it read until Redis says it changed (client-side
            # caching, mfa_site/cache.py); DJANGO_CACHE_CLIENT_TRACKING=0 reads Redis every time.
            "CLIENT_TRACKING": env_bool("DJANGO_CACHE_CLIENT_TRACKING", True),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous public pages are served from the cache above and purged by tag when what they
# show changes (mfa_site/page_cache.py). DJANGO_PAGE_CACHE=0 turns it off (benchmarks of
# the uncached path, debugging); validators (ETag, 304) and Cache-Control stay.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
# Longest life of an entry in the shared cache (purges usually end it much earlier).
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "3600"))
# s-maxage for a CDN in front: how long it may serve a page without asking again.
PAGE_CACHE_CDN_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_CDN_SECONDS", "60"))

LOGIN_URL = "admin:login"
# Where a sign-in lands when its `next` is missing or not allowed (Django's default,
# /accounts/profile/, does not exist here).
LOGIN_REDIRECT_URL = "admin:index"

SITE_NAME = _("Ministry of Foreign Affairs of the Republic of Kazakhstan")

# Security headers, in debug too, so developers see what production sends.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Staff sessions (database-backed, so they can be revoked) last at most a working day.
SESSION_COOKIE_AGE = min(int(os.environ.get("DJANGO_SESSION_COOKIE_AGE", str(8 * 3600))), 8 * 3600)
# ...and end after 30 minutes without a request: every request renews the idle deadline
# (mfa_site.middleware.SessionLimitsMiddleware enforces the absolute 8 hours).
SESSION_IDLE_SECONDS = int(os.environ.get("DJANGO_SESSION_IDLE_SECONDS", str(30 * 60)))
# Load balancers probe /healthz over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content Security Policy, enforced in debug too so violations show up during development.
# Scripts only from this site or with the request's nonce; styles likewise (the admin's
# inline <style> carries the nonce; the rich-text editor's one fixed <style> is allowed by
# hash, see mfa_site/csp.py). Extra image hosts (object storage, CDN) from the env.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE, *TIPTAP_STYLE_HASHES],
    "img-src": [CSP.SELF, "data:", *env_list("DJANGO_CSP_IMG_SRC")],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    # Where browsers report violations in production (a collector of your choice), if set.
    "report-uri": os.environ.get("DJANGO_CSP_REPORT_URI") or None,
}

# WhiteNoise answers static files before the CSP and X-Frame-Options middleware run: it
# adds the same headers itself (mfa_site.csp.static_security_headers).
WHITENOISE_ADD_HEADERS_FUNCTION = static_security_headers

# Second factors (mfa_site/two_factor): authenticator apps (TOTP), one-time recovery codes
# and passkeys (WebAuthn). Failed codes are limited like passwords (AXES_* below) by
# mfa_site.two_factor.throttle, which replaces django-otp's per-device delays.
OTP_TOTP_ISSUER = "MFA Kazakhstan"
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Passkeys are the second step after the password, never a way around it.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "MFA Kazakhstan"
# The passkey's domain (its relying party): the site's host name; "localhost" while
# debugging (browsers accept passkeys on http://localhost, never on an IP address).
OTP_WEBAUTHN_RP_ID = os.environ.get(
    "DJANGO_WEBAUTHN_RP_ID",
    "localhost" if DEBUG else next((h.lstrip(".") for h in ALLOWED_HOSTS if h != "*"), ""),
)
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list(
    "DJANGO_WEBAUTHN_ORIGINS",
    ",".join(CSRF_TRUSTED_ORIGINS or [f"https://{OTP_WEBAUTHN_RP_ID}"])
    if not DEBUG
    else "http://localhost:8000",
)

# Failed logins throttled per user name AND address (django-axes), lockouts logged.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("DJANGO_AXES_COOLOFF_MINUTES", "30"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# The client address is REMOTE_ADDR unless we are told how many proxies to trust; otherwise
# anyone could pick a fresh address per attempt with a forged X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("DJANGO_AXES_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)
)

# /healthz answers from its last result for this long, so a load balancer probing often
# (or many of them) cannot multiply the work.
HEALTHZ_CACHE_SECONDS = float(os.environ.get("DJANGO_HEALTHZ_CACHE_SECONDS", "5"))
# The read-only JSON API (/api/v1/, mfa_site/api.py): public, no cookies, JSON only.
API_RATE_LIMIT = os.environ.get("DJANGO_API_RATE_LIMIT", "120/minute")
API_CACHE_SECONDS = int(os.environ.get("DJANGO_API_CACHE_SECONDS", "60"))
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["mfa_site.api_throttling.ClientRateThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    # The client address for the rate limit: REMOTE_ADDR, or X-Forwarded-For behind as many
    # proxies as DJANGO_AXES_PROXY_COUNT says (never a header anyone could forge).
    "NUM_PROXIES": int(os.environ.get("DJANGO_AXES_PROXY_COUNT", "0")),
}
# The licence of the open data (figures as CSV and JSON), shown next to every download.
OPEN_DATA_LICENCE_NAME = os.environ.get("DJANGO_OPEN_DATA_LICENCE_NAME", "CC BY 4.0")
OPEN_DATA_LICENCE_URL = os.environ.get(
    "DJANGO_OPEN_DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/"
)
SPECTACULAR_SETTINGS = {
    "TITLE": "Ministry of Foreign Affairs of the Republic of Kazakhstan: open data API",
    "DESCRIPTION": (
        "Read-only JSON: published press releases and the partner directory (missions, "
        "institutions, people, partnerships, figures). Cursor pagination, ETag, CORS."
    ),
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Swagger UI and Redoc from our own static files (drf-spectacular-sidecar), no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "MissionKindEnum": "partners.models.Embassy.Kind",
        "InstitutionKindEnum": "partners.models.Institution.Kind",
        "PartnershipKindEnum": "partners.models.Partnership.Kind",
        "PartnershipStatusEnum": "partners.models.Partnership.Status",
    },
}

# Seconds a client is asked to wait (Retry-After) when the database is unavailable.
DB_UNAVAILABLE_RETRY_AFTER = int(os.environ.get("DJANGO_RETRY_AFTER_SECONDS", "30"))

# Structured JSON lines on stdout; secrets are redacted by a filter on the handler.
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "mfa_site.logging.RedactSecretsFilter"}},
    "formatters": {"json": {"()": "mfa_site.logging.JsonFormatter"}},
    "handlers": {
        "json": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["redact"],
        }
    },
    "root": {"handlers": ["json"], "level": "WARNING"},
    "loggers": {
        "django": {"level": "INFO"},
        # 404s are not worth a line each; server errors and security events are.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "ERROR" if not DEBUG else "INFO"},
        "django.security": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # WeasyPrint warns about every screen-only CSS rule it skips when making a PDF.
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
        "mfa": {"level": LOG_LEVEL},
    },
}

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    if not SECURE_HSTS_PRELOAD:
        # Turning preload off is a deliberate choice made in the environment.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
