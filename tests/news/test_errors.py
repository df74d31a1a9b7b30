"""Custom 404 and 500 pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.views.defaults import server_error

from mfa_site import urls


@pytest.mark.django_db
def test_404_page_is_the_sites_own(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert f'href="{reverse("news:list")}"' in response.text
    assert '<a class="skip-link"' in response.text


def test_handlers_are_wired():
    assert urls.handler404 == "django.views.defaults.page_not_found"
    assert urls.handler500 == "django.views.defaults.server_error"


@pytest.mark.django_db
def test_500_page_renders_without_the_database_or_a_request_context(rf):
    with CaptureQueriesContext(connection) as queries:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
    assert len(queries) == 0


def test_500_template_extends_nothing():
    from django.template.loader import get_template

    source = get_template("500.html").template.source
    assert "{% extends" not in source
    assert "request" not in source and "csp_nonce" not in source
