"""Filters for the events list: they combine, live in the URL and count their choices."""

from __future__ import annotations

import django_filters
from django import forms

from browse.filters.facets import (
    Facet,
    FacetedFilterSet,
    ReachesFilter,
    searchable_select,
    select,
)
from events.models import Event, EventOrganizer, EventTopic, Participation, ParticipationRole


class EventFilter(FacetedFilterSet):
    q = django_filters.CharFilter(
        label="Name",
        field_name="name",
        lookup_expr="icontains",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    year = django_filters.NumberFilter(
        label="Year", field_name="start_year", widget=select("Any year")
    )
    city = django_filters.CharFilter(
        label="City", field_name="city__slug", widget=searchable_select("Any city")
    )
    topic = ReachesFilter(
        label="Topic",
        field_name="topic__slug",
        through=EventTopic,
        to_list="event",
        widget=searchable_select("Any topic"),
    )
    organiser = ReachesFilter(
        label="Organiser",
        field_name="organization__slug",
        through=EventOrganizer,
        to_list="event",
        widget=searchable_select("Any organiser"),
    )
    role = ReachesFilter(
        label="Participants include",
        field_name="role",
        through=Participation,
        to_list="event",
        widget=select("Any role"),
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[("oldest", "Oldest first"), ("name", "Name, A–Z")],
        empty_label="Newest first",
        method="sort_events",
    )

    facets = {
        "year": Facet("start_year", newest_first=True),
        "city": Facet("city__slug", "city__name"),
        "topic": Facet("topic__slug", "topic__name", through=EventTopic, to_list="event"),
        "organiser": Facet(
            "organization__slug", "organization__name", through=EventOrganizer, to_list="event"
        ),
        "role": Facet(
            "role",
            choices=dict(ParticipationRole.choices),
            through=Participation,
            to_list="event",
            repeats=True,
        ),
    }

    class Meta:
        model = Event
        fields = []

    def sort_events(self, queryset, name, value):
        if value == "name":
            return queryset.order_by("key", "pk")
        if value == "oldest":
            return queryset.oldest_first()
        return queryset
