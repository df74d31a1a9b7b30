from django.views.generic import DetailView, ListView

from .models import Embassy, Institution, Partnership, Person


class EmbassyListView(ListView):
    model = Embassy
    queryset = Embassy.objects.select_related("host_country")


class EmbassyDetailView(DetailView):
    model = Embassy


class InstitutionListView(ListView):
    model = Institution
    queryset = Institution.objects.select_related("country", "parent")
    paginate_by = 50


class InstitutionDetailView(DetailView):
    model = Institution


class PartnershipListView(ListView):
    model = Partnership
    paginate_by = 50


class PartnershipDetailView(DetailView):
    model = Partnership


class PersonDetailView(DetailView):
    model = Person
