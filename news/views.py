"""The public news pages: home, the filtered list and one press release."""

import datetime
import hashlib
from collections import defaultdict

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from mfa_site.languages import NATIVE_NAMES, url_in_language
from mfa_site.page_cache import cached_value, cached_values, tag_page
from mfa_site.templatetags.site import site_links
from partners.models import Embassy, Partnership

from .filters import QUERY_MAX_LENGTH, PressReleaseFilter
from .models import PressRelease, active_language
from .page_tags import subject_tag
from .templatetags.news_cards import cached_cards, news_card

HOME_NEWS = 6
HOME_PARTNERSHIPS = 6
HOME_MISSIONS = 12
OTHER_NEWS = 5

# Filters that have a feed of their own: (filter name, feed URL name).
SUBJECT_FEEDS = [
    ("topic", "news:feed-topic"),
    ("embassy", "news:feed-embassy"),
    ("institution", "news:feed-institution"),
    ("partnership", "news:feed-partnership"),
]


def home(request):
    tag_page(request, "news", "directory")
    return render(
        request,
        "home.html",
        {
            "latest": cached_cards(
                PressRelease.objects.listed()[:HOME_NEWS], level=3, show_topics=True
            ),
            "partnerships": Partnership.objects.active()
            .select_related("embassy")
            .prefetch_related("institutions")[:HOME_PARTNERSHIPS],
            "missions": Embassy.objects.select_related("host_country")[:HOME_MISSIONS],
        },
    )


def archive_by_year(months):
    """[(year, total, [(month date, count), ...]), ...] from `PressReleaseQuerySet.months()`."""
    years = defaultdict(list)
    for year, month, count in months:
        years[year].append((datetime.date(year, month, 1), count))
    return [
        (year, sum(count for _month, count in entries), entries)
        for year, entries in sorted(years.items(), reverse=True)
    ]


def news_archive():
    """The month archive of the news listed in the active language, from the cache: one
    scan of the news per change and language, not per request. The `news` tag carries no
    language, so one purge reaches the archive of every language."""
    language = active_language()
    return cached_value(
        f"news-archive:{language}",
        ["news"],
        lambda: archive_by_year(PressRelease.objects.listed().months()),
    )


class BoundedPaginator(Paginator):
    """Pages through at most MAX_PAGES pages: it counts no further than that.

    A COUNT over 50,000 press releases cost 25-50 ms on every request and deep OFFSETs
    grow with the page number; readers reach older news by year and month in the archive,
    which the last page points to. The news list gives it the count it keeps in the cache
    (`PressReleaseListView.kept`).
    """

    MAX_PAGES = 50

    @cached_property
    def limit(self):
        return self.per_page * self.MAX_PAGES

    @cached_property
    def count(self):
        # No ORDER BY in the counted subquery: it would sort every row before the LIMIT.
        return self.object_list.order_by()[: self.limit + 1].count()

    @property
    def capped(self):
        return self.count > self.limit

    @cached_property
    def num_pages(self):
        return min(super().num_pages, self.MAX_PAGES)


class PressReleaseListView(FilterView):
    filterset_class = PressReleaseFilter
    template_name = "news/pressrelease_list.html"
    paginate_by = 20
    paginator_class = BoundedPaginator

    def get_queryset(self):
        return PressRelease.objects.listed()

    def get_paginator(self, *args, **kwargs):
        paginator = super().get_paginator(*args, **kwargs)
        paginator.count = self.kept["count"]
        return paginator

    def choice_key(self):
        """The language and the filters chosen (not the page): what the count, the menus
        and the archive of this list depend on."""
        params = self.request.GET.copy()
        params.pop("page", None)
        return hashlib.sha256(f"{active_language()}|{params.urlencode()}".encode()).hexdigest()

    def unfiltered(self):
        """Whether the reader chose no filter (a page number is not one)."""
        return not (self.request.GET.keys() - {"page"})

    def get(self, request, *args, **kwargs):
        if not self.unfiltered():
            return super().get(request, *args, **kwargs)
        # Every public press release: nothing to filter or check, so the filter set (a deep
        # copy of its filters) and its form are built only when the menus are not cached.
        self.filterset = SimpleLazyObject(
            lambda: self.get_filterset_class()(request=request, queryset=self.get_queryset())
        )
        self.object_list = self.get_queryset()
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        tag_page(self.request, "news", "directory")
        filterset = self.filterset
        bound = not self.unfiltered() and filterset.is_bound
        chosen = filterset.form.cleaned_data if bound and filterset.is_valid() else {}
        filters_active = bound and any(filterset.data.get(name) for name in filterset.filters)
        self.kept = self.kept_parts(filters_active)
        context = super().get_context_data(**kwargs)
        context.update(
            filters_active=filters_active,
            filter_errors=bound and filterset.form.errors,
            period_year=chosen.get("year"),
            period_month=datetime.date(2000, chosen["month"], 1) if chosen.get("month") else None,
            notices=filterset.notices if bound else [],
            query_max_length=QUERY_MAX_LENGTH,
            subject_feeds=[
                (
                    chosen[name],
                    reverse(url_name, args=[chosen[name].slug]),
                    reverse(f"{url_name}-atom", args=[chosen[name].slug]),
                )
                for name, url_name in SUBJECT_FEEDS
                if chosen.get(name)
            ],
            breadcrumbs=[(_("Home"), site_links()["home"]), (_("News"), None)],
            cards=cached_cards(context["object_list"], level=2, show_topics=True),
            filters_html=self.kept["filters_html"],
            archive_html=self.kept["archive_html"],
        )
        return context

    def kept_parts(self, filters_active):
        """The result count, the filter form and the archive, kept in the cache per language,
        filter choice and change of the news, and read in one cache call: the menus and
        month links cost more to render than the list, and the count scans the news."""
        key = self.choice_key()
        parts = {
            "count": (f"news-count:{key}", ["news", "directory"]),
            "filters_html": (f"news-filters:{key}", ["news", "directory"]),
            "archive_html": (f"news-archive-html:{key}", ["news"]),
        }

        def compute(missing):
            computed = {}
            if "count" in missing:
                computed["count"] = self.paginator_class(self.object_list, self.paginate_by).count
            if "filters_html" in missing:
                computed["filters_html"] = render_to_string(
                    "news/_filters.html",
                    {
                        "filter": self.filterset,
                        "filters_active": filters_active,
                        "query_max_length": QUERY_MAX_LENGTH,
                    },
                    self.request,
                )
            if "archive_html" in missing:
                computed["archive_html"] = render_to_string(
                    "news/_archive.html", {"archive": news_archive()}, self.request
                )
            return computed

        return cached_values(parts, compute)


def cooperation_areas(partnerships):
    """The cooperation areas of the press release's partnerships, each once, by name."""
    areas = {area.pk: area for partnership in partnerships for area in partnership.areas.all()}
    return sorted(areas.values(), key=lambda area: area.name)


def with_related(press_release):
    """The press release with what `PressReleaseQuerySet.with_related()` prefetches."""
    lookups = PressRelease.objects.with_related()._prefetch_related_lookups
    prefetch_related_objects([press_release], *lookups)
    return press_release


class PressReleaseDetailView(DetailView):
    """One press release and everything it links to.

    The workflow's preview subclasses this with another queryset and gets the same page,
    so all the page needs is gathered in `get_context_data`.
    """

    page_cache = True  # previews say False: they are never stored in the page cache

    def get_queryset(self):
        if self.page_cache:
            return PressRelease.objects.public()  # what it links to comes from `related()`
        return PressRelease.objects.public().with_related()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.object.is_written_in(active_language()):
            return self.not_in_this_language()
        return self.render_to_response(self.get_context_data(object=self.object))

    def not_in_this_language(self):
        """A short page in the reader's language naming the languages it is written in."""
        press_release = self.object
        languages = press_release.languages()
        return render(
            self.request,
            "news/pressrelease_unavailable.html",
            {
                "object": press_release,
                "available_languages": languages,
                "original_language": press_release.original_language,
                "versions": [
                    {
                        "code": code,
                        "name": NATIVE_NAMES[code],
                        "title": press_release.localized("title", code),
                        "url": url_in_language(self.request.get_full_path(), code),
                    }
                    for code in languages
                ],
                "breadcrumbs": [(_("Home"), reverse("home")), (_("News"), reverse("news:list"))],
            },
            status=404,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        press_release = self.object
        if self.page_cache:
            # Everything the page links to, rendered and kept in the cache under this
            # page's own tags: 11 queries and their part of the page once per change of
            # the press release or of what it links to.
            links = cached_value(
                f"pr-links:{press_release.pk}:{active_language()}",
                lambda links: links["tags"],
                lambda: self.links(with_related(press_release)),
            )
        else:
            links = self.links(press_release)
        context.update(
            related_html=links["related_html"],
            media_html=links["media_html"],
            topic_names=links["topic_names"],
            breadcrumbs=[
                (_("Home"), site_links()["home"]),
                (_("News"), site_links()["news"]),
                (press_release.title, None),
            ],
            json_ld=self.news_article(press_release),
            available_languages=press_release.languages(),
            original_language=press_release.original_language,
        )
        if self.page_cache:
            tag_page(self.request, *links["tags"])
        return context

    def links(self, press_release):
        """What the page shows of what the press release links to, as HTML (the links,
        other news, photos and documents), the names of its topics and the page's tags:
        strings, so a page kept in the cache is not unpickled model instances."""
        related = self.related(press_release)
        return {
            "related_html": render_to_string("news/_related.html", related, self.request),
            "media_html": render_to_string("news/_media.html", related, self.request),
            "topic_names": [topic.name for topic in related["related_topics"]],
            "tags": self.page_tags(related),
        }

    def related(self, press_release):
        partnerships = press_release.related_partnerships()
        institutions = list(press_release.institutions.all())
        return {
            "related_partnerships": partnerships,
            "related_institutions": institutions,
            "related_embassies": press_release.related_embassies(),
            "related_people": press_release.related_people(),
            "related_countries": list(press_release.countries.all()),
            "related_topics": list(press_release.topics.all()),
            "related_areas": cooperation_areas(partnership for partnership, _f in partnerships),
            # Rendered here, so they are kept with the rest: another press release's change
            # purges this one's links too (they share the partnership or institution tag).
            "other_news": [
                news_card(item, level=3, compact=True)
                for item in self.other_news(
                    [partnership for partnership, _figures in partnerships], institutions
                )
            ],
            "gallery": list(press_release.images.all()),
            "documents": list(press_release.attachments.all()),
        }

    def page_tags(self, context):
        """This page, and everything it shows that has a page of its own."""
        subjects = [
            *context["related_topics"],
            *context["related_countries"],
            *(subject for pair in context["related_embassies"] for subject in pair),
            *context["related_institutions"],
            *(institution.parent for institution in context["related_institutions"]),
            *(partnership for partnership, _figures in context["related_partnerships"]),
            *(person for person, _position in context["related_people"]),
        ]
        return [f"pr:{self.object.pk}", *(subject_tag(s) for s in subjects if s is not None)]

    def other_news(self, partnerships, institutions):
        """Other published news on the same partnerships or institutions."""
        if not partnerships and not institutions:
            return []
        # Semi-joins on the link tables, not DISTINCT over two joins: with 50,000 press
        # releases (generate_bench_data) the DISTINCT query took about 1 s, this one 5 ms.
        on_partnership = PressRelease.partnerships.through.objects.filter(
            target__in=partnerships
        ).values("press_release")
        on_institution = PressRelease.institutions.through.objects.filter(
            target__in=institutions
        ).values("press_release")
        related = Q(pk__in=on_partnership) | Q(pk__in=on_institution)
        return list(
            PressRelease.objects.listed()
            .filter(related)
            .exclude(pk=self.object.pk)
            .cards(topics=False)[:OTHER_NEWS]
        )

    def news_article(self, press_release):
        """schema.org NewsArticle for search engines."""
        absolute = self.request.build_absolute_uri
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": press_release.title[:110],
            "inLanguage": active_language(),
            "description": press_release.lead,
            "mainEntityOfPage": absolute(press_release.get_absolute_url()),
            "datePublished": localtime(press_release.published_at).isoformat()
            if press_release.published_at
            else None,
            "dateModified": localtime(press_release.updated_at).isoformat(),
            "author": {
                "@type": "GovernmentOrganization",
                "name": press_release.source or str(settings.SITE_NAME),
            },
            "publisher": {
                "@type": "GovernmentOrganization",
                "name": str(settings.SITE_NAME),
                "url": absolute(site_links()["home"]),
                "logo": {"@type": "ImageObject", "url": absolute(static("mfa_site/emblem.svg"))},
            },
        }
        if press_release.image:
            data["image"] = [absolute(press_release.image.url)]
        if press_release.dateline:
            data["dateline"] = press_release.dateline
        return data


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static file."""
    return HttpResponsePermanentRedirect(static("mfa_site/favicon.ico"))


def feeds_page(request):
    """What a news feed is and how to follow one: where a browser lands from a feed link."""
    return render(request, "news/feeds.html")


def robots_txt(request):
    """Everything public may be crawled; the sitemap is named with its absolute URL."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "Disallow: /staff/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
