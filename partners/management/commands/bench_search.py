"""Time the staff partner search on a fixed set of 20 queries (run generate_bench_data first)."""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from partners.staff import search_page

QUERIES = [
    {"q": "GI04242"},  # short name
    {"q": "Gen-Nano-00042"},  # alias with punctuation
    {"q": "generated institute 00042"},  # alias
    {"q": "Nanotechnolgy"},  # typo
    {"q": "hydrolgy institute"},  # typo and a second word
    {"q": "Petrolium 0004"},  # typo and a partial number
    {"q": "Economie"},  # stored with an accent: Économie
    {"q": "ÉCONOMIE institute"},
    {"q": "zurich"},  # city stored as Zürich
    {"q": "Алматы"},  # Cyrillic city
    {"q": "nanotech 0004"},  # partial words
    {"q": "institute 0424"},
    {"q": "Generated Person 00042"},  # a person
    {"q": "vice-rector"},  # a post
    {"q": "logistics", "country": "kz"},
    {"area": "generated-area-00003", "status": "active"},
    {"q": "medicine", "sort": "news"},
    {"active": "yes", "sort": "active"},
    {"news_since": "2025-01-01", "city": "Zürich", "sort": "news"},
    {"q": "aerospace", "kind": "university", "partnership_kind": "double_degree"},
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run_once(params):
    query = QueryDict(mutable=True)
    query.update(params)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        filterset, page, results = search_page(query)
        elapsed = (time.perf_counter() - started) * 1000
    assert results is not None, filterset.errors
    return elapsed, len(queries), page.paginator.count


class Command(BaseCommand):
    help = (
        "Run 20 fixed staff searches (typo, alias, partial, accents, Cyrillic, filters) "
        "several times and print median and 95th-percentile times in ms and queries per search."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=10, help="Timed runs per query.")

    def handle(self, *args, repeat=10, **options):
        timings = []
        self.stdout.write(f"{'query':55} {'median ms':>9} {'queries':>7} {'found':>6}")
        for params in QUERIES:
            run_once(params)  # warm up caches and the connection
            runs = [run_once(params) for _ in range(repeat)]
            times = [elapsed for elapsed, _, _ in runs]
            timings += times
            label = "&".join(f"{key}={value}" for key, value in params.items())
            self.stdout.write(
                f"{label[:55]:55} {statistics.median(times):9.1f} {runs[0][1]:7} {runs[0][2]:6}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(QUERIES)} queries x {repeat} runs on {connection.vendor}: "
                f"median {statistics.median(timings):.1f} ms, "
                f"p95 {percentile(timings, 0.95):.1f} ms"
            )
        )
