import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """Every test starts with an untouched rate limit (it is counted in the cache)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api(client):
    """A client that asks for JSON in English, as the tests write their content in English."""
    client.defaults["HTTP_ACCEPT"] = "application/json"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
