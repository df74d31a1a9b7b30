"""Smoke test of `bench_pages`: the pages it measures exist, answer, and have their counts.

The benchmark itself (gunicorn, wrk, generated data) is far too slow for the suite; this
checks the parts that run inside the site, on a few press releases.
"""

import pytest
from django.utils import translation

from mfa_site.management.commands.bench_pages import PAGES, bench_paths, measure_in_process
from tests.factories import make_institution, make_partnership, make_press_release

pytestmark = pytest.mark.django_db


def test_bench_pages_measures_every_page_with_its_query_count(settings):
    settings.PAGE_CACHE = False
    with translation.override(settings.LANGUAGE_CODE):  # the language the benchmark reads
        institution = make_institution()
        partnership = make_partnership(institutions=[institution])
        for _ in range(20):  # a second page of the list
            make_press_release()
        make_press_release(institutions=[institution], partnerships=[partnership])
        make_press_release("Елші Антверпен университетінде", slug="antwerp")  # its search finds it
    paths = bench_paths()
    assert set(paths) == set(PAGES)
    results = measure_in_process(paths, runs=1)
    for page in PAGES:
        assert 0 < results[page]["queries"] <= 16, page
        assert results[page]["ms"] > 0
    assert results["list"]["queries"] <= 8
    assert results["detail"]["queries"] <= 14


def test_bench_table_states_the_targets_and_the_cost_at_each_size():
    """The printed report: shares of the bare view against issue 15's targets, and the
    in-process cost at the largest size against the smallest with the ratio."""
    import io

    from mfa_site.management.commands.bench_pages import Command

    def wrk(rate):
        return {"requests": rate * 10, "duration_us": 10_000_000, "p50_us": 1000, "p99_us": 2000}

    small = {"list": {"queries": 3, "ms": 10.0, "uncached": wrk(80), "cached": wrk(600)}}
    large = {"list": {"queries": 3, "ms": 20.0, "uncached": wrk(60), "cached": wrk(400)}}
    out = io.StringIO()
    command = Command(stdout=out)
    options = {"workers": 2, "connections": 16, "threads": 2, "duration": 10}
    bare = {100: wrk(1000), 50_000: wrk(1000)}  # measured next to each size
    command.print_table([(100, small), (50_000, large)], bare, options, (1, 1, 1), (2, 2, 2))
    report = out.getvalue()
    assert "| 100 | list | 3 | 10.0 | 80 | 1.0 | 2.0 | 8.0% | 600 | 1.0 | 2.0 | 60.0% |" in report
    assert "100 list uncached: 8.0% of bare (target 7.1%): met" in report
    assert "50,000 list uncached: 6.0% of bare (target 7.1%): NOT met" in report
    assert "50,000 list cached: 40.0% of bare (target 50.0%): NOT met" in report
    assert "| list | 10.0 | 20.0 | 2.00 | 3 / 3 | NOT met |" in report
    assert "load average 1.0 -> 2.0" in report
    assert "| 50,000 | bare Django view | 0 |  | 1000 |" in report
    # Each size's shares are of the bare view measured next to it.
    drifted = {100: wrk(1000), 50_000: wrk(750)}
    out = io.StringIO()
    Command(stdout=out).print_table([(100, small), (50_000, large)], drifted, options, (1,), (1,))
    assert "50,000 list uncached: 8.0% of bare (target 7.1%): met" in out.getvalue()


def test_each_size_keeps_its_own_cache_keys(monkeypatch):
    """Every size shares one Redis: without a key prefix of its own, the news count, menus
    and cached pages of one size's database were read at the next (page 50 of the list at
    50,000 answered 404 from the count of the database of 100)."""
    from mfa_site.management.commands.bench_pages import Command

    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/3")
    command = Command()
    prefixes = {command.bench_env(size)["CACHE_KEY_PREFIX"] for size in (100, 10_000, 50_000)}
    assert len(prefixes) == 3
    monkeypatch.delenv("CACHE_URL")
    assert "CACHE_KEY_PREFIX" not in command.bench_env(100)  # local memory: per process


@pytest.mark.django_db(transaction=True)
def test_a_reused_database_is_settled_as_autovacuum_would():
    """VACUUM cannot run in a transaction: the benchmark's build step runs it outside one."""
    from django.db import connection

    from mfa_site.management.commands.bench_pages import Command

    make_press_release()
    Command().settle()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables "
                "WHERE relname = 'news_pressrelease'"
            )
            assert cursor.fetchone() == (True,)
