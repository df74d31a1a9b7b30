"""gunicorn configuration: `gunicorn -c mfa_site/gunicorn.py mfa_site.wsgi`.

Everything comes from the environment, so the same file serves every app server:
GUNICORN_BIND (or PORT), GUNICORN_WORKERS, GUNICORN_THREADS, GUNICORN_TIMEOUT,
GUNICORN_FORWARDED_ALLOW_IPS (the load balancer's addresses).
"""

import json
import multiprocessing
import os
import time

from gunicorn.glogging import Logger

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"

# A request is killed after `timeout` seconds; the database's statement timeout
# (DJANGO_DB_STATEMENT_TIMEOUT_MS, 10 s) answers a runaway query with a 503 well before.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then, so a slow leak never takes a server down. Rarely: a new
# worker costs about 1.8 s of CPU to start Django (measured) and starts with an empty
# local-memory cache, while a cached page costs about 0.6 ms; at 2,000 requests a busy
# worker spent as much on restarts as on serving, at 100,000 about 3 %.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "10000"))

# Long search queries still reach Django (gunicorn's default stops request lines at 4094
# bytes); 8190 is gunicorn's bounded maximum. Longer lines get a 400 from gunicorn.
limit_request_line = int(os.environ.get("GUNICORN_LIMIT_REQUEST_LINE", "8190"))

# Only the load balancer may tell us the scheme (X-Forwarded-Proto) of the original request.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# The app is loaded in each worker, so a worker that lost its database reconnects alone.
preload_app = False
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # "" turns it off
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


class JsonAccessLogger(Logger):
    """Access log lines as JSON, like the application's own logs (no query-string secrets:
    the public site takes none, and the admin posts its forms)."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "remote_addr": environ.get("REMOTE_ADDR"),
            "forwarded_for": environ.get("HTTP_X_FORWARDED_FOR"),
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "query": environ.get("QUERY_STRING") or None,
            "status": int(status),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "user_agent": environ.get("HTTP_USER_AGENT"),
        }
        self.access_log.info(json.dumps(entry, ensure_ascii=False))


logger_class = JsonAccessLogger
