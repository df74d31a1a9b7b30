"""Image validation, cleaning and renditions (mfa_site.images), with images made here."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from PIL import Image

from mfa_site import images
from tests.factories import (
    GPS_IFD,
    ORIENTATION,
    image_bytes,
    image_upload,
    phone_photo,
)


def refusal(upload):
    with pytest.raises(ValidationError) as caught:
        images.clean_and_process(upload)
    return caught.value


def png_declaring(width, height):
    """A PNG whose header claims a size its (tiny) data does not have: decoding it would
    fail, so a refusal for its size proves the check happened before decoding."""
    data = image_bytes("PNG", size=(1, 1))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    patched = struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return data[:8] + patched + data[8 + 25 :]


def animated(fmt, frames, size):
    buffer = io.BytesIO()
    pictures = [Image.new("RGB", size, (i * 20 % 255, 100, 150)) for i in range(frames)]
    pictures[0].save(buffer, format=fmt, save_all=True, append_images=pictures[1:], duration=100)
    return buffer.getvalue()


def reopen(processed):
    processed.content.seek(0)
    return Image.open(io.BytesIO(processed.content.read()))


# --- what is accepted ---------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "ext"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_jpeg_png_and_webp_are_accepted_and_stored_under_a_generated_name(fmt, ext):
    processed = images.clean_and_process(image_upload("Our photo!.weird", image_bytes(fmt)))
    assert processed.format == fmt
    assert processed.content.name.endswith(f".{ext}")
    assert "photo" not in processed.content.name.lower()
    assert len(processed.content.name) == 32 + 1 + len(ext)
    assert reopen(processed).format == fmt


def test_format_comes_from_the_content_not_the_name():
    processed = images.clean_and_process(image_upload("picture.png", image_bytes("JPEG")))
    assert processed.format == "JPEG"
    assert processed.content.name.endswith(".jpg")


# --- what is refused ----------------------------------------------------------------------


def test_text_named_jpg_is_refused():
    error = refusal(SimpleUploadedFile("photo.jpg", b"Hello, this is not an image at all.\n"))
    assert error.code == "image_invalid"
    assert "not a JPEG, PNG or WebP image" in str(error.messages[0])


def test_svg_with_script_is_refused_and_named():
    svg = (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" '
        b'height="10"><script>alert(document.cookie)</script></svg>'
    )
    error = refusal(SimpleUploadedFile("logo.png", svg))
    assert error.code == "image_format"
    assert "SVG" in str(error.messages[0])


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (image_bytes("TIFF"), "TIFF"),
        (image_bytes("BMP"), "BMP"),
        (image_bytes("GIF", mode="P", color=1), "GIF"),
        (b"8BPS\x00\x01" + b"\x00" * 6 + b"\x00\x03\x00\x00\x00\x10\x00\x00\x00\x10", "PSD"),
    ],
)
def test_other_image_formats_are_refused_by_content(data, name):
    error = refusal(SimpleUploadedFile("photo.jpg", data))
    assert error.code == "image_format"
    assert name in str(error.messages[0])


def test_many_frame_gif_is_refused():
    error = refusal(SimpleUploadedFile("anim.webp", animated("GIF", frames=30, size=(64, 64))))
    assert error.code == "image_format"


def test_file_over_the_byte_limit_is_refused_before_reading(settings):
    settings.MEDIA_MAX_IMAGE_BYTES = 5_000
    small = image_bytes("PNG", size=(10, 10))
    assert images.clean_and_process(image_upload("small.png", small)).format == "PNG"
    big = image_bytes("PNG", size=(10, 10)) + b"\0" * 6_000
    error = refusal(SimpleUploadedFile("big.png", big))
    assert error.code == "image_too_big"
    assert "images may be at most" in str(error.messages[0])


def test_default_limits_are_10_mb_and_40_megapixels():
    assert images.max_image_bytes() == 10 * 1024 * 1024
    assert images.max_image_pixels() == 40_000_000


def test_too_many_pixels_is_refused_from_the_header():
    error = refusal(SimpleUploadedFile("huge.png", png_declaring(8000, 6000)))
    assert error.code == "image_pixels"
    assert "48.0 megapixels" in str(error.messages[0])


def test_decompression_bomb_is_refused_before_decoding():
    error = refusal(SimpleUploadedFile("bomb.png", png_declaring(30_000, 30_000)))
    assert error.code == "image_bomb"


def test_real_compressed_bomb_is_refused(settings):
    """A 1-bit 12,000 x 12,000 PNG is a few kilobytes on disk and 144 megapixels decoded."""
    buffer = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buffer, format="PNG")
    assert len(buffer.getvalue()) < 100_000
    error = refusal(SimpleUploadedFile("bomb.png", buffer.getvalue()))
    assert error.code in {"image_bomb", "image_pixels"}


@pytest.mark.parametrize("fmt", ["WEBP", "PNG"])
def test_animation_counts_every_frame_against_the_pixel_budget(settings, fmt):
    settings.MEDIA_MAX_IMAGE_PIXELS = 1_000_000
    one_frame = animated(fmt, frames=1, size=(500, 500))
    assert images.clean_and_process(SimpleUploadedFile("a", one_frame)).width == 500
    error = refusal(SimpleUploadedFile("anim", animated(fmt, frames=5, size=(500, 500))))
    assert error.code == "image_pixels"
    assert "over 5 frames" in str(error.messages[0])
    assert "1.2 megapixels" in str(error.messages[0])


def test_truncated_image_is_refused():
    error = refusal(SimpleUploadedFile("cut.jpg", image_bytes("JPEG")[:400]))
    assert error.code == "image_invalid"


# --- cleaning -----------------------------------------------------------------------------


def test_polyglot_jpeg_with_appended_html_is_neutralised():
    payload = b"<html><body><script>alert(document.cookie)</script></body></html>"
    processed = images.clean_and_process(image_upload("x.jpg", image_bytes("JPEG") + payload))
    data = processed.content.read()
    assert b"<script" not in data
    assert data.endswith(b"\xff\xd9")


def test_png_text_chunks_with_script_are_dropped():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    processed = images.clean_and_process(image_upload("x.png", image_bytes("PNG", pnginfo=info)))
    assert b"<script" not in processed.content.read()
    assert "Comment" not in reopen(processed).info


def test_gps_and_camera_serial_are_removed_and_orientation_applied():
    processed = images.clean_and_process(image_upload("IMG_2034.jpg", phone_photo()))
    result = reopen(processed)
    assert result.size == (200, 400)
    exif = result.getexif()
    assert not exif.get_ifd(GPS_IFD)
    assert ORIENTATION not in exif
    assert len(exif) == 0
    assert b"SN-123456789" not in processed.content.read()
    top, bottom = result.getpixel((100, 50)), result.getpixel((100, 350))
    assert top[0] > 200 > top[2], "the left (red) half is on top after turning upright"
    assert bottom[2] > 200 > bottom[0]


def test_colour_profile_is_applied_and_comment_dropped():
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = image_bytes("JPEG", comment=b"camera comment", icc_profile=profile)
    assert Image.open(io.BytesIO(data)).info["icc_profile"] == profile
    processed = images.clean_and_process(image_upload("x.jpg", data))
    assert "comment" not in reopen(processed).info
    assert "icc_profile" not in reopen(processed).info
    assert b"camera comment" not in processed.content.read()


# --- renditions ---------------------------------------------------------------------------


def stored_original(size=(2000, 1500), fmt="JPEG", mode="RGB", color=(200, 50, 50)):
    processed = images.clean_and_process(
        image_upload("x", image_bytes(fmt, size=size, mode=mode, color=color))
    )
    name = default_storage.save(f"news/{processed.content.name}", processed.content)
    return name, processed


def test_renditions_are_webp_and_jpeg_at_four_widths_with_the_aspect_ratio():
    name, processed = stored_original((2000, 1500))
    written = []
    result = images.make_renditions(default_storage, name, image=processed.image, written=written)
    assert sorted({r.width for r in result.renditions}) == [320, 640, 1024, 1600]
    assert len(written) == 8
    for rendition in result.renditions:
        with default_storage.open(rendition.name) as handle:
            picture = Image.open(handle)
            assert picture.format == {"webp": "WEBP", "jpg": "JPEG"}[rendition.ext]
            assert picture.size == (rendition.width, round(1500 * rendition.width / 2000))
        assert rendition.name.startswith("renditions/news/")
        assert rendition.name.endswith(f"-{rendition.width}w.{rendition.ext}")


def test_small_image_is_never_upscaled():
    name, processed = stored_original((500, 300))
    result = images.make_renditions(default_storage, name, image=processed.image)
    assert sorted({r.width for r in result.renditions}) == [320, 500]
    with default_storage.open(images.rendition_name(name, 500, "webp")) as handle:
        assert Image.open(handle).size == (500, 300)


def test_renditions_are_made_once_and_reused():
    name, processed = stored_original((1200, 800))
    first, second = [], []
    images.make_renditions(default_storage, name, image=processed.image, written=first)
    images.make_renditions(default_storage, name, written=second)
    assert len(first) == 8  # 320, 640, 1024 and 1200 wide, WebP and JPEG
    assert second == []
    assert all(default_storage.exists(n) for n in first)


def test_renditions_are_made_lazily_for_an_original_stored_another_way():
    name = default_storage.save("news/legacy.jpg", ContentFile(image_bytes(size=(900, 600))))
    result = images.renditions_for(_fieldfile(name))
    assert result.width == 900
    assert default_storage.exists("renditions/news/legacy-640w.webp")
    assert default_storage.exists("renditions/news/legacy-900w.jpg")


def test_transparent_logo_keeps_alpha_in_webp_and_is_flattened_in_jpeg():
    name, processed = stored_original((400, 200), fmt="PNG", mode="RGBA", color=(0, 0, 0, 0))
    images.make_renditions(default_storage, name, image=processed.image)
    with default_storage.open(images.rendition_name(name, 400, "webp")) as handle:
        assert Image.open(handle).mode == "RGBA"
    with default_storage.open(images.rendition_name(name, 400, "jpg")) as handle:
        assert Image.open(handle).convert("RGB").getpixel((5, 5)) == (255, 255, 255)


# --- the template tag ---------------------------------------------------------------------


def _fieldfile(name):
    from news.models import PressRelease

    return PressRelease(image=name).image


def render(template, **context):
    return Template("{% load images %}" + template).render(Context(context))


def test_responsive_image_renders_srcset_sizes_dimensions_and_lazy_loading():
    name, processed = stored_original((2000, 1500))
    html = render(
        '{% responsive_image image alt="Signing in Antwerp" sizes="(min-width: 48em) 46em, '
        '100vw" %}',
        image=_fieldfile(name),
    )
    stem = name.removesuffix(".jpg")
    assert html.startswith("<picture>") and html.endswith("</picture>")
    assert (
        f'<source type="image/webp" srcset="/media/renditions/{stem}-320w.webp 320w, '
        f"/media/renditions/{stem}-640w.webp 640w, /media/renditions/{stem}-1024w.webp 1024w, "
        f'/media/renditions/{stem}-1600w.webp 1600w" sizes="(min-width: 48em) 46em, 100vw">'
    ) in html
    assert f'src="/media/renditions/{stem}-640w.jpg"' in html
    assert f"/media/renditions/{stem}-1600w.jpg 1600w" in html
    assert 'width="1600" height="1200"' in html
    assert 'alt="Signing in Antwerp"' in html
    assert 'loading="lazy" decoding="async"' in html


def test_decorative_image_gets_empty_alt_and_eager_loading_is_kept():
    name, _ = stored_original((800, 600))
    html = render(
        '{% responsive_image image alt="ignored" decorative=True loading="eager" %}',
        image=_fieldfile(name),
    )
    assert 'alt=""' in html
    assert 'loading="eager" decoding="async" fetchpriority="high"' in html


def test_alt_text_is_escaped():
    name, _ = stored_original((800, 600))
    html = render("{% responsive_image image alt=alt %}", image=_fieldfile(name), alt='"><b>x')
    assert "<b>" not in html
    assert 'alt="&quot;&gt;&lt;b&gt;x"' in html


def test_missing_file_renders_nothing():
    assert render("{% responsive_image image alt='x' %}", image=_fieldfile("news/gone.jpg")) == ""


def test_corrupt_file_renders_nothing():
    name = default_storage.save("news/corrupt.jpg", ContentFile(b"\xff\xd8\xff garbage"))
    assert render("{% responsive_image image alt='x' %}", image=_fieldfile(name)) == ""


def test_no_image_renders_nothing():
    assert render("{% responsive_image image alt='x' %}", image=_fieldfile("")) == ""


def test_image_include_wraps_the_picture_in_a_figure_with_caption_and_credit():
    name, _ = stored_original((800, 600))
    html = Template(
        '{% include "includes/image.html" with image=image alt="A" caption="Cap" credit="Me" %}'
    ).render(Context({"image": _fieldfile(name)}))
    assert html.startswith('<figure class="figure"><picture>')
    assert '<span class="figure__caption">Cap</span>' in html and "Photo: Me" in html
    missing = Template('{% include "includes/image.html" with image=image alt="A" %}').render(
        Context({"image": _fieldfile("news/none.jpg")})
    )
    assert missing.strip() == ""


# --- alt text that is a file name ---------------------------------------------------------


@pytest.mark.parametrize(
    "alt",
    ["IMG_2034.JPG", "IMG_2034", "DSC01234", "photo.png", "PXL_20260101_123456", "signing-01"],
)
def test_alt_text_that_is_a_file_name_is_recognised(alt):
    assert images.alt_looks_like_filename(alt, "signing-01.jpg")


@pytest.mark.parametrize(
    "alt", ["", "The rector signs the agreement", "Ambassador at the University of Antwerp"]
)
def test_real_alt_text_is_not_taken_for_a_file_name(alt):
    assert not images.alt_looks_like_filename(alt, "IMG_2034.jpg")
