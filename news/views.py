from django.shortcuts import render
from django.views.generic import DetailView, ListView

from partners.models import Partnership

from .models import PressRelease


def home(request):
    return render(
        request,
        "home.html",
        {
            "latest": PressRelease.objects.published()[:5],
            "partnerships": Partnership.objects.active()[:6],
        },
    )


class PressReleaseListView(ListView):
    paginate_by = 20

    def get_queryset(self):
        return PressRelease.objects.published()


class PressReleaseDetailView(DetailView):
    def get_queryset(self):
        return PressRelease.objects.public()
