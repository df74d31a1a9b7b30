"""What every endpoint of the read-only JSON API under /api/ shares.

Django REST framework does the work (serializers, django-filter, cursor pagination,
throttling with the shared cache); this module only sets the house rules: the language of
the answer, conditional requests (ETag, 304), CORS for reads, and the rate limit.
"""

from django.conf import settings
from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, pagination, viewsets

API_PREFIX = "/api/"
API_PAGE_SIZE = 20
API_MAX_PAGE_SIZE = 100

LANGUAGE_PARAMETER = OpenApiParameter(
    "language",
    OpenApiTypes.STR,
    enum=[code for code, _name in settings.LANGUAGES],
    description=str(
        _(
            "The language of the answer (kk, ru or en); without it, the Accept-Language "
            "header decides."
        )
    ),
)


class CursorPagination(pagination.CursorPagination):
    """Opaque cursors: stable pages while new items arrive, and no COUNT query."""

    page_size = API_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = API_MAX_PAGE_SIZE


class NewestFirstPagination(CursorPagination):
    ordering = ("-published_at", "-pk")


def cursor_pagination(*fields):
    """A cursor pagination ordered by `fields` (a unique field last keeps pages stable)."""
    return type("OrderedCursorPagination", (CursorPagination,), {"ordering": fields})


class LanguageMixin:
    """Answer in `?language=` (kk, ru, en), else in the language of Accept-Language."""

    def initial(self, request, *args, **kwargs):
        requested = request.query_params.get("language")
        if requested is not None:
            codes = [code for code, _name in settings.LANGUAGES]
            if requested not in codes:
                raise exceptions.ValidationError(
                    {
                        "language": [
                            _("Unknown language. Use one of: %(codes)s.")
                            % {"codes": ", ".join(codes)}
                        ]
                    }
                )
            translation.activate(requested)
            request.LANGUAGE_CODE = requested
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ["Accept-Language"])
        return response


class ReadOnlyViewSet(LanguageMixin, viewsets.ReadOnlyModelViewSet):
    lookup_value_converter = "slug"  # slugs and ISO codes


class ApiMiddleware:
    """For /api/ only: CORS headers for reads, and ETag/304 on every GET and HEAD.

    Anyone may read the API from a browser page on another site (no cookies are used, so
    `*` is safe); the ETag is a hash of the body, so a client that already has the
    answer gets a 304 without a body.
    """

    ALLOWED_METHODS = "GET, HEAD, OPTIONS"

    def __init__(self, get_response):
        self.get_response = get_response
        self.conditional = ConditionalGetMiddleware(get_response)

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = self.ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
            if response.status_code == 200 and request.method in ("GET", "HEAD"):
                response.setdefault(
                    "Cache-Control", f"public, max-age={settings.API_CACHE_SECONDS}"
                )
                response = self.conditional.process_response(request, response)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Retry-After, Content-Language"
        return response
