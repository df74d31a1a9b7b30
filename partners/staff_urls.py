"""Staff partner search and dossiers (login required): no language prefix, like the admin."""

from django.urls import path

from . import staff, staff_dossier

app_name = "staff"

urlpatterns = [
    path("", staff.staff_search, name="search"),
    path("export.csv", staff.staff_export, name="export"),
    path("institutions/<slug:slug>/", staff_dossier.institution_page, name="institution-dossier"),
    path(
        "institutions/<slug:slug>/dossier.pdf",
        staff_dossier.institution_pdf,
        name="institution-dossier-pdf",
    ),
    path("countries/<slug:code>/", staff_dossier.country_page, name="country-dossier"),
    path(
        "countries/<slug:code>/dossier.pdf", staff_dossier.country_pdf, name="country-dossier-pdf"
    ),
]
