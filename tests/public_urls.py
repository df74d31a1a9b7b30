"""Every public URL pattern, read from the resolver, so tests cover pages added later.

Admin, staff and the debug-only file-serving views are left out; everything else the
root URLconf serves is public and must survive bad input.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

# Route prefixes that are not the public site.
EXCLUDED_PREFIXES = ("staff/", "__")
# File serving (static()/media), tested on its own in tests/test_media_views.py.
EXCLUDED_VIEWS = {"django.views.static.serve", "mfa_site.media_views.serve_media"}
EXCLUDED_NAMES = {"news:preview"}  # the staff preview of a draft, behind the admin login


@dataclass
class PublicPattern:
    name: str
    view: str  # dotted path of the view
    route: str  # e.g. "news/<slug:slug>/"
    converters: dict = field(default_factory=dict)  # kwarg name -> converter

    @property
    def kwargs(self):
        return list(self.converters)

    def build(self, **values):
        """The path with `values` put in place of the route's parameters (unchecked)."""
        from urllib.parse import quote

        def substitute(match):
            return quote(str(values[match.group("name")]), safe="")

        return "/" + re.sub(r"<(?:(?P<conv>[^>:]+):)?(?P<name>\w+)>", substitute, self.route)

    def __str__(self):
        return self.name or self.route


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            joined = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), joined)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            route = prefix + str(entry.pattern)
            if isinstance(entry.pattern, RoutePattern):
                converters = dict(entry.pattern.converters)
            else:  # a regex route: treat each named group as a string parameter
                converters = dict.fromkeys(entry.pattern.regex.groupindex)
            view = f"{entry.lookup_str}"
            yield PublicPattern(
                name=name or route, view=view, route=route.lstrip("^"), converters=converters
            )


def public_patterns():
    """The public URL patterns of the root URLconf, in order."""
    admin_prefix = settings.ADMIN_URL
    return [
        pattern
        for pattern in _walk(get_resolver().url_patterns)
        if not pattern.route.startswith((admin_prefix, *EXCLUDED_PREFIXES))
        and "staff" not in (pattern.name or "")
        and pattern.view not in EXCLUDED_VIEWS
        and pattern.name not in EXCLUDED_NAMES
    ]
