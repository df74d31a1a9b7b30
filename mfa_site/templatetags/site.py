"""Template helpers shared by every public page: structured data and safe images."""

import functools
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could end a <script> element or start markup inside it.
_JSON_SCRIPT_ESCAPES = {">": "\\u003E", "<": "\\u003C", "&": "\\u0026"}


def dump_json_ld(data):
    """JSON for a `<script type="application/ld+json">`, safe against `</script>` in data."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    for character, escaped in _JSON_SCRIPT_ESCAPES.items():  # replace(): faster than translate()
        text = text.replace(character, escaped)
    return mark_safe(text)


@register.filter
def json_ld(data):
    """`{{ data|json_ld }}` inside a ld+json script element."""
    return dump_json_ld(data)


@register.simple_tag(takes_context=True)
def breadcrumb_list_json_ld(context, crumbs):
    """schema.org BreadcrumbList from the page's [(name, url or None), ...]."""
    request = context["request"]
    items = []
    for position, (name, url) in enumerate(crumbs, start=1):
        item = {"@type": "ListItem", "position": position, "name": str(name)}
        item["item"] = request.build_absolute_uri(url) if url else request.build_absolute_uri()
        items.append(item)
    return dump_json_ld(
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
    )


@register.simple_tag
def image_file(image):
    """The image's url, width and height, or None when there is none or it cannot be read.

    A missing or corrupt file must cost the page its picture, never the page itself.
    """
    if not image:
        return None
    try:
        width, height = image.width, image.height
        url = image.url
    except (OSError, ValueError, TypeError):
        return None
    if not width or not height:
        return None
    return {"url": url, "width": width, "height": height}


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The page in each language: `available_languages` in the context limits which exist."""
    from mfa_site.languages import alternates

    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return {"links": [], "x_default": None}
    links = alternates(request, context.get("available_languages"))
    switch = site_links()["switch"]
    root = f"{request.scheme}://{request.get_host()}"  # the host checked once, not per link
    for link in links:
        link["switch"] = switch[link["code"]]
        link["absolute"] = root + link["url"]
    existing = [link for link in links if link["available"]]
    # x-default: the page in its original language (press releases), else in the site's
    # default language, else in its first language.
    first_choice = context.get("original_language") or settings.LANGUAGE_CODE
    preferred = [link for link in existing if link["code"] == first_choice]
    x_default = (preferred or existing or [None])[0]
    return {"links": links, "x_default": x_default and x_default["absolute"]}


@register.filter
def native_name(code):
    """How a language names itself ("Қазақша", "Русский", "English"), as the switcher writes it."""
    from mfa_site.languages import NATIVE_NAMES

    return NATIVE_NAMES.get(code, code)


# The header's and footer's links: the same on every page of a language.
SITE_LINKS = {
    "home": "home",
    "news": "news:list",
    "feeds": "news:feeds",
    "feed": "news:feed",
    "feed_atom": "news:feed-atom",
    "missions": "partners:embassy-list",
    "institutions": "partners:institution-list",
    "partnerships": "partners:partnership-list",
}


@register.simple_tag
def site_links():
    """{"news": "/kk/news/", ..., "switch": {"ru": "/language/ru/", ...}} for the page's
    language: reversed once per language and process, not a dozen times per page."""
    return _site_links(translation.get_language(), get_script_prefix(), get_urlconf())


@functools.cache
def _site_links(language, _prefix, _urlconf):
    with translation.override(language):
        links = {key: reverse(name) for key, name in SITE_LINKS.items()}
    links["switch"] = {
        code: reverse("switch-language", args=[code]) for code, _name in settings.LANGUAGES
    }
    return links


# What `{% once %}` rendered, per name, language, script prefix, URLconf and keys.
_ONCE = {}
_ONCE_LIMIT = 1_000


class OnceNode(template.Node):
    def __init__(self, name, keys, nodelist):
        self.name, self.keys, self.nodelist = name, keys, nodelist

    def render(self, context):
        key = (
            self.name,
            translation.get_language(),
            get_script_prefix(),
            get_urlconf(),
            *(key.resolve(context) for key in self.keys),
        )
        html = _ONCE.get(key)
        if html is None:
            html = self.nodelist.render(context)
            if len(_ONCE) < _ONCE_LIMIT:
                _ONCE[key] = html
        return html


@register.tag
def once(parser, token):
    """`{% once "name" key ... %}...{% endonce %}`: a part of the layout rendered once per
    process for each language and value of its keys, then written as it was.

    For the parts of every page that depend on nothing else (the header's links and names,
    the footer, the style sheet): they cost a fifth of an uncached page in template
    machinery (a dozen translations, static file look-ups, a test per link). What they show
    must come only from the code, the translations and the keys: never from the database,
    the request or the reader."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% once %} needs a name")
    nodelist = parser.parse(("endonce",))
    parser.delete_first_token()
    return OnceNode(bits[1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)


@receiver(setting_changed)
def _forget_once(**kwargs):
    _ONCE.clear()


@register.simple_tag(takes_context=True)
def site_section(context, links):
    """The header's section the page belongs to ("news", "missions", ...), or ""."""
    request = context.get("request")
    path = request.path if request is not None else ""
    for name in ("news", "missions", "institutions", "partnerships"):
        if links[name] in path:
            return name
    return ""
