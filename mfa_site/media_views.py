"""Serve user-uploaded files from the default storage, defensively.

Used when the application itself serves media (development, or a single server with
``DJANGO_SERVE_MEDIA=1``); in production object storage or the web server serves them,
with the same headers configured there (see README, "Images and storage").
"""

from pathlib import PurePosixPath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.http import content_disposition_header

from .attachments import DOCUMENT_KINDS
from .images import IMAGE_CONTENT_TYPES

SERVED_TYPES = {
    **IMAGE_CONTENT_TYPES,
    **{kind.ext: kind.content_type for kind in DOCUMENT_KINDS.values()},
}
MEDIA_CSP = "default-src 'none'; img-src 'self'; sandbox"


def serve_media(request, path):
    """One stored file, only of a type the site stores, with headers that stop browsers
    from sniffing or running it; documents are downloads, never rendered in the site's
    origin."""
    parts = PurePosixPath(path).parts
    if not parts or path.startswith("/") or ".." in parts or "\\" in path:
        raise Http404
    ext = PurePosixPath(path).suffix.lower().lstrip(".")
    content_type = SERVED_TYPES.get(ext)
    if content_type is None:
        raise Http404
    try:
        handle = default_storage.open(path, "rb")
    except (OSError, SuspiciousFileOperation) as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    response["Cross-Origin-Resource-Policy"] = "same-site"
    # Names are generated and never reused, so a stored file never changes.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    if not content_type.startswith("image/"):
        response["Content-Disposition"] = content_disposition_header(True, PurePosixPath(path).name)
    return response
