"""PostgreSQL accent-insensitive full-text search on events and reports. Nothing happens
elsewhere.

The vectors are those of 0003 with every column passed through `eventsdb_unaccent` (made
in people 0003), written as the site search renders them, so "lalic" finds "Lalić" in report
text and the GIN indexes are still used.
"""

from django.db import migrations

VECTORS = {
    "events_event_fts": ("events_event", "name", "venue"),
    "events_report_fts": ("events_report", "title", "text"),
}


def vector(a: str, b: str, unaccent: bool) -> str:
    def part(column: str, weight: str) -> str:
        value = f"eventsdb_unaccent({column}::text)" if unaccent else f"{column}::text"
        return f"setweight(to_tsvector('simple'::regconfig, COALESCE({value}, '')), '{weight}')"

    return f"gin (({part(a, 'A')} || {part(b, 'B')}))"


def rebuild(unaccent: bool):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for name, (table, a, b) in VECTORS.items():
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
            schema_editor.execute(
                f"CREATE INDEX {name} ON {table} USING {vector(a, b, unaccent=unaccent)}"
            )

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_search"),
        ("people", "0003_unaccent_search"),
    ]

    operations = [migrations.RunPython(rebuild(True), rebuild(False), elidable=False)]
