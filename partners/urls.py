from django.urls import path

from . import opendata, views

app_name = "partners"

urlpatterns = [
    path("embassies/", views.EmbassyListView.as_view(), name="embassy-list"),
    path("embassies/<slug:slug>/", views.EmbassyDetailView.as_view(), name="embassy-detail"),
    path("institutions/", views.InstitutionListView.as_view(), name="institution-list"),
    path(
        "institutions/<slug:slug>/",
        views.InstitutionDetailView.as_view(),
        name="institution-detail",
    ),
    path("partnerships/", views.PartnershipListView.as_view(), name="partnership-list"),
    path(
        "partnerships/<slug:slug>/",
        views.PartnershipDetailView.as_view(),
        name="partnership-detail",
    ),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    # Open data: figures over time with their sources, as CSV or JSON.
    path(
        "partnerships/<slug:slug>/figures.<str:fmt>",
        opendata.partnership_figures,
        name="partnership-figures",
    ),
    path(
        "institutions/<slug:slug>/figures.<str:fmt>",
        opendata.institution_figures,
        name="institution-figures",
    ),
    path("open-data/figures.<str:fmt>", opendata.all_figures, name="figures"),
]

# Staff partner search (login required); kept in its own module, partners/staff.py.
from . import staff, staff_dossier  # noqa: E402

urlpatterns += [
    path("staff/partners/", staff.staff_search, name="staff-search"),
    path("staff/partners/export.csv", staff.staff_export, name="staff-export"),
    path(
        "staff/partners/institutions/<slug:slug>/",
        staff_dossier.institution_page,
        name="staff-institution-dossier",
    ),
    path(
        "staff/partners/institutions/<slug:slug>/dossier.pdf",
        staff_dossier.institution_pdf,
        name="staff-institution-dossier-pdf",
    ),
    path(
        "staff/partners/countries/<slug:code>/",
        staff_dossier.country_page,
        name="staff-country-dossier",
    ),
    path(
        "staff/partners/countries/<slug:code>/dossier.pdf",
        staff_dossier.country_pdf,
        name="staff-country-dossier-pdf",
    ),
]
