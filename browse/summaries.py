"""The counts behind the charts and the map: one grouped query each, bounded, on indexes,
counted once between two data changes (`counted_once`).

Charts on a filtered list reuse the counts its filter choices already computed (see
`FacetedFilterSet.counted`), so a chart there costs no query of its own.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Case, Count, IntegerField, Value, When
from django.urls import reverse

from browse.charts import column_chart, row_chart
from browse.maps import VIEWS, place_cities
from core.data_version import counted_once
from events.models import City, Event, EventTopic, Report, Topic
from people.models import Organization, Person

MAP_CITIES = 400  # the busiest cities get a dot; the rest are in the list below the map
CHART_ROWS = 10


def _list_url(**params) -> str:
    return f"{reverse('events:list')}?{urlencode(params)}"


def events_per_year():
    return counted_once("events-per-year", _events_per_year)


def events_per_topic():
    return counted_once("events-per-topic", _events_per_topic)


def events_per_city():
    return counted_once("events-per-city", _events_per_city)


def record_counts() -> dict[str, int]:
    """How many of each kind of record there are (the home page's figures)."""
    return counted_once(
        "record-counts",
        lambda: {
            "events": Event.objects.count(),
            "speakers": Person.objects.count(),
            "organisations": Organization.objects.count(),
            "cities": City.objects.count(),
            "topics": Topic.objects.count(),
            "reports": Report.objects.count(),
        },
    )


def with_topic_event_counts(topics):
    """`topics` annotated with `event_count` from one grouped count of every topic's events.

    Counted once between two data changes: a correlated count per topic reads all of its
    events on every request (a third of them for the busiest topic). The counts come back
    as one CASE over the topics, a few dozen of them.
    """
    counts = counted_once(
        "topic-event-counts",
        lambda: dict(
            EventTopic.objects.order_by()
            .values("topic_id")
            .annotate(n=Count("event_id"))
            .values_list("topic_id", "n")
        ),
    )
    return topics.annotate(
        event_count=Case(
            *(When(pk=pk, then=Value(n)) for pk, n in counts.items()),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def city_map(view_name: str = "east-asia"):
    """(view, dots) for the map: cities with coordinates and events, busiest first."""
    return counted_once(f"city-map:{view_name}", lambda: _city_map(view_name))


def _events_per_year():
    rows = (
        Event.objects.filter(start_year__isnull=False)
        .order_by()
        .values("start_year")
        .annotate(n=Count("pk"))
        .order_by("start_year")
    )
    return column_chart(
        "Events per year",
        [(row["start_year"], row["n"], _list_url(year=row["start_year"])) for row in rows],
    )


def _events_per_topic():
    rows = (
        EventTopic.objects.order_by()
        .values("topic__slug", "topic__name")
        .annotate(n=Count("event_id"))
        .order_by("-n", "topic__name")[:CHART_ROWS]
    )
    return row_chart(
        "Events per topic",
        [(r["topic__name"], r["n"], _list_url(topic=r["topic__slug"])) for r in rows],
        category="Topic",
    )


def _events_per_city():
    rows = (
        Event.objects.filter(city__isnull=False)
        .order_by()
        .values("city__slug", "city__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "city__name")[:CHART_ROWS]
    )
    return row_chart(
        "Events per city",
        [(r["city__name"], r["n"], _list_url(city=r["city__slug"])) for r in rows],
        category="City",
    )


def charts_from_facets(filterset, link) -> list:
    """Charts of the list as filtered, from the counts its filter choices hold.

    `link(name, value)` is the URL of the list with that choice added to the current filters.
    """
    counted = getattr(filterset, "counted", {})
    charts = []
    if counted.get("year"):
        years = sorted(counted["year"], key=lambda c: int(c[0]))
        charts.append(
            column_chart("Events per year", [(label, n, link("year", v)) for v, label, n in years])
        )
    for name, title, category in (
        ("topic", "Events per topic", "Topic"),
        ("city", "Events per city", "City"),
    ):
        if counted.get(name):
            top = sorted(counted[name], key=lambda c: -c[2])[:CHART_ROWS]
            charts.append(
                row_chart(
                    title, [(label, n, link(name, v)) for v, label, n in top], category=category
                )
            )
    return charts


def _city_map(view_name: str):
    view = VIEWS[view_name]
    held = (
        Event.objects.filter(city__isnull=False)
        .order_by()
        .values("city_id")
        .annotate(n=Count("pk"))
        .order_by("-n")[:MAP_CITIES]
    )
    counts = {row["city_id"]: row["n"] for row in held}
    cities = City.objects.filter(pk__in=counts, latitude__isnull=False, longitude__isnull=False)
    for city in cities:
        city.event_count = counts[city.pk]
    return view, place_cities(view, cities)
