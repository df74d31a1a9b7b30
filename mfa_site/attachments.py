"""Uploaded documents (attachments): checked by content, stored under generated names."""

import logging
import uuid
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from . import pdf_inspection

logger = logging.getLogger("mfa.uploads")


@dataclass(frozen=True)
class DocumentKind:
    ext: str
    content_type: str
    label: str


DOCUMENT_KINDS = {"pdf": DocumentKind("pdf", "application/pdf", "PDF")}


def allowed_kinds():
    return [DOCUMENT_KINDS[k] for k in getattr(settings, "MEDIA_ATTACHMENT_KINDS", ["pdf"])]


def max_attachment_bytes():
    return getattr(settings, "MEDIA_MAX_ATTACHMENT_BYTES", 20 * 1024 * 1024)


def _tail(fp, size, length=2048):
    fp.seek(max(0, size - length))
    return fp.read(length)


def _looks_like_pdf(fp, size):
    """A PDF starts with its version header and ends with an end-of-file marker."""
    fp.seek(0)
    head = fp.read(1024)
    if not (head.startswith(b"%PDF-1.") or head.startswith(b"%PDF-2.")):
        return False
    return b"%%EOF" in _tail(fp, size)


def clean_original_name(name, default="document"):
    """The uploaded name, made safe for display and download; never used for storage."""
    name = PurePosixPath(str(name or "").replace("\\", "/")).name
    try:
        cleaned = get_valid_filename(name)
    except SuspiciousFileOperation:  # a name such as ".." or one with nothing usable left
        cleaned = ""
    return cleaned[:200] or default


def validate_attachment(uploaded):
    """Check a document by its content; return its DocumentKind or raise ValidationError."""
    size = uploaded.size
    if size > max_attachment_bytes():
        raise ValidationError(
            _("This file is %(size)s; documents may be at most %(limit)s."),
            code="attachment_too_big",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_attachment_bytes())},
        )
    kinds = allowed_kinds()
    for kind in kinds:
        if kind.ext == "pdf" and _looks_like_pdf(uploaded, size):
            try:
                pdf_inspection.inspect_pdf(uploaded)
            except pdf_inspection.ActiveContent as exc:
                logger.warning(
                    "PDF refused: %s",
                    exc.kind,
                    extra={"event": "attachment_refused", "kind": exc.kind, "where": exc.where},
                )
                raise ValidationError(
                    _(
                        "This PDF contains scripts, embedded files or other active content "
                        "and was refused. Save it again as a plain PDF (for example with "
                        "“Print to PDF”) and upload that."
                    ),
                    code="attachment_active",
                ) from None
            except pdf_inspection.MalformedPDF:
                break  # not a PDF a reader could open: refused below as not a valid PDF
            uploaded.seek(0)
            return kind
    raise ValidationError(
        _("This file is not a valid %(kinds)s document."),
        code="attachment_type",
        params={"kinds": ", ".join(kind.label for kind in kinds)},
    )


def generated_name(kind):
    return f"{uuid.uuid4().hex}.{kind.ext}"
