"""SQLite only: the FTS5 index of press releases and the triggers that keep it current.

PostgreSQL searches with its own text-search indexes (0010): nothing happens there.
"""

from django.db import migrations


def create(apps, schema_editor):
    from news.sqlite_search import ensure_index

    ensure_index(schema_editor.connection)


def drop(apps, schema_editor):
    from news.sqlite_search import drop_index

    drop_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("news", "0011_edit_sessions_autosave_presence")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
