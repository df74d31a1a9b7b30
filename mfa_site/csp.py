"""Content Security Policy pieces shared by the settings and the admin.

The admin and django-prose-editor run under the strict policy without
'unsafe-inline': Django 6.1's admin templates put the request's nonce on their tags
and on `{% csp_nonce_attr media %}`, and django-js-asset 5 carries it onto the
editor's inline import map. One thing is left: Tiptap (inside the editor) injects
its small base stylesheet as a `<style data-tiptap-style>` element without a nonce.
Its content is fixed per release, so the policy allows exactly that content by hash.

If an upgrade of django-prose-editor changes that CSS, tests/test_csp_browser.py
fails and Chromium's console message names the new hash to put here.
"""

from django.conf import settings
from django.middleware.csp import (
    ContentSecurityPolicyMiddleware as DjangoContentSecurityPolicyMiddleware,
)
from django.middleware.csp import get_nonce
from django.utils.csp import CSP, build_policy

# Tiptap's base CSS as injected by django-prose-editor 0.28.
TIPTAP_STYLE_HASHES = ["'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"]


def static_security_headers(headers, path, url):
    """WhiteNoise's add-headers hook: static files get the pages' CSP and framing headers.

    WhiteNoise answers before the CSP and X-Frame-Options middleware run; an SVG or HTML
    file served from /static/ must not run scripts or be framed any more than a page.
    """
    headers["Content-Security-Policy"] = build_policy(settings.SECURE_CSP)
    headers["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY


class ContentSecurityPolicyMiddleware(DjangoContentSecurityPolicyMiddleware):
    """Django's CSP middleware, with each policy built once per configuration.

    Django builds the header from the settings on every response (about 50 us of CPU, a
    sixth of a cached page's hit). The settings do not change while a process runs, so the
    policy is built once with a marker where the request's nonce goes, and each response
    gets its own nonce in its place, exactly the header Django would build. A setting
    replaced (`override_settings` in tests) is seen: the built policy is kept per
    configuration object.
    """

    _MARK = "__mfa_csp_nonce_source__"

    def __init__(self, get_response):
        super().__init__(get_response)
        self._built = {}

    def process_response(self, request, response):
        nonce = get_nonce(request)
        sentinel = object()
        if (csp_config := getattr(response, "_csp_config", sentinel)) is sentinel:
            csp_config = settings.SECURE_CSP
        if (csp_ro_config := getattr(response, "_csp_ro_config", sentinel)) is sentinel:
            csp_ro_config = settings.SECURE_CSP_REPORT_ONLY
        for header, config in (
            (CSP.HEADER_ENFORCE, csp_config),
            (CSP.HEADER_REPORT_ONLY, csp_ro_config),
        ):
            if config and header not in response:
                response.headers[str(header)] = self._policy(config, nonce)
        return response

    def _policy(self, config, nonce):
        """`build_policy(config, nonce)`, from the policies built for this configuration."""
        kept = self._built.get(id(config))
        if kept is None or kept[0] is not config:
            if len(self._built) >= 16:  # configurations made per response: keep few
                self._built.clear()
            with_nonce = build_policy(config, self._MARK)
            kept = self._built[id(config)] = (config, with_nonce, build_policy(config))
        if nonce:  # a nonce the response used (Django leaves an unused one out)
            return kept[1].replace(self._MARK, str(nonce))
        return kept[2]
