"""The base of every sitemap: one entry per page and language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.utils.functional import cached_property


class ItemPaginator(Paginator):
    """Pages of items, each item then spread over its languages.

    Django's i18n sitemaps build the list of (item, language) pairs of every item before
    paginating: 50,000 press releases read for each page of a section. Here a page reads
    only its own `limit` items (a slice of the query), so a page holds at most
    `limit` items in up to three languages each.
    """

    def __init__(self, sitemap):
        super().__init__(sitemap.items(), sitemap.limit)
        self.sitemap = sitemap

    @cached_property
    def count(self):
        """The sitemap's own `item_count()` where it keeps one (a count of every item is a
        scan: 15 ms at 50,000 press releases on PostgreSQL, on every page of the section)."""
        item_count = getattr(self.sitemap, "item_count", None)
        return item_count() if item_count else super().count

    def _get_page(self, object_list, number, paginator):
        pairs = [
            (item, code)
            for item in object_list
            for code in self.sitemap.get_languages_for_item(item)
        ]
        return super()._get_page(pairs, number, paginator)


class TrilingualSitemap(Sitemap):
    """Each item in each site language, with `xhtml:link` alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def paginator(self):
        return ItemPaginator(self)
