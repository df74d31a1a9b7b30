"""The API's rate limit, apart from mfa_site/api.py: DRF imports it while loading its views."""

from django.conf import settings
from rest_framework import throttling


class ClientRateThrottle(throttling.SimpleRateThrottle):
    """Requests per client address in the shared cache; over the limit: 429 + Retry-After.

    The rate is read from settings on every request (`API_RATE_LIMIT`, e.g. "120/minute"),
    and the address is REMOTE_ADDR unless `NUM_PROXIES` says how many proxies to trust.
    """

    scope = "api"

    def get_rate(self):
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
