"""Every list page runs the same number of queries for 10 rows as for 1,000, and every detail
page the same number for a record with 1 related row of each kind as for one with 3.

Rows are made with bulk_create so the 1,000 case stays fast. When a count is wrong,
pytest-django prints the queries that ran.
"""

import hashlib

import pytest
from django.urls import reverse

from events.models import (
    City,
    CityMention,
    Event,
    EventClaim,
    EventOrganizer,
    EventSource,
    EventTopic,
    Participation,
    Position,
    Report,
    Topic,
)
from people.models import Organization, OrganizationAlias, Person, PersonAlias


def make_reports_cities_and_topics(n: int) -> tuple[list, list, list]:
    reports = Report.objects.bulk_create(
        Report(
            file_name=f"r{i}.txt",
            slug=f"r{i}",
            sha256=hashlib.sha256(str(i).encode()).hexdigest(),
            raw_text="Text.",
            text="A forum was held. Liu spoke.",
            title=f"Report {i}",
        )
        for i in range(n)
    )
    cities = City.objects.bulk_create(
        City(name=f"City {i}", slug=f"city-{i}", country="China") for i in range(n)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"topic {i}", slug=f"topic-{i}") for i in range(n)
    )
    return reports, cities, topics


def make_many(n: int) -> None:
    """n of every record, each event with a city, topic, organiser and two speakers."""
    reports, cities, topics = make_reports_cities_and_topics(n)
    organizations = Organization.objects.bulk_create(
        Organization(name=f"Org {i}", slug=f"org-{i}", key=f"org {i}", country=f"C{i % 7}")
        for i in range(n)
    )
    people = Person.objects.bulk_create(
        Person(name=f"Person {i}", slug=f"person-{i}", key=f"person {i}", family_name="Person")
        for i in range(n)
    )
    PersonAlias.objects.bulk_create(
        PersonAlias(person=p, name=f"P. {i}", key=f"p {i}") for i, p in enumerate(people)
    )
    events = Event.objects.bulk_create(
        Event(
            name=f"Forum {i}",
            slug=f"forum-{i}",
            key=f"forum {i}",
            start_year=2000 + i % 25,
            city=cities[i],
        )
        for i in range(n)
    )
    EventSource.objects.bulk_create(
        EventSource(event=e, report=r) for e, r in zip(events, reports, strict=True)
    )
    EventTopic.objects.bulk_create(
        EventTopic(event=e, topic=t, report=r, evidence_start=0, evidence_end=17)
        for e, t, r in zip(events, topics, reports, strict=True)
    )
    EventOrganizer.objects.bulk_create(
        EventOrganizer(event=e, organization=o, role="host", report=r)
        for e, o, r in zip(events, organizations, reports, strict=True)
    )
    CityMention.objects.bulk_create(
        CityMention(event=e, city=cities[(i + 1) % n], report=reports[i])
        for i, e in enumerate(events)
    )
    participations = Participation.objects.bulk_create(
        Participation(
            event=events[i],
            person=people[(i + k) % n],
            report=reports[i],
            role="speaker" if k == 0 else "moderator",
            evidence_start=18,
            evidence_end=28,
        )
        for i in range(n)
        for k in range(2)
    )
    Position.objects.bulk_create(
        Position(
            participation=p,
            order=0,
            title="director",
            organization=organizations[i % n],
            report=p.report,
        )
        for i, p in enumerate(participations)
    )


LIST_PAGES = [
    # (url, query string, bound); the bound is what was measured, with no slack.
    ("events:home", {}, 15),  # 9, three charts, the map (two), the topic counts
    ("events:list", {}, 9),
    ("events:list", {"year": "2001", "topic": "topic-1", "role": "speaker", "sort": "name"}, 9),
    ("events:list", {"format": "csv"}, 2),
    ("events:reports", {}, 3),
    ("events:reports", {"format": "json"}, 1),
    ("events:cities", {}, 6),  # 3, the map (two) and the chart of events per city
    ("events:topics", {}, 4),  # 2, the chart of events per topic, the topic counts
    ("people:list", {}, 8),
    ("people:list", {"q": "person 1", "organisation": "org-1", "kind": "other"}, 8),
    ("people:list", {"format": "json"}, 1),
    ("people:organizations", {}, 5),
    ("people:organizations", {"format": "csv"}, 1),
]


@pytest.mark.django_db
@pytest.mark.parametrize("n", [10, 1000])
@pytest.mark.parametrize(("name", "params", "bound"), LIST_PAGES)
def test_list_page_queries_do_not_grow_with_rows(
    client, django_assert_max_num_queries, n, name, params, bound
):
    make_many(n)
    with django_assert_max_num_queries(bound):
        response = client.get(reverse(name), params)
    assert response.status_code == 200
    if "format" not in params and name != "events:home":
        assert response.context["page_obj"].paginator.count >= 1


def make_linked(k: int) -> None:
    """k of every record, each linked to all k of every other kind.

    forum-0, r0, city-0, topic-0, person-0 and org-0 then each have k rows of every relation
    their page shows: sources, topics, organisers, cities, claims, speakers and their
    positions, sub-events, aliases and units.
    """
    reports, cities, topics = make_reports_cities_and_topics(k)
    organizations = Organization.objects.bulk_create(
        Organization(name=f"Org {i}", slug=f"org-{i}", key=f"org {i}") for i in range(k)
    )
    Organization.objects.bulk_create(
        Organization(name=f"Unit {i}", slug=f"unit-{i}", key=f"unit {i}", parent=organizations[0])
        for i in range(k)
    )
    OrganizationAlias.objects.bulk_create(
        OrganizationAlias(organization=organizations[0], name=f"O{i}", key=f"o{i}")
        for i in range(k)
    )
    people = Person.objects.bulk_create(
        Person(name=f"Person {i}", slug=f"person-{i}", key=f"person {i}", family_name="Person")
        for i in range(k)
    )
    PersonAlias.objects.bulk_create(
        PersonAlias(person=people[0], name=f"P. {i}", key=f"p {i}") for i in range(k)
    )
    events = Event.objects.bulk_create(
        Event(
            name=f"Forum {i}",
            slug=f"forum-{i}",
            key=f"forum {i}",
            start_year=2000 + i,
            city=cities[0],
        )
        for i in range(k)
    )
    Event.objects.bulk_create(
        Event(name=f"Session {i}", slug=f"session-{i}", key=f"session {i}", parent=events[0])
        for i in range(k)
    )
    EventSource.objects.bulk_create(EventSource(event=e, report=r) for e in events for r in reports)
    evidence = {"report": reports[0], "evidence_start": 0, "evidence_end": 17}
    EventClaim.objects.bulk_create(
        EventClaim(event=e, report=r, field="name", value=e.name, evidence_start=0, evidence_end=17)
        for e in events
        for r in reports
    )
    EventTopic.objects.bulk_create(
        EventTopic(event=e, topic=t, **evidence) for e in events for t in topics
    )
    EventOrganizer.objects.bulk_create(
        EventOrganizer(event=e, organization=o, role="host", order=i, **evidence)
        for e in events
        for i, o in enumerate(organizations)
    )
    CityMention.objects.bulk_create(
        CityMention(event=e, city=c, order=i, **evidence)
        for e in events
        for i, c in enumerate(cities)
    )
    participations = Participation.objects.bulk_create(
        Participation(
            event=e,
            person=p,
            role="speaker" if i % 2 == 0 else "moderator",
            talk_title=f"Talk {i}",
            report=reports[0],
            evidence_start=18,
            evidence_end=28,
        )
        for e in events
        for i, p in enumerate(people)
    )
    Position.objects.bulk_create(
        Position(participation=p, order=i, title="director", organization=o, **evidence)
        for p in participations
        for i, o in enumerate(organizations)
    )


DETAIL_PAGES = [
    # (url, slug, queries, the related rows the page lists); the counts are exact.
    (
        "events:detail",
        "forum-0",
        12,
        lambda context: [p for _, _, group in context["participant_groups"] for p in group],
    ),
    (
        "events:report",
        "r0",
        11,  # and the people and organisations it supports
        lambda context: list(context["events"]),
    ),
    ("events:city", "city-0", 8, lambda context: list(context["events"])),
    ("events:topic", "topic-0", 5, lambda context: list(context["events"])),
    ("people:person", "person-0", 10, lambda context: list(context["appearances"])),
    (
        "people:organization",
        "org-0",
        11,  # and its units' ids and the count of people, units included
        lambda context: list(context["organised"]),
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize("k", [1, 3])
@pytest.mark.parametrize(
    ("name", "slug", "queries", "listed"), DETAIL_PAGES, ids=[page[0] for page in DETAIL_PAGES]
)
def test_detail_page_queries_do_not_grow_with_related_rows(
    client, django_assert_num_queries, k, name, slug, queries, listed
):
    make_linked(k)
    with django_assert_num_queries(queries):
        response = client.get(reverse(name, args=[slug]))
    assert response.context["object"].slug == slug
    assert len(listed(response.context)) == k
