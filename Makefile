# Two commands do all the set-up: `make run` and `make test`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTHON ?= $(shell command -v python3.13 || command -v python3.12 || echo python3)
DEV    := DJANGO_DEBUG=1
PORT   ?= 8000

.PHONY: install run test lint browser demo redis loadtest messages gettext

$(PY):
	$(PYTHON) -c 'import sys; sys.exit("Python 3.12 or newer is needed" if sys.version_info < (3, 12) else 0)'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $(STAMP)

# The interface translations (locale/*/LC_MESSAGES/django.po) compile to .mo files on every
# install; the .mo files are build output, not committed.
install: $(STAMP) gettext
	$(DEV) $(PY) manage.py compilemessages --ignore=.venv --ignore=var -v 0

messages: install
	$(DEV) $(PY) manage.py makemessages -l kk -l ru --no-obsolete --ignore=.venv --ignore=var --ignore=tests

# compilemessages needs GNU gettext's msgfmt; install it where it is missing and we may.
gettext:
	@command -v msgfmt >/dev/null || { [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null); } || \
		{ echo "msgfmt is missing: install GNU gettext (apt-get install gettext)"; exit 1; }

demo: install
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py load_demo

run: demo
	$(DEV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Browser tests drive Debian's Chromium; install it where it is missing and we may.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); } || \
		echo "chromium is missing: browser tests will fail (apt-get install chromium)"

# The cache tests use a real Redis on 127.0.0.1:6379; start one where it is installed.
redis: install
	@$(PY) -c "import socket; socket.create_connection(('127.0.0.1', 6379), 1)" 2>/dev/null || \
		{ command -v redis-server >/dev/null && redis-server --daemonize yes --bind 127.0.0.1 \
			--port 6379 --save '' --appendonly no >/dev/null && sleep 1; } || \
		echo "redis-server is missing: the Redis cache tests will fail (apt-get install redis-server)"

test: install browser redis
	$(DEV) $(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Mention detection against 10,000 institutions and 5,000 people, and a 1,000-file import.
.PHONY: bench-mentions
bench-mentions: install
	@mkdir -p var
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py bench_mentions
# Benchmarks and the load test create their PostgreSQL database when it does not exist yet.
define ENSURE_PG_DB
import sys, dj_database_url, psycopg
from psycopg import sql
url = sys.argv[1] if len(sys.argv) > 1 else ""
if url.startswith("postgres"):
    db = dj_database_url.parse(url)
    server = {"host": db["HOST"] or None, "port": db["PORT"] or None, "user": db["USER"] or None}
    with psycopg.connect(dbname="postgres", password=db["PASSWORD"] or None, autocommit=True, **server) as conn:
        if not conn.execute("select 1 from pg_database where datname = %s", [db["NAME"]]).fetchone():
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(db["NAME"])))
            print(f"Created database {db['NAME']}")
endef
export ENSURE_PG_DB

# Load test: gunicorn with production settings on 127.0.0.1:8108 under wrk (50 connections,
# 60 s; LOADTEST_ARGS=--short for a smoke test, LOADTEST_ARGS="--per-page --duration 15"
# to also load each page alone). Set DATABASE_URL to load PostgreSQL.
loadtest: install
	$(PY) -c "$$ENSURE_PG_DB" "$${DATABASE_URL:-}"
	$(DEV) $(PY) manage.py loadtest $(LOADTEST_ARGS)
# Staff search benchmark on PostgreSQL (issue 5): generated volume, then 20 timed searches.
# BENCH_DATABASE_URL defaults to a local database named "mfa_bench" (created if missing).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/mfa_bench
.PHONY: bench-search
bench-search: install
	$(PY) -c "$$ENSURE_PG_DB" "$(BENCH_DATABASE_URL)"
	DATABASE_URL=$(BENCH_DATABASE_URL) $(DEV) $(PY) manage.py migrate --noinput
	DATABASE_URL=$(BENCH_DATABASE_URL) $(DEV) $(PY) manage.py generate_bench_data
	DATABASE_URL=$(BENCH_DATABASE_URL) $(DEV) $(PY) manage.py bench_search
