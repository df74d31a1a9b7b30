"""Load-test the site as production runs it: gunicorn, DJANGO_DEBUG=0, wrk on loopback.

`python manage.py loadtest` migrates a database (DATABASE_URL if it is PostgreSQL,
otherwise a temporary SQLite file), collects static files, loads demo content,
starts gunicorn on 127.0.0.1:8108 and runs wrk with 50 connections for 60 seconds
over the home, list, filtered list, detail and feed pages. It prints requests per
second, p50 and p99 latency, errors and non-2xx responses, and fails if there are any.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import NoReverseMatch, reverse
from django.utils import translation

WRK_SCRIPT = """
local paths = {%(paths)s}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0; counter = 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p90_us": %%d, "p99_us": %%d, '
    .. '"max_us": %%d, "connect": %%d, "read": %%d, "write": %%d, "timeout": %%d, "status": %%d, '
    .. '"non2xx": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.timeout, e.status, bad))
end
"""


def seed_demo_content():
    """The demo world (load_demo, where this branch has it) plus 60 published press releases."""
    from django.core.management import call_command, get_commands

    if "load_demo" in get_commands():
        call_command("load_demo")
    from django.utils import timezone
    from django.utils.text import slugify

    from news.models import PressRelease, Topic
    from partners.models import Country, Embassy, Institution, Partnership

    belgium = Country.objects.get(code="BE")
    topic, _ = Topic.objects.get_or_create(
        slug="higher-education", defaults={"name": "Higher education"}
    )
    embassy, _ = Embassy.objects.get_or_create(
        slug="embassy-in-belgium", defaults={"name": "Embassy in Belgium", "host_country": belgium}
    )
    university, _ = Institution.objects.get_or_create(
        slug="university-of-antwerp",
        defaults={"name": "University of Antwerp", "country": belgium},
    )
    partnership, _ = Partnership.objects.get_or_create(
        slug="double-degree-mba", defaults={"title": "Double-degree MBA", "embassy": embassy}
    )
    partnership.institutions.add(university)
    now = timezone.now()
    for n in range(1, 61):
        title = f"Load test press release {n}"
        press_release, created = PressRelease.objects.get_or_create(
            slug=slugify(title),
            defaults={
                "title": title,
                "lead": "The ambassador met the rector to discuss academic mobility.",
                "body": "<p>" + "Cooperation in higher education and research. " * 40 + "</p>",
                "status": PressRelease.Status.PUBLISHED,
                "published_at": now - timezone.timedelta(hours=n),
                "dateline": "Brussels",
            },
        )
        if created:
            press_release.topics.add(topic)
            press_release.embassies.add(embassy)
            press_release.institutions.add(university)
            press_release.partnerships.add(partnership)


def page_paths():
    """The pages under load; the feed only where the news site provides it."""
    from news.models import PressRelease, Topic

    latest = PressRelease.objects.published().first()
    topic = Topic.objects.first()
    pages = {"home": reverse("home"), "list": reverse("news:list")}
    pages["filtered list"] = f"{reverse('news:list')}?topic={topic.slug}" if topic else None
    pages["detail"] = latest.get_absolute_url() if latest else None
    try:
        pages["feed"] = reverse("news:feed")
    except NoReverseMatch:
        pages["feed"] = None
    return pages


class Command(BaseCommand):
    help = "Load-test gunicorn with production settings on 127.0.0.1 with wrk; fail on errors."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8108)
        parser.add_argument("--connections", type=int, default=50)
        parser.add_argument("--duration", type=int, default=60, help="Seconds of load.")
        parser.add_argument("--threads", type=int, default=2, help="wrk threads.")
        parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
        parser.add_argument(
            "--short", action="store_true", help="Smoke test: 10 connections for 5 seconds."
        )
        parser.add_argument(
            "--per-page",
            action="store_true",
            help="Also load each page alone (for --duration seconds each) and print a table.",
        )
        parser.add_argument("--seed", action="store_true", help=("Internal: seed this database."))
        parser.add_argument("--print-pages", action="store_true", help="Internal.")

    def handle(self, *args, **options):
        if options["seed"]:
            with translation.override("en"):  # the seeded content is written in English
                seed_demo_content()
            return
        if options["print_pages"]:
            self.stdout.write("PAGES " + json.dumps(page_paths()))
            return
        if options["short"]:
            options.update(connections=10, duration=5)
        wrk = self.ensure_wrk()
        with tempfile.TemporaryDirectory(prefix="loadtest-") as tmp:
            env = self.production_env(Path(tmp))
            self.step("Migrating, collecting static files, loading demo content")
            for command in (
                ["migrate", "--noinput", "-v0"],
                ["collectstatic", "--noinput", "-v0"],
                ["loadtest", "--seed"],
            ):
                self.manage(env, *command)
            pages = json.loads(
                self.manage(env, "loadtest", "--print-pages").stdout.split("PAGES ", 1)[1]
            )
            missing = [name for name, path in pages.items() if path is None]
            pages = {name: path for name, path in pages.items() if path}
            if missing:
                self.stdout.write(self.style.WARNING(f"Not on this branch: {', '.join(missing)}"))
            with self.gunicorn(env, options) as base:
                for name, path in pages.items():
                    status = urllib.request.urlopen(base + path, timeout=10).status
                    self.stdout.write(f"  {name:14} {path}  -> {status}")
                result = self.run_wrk(wrk, base, list(pages.values()), options)
                per_page = {
                    name: self.run_wrk(wrk, base, [path], options)
                    for name, path in (pages.items() if options["per_page"] else [])
                }
        for name, page_result in per_page.items():
            seconds = page_result["duration_us"] / 1e6
            self.stdout.write(
                f"  {name:14} {page_result['requests'] / seconds:7.1f} req/s  "
                f"p50 {page_result['p50_us'] / 1000:7.1f} ms  "
                f"p99 {page_result['p99_us'] / 1000:7.1f} ms  non-2xx {page_result['non2xx']}"
            )
        self.report(result, options, pages)
        if any(r["non2xx"] for r in per_page.values()):
            raise CommandError("A page answered non-2xx under load.")

    def step(self, text):
        self.stdout.write(self.style.MIGRATE_HEADING(text))

    def ensure_wrk(self):
        wrk = shutil.which("wrk")
        if wrk:
            return wrk
        if os.geteuid() == 0 and shutil.which("apt-get"):
            self.step("Installing wrk from Debian")
            subprocess.run(["apt-get", "update", "-qq"], check=False)
            subprocess.run(
                ["apt-get", "install", "-y", "-qq", "wrk"],
                check=True,
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                stdout=subprocess.DEVNULL,
            )
            if wrk := shutil.which("wrk"):
                return wrk
        raise CommandError("wrk is missing: install it (apt-get install wrk).")

    def production_env(self, tmp):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "GUNICORN_"))}
        database_url = os.environ.get("DATABASE_URL", "")
        if not database_url.startswith("postgres"):
            database_url = f"sqlite:///{tmp / 'loadtest.sqlite3'}"
        env.update(
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            # Plain HTTP on loopback: no redirect to HTTPS here (a proxy terminates TLS).
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_STATIC_ROOT=str(tmp / "static"),
            DJANGO_MEDIA_ROOT=str(tmp / "media"),
            DJANGO_VAR_DIR=str(tmp),
            DATABASE_URL=database_url,
            GUNICORN_ACCESS_LOG="",  # one log line per request would measure the terminal
        )
        return env

    def manage(self, env, *args):
        result = subprocess.run(
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise CommandError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result

    def gunicorn(self, env, options):
        import contextlib

        @contextlib.contextmanager
        def running():
            gunicorn_env = {
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{options['port']}",
                "GUNICORN_WORKERS": str(options["workers"]),
            }
            self.step(
                f"Starting gunicorn with {options['workers']} workers on port {options['port']}"
            )
            process = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("gunicorn")),
                    "-c",
                    str(Path(settings.BASE_DIR) / "mfa_site" / "gunicorn.py"),
                    "mfa_site.wsgi",
                ],
                cwd=settings.BASE_DIR,
                env=gunicorn_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            base = f"http://127.0.0.1:{options['port']}"
            try:
                for _ in range(150):
                    if process.poll() is not None:
                        raise CommandError(f"gunicorn exited:\n{process.stderr.read()}")
                    try:
                        urllib.request.urlopen(base + reverse("healthz"), timeout=2)
                        break
                    except OSError:
                        time.sleep(0.2)
                else:
                    raise CommandError("gunicorn did not answer /healthz in 30 s")
                yield base
            finally:
                process.terminate()
                process.wait(timeout=30)

        return running()

    def run_wrk(self, wrk, base, paths, options):
        script = WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)}
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(script)
        self.step(
            f"wrk: {options['connections']} connections, {options['duration']} s, "
            f"{len(paths)} pages in turn"
        )
        try:
            result = subprocess.run(
                [
                    wrk,
                    f"-t{options['threads']}",
                    f"-c{options['connections']}",
                    f"-d{options['duration']}s",
                    "--timeout",
                    "10s",
                    "-s",
                    lua.name,
                    base,
                ],
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            os.unlink(lua.name)
        line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT "))
        return json.loads(line.removeprefix("RESULT "))

    def report(self, r, options, pages):
        seconds = r["duration_us"] / 1e6
        errors = r["connect"] + r["read"] + r["write"] + r["timeout"]
        self.stdout.write(
            f"\nPages: {', '.join(pages)}\n"
            f"Connections: {options['connections']}, duration: {seconds:.1f} s, "
            f"gunicorn workers: {options['workers']}\n"
            f"Requests: {r['requests']}  ({r['requests'] / seconds:.1f} req/s)\n"
            f"Latency: p50 {r['p50_us'] / 1000:.1f} ms, p90 {r['p90_us'] / 1000:.1f} ms, "
            f"p99 {r['p99_us'] / 1000:.1f} ms, max {r['max_us'] / 1000:.1f} ms\n"
            f"Socket errors: {errors} (connect {r['connect']}, read {r['read']}, "
            f"write {r['write']}, timeout {r['timeout']})\n"
            f"Non-2xx responses: {r['non2xx']}"
        )
        if errors or r["non2xx"]:
            raise CommandError("The load test saw errors or non-2xx responses.")
        self.stdout.write(self.style.SUCCESS("No errors, every response 2xx."))
