"""The queries of the public pages use indexes (PostgreSQL plans, on a few thousand rows).

Each test requests a page, captures the SQL it ran and asks PostgreSQL for the plan of the
queries that matter. Deselected on other databases (tests/conftest.py).
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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
from people.models import Organization, Person

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]
N = 4000


@pytest.fixture
def corpus(db):
    """N events with reports that all say "carbon", 50 cities, 20 topics, N/4 organisations."""
    cities = City.objects.bulk_create(
        City(name=f"City {i}", slug=f"city-{i}", country="China") for i in range(50)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"topic {i}", slug=f"topic-{i}") for i in range(20)
    )
    organizations = Organization.objects.bulk_create(
        Organization(name=f"Org {i}", slug=f"org-{i}", key=f"org {i}") for i in range(N // 4)
    )
    people = Person.objects.bulk_create(
        Person(name=f"Person {i}", slug=f"person-{i}", key=f"person {i}", family_name=f"P{i}")
        for i in range(N)
    )
    reports = Report.objects.bulk_create(
        Report(
            file_name=f"r{i}.txt",
            slug=f"r{i}",
            sha256=f"{i:064x}",
            raw_text="",
            text=f"Forum {i} on carbon neutrality and the carbon market. " * 5,
            title=f"Forum {i} on carbon held",
        )
        for i in range(N)
    )
    events = Event.objects.bulk_create(
        Event(
            name=f"Forum {i}",
            slug=f"forum-{i}",
            key=f"forum {i}",
            start_year=None if i % 40 == 0 else 2000 + i % 24,
            start_month=1 + i % 12,
            city=cities[i % 50],
        )
        for i in range(N)
    )
    EventSource.objects.bulk_create(
        EventSource(event=e, report=r) for e, r in zip(events, reports, strict=True)
    )
    EventTopic.objects.bulk_create(
        EventTopic(event=e, topic=topics[i % 20], report=reports[i]) for i, e in enumerate(events)
    )
    EventOrganizer.objects.bulk_create(
        EventOrganizer(
            event=e,
            organization=organizations[i % len(organizations)],
            role="host",
            report=reports[i],
        )
        for i, e in enumerate(events)
    )
    CityMention.objects.bulk_create(
        CityMention(event=e, city=cities[(i + 1) % 50], report=reports[i])
        for i, e in enumerate(events)
    )
    participations = Participation.objects.bulk_create(
        Participation(event=e, person=people[(i * 7 + k) % N], report=reports[i])
        for i, e in enumerate(events)
        for k in range(2)
    )
    Position.objects.bulk_create(
        Position(
            participation=p,
            title="director",
            organization=organizations[i % len(organizations)],
            report=p.report,
        )
        for i, p in enumerate(participations)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def plans(client, url: str, params=None, *, containing: str) -> list[str]:
    """The plans of the page's queries whose SQL contains `containing`."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    found = []
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            if containing in query["sql"]:
                cursor.execute("EXPLAIN " + query["sql"])
                found.append("\n".join(row[0] for row in cursor.fetchall()))
    assert found, f"no query containing {containing!r}"
    return found


def test_events_page_one_reads_the_newest_first_index(client, corpus):
    (plan,) = plans(
        client, reverse("events:list"), containing='DESC NULLS LAST, "events_event"."start_month"'
    )
    assert "event_newest_idx" in plan
    assert "Sort" not in plan


def test_events_sorted_oldest_first_read_the_date_index(client, corpus):
    (plan,) = plans(client, reverse("events:list"), {"sort": "oldest"}, containing="LIMIT 25")
    assert "event_date_idx" in plan
    assert "Sort" not in plan


def test_topic_page_reads_events_in_date_order(client, corpus):
    # The busiest topic, as at scale: tagged on half the events. With a topic on only a
    # twentieth of them, sorting its 200 events is as cheap, and the plan a coin toss.
    busiest = Topic.objects.get(slug="topic-3")
    report = Report.objects.first()
    EventTopic.objects.bulk_create(
        EventTopic(event=event, topic=busiest, report=report)
        for event in Event.objects.exclude(topic_tags__topic=busiest)[: N // 2]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_eventtopic")
    (plan,) = plans(client, reverse("events:topic", args=["topic-3"]), containing="LIMIT 25")
    assert "event_newest_idx" in plan
    assert "Seq Scan on events_eventtopic" not in plan


def test_organisation_list_counts_through_indexes_for_the_shown_rows(client, corpus):
    (plan,) = plans(client, reverse("people:organizations"), containing="_counted")
    assert "Seq Scan on events_position" not in plan
    assert "Seq Scan on events_eventorganizer" not in plan
    assert "HashAggregate" not in plan.split("SubPlan")[0]


def test_city_list_counts_events_through_the_city_index(client, corpus):
    for plan in plans(client, reverse("events:cities"), containing="_counted"):
        assert "Seq Scan on events_event " not in plan + " "
        assert "Seq Scan on events_citymention" not in plan


def test_common_word_search_ranks_a_bounded_set_from_stored_vectors(client, corpus):
    for plan in plans(client, reverse("search"), {"q": "carbon"}, containing="ts_rank"):
        assert "Limit" in plan
        assert "to_tsvector" not in plan


def test_a_persons_appearances_are_read_through_the_person_index(client, corpus):
    # Not by walking every event newest first and probing each for the person's rows.
    person = Participation.objects.values_list("person__slug", flat=True).first()
    (plan,) = plans(
        client,
        reverse("people:person", args=[person]),
        containing='COALESCE("events_event"."start_year"',
    )
    assert "event_newest_idx" not in plan
    assert re.search(r"Index (Only )?Scan (using|on) \S*participation_person", plan), plan


def test_affiliation_search_reads_people_from_the_organisations_positions(client, corpus):
    # An exact organisation: its positions through the organisation index, not an EXISTS
    # asked of every person.
    url = reverse("people:list")
    counted = 'SELECT COUNT(*) FROM (SELECT DISTINCT "events_participation"."person_id"'
    for plan in plans(client, url, {"affiliation": "Org 7"}, containing=counted):
        assert "events_position_organization_id" in plan
        assert "Seq Scan on people_person" not in plan


@pytest.mark.parametrize("model", [Event, Person, Organization], ids=lambda m: m.__name__)
def test_matching_a_name_on_import_reads_the_key_indexes(corpus, model):
    """The import asks this for every name of every report: it must not read the table."""
    plan = model.objects.matching_key("org 7").explain()
    table = model._meta.db_table
    assert f"Seq Scan on {table} " not in plan + " "


def test_gin_indexes_keep_no_long_pending_list(db):
    """New keys go straight into the trigram indexes; full-text indexes flush often.

    A long pending list is read in full by every lookup: on a young database that made the
    import's own key lookups cost 15 ms a report.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_am a ON a.oid = c.relam"
            " WHERE a.amname = 'gin'"
        )
        options = {name: set(opts or ()) for name, opts in cursor.fetchall()}
    assert options
    for name, opts in options.items():
        assert (
            ("fastupdate=off" in opts)
            if name.endswith("_trgm")
            else ("gin_pending_list_limit=128" in opts)
        ), name
