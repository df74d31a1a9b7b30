from django.urls import path

from . import feeds, views

app_name = "news"

subject_feed_patterns = []
for kind, model in feeds.SUBJECTS.items():
    rss, atom = feeds.subject_feeds(model, kind)
    subject_feed_patterns += [
        path(f"feed/{kind}/<slug:slug>/", rss(), name=f"feed-{kind}"),
        path(f"feed/{kind}/<slug:slug>/atom/", atom(), name=f"feed-{kind}-atom"),
    ]

urlpatterns = [
    path("", views.PressReleaseListView.as_view(), name="list"),
    path("feeds/", views.feeds_page, name="feeds"),
    path("feed/", feeds.NewsFeed(), name="feed"),
    path("feed/atom/", feeds.NewsAtomFeed(), name="feed-atom"),
    *subject_feed_patterns,
    path("<slug:slug>/", views.PressReleaseDetailView.as_view(), name="detail"),
]

# Previews of unpublished press releases (workflow): staff, and holders of a preview link.
# Tokens are secrets.token_urlsafe(), so a slug: anything else (a NUL byte, which PostgreSQL
# refuses in a query) is a 404 before it reaches the database.
from . import preview  # noqa: E402

urlpatterns += [
    path("preview/<int:pk>/", preview.StaffPreviewView.as_view(), name="preview"),
    path("preview/link/<slug:token>/", preview.TokenPreviewView.as_view(), name="preview-token"),
]
