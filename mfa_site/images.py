"""Uploaded images: validation, clean re-encoding and responsive renditions.

Every image that enters the site goes through :func:`clean_and_process`: the format is
decided by Pillow from the content (JPEG, PNG or WebP only), the size and pixel budget are
checked from the header before anything is decoded, then the first frame is decoded, turned
upright by its EXIF orientation and re-encoded without any metadata. Renditions (WebP with a
JPEG fallback) are derived from that clean original under deterministic names, so they are
made once and found again by name. All file access goes through a Django storage.
"""

import hashlib
import io
import logging
import re
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

RENDITION_WIDTHS = (320, 640, 1024, 1600)
RENDITION_FORMATS = {"webp": "WEBP", "jpg": "JPEG"}
RENDITION_DIR = "renditions"

# Pillow format name -> (file extension, content type) of what we accept and store.
ALLOWED_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
# Multi-picture JPEG (some phones and cameras) is a JPEG whose first picture we keep.
FORMAT_ALIASES = {"MPO": "JPEG"}
IMAGE_CONTENT_TYPES = dict(ALLOWED_FORMATS.values())

# Errors Pillow raises on hostile or broken files, all turned into a validation error.
PILLOW_ERRORS = (
    OSError,
    ValueError,
    SyntaxError,
    EOFError,
    TypeError,
    IndexError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
    UnidentifiedImageError,
)

# Magic bytes of formats editors often try, so the refusal can name what was sent.
_KNOWN_REFUSED = [
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
    (b"8BPS", "PSD"),
    (b"%PDF-", "PDF"),
]


def max_image_bytes():
    return getattr(settings, "MEDIA_MAX_IMAGE_BYTES", 10 * 1024 * 1024)


def max_image_pixels():
    return getattr(settings, "MEDIA_MAX_IMAGE_PIXELS", 40_000_000)


@dataclass
class ProcessedImage:
    """A clean, re-encoded image ready to be stored, with the decoded picture kept."""

    content: ContentFile
    image: Image.Image
    format: str
    original_name: str

    @property
    def width(self):
        return self.image.width

    @property
    def height(self):
        return self.image.height


def _refused_format_name(head):
    stripped = head.lstrip()[:512].lower()
    if stripped.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in stripped:
        return "SVG"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return "HEIC/AVIF"
    for magic, name in _KNOWN_REFUSED:
        if head.startswith(magic):
            return name
    return None


def _not_allowed(fmt):
    return ValidationError(
        _("%(format)s files are not accepted. Upload a JPEG, PNG or WebP image."),
        code="image_format",
        params={"format": fmt},
    )


def _open_checked(fp):
    """Open an image from its header and check format, bytes and pixels; decode nothing."""
    fp.seek(0)
    head = fp.read(1024)
    fp.seek(0)
    pixel_budget = max_image_pixels()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(fp, formats=list(ALLOWED_FORMATS))
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("This image is far too large (a decompression bomb?) and was refused."),
            code="image_bomb",
        ) from exc
    except PILLOW_ERRORS as exc:
        refused = _refused_format_name(head)
        if refused:
            raise _not_allowed(refused) from exc
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP image, or it is damaged."),
            code="image_invalid",
        ) from exc
    fmt = FORMAT_ALIASES.get(image.format, image.format)
    if fmt not in ALLOWED_FORMATS:  # pragma: no cover - Image.open(formats=...) prevents it
        raise _not_allowed(image.format)
    if width * height * frames > pixel_budget:
        params = {
            "megapixels": round(width * height * frames / 1_000_000, 1),
            "frames": frames,
            "limit": round(pixel_budget / 1_000_000, 1),
        }
        if frames > 1:
            message = _(
                "This animation has %(megapixels)s megapixels over %(frames)s frames; the "
                "limit is %(limit)s megapixels."
            )
        else:
            message = _(
                "This image has %(megapixels)s megapixels; the limit is %(limit)s megapixels. "
                "Resize it before uploading."
            )
        raise ValidationError(message, code="image_pixels", params=params)
    return image, fmt


def _file_size(fp):
    size = getattr(fp, "size", None)
    if size is None:
        position = fp.tell()
        fp.seek(0, io.SEEK_END)
        size = fp.tell()
        fp.seek(position)
    return size


def _check_size(size):
    if size > max_image_bytes():
        raise ValidationError(
            _("This file is %(size)s; images may be at most %(limit)s."),
            code="image_too_big",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_image_bytes())},
        )


def validate_image_file(fp):
    """Check an uploaded image without decoding it; raise ValidationError when refused."""
    _check_size(_file_size(fp))
    image, fmt = _open_checked(fp)
    image.close()
    return fmt


def _to_srgb(image):
    """Convert an image with an embedded colour profile to sRGB, so dropping it is safe."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.createProfile("sRGB")
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, target, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _normalise_mode(image, fmt):
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if fmt == "JPEG":
        return image if image.mode in ("RGB", "L") else image.convert("RGB")
    if has_alpha:
        return image if image.mode == "RGBA" else image.convert("RGBA")
    return image if image.mode in ("RGB", "L") else image.convert("RGB")


def _encode(image, fmt, quality):
    buffer = io.BytesIO()
    options = {"JPEG": {"quality": quality, "optimize": True, "progressive": True}}.get(fmt, {})
    if fmt == "WEBP":
        options = {"quality": quality, "method": 4}
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def clean_and_process(uploaded):
    """Validate an upload and return it re-encoded: upright, no metadata, generated name.

    Raises ValidationError (with a message for the editor) when the file is refused.
    """
    original_name = PurePosixPath(getattr(uploaded, "name", "") or "image").name
    _check_size(_file_size(uploaded))
    image, fmt = _open_checked(uploaded)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.seek(0)
            image.load()
            upright = ImageOps.exif_transpose(image)
            clean = _normalise_mode(_to_srgb(upright), fmt)
            if clean is image:
                clean = image.copy()
    except PILLOW_ERRORS as exc:
        raise ValidationError(
            _("This image is damaged and could not be read."), code="image_invalid"
        ) from exc
    finally:
        image.close()
    # A fresh info dict: nothing from the upload (EXIF, GPS, XMP, comments, profiles,
    # text chunks, bytes appended after the image) reaches the stored file.
    clean.info = {}
    ext = ALLOWED_FORMATS[fmt][0]
    data = _encode(clean, fmt, quality=90)
    content = ContentFile(data, name=f"{uuid.uuid4().hex}.{ext}")
    return ProcessedImage(content=content, image=clean, format=fmt, original_name=original_name)


# --- renditions -------------------------------------------------------------------------


def rendition_widths(original_width):
    """The rendition widths for an image: the standard ones below its width, and its own
    width (capped at the largest) so nothing is ever upscaled."""
    widths = [w for w in RENDITION_WIDTHS if w < original_width]
    largest = min(original_width, RENDITION_WIDTHS[-1])
    if largest not in widths:
        widths.append(largest)
    return widths


def rendition_name(original_name, width, ext):
    """Deterministic name of one rendition, derived from the original's stored name."""
    stem = PurePosixPath(original_name).with_suffix("")
    return f"{RENDITION_DIR}/{stem}-{width}w.{ext}"


@dataclass
class Rendition:
    name: str
    width: int
    height: int
    ext: str


@dataclass
class RenditionSet:
    width: int
    height: int
    renditions: list = field(default_factory=list)

    def of(self, ext):
        return [r for r in self.renditions if r.ext == ext]


def _flatten(image):
    if image.mode in ("RGBA", "LA"):
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image if image.mode in ("RGB", "L") else image.convert("RGB")


def _planned(original_name, width, height):
    planned = []
    for w in rendition_widths(width):
        h = max(1, round(height * w / width))
        for ext in RENDITION_FORMATS:
            planned.append(Rendition(rendition_name(original_name, w, ext), w, h, ext))
    return planned


def make_renditions(storage, original_name, image=None, written=None):
    """Make the renditions of a stored original that do not exist yet; return them all.

    ``image`` is the decoded original when the caller has it (at upload); otherwise the
    stored file is opened. Names of files written are appended to ``written``.
    """
    opened = None
    try:
        if image is None:
            opened = storage.open(original_name, "rb")
            image, _fmt = _open_checked(opened)
        width, height = image.size
        planned = _planned(original_name, width, height)
        missing = [r for r in planned if not storage.exists(r.name)]
        if missing:
            image.load()
            source = image
            # Largest first, each made from the previous: fast and as sharp as from the full.
            for w in sorted({r.width for r in missing}, reverse=True):
                h = next(r.height for r in missing if r.width == w)
                source = source.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)
                for r in (r for r in missing if r.width == w):
                    picture = source if r.ext == "webp" else _flatten(source)
                    fmt = RENDITION_FORMATS[r.ext]
                    data = _encode(picture, fmt, quality=80 if r.ext == "webp" else 82)
                    saved = storage.save(r.name, ContentFile(data))
                    if written is not None:
                        written.append(saved)
        return RenditionSet(width=width, height=height, renditions=planned)
    finally:
        if opened is not None:
            opened.close()


def _cache_key(storage, name):
    digest = hashlib.sha256(f"{type(storage).__name__}:{name}".encode()).hexdigest()
    return f"mfa-renditions:{digest}"


def renditions_for(fieldfile):
    """The renditions of a stored image, made on first use; None if the file is missing or
    broken. Cached, so pages do not ask the storage on every view."""
    name = getattr(fieldfile, "name", None)
    if not name:
        return None
    storage = fieldfile.storage
    key = _cache_key(storage, name)
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    try:
        result = make_renditions(storage, name) if storage.exists(name) else None
    # A page must never fail because of one image: a broken file, Pillow or any storage
    # backend's error (botocore's are not OSErrors) leaves the image out.
    except Exception as exc:  # noqa: BLE001
        logger.warning("Image %s could not be rendered: %s", name, exc)
        result = None
    timeout = getattr(settings, "MEDIA_RENDITION_CACHE_SECONDS", 3600)
    cache.set(key, result or False, timeout if result else min(timeout, 60))
    return result


def forget_renditions(storage, name):
    cache.delete(_cache_key(storage, name))


# --- alt text -----------------------------------------------------------------------------

_FILENAME_LIKE = re.compile(
    r"""^(
        .*\.(jpe?g|png|webp|gif|heic|tiff?|bmp)     # ends with an image extension
        | (img|dsc|dscn|dscf|pxl|p|mvimg|photo|image|screenshot|whatsapp[ _]image)
          [\s_-]*\d[\d\s_-]*(\s*\(\d+\))?           # camera and phone names: IMG_2034
        | [0-9a-f]{16,}                             # a hash
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def _normalise(text):
    return re.sub(r"[\W_]+", " ", text).strip().lower()


def alt_looks_like_filename(alt, filename=None):
    """True when alt text is just a file name (the upload's, or one that looks like it)."""
    alt = (alt or "").strip()
    if not alt:
        return False
    if _FILENAME_LIKE.match(alt):
        return True
    if filename:
        stem = PurePosixPath(filename).stem
        return _normalise(alt) in {_normalise(stem), _normalise(PurePosixPath(filename).name)}
    return False
