import datetime

import pytest

from news.linking.importer import (
    ImportFailed,
    parse_file,
    parse_text,
    read_text,
    title_from_lead,
)

from .conftest import CORPUS  # noqa: E402


def test_seed_without_title_line_takes_the_first_sentence_shortened_at_a_clause():
    parsed = parse_file(CORPUS / "01-antwerp-seed.txt")
    assert parsed.title == (
        "Ambassador of Kazakhstan to Belgium Roman Vassilenko met with the Rector of the "
        "University of Antwerp"
    )
    assert len(parsed.title) <= 110


def test_seed_attribution_goes_to_source_and_out_of_the_lead():
    parsed = parse_file(CORPUS / "01-antwerp-seed.txt")
    assert parsed.source == "Ministry of Foreign Affairs of the Republic of Kazakhstan"
    assert "reports" not in parsed.lead
    assert parsed.lead.endswith("higher education, science, and innovation.")
    assert parsed.lead.startswith("Ambassador of Kazakhstan to Belgium Roman Vassilenko")


def test_seed_body_paragraphs_become_sanitised_paragraphs():
    parsed = parse_file(CORPUS / "01-antwerp-seed.txt")
    assert len(parsed.paragraphs) == 6
    assert parsed.body_html.count("<p>") == 6
    assert "Centre for Maritime &amp; Air Transport Management" in parsed.body_html


def test_caps_dateline_with_full_stop():
    parsed = parse_text("BRUSSELS. The Ambassador met students.\n\nMore text.")
    assert parsed.dateline == "Brussels"
    assert parsed.lead == "The Ambassador met students."
    assert parsed.date is None


def test_caps_dateline_with_dash_and_several_words():
    parsed = parse_text("FRANKFURT AM MAIN – The consulate hosted a meeting.\n\nMore.")
    assert parsed.dateline == "Frankfurt am Main"
    assert parsed.lead == "The consulate hosted a meeting."


@pytest.mark.parametrize(
    ("opening", "city", "date"),
    [
        ("Astana, May 16, 2025 – ", "Astana", datetime.date(2025, 5, 16)),
        ("Almaty, 30 June 2026 - ", "Almaty", datetime.date(2026, 6, 30)),
        ("The Hague, 21 April 2026 — ", "The Hague", datetime.date(2026, 4, 21)),
        ("Astana, 14.09.2026 – ", "Astana", datetime.date(2026, 9, 14)),
        ("BRUSSELS, 2 December 2025 – ", "Brussels", datetime.date(2025, 12, 2)),
    ],
)
def test_dateline_with_date(opening, city, date):
    parsed = parse_text(f"{opening}The Minister met the delegation.\n\nBody paragraph.")
    assert (parsed.dateline, parsed.date) == (city, date)
    assert parsed.lead == "The Minister met the delegation."


def test_dateline_on_its_own_line_after_the_title():
    parsed = parse_text("Students meet\n\nAlmaty, 16 May 2025\n\nLead here.\n\nBody.")
    assert parsed.title == "Students meet"
    assert parsed.dateline == "Almaty"
    assert parsed.date == datetime.date(2025, 5, 16)
    assert parsed.lead == "Lead here."


def test_a_sentence_starting_with_an_acronym_is_no_dateline():
    parsed = parse_text("UNESCO and the university signed an agreement.\n\nBody.")
    assert parsed.dateline == ""
    assert parsed.lead.startswith("UNESCO and")


@pytest.mark.parametrize(
    ("lead", "source"),
    [
        (
            "The sides met, Ministry of Foreign Affairs of the Republic of Kazakhstan reports",
            "Ministry of Foreign Affairs of the Republic of Kazakhstan",
        ),
        (
            "The sides met, the press service of the Kazakh Foreign Ministry reports.",
            "Press service of the Kazakh Foreign Ministry",
        ),
    ],
)
def test_attribution_at_the_end_of_the_lead(lead, source):
    parsed = parse_text(f"{lead}\n\nBody.")
    assert parsed.source == source
    assert parsed.lead == "The sides met."


def test_attribution_as_last_line_leaves_the_body():
    parsed = parse_text(
        "The sides met.\n\nBody paragraph.\n\n"
        "The Ministry of Foreign Affairs of Kazakhstan reports."
    )
    assert parsed.source == "Ministry of Foreign Affairs of Kazakhstan"
    assert parsed.paragraphs == ["Body paragraph."]


def test_a_sentence_ending_in_reports_without_a_source_word_stays():
    parsed = parse_text("The sides met, and the rector reports.\n\nBody.")
    assert parsed.source == ""
    assert parsed.lead == "The sides met, and the rector reports."


def test_title_line_is_used_when_present():
    parsed = parse_text("Kazakh and Belgian universities meet\n\nBRUSSELS. Lead.\n\nBody.")
    assert parsed.title == "Kazakh and Belgian universities meet"
    assert parsed.dateline == "Brussels"


def test_short_first_sentence_is_the_whole_title():
    assert title_from_lead("The Ambassador met the Rector. Then more.") == (
        "The Ambassador met the Rector"
    )


def test_long_sentence_without_commas_is_cut_at_a_word_with_an_ellipsis():
    lead = "The " + " ".join(["delegation"] * 30) + " met."
    title = title_from_lead(lead)
    assert title.endswith("…")
    assert len(title) <= 111


def test_markdown_title_headings_emphasis_and_links():
    parsed = parse_file(CORPUS / "10-luxembourg.md")
    assert parsed.title == "Kazakhstan and Luxembourg discuss cooperation in higher education"
    assert parsed.source == "Ministry of Foreign Affairs of the Republic of Kazakhstan"
    assert parsed.dateline == "Luxembourg"
    assert "<h2>Next steps</h2>" in parsed.body_html
    assert "*" not in parsed.body_html and "](" not in parsed.body_html


def test_html_title_from_h1_and_paragraphs_from_p():
    parsed = parse_file(CORPUS / "09-almaty-graduates.html")
    assert parsed.title == "First graduates of the AlmaU–AMS double-degree MBA"
    assert parsed.dateline == "Almaty"
    assert parsed.source == "Press service of the Kazakh Foreign Ministry"
    assert len(parsed.paragraphs) == 2
    assert "twelve master’s students" in parsed.paragraphs[1]


def test_html_script_content_is_ignored(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("<h1>T</h1><p>Lead text.</p><script>alert(1)</script><p>Body.</p>")
    parsed = parse_file(path)
    assert "alert" not in parsed.body_html
    assert parsed.paragraphs == ["Body."]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n  \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Caf\u00e9 au lait".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_files_raise_with_a_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=reason):
        read_text(path)


def test_utf8_with_bom_is_read():
    # A BOM must not end up in the title.
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bom.txt"
        path.write_bytes("\ufeffBRUSSELS. Lead sentence.\n\nBody.".encode())
        assert parse_file(path).dateline == "Brussels"


@pytest.mark.parametrize(
    ("lead", "city", "date", "source", "starts"),
    [
        (
            "АСТАНА, 12 января 2026 года – Посол встретился с ректором, сообщает "
            "пресс-служба МИД РК.",
            "Астана", datetime.date(2026, 1, 12), "Пресс-служба МИД РК", "Посол встретился",
        ),
        (
            "АСТАНА, 12 қаңтар 2026 жыл – Елші ректормен кездесті, деп хабарлайды ҚР СІМ "
            "баспасөз қызметі.",
            "Астана", datetime.date(2026, 1, 12), "ҚР СІМ баспасөз қызметі", "Елші ректормен",
        ),
        (
            "БЕРЛИН – Форум прошел в Берлине, сообщили в пресс-службе МИД РК.",
            "Берлин", None, "Пресс-служба МИД РК", "Форум прошел",
        ),
        (
            "NUR-SULTAN, 30 July 2019. KAZINFORM – The Ambassador met the Minister, Kazinform "
            "learnt from the press service of the Kazakh Foreign Office.",
            "Nur-Sultan", datetime.date(2019, 7, 30), "Press service of the Kazakh Foreign Office",
            "The Ambassador met",
        ),
        (
            "ASTANA. Kazinform - The forum opened, Kazinform cites Akorda.",
            "Astana", None, "Akorda", "The forum opened",
        ),
        (
            "Елші ректормен кездесті, Қазақстан Республикасы СІМ баспасөз қызметі хабарлайды.",
            "", None, "Қазақстан Республикасы СІМ баспасөз қызметі", "Елші ректормен",
        ),
    ],
)  # fmt: skip
def test_datelines_attributions_and_agency_tags_in_three_languages(
    lead, city, date, source, starts
):
    parsed = parse_text(f"Заголовок новости\n\n{lead}\n\nТекст.")
    assert parsed.dateline == city
    assert parsed.date == date
    assert parsed.source == source
    assert parsed.lead.startswith(starts)
    assert "KAZINFORM" not in parsed.lead and "Kazinform -" not in parsed.lead


def test_a_last_line_naming_the_press_service_is_the_attribution():
    parsed = parse_text(
        "Title of the news\n\nThe rector met the consul.\n\nMore text.\n\n"
        "Press Service of Kazakh National University named after Al-Farabi\n"
    )
    assert parsed.source == "Press Service of Kazakh National University named after Al-Farabi"
    assert parsed.paragraphs == ["More text."]
