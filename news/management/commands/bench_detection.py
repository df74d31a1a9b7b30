"""Time detection on a 2 MB text in each language, made of the corpus' real texts repeated.

The corpus directory is loaded in a transaction that is rolled back, so the database is left
as it was. Prints wall-clock and CPU time per language and the machine's load average, since
the machine may be shared.
"""

import importlib
import json
import os
import pkgutil
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

import news.linking
from news.linking import detect_mentions, get_index, parse_file

from .evaluate_mentions import DEFAULT_CORPUS, clear_directory, is_real, load_directory

LANGUAGES = ("en", "ru", "kk")


def corpus_text(corpus, language, size):
    """The corpus' real texts in `language`, joined and repeated to `size` characters."""
    expected = json.loads((Path(corpus) / "expected.json").read_text(encoding="utf-8"))
    texts = [
        parse_file(Path(corpus) / name).plain_text
        for name, entry in sorted(expected.items())
        if is_real(entry) and entry.get("language", "en") == language
    ]
    one = "\n\n".join(texts) + "\n\n"
    return (one * (size // len(one) + 1))[:size]


REFERENCE_STEPS = 5_000_000


def clear_word_caches():
    """Empty detection's memos of words (its bounded `lru_cache`s: parses, keys, traits), so
    that the next run meets every word for the first time, as a process meets a new press
    release's words. The compiled patterns and automata (unbounded caches) stay."""
    for info in pkgutil.iter_modules(news.linking.__path__):
        module = importlib.import_module(f"news.linking.{info.name}")
        for value in vars(module).values():
            parameters = getattr(value, "cache_parameters", None)
            if parameters is not None and parameters()["maxsize"] is not None:
                value.cache_clear()


def machine_reference():
    """CPU seconds of a fixed loop of Python additions (best of three): the same on every
    machine, so its time says how fast the machine runs Python code."""
    best = float("inf")
    for _ in range(3):
        started, total = time.process_time(), 0
        for step in range(REFERENCE_STEPS):
            total += step
        best = min(best, time.process_time() - started)
    return best


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Time mention and figure detection on a 2 MB text per language (the corpus' real "
        "texts repeated); target < 1 s each. Nothing is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=2_000_000, help="Characters per text.")
        parser.add_argument("--runs", type=int, default=3, help="Runs per language (best kept).")
        parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))

    def handle(self, *args, size, runs, corpus, **options):
        try:
            with transaction.atomic():
                clear_directory()
                load_directory(Path(corpus) / "directory.json")
                self.run(size, runs, corpus)
                raise _Rollback
        except _Rollback:
            pass

    def run(self, size, runs, corpus):
        get_index()
        load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
        self.stdout.write(f"Load average before: {load} (1, 5, 15 min; {os.cpu_count()} CPUs)")
        self.stdout.write(
            f"Machine reference: {machine_reference():.2f} s CPU for {REFERENCE_STEPS:,} steps "
            "of a Python loop (best of 3), to compare runs on different machines."
        )
        for language in LANGUAGES:
            text = corpus_text(corpus, language, size)
            detect_mentions(text[:2_000])  # build the per-language index and patterns
            clear_word_caches()
            first = time.process_time()
            detect_mentions(text)  # every word new to the process
            first = time.process_time() - first
            best_wall = best_cpu = float("inf")
            for _ in range(runs):
                wall, cpu = time.perf_counter(), time.process_time()
                detection = detect_mentions(text)
                best_wall = min(best_wall, time.perf_counter() - wall)
                best_cpu = min(best_cpu, time.process_time() - cpu)
            self.stdout.write(
                f"{language}: {len(text):,} characters in {best_wall:.2f} s wall, "
                f"{best_cpu:.2f} s CPU (best of {runs}; {len(detection.mentions)} mentions, "
                f"{len(detection.figures)} figures); target < 1 s. First run, every word "
                f"new to the process: {first:.2f} s CPU."
            )
        load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
        self.stdout.write(f"Load average after: {load}")
