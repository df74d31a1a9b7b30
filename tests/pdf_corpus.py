"""A corpus of hostile and ordinary PDFs, written byte by byte so each case is exact.

`build_pdf` writes a one-page PDF with extra catalog entries, page entries and objects,
either with a classic cross-reference table or (PDF 1.5) with the chosen objects packed
into a compressed object stream and a cross-reference stream, as Acrobat and most
producers do today.
"""

import io
import zlib

CATALOG, PAGES, PAGE, CONTENT = 1, 2, 3, 4
FIRST_EXTRA = 5


def _stream(dictionary, data):
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(data), data)


def build_pdf(catalog=b"", page=b"", extra=(), packed=(), text=b"Joint statement"):
    """A PDF whose objects 5, 6, ... are `extra`; numbers in `packed` go into an object
    stream (which needs a cross-reference stream, so the file is then PDF 1.5)."""
    content = b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text
    objects = {
        CATALOG: b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalog,
        PAGES: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R %s >>" % page,
        CONTENT: _stream(b"", content),
    }
    for number, body in enumerate(extra, start=FIRST_EXTRA):
        objects[number] = body
    packed = set(packed)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n" if packed else b"%PDF-1.4\n")
    offsets = {}
    for number, body in objects.items():
        if number in packed:
            continue
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    if not packed:
        size = max(objects) + 1
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
        return bytes(out)

    # Object stream: "number offset" pairs, then the objects themselves.
    stream_number = max(objects) + 1
    xref_number = stream_number + 1
    members = sorted(packed)
    header, data, index = [], bytearray(), {}
    for position, number in enumerate(members):
        header.append(b"%d %d" % (number, len(data)))
        data += objects[number] + b"\n"
        index[number] = position
    head = b" ".join(header) + b"\n"
    compressed = zlib.compress(head + bytes(data))
    offsets[stream_number] = len(out)
    out += b"%d 0 obj\n%s\nendobj\n" % (
        stream_number,
        _stream(
            b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode" % (len(members), len(head)),
            compressed,
        ),
    )
    offsets[xref_number] = len(out)
    rows = bytearray(b"\x00" + (0).to_bytes(4, "big") + (65535).to_bytes(2, "big"))
    for number in range(1, xref_number + 1):
        if number in index:
            rows += b"\x02" + stream_number.to_bytes(4, "big") + index[number].to_bytes(2, "big")
        else:
            rows += b"\x01" + offsets[number].to_bytes(4, "big") + (0).to_bytes(2, "big")
    out += b"%d 0 obj\n%s\nendobj\n" % (
        xref_number,
        _stream(
            b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Filter /FlateDecode" % (xref_number + 1),
            zlib.compress(bytes(rows)),
        ),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[xref_number]
    return bytes(out)


def encrypted_pdf():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


JS_ACTION = b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"
EMBEDDED_FILE = _stream(b"/Type /EmbeddedFile", b"MZ\x90\x00 not really a program")

HOSTILE = {
    # The plain forms, which the byte scan caught too.
    "javascript_open_action": lambda: build_pdf(b"/OpenAction 5 0 R", extra=[JS_ACTION]),
    "javascript_name_tree": lambda: build_pdf(
        b"/Names << /JavaScript << /Names [(a) 5 0 R] >> >>", extra=[JS_ACTION]
    ),
    # What the outside test found: name escapes, /JS then a newline, object streams.
    "javascript_name_escapes": lambda: build_pdf(
        b"/OpenAction 5 0 R", extra=[b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>"]
    ),
    "javascript_js_newline": lambda: build_pdf(
        b"/OpenAction 5 0 R", extra=[b"<< /S /J#61vaScript /JS\n(app.alert(1)) >>"]
    ),
    "javascript_in_object_stream": lambda: build_pdf(
        b"/OpenAction 5 0 R", extra=[JS_ACTION], packed=[CATALOG, PAGES, PAGE, 5]
    ),
    "page_open_action_in_object_stream": lambda: build_pdf(
        page=b"/AA << /O 5 0 R >>", extra=[JS_ACTION], packed=[PAGE, 5]
    ),
    "annotation_action_javascript": lambda: build_pdf(
        page=b"/Annots [5 0 R]",
        extra=[
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A 6 0 R >>",
            b"<< /S /JavaScript /JS 7 0 R >>",
            _stream(b"", b"app.alert(1)"),
        ],
        packed=[5, 6],
    ),
    "launch_action": lambda: build_pdf(
        b"/OpenAction 5 0 R", extra=[b"<< /S /L#61unch /F (cmd.exe) /NewWindow true >>"]
    ),
    "import_data_action": lambda: build_pdf(
        b"/OpenAction 5 0 R", extra=[b"<< /S /ImportData /F (data.fdf) >>"]
    ),
    "embedded_document_action": lambda: build_pdf(
        b"/OpenAction 5 0 R", extra=[b"<< /S /GoToE /T << /R /C /N (a) >> >>"]
    ),
    "embedded_file": lambda: build_pdf(
        b"/Names << /Emb#65ddedFiles << /Names [(a.exe) 5 0 R] >> >>",
        extra=[b"<< /Type /Filespec /F (a.exe) /EF << /F 6 0 R >> >>", EMBEDDED_FILE],
        packed=[CATALOG, 5],
    ),
    "file_attachment_annotation": lambda: build_pdf(
        page=b"/Annots [5 0 R]",
        extra=[
            b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS 6 0 R >>",
            b"<< /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>",
            EMBEDDED_FILE,
        ],
    ),
    "xfa_form": lambda: build_pdf(
        b"/AcroForm << /Fields [] /XFA 5 0 R >>",
        extra=[_stream(b"", b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'/>")],
    ),
    "rich_media": lambda: build_pdf(
        page=b"/Annots [5 0 R]",
        extra=[
            b"<< /Type /Annot /Subtype /RichMedia /Rect [0 0 10 10] "
            b"/RichMediaContent << /Assets << /Names [] >> >> >>"
        ],
        packed=[5],
    ),
    "encrypted_with_password": encrypted_pdf,
    # Not PDF at all, or no longer.
    "html_between_header_and_eof": lambda: (
        b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"
    ),
    "truncated": lambda: build_pdf()[:200] + b"\n%%EOF\n",
    "no_pages": lambda: (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n"
        b"0000000000 65535 f \n0000000009 00000 n \n"
        b"trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n45\n%%EOF\n"
    ),
}

ORDINARY = {
    "classic": lambda: build_pdf(),
    "object_streams": lambda: build_pdf(packed=[CATALOG, PAGES, PAGE]),
    "link_and_goto_open_action": lambda: build_pdf(
        b"/OpenAction [3 0 R /Fit]",
        page=b"/Annots [5 0 R]",
        extra=[
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
            b"/A << /S /URI /URI (https://www.gov.kz/memleket/entities/mfa) >> >>"
        ],
    ),
    "cyrillic_text": lambda: build_pdf(text="Совместное заявление".encode("utf-16-be")),
    "written_by_pypdf": lambda: _pypdf_written(),
}


def _pypdf_written():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": "Joint statement", "/Author": "Ministry"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
