import hashlib
import json
from io import StringIO

import pytest
from django.core.management import call_command

from news.linking import detect_mentions, detection_date, parse_file
from news.management.commands.evaluate_mentions import (
    _slug_maps,
    evaluate,
    expected_items,
    found_items,
)

from .conftest import CORPUS

pytestmark = pytest.mark.django_db

SEED_SHA256 = "a8c94529cc67e2fd46881f9985e9d88c1b7751868da536a3cdf9bfd7b53b32f8"


def test_corpus_has_at_least_twelve_press_releases_of_our_own_plus_the_seed():
    expected = json.loads((CORPUS / "expected.json").read_text())
    assert len(expected) >= 13
    assert "01-antwerp-seed.txt" in expected
    assert all((CORPUS / name).exists() for name in expected)
    # The seed is copied unchanged from shared/seed/press-release-antwerp.txt.
    seed = (CORPUS / "01-antwerp-seed.txt").read_bytes()
    assert (
        hashlib.sha256(seed).hexdigest()
        == "a8c94529cc67e2fd46881f9985e9d88c1b7751868da536a3cdf9bfd7b53b32f8"
    )


def test_seed_finds_every_entity_and_figure_and_nothing_else(corpus_directory):
    expected = json.loads((CORPUS / "expected.json").read_text())["01-antwerp-seed.txt"]
    parsed = parse_file(CORPUS / "01-antwerp-seed.txt")
    detection = detect_mentions(parsed.plain_text, detection_date(parsed))
    assert found_items(detection, _slug_maps()) == expected_items(expected)


def test_precision_and_recall_on_the_corpus_are_at_least_095(corpus_directory):
    mentions, figures = evaluate(CORPUS)
    assert mentions.precision >= 0.95, mentions.misses
    assert mentions.recall >= 0.95, mentions.misses
    assert figures.precision >= 0.95, figures.misses
    assert figures.recall >= 0.95, figures.misses
    assert mentions.true_positives >= 90 and figures.true_positives >= 15


def test_evaluate_command_prints_figures_and_leaves_the_database_alone(db):
    from partners.models import Institution

    out = StringIO()
    call_command("evaluate_mentions", stdout=out)
    text = out.getvalue()
    assert "Mentions: precision 1.000, recall 1.000" in text
    assert "Figures: precision 1.000, recall 1.000" in text
    assert Institution.objects.count() == 0
