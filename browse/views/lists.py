"""What every public list page shares: counted filter choices and whole-list downloads."""

from __future__ import annotations

import csv

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse

DOWNLOAD_FORMATS = ("csv", "json")


class ListPageMixin:
    """What every public list shares.

    `?format=csv` or `?format=json` returns the whole filtered result (not one page) with
    the same filters applied; HTML pages get counted filter choices and the download links.
    Subclasses say what a row contains in `download_row()`.
    """

    paginate_by = 25
    download_name = "records"

    def download_row(self, obj) -> dict:
        raise NotImplementedError

    def download_queryset(self):
        if getattr(self, "filterset_class", None) is None:
            return self.get_queryset()
        filterset = self.get_filterset(self.get_filterset_class())
        return filterset.qs if filterset.is_valid() else filterset.queryset.none()

    def download_rows(self) -> list[dict]:
        return [self.download_row(obj) for obj in self.download_queryset()]

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if fmt not in DOWNLOAD_FORMATS:
            return super().get(request, *args, **kwargs)
        rows = self.download_rows()
        if fmt == "json":
            return JsonResponse(
                rows,
                safe=False,
                encoder=DjangoJSONEncoder,
                json_dumps_params={"ensure_ascii": False, "indent": 1},
            )
        return csv_response(rows, f"{self.download_name}.csv")

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


def csv_response(rows: list[dict], file_name: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    if not rows:
        return response
    writer = csv.DictWriter(response, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {k: "; ".join(v) if isinstance(v, list | tuple) else v for k, v in row.items()}
        )
    return response
