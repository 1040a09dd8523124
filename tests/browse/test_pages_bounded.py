"""Every list on every page is bounded: a page of rows, a few dozen choices per facet,
whether the record has 10 related rows or 2,000. Downloads stream the whole list."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from browse.filters.facets import FACET_LIMIT
from browse.views.lists import PAGE_SIZE
from events.models import (
    City,
    CityMention,
    Event,
    EventOrganizer,
    EventTopic,
    Participation,
    Position,
    Report,
    Topic,
)
from people.models import Organization, Person
from tests.factories import downloaded

SIZES = [10, 2000]


def make_hub(n: int) -> None:
    """A hub city, topic, organisation and person, each with n related rows, and n other
    events each with a city, topic, organiser and speaker of its own."""
    report = Report.objects.create(
        file_name="hub.txt",
        slug="hub",
        sha256="0" * 64,
        raw_text="",
        text="A forum was held.",
        title="Hub",
    )
    cities = City.objects.bulk_create(
        City(name=f"City {i}", slug=f"city-{i}", country="China") for i in range(n + 1)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"topic {i}", slug=f"topic-{i}") for i in range(n + 1)
    )
    organizations = Organization.objects.bulk_create(
        Organization(name=f"Org {i}", slug=f"org-{i}", key=f"org {i}") for i in range(n + 1)
    )
    Organization.objects.bulk_create(
        Organization(name=f"Unit {i}", slug=f"unit-{i}", key=f"unit {i}", parent=organizations[0])
        for i in range(n)
    )
    people = Person.objects.bulk_create(
        Person(name=f"Person {i}", slug=f"person-{i}", key=f"person {i}", family_name="Person")
        for i in range(n + 1)
    )
    hub_events = Event.objects.bulk_create(
        Event(
            name=f"Hub {i}",
            slug=f"hub-{i}",
            key=f"hub {i}",
            start_year=2000 + i % 20,
            city=cities[0],
        )
        for i in range(n)
    )
    own_events = Event.objects.bulk_create(
        Event(
            name=f"Own {i}",
            slug=f"own-{i}",
            key=f"own {i}",
            start_year=2000 + i % 20,
            city=cities[i + 1],
        )
        for i in range(n)
    )
    evidence = {"report": report, "evidence_start": 0, "evidence_end": 17}
    EventTopic.objects.bulk_create(
        [EventTopic(event=e, topic=topics[0], **evidence) for e in hub_events]
        + [EventTopic(event=e, topic=topics[i + 1], **evidence) for i, e in enumerate(own_events)]
    )
    EventOrganizer.objects.bulk_create(
        [
            EventOrganizer(event=e, organization=organizations[0], role="host", **evidence)
            for e in hub_events
        ]
        + [
            EventOrganizer(event=e, organization=organizations[i + 1], role="host", **evidence)
            for i, e in enumerate(own_events)
        ]
    )
    CityMention.objects.bulk_create(
        CityMention(event=e, city=cities[0], **evidence) for e in own_events
    )
    participations = Participation.objects.bulk_create(
        [Participation(event=e, person=people[0], **evidence) for e in hub_events]
        + [
            Participation(event=e, person=people[i + 1], **evidence)
            for i, e in enumerate(own_events)
        ]
    )
    # Everyone else attends the first hub event too.
    Participation.objects.bulk_create(
        Participation(event=hub_events[0], person=person, role="attendee", **evidence)
        for person in people[1:]
    )
    # The hub person speaks for the hub organisation; every other speaker for their own.
    at = [organizations[0]] * n + organizations[1:]
    Position.objects.bulk_create(
        Position(participation=p, title="director", organization=o, **evidence)
        for p, o in zip(participations, at, strict=True)
    )


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


@pytest.mark.django_db
@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize(
    ("name", "slug", "lists"),
    [
        ("events:city", "city-0", ["events", "mentions"]),
        ("events:topic", "topic-0", ["events"]),
        ("people:organization", "org-0", ["units", "positions", "organised"]),
        ("people:person", "person-0", ["appearances"]),
        ("events:detail", "hub-0", ["participants"]),
    ],
)
def test_record_pages_show_one_page_of_each_related_list(client, n, name, slug, lists):
    make_hub(n)
    response = client.get(reverse(name, args=[slug]))
    for listed in lists:
        page = response.context[listed]
        # The first hub event has the hub person and everyone else: n + 1.
        expected = n + 1 if listed == "participants" else n
        assert (page.paginator.count, len(page)) == (
            expected,
            min(expected, page.paginator.per_page),
        )
    if n > PAGE_SIZE:
        param = response.context[lists[-1]].param
        assert f'href="?{param}=2"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize(
    ("name", "facets"),
    [
        ("events:list", ["city", "topic", "organiser"]),
        ("people:list", ["organisation", "event"]),
    ],
)
def test_list_facets_offer_at_most_the_limit_of_choices(client, n, name, facets):
    make_hub(n)
    response = client.get(reverse(name))
    html = response.content.decode()
    rows = {"events:list": 2 * n, "people:list": n + 1}[name]
    assert len(response.context["page_obj"]) == min(rows, PAGE_SIZE)
    for facet in facets:
        # Each facet has n + 1 values (the hub's and one per other event); events have 2n.
        values = 2 * n if facet == "event" else n + 1
        assert len(options(html, facet)) == 1 + min(values, FACET_LIMIT), facet
    # The most frequent first: the hub city's n events, then one each; speakers one each.
    facet, label = {
        "events:list": ("city", f"City 0 ({n})"),
        "people:list": ("organisation", "Org 0 (1)"),
    }[name]
    assert options(html, facet)[1] == label


@pytest.mark.django_db
@pytest.mark.parametrize("n", SIZES)
def test_facet_text_box_finds_any_other_choice(client, n):
    make_hub(n)
    last = f"Org {n}"
    html = client.get(reverse("events:list"), {"organiser_q": last}).content.decode()
    assert options(html, "organiser") == ["Any organiser", f"{last} (1)"]
    assert f'<input type="search" name="organiser_q" value="{last}"' in html
    chosen = client.get(reverse("events:list"), {"organiser": f"org-{n}"}).content.decode()
    assert f'<option value="org-{n}" selected>{last} (1)</option>' in chosen


@pytest.mark.django_db
@pytest.mark.parametrize("n", SIZES)
def test_downloads_stream_every_row(client, n):
    make_hub(n)
    response = client.get(reverse("events:list"), {"topic": "topic-0", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(downloaded(response))))
    assert len(rows) == n
    assert {row["topics"] for row in rows} == {"topic 0"}
    response = client.get(reverse("people:organizations"), {"format": "json"})
    assert len(json.loads(downloaded(response))) == 2 * n + 1
