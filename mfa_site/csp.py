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

# Tiptap's base CSS as injected by django-prose-editor 0.28.
TIPTAP_STYLE_HASHES = ["'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"]


def static_security_headers(headers, path, url):
    """WhiteNoise's add-headers hook: static files get the pages' CSP and framing headers.

    WhiteNoise answers before the CSP and X-Frame-Options middleware run; an SVG or HTML
    file served from /static/ must not run scripts or be framed any more than a page.
    """
    from django.conf import settings
    from django.utils.csp import build_policy

    headers["Content-Security-Policy"] = build_policy(settings.SECURE_CSP)
    headers["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
