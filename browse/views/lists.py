"""What every public list page shares: one page of rows, counted filter choices, and
whole-list downloads written row by row."""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterable, Iterator
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils.text import slugify

from core.addresses import around_slug
from core.data_version import counted_once_per_query
from core.models import find_redirect

DOWNLOAD_FORMATS = ("csv", "json")
PAGE_SIZE = 25
# Rows fetched per round trip when streaming a download (and per prefetch batch).
DOWNLOAD_CHUNK = 1000


class CountedOncePaginator(Paginator):
    """A Paginator whose row count is kept under the data version (`counted_once`).

    Counting a filter that selects a third of 100,000 events reads all of those rows on every
    request (100 ms for the busiest topic), for a number that changes only with the data; it
    is counted once per distinct query between two data changes, as the facet counts are.
    """

    @cached_property
    def count(self) -> int:
        if not hasattr(self.object_list, "query"):
            return Paginator.count.real_func(self)
        return counted_once_per_query(self.object_list, lambda: Paginator.count.real_func(self))


class ListPageMixin:
    """What every public list shares.

    The list is paged on its bare, filtered and ordered queryset; only the rows of the page
    then get what `page_rows()` adds (counts, latest affiliation, related records), so the
    database never counts for rows that OFFSET skips or that the page does not show.

    `?format=csv` or `?format=json` streams the whole filtered result (not one page) with
    the same filters applied, in constant memory; subclasses say what a row contains in
    `download_row()`.
    """

    paginate_by = PAGE_SIZE
    paginator_class = CountedOncePaginator
    download_name = "records"
    # The CSV header of an empty result, and the columns in that order.
    download_fields: tuple[str, ...] = ()

    # `queryset` with what each shown row needs beyond its own columns; None when the
    # paged rows are already complete.
    page_rows = None

    def download_row(self, obj) -> dict:
        raise NotImplementedError

    def download_queryset(self):
        if getattr(self, "filterset_class", None) is None:
            return self.get_queryset()
        filterset = self.get_filterset(self.get_filterset_class())
        return filterset.qs if filterset.is_valid() else filterset.queryset.none()

    def download_rows(self) -> Iterable[dict]:
        rows = self.download_queryset()
        if self.page_rows is not None:
            rows = self.page_rows(rows)
        return (self.download_row(obj) for obj in rows.iterator(chunk_size=DOWNLOAD_CHUNK))

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        if self.page_rows is not None:
            fill_page(page, self.page_rows)
        return paginator, page, page.object_list, is_paginated

    def get(self, request, *args, **kwargs):
        # A filter form sends every field, most of them empty; one redirect gives the list a
        # URL that names only the filters in use, to bookmark, share and cache.
        empty = [name for name, values in request.GET.lists() if not any(v.strip() for v in values)]
        if empty:
            query = request.GET.copy()
            for name in empty:
                del query[name]
            return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)
        fmt = request.GET.get("format")
        if fmt not in DOWNLOAD_FORMATS:
            return super().get(request, *args, **kwargs)
        rows = self.download_rows()
        if fmt == "json":
            response = StreamingHttpResponse(
                json_lines(rows), content_type="application/json; charset=utf-8"
            )
            name = download_file_name(self.download_name, request.GET)
            response["Content-Disposition"] = f'attachment; filename="{name}.json"'
            return response
        name = download_file_name(self.download_name, request.GET)
        return csv_response(rows, f"{name}.csv", self.download_fields)

    def get_context_data(self, **kwargs):
        filterset = getattr(self, "filterset", None)
        if filterset is not None and hasattr(filterset, "add_facet_counts"):
            filterset.add_facet_counts()
        context = super().get_context_data(**kwargs)
        context["filtered"] = bool(
            filterset is not None
            and any(
                self.request.GET.get(name)
                for name in filterset.filters
                if name not in {"sort", "page"}
            )
        )
        return context


def fill_page(page: Page, rows) -> Page:
    """Replace the page's bare rows by `rows(queryset of those rows)`, in the page's order."""
    ids = list(page.object_list.values_list("pk", flat=True))
    model = page.object_list.model
    by_id = {row.pk: row for row in rows(model._default_manager.filter(pk__in=ids).order_by())}
    page.object_list = [by_id[pk] for pk in ids]
    return page


def paginate(request, queryset, param: str, rows=None, per_page: int = PAGE_SIZE) -> Page:
    """One page of a related list on a record's page, chosen by `?<param>=`.

    A record's page holds several lists, each paged on its own; `rows`, when given, adds what
    the shown rows need, for those rows only. `page.param` tells the pagination links
    which parameter to set.
    """
    page = CountedOncePaginator(queryset, per_page).get_page(request.GET.get(param))
    if rows is not None:
        fill_page(page, rows)
    page.param = param
    return page


def json_lines(rows: Iterable[dict]) -> Iterator[str]:
    """A JSON array written one element at a time."""
    yield "["
    separator = "\n"
    for row in rows:
        yield separator + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


class _Line:
    """What csv.writer writes to: it hands back each line instead of storing it."""

    def write(self, line: str) -> str:
        return line


# A spreadsheet runs a cell that starts with one of these as a formula; a report can put
# "=HYPERLINK(…)" into a name, so such cells go out with a leading apostrophe (OWASP's advice).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, list | tuple):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(rows: Iterable[dict], fieldnames: Iterable[str] = ()) -> Iterator[str]:
    """CSV for spreadsheets: a byte-order mark so Excel reads UTF-8, a header row even when
    there are no rows, and no cell a spreadsheet would run as a formula."""
    rows = iter(rows)
    first = next(rows, None)
    names = list(first) if first is not None else list(fieldnames)
    writer = csv.DictWriter(_Line(), fieldnames=names)
    yield "\ufeff" + writer.writeheader()
    for row in itertools.chain([first] if first is not None else [], rows):
        yield writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})


def csv_response(
    rows: Iterable[dict], file_name: str, fieldnames: Iterable[str] = ()
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(rows, fieldnames), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


# Parameters that choose a format or a page, not which rows: not part of a file's name.
NOT_A_FILTER = {"format", "page", "sort"}


def url_by_slug(request, view_name: str):
    """slug -> absolute URL of `view_name` (core.addresses): a download of 100,000 rows
    would otherwise spend a third of its time resolving the same pattern again."""
    before, after = around_slug(view_name)
    before = request.build_absolute_uri(before)
    return lambda slug: f"{before}{slug}{after}"


def in_chunks(rows: Iterable, size: int = DOWNLOAD_CHUNK) -> Iterator[list]:
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def download_file_name(base: str, params) -> str:
    """ "events" with ?city=beijing&topic=coal -> "events-city-beijing-topic-coal"."""
    parts = [base]
    for name, value in sorted(params.items()):
        if name in NOT_A_FILTER or name.endswith(("_page", "_q")) or not value.strip():
            continue
        parts.append(slugify(f"{name} {value}"))
    return "-".join(part for part in parts if part)[:120].rstrip("-")


class SlugRedirectMixin:
    """A record merged into another keeps its old URL: it redirects (301) to the survivor."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # Only a slug that is not a record's costs the redirect lookup.
            moved_to = find_redirect(self.model, kwargs["slug"])
            if moved_to is None:
                raise
            return HttpResponsePermanentRedirect(moved_to)
