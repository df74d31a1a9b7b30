"""`import_press_releases --dry-run --format json`: the stable report of detection."""

import json
import shutil
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from news.models import LinkSuggestion, PressRelease
from partners.models import Institution

from .conftest import CORPUS

pytestmark = pytest.mark.django_db

FILE_FIELDS = {
    "file", "status", "error", "language", "title", "lead", "dateline", "date",
    "attribution", "links", "suggestions",
}  # fmt: skip


def report(*paths):
    out = StringIO()
    call_command(
        "import_press_releases", *map(str, paths), "--dry-run", "--format", "json", stdout=out
    )
    return json.loads(out.getvalue())


def test_seed_report_lists_links_and_figures_and_stores_nothing(corpus_directory):
    data = report(CORPUS / "01-antwerp-seed.txt")
    assert list(data) == ["files"]
    (entry,) = data["files"]
    assert set(entry) == FILE_FIELDS
    assert entry["status"] == "created"
    assert entry["error"] is None
    assert entry["language"] == "en"
    assert entry["attribution"] == "Ministry of Foreign Affairs of the Republic of Kazakhstan"
    links = {(item["kind"], item["name"]) for item in entry["links"]}
    assert ("institution", "University of Antwerp") in links
    assert any(kind == "embassy" and "Belgium" in name for kind, name in links)
    assert ("person", "Roman Vassilenko") in links
    assert ("country", "Belgium") in links
    for item in entry["links"]:
        assert isinstance(item["id"], int) and item["matched_text"]
    belgium = next(i for i in entry["links"] if i["kind"] == "country" and i["name"] == "Belgium")
    assert belgium["country"] == "BE"
    figures = [s for s in entry["suggestions"] if s["kind"] == "figure"]
    students = next(f for f in figures if f["value"] == 8)
    assert students["label"] == "master's students"
    assert students["approximate"] is False
    assert students["subject"]["kind"] == "partnership"
    assert PressRelease.objects.count() == 0
    assert LinkSuggestion.objects.count() == 0


def test_date_is_iso_8601_and_dateline_is_the_city(corpus_directory, tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text(
        "Rector visits Antwerp\n\nBRUSSELS, 16 May 2025 – The Rector of the University of "
        "Antwerp met students.\n\nMore text follows here.\n",
        encoding="utf-8",
    )
    (entry,) = report(path)["files"]
    assert entry["date"] == "2025-05-16"
    assert entry["dateline"] == "Brussels"
    assert entry["title"] == "Rector visits Antwerp"


def test_new_institution_suggestion_has_name_and_country(corpus_directory, tmp_path):
    path = tmp_path / "new.txt"
    path.write_text(
        "ASTANA, 3 March 2025 – Kazakh-British Technical University signed a memorandum "
        "with the University of Antwerp.\n\nThe sides discussed exchanges.\n",
        encoding="utf-8",
    )
    (entry,) = report(path)["files"]
    new = [s for s in entry["suggestions"] if s["kind"] == "new_institution"]
    assert [(s["name"], s["country"]) for s in new] == [
        ("Kazakh-British Technical University", "KZ")
    ]
    assert Institution.objects.filter(name__startswith="Kazakh-British").count() == 0


def test_a_failed_file_is_reported_with_its_error_and_the_exit_status_is_not_zero(
    corpus_directory, tmp_path
):
    shutil.copy(CORPUS / "01-antwerp-seed.txt", tmp_path / "seed.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "import_press_releases", str(tmp_path), "--dry-run", "--format", "json", stdout=out
        )
    assert raised.value.returncode == 1
    files = {f["file"].rsplit("/", 1)[-1]: f for f in json.loads(out.getvalue())["files"]}
    assert files["empty.txt"]["status"] == "failed"
    assert files["empty.txt"]["error"] == "empty file"
    assert files["empty.txt"]["links"] == [] and files["empty.txt"]["title"] is None
    assert files["seed.txt"]["status"] == "created"


def test_command_line_exit_status_and_json_on_stdout(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text("A title here\n\nThe Embassy reports nothing new today.\n", encoding="utf-8")
    env = {"DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin", "DJANGO_PAGE_CACHE": "0"}
    db = tmp_path / "db.sqlite3"
    env["DATABASE_URL"] = f"sqlite:///{db}"
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True, capture_output=True)
    ok = subprocess.run(
        [*manage, "import_press_releases", "--dry-run", "--format", "json", str(good)],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["files"][0]["status"] == "created"
    bad = subprocess.run(
        [*manage, "import_press_releases", "--dry-run", "--format", "json", str(tmp_path)],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert bad.returncode == 1
    assert len(json.loads(bad.stdout)["files"]) == 2
