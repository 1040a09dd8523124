"""/speakers/?affiliation=...: ranked matches, reasons, pagination that keeps the query."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import make_event, make_organization, make_participation, make_person
from tests.test_search_affiliation import build_seed_like_data


@pytest.fixture
def seed(db):
    return build_seed_like_data()


def test_speakers_page_affiliation_search_shows_position_event_and_reason(client, seed):
    response = client.get(reverse("people:list"), {"affiliation": "Tsinghua University"})
    assert response.status_code == 200
    page = response.context["affiliation_page"]
    assert [m.person.name for m in page] == ["Li Weiqi", "Yang Xiu"]
    html = response.content.decode()
    assert html.count("via parent organisation Tsinghua University") == 2
    assert "associate researcher, <a href=" in html
    assert (
        "City Emission Reduction Cooperation Project Summary and Achievement Sharing Meeting"
        in html
    )


@pytest.mark.parametrize(
    ("params", "person", "reason"),
    [
        ({"affiliation": "WB"}, "Carter J. Brandon", "via acronym WB"),
        ({"affiliation": "World Bank"}, "Carter J. Brandon", "exact organisation"),
        ({"affiliation": "NCSC"}, "Cao Ying", "via acronym NCSC"),
        ({"affiliation": "EF China"}, "Lin Weiwei", "via acronym EF China"),
        ({"affiliation": "IGEA", "title": "director"}, "Ma Rong", "via acronym IGEA"),
        ({"affiliation": "Schneider"}, "Jean Pasternak", "partial name"),
        ({"affiliation": "Tsinghau"}, "Li Weiqi", "similar spelling: Tsinghau ≈ Tsinghua"),
    ],
)
def test_speakers_page_affiliation_examples(client, seed, params, person, reason):
    response = client.get(reverse("people:list"), params)
    first = response.context["affiliation_page"][0]
    assert (first.person.name, first.reason) == (person, reason)
    assert reason in response.content.decode()


def test_speakers_page_affiliation_nothing_found(client, seed):
    response = client.get(reverse("people:list"), {"affiliation": "<script>x</script>"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>x" not in html
    assert "No speakers held a position matching “&lt;script&gt;x&lt;/script&gt;”" in html


def test_speakers_page_without_affiliation_is_the_plain_list(client, seed):
    response = client.get(reverse("people:list"))
    assert response.context["affiliation_search"] is False
    assert "Find speakers by affiliation" in response.content.decode()


def test_speakers_page_affiliation_results_paginate_keeping_the_query(client, db):
    center = make_organization("Green Center", acronym="GC")
    event = make_event(start_year=2024)
    for i in range(30):
        make_participation(event, make_person(f"Person {i:02d}"), positions=[("director", center)])

    response = client.get(
        reverse("people:list"), {"affiliation": "GC", "title": "director", "page": 2}
    )

    page = response.context["affiliation_page"]
    assert page.paginator.count == 30
    assert [m.person.name for m in page] == [f"Person {i:02d}" for i in range(25, 30)]
    html = response.content.decode()
    assert 'href="?affiliation=GC&amp;title=director&amp;page=1"' in html


@pytest.mark.parametrize("n", [1, 4])
def test_speakers_page_affiliation_query_count_does_not_grow(
    client, db, django_assert_max_num_queries, n
):
    university = make_organization("Peking University")
    event = make_event(start_year=2024)
    for i in range(n):
        unit = make_organization(f"School {i} of Peking University", parent=university)
        make_participation(event, make_person(f"Person {i}"), positions=[("dean", unit)])
    with django_assert_max_num_queries(25):
        response = client.get(reverse("people:list"), {"affiliation": "Peking University"})
    assert len(response.context["affiliation_page"]) == n
