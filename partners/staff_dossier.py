"""The partner dossier pages for staff: an institution's or a country's, on screen and as PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify

from mfa_site.pdf import html_to_pdf

from .dossier import SinceForm, country_dossier, institution_dossier
from .models import Country, Institution
from .staff import staff_required

TEMPLATE = "partners/staff/dossier.html"


def _since(request):
    form = SinceForm(request.GET or None)
    since = form.cleaned_data.get("since") if form.is_valid() else None
    return form, since


def _respond(request, dossier, form, pdf_url_name, pdf_args, as_pdf):
    context = {
        "dossier": dossier,
        "form": form,
        "pdf_url": reverse(pdf_url_name, args=pdf_args),
        "as_pdf": as_pdf,
        "printed_on": timezone.localdate(),
    }
    if not as_pdf:
        return render(request, TEMPLATE, context)
    html = render_to_string(TEMPLATE, context, request=request)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    filename = f"dossier-{slugify(dossier.title) or 'partner'}-{translation.get_language()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _institution(request, slug, as_pdf):
    institutions = Institution.objects.select_related("country", "parent")
    institution = get_object_or_404(institutions, slug=slug)
    form, since = _since(request)
    dossier = institution_dossier(institution, since)
    return _respond(request, dossier, form, "staff:institution-dossier-pdf", [slug], as_pdf)


def _country(request, code, as_pdf):
    if len(code) != 2:
        raise Http404
    country = get_object_or_404(Country, code=code.upper())
    form, since = _since(request)
    dossier = country_dossier(country, since)
    return _respond(request, dossier, form, "staff:country-dossier-pdf", [code.lower()], as_pdf)


@staff_required
def institution_page(request, slug):
    return _institution(request, slug, as_pdf=False)


@staff_required
def institution_pdf(request, slug):
    return _institution(request, slug, as_pdf=True)


@staff_required
def country_page(request, code):
    return _country(request, code, as_pdf=False)


@staff_required
def country_pdf(request, code):
    return _country(request, code, as_pdf=True)
