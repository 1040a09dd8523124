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

from functools import cache

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

    def insert_rows(
        self,
        model: type[Model],
        rows: list[dict],
        *,
        ignore_conflicts: bool = False,
        update_fields: list[str] | None = None,
        unique_fields: list[str] | None = None,
    ) -> None:
        """Queue `insert` of plain rows (field name -> value, the fields' defaults for the
        rest) without a model instance per row.

        For many small rows nobody reads back (history rows, admin log entries, a new report's
        relation rows): `insert` builds an instance per row and prepares each value through the
        compiler, a few hundred function calls a row. Each value still goes through its field's
        `get_db_prep_save`, as the compiler sends it; a related record gives its id, and must
        have one, as `bulk_create` asks.
        """
        if not rows:
            return
        fields = _plain_fields(model)
        if not self.batching or fields is None:
            self.insert(
                model,
                [model(**row) for row in rows],
                ignore_conflicts=ignore_conflicts,
                update_fields=update_fields,
                unique_fields=unique_fields,
            )
            return
        opts = model._meta
        connection = connections[self.using]
        unique = [opts.get_field(name) for name in unique_fields or ()] or None
        update = [opts.get_field(name) for name in update_fields or ()] or None
        on_conflict = (
            model._default_manager.db_manager(self.using)
            .all()
            ._check_bulk_create_options(ignore_conflicts, bool(update_fields), update, unique)
        )
        by_name = {**{f.name: f for f in fields}, **{f.attname: f for f in fields}}
        params = []
        for row in rows:
            values = {}
            for name, value in row.items():
                field = by_name.get(name)
                if field is None:
                    raise TypeError(f"{model.__name__} has no field {name!r} to write")
                if field.is_relation and isinstance(value, Model):
                    if value.pk is None:
                        raise ValueError(
                            f"{model.__name__}.{name}: the related {value!r} is not saved yet."
                        )
                    value = value.pk
                values[field.attname] = value
            for f in fields:
                value = values[f.attname] if f.attname in values else f.get_default()
                params.append(f.get_db_prep_save(value, connection))
        quote = connection.ops.quote_name
        sql = f"INSERT INTO {quote(opts.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        casts = _unnest_casts(model, connection)
        if len(rows) > 1 and casts is not None:
            # As the compiler writes it on PostgreSQL: one array per column, not a placeholder
            # per value for the driver to find and bind.
            width = len(fields)
            params = [params[i::width] for i in range(width)]
            sql += f"SELECT * FROM UNNEST({', '.join(casts)})"
        else:
            placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
            sql += f"VALUES {', '.join([placeholders] * len(rows))}"
        suffix = connection.ops.on_conflict_suffix_sql(
            fields,
            on_conflict,
            (f.column for f in update or ()),
            (f.column for f in unique or ()),
        )
        if suffix:
            sql += " " + suffix
        self.statements.append((sql, tuple(params)))

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


@cache
def _plain_fields(model: type[Model]):
    """The fields `insert_rows` writes, or None when one changes its value on save (auto_now)
    or needs a placeholder of its own: such rows go through `insert`."""
    opts = model._meta
    fields = [f for f in opts.concrete_fields if not f.generated and not isinstance(f, AutoField)]
    if any(
        getattr(f, "auto_now", False)
        or getattr(f, "auto_now_add", False)
        or hasattr(f, "get_placeholder")
        for f in fields
    ):
        return None
    return fields


_casts: dict[tuple[type[Model], str], tuple[str, ...] | None] = {}


def _unnest_casts(model: type[Model], connection):
    """`(%s)::type[]` of each field `insert_rows` writes, when each has a standard type."""
    key = (model, connection.vendor)
    if key not in _casts:
        fields = _plain_fields(model)
        standard = all(
            (f.target_field if f.is_relation else f).get_internal_type() in connection.data_types
            for f in fields
        )
        # Without the type's parameters: varchar[], not varchar(50)[], truncates nothing.
        _casts[key] = (
            tuple("(%s)::" + f.db_type(connection).split("(")[0] + "[]" for f in fields)
            if standard
            else None
        )
    return _casts[key]
