"""Import limits: file size, files in one line, UTF-16, and detection in linear time."""

import time

import pytest
from django.test import override_settings

from news.linking import ImportFailed, detect_mentions, import_file, parse_file
from news.linking.importer import LEAD_MAX, read_text
from news.management.commands.bench_detection import corpus_text

from .conftest import CORPUS

pytestmark = pytest.mark.django_db


@override_settings(IMPORT_MAX_BYTES=1000)
def test_a_file_over_the_size_limit_is_refused_with_its_size_and_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Title\n\n" + "Word " * 400, encoding="utf-8")
    result = import_file(path, dry_run=True)
    assert result.outcome == "failed"
    assert "file too large" in result.reason and "IMPORT_MAX_BYTES" in result.reason


def test_a_file_of_one_line_gets_a_short_lead_and_a_body_of_paragraphs(tmp_path):
    seed = (CORPUS / "01-antwerp-seed.txt").read_text(encoding="utf-8")
    one_line = " ".join(seed.split())
    text = " ".join([one_line] * 20)
    path = tmp_path / "one-line.txt"
    path.write_text(text, encoding="utf-8")
    parsed = parse_file(path)
    assert len(parsed.lead) <= LEAD_MAX
    assert parsed.lead.startswith("Ambassador of Kazakhstan to Belgium Roman Vassilenko")
    assert len(parsed.paragraphs) > 10
    assert all(len(p) <= 2400 for p in parsed.paragraphs)
    assert len(parsed.title) <= 120


def test_a_paragraph_without_any_full_stop_is_cut_between_words(tmp_path):
    path = tmp_path / "no-stops.txt"
    path.write_text("word " * 5000, encoding="utf-8")
    parsed = parse_file(path)
    assert len(parsed.lead) <= 2400
    assert all(len(p) <= 2400 for p in parsed.paragraphs)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_files_are_read(tmp_path, codec):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Посол Казахстана\n\nАСТАНА – Встреча в университете.\n".encode(codec))
    assert read_text(path).startswith("Посол Казахстана")


def test_broken_utf16_is_refused_as_utf16_not_as_binary(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "Hello".encode("utf-16-le") + b"\x00\xd8\x41")
    with pytest.raises(ImportFailed, match="UTF-16"):
        read_text(path)


def _best_time(text, runs=2):
    """The least CPU time of `runs` detections of `text`, and the last detection."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        found = detect_mentions(text)
        best = min(best, time.process_time() - started)
    return best, found


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_detection_time_grows_linearly_with_the_text(corpus_directory, language):
    """Four times the text takes about four times the time, not sixteen: this guards against
    a return to quadratic time (a 2 MB text once took 14 s), with room for a loaded machine.
    How fast detection is belongs to `bench_detection` and the README, not to a test."""
    text = corpus_text(CORPUS, language, 800_000)  # the language's corpus texts, repeated
    small = text[:200_000]
    detect_mentions(text[:20_000])  # build the language's index and warm the word caches
    small_time, found_small = _best_time(small)
    big_time, found_big = _best_time(text)
    assert found_big.language == found_small.language == language
    assert found_small.ids("institution") and found_small.ids("country")
    for kind in ("institution", "embassy", "person", "country"):
        assert found_big.ids(kind) == found_small.ids(kind)
    assert big_time < 8 * max(small_time, 0.01)


def test_detection_pauses_the_garbage_collector_and_leaves_it_as_it_found_it(
    corpus_directory, monkeypatch
):
    import gc

    from news.linking import mentions

    seen = []
    real_detect = mentions._detect

    def watched(raw_text, on=None):
        seen.append(gc.isenabled())
        return real_detect(raw_text, on)

    monkeypatch.setattr(mentions, "_detect", watched)
    text = "The ambassador met the rector of the University of Antwerp."
    assert gc.isenabled()
    assert detect_mentions(text).ids("institution")
    assert gc.isenabled(), "switched back on"
    gc.disable()
    try:
        detect_mentions(text)
        assert not gc.isenabled(), "left off, as it was"
    finally:
        gc.enable()
    assert seen == [False, False]
