"""generate_bench_data and bench_search on a small scale."""

import io

import pytest
from django.core.management import call_command

from news.models import PressRelease
from partners.models import Institution, Partnership, Person
from partners.search import search_institutions

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_generates_clearly_named_rows_once_and_renews_with_reset():
    run("generate_bench_data", "--scale", "0.005")
    assert Institution.objects.filter(name__startswith="Generated ").count() == 50
    assert Partnership.objects.filter(title__startswith="Generated Partnership").count() == 100
    assert Person.objects.filter(name__startswith="Generated Person").count() == 50
    assert PressRelease.objects.filter(title__startswith="Generated Press Release").count() == 250
    assert Partnership.institutions.through.objects.count() == 200
    assert Institution.objects.filter(parent__isnull=False).count() == 4
    assert PressRelease.objects.published().exists()

    assert "already there" in run("generate_bench_data", "--scale", "0.005")
    assert Institution.objects.count() == 50

    run("generate_bench_data", "--scale", "0.02", "--reset")
    run("generate_bench_data", "--scale", "0.01", "--reset")
    assert Institution.objects.count() == 100
    assert PressRelease.objects.count() == 500


def test_generated_institutions_are_searchable():
    run("generate_bench_data", "--scale", "0.005")
    institution = Institution.objects.order_by("pk").first()
    assert institution.search_text
    found = search_institutions(Institution.objects.all(), institution.short_name)
    assert institution in found


def test_bench_search_prints_median_and_p95():
    run("generate_bench_data", "--scale", "0.005")
    output = run("bench_search", "--repeat", "1")
    assert "20 queries x 1 runs" in output
    assert "median" in output
    assert "p95" in output
