"""One number that changes whenever the public data does; the page cache keys on it.

Single saves and deletes of the tracked apps' models bump it through signals, in the same
transaction as the change, so a page rendered after the commit can never be stored under the
old number. Code that writes many rows at once (an import, a merge) or writes with `update()`,
which sends no signal, runs inside `one_data_change()`: one bump at the end instead of one per
row.
"""

from __future__ import annotations

import hashlib
import threading
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from django.core.exceptions import EmptyResultSet
from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from core.models import DataVersion
from core.write_batch import WriteBatch

_state = threading.local()
# Inside `one_version_per_request`: the version this request read first, once read.
_request_version: ContextVar[list | None] = ContextVar("request_data_version", default=None)


def current_data_version() -> tuple[int, datetime]:
    """(version, changed_at). One query, or none when this request has read it already."""
    memo = _request_version.get()
    if memo:
        return memo[0]
    row = DataVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    # Only a database emptied by hand (flush) lacks the row; the first change creates it.
    version = row or (0, datetime.fromtimestamp(0, tz=UTC))
    if memo is not None:
        memo.append(version)
    return version


@contextmanager
def one_version_per_request():
    """Every cache key of one request under the version it read first.

    Reading it once is not only cheaper: a key read after the data was counted could store
    a count made before a change under the version after it. A change made by the request
    itself (an editor's save) forgets the version read, so what follows reads the new one.
    """
    token = _request_version.set([])
    try:
        yield
    finally:
        _request_version.reset(token)


def bump_data_version(batch: WriteBatch | None = None) -> None:
    """One more change; with a `batch`, in its round trip (on PostgreSQL) rather than its own."""
    # changed_at comes from Python, not the database: PostgreSQL's now() is the transaction's
    # start, and the page cache tells versions apart by both fields.
    memo = _request_version.get()
    if memo:
        memo.clear()
    now = timezone.now()
    if batch is not None and batch.batching:
        # The UPDATE below, or the row's first INSERT, as one statement: nothing reads back
        # how many rows an UPDATE in a batch changed.
        table = DataVersion._meta.db_table
        batch.add(
            f'INSERT INTO "{table}" ("id", "version", "changed_at") VALUES (1, 1, %s) '
            f'ON CONFLICT ("id") DO UPDATE SET "version" = "{table}"."version" + 1, '
            '"changed_at" = EXCLUDED."changed_at"',
            [now],
        )
        return
    if not DataVersion.objects.filter(pk=1).update(version=models.F("version") + 1, changed_at=now):
        DataVersion.objects.update_or_create(pk=1, defaults={"version": 1, "changed_at": now})


@contextmanager
def one_data_change(batch: WriteBatch | None = None):
    """Writes inside count as one change: the signals stay quiet, one bump at the end (queued
    in `batch`, which the caller sends after, when it has one)."""
    depth = getattr(_state, "depth", 0)
    _state.depth = depth + 1
    try:
        yield
    finally:
        _state.depth = depth
    if depth == 0:
        bump_data_version(batch)


def _record_changed(sender, **kwargs) -> None:
    if getattr(_state, "depth", 0) == 0:
        bump_data_version()


def _relation_changed(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        _record_changed(sender)


def track_changes(app_config) -> None:
    """Every save and delete of this app's models, and their many-to-many changes, bump."""
    for model in app_config.get_models():
        if getattr(model, "history_id", None) is not None:
            # A history row records a change already counted; it is no change of its own.
            continue
        uid = f"data-version:{model._meta.label}"
        post_save.connect(_record_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_record_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                _relation_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}:{field.name}",
            )


def counted_once(name: str, compute):
    """`compute()` once between two data changes: counts that group a whole table.

    Kept in the page cache's store under the data version, so a change makes the old value
    unreachable and the next request counts again; FACET_COUNT_CACHE=0 counts every time.
    `name` may be any text (a query's SQL, what a visitor typed): it is hashed into the key.
    """
    from django.conf import settings
    from django.core.cache import caches

    if not settings.FACET_COUNT_CACHE:
        return compute()
    version, changed_at = current_data_version()
    digest = hashlib.sha256(name.encode()).hexdigest()
    key = f"counted:{version}:{changed_at.timestamp()}:{digest}"
    store = caches[settings.PAGE_CACHE_ALIAS]
    value = store.get(key)
    if value is None:
        value = compute()
        store.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def counted_once_per_query(queryset, compute):
    """`counted_once` keyed on a queryset's SQL: `compute()` once per distinct query (a
    filter, a search) between two data changes."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return compute()  # nothing can match: Django answers without a query
    return counted_once(f"query:{sql}|{params!r}", compute)
