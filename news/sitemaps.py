"""Sitemap of the public news pages; the directory's sitemaps are in partners/sitemaps.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.functional import cached_property

from .models import PressRelease


class PressReleaseSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return PressRelease.objects.published().only("slug", "updated_at", "published_at")

    def lastmod(self, item):
        return item.updated_at


class NewsPagesSitemap(Sitemap):
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
        latest = PressRelease.objects.published().order_by("-updated_at").first()
        return latest.updated_at if latest else None
