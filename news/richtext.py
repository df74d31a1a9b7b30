"""The press-release body: what the editor offers and the one sanitiser for it.

The admin's editor, imports and commands all clean HTML with `sanitize_body`, so a
body that reaches the database by any road has passed the same allow-list.
"""

import html as html_lib
import re

import nh3
from django.utils.html import escape
from django_prose_editor.config import allowlist_from_extensions

BODY_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}


def _cleaner():
    config = allowlist_from_extensions(BODY_EXTENSIONS)
    attributes = {
        tag: set(attrs) - {"rel", "target"} for tag, attrs in config["attributes"].items()
    }
    return nh3.Cleaner(
        tags=set(config["tags"]),
        attributes=attributes,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        # Drop these with everything inside them, not just the tags: their text is code.
        clean_content_tags={
            "script",
            "style",
            "iframe",
            "object",
            "embed",
            "svg",
            "math",
            "template",
            "noscript",
            "textarea",
            "select",
        },
        strip_comments=True,
    )


_CLEANER = _cleaner()


_TAG = re.compile(r"<[a-zA-Z/!?]")
_BLANK_LINES = re.compile(r"\n\s*\n")


def paragraphs_from_text(text):
    """Plain text (no tags) as HTML: blank lines separate paragraphs, newlines become <br>."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return "".join(
        # Unescape first so text that is already escaped is not escaped twice.
        "<p>{}</p>".format(escape(html_lib.unescape(block.strip())).replace("\n", "<br>"))
        for block in _BLANK_LINES.split(text)
        if block.strip()
    )


def sanitize_body(html):
    """Return `html` reduced to the body allow-list; an empty editor gives ''.

    Text without any tags (pasted or imported plain text) keeps its paragraphs.
    """
    html = html or ""
    if html.strip() and not _TAG.search(html):
        html = paragraphs_from_text(html)
    cleaned = _CLEANER.clean(html).strip()
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
