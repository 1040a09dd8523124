"""The data-quality page: what is missing or doubtful, counted, each count a link to the rows.

Every count is one query an index answers (a nullable column, a kind, a status and reason,
a missing related row); the page costs the same whatever the size of the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode

from curation.models import DuplicateCandidate, RecordKind
from events.models import Event, EventSource, Position, ReviewItem, ReviewReason
from people.models import Organization, OrganizationKind, Person


class MissingFilter(admin.SimpleListFilter):
    """Rows with or without something: `?<parameter>=no` lists those without."""

    missing: Q

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(self.missing_in(queryset))
        if self.value() == "yes":
            return queryset.exclude(self.missing_in(queryset))
        return queryset

    def missing_in(self, queryset) -> Q:
        return self.missing


class HasSourceFilter(MissingFilter):
    title = "has a source report"
    parameter_name = "has_source"

    def missing_in(self, queryset):
        return ~Exists(EventSource.objects.filter(event=OuterRef("pk")))


class HasAffiliationFilter(MissingFilter):
    title = "has an affiliation"
    parameter_name = "has_affiliation"

    def missing_in(self, queryset):
        return ~Exists(
            Position.objects.filter(
                participation__person=OuterRef("pk"), organization__isnull=False
            )
        )


class HasCountryFilter(MissingFilter):
    title = "country stated"
    parameter_name = "has_country"
    missing = Q(country="")


class LinkedOrganizationFilter(MissingFilter):
    title = "linked to an organisation"
    parameter_name = "linked"
    missing = Q(organization__isnull=True)


@dataclass(frozen=True)
class QualityCount:
    label: str
    count: int
    url: str


def changelist(model, **params) -> str:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def quality_counts() -> dict[str, list[QualityCount]]:
    """The page's sections, each a list of counts with the link that lists the rows."""
    without_source = ~Exists(EventSource.objects.filter(event=OuterRef("pk")))
    without_affiliation = ~Exists(
        Position.objects.filter(participation__person=OuterRef("pk"), organization__isnull=False)
    )
    kinds = dict(Organization.objects.values_list("kind").annotate(n=Count("pk")).order_by("kind"))
    open_reasons = dict(
        ReviewItem.objects.open().values_list("reason").annotate(n=Count("pk")).order_by("reason")
    )
    duplicates = dict(
        DuplicateCandidate.objects.values_list("kind").annotate(n=Count("pk")).order_by("kind")
    )
    return {
        "Events": [
            QualityCount(
                "without a year",
                Event.objects.filter(start_year__isnull=True).count(),
                changelist(Event, year="none"),
            ),
            QualityCount(
                "without a city (not held online)",
                Event.objects.filter(city__isnull=True, online=False).count(),
                changelist(Event, city__isnull="True", online__exact="0"),
            ),
            QualityCount(
                "without a source report",
                Event.objects.filter(without_source).count(),
                changelist(Event, has_source="no"),
            ),
        ],
        "People and organisations": [
            QualityCount(
                "people without an affiliation",
                Person.objects.filter(without_affiliation).count(),
                changelist(Person, has_affiliation="no"),
            ),
            QualityCount(
                "organisations of unknown kind",
                kinds.get(OrganizationKind.OTHER, 0),
                changelist(Organization, kind__exact=OrganizationKind.OTHER),
            ),
            QualityCount(
                "organisations without a country",
                Organization.objects.filter(country="").count(),
                changelist(Organization, has_country="no"),
            ),
            QualityCount(
                "affiliations not linked to an organisation",
                Position.objects.filter(organization__isnull=True).count(),
                changelist(Position, linked="no"),
            ),
        ],
        "Open review items": [
            QualityCount(
                label,
                open_reasons.get(code, 0),
                changelist(ReviewItem, status__exact="open", reason=code),
            )
            for code, label in ReviewReason.choices
            if open_reasons.get(code)
        ],
        "Duplicate candidates": [
            QualityCount(
                label, duplicates.get(kind, 0), changelist(DuplicateCandidate, kind__exact=kind)
            )
            for kind, label in RecordKind.choices
        ],
    }


def data_quality(request):
    if not request.user.has_perm("events.view_event"):
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),
        "title": "Data quality",
        "sections": quality_counts(),
    }
    return TemplateResponse(request, "admin/curation/data_quality.html", context)
