"""SELECTs that do not depend on each other, sent to PostgreSQL in one round trip.

The import starts each report with a dozen small reads (tombstones, the report, the people,
organisations, cities and topics its names may match...), none of which needs another's
answer. On a busy machine each round trip costs milliseconds of waiting for the database
process; the reads themselves are index lookups. `ReadBatch` compiles each queryset as Django
would, sends the waiting ones as one multi-statement query (Django's psycopg cursor binds
parameters on the client, as for `core.write_batch`) and reads each result with `nextset()`.
Elsewhere (SQLite runs in-process, a round trip costs nothing) each read is its own query, and
only when its result is asked for: a read that turns out not to be needed costs nothing.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet


class ReadBatch:
    def __init__(self, using: str = "default", *, lead: tuple[str, list] | None = None):
        """`lead` is a statement sent ahead of the first reads, in their round trip, whose
        result is not read: a lock they must be read under (PostgreSQL only)."""
        self.using = using
        self.waiting: list[Read] = []
        self.lead = lead if self.batching else None

    @property
    def batching(self) -> bool:
        return connections[self.using].vendor == "postgresql"

    def add(self, queryset: QuerySet) -> Read:
        """Queue `list(queryset)`; the first `result()` asked of any read sends every one."""
        read = Read(self, queryset if queryset.db == self.using else queryset.using(self.using))
        if self.batching:
            self.waiting.append(read)
        return read

    def first(self, queryset: QuerySet) -> Read:
        """Queue `queryset.first()`: `result()` is one object or None."""
        ordered = queryset if queryset.ordered else queryset.order_by("pk")
        read = self.add(ordered[:1])
        read.single = True
        return read

    def send(self) -> None:
        reads, self.waiting = self.waiting, []
        sent, statements, params = [], [], []
        for read in reads:
            compiler = read.queryset.query.get_compiler(using=self.using)
            try:
                sql, read_params = compiler.as_sql()
            except EmptyResultSet:
                read.rows = []  # Django asks nothing when nothing can match
                continue
            sent.append((read, compiler))
            statements.append(sql)
            params += read_params
        lead, self.lead = self.lead, None
        if lead is not None:
            statements.insert(0, lead[0])
            params[:0] = lead[1]
        if not statements:
            return
        with connections[self.using].cursor() as cursor:
            cursor.execute(";\n".join(statements), params)
            for i, (read, compiler) in enumerate(sent):
                if i or lead is not None:
                    cursor.nextset()
                read.load(compiler, cursor.fetchall())


class Read:
    def __init__(self, batch: ReadBatch, queryset: QuerySet):
        self.batch = batch
        self.queryset = queryset
        self.single = False
        self.rows: list | None = None

    def load(self, compiler, rows: list) -> None:
        # The queryset turns the rows into what it would have returned (model instances with
        # their related objects, tuples, converted values) from the compiler that wrote the
        # SQL, which knows the columns; only the execution is replaced.
        compiler.execute_sql = lambda *args, **kwargs: [rows]
        query = self.queryset.query
        query.get_compiler = lambda *args, **kwargs: compiler
        try:
            self.rows = list(self.queryset)
        finally:
            del query.get_compiler

    def result(self):
        if self.rows is None:
            if self in self.batch.waiting:
                self.batch.send()
            else:
                self.rows = list(self.queryset)
        if self.single:
            return self.rows[0] if self.rows else None
        return self.rows
