"""PostgreSQL search support: pg_trgm/unaccent and GIN indexes. Nothing happens elsewhere.

The schema stays identical on every database: these indexes are not in the models' Meta, they
only make the speaker search's PostgreSQL queries fast. Each index expression is written exactly as
Django renders the lookups the speaker search uses (`key::text LIKE`, `key %> word`, the weighted
`to_tsvector('simple', ...)`), so the planner can match them.
"""

from django.db import migrations

INDEXES = {
    "people_organization_key_trgm": (
        "people_organization",
        "gin ((key::text) gin_trgm_ops)",
    ),
    "people_organizationalias_key_trgm": (
        "people_organizationalias",
        "gin ((key::text) gin_trgm_ops)",
    ),
    "people_person_key_trgm": ("people_person", "gin ((key::text) gin_trgm_ops)"),
    "people_personalias_key_trgm": ("people_personalias", "gin ((key::text) gin_trgm_ops)"),
    "people_organization_fts": (
        "people_organization",
        "gin ((setweight(to_tsvector('simple'::regconfig, COALESCE(name, '')::text), 'A')"
        " || setweight(to_tsvector('simple'::regconfig, COALESCE(acronym, '')::text), 'B')))",
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (table, definition) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    # The extensions stay: other database objects may depend on them.


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
