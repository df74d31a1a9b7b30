"""What any API client relies on: the OpenAPI schema, ETag/304, CORS, the rate limit."""

import json

import pytest
from django.urls import reverse
from openapi_spec_validator import validate
from openapi_spec_validator.versions import consts

from tests.factories import make_press_release

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_openapi_3_1(api):
    response = api.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"] == "3.1.0"
    validate(schema)  # raises on any error
    for path in [
        "/api/v1/press-releases/",
        "/api/v1/missions/",
        "/api/v1/institutions/",
        "/api/v1/people/",
        "/api/v1/partnerships/",
        "/api/v1/countries/",
        "/api/v1/topics/",
    ]:
        assert path in schema["paths"], path
    params = {p["name"] for p in schema["paths"]["/api/v1/press-releases/"]["get"]["parameters"]}
    assert {"q", "topic", "embassy", "institution", "partnership", "country", "year"} <= params
    assert {"language", "cursor"} <= params
    assert consts  # the validator knows 3.1


def test_the_docs_page_uses_only_our_own_static_files(api):
    response = api.get(reverse("api:docs"), HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "https://" not in html
    script = api.get(reverse("api:docs") + "?script=", HTTP_ACCEPT="*/*")
    assert script.status_code == 200
    assert "/api/v1/schema/" in script.content.decode()


def test_the_api_is_not_under_a_language_prefix():
    assert reverse("api:press-release-list") == "/api/v1/press-releases/"


def test_an_unchanged_answer_is_a_304(api):
    make_press_release()
    url = reverse("api:press-release-list")
    first = api.get(url)
    etag = first["ETag"]
    assert etag
    again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    make_press_release("Something new")
    changed = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200


def test_reads_are_open_to_other_sites(api):
    make_press_release()
    response = api.get(reverse("api:press-release-list"), HTTP_ORIGIN="https://data.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = api.options(
        reverse("api:press-release-list"),
        HTTP_ORIGIN="https://data.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_cors_stays_off_the_public_pages(client):
    response = client.get(reverse("news:list"), HTTP_ORIGIN="https://data.example.org")
    assert "Access-Control-Allow-Origin" not in response


def test_writes_are_refused(api):
    press_release = make_press_release()
    url = reverse("api:press-release-detail", args=[press_release.slug])
    assert api.delete(url).status_code == 405
    assert api.post(reverse("api:press-release-list"), {}).status_code == 405


def test_over_the_rate_limit_a_client_gets_429_with_retry_after(api, settings):
    settings.API_RATE_LIMIT = "3/minute"
    url = reverse("api:topic-list")
    for _ in range(3):
        assert api.get(url).status_code == 200
    refused = api.get(url)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    # Another client is not affected.
    assert api.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200


def test_a_forged_forwarded_for_does_not_escape_the_limit(api, settings):
    settings.API_RATE_LIMIT = "2/minute"
    url = reverse("api:topic-list")
    statuses = [api.get(url, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(3)]
    assert statuses == [200, 200, 429]
