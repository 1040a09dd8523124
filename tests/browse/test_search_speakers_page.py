"""/speakers/?affiliation=...: ranked matches, reasons, pagination that keeps the query."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from tests.browse.test_search_affiliation import build_seed_like_data
from tests.factories import (
    downloaded,
    make_event,
    make_organization,
    make_participation,
    make_person,
)


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


@pytest.fixture
def two_banks(db):
    """Two people at World Bank-like organisations of different kinds, at different events."""
    summit = make_event("Green Summit", start_year=2023)
    forum = make_event("Climate Forum", start_year=2022)
    bank = make_organization("World Bank", acronym="WB", kind="intergovernmental")
    bank_school = make_organization("World Bank Institute School", kind="academic")
    make_participation(summit, make_person("Zhao Bank"), positions=[("economist", bank)])
    make_participation(forum, make_person("Qian School"), positions=[("lecturer", bank_school)])
    return {"summit": summit, "forum": forum}


def matched(response) -> list[tuple[str, str]]:
    return [(m.person.name, m.reason) for m in response.context["affiliation_page"]]


def test_speakers_page_affiliation_search_combines_with_other_filters(client, two_banks):
    url = reverse("people:list")
    assert matched(client.get(url, {"affiliation": "world bank"})) == [
        ("Zhao Bank", "exact organisation"),
        ("Qian School", "partial name"),
    ]
    assert matched(client.get(url, {"affiliation": "world bank", "kind": "academic"})) == [
        ("Qian School", "partial name")
    ]
    assert matched(client.get(url, {"affiliation": "world bank", "event": "green-summit"})) == [
        ("Zhao Bank", "exact organisation")
    ]
    assert matched(client.get(url, {"affiliation": "world bank", "kind": "ngo"})) == []


def test_speakers_page_filter_form_keeps_the_affiliation_search(client, two_banks):
    response = client.get(reverse("people:list"), {"affiliation": "World Bank", "title": "econ"})
    html = response.content.decode()
    filter_form = html[html.index('<form class="filters"') :]
    filter_form = filter_form[: filter_form.index("</form>")]
    assert '<input type="hidden" name="affiliation" value="World Bank"' in filter_form
    assert '<input type="hidden" name="title" value="econ"' in filter_form
    # And the affiliation form keeps the filters, escaped.
    response = client.get(
        reverse("people:list"), {"affiliation": "x", "kind": 'academic"><b>', "page": "2"}
    )
    html = response.content.decode()
    assert '<input type="hidden" name="kind" value="academic&quot;&gt;&lt;b&gt;">' in html
    assert 'name="page"' not in html


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_speakers_page_download_honours_the_affiliation_search(client, two_banks, fmt):
    response = client.get(reverse("people:list"), {"affiliation": "World Bank", "format": fmt})
    if fmt == "json":
        rows = json.loads(downloaded(response))
    else:
        rows = list(csv.DictReader(io.StringIO(downloaded(response))))
    assert rows == [
        {
            "name": "Zhao Bank",
            "url": "http://testserver/speakers/zhao-bank/",
            "title": "economist",
            "organisation": "World Bank",
            "event": "Green Summit",
            "reason": "exact organisation",
        },
        {
            "name": "Qian School",
            "url": "http://testserver/speakers/qian-school/",
            "title": "lecturer",
            "organisation": "World Bank Institute School",
            "event": "Climate Forum",
            "reason": "partial name",
        },
    ]
    filtered = json.loads(
        downloaded(
            client.get(
                reverse("people:list"),
                {"affiliation": "World Bank", "kind": "academic", "format": "json"},
            )
        )
    )
    assert [row["name"] for row in filtered] == ["Qian School"]


def test_speakers_page_affiliation_results_link_to_downloads(client, two_banks):
    # A form's empty fields are dropped by a redirect first, so the links carry none.
    response = client.get(reverse("people:list"), {"affiliation": "WB", "kind": ""}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain == [("/speakers/?affiliation=WB", 302)]
    assert '<a href="?affiliation=WB&amp;format=csv" download>CSV</a>' in html
    assert "1 speaker by affiliation" in html


def test_speakers_page_broad_affiliation_count_is_capped(client, db, monkeypatch):
    monkeypatch.setattr("browse.search.affiliation.COUNT_CAP", 3)
    center = make_organization("Green Center")
    event = make_event(start_year=2024)
    for i in range(5):
        make_participation(event, make_person(f"Person {i}"), positions=[("chair", center)])
    response = client.get(reverse("people:list"), {"affiliation": "green center"})
    assert response.context["affiliation_page"].paginator.count == 3
    assert "3+ speakers by affiliation" in response.content.decode()


@pytest.mark.parametrize("n", [1, 4])
def test_speakers_page_affiliation_with_filters_query_count_does_not_grow(
    client, db, django_assert_max_num_queries, n
):
    university = make_organization("Peking University", kind="academic")
    event = make_event("Forum", start_year=2024)
    for i in range(n):
        unit = make_organization(f"School {i} of Peking University", parent=university)
        make_participation(event, make_person(f"Person {i}"), positions=[("dean", unit)])
    with django_assert_max_num_queries(25):
        response = client.get(
            reverse("people:list"), {"affiliation": "Peking University", "event": "forum"}
        )
    assert len(response.context["affiliation_page"]) == n


def test_speakers_search_facets_count_the_people_found(client, two_banks):
    ngo = make_organization("Green Earth", kind="ngo")
    make_participation(two_banks["forum"], make_person("Sun Earth"), positions=[("chair", ngo)])
    response = client.get(reverse("people:list"), {"affiliation": "world bank"})
    kinds = list(response.context["filter"].form.fields["kind"].widget.choices)
    assert kinds == [
        ("", "Any kind"),
        ("academic", "Academic (1)"),
        ("intergovernmental", "Intergovernmental (1)"),
    ]
    listed = client.get(reverse("people:list"))
    assert ("ngo", "NGO (1)") in list(listed.context["filter"].form.fields["kind"].widget.choices)


def test_speakers_page_is_two_views_behind_one_url(client, two_banks):
    from browse.views.people import PersonListView, SpeakerSearchView

    assert type(client.get(reverse("people:list")).context["view"]) is PersonListView
    searched = client.get(reverse("people:list"), {"title": "econ"})
    assert type(searched.context["view"]) is SpeakerSearchView
    assert matched(searched) == [("Zhao Bank", "title")]
