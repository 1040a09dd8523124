"""/search/ and its entry point; the same tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from browse.search.everything import Segment, excerpt, highlight, parse_query, search_everything
from tests.browse.test_search_affiliation import build_seed_like_data
from tests.factories import (
    make_city,
    make_event,
    make_organizer,
    make_person,
    make_report,
    make_topic,
)


@pytest.fixture
def seed(db):
    data = build_seed_like_data()
    make_city("Chengdu", province="Sichuan")
    make_topic("carbon neutrality", description="Reaching net zero carbon emissions.")
    return data


def group(results, kind):
    return next(g for g in results.groups if g.kind == kind)


def titles(results, kind) -> list[str]:
    return ["".join(s.text for s in hit.title) for hit in group(results, kind).hits]


def marked(segments) -> list[str]:
    return [s.text for s in segments if s.match]


def test_highlight_marks_whole_words_folding_case_and_accents():
    assert highlight("Bojan Lalić spoke", ["lalic"]) == (
        Segment("Bojan "),
        Segment("Lalić", True),
        Segment(" spoke"),
    )
    assert marked(highlight("Tsinghua University, TSINGHUA", ["tsing"])) == [
        "Tsinghua",
        "TSINGHUA",
    ]
    assert highlight("No match here", ["carbon"]) == (Segment("No match here"),)


def test_excerpt_is_a_short_passage_around_the_first_match():
    text = "Filler words. " * 40 + "The World Bank spoke on green finance. " + "More. " * 40
    segments = excerpt(text, ["bank"])
    passage = "".join(s.text for s in segments)
    assert passage.startswith("… ") and passage.endswith(" …")
    assert len(passage) < 260
    assert marked(segments) == ["Bank"]


def test_parse_query_folds_truncates_and_drops_punctuation():
    assert parse_query("'; DROP TABLE events_event; --") == (
        "'; DROP TABLE events_event; --",
        False,
        ("drop", "table", "events", "event"),
    )
    query, truncated, _ = parse_query("carbon " * 100)
    assert truncated and len(query) == 200
    assert parse_query('  ""  ') == ('""', False, ())


def test_search_everything_groups_hits_by_kind(seed):
    results = search_everything("tsinghua")
    counts = {g.kind: g.count for g in results.groups}
    assert counts == {
        "events": 0,
        "people": 0,
        # Nobody is named Tsinghua, but two speakers spoke for it or its institutes.
        "affiliated": 2,
        "organisations": 3,
        "topics": 0,
        "cities": 0,
        "reports": 1,
    }
    assert set(titles(results, "organisations")) == {
        "Tsinghua University",
        "Institute of Climate Change and Sustainable Development of Tsinghua University",
        "Sichuan Energy Research Institute of Tsinghua University",
    }
    report = group(results, "reports").hits[0]
    assert marked(report.snippet) == ["Tsinghua"]
    assert report.url.startswith("/reports/")


def test_search_everything_people_by_folded_name_and_orgs_by_acronym(seed):
    results = search_everything("lalic")
    assert titles(results, "people") == ["Bojan Lalić"]
    assert marked(group(results, "people").hits[0].title) == ["Lalić"]
    assert titles(search_everything("IGEA"), "organisations") == [
        "International Green Economy Association"
    ]
    assert titles(search_everything("energy foundation"), "organisations") == [
        "Energy Foundation China"
    ]


def test_search_everything_events_topics_cities(seed):
    results = search_everything("low carbon")
    assert set(titles(results, "events")) == {
        "Low Carbon Construction and Low Carbon Industry Summit",
        "CIFCC Round Table Meeting: Green Industry and Low-Carbon City Construction",
        '"Belt and Road" Green and Low-carbon Development Forum',
    }
    assert titles(search_everything("convention"), "events") == [
        "Low Carbon Construction and Low Carbon Industry Summit"
    ]
    assert titles(search_everything("neutrality"), "topics") == ["carbon neutrality"]
    assert titles(search_everything("chengdu"), "cities") == ["Chengdu"]
    assert titles(search_everything("sichuan"), "cities") == ["Chengdu"]


def test_search_page_shows_grouped_highlighted_results(client, seed):
    response = client.get(reverse("search"), {"q": "world bank"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/organisations/world-bank/"><mark>World</mark> <mark>Bank</mark></a>' in html
    assert "<mark>World</mark> <mark>Bank</mark>, spoke about green finance." in html
    assert [g.kind for g in response.context["results"].found] == [
        "affiliated",
        "organisations",
        "reports",
    ]


def test_search_page_empty_query_explains_what_to_type(client, db):
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert "Type a few words" in response.content.decode()
    assert "Type a few words" in client.get(reverse("search"), {"q": "  !!  "}).content.decode()


def test_search_page_nothing_found(client, seed):
    response = client.get(reverse("search"), {"q": "photosynthesis"})
    assert "Nothing matches “photosynthesis”." in response.content.decode()


@pytest.mark.parametrize(
    "q",
    [
        "'; DROP TABLE events_event; --",
        '"Tsinghua University"',
        "<script>alert(1)</script>",
        "tsinghua & | ! :* ( ) \\",
        "%_%",
        "\x00",
        "x" * 5000,
    ],
)
def test_search_page_hostile_queries_are_harmless(client, seed, q):
    response = client.get(reverse("search"), {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert make_event("Still here").pk  # the tables are intact


def test_search_page_escapes_the_query_and_report_text(client, db):
    make_event("Carbon <script>alert(1)</script> Summit")
    html = client.get(reverse("search"), {"q": "carbon summit"}).content.decode()
    assert "<script>" not in html
    assert "<mark>Carbon</mark> &lt;script&gt;alert(1)&lt;/script&gt; <mark>Summit</mark>" in html
    html = client.get(reverse("search"), {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>" not in html
    assert "“&lt;script&gt;alert(1)&lt;/script&gt;”" in html


def test_search_page_says_when_the_query_was_cut(client, seed):
    response = client.get(reverse("search"), {"q": "tsinghua " + "x" * 300})
    assert "only the first 200 were used" in response.content.decode()


@pytest.mark.parametrize("n", [1, 4])
def test_search_page_query_count_does_not_grow_with_hits(
    client, db, django_assert_max_num_queries, n
):
    city = make_city("Beijing")
    topic = make_topic("green buildings")
    for i in range(n):
        make_event(f"Green Summit {i}", city=city, venue="Green Hall", topics=[topic])
    # Organisations go through the speakers page's matcher once: a few queries per tier, and
    # the similar-spelling candidates when nothing matches as typed; the people by affiliation
    # are then ranked and one page of them fetched.
    with django_assert_max_num_queries(30):
        response = client.get(reverse("search"), {"q": "green"})
    assert group(response.context["results"], "events").count == n


def test_search_everything_folds_accents_in_report_text(db):
    make_report("The forum heard Bojan Lalić on the Belt and Road.", title="Belgrade forum")
    results = search_everything("lalic")
    assert titles(results, "reports") == ["Belgrade forum"]
    assert marked(group(results, "reports").hits[0].snippet) == ["Lalić"]
    assert titles(search_everything("LALIĆ"), "reports") == ["Belgrade forum"]
    assert titles(search_everything("Łódź lalić"), "reports") == []


def test_search_everything_folds_accents_in_event_names(db):
    make_event("Café Économique Forum", venue="Hôtel de Ville")
    assert titles(search_everything("economique"), "events") == ["Café Économique Forum"]
    assert titles(search_everything("hotel"), "events") == ["Café Économique Forum"]


def test_search_everything_finds_a_person_by_alias(db):
    make_person("Liu Yanhua", aliases=["Yanhua LIU"])
    make_person("Liu Wei")
    results = search_everything("Yanhua LIU")
    assert titles(results, "people") == ["Liu Yanhua"]
    assert group(results, "people").hits[0].url == "/speakers/liu-yanhua/"


def test_search_everything_acronym_finds_organisation_and_events_it_organised(seed):
    make_organizer(seed.events.round_table, seed.organizations.igea)
    results = search_everything("IGEA")
    assert titles(results, "organisations") == ["International Green Economy Association"]
    # The summit names IGEA in its report; the round table only through its organiser.
    assert titles(results, "events") == [
        "CIFCC Round Table Meeting: Green Industry and Low-Carbon City Construction"
    ]
    assert group(results, "events").hits[0].url == seed.events.round_table.get_absolute_url()
    assert titles(results, "reports") == [
        "2021 CIFTIS Low Carbon Construction and Low Carbon Industry Summit Successfully Held"
    ]


def test_search_page_shows_counts_links_and_snippets_per_kind(client, seed):
    make_organizer(seed.events.summit, seed.organizations.igea)
    html = client.get(reverse("search"), {"q": "igea"}).content.decode()
    assert (
        '4 results: <a href="#events">1 event</a>, '
        '<a href="#affiliated">1 person by affiliation</a>, '
        '<a href="#organisations">1 organisation</a>, <a href="#reports">1 report</a>'
    ) in " ".join(html.split())
    assert (
        '<h2 id="organisations-heading">Organisations <span class="count">(1)</span></h2>' in html
    )
    igea = seed.organizations.igea.get_absolute_url()
    assert f'<a href="{igea}">International Green Economy Association</a>' in html
    assert '<p class="search-hit__snippet"><mark>IGEA</mark></p>' in html
    summit = seed.events.summit.get_absolute_url()
    assert f'<a href="{summit}">Low Carbon Construction and Low Carbon Industry Summit</a>' in html
    assert "Association (<mark>IGEA</mark>), was held" in html


@pytest.mark.postgresql
@pytest.mark.parametrize(
    ("kind", "index"),
    [
        ("reports", "events_report_fts"),
        ("events", "events_event_fts"),
    ],
)
def test_full_text_search_uses_the_gin_indexes_of_the_stored_vectors(db, kind, index):
    from browse.search.everything import _PostgresBackend

    backend = _PostgresBackend(("lalic",))
    with connection.cursor() as cursor:
        # On a nearly empty table any plan is cheap, so the planner's choice proves nothing;
        # with whole-table scans ruled out it must use an index that matches the query.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        # The candidates to rank are read while the kind's querysets are built.
        with CaptureQueriesContext(connection) as built:
            found = {"reports": backend.reports, "events": backend.events}[kind]()
        plans = [found.matching.explain()]
        for query in built.captured_queries:
            if "search_vector" in query["sql"]:
                cursor.execute("EXPLAIN " + query["sql"])
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert len(plans) == 3
    for plan in plans:
        assert f"Bitmap Index Scan on {index}" in plan
        assert "to_tsvector" not in plan


@pytest.mark.postgresql
def test_organisations_are_matched_through_the_trigram_index_of_their_keys(db):
    from people.models import Organization

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = Organization.objects.filter(key__contains="tsinghua").explain()
    assert "Bitmap Index Scan on people_organization_key_trgm" in plan


def test_search_answers_who_from_an_organisation(client, db):
    from tests.factories import make_event, make_organization, make_participation, make_person

    tsinghua = make_organization("Tsinghua University")
    institute = make_organization("Institute of Energy", parent=tsinghua)
    event = make_event("Forum on Heat")
    make_participation(event, make_person("Wang Can"), positions=[("professor", tsinghua)])
    make_participation(event, make_person("Li Zheng"), positions=[("dean", institute)])
    html = client.get("/search/", {"q": "Tsinghua University"}).content.decode()
    assert (
        '<h2 id="affiliated-heading">People by affiliation <span class="count">(2)</span></h2>'
        in html
    )
    assert "professor, Tsinghua University · exact organisation" in html
    assert "dean, Institute of Energy · via parent organisation Tsinghua University" in html
    assert 'href="/speakers/?affiliation=Tsinghua%20University"' in html
    paged = client.get("/search/", {"q": "Tsinghua University", "kind": "affiliated"})
    assert [hit.url for hit in paged.context["results"].groups[0].hits] == [
        "/speakers/wang-can/",
        "/speakers/li-zheng/",
    ]
