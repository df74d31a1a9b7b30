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
    """A client that asks for JSON, as API clients do."""
    client.defaults["HTTP_ACCEPT"] = "application/json"
    return client
