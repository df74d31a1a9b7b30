"""The staff partner search: how a query finds institutions, and what a result shows.

Every institution keeps two folded (accent-stripped, casefolded) copies of its text:
``search_names`` (name, short name, aliases) and ``search_text`` (those plus city,
description, its partnerships' titles and descriptions, its people's names and posts).
A query is folded the same way, so "Universite", "UNIVERSITÉ" and "université" are one.

- Both databases: every word of the query must occur in ``search_text`` (partial words,
  accents, case, aliases, Cyrillic aliases), unless it occurs nowhere: then it is
  taken for a typo of a word of the names.
- PostgreSQL also accepts a misspelt word of letters through pg_trgm word similarity
  with the names ("univercity" finds "university"; a GIN trigram index answers it), and
  ranks results with a full-text rank (names weigh more) over a stored tsvector plus a
  boost when the names hold the query as typed.
- SQLite has no trigrams: a misspelt word of letters matches the words of the names
  that difflib finds close to it (one extra query reads the names). It ranks by the
  boost only, then by name.
"""

import dataclasses
import datetime
import difflib
import re
import unicodedata

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import Contains
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mfa_site.languages import localized_names

from .models import Embassy, Figure, Institution, Partnership, Person, Position

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
# pg_trgm word similarity a misspelt word needs: "univercity" ~ "university" is 0.57.
WORD_SIMILARITY_THRESHOLD = 0.5
MIN_TYPO_WORD_LENGTH = 4
# difflib ratio a misspelt word needs on SQLite: "univercity" ~ "university" is 0.8.
TYPO_CUTOFF = 0.75

SEARCH_FIELDS = ("search_names", "search_text", "search_vector")

SORT_CHOICES = [
    ("relevance", _("Relevance")),
    ("name", _("Name")),
    ("news", _("Latest news")),
    ("active", _("Active partnerships")),
]

_NON_WORD = re.compile(r"[^\w]+")


def fold(text):
    """Lower-case, accent-free, punctuation-free text: what search compares."""
    text = unicodedata.normalize("NFKD", (text or "").replace("\x00", ""))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).replace("_", " ").split())


def query_words(query):
    """The folded words of a query, at most MAX_QUERY_WORDS, duplicates dropped."""
    return list(dict.fromkeys(fold(query).split()))[:MAX_QUERY_WORDS]


# Keeping the folded copies current ---------------------------------------------------


def _documents(institution_ids):
    """Build {pk: (search_names, search_text)} with a fixed number of queries.

    Every language's names go in, so staff find an entry by "Антверпен" as well as by
    "Antwerp", whatever language their own screen is in.
    """
    name_fields = localized_names("name", "short_name", "aliases")
    text_fields = localized_names("city", "description")
    institutions = Institution.objects.filter(pk__in=institution_ids).raw_values(
        "pk", *name_fields, *text_fields
    )
    extra = {pk: [] for pk in institution_ids}
    through = Partnership.institutions.through.objects.filter(institution_id__in=institution_ids)
    for pk, *texts in through.values_list(
        "institution_id",
        *localized_names("partnership__title", "partnership__description"),
    ):
        extra[pk] += texts
    positions = Position.objects.filter(institution_id__in=institution_ids)
    for pk, *texts in positions.values_list(
        "institution_id", *localized_names("person__name", "title")
    ):
        extra[pk] += texts
    # The missions that facilitate its partnerships and the people there: "Vassilenko"
    # finds the partners his embassy works with, in every language.
    missions = through.filter(partnership__embassy__isnull=False)
    embassies = {}
    for pk, embassy_id, *names in missions.values_list(
        "institution_id", "partnership__embassy_id", *localized_names("partnership__embassy__name")
    ):
        extra[pk] += names
        embassies.setdefault(embassy_id, set()).add(pk)
    staff = Position.objects.filter(embassy_id__in=embassies)
    for embassy_id, *people in staff.values_list("embassy_id", *localized_names("person__name")):
        for pk in embassies[embassy_id]:
            extra[pk] += people
    documents = {}
    for row in institutions:
        names = fold(" ".join(row[field] or "" for field in name_fields))
        texts = [row[field] or "" for field in text_fields]
        text = fold(" ".join([names, *texts, *(value or "" for value in extra[row["pk"]])]))
        documents[row["pk"]] = (names, text)
    return documents


def search_vector():
    """The stored full-text vector (PostgreSQL): names weigh more than the rest."""
    return SearchVector("search_names", weight="A", config="simple") + SearchVector(
        "search_text", weight="B", config="simple"
    )


def refresh_search_text(institution_ids, batch_size=1000):
    """Recompute the folded search copies (and on PostgreSQL the vector) of institutions."""
    institution_ids = list(institution_ids)
    for start in range(0, len(institution_ids), batch_size):
        batch = institution_ids[start : start + batch_size]
        documents = _documents(batch)
        Institution.objects.bulk_update(
            [
                Institution(pk=pk, search_names=names, search_text=text)
                for pk, (names, text) in documents.items()
            ],
            ["search_names", "search_text"],
        )
        if is_postgresql():
            Institution.objects.filter(pk__in=batch).update(search_vector=search_vector())


# Every way an institution's searchable text can change ends in refresh_search_text:
# the admin saves M2M rows after the partnership itself, so signals are the one hook.


@receiver(post_save, sender=Institution, dispatch_uid="search_institution_saved")
def _institution_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_text([instance.pk])


@receiver(post_save, sender=Partnership, dispatch_uid="search_partnership_saved")
def _partnership_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_text(instance.institutions.values_list("pk", flat=True))


@receiver(
    m2m_changed, sender=Partnership.institutions.through, dispatch_uid="search_members_changed"
)
def _partnership_members_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":
        # After a clear the members are gone; remember them so they can be refreshed.
        instance._search_cleared = (
            [instance.pk] if reverse else list(instance.institutions.values_list("pk", flat=True))
        )
    elif action == "post_clear":
        refresh_search_text(getattr(instance, "_search_cleared", []))
    elif action in ("post_add", "post_remove"):
        refresh_search_text([instance.pk] if reverse else pk_set or [])


@receiver(pre_save, sender=Position, dispatch_uid="search_position_saving")
def _position_saving(sender, instance, raw=False, **kwargs):
    # A post moved to another institution must leave the old one's text too.
    if not raw and instance.pk:
        instance._search_previous = list(
            Position.objects.filter(pk=instance.pk).values_list("institution_id", flat=True)
        )


@receiver(post_save, sender=Position, dispatch_uid="search_position_saved")
@receiver(post_delete, sender=Position, dispatch_uid="search_position_deleted")
def _position_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        ids = {instance.institution_id, *getattr(instance, "_search_previous", [])}
        if instance.embassy_id:
            ids.update(partners_of_missions([instance.embassy_id]))
        refresh_search_text(pk for pk in ids if pk)


def partners_of_missions(embassy_ids):
    """The institutions in partnerships the given missions facilitate."""
    return Partnership.institutions.through.objects.filter(
        partnership__embassy_id__in=embassy_ids
    ).values_list("institution_id", flat=True)


@receiver(post_save, sender=Embassy, dispatch_uid="search_embassy_saved")
def _embassy_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_text(partners_of_missions([instance.pk]))


@receiver(post_save, sender=Person, dispatch_uid="search_person_saved")
def _person_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        posts = instance.positions.all()
        refresh_search_text(
            {
                *posts.filter(institution__isnull=False).values_list("institution_id", flat=True),
                *partners_of_missions(posts.values_list("embassy_id", flat=True)),
            }
        )


@receiver(pre_delete, sender=Partnership, dispatch_uid="search_partnership_deleting")
def _partnership_deleting(sender, instance, **kwargs):
    # The M2M rows are gone after the delete; remember the members to refresh them.
    instance._search_members = list(instance.institutions.values_list("pk", flat=True))


@receiver(post_delete, sender=Partnership, dispatch_uid="search_partnership_deleted")
def _partnership_deleted(sender, instance, **kwargs):
    refresh_search_text(getattr(instance, "_search_members", []))


# Querying ------------------------------------------------------------------------------


def is_postgresql():
    return connection.vendor == "postgresql"


def search_institutions(queryset, query):
    """Narrow an Institution queryset to those matching ``query``, annotated with ``rank``.

    A word of letters that occurs nowhere as typed is taken for a typo (one query checks
    the words): on PostgreSQL it matches by pg_trgm word similarity with the names, on
    SQLite by the close words difflib finds among them. Words that do occur match only
    as typed, which keeps results precise and the common case fast.
    """
    words = query_words(query)
    if not words:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    folded = " ".join(words)
    typos = _typo_words(words)
    if is_postgresql():
        if typos:
            _prepare_trigram_session()
        condition = Q()
        for word in words:
            word_matches = Q(search_text__contains=word)
            if word in typos:
                word_matches |= Q(search_names__trigram_word_similar=word)
            condition &= word_matches
        any_word_prefix = " | ".join(f"{word}:*" for word in words)
        return queryset.filter(condition).annotate(
            rank=Coalesce(
                SearchRank(
                    F("search_vector"),
                    SearchQuery(any_word_prefix, config="simple", search_type="raw"),
                ),
                0.0,
            )
            + _name_boost(folded)
        )
    close_words = _close_name_words(typos)
    condition = Q()
    in_names = Value(0.0, output_field=FloatField())
    for word in words:
        word_matches = Q(search_text__contains=word)
        name_matches = Q(search_names__contains=word)
        for close_word in close_words.get(word, ()):
            word_matches |= Q(search_names__contains=close_word)
            name_matches |= Q(search_names__contains=close_word)
        condition &= word_matches
        # Without a full-text rank, the names holding more of the words come first:
        # "antwerp univercity" puts the University of Antwerp before Antwerp's other schools.
        in_names += Case(
            When(name_matches, then=Value(1.0)), default=Value(0.0), output_field=FloatField()
        )
    return queryset.filter(condition).annotate(rank=_name_boost(folded) + in_names)


def _typo_words(words):
    """The words of letters (numbers and codes must match as typed) found nowhere."""
    candidates = [w for w in words if len(w) >= MIN_TYPO_WORD_LENGTH and w.isalpha()]
    if not candidates:
        return []
    checks = {
        f"word_{index}": Exists(Institution.objects.filter(search_text__contains=word))
        for index, word in enumerate(candidates)
    }
    found = Institution.objects.order_by().annotate(**checks).values(*checks)[:1]
    row = next(iter(found), None)
    if row is None:
        return []
    return [word for index, word in enumerate(candidates) if not row[f"word_{index}"]]


def _prepare_trigram_session():
    """Session settings for the typo match on PostgreSQL, in one small query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false), "
            # A parallel sequential scan looks cheaper to the planner than the trigram
            # index but computes word similarity on every row: 10-20 times slower.
            "set_config('max_parallel_workers_per_gather', '0', false)",
            [str(WORD_SIMILARITY_THRESHOLD)],
        )


def _close_name_words(words):
    """SQLite's typo fallback: for each given word, similar words of the names.

    One query reads the folded names (a development database is small); difflib picks
    the words that look alike, as pg_trgm does on PostgreSQL.
    """
    if not words:
        return {}
    vocabulary = set()
    for names in Institution.objects.values_list("search_names", flat=True).iterator():
        vocabulary.update(names.split())
    return {
        word: difflib.get_close_matches(word, vocabulary, n=5, cutoff=TYPO_CUTOFF) for word in words
    }


def _name_boost(folded):
    """Cheap to compute on every match: how well the names hold the query as typed."""
    return Case(
        When(search_names=folded, then=Value(3.0)),
        When(search_names__startswith=f"{folded} ", then=Value(2.5)),
        When(search_names__contains=f" {folded} ", then=Value(2.0)),
        When(search_names__endswith=f" {folded}", then=Value(2.0)),
        When(search_names__contains=folded, then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )


def press_release_model():
    """The press-release model, reached through the relation: partners never imports news."""
    return Institution._meta.get_field("press_releases").related_model


def published_mentions(since=None):
    """Published press releases mentioning the institution of the outer query."""
    mentions = press_release_model().objects.published().filter(institutions=OuterRef("pk"))
    if since is not None:
        mentions = mentions.filter(published_at__gte=since)
    return mentions


def with_summary(queryset):
    """Annotate and prefetch everything a result row shows, in a fixed number of queries."""
    latest_news = published_mentions().order_by("-published_at").values("published_at")[:1]
    return (
        queryset.select_related("country", "parent")
        # Never shown, and wide: leaving them out keeps sorts and groupings in memory.
        .defer(*SEARCH_FIELDS, *(f"parent__{name}" for name in SEARCH_FIELDS))
        # Computed only for the rows of the page unless the order needs it.
        .annotate(latest_news_at=Subquery(latest_news))
        .prefetch_related(
            Prefetch(
                "partnerships",
                queryset=Partnership.objects.active()
                .select_related("embassy")
                .prefetch_related(
                    Prefetch("figures", queryset=Figure.objects.all(), to_attr="all_figures")
                ),
                to_attr="active_partnerships",
            ),
            Prefetch("figures", queryset=Figure.objects.all(), to_attr="own_figures"),
        )
    )


def order_results(queryset, sort, has_query):
    """Apply one of SORT_CHOICES; relevance means name order when there is no query.

    The news and partnership orders aggregate over a join (one pass) rather than run a
    correlated subquery per matching institution: several times faster on 10,000 rows.
    """
    by_name = ["name", "pk"]
    if sort == "news":
        published = press_release_model().objects.published()
        return queryset.annotate(
            news_order=Max("press_releases__published_at", filter=Q(press_releases__in=published))
        ).order_by(F("news_order").desc(nulls_last=True), *by_name)
    if sort == "active":
        active = Partnership.objects.active()
        return queryset.annotate(
            active_order=Count("partnerships", filter=Q(partnerships__in=active))
        ).order_by("-active_order", *by_name)
    if sort in ("relevance", "", None) and has_query:
        return queryset.order_by("-rank", *by_name)
    return queryset.order_by(*by_name)


@dataclasses.dataclass
class Result:
    """One institution as the staff search shows and exports it."""

    institution: Institution
    active_partnerships: list
    embassies: list
    latest_figures: list
    latest_news_at: datetime.datetime | None
    public_url: str
    admin_url: str

    @property
    def active_partnership_count(self):
        return len(self.active_partnerships)


def latest_figures(figures):
    """The most recent figure for each subject and label."""
    latest = {}
    for figure in figures:
        key = (figure.partnership_id, figure.label.casefold())
        if key not in latest or figure.as_of > latest[key].as_of:
            latest[key] = figure
    return sorted(latest.values(), key=lambda figure: (figure.partnership_id or 0, figure.label))


def result_for(institution):
    """Build a Result from an institution fetched through ``with_summary``."""
    active = institution.active_partnerships
    embassies = list({p.embassy.pk: p.embassy for p in active if p.embassy}.values())
    figures = list(institution.own_figures)
    for partnership in active:
        figures += partnership.all_figures
    return Result(
        institution=institution,
        active_partnerships=active,
        embassies=embassies,
        latest_figures=latest_figures(figures),
        latest_news_at=institution.latest_news_at,
        public_url=institution.get_absolute_url(),
        admin_url=reverse("admin:partners_institution_change", args=[institution.pk]),
    )


# People and missions -------------------------------------------------------------------

MAX_PEOPLE = 10
MAX_MISSIONS = 10


def fold_on_sqlite(sender, connection, **kwargs):
    """Give SQLite the same fold as Python: its LIKE and LOWER() know only ASCII letters,
    so "василенко" would never meet "Василенко" there."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("mfa_fold", 1, fold, deterministic=True)


connection_created.connect(fold_on_sqlite, dispatch_uid="partners_fold_on_sqlite")


def _words_in(field, words):
    """Every word in the field, in any of the site's languages ("Василенко" too)."""
    condition = Q()
    for word in words:
        in_any_language = Q()
        for name in localized_names(field):
            if is_postgresql():
                in_any_language |= Q(**{f"{name}__unaccent__icontains": word})
            else:
                folded = Func(F(name), function="mfa_fold", output_field=CharField())
                in_any_language |= Q(Contains(folded, word))
        condition &= in_any_language
    return condition


def find_people(query):
    """People whose name holds every word, with their posts at missions and institutions."""
    words = query_words(query)
    if not words:
        return []
    current = Position.objects.filter(end_date__isnull=True).select_related(
        "embassy", "institution"
    )
    return list(
        Person.objects.filter(_words_in("name", words))
        .order_by("name")
        .prefetch_related(Prefetch("positions", queryset=current, to_attr="current_posts"))[
            :MAX_PEOPLE
        ]
    )


def find_missions(query, people=()):
    """Missions whose name or city holds every word, and those where the people found work."""
    words = query_words(query)
    if not words:
        return []
    mission_ids = {post.embassy_id for person in people for post in person.current_posts}
    mission_ids.discard(None)
    condition = (_words_in("name", words) | _words_in("city", words)) | Q(pk__in=mission_ids)
    return list(
        Embassy.objects.filter(condition)
        .select_related("host_country")
        .order_by("name")[:MAX_MISSIONS]
    )


def suggest_names(query, limit=3):
    """Institution names close to a query that found nothing (one query, only then)."""
    folded = fold(query)
    if not folded:
        return []
    names = {}
    for name, short_name, search_names in Institution.objects.values_list(
        "name", "short_name", "search_names"
    ).iterator():
        names[fold(name)] = name
        if short_name:
            names[fold(short_name)] = name
        for word in search_names.split():
            names.setdefault(word, name)
    close = difflib.get_close_matches(folded, names, n=limit * 3, cutoff=0.6)
    return list(dict.fromkeys(names[key] for key in close))[:limit]
