"""Filter-choice counts are cached under the data version: counted once per filter state,
counted again after any change to the data."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from people.matching import match_organizations
from tests.factories import (
    make_city,
    make_event,
    make_organization,
    make_participation,
    make_person,
    make_topic,
)


@pytest.fixture
def facet_cache(settings):
    settings.FACET_COUNT_CACHE = True
    caches[settings.PAGE_CACHE_ALIAS].clear()


def city_choices(response) -> list[tuple[str, str]]:
    return list(response.context["filter"].form.fields["city"].widget.choices)


def queries_of(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    return response, len(queries.captured_queries)


def test_facet_counts_are_counted_once_per_data_version(client, db, facet_cache):
    beijing = make_city("Beijing")
    make_event("Summit", city=beijing, start_year=2021)
    make_event("Forum", city=beijing, start_year=2022)

    first, counted = queries_of(client, reverse("events:list"))
    again, reused = queries_of(client, reverse("events:list"))
    assert (
        city_choices(first) == city_choices(again) == [("", "Any city"), ("beijing", "Beijing (2)")]
    )
    # Each facet's counts, and the list's own row count, are not counted again.
    assert reused == counted - len(first.context["filter"].facets) - 1

    make_event("Round Table", city=beijing, start_year=2022)
    changed, recounted = queries_of(client, reverse("events:list"))
    assert city_choices(changed) == [("", "Any city"), ("beijing", "Beijing (3)")]
    assert recounted == counted


def test_facet_counts_are_cached_per_filter_state(client, db, facet_cache):
    beijing, shanghai = make_city("Beijing"), make_city("Shanghai")
    make_event("Summit", city=beijing, start_year=2021)
    make_event("Forum", city=shanghai, start_year=2022)
    client.get(reverse("events:list"))
    filtered = client.get(reverse("events:list"), {"year": "2022"})
    assert city_choices(filtered) == [("", "Any city"), ("shanghai", "Shanghai (1)")]
    found = client.get(reverse("events:list"), {"city_q": "bei"})
    assert city_choices(found) == [("", "Any city"), ("beijing", "Beijing (1)")]


def test_facet_counts_of_a_search_that_matched_nothing(client, db, facet_cache):
    response = client.get(reverse("people:list"), {"affiliation": "Ecoonmy"})
    assert response.status_code == 200
    assert response.context["affiliation_results"].count() == 0
    kinds = list(response.context["filter"].form.fields["kind"].widget.choices)
    assert kinds == [("", "Any kind")]


def test_a_persons_co_speakers_and_organisations_follow_the_next_change(client, db, facet_cache):
    # Both are grouped once per data version: an appearance added shows on the next request.
    forum = make_event("Forum", start_year=2021)
    liu, wang = make_person("Liu Yanhua"), make_person("Wang Wei")
    make_participation(forum, liu, positions=[("director", make_organization("NDRC"))])
    make_participation(forum, wang)
    url = reverse("people:person", args=[liu.slug])
    first = client.get(url)
    assert [p.name for p in first.context["co_speakers"]] == ["Wang Wei"]
    assert [o["organization"].name for o in first.context["organizations"]] == ["NDRC"]

    make_participation(forum, make_person("Zhao Lei"))
    make_participation(
        make_event("Summit", start_year=2023), liu, positions=[("chair", make_organization("IGEA"))]
    )
    changed = client.get(url)
    assert [p.name for p in changed.context["co_speakers"]] == ["Wang Wei", "Zhao Lei"]
    assert [o["organization"].name for o in changed.context["organizations"]] == ["NDRC", "IGEA"]


def test_list_and_related_list_counts_follow_the_next_change(client, db, facet_cache):
    # Page counts are kept under the data version too: a new event is counted at once.
    beijing = make_city("Beijing")
    make_event("Summit", city=beijing, start_year=2021)
    listed = reverse("events:list")
    related = reverse("events:city", args=[beijing.slug])

    def counts():
        first = client.get(listed, {"city": "beijing"}).context["paginator"].count
        second = client.get(related).context["events"].paginator.count
        return first, second

    assert counts() == (1, 1)
    make_event("Forum", city=beijing, start_year=2022)
    assert counts() == (2, 2)


def test_organisation_matches_and_search_counts_follow_the_next_change(client, db, facet_cache):
    make_organization("Tsinghua University")
    assert len(match_organizations("Tsinghau")) == 1
    response = client.get(reverse("search"), {"q": "summit"})
    assert [g.count for g in response.context["results"].groups if g.kind == "events"] == [0]

    make_organization("Tsinghua Institute")
    make_event("Climate Summit")
    assert len(match_organizations("Tsinghau")) == 2
    response = client.get(reverse("search"), {"q": "summit"})
    assert [g.count for g in response.context["results"].groups if g.kind == "events"] == [1]


def test_home_figures_and_topic_counts_follow_the_next_change(client, db, facet_cache):
    hydrogen = make_topic("hydrogen")
    make_event("Summit", topics=[hydrogen])

    def shown():
        home = client.get(reverse("events:home")).context
        topics = client.get(reverse("events:topics")).context["object_list"]
        figures = {kind: n for kind, _, n, _ in home["counts"]}
        return (
            figures["events"],
            [t.event_count for t in home["topics"]],
            [t.event_count for t in topics],
        )

    assert shown() == (1, [1], [1])
    make_event("Forum", topics=[hydrogen])
    assert shown() == (2, [2], [2])


def test_the_city_ranking_is_kept_until_the_next_change(client, db, facet_cache):
    beijing, wuhan = make_city("Beijing"), make_city("Wuhan")
    make_event("Summit", city=wuhan, start_year=2021)
    listed = reverse("events:cities")

    def ranking():
        response, queries = queries_of(client, listed)
        return [(c.name, c.event_count) for c in response.context["object_list"]], queries

    first, counted = ranking()
    again, reused = ranking()
    assert first == again == [("Wuhan", 1), ("Beijing", 0)]
    assert reused < counted
    make_event("Forum", city=beijing, start_year=2022)
    make_event("Dialogue", city=beijing, start_year=2023)
    assert ranking()[0] == [("Beijing", 2), ("Wuhan", 1)]
