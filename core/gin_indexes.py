"""GIN indexes that a lookup reads without a long pending list (PostgreSQL only).

With GIN's default fast update, entries inserted since the last VACUUM wait in an unsorted
pending list that every lookup reads in full. An import inserts names all day and looks them
up again for every report: on a young database the planner served `key IN (...)` from a
trigram index and read 970 pending keys each time (15 ms a report, a third of its ingest).
Short entries (keys, titles) go straight into their index; long texts keep a pending list,
but one flushed every 128 kB instead of every 4 MB. Migrations call these.
"""

from __future__ import annotations

PENDING_LIST_KB = 128


def tune(schema_editor, *, trigram: tuple[str, ...] = (), fulltext: tuple[str, ...] = ()):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in trigram:
        schema_editor.execute(f"ALTER INDEX IF EXISTS {name} SET (fastupdate = off)")
        schema_editor.execute(f"SELECT gin_clean_pending_list('{name}'::regclass)")
    for name in fulltext:
        schema_editor.execute(
            f"ALTER INDEX IF EXISTS {name} SET (gin_pending_list_limit = {PENDING_LIST_KB})"
        )


def untune(schema_editor, *, trigram: tuple[str, ...] = (), fulltext: tuple[str, ...] = ()):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in trigram:
        schema_editor.execute(f"ALTER INDEX IF EXISTS {name} RESET (fastupdate)")
    for name in fulltext:
        schema_editor.execute(f"ALTER INDEX IF EXISTS {name} RESET (gin_pending_list_limit)")
