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


# SQLite ------------------------------------------------------------------------------------

SQLITE_TOKENIZER = "unicode61 remove_diacritics 2"


def sqlite_index_name(table: str) -> str:
    return f"{table}_fts"


def ensure_sqlite_index(connection, table: str, columns: list[str]) -> bool:
    """Create the FTS5 table and its triggers where missing; True when anything was made.

    Idempotent: called by the migration and after every `migrate`. Nothing off SQLite, nor
    where SQLite was built without FTS5 (search then keeps its regular expressions).
    """
    if connection.vendor != "sqlite" or not sqlite_has_fts5(connection):
        return False
    fts = sqlite_index_name(table)
    listed = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    forget = f"INSERT INTO {fts}({fts}, rowid, {listed}) VALUES ('delete', old.id, {old});"
    learn = f"INSERT INTO {fts}(rowid, {listed}) VALUES (new.id, {new});"
    wanted = {
        fts: f"CREATE VIRTUAL TABLE {fts} USING fts5({listed}, content='{table}',"
        f" content_rowid='id', tokenize='{SQLITE_TOKENIZER}')",
        f"{fts}_insert": f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {learn} END",
        f"{fts}_delete": f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {forget} END",
        f"{fts}_update": f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {listed} ON {table}"
        f" BEGIN {forget} {learn} END",
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') AND name LIKE %s",
            [f"{fts}%"],
        )
        present = {name for (name,) in cursor.fetchall()}
        missing = [sql for name, sql in wanted.items() if name not in present]
        for sql in missing:
            cursor.execute(sql)
        if missing:
            # Rows written while a trigger was missing (a table rebuilt by a migration).
            cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    return bool(missing)


def remove_sqlite_index(connection, table: str) -> None:
    if connection.vendor != "sqlite":
        return
    fts = sqlite_index_name(table)
    with connection.cursor() as cursor:
        for kind in ("insert", "delete", "update"):
            cursor.execute(f"DROP TRIGGER IF EXISTS {fts}_{kind}")
        cursor.execute(f"DROP TABLE IF EXISTS {fts}")


def sqlite_has_fts5(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        (enabled,) = cursor.fetchone()
    return bool(enabled)


def sqlite_index_ready(connection, table: str) -> bool:
    """Whether search can use the FTS5 table of `table` (it exists, with its triggers)."""
    if connection.vendor != "sqlite":
        return False
    fts = sqlite_index_name(table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE name IN (%s, %s, %s, %s)",
            [fts, f"{fts}_insert", f"{fts}_delete", f"{fts}_update"],
        )
        (found,) = cursor.fetchone()
    return found == 4
