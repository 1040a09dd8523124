"""Counts of related rows for the rows a page shows, not for the whole table."""

from __future__ import annotations

from django.db import models


class SubqueryCount(models.Subquery):
    """COUNT(*) of a correlated subquery (`OuterRef("pk")` inside).

    Unlike `Count()` over a join it needs no GROUP BY of the outer query, so a list keeps its
    index order and LIMIT, and the database counts only for the rows it returns; pass
    `queryset.values(...).distinct()` to count distinct values.
    """

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = models.IntegerField()

    def __init__(self, queryset, **extra):
        super().__init__(queryset.order_by(), **extra)
