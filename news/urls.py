from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.PressReleaseListView.as_view(), name="list"),
    path("<slug:slug>/", views.PressReleaseDetailView.as_view(), name="detail"),
]

# Previews of unpublished press releases (workflow): staff, and holders of a preview link.
from . import preview  # noqa: E402

urlpatterns += [
    path("preview/<int:pk>/", preview.StaffPreviewView.as_view(), name="preview"),
    path("preview/link/<str:token>/", preview.TokenPreviewView.as_view(), name="preview-token"),
]
