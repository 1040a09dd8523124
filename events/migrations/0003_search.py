"""PostgreSQL search support: GIN full-text and trigram indexes. Nothing happens elsewhere.

Not in the models' Meta, so the schema is the same on SQLite. Each expression is written as
Django renders the queries of the site search and the speaker search (weighted
`to_tsvector('simple', ...)` vectors; `UPPER(title::text) LIKE` for title words), so the
planner can use them.
"""

from django.db import migrations

INDEXES = {
    "events_event_fts": (
        "events_event",
        "gin ((setweight(to_tsvector('simple'::regconfig, COALESCE(name, '')::text), 'A')"
        " || setweight(to_tsvector('simple'::regconfig, COALESCE(venue, '')::text), 'B')))",
    ),
    "events_report_fts": (
        "events_report",
        "gin ((setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')::text), 'A')"
        " || setweight(to_tsvector('simple'::regconfig, COALESCE(text, '')), 'B')))",
    ),
    "events_position_title_trgm": (
        "events_position",
        "gin ((UPPER(title::text)) gin_trgm_ops)",
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, definition) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_editors_group"),
        ("people", "0002_search"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
