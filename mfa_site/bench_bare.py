"""The yardstick of `bench_pages`: a bare Django view, served by gunicorn like the site.

No database, no middleware, no template: what one Django request costs on this machine.
`gunicorn mfa_site.bench_bare` (the benchmark starts it itself).
"""

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="bench-bare-view-not-a-site",
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", bare), path("healthz", bare)]

application = get_wsgi_application()
