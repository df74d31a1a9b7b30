"""GIN indexes for the news list's full-text search, on PostgreSQL only.

The indexed expression is the one `news.filters.press_release_vector(config)` builds
(title A, lead B, body C), one index per text-search configuration the site uses, so
the planner can answer `?q=` without reading every press release. SQLite has no such
index and searches with icontains instead. Kept out of Meta.indexes because SQLite
cannot create it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIGS = {"english": "news_pr_search_en", "russian": "news_pr_search_ru", "simple": "news_pr_search_simple"}


def vector(config):
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("lead", weight="B", config=config)
        + SearchVector("body", weight="C", config=config)
    )


def indexes():
    return [GinIndex(vector(config), name=name) for config, name in CONFIGS.items()]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("news", "PressRelease")
    for index in indexes():
        schema_editor.add_index(model, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("news", "PressRelease")
    for index in indexes():
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("news", "0003_import_source_link_suggestions")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]
