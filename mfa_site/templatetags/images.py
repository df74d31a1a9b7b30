"""``{% responsive_image %}``: a <picture> with WebP and JPEG renditions of a stored image."""

from django import template
from django.utils.html import format_html, format_html_join

from mfa_site.images import renditions_for

register = template.Library()


def _srcset(storage, renditions):
    return format_html_join(", ", "{} {}w", ((storage.url(r.name), r.width) for r in renditions))


@register.simple_tag
def responsive_image(
    image, alt="", sizes="100vw", loading="lazy", decorative=False, css_class="", **attrs
):
    """Render ``image`` (an image field's file) as a responsive <picture>.

    Renders nothing when there is no image or its stored file is missing or unreadable.
    ``decorative`` gives ``alt=""``; ``loading="eager"`` is for images above the fold.
    """
    renditions = renditions_for(image) if image else None
    if not renditions:
        return ""
    storage = image.storage
    webp, jpeg = renditions.of("webp"), renditions.of("jpg")
    largest = jpeg[-1]
    fallback = next((r for r in jpeg if r.width >= 640), largest)
    loading = "eager" if loading == "eager" else "lazy"
    extra = format_html_join("", ' {}="{}"', sorted(attrs.items()))
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        'loading="{}" decoding="async"{}{}{}></picture>',
        _srcset(storage, webp),
        sizes or "100vw",
        storage.url(fallback.name),
        _srcset(storage, jpeg),
        sizes or "100vw",
        largest.width,
        largest.height,
        "" if decorative else (alt or ""),
        loading,
        # The eager image is the one above the fold: let the browser fetch it first.
        format_html(' fetchpriority="{}"', "high") if loading == "eager" else "",
        format_html(' class="{}"', css_class) if css_class else "",
        extra,
    )
