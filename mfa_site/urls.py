from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from news.views import home

from .media_views import serve_media

urlpatterns = [
    path("", home, name="home"),
    path("news/", include("news.urls")),
    path("", include("partners.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.+)$", serve_media, name="media"),
    ]
