"""The partner dossier: what staff take to a meeting with an institution or about a country.

One `Dossier` gathers, in a fixed number of queries whatever its size: the people and
their posts now and before, the missions responsible, every partnership with its status
and figures over time (chart and table, as on the public pages), the cooperation areas,
the last contacts (published press releases, newest first, with the ambassador of the
day), the open proposals, and what changed since a chosen date. The press releases are
reached through the reverse relation and `published()`, so partners needs nothing from
the news app.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from .charts import figure_chart, figure_table
from .models import (
    Country,
    Embassy,
    Figure,
    Institution,
    Partnership,
    Position,
    held_on,
)

CONTACTS_SHOWN = 8


class SinceForm(forms.Form):
    since = forms.DateField(
        label=gettext_lazy("Changes since"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "invalid": gettext_lazy("Enter a date as YYYY-MM-DD, for example 2026-01-31.")
        },
    )


@dataclass
class PartnershipEntry:
    partnership: Partnership
    figures: list
    chart: object
    table: object


@dataclass
class Contact:
    press_release: object
    ambassadors: list  # (mission, person) pairs: the heads of the missions on that day


@dataclass
class Changes:
    since: datetime.date
    posts_started: list = field(default_factory=list)
    posts_ended: list = field(default_factory=list)
    partnerships: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    press_releases: list = field(default_factory=list)

    @property
    def empty(self):
        return not (
            self.posts_started
            or self.posts_ended
            or self.partnerships
            or self.figures
            or self.press_releases
        )


@dataclass
class Dossier:
    title: str
    country: Country
    institution: Institution | None
    institutions: list
    current_posts: list
    past_posts: list
    missions: list  # (mission, current head or None)
    partnerships: list  # PartnershipEntry
    areas: list
    contacts: list  # Contact
    proposals: list
    own_figures: dict | None = None  # chart and table of the institution's own figures
    changes: Changes | None = None
    today: datetime.date = field(default_factory=timezone.localdate)


def _missions_for(country):
    """Missions responsible for a country: hosted there or accredited to it."""
    heads = Position.objects.heads().select_related("person")
    return list(
        Embassy.objects.filter(
            Q(host_country=country)
            | Q(
                pk__in=Embassy.accredited_countries.through.objects.filter(country=country).values(
                    "embassy"
                )
            )
        )
        .select_related("host_country")
        .prefetch_related(Prefetch("positions", queryset=heads, to_attr="head_positions"))
        .order_by("name")
    )


def _partnerships(queryset):
    figures = Figure.objects.order_by("label", "as_of").with_published_sources()
    partnerships = list(
        queryset.select_related("embassy")
        .prefetch_related(
            Prefetch("institutions", queryset=Institution.objects.select_related("country")),
            "areas",
            Prefetch("figures", queryset=figures),
        )
        .order_by("status", "title")
    )
    entries = []
    for partnership in partnerships:
        figures = list(partnership.figures.all())
        entries.append(
            PartnershipEntry(
                partnership=partnership,
                figures=figures,
                chart=figure_chart(figures, title=str(partnership)) if figures else None,
                table=figure_table(figures) if figures else None,
            )
        )
    return entries


def _areas(entries):
    areas = {area.pk: area for e in entries for area in e.partnership.areas.all()}
    return sorted(areas.values(), key=lambda area: area.name)


def _contacts(press_releases, missions):
    contacts = []
    for press_release in press_releases:
        ambassadors = []
        for mission in missions:
            post = held_on(mission.head_positions, press_release.published_at)
            if post:
                ambassadors.append((mission, post.person))
        contacts.append(Contact(press_release, ambassadors))
    return contacts


def _changes(since, posts, entries, press_releases_since):
    if since is None:
        return None
    changes = Changes(since=since)
    changes.posts_started = [p for p in posts if p.start_date and p.start_date >= since]
    changes.posts_ended = [p for p in posts if p.end_date and p.end_date >= since]
    changes.partnerships = [
        e.partnership for e in entries if timezone.localdate(e.partnership.updated_at) >= since
    ]
    changes.figures = sorted(
        (
            f
            for e in entries
            for f in e.figures
            if f.as_of >= since or timezone.localdate(f.updated_at) >= since
        ),
        key=lambda f: (f.as_of, f.label),
    )
    changes.press_releases = list(press_releases_since)
    return changes


def _since_start(since):
    return timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))


def institution_dossier(institution, since=None):
    """The dossier of one institution (its own posts, partnerships and figures)."""
    posts = list(
        institution.positions.select_related("person").order_by("person__name", "-start_date")
    )
    today = timezone.localdate()
    missions = _missions_for(institution.country)
    entries = _partnerships(institution.partnerships.all())
    news = institution.press_releases.published()
    own = list(institution.figures.order_by("label", "as_of").with_published_sources())
    dossier = Dossier(
        title=institution.name,
        country=institution.country,
        institution=institution,
        institutions=[institution],
        current_posts=[p for p in posts if held_on([p], today)],
        past_posts=[p for p in posts if p.end_date and p.end_date < today],
        missions=[(m, _head(m, today)) for m in missions],
        partnerships=entries,
        areas=_areas(entries),
        contacts=_contacts(list(news[:CONTACTS_SHOWN]), missions),
        proposals=_proposals(entries),
        own_figures={
            "figures": own,
            "chart": figure_chart(own, title=str(institution)),
            "table": figure_table(own),
        }
        if own
        else None,
    )
    dossier.changes = _changes(
        since,
        posts,
        entries,
        news.filter(published_at__gte=_since_start(since)) if since else [],
    )
    return dossier


def country_dossier(country, since=None):
    """The dossier of a country: its institutions, their people and partnerships."""
    institutions = list(
        Institution.objects.filter(country=country).select_related("parent").order_by("name")
    )
    posts = list(
        Position.objects.filter(institution__country=country)
        .select_related("person", "institution")
        .order_by("institution__name", "person__name", "-start_date")
    )
    today = timezone.localdate()
    missions = _missions_for(country)
    entries = _partnerships(
        Partnership.objects.filter(
            pk__in=Partnership.institutions.through.objects.filter(
                institution__country=country
            ).values("partnership")
        )
    )
    news_model = Institution._meta.get_field("press_releases").related_model
    news = news_model.objects.published().filter(
        Q(
            pk__in=news_model.countries.through.objects.filter(target=country).values(
                "press_release"
            )
        )
        | Q(
            pk__in=news_model.institutions.through.objects.filter(target__country=country).values(
                "press_release"
            )
        )
    )
    dossier = Dossier(
        title=country.name,
        country=country,
        institution=None,
        institutions=institutions,
        current_posts=[p for p in posts if held_on([p], today)],
        past_posts=[p for p in posts if p.end_date and p.end_date < today],
        missions=[(m, _head(m, today)) for m in missions],
        partnerships=entries,
        areas=_areas(entries),
        contacts=_contacts(list(news[:CONTACTS_SHOWN]), missions),
        proposals=_proposals(entries),
    )
    dossier.changes = _changes(
        since,
        posts,
        entries,
        news.filter(published_at__gte=_since_start(since)) if since else [],
    )
    return dossier


def _proposals(entries):
    return [e.partnership for e in entries if e.partnership.status == Partnership.Status.PROPOSED]


def _head(mission, on):
    post = held_on(mission.head_positions, on)
    return post.person if post else None
