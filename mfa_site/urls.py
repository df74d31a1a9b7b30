from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from mfa_site.health import healthz
from news.views import home

urlpatterns = [
    path("", home, name="home"),
    path("news/", include("news.urls")),
    path("", include("partners.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
