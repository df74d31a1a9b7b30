import re
from io import StringIO

import pytest
from django.core.management import call_command

from news.models import PressRelease
from partners.models import Institution, Person


@pytest.mark.django_db
def test_bench_mentions_prints_both_timings_and_keeps_nothing():
    out = StringIO()
    call_command(
        "bench_mentions",
        "--institutions=200",
        "--people=100",
        "--files=5",
        "--runs=3",
        stdout=out,
    )
    text = out.getvalue()
    assert "Generated 200 institutions and 100 people" in text
    assert "Detection on a " in text and "-word press release: median" in text
    assert "Imported 5 files in" in text and "5 created, 0 failed" in text
    assert "Rolled back" in text
    assert Institution.objects.count() == 0
    assert Person.objects.count() == 0
    assert PressRelease.objects.count() == 0


@pytest.mark.django_db
def test_bench_detection_prints_time_per_language_and_load_and_keeps_nothing():
    out = StringIO()
    call_command("bench_detection", "--size=5000", "--runs=1", stdout=out)
    text = out.getvalue()
    assert "Load average before:" in text and "Load average after:" in text
    reference = re.search(r"Machine reference: (\d+\.\d+) s CPU for 5,000,000 steps", text)
    assert reference and float(reference[1]) > 0
    for language in ("en", "ru", "kk"):
        assert f"{language}: 5,000 characters in " in text
    assert "target < 1 s" in text
    assert Institution.objects.count() == 0
