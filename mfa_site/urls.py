from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from news.views import home, robots_txt

from . import sitemaps
from .health import healthz
from .media_views import serve_media

urlpatterns = [
    path("", home, name="home"),
    path("news/", include("news.urls")),
    path("", include("partners.urls")),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots"),
    path("healthz", healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
]

# Django's own views render templates/404.html and templates/500.html; 500.html needs
# neither the database nor context processors, so it renders when both are down.
handler404 = "django.views.defaults.page_not_found"
handler500 = "django.views.defaults.server_error"

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media, name="media"),
    ]
