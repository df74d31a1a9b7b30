"""The staff partner search and its CSV export: logged-in staff only."""

import csv
import functools

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import search
from .models import Institution
from .staff_filters import StaffSearchFilterSet

PAGE_SIZE = 20
EXPORT_CHUNK_SIZE = 500
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def staff_required(view):
    """Anonymous visitors go to the login page and come back; other non-staff get 403."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if not request.user.is_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def filterset_for(params):
    return StaffSearchFilterSet(params, queryset=search.with_summary(Institution.objects.all()))


class MatchesPaginator(Paginator):
    """Counts the filterset's unordered matches rather than the ordered, aggregated list."""

    def __init__(self, filterset, per_page):
        super().__init__(filterset.qs, per_page)
        self.filterset = filterset

    @cached_property
    def count(self):
        return self.filterset.matches.order_by().count()


def search_page(params):
    """The filterset, the requested page and its results (None, None if the filters are bad)."""
    filterset = filterset_for(params)
    page = results = None
    if filterset.is_valid():
        page = MatchesPaginator(filterset, PAGE_SIZE).get_page(params.get("page"))
        results = [search.result_for(institution) for institution in page.object_list]
    return filterset, page, results


def active_filters(filterset, params):
    """Each filter in use besides the text, with the address of the search without it."""
    if not filterset.is_valid():
        return []
    filters = []
    for name, value in filterset.form.cleaned_data.items():
        if name in ("q", "sort") or value in (None, ""):
            continue
        without = params.copy()
        without.pop(name, None)
        without.pop("page", None)
        label = filterset.form.fields[name].label
        filters.append({"label": label, "value": value, "url": f"?{without.urlencode()}"})
    return filters


@staff_required
def staff_search(request):
    filterset, page, results = search_page(request.GET)
    query = filterset.form.cleaned_data.get("q", "") if filterset.is_valid() else ""
    people = search.find_people(query)
    nothing_found = page is not None and not results and query
    context = {
        "filterset": filterset,
        "page_obj": page,
        "results": results,
        "query": query,
        "people": people,
        "missions": search.find_missions(query, people),
        "active_filters": active_filters(filterset, request.GET),
        "suggestions": search.suggest_names(query) if nothing_found else [],
    }
    return render(request, "partners/staff/search.html", context)


def neutralise(value):
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


class _Echo:
    def write(self, value):
        return value


def export_header():
    return [
        _("Name"),
        _("Short name"),
        _("Country"),
        _("City"),
        _("Kind"),
        _("Part of"),
        _("Active partnerships"),
        _("Number of active partnerships"),
        _("Latest figures"),
        _("Facilitating missions"),
        _("Latest press release"),
        _("Public page"),
        _("Admin page"),
    ]


def export_row(result, request):
    institution = result.institution
    latest = result.latest_news_at
    return [
        institution.name,
        institution.short_name,
        institution.country.name,
        institution.city,
        institution.get_kind_display(),
        institution.parent.name if institution.parent else "",
        "; ".join(partnership.title for partnership in result.active_partnerships),
        result.active_partnership_count,
        "; ".join(
            f"{figure.label}: {figure.value} ({figure.as_of:%Y-%m-%d})"
            for figure in result.latest_figures
        ),
        "; ".join(embassy.name for embassy in result.embassies),
        timezone.localtime(latest).strftime("%Y-%m-%d") if latest else "",
        request.build_absolute_uri(result.public_url),
        request.build_absolute_uri(result.admin_url),
    ]


def export_lines(queryset, request):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([neutralise(cell) for cell in export_header()])
    for institution in queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE):
        row = export_row(search.result_for(institution), request)
        yield writer.writerow([neutralise(cell) for cell in row])


@staff_required
def staff_export(request):
    filterset = filterset_for(request.GET)
    if not filterset.is_valid():
        # The search page shows what is wrong with the filters.
        return redirect(f"{reverse('staff:search')}?{request.GET.urlencode()}")
    response = StreamingHttpResponse(
        export_lines(filterset.qs, request), content_type="text/csv; charset=utf-8"
    )
    filename = f"partners-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
