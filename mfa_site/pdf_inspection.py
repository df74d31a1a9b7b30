"""Is an uploaded PDF well formed and free of active content? Parsed with pypdf.

A byte scan misses what a PDF reader sees: names written with `#xx` escapes
(`/J#61vaScript` is `/JavaScript`), any whitespace after `/JS`, and objects packed into
compressed object streams (PDF 1.5). pypdf parses the file the way a reader does (cross-
reference tables and streams, object streams, name escapes), and every object it lists is
inspected as a parsed dictionary.

Refused: JavaScript anywhere (`/JS`, a `/JavaScript` name tree or action), actions that
launch programs, import data or open embedded documents, embedded files and file
attachment annotations, XFA forms, rich media (Flash, 3D, video with scripts), and files
that are not PDF (no cross-reference, no catalog, no page).
"""

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

# Dictionary keys that only exist to carry the things refused.
FORBIDDEN_KEYS = {
    "/JS": "javascript",
    "/JavaScript": "javascript",
    "/EmbeddedFiles": "embedded_file",
    "/EF": "embedded_file",
    "/XFA": "xfa",
    "/RichMediaContent": "rich_media",
    "/RichMediaSettings": "rich_media",
}
# Action types (/S) that run code or open something outside the document.
FORBIDDEN_ACTIONS = {
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/ImportData": "launch",
    "/GoToE": "embedded_file",
    "/RichMediaExecute": "rich_media",
}
# Object types (/Type or /Subtype) refused wherever they appear.
FORBIDDEN_TYPES = {
    "/EmbeddedFile": "embedded_file",
    "/FileAttachment": "embedded_file",
    "/RichMedia": "rich_media",
    "/Flash": "rich_media",
    "/3D": "rich_media",
}
# A 20 MB PDF has far fewer objects than this; more is a file built to exhaust the check.
MAX_OBJECTS = 500_000
# pypdf reads an object out of an object stream by scanning the stream's index from the
# start, so one huge stream costs quadratic time. Producers pack a few hundred per stream.
MAX_OBJECTS_PER_STREAM = 5_000


class MalformedPDF(Exception):
    """The file is not a PDF a reader could open."""


class ActiveContent(Exception):
    """The PDF carries something that runs or opens other content."""

    def __init__(self, kind, where):
        super().__init__(kind, where)
        self.kind = kind
        self.where = where


def _numbers(reader):
    """Every object number the file's cross-reference lists, object streams included."""
    for generation, table in reader.xref.items():
        for number in table:
            yield number, generation
    for number in reader.xref_objStm:
        yield number, 0


def _inspect_dict(obj, where):
    for key in obj:
        if key in FORBIDDEN_KEYS:
            raise ActiveContent(FORBIDDEN_KEYS[key], where)
    action = obj.get("/S")
    if isinstance(action, str) and action in FORBIDDEN_ACTIONS:
        raise ActiveContent(FORBIDDEN_ACTIONS[action], where)
    for type_key in ("/Type", "/Subtype"):
        value = obj.get(type_key)
        if isinstance(value, str) and value in FORBIDDEN_TYPES:
            raise ActiveContent(FORBIDDEN_TYPES[value], where)


def _walk(obj, where, budget):
    """Inspect `obj` and every direct object inside it (indirect ones are listed apart)."""
    stack = [obj]
    while stack:
        budget[0] -= 1
        if budget[0] < 0:
            raise MalformedPDF("too many objects")
        current = stack.pop()
        if isinstance(current, IndirectObject):
            continue
        if isinstance(current, DictionaryObject):  # streams are dictionaries too
            _inspect_dict(current, where)
            stack.extend(current.values())
        elif isinstance(current, ArrayObject):
            stack.extend(current)


def inspect_pdf(fp):
    """Raise MalformedPDF or ActiveContent for a file that must be refused."""
    fp.seek(0)
    try:
        reader = PdfReader(fp, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            # Its objects cannot be read without the password, so they cannot be checked.
            raise ActiveContent("encrypted", "trailer")
        if not reader.xref and not reader.xref_objStm:
            raise MalformedPDF("no cross-reference")
        root = reader.trailer.get("/Root")
        catalog = root.get_object() if root is not None else None
        if not isinstance(catalog, DictionaryObject) or catalog.get("/Type") != "/Catalog":
            raise MalformedPDF("no document catalog")
        if len(reader.pages) < 1:
            raise MalformedPDF("no page")
        for stream_number in {number for number, _ in reader.xref_objStm.values()}:
            stream = reader.get_object(IndirectObject(stream_number, 0, reader))
            if not isinstance(stream, StreamObject) or int(stream.get("/N", 0)) > (
                MAX_OBJECTS_PER_STREAM
            ):
                raise MalformedPDF(f"object stream {stream_number} unusable")
        budget = [MAX_OBJECTS]
        _walk(reader.trailer, "trailer", budget)
        for number, generation in _numbers(reader):
            try:
                obj = reader.get_object(IndirectObject(number, generation, reader))
            except (PdfReadError, PyPdfError, ValueError, KeyError) as exc:
                raise MalformedPDF(f"object {number} unreadable") from exc
            if obj is None:
                continue
            if isinstance(obj, StreamObject):
                _inspect_dict(obj, f"object {number}")
            _walk(obj, f"object {number}", budget)
    except (ActiveContent, MalformedPDF):
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise MalformedPDF(type(exc).__name__) from exc
    finally:
        fp.seek(0)
