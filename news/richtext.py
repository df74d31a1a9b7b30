"""The press-release body: what the editor offers and the one sanitiser for it.

The admin's editor, imports and commands all clean HTML with `sanitize_body`, so a
body that reaches the database by any road has passed the same allow-list.
"""

import nh3
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
    )


_CLEANER = _cleaner()


def sanitize_body(html):
    """Return `html` reduced to the body allow-list; an empty editor gives ''."""
    cleaned = _CLEANER.clean(html or "").strip()
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
