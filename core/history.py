"""History with values for bulk writers: one INSERT per model, not one per record.

Records saved one by one get their history row from django-simple-history's signal. A writer
that touches thousands of records (the import) saves them with `skip_history` set and hands
them here at the end, so the history rows go in with `bulk_history_create`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import models
from django.utils import timezone

BATCH = 1000


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
    now = timezone.now()
    written = 0
    for update, objs in ((False, created), (True, changed)):
        by_model: dict[type, list[models.Model]] = defaultdict(list)
        for obj in objs:
            by_model[type(obj)].append(obj)
        for model, rows in by_model.items():
            # Once per model: django-simple-history builds a manager class on every access.
            if not hasattr(model, "history"):
                continue
            model.history.bulk_history_create(
                rows,
                batch_size=BATCH,
                update=update,
                default_user=user,
                default_change_reason=reason[:100],
                default_date=now,
            )
            written += len(rows)
    return written
