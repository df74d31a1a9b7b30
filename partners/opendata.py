"""Open data: figures over time as CSV and JSON, each with the press releases that reported it.

One download per partnership, one per institution and one for the whole directory. Only
published press releases are named as sources (`Figure.objects.with_published_sources()`). The same
licence and last-update date are shown on the public pages that link here.
"""

import csv
import json

from django.conf import settings
from django.db.models import Max
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .models import Figure, Institution, Partnership
from .staff import neutralise

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
CHUNK_SIZE = 1000
COLUMNS = [
    "subject_type",
    "subject_slug",
    "subject_name",
    "label",
    "value",
    "as_of",
    "source_titles",
    "source_urls",
]


def licence():
    return {"name": settings.OPEN_DATA_LICENCE_NAME, "url": settings.OPEN_DATA_LICENCE_URL}


def last_updated(figures):
    """The date the newest of already-loaded `figures` changed, or None."""
    stamps = [figure.updated_at for figure in figures]
    return timezone.localdate(max(stamps)) if stamps else None


def download_links(kind, slug, figures):
    """What a public page shows next to its figures: links, licence, last update."""
    if not figures:
        return None
    name = f"partners:{kind}-figures"
    return {
        "csv": reverse(name, kwargs={"slug": slug, "fmt": "csv"}),
        "json": reverse(name, kwargs={"slug": slug, "fmt": "json"}),
        "licence": licence(),
        "updated": last_updated(figures),
    }


def figures_queryset():
    figures = Figure.objects.select_related("partnership", "institution").order_by(
        "partnership__slug", "institution__slug", "label", "as_of", "pk"
    )
    return figures.with_published_sources()


def figure_record(figure, request):
    subject = figure.subject
    sources = figure.published_sources
    return {
        "subject_type": "partnership" if figure.partnership_id else "institution",
        "subject_slug": subject.slug,
        "subject_name": str(subject),
        "label": figure.label,
        "value": figure.value,
        "as_of": figure.as_of.isoformat(),
        "sources": [
            {
                "title": source.title,
                "url": request.build_absolute_uri(source.get_absolute_url()),
            }
            for source in sources
        ],
    }


class _Echo:
    def write(self, value):
        return value


def csv_lines(figures, request):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(COLUMNS)
    for figure in figures:
        record = figure_record(figure, request)
        sources = record.pop("sources")
        row = [
            *record.values(),
            " | ".join(source["title"] for source in sources),
            " ".join(source["url"] for source in sources),
        ]
        yield writer.writerow([neutralise(cell) for cell in row])


def json_chunks(figures, request, about):
    head = json.dumps(about, ensure_ascii=False)[:-1]  # leave the object open
    yield head + ', "figures": ['
    for number, figure in enumerate(figures):
        comma = ", " if number else ""
        yield comma + json.dumps(figure_record(figure, request), ensure_ascii=False)
    yield "]}\n"


def check_format(fmt):
    if fmt not in FORMATS:
        raise Http404


def respond(request, figures, fmt, filename, about):
    body = csv_lines(figures, request) if fmt == "csv" else json_chunks(figures, request, about)
    response = StreamingHttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_SECONDS}"
    return response


def about_subject(request, kind, subject, figures):
    return {
        "title": _("Figures of %(name)s") % {"name": subject},
        "subject": {
            "type": kind,
            "slug": subject.slug,
            "name": str(subject),
            "url": request.build_absolute_uri(subject.get_absolute_url()),
        },
        "licence": licence(),
        "updated": updated.isoformat() if (updated := last_updated(figures)) else None,
    }


@require_safe
def partnership_figures(request, slug, fmt):
    check_format(fmt)
    partnership = get_object_or_404(Partnership, slug=slug)
    figures = list(figures_queryset().filter(partnership=partnership))
    about = about_subject(request, "partnership", partnership, figures)
    return respond(request, figures, fmt, f"figures-{partnership.slug}", about)


@require_safe
def institution_figures(request, slug, fmt):
    check_format(fmt)
    institution = get_object_or_404(Institution, slug=slug)
    figures = list(figures_queryset().filter(institution=institution))
    about = about_subject(request, "institution", institution, figures)
    return respond(request, figures, fmt, f"figures-{institution.slug}", about)


@require_safe
def all_figures(request, fmt):
    """Every figure of the directory, streamed in chunks (each chunk prefetches its sources)."""
    check_format(fmt)
    updated = Figure.objects.aggregate(latest=Max("updated_at"))["latest"]
    about = {
        "title": _("Figures of the partner directory"),
        "licence": licence(),
        "updated": timezone.localdate(updated).isoformat() if updated else None,
    }
    figures = figures_queryset().iterator(chunk_size=CHUNK_SIZE)
    return respond(request, figures, fmt, "figures", about)
