"""Filters of the speaker and organisation lists."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q

from browse.filters.facets import (
    Facet,
    FacetedFilterSet,
    ReachesFilter,
    searchable_select,
    select,
)
from core.folding import fold
from events.models import Participation, Position
from people.models import (
    Organization,
    OrganizationAlias,
    OrganizationKind,
    Person,
    PersonAlias,
)


class PersonFilter(FacetedFilterSet):
    q = django_filters.CharFilter(
        label="Name", method="filter_name", widget=forms.TextInput(attrs={"type": "search"})
    )
    organisation = ReachesFilter(
        label="Organisation",
        field_name="organization__slug",
        through=Position,
        to_list="participation__person",
        widget=searchable_select("Any organisation"),
    )
    kind = ReachesFilter(
        label="Kind of organisation",
        field_name="organization__kind",
        through=Position,
        to_list="participation__person",
        widget=select("Any kind"),
    )
    country = ReachesFilter(
        label="Country",
        field_name="organization__country",
        through=Position,
        to_list="participation__person",
        widget=searchable_select("Any country"),
    )
    event = ReachesFilter(
        label="Event",
        field_name="event__slug",
        through=Participation,
        to_list="person",
        widget=searchable_select("Any event"),
    )
    topic = ReachesFilter(
        label="Topic",
        field_name="event__topics__slug",
        through=Participation,
        to_list="person",
        widget=searchable_select("Any topic"),
    )
    facets = {
        "organisation": Facet(
            "organization__slug",
            "organization__name",
            through=Position,
            to_list="participation__person",
            repeats=True,
        ),
        "kind": Facet(
            "organization__kind",
            choices=dict(OrganizationKind.choices),
            through=Position,
            to_list="participation__person",
            repeats=True,
        ),
        "country": Facet(
            "organization__country",
            "organization__country",
            through=Position,
            to_list="participation__person",
            repeats=True,
        ),
        "event": Facet("event__slug", "event__name", through=Participation, to_list="person"),
        "topic": Facet(
            "event__topics__slug",
            "event__topics__name",
            through=Participation,
            to_list="person",
            repeats=True,
        ),
    }

    class Meta:
        model = Person
        fields = []

    def filter_name(self, queryset, name, value):
        # Keys are folded, so "LIU yanhua" and "Lalic" find "Liu Yanhua" and "Lalić".
        key = fold(value)
        if not key:
            return queryset
        aliases = PersonAlias.objects.filter(key__contains=key).values("person_id")
        return queryset.filter(Q(key__contains=key) | Q(pk__in=aliases))

    def chosen_people(self):
        """The people the filters other than the name select, for the affiliation search to
        choose among (it matches the name itself); None when none is set.

        A plain queryset (no counting or latest-affiliation annotations) so it can be a
        subquery.
        """
        if not self.is_bound or not self.is_valid():
            return None
        active = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "") and name != "q"
        }
        if not active:
            return None
        people = Person.objects.all()
        for name, value in active.items():
            people = self.filters[name].filter(people, value)
        return people


class OrganizationFilter(FacetedFilterSet):
    q = django_filters.CharFilter(
        label="Name", method="filter_name", widget=forms.TextInput(attrs={"type": "search"})
    )
    kind = django_filters.CharFilter(label="Kind", field_name="kind", widget=select("Any kind"))
    country = django_filters.CharFilter(
        label="Country", field_name="country", widget=searchable_select("Any country")
    )

    facets = {
        "kind": Facet("kind", choices=dict(OrganizationKind.choices)),
        "country": Facet("country", "country"),
    }

    class Meta:
        model = Organization
        fields = []

    def filter_name(self, queryset, name, value):
        key = fold(value)
        if not key:
            return queryset
        aliases = OrganizationAlias.objects.filter(key__contains=key).values("organization_id")
        return queryset.filter(
            Q(key__contains=key) | Q(pk__in=aliases) | Q(acronym__iexact=value.strip())
        )
