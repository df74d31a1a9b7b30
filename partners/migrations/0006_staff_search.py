"""Staff partner search: folded search text on institutions, pg_trgm and unaccent.

The extensions and the GIN trigram index exist on PostgreSQL only; on SQLite these
operations do nothing and the search falls back to plain substring matching.
"""

import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

INDEXES = {
    "partners_institution_search_text_trgm": "search_text gin_trgm_ops",
    "partners_institution_search_names_trgm": "search_names gin_trgm_ops",
    "partners_institution_search_vector": "search_vector",
}
# Kept in step with partners.search.SEARCH_VECTOR.
FILL_VECTOR = (
    "UPDATE partners_institution SET search_vector = "
    "setweight(to_tsvector('simple', search_names), 'A') || "
    "setweight(to_tsvector('simple', search_text), 'B')"
)


class PostgresOnlySQL(migrations.RunSQL):
    """RunSQL that is a no-op on every database but PostgreSQL."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def fill_search_text(apps, schema_editor):
    from partners.search import fold

    Institution = apps.get_model("partners", "Institution")
    Partnership = apps.get_model("partners", "Partnership")
    Position = apps.get_model("partners", "Position")
    extra = {}
    through = Partnership.institutions.through.objects.values_list(
        "institution_id", "partnership__title", "partnership__description"
    )
    for pk, title, description in through:
        extra.setdefault(pk, []).extend([title, description])
    positions = Position.objects.filter(institution__isnull=False).values_list(
        "institution_id", "person__name", "title"
    )
    for pk, person, title in positions:
        extra.setdefault(pk, []).extend([person, title])
    changed = []
    for institution in Institution.objects.all():
        names = fold(" ".join([institution.name, institution.short_name, institution.aliases]))
        institution.search_names = names
        institution.search_text = fold(
            " ".join(
                [names, institution.city, institution.description, *extra.get(institution.pk, [])]
            )
        )
        changed.append(institution)
    Institution.objects.bulk_update(changed, ["search_names", "search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0005_updated_at_for_sitemaps"),
    ]

    operations = [
        # CreateExtension is already a no-op on databases other than PostgreSQL.
        TrigramExtension(),
        UnaccentExtension(),
        migrations.AddField(
            model_name="institution",
            name="search_names",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="search names"
            ),
        ),
        migrations.AddField(
            model_name="institution",
            name="search_text",
            field=models.TextField(
                blank=True, default="", editable=False, verbose_name="search text"
            ),
        ),
        migrations.AddField(
            model_name="institution",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search vector"
            ),
        ),
        # Indexes before the fill: PostgreSQL refuses CREATE INDEX on a table with
        # pending (deferred foreign key) trigger events from updates in this transaction.
        *(
            PostgresOnlySQL(
                f"CREATE INDEX IF NOT EXISTS {name} ON partners_institution USING gin ({column})",
                f"DROP INDEX IF EXISTS {name}",
            )
            for name, column in INDEXES.items()
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        PostgresOnlySQL(FILL_VECTOR, migrations.RunSQL.noop),
    ]
