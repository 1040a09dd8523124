"""List filters that live in the URL, each choice labelled with how many results it gives."""

from __future__ import annotations

from typing import NamedTuple

import django_filters
from django import forms
from django.db.models import Count, Q

from people.models import Organization, OrganizationKind, Person
from people.naming import fold


class Facet(NamedTuple):
    """How to count one filter's choices: the lookup giving the URL value, and its label."""

    value: str
    label: str | None = None  # a lookup; when None the label comes from `choices`
    choices: dict | None = None
    newest_first: bool = False


def select(label: str):
    return forms.Select(attrs={"data-label": label})


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet whose select boxes read "Beijing (2)".

    Each count applies every other active filter but not the facet's own, so the numbers say
    what choosing that option would give. One query per facet whatever the data size.
    """

    facets: dict[str, Facet] = {}
    unfaceted_label = "Any"

    def queryset_without(self, skip: str):
        queryset = self.queryset
        if not self.is_bound or not self.is_valid():
            return queryset
        for name, value in self.form.cleaned_data.items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facet_counts(self, name: str) -> list[tuple[str, str, int]]:
        facet = self.facets[name]
        model = self.queryset.model
        subset = self.queryset_without(name).order_by().values("pk")
        fields = list(dict.fromkeys([facet.value, facet.label or facet.value]))
        # Blank values are skipped below rather than excluded in SQL: an exclude() across
        # a to-many relation would drop a person who has *any* event without a topic.
        rows = (
            model._default_manager.filter(pk__in=subset)
            .values(*fields)
            .annotate(n=Count("pk", distinct=True))
            .order_by(facet.label or facet.value)
        )
        counts = []
        for row in rows:
            value = row[facet.value]
            if value is None or value == "":
                continue
            label = row[facet.label] if facet.label else (facet.choices or {}).get(value, value)
            counts.append((str(value), str(label), row["n"]))
        if facet.newest_first:
            counts.reverse()
        elif facet.choices:
            order = list(facet.choices)
            counts.sort(key=lambda c: order.index(c[0]) if c[0] in order else len(order))
        return counts

    def add_facet_counts(self) -> None:
        """Put the counted choices into the form's select boxes (only for HTML pages)."""
        for name in self.facets:
            field = self.form.fields[name]
            counts = self.facet_counts(name)
            selected = str(self.data.get(name, "") or "")
            choices = [("", field.widget.attrs.get("data-label", self.unfaceted_label))]
            choices += [(value, f"{label} ({n})") for value, label, n in counts]
            if selected and selected not in {value for value, _, _ in counts}:
                choices.append((selected, f"{selected} (0)"))
            field.widget.choices = choices


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
    # itself ranks rather than filters, and lives in people.search.
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
