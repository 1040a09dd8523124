"""Stored full-text vectors on PostgreSQL: the column, and the trigger that keeps it.

A model declares `search_vector = SearchVectorField(null=True, editable=False)` on every
database, so the schema is the same everywhere; on PostgreSQL a migration calls
`install_vector()`, and a trigger fills the column from weighted, unaccented columns on every
insert and on every update of those columns (bulk_create and raw imports included). Reading
the stored vector instead of computing `to_tsvector()` per row is what keeps a search for a
word that nearly every report contains from re-parsing every report. Elsewhere the column
stays empty and search falls back to folded matching.
"""

from __future__ import annotations


def vector_sql(columns: dict[str, str], row: str = "") -> str:
    """`setweight(to_tsvector(...), 'A') || ...` over `columns` ({column: weight})."""
    prefix = f"{row}." if row else ""
    return " || ".join(
        "setweight(to_tsvector('simple'::regconfig,"
        f" COALESCE(eventsdb_unaccent({prefix}{column}::text), '')), '{weight}')"
        for column, weight in columns.items()
    )


def install_vector(schema_editor, table: str, columns: dict[str, str], index: str) -> None:
    """Trigger, backfill and GIN index of `table.search_vector`; nothing off PostgreSQL."""
    if schema_editor.connection.vendor != "postgresql":
        return
    function = f"{table}_search_vector"
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN NEW.search_vector := {vector_sql(columns, 'NEW')}; RETURN NEW; END $$"
    )
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {function} ON {table}")
    schema_editor.execute(
        f"CREATE TRIGGER {function} BEFORE INSERT OR UPDATE OF {', '.join(columns)}"
        f" ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()"
    )
    schema_editor.execute(f"UPDATE {table} SET search_vector = {vector_sql(columns)}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
    schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin (search_vector)")


def remove_vector(schema_editor, table: str, columns: dict[str, str], index: str) -> None:
    """Back to the expression index the search used before the column existed."""
    if schema_editor.connection.vendor != "postgresql":
        return
    function = f"{table}_search_vector"
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {function} ON {table}")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")
    schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
    schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin (({vector_sql(columns)}))")
