"""The CSV export of the staff search."""

import csv
import io

import pytest

from partners.staff import neutralise
from tests.factories import make_embassy, make_figure, make_institution, make_partnership

pytestmark = pytest.mark.django_db

EXPORT = "/staff/partners/export.csv"


def download(client, **params):
    response = client.get(EXPORT, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="partners-')
    assert response.streaming
    body = b"".join(response.streaming_content)
    return body


def rows(body):
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_export_starts_with_a_bom_and_has_one_row_per_institution(staff_client, antwerp_world):
    embassy = make_embassy("Embassy in Belgium")
    partnership = make_partnership(
        "Mobility", institutions=[antwerp_world["uantwerp"], antwerp_world["amu"]], embassy=embassy
    )
    make_figure(partnership=partnership, label="students", value=11)
    body = download(staff_client)
    assert body.startswith(b"\xef\xbb\xbf")
    table = rows(body)
    assert table[0][:3] == ["Name", "Short name", "Country"]
    assert len(table) == 1 + 4
    by_name = {row[0]: row for row in table[1:]}
    uantwerp = by_name["University of Antwerp"]
    assert uantwerp[1] == "UAntwerp"
    assert uantwerp[2] == "Belgium"
    assert uantwerp[6] == "Mobility"
    assert uantwerp[7] == "1"
    assert uantwerp[8] == "students: 11 (2026-01-15)"
    assert uantwerp[9] == "Embassy in Belgium"
    assert uantwerp[11] == "http://testserver/en/institutions/university-of-antwerp/"
    assert uantwerp[12].startswith("http://testserver/admin/partners/institution/")
    assert "Université de Liège" in by_name


def test_export_applies_the_same_filters_and_search(staff_client, antwerp_world):
    table = rows(download(staff_client, q="uantwerp", country="be"))
    assert [row[0] for row in table[1:]][0] == "University of Antwerp"
    table = rows(download(staff_client, country="kz"))
    assert [row[0] for row in table[1:]] == ["Almaty Management University"]


def test_export_with_bad_filter_goes_back_to_the_search_page(staff_client, antwerp_world):
    response = staff_client.get(EXPORT, {"country": "xx", "q": "a"})
    assert response.status_code == 302
    assert response["Location"] == "/staff/partners/?country=xx&q=a"


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://evil")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_formula_cells_are_neutralised(staff_client, name):
    make_institution(name, slug="evil", city="=cmd|' /C calc'!A0")
    table = rows(download(staff_client))
    row = table[1]
    assert row[0] == "'" + name
    assert row[3] == "'=cmd|' /C calc'!A0"


def test_neutralise_leaves_ordinary_cells_alone():
    assert neutralise("University of Antwerp") == "University of Antwerp"
    assert neutralise(3) == "3"
    assert neutralise(None) == ""
    assert neutralise("-") == "'-"


def test_export_streams_many_institutions(staff_client):
    for number in range(30):
        make_institution(f"Generated Institute {number:05}")
    table = rows(download(staff_client))
    assert len(table) == 31
