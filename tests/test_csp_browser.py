"""Headless Chromium under the enforced Content Security Policy: zero violations on every
public page and on the admin's press-release add and change pages (rich-text editor)."""

import urllib.request

import pytest
from django.contrib.auth import get_user_model
from django.urls import Resolver404, resolve, reverse

from news.models import PressRelease
from partners.models import Embassy, Institution, Partnership, Person
from tests.csp_probe import ViolationRecorder
from tests.factories import make_representative_site
from tests.public_urls import public_patterns

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "correct horse battery staple 42"


def public_page_paths():
    """One path per public HTML pattern: the pattern itself, or an object that resolves to it."""
    object_urls = [
        obj.get_absolute_url()
        for queryset in (
            PressRelease.objects.public(),
            Embassy.objects.all(),
            Institution.objects.all(),
            Partnership.objects.all(),
            Person.objects.all(),
        )
        for obj in queryset
    ]
    paths = []
    for pattern in public_patterns():
        if not pattern.kwargs:
            paths.append(pattern.build())
            continue
        for url in object_urls:
            try:
                match = resolve(url.split("?")[0])
            except Resolver404:
                continue
            if match.view_name == pattern.name:
                paths.append(url)
                break
    return paths


def test_public_pages_have_no_csp_violations(live_server, page):
    make_representative_site()
    recorder = ViolationRecorder(page)
    paths = public_page_paths()
    assert "/en/" in paths and any(p.startswith("/en/news/") and p != "/en/news/" for p in paths)
    found, visited = {}, 0
    for path in paths:
        # Feeds, sitemap, robots and /healthz are not pages: Chromium's XML and JSON viewers
        # are its own, not the site's.
        with urllib.request.urlopen(live_server.url + path) as probe:
            if not probe.headers["Content-Type"].startswith("text/html"):
                continue
        response = recorder.visit(live_server.url + path)
        assert response.status < 400, path
        assert "content-security-policy" in response.headers
        if violations := recorder.violations():
            found[path] = violations
        recorder.console.clear()
        visited += 1
    assert visited >= 5
    assert found == {}


def login(recorder, live_server):
    get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)
    recorder.visit(live_server.url + reverse("admin:login"))
    page = recorder.page
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "/login/" not in page.url


def test_admin_press_release_pages_and_editor_have_no_csp_violations(live_server, page):
    site = make_representative_site()
    recorder = ViolationRecorder(page)
    login(recorder, live_server)
    assert recorder.violations() == []

    recorder.visit(live_server.url + reverse("admin:news_pressrelease_add"))
    editor = page.locator(".ProseMirror[contenteditable=true]").first
    editor.wait_for(state="visible", timeout=10_000)  # the editor's module scripts ran
    editor.click()
    page.keyboard.type("Typed under a strict policy")
    assert "Typed under a strict policy" in editor.inner_text()
    assert recorder.violations() == []

    press_release = site["press_releases"][0]
    recorder.visit(
        live_server.url + reverse("admin:news_pressrelease_change", args=[press_release.pk])
    )
    page.locator(".ProseMirror[contenteditable=true]").first.wait_for(
        state="visible", timeout=10_000
    )
    assert recorder.violations() == []

    recorder.visit(live_server.url + reverse("admin:news_pressrelease_changelist"))
    assert recorder.violations() == []


def test_error_and_filtered_pages_have_no_csp_violations(live_server, page):
    """The pages a reader meets when something is wrong, and the filtered lists (with the
    folded filters and the chart's table), under the same policy."""
    make_representative_site()
    recorder = ViolationRecorder(page)
    for path, status in [
        ("/no/such/page/", 404),
        ("/en/news/no-such-press-release/", 404),
        ("/en/news/?institution=nope&year=abc", 200),
        ("/en/news/?page=99", 404),
        ("/en/institutions/?kind=nope", 200),
        ("/en/partnerships/?status=nope", 200),
    ]:
        page.set_viewport_size({"width": 360, "height": 740})
        response = recorder.visit(live_server.url + path)
        assert response.status == status, path
        assert page.locator("a.skip-link").count() == 1, "the site's own page"
        assert recorder.violations() == [], path


def test_admin_change_page_with_gallery_attachments_and_suggestions_has_no_csp_violations(
    live_server, page
):
    from news.linking import detect_press_release
    from news.models import LinkSuggestion
    from tests.factories import make_attachment, make_gallery_image, make_press_release

    site = make_representative_site()
    draft = make_press_release(
        "Gallery under a strict policy",
        status=PressRelease.Status.DRAFT,
        lead="The Ambassador visited Delft University of Technology in the Netherlands.",
    )
    make_gallery_image(draft, alt="A meeting")
    make_attachment(draft, title="Joint statement")
    detect_press_release(draft)
    assert draft.link_suggestions.filter(status=LinkSuggestion.Status.PENDING).exists()
    recorder = ViolationRecorder(page)
    login(recorder, live_server)

    recorder.visit(live_server.url + reverse("admin:news_pressrelease_change", args=[draft.pk]))
    page.locator(".ProseMirror[contenteditable=true]").first.wait_for(state="visible")
    assert page.locator("table.suggested-links").count() == 1
    assert page.locator("#images-group img").count() == 1  # the gallery preview rendition
    # The inlines' own scripts: add a gallery row and an attachment row, open the
    # featured-image section, search an institution with the links panel's autocomplete.
    page.locator("#images-group .add-row a").click()
    page.locator("#attachments-group .add-row a").click()
    page.locator(".field-institutions .select2-selection").click()
    page.keyboard.type(site["institutions"][0].name[:5])
    page.locator(".select2-results__option").first.wait_for()
    page.keyboard.press("Escape")
    assert recorder.violations() == []

    # A decision is a fetch with the CSRF header; the page stays and says what it did.
    page.locator("table.suggested-links button", has_text="Dismiss").first.click()
    page.locator("#suggested-links-status", has_text="Dismissed").wait_for()
    assert recorder.violations() == []
