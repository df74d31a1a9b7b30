"""Sitemaps of the directory's public pages: missions, institutions, partnerships, people."""

from django.db.models import Max
from django.urls import reverse

from mfa_site.page_cache import cached_value
from mfa_site.sitemaps import TrilingualSitemap

from .models import Embassy, Institution, Partnership, Person


class DirectorySitemap(TrilingualSitemap):
    model = None
    changefreq = "monthly"

    def items(self):
        return self.model.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item; one aggregate per directory change.
        return cached_value(
            f"sitemap-latest:{self.model._meta.model_name}",
            ["directory"],
            lambda: self.model.objects.aggregate(latest=Max("updated_at"))["latest"],
        )


class DirectoryListSitemap(TrilingualSitemap):
    """The lists of missions, institutions and partnerships: where a reader starts."""

    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["partners:embassy-list", "partners:institution-list", "partners:partnership-list"]

    def location(self, item):
        return reverse(item)


class EmbassySitemap(DirectorySitemap):
    model = Embassy


class InstitutionSitemap(DirectorySitemap):
    model = Institution


class PartnershipSitemap(DirectorySitemap):
    model = Partnership


class PersonSitemap(DirectorySitemap):
    model = Person
