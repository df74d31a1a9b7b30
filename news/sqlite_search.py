"""Full-text search of press releases on SQLite: an FTS5 index kept by triggers.

PostgreSQL has its own search (`news.filters.press_release_vector` and the indexes of
migration 0010); this module does nothing there. On SQLite, a search used to read every
press release's title, lead and body with LIKE. The FTS5 table `news_pressrelease_fts`
indexes the title, lead and body columns of each language with the trigram tokenizer, so a
word is still found as a case-insensitive substring anywhere in them, in any order, but
only the rows holding its three-letter pieces are read.

Triggers on `news_pressrelease` keep it current on every write, `QuerySet.update()` and
`bulk_create()` included. Django rebuilds a SQLite table (and drops its triggers) when a
migration alters it, so `ensure_index()` runs after every `migrate` and recreates whatever
is missing; `python manage.py rebuild_search_index` rebuilds the index by hand.
"""

from django.conf import settings
from django.db import connection
from django.db.models.expressions import RawSQL
from modeltranslation.utils import build_localized_fieldname

TABLE = "news_pressrelease_fts"
SOURCE = "news_pressrelease"
FIELDS = ("title", "lead", "body")
TRIGGERS = {
    "insert": f"{TABLE}_after_insert",
    "delete": f"{TABLE}_after_delete",
    "update": f"{TABLE}_after_update",
}
# The trigram tokenizer indexes three-character pieces: a shorter word has none to look up
# and is matched with LIKE among the rows the longer words found.
MIN_INDEXED_LENGTH = 3


def columns(language=None):
    """The indexed columns: of one language, or of all of them in site order."""
    languages = [language] if language else [code for code, _name in settings.LANGUAGES]
    return [build_localized_fieldname(field, code) for code in languages for field in FIELDS]


def _statements():
    names = columns()
    listed = ", ".join(names)
    new = ", ".join(f"new.{name}" for name in names)
    old = ", ".join(f"old.{name}" for name in names)
    delete = f"INSERT INTO {TABLE}({TABLE}, rowid, {listed}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {TABLE}(rowid, {listed}) VALUES (new.id, {new});"
    return {
        "table": (
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5({listed}, "
            f"content='{SOURCE}', content_rowid='id', tokenize='trigram')"
        ),
        "insert": f"CREATE TRIGGER IF NOT EXISTS {TRIGGERS['insert']} AFTER INSERT ON {SOURCE} "
        f"BEGIN {insert} END",
        "delete": f"CREATE TRIGGER IF NOT EXISTS {TRIGGERS['delete']} AFTER DELETE ON {SOURCE} "
        f"BEGIN {delete} END",
        # Only changes of indexed text touch the index: a status change does not.
        "update": f"CREATE TRIGGER IF NOT EXISTS {TRIGGERS['update']} AFTER UPDATE OF {listed} "
        f"ON {SOURCE} BEGIN {delete} {insert} END",
    }


# SQLite plans without statistics unless ANALYZE ran, and then takes the (status,
# published_at) index for any query on published news, even with a handful of ids from the
# search index or a link table: it walked every published row to find them. This row tells
# it what ANALYZE would: a status matches a large share of the rows, so it starts from the
# few ids instead (a search, a filter by subject), and from the index for the plain list.
PLANNER_STATS = [("news_pressrelease", "news_pr_status_pub_idx", "1000000 250000 1")]


def _write_planner_stats(cursor):
    cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
    if cursor.fetchone() is None:
        cursor.execute("ANALYZE news_topic")  # creates sqlite_stat1 (a table of a few rows)
    for table, index, stat in PLANNER_STATS:
        cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = %s AND idx = %s", [table, index])
        cursor.execute(
            "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, %s, %s)", [table, index, stat]
        )
    cursor.execute("ANALYZE sqlite_schema")  # this connection reads them again


def _existing(cursor):
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE name = %s OR (type = 'trigger' AND tbl_name = %s)",
        [TABLE, SOURCE],
    )
    return {name for (name,) in cursor.fetchall()}


def ensure_index(using_connection=None):
    """Create the index and its triggers where missing (SQLite only); rebuild the index when
    anything was missing, since writes may have happened without the triggers. Returns
    whether it rebuilt. Writes the planner statistics (`PLANNER_STATS`) every time."""
    conn = using_connection or connection
    if conn.vendor != "sqlite":
        return False
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [SOURCE])
        if cursor.fetchone() is None:
            return False  # migrations have not created the press releases yet
        _write_planner_stats(cursor)
        existing = _existing(cursor)
        wanted = {TABLE, *TRIGGERS.values()}
        if wanted <= existing:
            return False
        for statement in _statements().values():
            cursor.execute(statement)
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    return True


def rebuild_index(using_connection=None):
    """Rebuild the index from the press releases (after a restore of the database file)."""
    conn = using_connection or connection
    if conn.vendor != "sqlite":
        return
    ensure_index(conn)
    with conn.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")


def drop_index(using_connection=None):
    conn = using_connection or connection
    if conn.vendor != "sqlite":
        return
    with conn.cursor() as cursor:
        for trigger in TRIGGERS.values():
            cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def _phrase(word):
    return '"' + word.replace('"', '""') + '"'


def match_expression(words, language):
    """An FTS5 query: every word, as a substring, in the language's title, lead or body."""
    names = " ".join(columns(language))
    return f"{{{names}}} : ({' AND '.join(map(_phrase, words))})"


def matching(words, language):
    """A subquery of the ids of press releases holding every indexed word (3+ characters),
    for `filter(pk__in=...)`, or None when no word is long enough to look up."""
    indexed = [word for word in words if len(word) >= MIN_INDEXED_LENGTH]
    if not indexed:
        return None
    return RawSQL(
        f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s",
        [match_expression(indexed, language)],
    )
