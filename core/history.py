"""History with values for bulk writers: one INSERT per model, not one per record.

Records saved one by one get their history row from django-simple-history's signal. A writer
that touches thousands of records (the import) saves them with `skip_history` set and hands
them here at the end, so the history rows go in with one INSERT per model (`history_rows`
makes them, for a writer that sends its INSERTs itself).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.manager import HistoryDescriptor

BATCH = 1000


def history_model(model: type[models.Model]) -> type[models.Model] | None:
    """The model of `model`'s history rows, None when it keeps none.

    Read off the descriptor: django-simple-history builds a manager class (inspecting every
    queryset method) on each `model.history`, a few milliseconds per imported report.
    """
    for klass in model.__mro__:
        descriptor = vars(klass).get("history")
        if isinstance(descriptor, HistoryDescriptor):
            return descriptor.model
    return None


def skip_history(obj: models.Model) -> models.Model:
    """Mark `obj` so that saving it writes no history row of its own."""
    obj.skip_history_when_saving = True
    return obj


def record_history(
    created: Iterable[models.Model] = (),
    changed: Iterable[models.Model] = (),
    *,
    user=None,
    reason: str = "",
) -> int:
    """Write the history rows of records created or changed in bulk; return how many."""
    rows = history_rows(created, changed, user=user, reason=reason)
    for model, objs in rows.items():
        model.objects.bulk_create(objs, batch_size=BATCH)
    return sum(len(objs) for objs in rows.values())


def history_rows(
    created: Iterable[models.Model] = (),
    changed: Iterable[models.Model] = (),
    *,
    user=None,
    reason: str = "",
) -> dict[type, list[models.Model]]:
    """The unsaved history rows of records created or changed, by history model, as
    django-simple-history's `bulk_history_create` makes them."""
    values = history_values(created, changed, user=user, reason=reason)
    return {history: [history(**row) for row in rows] for history, rows in values.items()}


def history_values(
    created: Iterable[models.Model] = (),
    changed: Iterable[models.Model] = (),
    *,
    user=None,
    reason: str = "",
) -> dict[type, list[dict]]:
    """`history_rows` as the values of each row by attname, for a writer that needs no
    instances (`WriteBatch.insert_rows`)."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return {}
    now = timezone.now()
    rows: dict[type, list[dict]] = defaultdict(list)
    for history_type, objs in (("+", created), ("~", changed)):
        by_model: dict[type, list[models.Model]] = defaultdict(list)
        for obj in objs:
            by_model[type(obj)].append(obj)
        for model, records in by_model.items():
            history = history_model(model)
            if history is None:
                continue
            tracked = [f.attname for f in history.tracked_fields]
            relation = hasattr(history, "history_relation")
            for record in records:
                by = getattr(record, "_history_user", user)
                row = {name: getattr(record, name) for name in tracked}
                row.update(
                    history_date=getattr(record, "_history_date", now),
                    history_change_reason=getattr(record, "_change_reason", None) or reason[:100],
                    history_type=history_type,
                )
                # The attname whether history_user is a foreign key or a plain id field.
                row["history_user_id"] = by.pk if by is not None else None
                if relation:
                    row["history_relation_id"] = record.pk
                rows[history].append(row)
    return dict(rows)
