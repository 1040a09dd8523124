"""List filters that live in the URL, each choice labelled with how many results it gives."""

from __future__ import annotations

from typing import NamedTuple

import django_filters
from django import forms
from django.db.models import Count


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
