"""The site's three languages: the same page in another language, and the switcher.

Public pages live under /kk/, /ru/ and /en/ (i18n_patterns); a page's other-language
versions are found by resolving its path in its own language and reversing it in the
other, so slugs and query strings carry over.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import get_script_prefix, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from modeltranslation.utils import build_localized_fieldname

# How each language names itself, for the switcher (not translated: a reader looks for
# their own language written in it).
NATIVE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
# OpenGraph wants territory codes.
OG_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_GB"}


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def localized_names(*fields):
    """Every language's column of each translated field, in site order (admin, forms)."""
    return [build_localized_fieldname(field, code) for field in fields for code in language_codes()]


def url_in_language(url, language):
    """``url`` (a path of this site, with its query string) in ``language``.

    Returns ``url`` unchanged when it is not a language-prefixed page of this site.
    """
    source = translation.get_language_from_path(url.split("?", 1)[0])
    if source is None:
        return url
    with translation.override(source):
        return translate_url(url, language)


def _swap_prefix(path, source, language):
    """``path`` of a /<source>/ page in ``language``: URL paths and slugs are the same in
    every language (tested), so only the prefix changes, with no resolving and reversing."""
    prefix = get_script_prefix()
    own = f"{prefix}{source}/"
    if not path.startswith(own):
        return url_in_language(path, language)
    return f"{prefix}{language}/{path[len(own) :]}"


def alternates(request, available=None):
    """[{code, name, url, available, current}] for each site language, for one page."""
    current = translation.get_language()
    path = request.path
    return [
        {
            "code": code,
            "name": NATIVE_NAMES.get(code, code),
            "url": _swap_prefix(path, current, code),
            "available": available is None or code in available,
            "current": code == current,
            "og_locale": OG_LOCALES.get(code, code),
        }
        for code in language_codes()
    ]


@never_cache
@require_safe
def switch_language(request, language):
    """Remember the reader's choice in the language cookie and show ``next`` in it."""
    if language not in language_codes():
        raise Http404("Unknown language")
    next_url = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(url_in_language(next_url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response
