"""The site's URLs plus stand-in news feeds, to test that partner pages announce them.

The news app's own include comes second: the first `news` namespace in the list is the
one `reverse()` uses, so the stand-ins and the real news URLs are reversible together.
"""

from django.http import HttpResponse
from django.urls import include, path

import news.urls
from mfa_site import urls as site_urls


def stand_in_feed(request, slug):
    return HttpResponse("feed", content_type="application/rss+xml")


stand_in_feeds = [
    pattern
    for kind in ("embassy", "institution", "partnership")
    for pattern in (
        path(f"feed/{kind}/<slug:slug>/", stand_in_feed, name=f"feed-{kind}"),
        path(f"feed/{kind}/<slug:slug>/atom/", stand_in_feed, name=f"feed-{kind}-atom"),
    )
]

urlpatterns = [
    path("news/", include((stand_in_feeds + news.urls.urlpatterns, "news"))),
    *site_urls.urlpatterns,
]
