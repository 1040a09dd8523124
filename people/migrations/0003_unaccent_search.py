"""PostgreSQL accent-insensitive full-text search: an IMMUTABLE unaccent wrapper and the
organisation vector rebuilt on it. Nothing happens elsewhere.

`unaccent()` is only STABLE (its dictionary could change), so it cannot appear in an index
expression; the wrapper names the dictionary and is declared IMMUTABLE, the usual way round.
The site search writes the same `eventsdb_unaccent(...)` expressions, so the planner still
matches the GIN indexes (see EXPLAIN in tests/browse/test_search_page.py).
"""

from django.db import migrations

FUNCTION = (
    "CREATE OR REPLACE FUNCTION eventsdb_unaccent(text) RETURNS text"
    " LANGUAGE sql IMMUTABLE PARALLEL SAFE"
    " AS $$ SELECT public.unaccent('public.unaccent', $1) $$"
)


def vector(a: str, b: str, unaccent: bool) -> str:
    def part(column: str, weight: str) -> str:
        value = f"eventsdb_unaccent({column}::text)" if unaccent else f"{column}::text"
        return f"setweight(to_tsvector('simple'::regconfig, COALESCE({value}, '')), '{weight}')"

    return f"gin (({part(a, 'A')} || {part(b, 'B')}))"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(FUNCTION)
    schema_editor.execute("DROP INDEX IF EXISTS people_organization_fts")
    schema_editor.execute(
        "CREATE INDEX people_organization_fts ON people_organization"
        f" USING {vector('name', 'acronym', unaccent=True)}"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS people_organization_fts")
    schema_editor.execute(
        "CREATE INDEX people_organization_fts ON people_organization"
        f" USING {vector('name', 'acronym', unaccent=False)}"
    )
    # The function stays until the other apps' vectors built on it are gone (they go first).
    schema_editor.execute("DROP FUNCTION IF EXISTS eventsdb_unaccent(text)")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_search")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
