import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from news.models import LinkSuggestion, PressRelease
from partners.models import Institution

from .conftest import CORPUS

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_press_releases", *args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path):
    shutil.copy(CORPUS / "01-antwerp-seed.txt", tmp_path / "seed.txt")
    shutil.copy(CORPUS / "09-almaty-graduates.html", tmp_path / "graduates.html")
    shutil.copy(CORPUS / "10-luxembourg.md", tmp_path / "luxembourg.md")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 not a press release")
    return tmp_path


def test_folder_import_creates_drafts_for_txt_md_and_html(folder):
    out, _err = run(str(folder))
    assert "3 created, 0 updated, 0 unchanged, 0 skipped, 0 failed" in out
    assert PressRelease.objects.count() == 3
    assert set(PressRelease.objects.values_list("status", flat=True)) == {"draft"}
    seed = PressRelease.objects.get(import_source=(folder / "seed.txt").resolve().as_posix())
    assert seed.source == "Ministry of Foreign Affairs of the Republic of Kazakhstan"
    assert seed.body.startswith("<p>Ambassador noted that Kazakhstan")


def test_seed_import_links_its_world_and_offers_its_figures(corpus_directory, tmp_path):
    shutil.copy(CORPUS / "01-antwerp-seed.txt", tmp_path / "seed.txt")
    run(str(tmp_path / "seed.txt"))
    seed = PressRelease.objects.get()
    assert set(seed.institutions.values_list("slug", flat=True)) == {
        "university-of-antwerp",
        "c-mat",
        "almaty-management-university",
        "antwerp-management-school",
    }
    assert set(seed.people.values_list("slug", flat=True)) == {
        "roman-vassilenko",
        "herwig-leirs",
        "nathalie-dens",
    }
    assert list(seed.embassies.values_list("slug", flat=True)) == [
        "embassy-of-kazakhstan-in-belgium"
    ]
    assert {str(code) for code in seed.countries.values_list("code", flat=True)} == {"BE", "KZ"}
    assert list(seed.partnerships.values_list("slug", flat=True)) == ["almau-ams-double-degree-mba"]
    pending = seed.link_suggestions.pending()
    assert sorted((s.kind, s.label, s.value) for s in pending.filter(kind="figure")) == [
        ("figure", "Kazakh researchers", 5),
        ("figure", "Kazakh students", 11),
        ("figure", "master's students", 8),
    ]
    # The academic mobility partnership is named by one member and its kind: a suggestion.
    assert pending.filter(kind="partnership").count() == 1
    assert not seed.figures.exists()  # figures wait for the editor


def test_reimport_updates_the_same_draft_instead_of_duplicating(folder):
    run(str(folder))
    seed_file = folder / "seed.txt"
    seed = PressRelease.objects.get(import_source=seed_file.resolve().as_posix())
    out, _err = run(str(folder))
    assert "0 created, 0 updated, 3 unchanged" in out
    seed_file.write_text(seed_file.read_text().replace("Herwig Leirs", "Prof. Herwig Leirs"))
    out, _err = run(str(seed_file))
    assert "0 created, 1 updated" in out
    assert PressRelease.objects.count() == 3
    seed.refresh_from_db()
    assert "Prof. Herwig Leirs" in seed.lead


def test_reimport_leaves_a_press_release_that_is_no_longer_a_draft_alone(folder):
    run(str(folder / "seed.txt"))
    PressRelease.objects.update(status="review", title="Edited by an editor")
    out, _err = run(str(folder / "seed.txt"))
    assert "1 skipped" in out
    assert PressRelease.objects.get().title == "Edited by an editor"


def test_bad_files_are_reported_and_skipped_without_stopping_the_batch(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03 image data")
    (folder / "latin1.txt").write_bytes("Café au lait".encode("latin-1"))
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="3 of 6 files failed") as raised:
        call_command("import_press_releases", str(folder), "--no-progress", stdout=out, stderr=err)
    assert raised.value.returncode == 1
    out, err = out.getvalue(), err.getvalue()
    assert "3 created, 0 updated, 0 unchanged, 0 skipped, 3 failed" in out
    assert "empty.txt: empty file" in err
    assert "binary.txt: binary file" in err
    assert "latin1.txt: not UTF-8" in err
    assert PressRelease.objects.count() == 3


def test_dry_run_writes_nothing(corpus_directory, folder):
    institutions = Institution.objects.count()
    out, _err = run(str(folder), "--dry-run")
    assert "[dry run] Would import 3 files: 3 created" in out
    assert "seed.txt" in out
    assert PressRelease.objects.count() == 0
    assert LinkSuggestion.objects.count() == 0
    assert Institution.objects.count() == institutions


def test_missing_path_is_an_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No such file"):
        run(str(tmp_path / "nope"))


def test_imported_body_is_sanitised(tmp_path):
    (tmp_path / "x.html").write_text(
        '<h1>Title</h1><p>Lead text.</p><p onclick="x()">Body <img src=x onerror=y></p>'
    )
    run(str(tmp_path))
    body = PressRelease.objects.get().body
    assert body == "<p>Body</p>"


def test_slug_is_unique_for_two_files_with_the_same_title(tmp_path):
    (tmp_path / "a.txt").write_text("Same title\n\nLead one.\n\nBody.")
    (tmp_path / "b.txt").write_text("Same title\n\nLead two.\n\nBody.")
    run(str(tmp_path))
    assert sorted(PressRelease.objects.values_list("slug", flat=True)) == [
        "same-title",
        "same-title-2",
    ]
