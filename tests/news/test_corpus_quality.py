import hashlib
import json
import re
from io import StringIO

import pytest
from django.core.management import call_command

from news.linking import detect_mentions, detection_date, parse_file
from news.management.commands.evaluate_mentions import (
    _slug_maps,
    evaluate,
    expected_items,
    found_items,
    is_real,
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


def _written_for_the_tests_in_english(name, expected):
    return not is_real(expected) and expected.get("language", "en") == "en"


def test_precision_and_recall_on_the_english_texts_written_for_the_tests_are_at_least_095(
    corpus_directory,
):
    mentions, figures = evaluate(CORPUS, include=_written_for_the_tests_in_english)
    assert mentions.precision >= 0.95, mentions.misses
    assert mentions.recall >= 0.95, mentions.misses
    assert figures.precision >= 0.95, figures.misses
    assert figures.recall >= 0.95, figures.misses
    assert mentions.true_positives >= 90 and figures.true_positives >= 15


def test_evaluate_command_prints_figures_and_leaves_the_database_alone(db):
    from partners.models import Institution

    out = StringIO()
    call_command("evaluate_mentions", "--verbose-misses", stdout=out)
    text = out.getvalue()
    assert "Mentions: precision" in text and "Figures: precision" in text
    assert "held-out    ru" in text and "tuned       kk" in text
    assert "held-out-2  kk" in text  # the second held-out batch, reported apart
    # The groups on the untuned parts together, each against its target.
    targets = text[text.index("Untuned parts together (held-out, held-out-2") :]
    rows = re.findall(
        r"^(en|ru|kk) +(links|new entities|figures) +[\d.]+ +[\d.]+ +"
        r"(0\.95|0\.90) (met|not met) +\d+/\d+/\d+$",
        targets,
        re.MULTILINE,
    )
    assert len(rows) == 9
    assert {(group, target) for _lang, group, target, _met in rows} == {
        ("links", "0.95"),
        ("new entities", "0.95"),
        ("figures", "0.90"),
    }
    # Figures again with the subject left aside, to show how many fail on the subject alone:
    # a coarser match, so never fewer found than figures scored whole.
    whole = dict(re.findall(r"^(en|ru|kk) +figures .* (\d+)/\d+/\d+$", targets, re.MULTILINE))
    counts = re.findall(
        r"^(en|ru|kk) +counts only +[\d.]+ +[\d.]+  (\d+)/\d+/\d+$", targets, re.MULTILINE
    )
    assert [language for language, _found in counts] == ["en", "ru", "kk"]
    assert all(int(found) >= int(whole[language]) for language, found in counts)
    # Misses are listed for the tuned part only: nobody reads held-out failures by accident.
    listed = [line for line in text.splitlines() if line.startswith("  [")]
    assert all(line.startswith("  [tuned]") for line in listed)
    assert Institution.objects.count() == 0


@pytest.mark.parametrize("name", ["14-ru-antwerp-seed.txt", "15-kk-antwerp-seed.txt"])
def test_seed_in_russian_and_kazakh_links_the_embassy_people_and_institutions(
    corpus_directory, name
):
    expected = json.loads((CORPUS / "expected.json").read_text())[name]
    parsed = parse_file(CORPUS / name)
    detection = detect_mentions(parsed.plain_text, detection_date(parsed))
    assert detection.language == expected["language"]
    found, _figures = found_items(detection, _slug_maps())
    for kind in ("institutions", "embassies", "people", "countries"):
        assert {v for k, v in found if k == kind} == set(expected[kind]), kind


def test_a_real_corpus_has_30_texts_in_three_languages_and_a_held_out_part():
    expected = json.loads((CORPUS / "expected.json").read_text())
    real = {n: e for n, e in expected.items() if is_real(e)}
    assert len(real) >= 30
    by_language = {
        lang: [e for e in real.values() if e["language"] == lang] for lang in ["en", "ru", "kk"]
    }
    assert len(by_language["ru"]) >= 8 and len(by_language["kk"]) >= 8
    assert all(any(e["held_out"] for e in texts) for texts in by_language.values())
    # A second held-out batch, added after the tuning: at least three texts per language.
    second = [e for e in real.values() if e.get("held_out_batch") == 2]
    assert all(sum(e["language"] == lang for e in second) >= 3 for lang in ["en", "ru", "kk"])
    # A third, drawn before the first run from texts found with the tuned r48-r56, was moved
    # into the tuned part once the fourth was committed (its misses are studied).
    third = [e for e in real.values() if e.get("held_out_batch") == 3]
    assert third and not any(e["held_out"] for e in third)
    # A fourth, found and annotated before any run, was moved into the tuned part once the
    # fifth was committed (its misses are studied).
    fourth = [e for e in real.values() if e.get("held_out_batch") == 4]
    assert fourth and not any(e["held_out"] for e in fourth)
    # A fifth, found and annotated before any run, was moved into the tuned part in its turn
    # (its misses are studied for point 8 of issue 12).
    fifth = [e for e in real.values() if e.get("held_out_batch") == 5]
    assert fifth and not any(e["held_out"] for e in fifth)
    # A sixth, four texts per language found and annotated before any run, was moved into the
    # tuned part in its turn (its misses are studied for points 3, 4, 6 and 8 of issue 12).
    sixth = [e for e in real.values() if e.get("held_out_batch") == 6]
    assert sixth and not any(e["held_out"] for e in sixth)
    assert all(sum(e["language"] == lang for e in sixth) == 4 for lang in ["en", "ru", "kk"])


@pytest.mark.parametrize(
    "batch", [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]
)
def test_later_batches_of_four_texts_per_language_moved_into_the_tuned_part(batch):
    # Found and annotated before any run, held out for its first run, then moved into the
    # tuned part in its turn (its misses are studied for points 3, 4, 6 and 8 of issue 12).
    expected = json.loads((CORPUS / "expected.json").read_text())
    moved = [e for e in expected.values() if e.get("held_out_batch") == batch]
    assert moved and all(is_real(e) for e in moved)
    assert not any(e["held_out"] for e in moved)
    assert all(sum(e["language"] == lang for e in moved) == 4 for lang in ["en", "ru", "kk"])


@pytest.mark.parametrize(
    ("batch", "first", "last"),
    [
        (10, 190, 201),
        (11, 202, 213),
        (12, 214, 225),
        (13, 226, 237),
        (14, 238, 249),
        (15, 250, 261),
        (16, 262, 273),
        (17, 274, 285),
        (18, 286, 297),
        (19, 298, 309),
        (20, 310, 321),
        (21, 322, 333),
        (22, 334, 345),
        (23, 346, 357),
        (24, 358, 369),
        (25, 370, 381),
        (26, 382, 393),
        (27, 394, 405),
        (28, 406, 417),
    ],
)
def test_a_moved_batch_keeps_its_files(batch, first, last):
    expected = json.loads((CORPUS / "expected.json").read_text())
    names = [n for n, e in expected.items() if e.get("held_out_batch") == batch]
    assert sorted(n[:4] for n in names) == [f"r{i}" for i in range(first, last + 1)]


@pytest.mark.parametrize(("batch", "first", "last"), [(29, 418, 429), (30, 430, 441)])
def test_an_untuned_batch_has_four_texts_per_language_none_tuned_on(batch, first, last):
    expected = json.loads((CORPUS / "expected.json").read_text())
    names = [n for n, e in expected.items() if e.get("held_out_batch") == batch]
    texts = [expected[n] for n in names]
    assert sorted(n[:4] for n in names) == [f"r{i}" for i in range(first, last + 1)]
    assert all(e["held_out"] and is_real(e) for e in texts)
    assert all(sum(e["language"] == lang for e in texts) == 4 for lang in ["en", "ru", "kk"])
    # evaluate_mentions reports it apart, as held-out-<batch>.
    from news.management.commands.evaluate_mentions import PARTS, part_of

    part = f"held-out-{batch}"
    assert {part_of(e) for e in texts} == {part} and part in PARTS
