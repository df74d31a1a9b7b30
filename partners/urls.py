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
