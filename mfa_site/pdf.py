"""HTML to PDF with WeasyPrint, reading the site's own static and media files, never the network.

WeasyPrint would fetch every URL in the page (stylesheets, images); here a URL of this
site's static files is read through the staticfiles finders or storage, a media URL
through the default storage, and anything else is refused, so rendering a page can
never make the server fetch an outside or internal address.
"""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage

BASE_URL = "https://pdf.invalid/"


def _path_under(url, prefix):
    path = unquote(urlsplit(url).path)
    prefix = "/" + prefix.strip("/") + "/"
    if path.startswith(prefix) and ".." not in path:
        return path[len(prefix) :]
    return None


def _read_static(name):
    found = finders.find(name)
    if found:
        with open(found, "rb") as handle:
            return handle.read()
    with staticfiles_storage.open(name) as handle:
        return handle.read()


def _site_file(url):
    """The bytes of one of this site's static or media files named by `url`, or None."""
    static_name = _path_under(url, settings.STATIC_URL)
    if static_name:
        return _read_static(static_name)
    media_name = _path_under(url, settings.MEDIA_URL)
    if media_name:
        with default_storage.open(media_name) as handle:
            return handle.read()
    return None


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class SiteFilesFetcher(URLFetcher):
        """The site's own files and data: URLs; everything else is refused."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            content = _site_file(url) if url.startswith(BASE_URL) else None
            if content is None:
                raise ValueError(f"refused to fetch {url}")
            mime_type = mimetypes.guess_type(urlsplit(url).path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=content, headers={"Content-Type": mime_type})

    return SiteFilesFetcher(allowed_protocols={"data"})


def html_to_pdf(html):
    """The PDF of an HTML page of this site, as bytes (print media, A4 from its CSS)."""
    from weasyprint import HTML  # heavy: imported only when a PDF is made

    return HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher()).write_pdf()
