"""Sitemaps of the directory's public pages: missions, institutions, partnerships, people."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from mfa_site.page_cache import cached_value

from .models import Embassy, Institution, Partnership, Person


class DirectorySitemap(Sitemap):
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


class EmbassySitemap(DirectorySitemap):
    model = Embassy


class InstitutionSitemap(DirectorySitemap):
    model = Institution


class PartnershipSitemap(DirectorySitemap):
    model = Partnership


class PersonSitemap(DirectorySitemap):
    model = Person
