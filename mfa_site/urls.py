from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from news.views import favicon, home, robots_txt

from . import sitemap_views
from .health import healthz
from .languages import switch_language
from .media_views import serve_media
from .two_factor.urls import root_patterns as two_factor_patterns

# Not under a language prefix: machines, staff tools and the admin (which follows the
# user's language from the cookie and the browser).
urlpatterns = [
    path("sitemap.xml", sitemap_views.sitemap, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_views.section, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("language/<str:language>/", switch_language, name="switch-language"),
    path("staff/partners/", include("partners.staff_urls")),
    *two_factor_patterns,
    path("api/v1/", include("mfa_site.api_urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    # set_language: the admin's language choice (and the public switcher) posts here.
    path("i18n/", include("django.conf.urls.i18n")),
]

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = _("Editors' admin")

# The public site: /kk/..., /ru/..., /en/.... LocaleMiddleware redirects / and every
# unprefixed public path (links published before the prefixes) to the visitor's language.
urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("news/", include("news.urls")),
    path("", include("partners.urls")),
)

# Django's own views render templates/404.html and templates/500.html; 500.html needs
# neither the database nor context processors, so it renders when both are down.
handler404 = "django.views.defaults.page_not_found"
handler500 = "django.views.defaults.server_error"

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media, name="media"),
    ]
