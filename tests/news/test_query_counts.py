"""Every news page runs the same number of SQL queries for 2 items as for 40.

The expected numbers are written down so a change that adds a query is noticed.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.models import PressRelease
from tests.factories import (
    country,
    make_area,
    make_embassy,
    make_figure,
    make_institution,
    make_partnership,
    make_person,
    make_position,
    make_press_release,
    make_topic,
)

pytestmark = pytest.mark.django_db

COUNTRY_CODES = ["BE", "KZ", "FR", "DE", "NL", "IT", "ES", "PL", "CZ", "AT"] * 4


def count_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(queries)


def news_items(count, topic, embassy, institution, partnership, start=0):
    for number in range(start, start + count):
        make_press_release(
            f"News {number}",
            topics=[topic],
            embassies=[embassy],
            institutions=[institution],
            partnerships=[partnership],
            countries=[country("BE")],
        )


@pytest.fixture
def subjects():
    topic = make_topic("Education")
    embassy = make_embassy("Embassy in Belgium")
    institution = make_institution("University of Antwerp")
    partnership = make_partnership("Double-degree MBA")
    return topic, embassy, institution, partnership


def assert_same_for_2_and_40(client, url, subjects, params=None, expected=None):
    news_items(2, *subjects)
    few = count_queries(client, url, params)
    news_items(38, *subjects, start=2)
    many = count_queries(client, url, params)
    assert few == many, f"{url} {params}: {few} queries for 2 items, {many} for 40"
    if expected is not None:
        assert many == expected, f"{url} {params}: {many} queries"
    return many


def test_home(client, subjects):
    for _ in range(40):
        make_partnership()
        make_embassy()
    assert_same_for_2_and_40(client, reverse("home"), subjects, expected=6)


def test_news_list(client, subjects):
    assert_same_for_2_and_40(client, reverse("news:list"), subjects, expected=10)


def test_news_list_with_every_filter(client, subjects):
    params = {
        "q": "news",
        "topic": "education",
        "embassy": "embassy-in-belgium",
        "institution": "university-of-antwerp",
        "partnership": "double-degree-mba",
        "country": "be",
        "year": str(datetime.date.today().year),
    }
    assert_same_for_2_and_40(client, reverse("news:list"), subjects, params, expected=15)


def test_feeds(client, subjects):
    topic, embassy, institution, partnership = subjects
    urls = {
        reverse("news:feed"): 2,
        reverse("news:feed-atom"): 2,
        reverse("news:feed-topic", args=[topic.slug]): 3,
        reverse("news:feed-embassy-atom", args=[embassy.slug]): 3,
        reverse("news:feed-institution", args=[institution.slug]): 3,
        reverse("news:feed-partnership", args=[partnership.slug]): 3,
    }
    news_items(2, *subjects)
    few = {url: count_queries(client, url) for url in urls}
    news_items(38, *subjects, start=2)
    many = {url: count_queries(client, url) for url in urls}
    assert few == many == urls


def test_sitemap(client, subjects):
    for _ in range(2):
        make_person()
    # 11 for the sitemap itself, 5 bounded counts that decide between one file and an index
    assert_same_for_2_and_40(client, reverse("sitemap"), subjects, expected=16)


def related_world(count, prefix):
    """A press release linked to `count` of everything, each with history behind it."""
    embassies, people, institutions, partnerships = [], [], [], []
    parent = make_institution(f"{prefix} parent university")
    for number in range(count):
        embassy = make_embassy(f"{prefix} Mission {number}")
        for start, end in (
            (datetime.date(2018, 1, 1), datetime.date(2022, 12, 31)),
            (datetime.date(2023, 1, 1), None),
        ):
            make_position(make_person(), embassy=embassy, start_date=start, end_date=end)
        embassies.append(embassy)
        person = make_person(f"{prefix} Someone {number}")
        make_position(person, "Rector", institution=parent, start_date=datetime.date(2020, 1, 1))
        people.append(person)
        institution = make_institution(f"{prefix} Unit {number}", parent=parent)
        institutions.append(institution)
        partnership = make_partnership(
            f"{prefix} Partnership {number}",
            institutions=[parent, institution],
            areas=[make_area(f"{prefix} Area {number}")],
        )
        make_figure(partnership, label="students", value=number, as_of=datetime.date(2025, 1, 1))
        make_figure(
            partnership, label="students", value=number + 1, as_of=datetime.date(2026, 1, 1)
        )
        partnerships.append(partnership)
    topics = [make_topic() for _ in range(count)]
    press_release = make_press_release(
        embassies=embassies,
        people=people,
        institutions=institutions,
        partnerships=partnerships,
        topics=topics,
        countries=[country(code) for code in COUNTRY_CODES[:count]],
    )
    for _ in range(count):  # other news on the same subjects
        make_press_release(institutions=institutions[:1], partnerships=partnerships[:1])
    return press_release


def test_news_detail_with_2_and_40_related_items(client):
    few = count_queries(client, related_world(2, "few").get_absolute_url())
    many = count_queries(client, related_world(40, "many").get_absolute_url())
    assert few == many == 14  # 12 for the article and its links, 2 for gallery and documents


def test_robots_and_404_need_no_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("robots")).status_code == 200
        assert client.get("/no/such/page/").status_code == 404
    assert len(queries) == 0


def test_unknown_news_slug_costs_one_query(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("news:detail", args=["nope"])).status_code == 404
    assert len(queries) == 1


def test_list_and_detail_run_at_most_8_queries_once_derived_data_is_cached(
    client, settings, subjects
):
    """Uncached pages (page cache off): menus, archive, the result count and a press
    release's links come from the cache after the first request, so the steady state is a
    handful of queries: a list reads which 20 press releases it shows, their cards come
    from the cache."""
    settings.PAGE_CACHE = False
    topic, embassy, institution, partnership = subjects
    news_items(40, *subjects)
    latest = PressRelease.objects.published().first()
    urls = [
        (reverse("news:list"), None, 1),
        (reverse("news:list"), {"page": 2}, 1),
        (reverse("news:list"), {"institution": institution.slug}, 2),
        (reverse("news:detail", args=[latest.slug]), None, 1),
    ]
    for url, params, expected in urls:
        count_queries(client, url, params)
        assert count_queries(client, url, params) == expected, (url, params)


def test_query_counts_hold_at_50000_press_releases(client, settings, subjects):
    """The same queries with 50,000 press releases as with 40 (page cache off, derived data
    warm): list, page 2, the deepest page, a filter, a search, a press release, a feed."""
    from news.page_tags import purge_everything

    settings.PAGE_CACHE = False
    topic, embassy, institution, partnership = subjects
    news_items(40, *subjects)
    latest = PressRelease.objects.published().first()
    pages = [
        (reverse("news:list"), None),
        (reverse("news:list"), {"page": 2}),
        (reverse("news:list"), {"page": 50}),
        (reverse("news:list"), {"institution": institution.slug}),
        (reverse("news:list"), {"q": "news"}),
        (reverse("news:detail", args=[latest.slug]), None),
        (reverse("news:feed"), None),
        (institution.get_absolute_url(), None),
    ]

    def warm_counts():
        counts = []
        for url, params in pages:
            if params == {"page": 50} and PressRelease.objects.count() < 1000:
                params = {"page": 2}  # 40 items have no page 50; same query shape
            count_queries(client, url, params)
            counts.append(count_queries(client, url, params))
        return counts

    few = warm_counts()
    copy_press_release(latest, 50_000)
    purge_everything()  # bulk writes send no signals
    assert warm_counts() == few


def copy_press_release(source, count):
    """`count` copies of `source` (own slugs, no links), made by the database in one
    statement: building 50,000 objects in Python took minutes, this takes about a second."""
    quote = connection.ops.quote_name
    fields = [field for field in PressRelease._meta.concrete_fields if not field.primary_key]
    values = {"slug": "slug || '-copy-' || n.x", "import_source": "NULL"}
    table = PressRelease._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < %s) "
            f"INSERT INTO {quote(table)} ({', '.join(quote(f.column) for f in fields)}) "
            f"SELECT {', '.join(values.get(f.column, quote(f.column)) for f in fields)} "
            f"FROM {quote(table)}, n WHERE id = %s",
            [count, source.pk],
        )


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_each_language_list_reads_its_own_index_not_the_table(language):
    """A language few press releases are written in (English among 50,000 Kazakh ones) is
    found through its own partial index, newest first, not by reading every row: the list,
    its feeds and its count read `listed()` in the page's language."""
    queryset = PressRelease.objects.listed(language).values("pk")[:20]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # A test table is small enough to read whole, or to read by status and sort (a
            # tie in cost once other tests have left statistics); the question is whether
            # the plan can use the index at all.
            for setting in ("enable_seqscan", "enable_sort", "enable_incremental_sort"):
                cursor.execute(f"SET LOCAL {setting} = off")
            plan = queryset.explain()
    else:
        plan = queryset.explain()
    assert f"news_pr_listed_{language}" in plan, plan
    assert "Sort" not in plan and "TEMP B-TREE" not in plan, plan  # read in the list's order


def test_sqlite_reads_no_table_row_for_what_the_language_index_holds():
    """The list's conditions on status and language are written into the SQL as the
    index's own constants: SQLite then reads the index alone, never each row's record (a
    `Column` instruction), so page 50 costs about what page 1 does."""
    queryset = PressRelease.objects.listed("kk").values("pk")[20 * 49 : 20 * 50]
    sql, params = queryset.query.sql_with_params()
    assert len(params) == 1  # the time; "published" and '' are in the SQL
    if connection.vendor != "sqlite":
        return  # PostgreSQL proves the index's condition from bound values too (above)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        instructions = {row[1] for row in cursor.fetchall()}
    assert "Column" not in instructions, instructions
