"""Public pages of the partner directory: missions, institutions, partnerships, people.

Every page runs a fixed number of queries whatever it lists: joins through
`select_related`, lists through one prefetch or one query each. News on these pages comes
through the reverse relation and the one visibility rule, `press_releases.published()`.
"""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from mfa_site.page_cache import object_tag, tag_page

from . import metadata, opendata
from .charts import figure_chart, figure_table
from .filters import InstitutionFilter, PartnershipFilter
from .models import Embassy, Institution, Partnership, Person, Position

NEWS_ON_PAGE = 20
LIST_PAGE_SIZE = 20


class PageMetaMixin:
    """What the `meta` block and the breadcrumbs need: description, canonical URL, JSON-LD."""

    section_title = None
    section_url_name = None
    feed_kind = None  # "embassy", "institution" or "partnership": announce its news feeds

    def get_breadcrumbs(self):
        crumbs = [(_("Home"), reverse("home"))]
        if self.section_url_name:
            crumbs.append((self.section_title, reverse(self.section_url_name)))
        return crumbs

    def get_meta_description(self):
        return ""

    def get_page_title(self):
        return str(self.section_title)

    def get_structured_data(self):
        return []

    def get_og_image(self):
        return None

    def get_page_tags(self):
        """What the page shows, for the page cache: lists show the directory and news."""
        return ["directory", "news"]

    def get_context_data(self, **kwargs):
        tag_page(self.request, *self.get_page_tags())
        context = super().get_context_data(**kwargs)
        crumbs = self.get_breadcrumbs()
        structured_data = self.get_structured_data()
        if len(crumbs) > 1:
            structured_data.append(metadata.breadcrumb_list(self.request, crumbs))
        image = self.get_og_image()
        canonical = self.request.path
        page = context.get("page_obj")
        if page is not None and page.number > 1:
            canonical = f"{canonical}?page={page.number}"  # each page of a list is its own
        context.update(
            breadcrumbs=crumbs,
            canonical_url=self.request.build_absolute_uri(canonical),
            meta_description=self.get_meta_description(),
            structured_data=structured_data,
            og_image=self.request.build_absolute_uri(image.url) if image else None,
            feed_kind=self.feed_kind,
            page_title=self.get_page_title(),
        )
        return context


class PartnerDetailMixin(PageMetaMixin):
    def get_page_tags(self):
        # Its news changes with the press releases that link to it (they purge this tag).
        return ["directory", object_tag(self.object)]

    def get_page_title(self):
        return str(self.object)

    def get_breadcrumbs(self):
        return [*super().get_breadcrumbs(), (str(self.object), self.object.get_absolute_url())]


def published_news(subject):
    """The newest published press releases about a subject, for its page."""
    return list(subject.press_releases.listed()[:NEWS_ON_PAGE])


# Missions


class EmbassyListView(PageMetaMixin, ListView):
    model = Embassy
    section_title = _("Diplomatic missions")
    section_url_name = "partners:embassy-list"

    def get_queryset(self):
        current_heads = Prefetch(
            "positions",
            queryset=Position.objects.heads().at().select_related("person"),
            to_attr="current_heads",
        )
        return Embassy.objects.select_related("host_country").prefetch_related(current_heads)

    def get_meta_description(self):
        return _(
            "The embassies, consulates and permanent missions of Kazakhstan abroad: "
            "where they are, who heads them and how to contact them."
        )


class EmbassyDetailView(PartnerDetailMixin, DetailView):
    model = Embassy
    section_title = _("Diplomatic missions")
    section_url_name = "partners:embassy-list"
    feed_kind = "embassy"

    def get_queryset(self):
        return Embassy.objects.select_related("host_country").prefetch_related(
            "accredited_countries"
        )

    def get_meta_description(self):
        embassy = self.object
        place = ", ".join(part for part in (embassy.city, embassy.host_country.name) if part)
        return _("%(name)s (%(kind)s, %(place)s): head of mission, contacts and news.") % {
            "name": embassy.name,
            "kind": embassy.get_kind_display(),
            "place": place,
        }

    def get_structured_data(self):
        return [metadata.government_organization(self.request, self.object)]

    def get_context_data(self, **kwargs):
        embassy = self.object
        heads = embassy.positions.heads().select_related("person")
        today = timezone.localdate()
        return super().get_context_data(
            current_heads=list(heads.at(today)),
            previous_heads=list(heads.past(today)),
            partnerships=list(embassy.partnerships.all()),
            news=published_news(embassy),
            **kwargs,
        )


# Institutions


class StrictFilterListMixin(PageMetaMixin):
    """A filtered, paginated list whose unknown filter values become form errors."""

    paginate_by = LIST_PAGE_SIZE
    strict = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        context["filter_errors"] = filterset.is_bound and not filterset.is_valid()
        context["is_filtered"] = any(filterset.data.get(name) for name in filterset.filters)
        return context


class InstitutionListView(StrictFilterListMixin, FilterView):
    model = Institution
    filterset_class = InstitutionFilter
    section_title = _("Institutions")
    section_url_name = "partners:institution-list"
    template_name = "partners/institution_list.html"

    def get_queryset(self):
        return Institution.objects.select_related("country", "parent")

    def get_meta_description(self):
        return _(
            "Universities, research centres and other institutions that cooperate with "
            "Kazakhstan, by country, kind and area of cooperation."
        )


class InstitutionDetailView(PartnerDetailMixin, DetailView):
    model = Institution
    section_title = _("Institutions")
    section_url_name = "partners:institution-list"
    feed_kind = "institution"

    def get_queryset(self):
        return Institution.objects.select_related("country", "parent")

    def get_breadcrumbs(self):
        crumbs = PageMetaMixin.get_breadcrumbs(self)
        if self.object.parent_id:
            parent = self.object.parent
            crumbs.append((str(parent), parent.get_absolute_url()))
        return [*crumbs, (str(self.object), self.object.get_absolute_url())]

    def get_meta_description(self):
        institution = self.object
        place = ", ".join(part for part in (institution.city, institution.country.name) if part)
        return metadata.summary(
            institution.description,
            _("%(name)s: %(kind)s in %(place)s.")
            % {"name": institution.name, "kind": institution.get_kind_display(), "place": place},
        )

    def get_og_image(self):
        return self.object.logo or None

    def get_context_data(self, **kwargs):
        institution = self.object
        members = Prefetch("institutions", queryset=Institution.objects.select_related("country"))
        positions = institution.positions.select_related("person")
        figures = list(institution.figures.with_published_sources())
        return super().get_context_data(
            units=list(institution.units.all()),
            partnerships=list(institution.partnerships.prefetch_related(members).order_by("title")),
            current_positions=list(positions.at()),
            past_positions=list(positions.past()),
            figures=figures,
            chart=figure_chart(figures, title=_("Figures of %(name)s") % {"name": institution}),
            figure_table=figure_table(figures),
            open_data=opendata.download_links("institution", institution.slug, figures),
            news=published_news(institution),
            **kwargs,
        )


# Partnerships


class PartnershipListView(StrictFilterListMixin, FilterView):
    model = Partnership
    filterset_class = PartnershipFilter
    section_title = _("Partnerships")
    section_url_name = "partners:partnership-list"
    template_name = "partners/partnership_list.html"

    def get_queryset(self):
        members = Prefetch("institutions", queryset=Institution.objects.select_related("country"))
        return Partnership.objects.prefetch_related(members, "areas")

    def get_meta_description(self):
        return _(
            "Double degrees, academic mobility, joint research and other partnerships "
            "between institutions in Kazakhstan and abroad."
        )


class PartnershipDetailView(PartnerDetailMixin, DetailView):
    model = Partnership
    section_title = _("Partnerships")
    section_url_name = "partners:partnership-list"
    feed_kind = "partnership"

    def get_queryset(self):
        members = Prefetch(
            "institutions", queryset=Institution.objects.select_related("parent", "country")
        )
        return Partnership.objects.select_related(
            "embassy", "embassy__host_country"
        ).prefetch_related(members, "areas")

    def get_meta_description(self):
        partnership = self.object
        members = ", ".join(str(member) for member in partnership.institutions.all())
        return metadata.summary(
            partnership.description,
            _("%(kind)s (%(status)s) between %(members)s.")
            % {
                "kind": partnership.get_kind_display(),
                "status": partnership.get_status_display(),
                "members": members,
            },
        )

    def get_context_data(self, **kwargs):
        partnership = self.object
        figures = list(partnership.figures.with_published_sources())
        return super().get_context_data(
            figures=figures,
            chart=figure_chart(figures, title=_("Figures of %(title)s") % {"title": partnership}),
            figure_table=figure_table(figures),
            open_data=opendata.download_links("partnership", partnership.slug, figures),
            news=published_news(partnership),
            **kwargs,
        )


# People


class PersonDetailView(PartnerDetailMixin, DetailView):
    model = Person

    def get_meta_description(self):
        person = self.object
        return metadata.summary(person.bio, " ".join(filter(None, [person.honorific, person.name])))

    def get_og_image(self):
        return self.object.photo or None

    def get_context_data(self, **kwargs):
        person = self.object
        return super().get_context_data(
            positions=list(
                person.positions.select_related(
                    "embassy", "embassy__host_country", "institution", "institution__country"
                )
            ),
            news=published_news(person),
            **kwargs,
        )
