"""The base of every sitemap: one entry per page and language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap


class TrilingualSitemap(Sitemap):
    """Each item in each site language, with `xhtml:link` alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True
