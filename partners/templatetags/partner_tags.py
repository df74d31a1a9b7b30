"""Template helpers for the public partner pages: feed links, JSON-LD, telephone links."""

import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Inside <script> the JSON must not be able to close the tag or open a comment.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def feed_urls(kind, slug):
    """{"rss": url, "atom": url} of the news feed about one subject, or None.

    The feeds live in the news app; the partner pages announce them only where those
    URLs exist (`news:feed-<kind>` and `news:feed-<kind>-atom`), never breaking the page.
    """
    try:
        return {
            "rss": reverse(f"news:feed-{kind}", args=[slug]),
            "atom": reverse(f"news:feed-{kind}-atom", args=[slug]),
        }
    except NoReverseMatch:
        return None


def json_for_script(data):
    """JSON that is safe to place between <script> tags."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    """A JSON-LD block carrying the request's CSP nonce; nothing when there is no data."""
    if not data:
        return ""
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        context.get("csp_nonce", ""),
        mark_safe(json_for_script(data)),  # noqa: S308 - escaped by json_for_script
    )


@register.filter
def tel_href(phone):
    """A `tel:` URL from a phone number as people write it: "+32 2 640 03 88"."""
    digits = re.sub(r"[^\d+]", "", phone or "")
    return f"tel:{digits}" if digits.strip("+") else ""
