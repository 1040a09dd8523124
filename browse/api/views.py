"""The read-only JSON API: the same records and filters as the pages, cursor-paginated.

Every list is a cursor over the primary key (newest added first): a harvester can walk
100,000 records without the deep-OFFSET cost, and new records never shift its pages.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.middleware.http import ConditionalGetMiddleware
from django.utils.decorators import decorator_from_middleware, method_decorator
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.pagination import CursorPagination

from browse.api import serializers as s
from browse.filters.events import EventFilter
from browse.filters.participations import ParticipationFilter
from browse.filters.people import OrganizationFilter, PersonFilter
from events.models import (
    City,
    Event,
    EventOrganizer,
    Participation,
    Position,
    Report,
    Topic,
    with_evidence,
)
from people.models import Organization, Person

conditional_get = decorator_from_middleware(ConditionalGetMiddleware)


class NewestFirst(CursorPagination):
    ordering = "-pk"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


@method_decorator(conditional_get, name="dispatch")
class ReadOnlyRecords(viewsets.ReadOnlyModelViewSet):
    """A list with the page's filters and a detail by slug; ETags give 304s on repeats."""

    lookup_field = "slug"
    pagination_class = NewestFirst
    filter_backends = [filters.DjangoFilterBackend]
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class


def positions_with_evidence():
    return Prefetch(
        "positions",
        queryset=with_evidence(Position.objects.select_related("organization")),
    )


@extend_schema_view(
    list=extend_schema(summary="Events, filtered like the events page"),
    retrieve=extend_schema(summary="One event with organisers, participants and sources"),
)
class EventViewSet(ReadOnlyRecords):
    serializer_class = s.EventSerializer
    detail_serializer_class = s.EventDetailSerializer
    filterset_class = EventFilter

    def get_queryset(self):
        events = Event.objects.select_related("city").prefetch_related("topics")
        if self.action != "retrieve":
            return events
        return events.select_related("parent").prefetch_related(
            Prefetch(
                "organizer_roles",
                queryset=with_evidence(EventOrganizer.objects.select_related("organization")),
            ),
            Prefetch(
                "participations",
                queryset=with_evidence(
                    Participation.objects.select_related("person")
                ).prefetch_related(positions_with_evidence()),
            ),
            Prefetch("sources", queryset=Report.objects.defer("text", "raw_text")),
        )


@extend_schema_view(
    list=extend_schema(summary="Speakers, filtered like the speakers page"),
    retrieve=extend_schema(summary="One speaker and the other names they go by"),
)
class PersonViewSet(ReadOnlyRecords):
    serializer_class = s.PersonSerializer
    detail_serializer_class = s.PersonDetailSerializer
    filterset_class = PersonFilter

    def get_queryset(self):
        people = Person.objects.all()
        return people.prefetch_related("aliases") if self.action == "retrieve" else people


@extend_schema_view(
    list=extend_schema(summary="Organisations, filtered like the organisations page"),
    retrieve=extend_schema(summary="One organisation with its aliases and units"),
)
class OrganizationViewSet(ReadOnlyRecords):
    serializer_class = s.OrganizationSerializer
    detail_serializer_class = s.OrganizationDetailSerializer
    filterset_class = OrganizationFilter

    def get_queryset(self):
        organizations = Organization.objects.select_related("parent")
        if self.action == "retrieve":
            return organizations.prefetch_related("aliases", "units")
        return organizations


class CityViewSet(ReadOnlyRecords):
    serializer_class = s.CitySerializer
    queryset = City.objects.all()
    filterset_fields = ["country", "province"]


class TopicViewSet(ReadOnlyRecords):
    serializer_class = s.TopicSerializer
    queryset = Topic.objects.all()
    filterset_fields = []


class ReportViewSet(ReadOnlyRecords):
    serializer_class = s.ReportSerializer
    detail_serializer_class = s.ReportDetailSerializer
    filterset_fields = ["publisher"]

    def get_queryset(self):
        if self.action == "retrieve":
            return Report.objects.defer("raw_text").prefetch_related("events")
        return Report.objects.defer("text", "raw_text")


@extend_schema_view(
    list=extend_schema(
        summary="Who spoke where, as what: one row per person per event, with its evidence"
    ),
    retrieve=extend_schema(summary="One participation"),
)
class ParticipationViewSet(ReadOnlyRecords):
    serializer_class = s.AppearanceSerializer
    filterset_class = ParticipationFilter
    lookup_field = "pk"

    def get_queryset(self):
        return with_evidence(
            Participation.objects.select_related("person", "event", "event__city")
        ).prefetch_related(positions_with_evidence())
