"""Filters for the events list: they combine, live in the URL and count their choices."""

from __future__ import annotations

import django_filters
from django import forms

from browse.filters.facets import Facet, FacetedFilterSet, select
from events.models import Event, ParticipationRole, chronological


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
        label="City", field_name="city__slug", widget=select("Any city")
    )
    topic = django_filters.CharFilter(
        label="Topic", field_name="topics__slug", distinct=True, widget=select("Any topic")
    )
    organiser = django_filters.CharFilter(
        label="Organiser",
        field_name="organizers__slug",
        distinct=True,
        widget=select("Any organiser"),
    )
    role = django_filters.CharFilter(
        label="Participants include",
        field_name="participations__role",
        distinct=True,
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
        "topic": Facet("topics__slug", "topics__name"),
        "organiser": Facet("organizers__slug", "organizers__name"),
        "role": Facet("participations__role", choices=dict(ParticipationRole.choices)),
    }

    class Meta:
        model = Event
        fields = []

    def sort_events(self, queryset, name, value):
        if value == "name":
            return queryset.order_by("key", "pk")
        if value == "oldest":
            return queryset.order_by(*chronological(newest_first=False), "name")
        return queryset
