"""RSS 2.0 and Atom feeds of published news: all of it, or about one subject."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _

from mfa_site.page_cache import tag_page
from partners.models import Embassy, Institution, Partnership

from .models import PressRelease, Topic
from .page_tags import subject_tag

FEED_SIZE = 20


class NewsFeed(Feed):
    """The latest published press releases."""

    title = _("News of the Ministry of Foreign Affairs of the Republic of Kazakhstan")
    description = _("Press releases of the Ministry of Foreign Affairs, newest first.")

    def __call__(self, request, *args, **kwargs):
        tag_page(request, *self.page_tags(request, *args, **kwargs))
        return super().__call__(request, *args, **kwargs)

    def page_tags(self, request, *args, **kwargs):
        return ["news", "directory"]

    def link(self):
        return reverse("news:list")

    def feed_url(self):
        return reverse("news:feed")

    def items(self):
        return PressRelease.objects.listed().prefetch_related("topics")[:FEED_SIZE]

    def item_title(self, item):
        return strip_tags(item.title)

    def item_description(self, item):
        # Feed readers render a description as HTML: give them the lead as text, with any
        # markup an editor typed removed and what is left escaped, so nothing becomes a tag.
        return escape(strip_tags(item.lead))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]

    def item_author_name(self, item):
        return item.source or str(settings.SITE_NAME)


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description

    def feed_url(self):
        return reverse("news:feed-atom")


class SubjectNewsFeed(NewsFeed):
    """Published news about one topic, mission, institution or partnership (by slug)."""

    model = None
    kind = None  # the URL segment and the name of the feed: feed-<kind>

    def get_object(self, request, slug):
        subject = get_object_or_404(self.model, slug=slug)
        tag_page(request, subject_tag(subject))
        return subject

    def page_tags(self, request, *args, **kwargs):
        return []  # the subject's tag, added by get_object

    def title(self, obj):
        return _("News about %(subject)s") % {"subject": obj}

    def description(self, obj):
        return _("Press releases of the Ministry of Foreign Affairs about %(subject)s.") % {
            "subject": obj
        }

    def link(self, obj):
        return f"{reverse('news:list')}?{self.kind}={obj.slug}"

    def feed_url(self, obj):
        return reverse(f"news:feed-{self.kind}", args=[obj.slug])

    def items(self, obj):
        return obj.press_releases.listed().prefetch_related("topics")[:FEED_SIZE]


class SubjectNewsAtomFeed(SubjectNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)

    def feed_url(self, obj):
        return reverse(f"news:feed-{self.kind}-atom", args=[obj.slug])


def subject_feeds(model, kind):
    """The RSS and Atom feed classes for one kind of subject."""
    attrs = {"model": model, "kind": kind}
    return (
        type(f"{model.__name__}NewsFeed", (SubjectNewsFeed,), attrs),
        type(f"{model.__name__}NewsAtomFeed", (SubjectNewsAtomFeed,), attrs),
    )


SUBJECTS = {
    "topic": Topic,
    "embassy": Embassy,
    "institution": Institution,
    "partnership": Partnership,
}
