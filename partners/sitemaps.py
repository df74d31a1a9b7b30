"""Sitemaps of the directory's public pages: missions, institutions, partnerships, people."""

from mfa_site.sitemaps import TrilingualSitemap

from .models import Embassy, Institution, Partnership, Person


class DirectorySitemap(TrilingualSitemap):
    model = None
    changefreq = "monthly"

    def items(self):
        return self.model.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class EmbassySitemap(DirectorySitemap):
    model = Embassy


class InstitutionSitemap(DirectorySitemap):
    model = Institution


class PartnershipSitemap(DirectorySitemap):
    model = Partnership


class PersonSitemap(DirectorySitemap):
    model = Person
