"""Every list page runs the same number of queries for 10 rows as for 1,000.

Rows are made with bulk_create so the 1,000 case stays fast. When a bound is exceeded,
pytest-django prints the queries that ran.
"""

import hashlib

import pytest
from django.urls import reverse

from events.models import (
    City,
    CityMention,
    Event,
    EventOrganizer,
    EventSource,
    EventTopic,
    Participation,
    Position,
    Report,
    Topic,
)
from people.models import Organization, Person, PersonAlias


def make_many(n: int) -> None:
    """n of every record, each event with a city, topic, organiser and two speakers."""
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
    ("events:home", {}, 9),
    ("events:list", {}, 8),
    ("events:list", {"year": "2001", "topic": "topic-1", "role": "speaker", "sort": "name"}, 8),
    ("events:list", {"format": "csv"}, 2),
    ("events:reports", {}, 2),
    ("events:reports", {"format": "json"}, 1),
    ("events:cities", {}, 2),
    ("events:topics", {}, 2),
    ("people:list", {}, 7),
    ("people:list", {"q": "person 1", "organisation": "org-1", "kind": "other"}, 7),
    ("people:list", {"format": "json"}, 1),
    ("people:organizations", {}, 4),
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


DETAIL_PAGES = [
    ("events:detail", "forum-1", 11),
    ("events:report", "r1", 9),
    ("events:city", "city-1", 4),
    ("events:topic", "topic-1", 3),
    ("people:person", "person-1", 6),
    ("people:organization", "org-1", 6),
]


@pytest.mark.django_db
@pytest.mark.parametrize("n", [10, 1000])
@pytest.mark.parametrize(("name", "slug", "bound"), DETAIL_PAGES)
def test_detail_page_queries_are_bounded(
    client, django_assert_max_num_queries, n, name, slug, bound
):
    make_many(n)
    with django_assert_max_num_queries(bound):
        response = client.get(reverse(name, args=[slug]))
    assert response.status_code == 200
