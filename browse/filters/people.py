"""Filters of the speaker and organisation lists."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q

from browse.filters.facets import Facet, FacetedFilterSet, select
from core.folding import fold
from people.models import Organization, OrganizationKind, Person


class PersonFilter(FacetedFilterSet):
    q = django_filters.CharFilter(
        label="Name", method="filter_name", widget=forms.TextInput(attrs={"type": "search"})
    )
    organisation = django_filters.CharFilter(
        label="Organisation",
        field_name="participations__positions__organization__slug",
        distinct=True,
        widget=select("Any organisation"),
    )
    kind = django_filters.CharFilter(
        label="Kind of organisation",
        field_name="participations__positions__organization__kind",
        distinct=True,
        widget=select("Any kind"),
    )
    country = django_filters.CharFilter(
        label="Country",
        field_name="participations__positions__organization__country",
        distinct=True,
        widget=select("Any country"),
    )
    event = django_filters.CharFilter(
        label="Event",
        field_name="participations__event__slug",
        distinct=True,
        widget=select("Any event"),
    )
    topic = django_filters.CharFilter(
        label="Topic",
        field_name="participations__event__topics__slug",
        distinct=True,
        widget=select("Any topic"),
    )
    # Carried by the form so that applying a filter keeps an affiliation search; the search
    # itself ranks rather than filters, and lives in browse.search.affiliation.
    affiliation = django_filters.CharFilter(method="keep_for_search", widget=forms.HiddenInput)
    title = django_filters.CharFilter(method="keep_for_search", widget=forms.HiddenInput)

    facets = {
        "organisation": Facet(
            "participations__positions__organization__slug",
            "participations__positions__organization__name",
        ),
        "kind": Facet(
            "participations__positions__organization__kind",
            choices=dict(OrganizationKind.choices),
        ),
        "country": Facet(
            "participations__positions__organization__country",
            "participations__positions__organization__country",
        ),
        "event": Facet("participations__event__slug", "participations__event__name"),
        "topic": Facet(
            "participations__event__topics__slug", "participations__event__topics__name"
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
        return queryset.filter(Q(key__contains=key) | Q(aliases__key__contains=key)).distinct()

    def keep_for_search(self, queryset, name, value):
        return queryset

    def search_terms(self) -> dict[str, str]:
        """What to rank by affiliation: the affiliation, title and name words asked for."""
        data = self.form.cleaned_data if self.is_bound and self.is_valid() else {}
        return {name: (data.get(name) or "").strip() for name in ("affiliation", "title", "q")}

    def chosen_people(self):
        """The people the other filters select, for the affiliation search to choose among.

        A plain queryset (no counting or latest-affiliation annotations) so it can be a
        subquery; None when no other filter is set, so the search need not join it.
        """
        if not self.is_bound or not self.is_valid():
            return None
        active = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "") and name not in {"affiliation", "title", "q"}
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
        label="Country", field_name="country", widget=select("Any country")
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
        return queryset.filter(
            Q(key__contains=key) | Q(aliases__key__contains=key) | Q(acronym__iexact=value.strip())
        ).distinct()
