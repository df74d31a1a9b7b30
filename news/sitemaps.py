"""Sitemap of the public news pages; the directory's sitemaps are in partners/sitemaps.py."""

from django.db.models import BooleanField, ExpressionWrapper, Max
from django.urls import reverse
from django.utils.functional import cached_property

from mfa_site.page_cache import cached_value
from mfa_site.sitemaps import TrilingualSitemap

from .models import PressRelease, language_codes, written_in


class PressReleaseSitemap(TrilingualSitemap):
    """Each press release in the languages it is written in, and only those."""

    changefreq = "monthly"

    def items(self):
        written = {
            f"written_{code}": ExpressionWrapper(written_in(code), output_field=BooleanField())
            for code in language_codes()
        }
        return (
            PressRelease.objects.published()
            .only("slug", "updated_at", "published_at", "original_language")
            .annotate(**written)
            # By primary key: deep pages of the index (?p=40) skip along the key, not a sort.
            .order_by("pk")
        )

    def item_count(self):
        """How many press releases the sections list: counted once per change of the news
        (the count decides the pages of the section and of the index)."""
        return cached_value("sitemap-news-count", ["news"], lambda: self.items().count())

    def get_languages_for_item(self, item):
        return [code for code in language_codes() if getattr(item, f"written_{code}")]

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item: 50,000 rows for the index.
        return latest_news_change()


class NewsPagesSitemap(TrilingualSitemap):
    """Home and the news list: they change whenever news is published."""

    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["home", "news:list"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return self.latest_change

    @cached_property
    def latest_change(self):
        return latest_news_change()

    def get_latest_lastmod(self):
        return self.latest_change


def latest_news_change():
    """When published news last changed: one scan per change of the news, from the cache."""
    return cached_value(
        "news-latest-change",
        ["news"],
        lambda: PressRelease.objects.published().aggregate(latest=Max("updated_at"))["latest"],
    )
