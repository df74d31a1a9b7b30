"""Smoke test of `bench_pages`: the pages it measures exist, answer, and have their counts.

The benchmark itself (gunicorn, wrk, generated data) is far too slow for the suite; this
checks the parts that run inside the site, on a few press releases.
"""

import pytest

from mfa_site.management.commands.bench_pages import PAGES, bench_paths, measure_in_process
from tests.factories import make_institution, make_partnership, make_press_release

pytestmark = pytest.mark.django_db


def test_bench_pages_measures_every_page_with_its_query_count(settings):
    settings.PAGE_CACHE = False
    institution = make_institution()
    partnership = make_partnership(institutions=[institution])
    for _ in range(20):  # a second page of the list
        make_press_release()
    make_press_release(institutions=[institution], partnerships=[partnership])
    paths = bench_paths()
    assert set(paths) == set(PAGES)
    results = measure_in_process(paths, runs=1)
    for page in PAGES:
        assert 0 < results[page]["queries"] <= 16, page
        assert results[page]["ms"] > 0
    assert results["list"]["queries"] <= 8
    assert results["detail"]["queries"] <= 14
