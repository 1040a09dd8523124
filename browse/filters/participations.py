"""Filters on participations, the flat "who spoke where, as what" rows of the API and the
provenance download; the same parameters as the speakers and events pages."""

from __future__ import annotations

import django_filters

from events.models import Participation, Position


class ParticipationFilter(django_filters.FilterSet):
    """The filters of the speakers and events pages, on the flat participation rows."""

    person = django_filters.CharFilter(field_name="person__slug")
    event = django_filters.CharFilter(field_name="event__slug")
    role = django_filters.CharFilter(field_name="role")
    year = django_filters.NumberFilter(field_name="event__start_year")
    city = django_filters.CharFilter(field_name="event__city__slug")
    topic = django_filters.CharFilter(field_name="event__topics__slug", distinct=True)
    organisation = django_filters.CharFilter(
        field_name="positions__organization__slug", distinct=True
    )
    kind = django_filters.CharFilter(field_name="positions__organization__kind", distinct=True)
    country = django_filters.CharFilter(
        field_name="positions__organization__country", distinct=True
    )
    organiser = django_filters.CharFilter(field_name="event__organizers__slug", distinct=True)
    # The speakers page's search by affiliation: "Tsinghua", "WB", a parent and its units.
    affiliation = django_filters.CharFilter(method="filter_affiliation")

    class Meta:
        model = Participation
        fields = []

    def filter_affiliation(self, queryset, name, value):
        held = Position.objects.matching_affiliation(value[:200]).values("participation_id")
        return queryset.filter(pk__in=held)
