"""List filters that live in the URL, each choice labelled with how many results it gives."""

from __future__ import annotations

from typing import NamedTuple

import django_filters
from django import forms
from django.core.exceptions import EmptyResultSet
from django.db.models import Count, Model
from django.forms.utils import flatatt
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django_filters.constants import EMPTY_VALUES

from core.data_version import counted_once

# A select box offers the most frequent choices; a text box beside it finds any other.
FACET_LIMIT = 30


class Facet(NamedTuple):
    """How to count one filter's choices.

    `value` is the lookup giving the URL value and `label` the one giving its label (None:
    from `choices`), both on `through` when given, else on the list's model. Counting on the
    table that links the list to the values (`through`, whose `to_list` lookup reaches the
    list's rows) spares the join to the list when no other filter is set.
    """

    value: str
    label: str | None = None
    choices: dict | None = None
    newest_first: bool = False
    through: type[Model] | None = None
    to_list: str = "pk"
    # One row of the list can reach one value through several rows of `through`.
    repeats: bool = False

    @property
    def searchable(self) -> bool:
        return self.label is not None and self.choices is None


class FacetSelect(forms.Select):
    """The most frequent choices, and a text box that finds any other by its name.

    Plain HTML: type a few letters, press Apply, and the select lists the matching choices.
    """

    def __init__(self, label: str, *, searchable: bool = False):
        super().__init__(attrs={"data-label": label})
        self.searchable = searchable
        self.search_text = ""

    def render(self, name, value, attrs=None, renderer=None):
        html = self.render_select(name, value, attrs)
        if not self.searchable:
            return html
        box = forms.TextInput(
            attrs={
                "type": "search",
                "class": "facet-search",
                "placeholder": "Find another…",
                "aria-label": f"Find another choice for {self.attrs['data-label'].lower()}",
            }
        )
        return format_html(
            "{}{}", html, box.render(f"{name}_q", self.search_text, {"id": f"id_{name}_q"})
        )

    def render_select(self, name, value, attrs=None) -> str:
        """The HTML Django's select template gives, written here: a facet has a few dozen
        options, and a template per option made them a sixth of a search page's time."""
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _, group, _ in widget["optgroups"]
                for option in group
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options
        )


def select(label: str) -> FacetSelect:
    return FacetSelect(label)


def searchable_select(label: str) -> FacetSelect:
    return FacetSelect(label, searchable=True)


class ReachesFilter(django_filters.CharFilter):
    """Rows of the list that reach the value through a to-many relation.

    Written as `pk IN (subquery on the linking table)`: a join and DISTINCT over the whole
    list would lose its index order, so page 1 would sort every row first.
    """

    def __init__(self, *args, through: type[Model], to_list: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.through = through
        self.to_list = to_list

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        linked = self.through._default_manager.order_by().filter(
            **{f"{self.field_name}__{self.lookup_expr}": value}
        )
        return qs.filter(pk__in=linked.values(self.to_list))


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet whose select boxes read "Beijing (2)".

    Each count applies every other active filter but not the facet's own, so the numbers say
    what choosing that option would give. One grouped query per facet, limited to the
    `FACET_LIMIT` most frequent choices (or those whose label contains `?<facet>_q=`).
    """

    facets: dict[str, Facet] = {}
    unfaceted_label = "Any"
    # Filters that order the list rather than narrow it.
    ordering_filters = frozenset({"sort"})

    def _active(self, skip: str) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if name != skip and name not in self.ordering_filters and value not in EMPTY_VALUES
        }

    def queryset_without(self, skip: str):
        queryset = self.queryset
        for name, value in self._active(skip).items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facet_search(self, name: str) -> str:
        return str(self.data.get(f"{name}_q", "") or "").strip()[:100]

    def _counted(self, name: str):
        facet = self.facets[name]
        rows = (facet.through or self.queryset.model)._default_manager.order_by()
        # The list may be narrower than its table (a search's matches) even with no filter.
        if self._active(name) or self.queryset.query.has_filters():
            subset = self.queryset_without(name).order_by().values("pk")
            rows = rows.filter(**{f"{facet.to_list}__in": subset})
        fields = list(dict.fromkeys([facet.value, facet.label or facet.value]))
        return (
            rows.filter(**{f"{facet.value}__isnull": False})
            .values(*fields)
            .annotate(n=Count(facet.to_list, distinct=facet.repeats))
        )

    def facet_counts(self, name: str) -> list[tuple[str, str, int]]:
        """(value, label, count) of the most frequent choices, in the order to show them.

        Counting a facet of the whole list groups every row of a to-many table; between two
        data changes every visitor asks for the same counts, so they are kept in the cache
        under the data version (a change makes the old entries unreachable).
        """
        return counted_once(repr(self._asked(name)), lambda: self._count_choices(name))

    def _asked(self, name: str) -> tuple:
        """Everything the counts of facet `name` depend on, but the data."""
        return (
            "facets",
            type(self).__qualname__,
            name,
            sorted((k, str(v)) for k, v in self._active(name).items()),
            self.facet_search(name),
            str(self.data.get(name, "") or ""),
            self._narrowed_to,
        )

    @cached_property
    def _narrowed_to(self) -> str:
        """What narrows the list beyond its filters (a search's matches), as SQL; compiled
        once for all the facets (a search's SQL is long)."""
        if not self.queryset.query.has_filters():
            return ""
        try:
            return str(self.queryset.query)
        except EmptyResultSet:  # a search that matched nothing
            return "nothing"

    def _count_choices(self, name: str) -> list[tuple[str, str, int]]:
        facet = self.facets[name]
        rows = self._counted(name)
        text = self.facet_search(name)
        if text and facet.searchable:
            rows = rows.filter(**{f"{facet.label}__icontains": text})
        # One more than shown: a blank value, skipped below, must not shorten the list.
        rows = rows.order_by("-n", facet.label or facet.value)[: FACET_LIMIT + 1]
        counts = self._as_choices(facet, rows)[:FACET_LIMIT]
        selected = str(self.data.get(name, "") or "")
        if selected and selected not in {value for value, _, _ in counts}:
            chosen = self._as_choices(facet, self._counted(name).filter(**{facet.value: selected}))
            counts += chosen or [(selected, selected, 0)]
        if facet.newest_first:
            counts.sort(key=lambda c: c[0], reverse=True)
        elif facet.choices:
            order = list(facet.choices)
            counts.sort(key=lambda c: order.index(c[0]) if c[0] in order else len(order))
        return counts

    @staticmethod
    def _as_choices(facet: Facet, rows) -> list[tuple[str, str, int]]:
        counts = []
        for row in rows:
            value = row[facet.value]
            if value is None or value == "":
                continue
            label = row[facet.label] if facet.label else (facet.choices or {}).get(value, value)
            counts.append((str(value), str(label), row["n"]))
        return counts

    def add_facet_counts(self) -> None:
        """Put the counted choices into the form's select boxes (only for HTML pages).

        The counts stay in `counted`, for charts of the same list.
        """
        self.counted = {}
        for name in self.facets:
            field = self.form.fields[name]
            counts = self.counted[name] = self.facet_counts(name)
            choices = [("", field.widget.attrs.get("data-label", self.unfaceted_label))]
            choices += [(value, f"{label} ({n})") for value, label, n in counts]
            field.widget.choices = choices
            field.widget.search_text = self.facet_search(name)
