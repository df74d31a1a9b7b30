"""/api/v1/: the read-only JSON API, its OpenAPI 3.1 schema and its documentation pages."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import routers

from news.api import PressReleaseViewSet, TopicViewSet
from partners.api import (
    AreaViewSet,
    CountryViewSet,
    InstitutionViewSet,
    MissionViewSet,
    PartnershipViewSet,
    PersonViewSet,
)


class Router(routers.DefaultRouter):
    include_format_suffixes = False


# Path converters rather than regular expressions: the shared tests that walk every public
# URL pattern (bad input, fuzzing, security headers, outage) can build these paths too.
router = Router(use_regex_path=False)
router.register("press-releases", PressReleaseViewSet, basename="press-release")
router.register("missions", MissionViewSet, basename="mission")
router.register("institutions", InstitutionViewSet, basename="institution")
router.register("people", PersonViewSet, basename="person")
router.register("partnerships", PartnershipViewSet, basename="partnership")
router.register("areas", AreaViewSet, basename="area")
router.register("countries", CountryViewSet, basename="country")
router.register("topics", TopicViewSet, basename="topic")

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
