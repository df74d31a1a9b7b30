"""Sitemap of the public news pages; the directory's sitemaps are in partners/sitemaps.py."""

from django.db.models import BooleanField, ExpressionWrapper
from django.urls import reverse
from django.utils.functional import cached_property

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
        )

    def get_languages_for_item(self, item):
        return [code for code in language_codes() if getattr(item, f"written_{code}")]

    def lastmod(self, item):
        return item.updated_at


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
        latest = PressRelease.objects.published().order_by("-updated_at").first()
        return latest.updated_at if latest else None
