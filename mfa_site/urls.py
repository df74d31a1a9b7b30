from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from news.sitemaps import NewsPagesSitemap, PressReleaseSitemap
from news.views import favicon, home, robots_txt
from partners.sitemaps import (
    DirectoryListSitemap,
    EmbassySitemap,
    InstitutionSitemap,
    PartnershipSitemap,
    PersonSitemap,
)

from .health import healthz
from .media_views import serve_media

sitemaps = {
    "pages": NewsPagesSitemap,
    "lists": DirectoryListSitemap,
    "news": PressReleaseSitemap,
    "embassies": EmbassySitemap,
    "institutions": InstitutionSitemap,
    "partnerships": PartnershipSitemap,
    "people": PersonSitemap,
}

urlpatterns = [
    path("", home, name="home"),
    path("news/", include("news.urls")),
    path("", include("partners.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
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
