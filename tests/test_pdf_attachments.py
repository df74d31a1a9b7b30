"""PDF attachments are parsed (pypdf): every hostile PDF in the corpus is refused, ordinary
PDFs, object streams included, are accepted."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from mfa_site.attachments import validate_attachment
from mfa_site.pdf_inspection import ActiveContent, MalformedPDF, inspect_pdf
from news.models import PressReleaseAttachment
from tests.factories import make_press_release
from tests.news.test_media_admin import form_data, prefix_of
from tests.pdf_corpus import HOSTILE, ORDINARY, build_pdf

NOT_PDF = {"html_between_header_and_eof", "truncated", "no_pages"}


def upload(data, name="statement.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_every_hostile_pdf_in_the_corpus_is_refused(case):
    data = HOSTILE[case]()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    with pytest.raises(ValidationError) as excinfo:
        validate_attachment(upload(data))
    expected = "attachment_type" if case in NOT_PDF else "attachment_active"
    assert excinfo.value.code == expected


@pytest.mark.parametrize(
    ("case", "kind"),
    [
        ("javascript_name_escapes", "javascript"),
        ("javascript_js_newline", "javascript"),
        ("javascript_in_object_stream", "javascript"),
        ("page_open_action_in_object_stream", "javascript"),
        ("launch_action", "launch"),
        ("embedded_file", "embedded_file"),
        ("xfa_form", "xfa"),
        ("rich_media", "rich_media"),
    ],
)
def test_the_parser_names_what_it_found(case, kind):
    with pytest.raises(ActiveContent) as excinfo:
        inspect_pdf(upload(HOSTILE[case]()))
    assert excinfo.value.kind == kind


@pytest.mark.parametrize("case", sorted(NOT_PDF))
def test_files_that_are_not_well_formed_pdf_are_malformed(case):
    with pytest.raises(MalformedPDF):
        inspect_pdf(upload(HOSTILE[case]()))


def test_escaped_and_packed_javascript_is_invisible_to_a_byte_scan():
    """The corpus really holds the cases a raw byte scan missed."""
    markers = (b"/JavaScript", b"/JS ", b"/JS(", b"/JS<", b"/Launch", b"/EmbeddedFile")
    for case in ("javascript_name_escapes", "javascript_js_newline", "launch_action"):
        assert not any(marker in HOSTILE[case]() for marker in markers), case
    packed = HOSTILE["javascript_in_object_stream"]()
    assert b"JavaScript" not in packed and b"/JS" not in packed


@pytest.mark.parametrize("case", sorted(ORDINARY))
def test_ordinary_pdfs_are_accepted(case):
    kind = validate_attachment(upload(ORDINARY[case]()))
    assert kind.ext == "pdf"


def attach_through_the_admin(admin_client, data):
    press_release = make_press_release()
    url = f"/admin/news/pressrelease/{press_release.pk}/change/"
    page = admin_client.get(url)
    form = form_data(page)
    prefix = prefix_of(page, PressReleaseAttachment)
    form[f"{prefix}-TOTAL_FORMS"] = "1"
    form[f"{prefix}-0-title_en"] = "Joint statement"
    form[f"{prefix}-0-position"] = "0"
    form[f"{prefix}-0-file"] = upload(data)
    return admin_client.post(url, form)


@pytest.mark.django_db
def test_admin_refuses_a_packed_javascript_pdf_with_a_clear_message(admin_client):
    response = attach_through_the_admin(admin_client, HOSTILE["javascript_in_object_stream"]())
    assert response.status_code == 200
    assert "scripts, embedded files or other active content" in response.content.decode()
    assert not PressReleaseAttachment.objects.exists()


@pytest.mark.django_db
def test_admin_accepts_an_ordinary_pdf_with_object_streams(admin_client):
    response = attach_through_the_admin(admin_client, ORDINARY["object_streams"]())
    assert response.status_code == 302
    assert PressReleaseAttachment.objects.get().content_type == "application/pdf"


def test_one_giant_object_stream_is_refused_quickly():
    """pypdf reads object streams in quadratic time: a stream built to stall the check is
    refused before it is read."""
    import time

    count = 6000
    data = build_pdf(
        page=b"/Annots [" + b" ".join(b"%d 0 R" % (n + 5) for n in range(count)) + b"]",
        extra=[b"<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] >>"] * count,
        packed=range(5, count + 5),
    )
    started = time.perf_counter()
    with pytest.raises(ValidationError):
        validate_attachment(upload(data))
    assert time.perf_counter() - started < 3
