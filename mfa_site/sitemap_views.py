"""/sitemap.xml: one sitemap while the site is small, an index of sections once it is not.

Search engines take at most 50,000 URLs per sitemap, and one 13 MB sitemap at 50,000 press
releases took seconds to build. Past `SPLIT_AT` entries /sitemap.xml becomes an index of
the sections (`/sitemap-news.xml?p=2` ...), each page holding at most `Sitemap.limit`
items, each in the languages it is written in (see `TrilingualSitemap`).
"""

from django.contrib.sitemaps import views

from news.sitemaps import NewsPagesSitemap, PressReleaseSitemap
from partners.sitemaps import (
    DirectoryListSitemap,
    EmbassySitemap,
    InstitutionSitemap,
    PartnershipSitemap,
    PersonSitemap,
)

from .page_cache import tag_page

SPLIT_AT = 1000
# Items per section page (each in up to three languages). Every change of the news purges
# every section, so each is rebuilt often: a page of 100 costs at 50,000 press releases what
# the whole news section costs at 100 (59 and 46 ms in process); a page of 1,000 cost 360 ms.
# The index lists more pages instead (about 500 at 50,000).
SECTION_LIMIT = 100

SITEMAPS = {
    "pages": NewsPagesSitemap,
    "lists": DirectoryListSitemap,
    "news": PressReleaseSitemap,
    "embassies": EmbassySitemap,
    "institutions": InstitutionSitemap,
    "partnerships": PartnershipSitemap,
    "people": PersonSitemap,
}
for _sitemap in SITEMAPS.values():
    _sitemap.limit = SECTION_LIMIT


def _more_than(limit):
    """Whether all sections together hold more than `limit` entries (bounded counts)."""
    total = 0
    for sitemap_class in SITEMAPS.values():
        items = sitemap_class().items()
        total += len(items) if isinstance(items, list) else items[: limit + 1 - total].count()
        if total > limit:
            return True
    return False


def sitemap(request):
    """The entry point named in robots.txt."""
    tag_page(request, "news", "directory")
    if _more_than(SPLIT_AT):
        return views.index(request, SITEMAPS, sitemap_url_name="sitemap-section")
    return views.sitemap(request, SITEMAPS)


def section(request, section):
    tag_page(request, "news", "directory")
    return views.sitemap(request, SITEMAPS, section=section)
