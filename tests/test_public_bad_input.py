"""Bad input found by the fuzz test on the merged site, kept as plain regression tests."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("token", ["a\x00b", '=é\x00J"', "x y", "%00"])
def test_preview_link_with_a_malformed_token_is_404_not_a_database_error(client, token):
    # PostgreSQL refuses NUL bytes in a query: the URL must not reach the database with one.
    assert client.get(f"/en/news/preview/link/{token}/").status_code == 404


def test_preview_link_tokens_still_resolve():
    token = "Abc_-123xyz"
    assert reverse("news:preview-token", args=[token]) == f"/en/news/preview/link/{token}/"
