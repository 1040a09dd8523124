"""Which columns full-text search indexes on SQLite, and keeping those indexes after `migrate`.

The same columns as the PostgreSQL vectors of migration 0008 (name and venue, title and
text), so both databases find the same rows. core.fulltext holds the mechanism.
"""

from __future__ import annotations

from django.db import connections

from core.fulltext import ensure_sqlite_index

SQLITE_INDEXED = {
    "events_event": ["name", "venue"],
    "events_report": ["title", "text"],
}


def ensure_indexes(connection) -> None:
    for table, columns in SQLITE_INDEXED.items():
        ensure_sqlite_index(connection, table, columns)


def after_migrate(sender, using, plan=None, **kwargs) -> None:
    """A migration that rebuilds a table on SQLite drops its triggers: put them back."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    tables = set(connection.introspection.table_names())
    if set(SQLITE_INDEXED) <= tables:
        ensure_indexes(connection)
