"""Done-when of issue 12: a Russian press release about the seed's world, imported as a new
user would, links the embassy, the ambassador, the rector, the three institutions and
offers its figures."""

import json
import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from news.models import PressRelease
from partners.models import Institution

from .conftest import CORPUS

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


@pytest.mark.parametrize(
    ("name", "language"), [("14-ru-antwerp-seed.txt", "ru"), ("15-kk-antwerp-seed.txt", "kk")]
)
def test_importing_the_seed_in_russian_or_kazakh_links_its_world(demo, tmp_path, name, language):
    shutil.copy(CORPUS / name, tmp_path / name)
    call_command("import_press_releases", str(tmp_path / name), "--no-progress", stdout=StringIO())
    press_release = PressRelease.objects.get(import_source=(tmp_path / name).resolve().as_posix())
    assert press_release.original_language == language
    assert press_release.localized("lead", language).startswith(
        {"ru": "Посол Казахстана в Бельгии", "kk": "Қазақстанның Бельгиядағы елшісі"}[language]
    )
    assert set(press_release.embassies.values_list("slug", flat=True)) == {
        "embassy-of-kazakhstan-in-belgium"
    }
    people = set(press_release.people.values_list("slug", flat=True))
    assert {"roman-vassilenko", "herwig-leirs"} <= people
    institutions = set(press_release.institutions.values_list("slug", flat=True))
    assert {
        "university-of-antwerp",
        "almaty-management-university",
        "antwerp-management-school",
    } <= institutions
    figures = press_release.link_suggestions.filter(kind="figure")
    assert sorted(figures.values_list("value", flat=True)) == [5, 8, 11]
    assert all(f.subject_kind == "partnership" for f in figures)


def test_json_report_of_the_russian_seed_names_entries_in_english(demo, capsys):
    out = StringIO()
    call_command(
        "import_press_releases",
        str(CORPUS / "14-ru-antwerp-seed.txt"),
        "--dry-run",
        "--format",
        "json",
        stdout=out,
    )
    (entry,) = json.loads(out.getvalue())["files"]
    assert entry["language"] == "ru"
    assert entry["attribution"] == "Пресс-служба МИД Республики Казахстан"
    names = {(i["kind"], i["name"]) for i in entry["links"]}
    assert ("institution", "University of Antwerp") in names
    assert ("person", "Roman Vassilenko") in names
    figures = {(f["label"], f["value"]) for f in entry["suggestions"] if f["kind"] == "figure"}
    assert ("студенты из Казахстана", 11) in figures
    assert Institution.objects.filter(slug="university-of-antwerp").exists()
    assert not PressRelease.objects.filter(original_language="ru").exists()
