"""Full-text indexes per language, on PostgreSQL only.

Each language's columns get the configuration the news search uses for that language
(news.filters.press_release_vector): english for English, russian for Russian, and simple
over an immutable unaccent wrapper for Kazakh, which PostgreSQL has no stemmer for
(unaccent itself is only STABLE, so it cannot stand in an index expression).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import F, Func

OLD = {"english": "news_pr_search_en", "russian": "news_pr_search_ru", "simple": "news_pr_search_simple"}
# language: (configuration, index name)
NEW = {"en": ("english", "news_pr_fts_en"), "ru": ("russian", "news_pr_fts_ru"), "kk": ("simple", "news_pr_fts_kk")}

UNACCENT_FUNCTION = """
CREATE OR REPLACE FUNCTION mfa_unaccent(text) RETURNS text
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
"""


def old_vector(config):
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("lead", weight="B", config=config)
        + SearchVector("body", weight="C", config=config)
    )


def new_vector(language, config):
    def text(field):
        column = F(f"{field}_{language}")
        return Func(column, function="mfa_unaccent") if config == "simple" else column

    return (
        SearchVector(text("title"), weight="A", config=config)
        + SearchVector(text("lead"), weight="B", config=config)
        + SearchVector(text("body"), weight="C", config=config)
    )


def old_indexes():
    return [GinIndex(old_vector(config), name=name) for config, name in OLD.items()]


def new_indexes():
    return [GinIndex(new_vector(lang, config), name=name) for lang, (config, name) in NEW.items()]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("news", "PressRelease")
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(UNACCENT_FUNCTION)
    for index in old_indexes():
        schema_editor.remove_index(model, index)
    for index in new_indexes():
        schema_editor.add_index(model, index)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    model = apps.get_model("news", "PressRelease")
    for index in new_indexes():
        schema_editor.remove_index(model, index)
    for index in old_indexes():
        schema_editor.add_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("news", "0009_linksuggestion_new_people_and_figures")]

    operations = [migrations.RunPython(forwards, backwards)]
