"""Staff partner search (login required): not under a language prefix, like the admin."""

from django.urls import path

from . import staff

app_name = "staff"

urlpatterns = [
    path("", staff.staff_search, name="search"),
    path("export.csv", staff.staff_export, name="export"),
]
