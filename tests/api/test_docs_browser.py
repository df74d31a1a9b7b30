"""The API documentation page works in a real browser under the site's Content Security Policy."""

import pytest
from django.urls import reverse

from tests.csp_probe import ViolationRecorder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_shows_the_endpoints_from_our_own_files(page, live_server):
    outside = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(live_server.url) or request.url.startswith("data:")
            else outside.append(request.url)
        ),
    )
    recorder = ViolationRecorder(page)
    recorder.visit(live_server.url + reverse("api:docs"))
    page.wait_for_selector("text=/api/v1/press-releases/", timeout=15_000)
    assert page.locator(".opblock-get").count() >= 14  # list and detail of each endpoint
    assert outside == []
    assert recorder.violations() == []
