"""INSERTs whose results nobody reads, sent to PostgreSQL in one round trip.

A bulk writer such as the import ends with a dozen multi-row INSERTs into as many tables
(relation rows, history rows, admin log entries), none of which it reads back. Each is a round
trip, and on a busy machine a round trip costs milliseconds of waiting for the database process
to be scheduled: the statements themselves are cheap. `WriteBatch` compiles each INSERT as
`bulk_create` would and sends them all as one multi-statement query (Django's psycopg cursor
binds parameters on the client, so one query may hold several statements). Elsewhere (SQLite
runs in-process, a round trip costs nothing) each is a plain `bulk_create`.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import AutoField, Model
from django.db.models.sql import InsertQuery


class WriteBatch:
    def __init__(self, using: str = "default"):
        self.using = using
        self.statements: list[tuple[str, tuple]] = []

    @property
    def batching(self) -> bool:
        return connections[self.using].vendor == "postgresql"

    def insert(
        self,
        model: type[Model],
        objs,
        *,
        ignore_conflicts: bool = False,
        update_fields: list[str] | None = None,
        unique_fields: list[str] | None = None,
    ) -> None:
        """Queue `model.objects.bulk_create(objs, ...)`; the objects get no ids back."""
        objs = list(objs)
        if not objs:
            return
        manager = model._default_manager.db_manager(self.using)
        if not self.batching:
            manager.bulk_create(
                objs,
                ignore_conflicts=ignore_conflicts,
                update_conflicts=bool(update_fields),
                update_fields=update_fields,
                unique_fields=unique_fields,
            )
            return
        opts = model._meta
        unique = [opts.get_field(name) for name in unique_fields or ()] or None
        update = [opts.get_field(name) for name in update_fields or ()] or None
        queryset = manager.all()
        # The checks and preparation bulk_create makes: conflict options, foreign key ids
        # taken from related objects saved since they were assigned.
        on_conflict = queryset._check_bulk_create_options(
            ignore_conflicts, bool(update_fields), update, unique
        )
        queryset._prepare_for_bulk_create(objs)
        fields = [f for f in opts.concrete_fields if not f.generated]
        for with_pk in (False, True):
            rows = [obj for obj in objs if obj._is_pk_set() == with_pk]
            if not rows:
                continue
            columns = fields if with_pk else [f for f in fields if not isinstance(f, AutoField)]
            query = InsertQuery(
                model, on_conflict=on_conflict, update_fields=update, unique_fields=unique
            )
            query.insert_values(columns, rows)
            self.statements += query.get_compiler(using=self.using).as_sql()

    def add(self, sql: str, params: list) -> None:
        """Queue a statement of the caller's own, in this database's SQL; run now elsewhere."""
        if self.batching:
            self.statements.append((sql, tuple(params)))
            return
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)

    def send(self) -> None:
        if not self.statements:
            return
        sql = ";\n".join(statement for statement, _ in self.statements)
        params = [param for _, statement_params in self.statements for param in statement_params]
        self.statements = []
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)
