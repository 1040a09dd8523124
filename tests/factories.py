"""Tiny factories: real objects with sensible defaults, nothing mocked."""

from __future__ import annotations

import hashlib
import itertools

from events.models import (
    City,
    Event,
    EventOrganizer,
    EventSource,
    EventTopic,
    Participation,
    Position,
    Report,
    Topic,
)
from people.models import Organization, OrganizationAlias, Person, PersonAlias
from people.naming import unique_slug

_counter = itertools.count(1)


def make_report(text: str = "A summit was held in Beijing.", **fields) -> Report:
    n = next(_counter)
    fields.setdefault("file_name", f"report_{n}.txt")
    fields.setdefault("title", text.splitlines()[0][:500])
    return Report.objects.create(
        slug=unique_slug(Report, fields["file_name"]),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        raw_text=text,
        text=text,
        **fields,
    )


def make_city(name: str = "Beijing", **fields) -> City:
    fields.setdefault("country", "China")
    return City.objects.create(name=name, slug=unique_slug(City, name), **fields)


def make_topic(name: str = "carbon neutrality", **fields) -> Topic:
    return Topic.objects.create(name=name, slug=unique_slug(Topic, name), **fields)


def make_organization(name: str = "World Bank", *, aliases=(), **fields) -> Organization:
    org = Organization.objects.create(name=name, slug=unique_slug(Organization, name), **fields)
    for alias in aliases:
        OrganizationAlias.objects.create(organization=org, name=alias)
    if org.acronym:
        OrganizationAlias.objects.get_or_create(
            organization=org, name=org.acronym, defaults={"kind": "acronym"}
        )
    return org


def make_person(name: str = "Liu Yanhua", *, aliases=(), **fields) -> Person:
    family, _, given = name.partition(" ")
    fields.setdefault("family_name", family)
    fields.setdefault("given_name", given)
    person = Person.objects.create(name=name, slug=unique_slug(Person, name), **fields)
    for alias in aliases:
        PersonAlias.objects.create(person=person, name=alias)
    return person


def make_event(
    name: str | None = None, *, report: Report | None = None, topics=(), **fields
) -> Event:
    name = name or f"Low Carbon Summit {next(_counter)}"
    report = report or make_report(f"{name} was held.")
    event = Event.objects.create(name=name, slug=unique_slug(Event, name), **fields)
    EventSource.objects.create(event=event, report=report)
    for topic in topics:
        EventTopic.objects.create(event=event, topic=topic, report=report)
    return event


def make_participation(
    event: Event, person: Person, *, positions=(), role: str = "speaker", **fields
) -> Participation:
    report = fields.pop("report", None) or event.sources.first()
    participation = Participation.objects.create(
        event=event, person=person, role=role, report=report, **fields
    )
    for order, (title, organization) in enumerate(positions):
        Position.objects.create(
            participation=participation,
            order=order,
            title=title,
            organization=organization,
            report=report,
        )
    return participation


def make_organizer(event: Event, organization: Organization, role: str = "host") -> EventOrganizer:
    return EventOrganizer.objects.create(
        event=event, organization=organization, role=role, report=event.sources.first()
    )


def downloaded(response) -> str:
    """The body of a CSV or JSON download; downloads stream, row by row.

    A CSV starts with a byte-order mark (so spreadsheets read it as UTF-8); it is checked
    here and left out of what the tests parse.
    """
    assert response.streaming
    body = b"".join(response.streaming_content).decode()
    if response["Content-Type"].startswith("text/csv"):
        assert body.startswith("\ufeff")
        return body.removeprefix("\ufeff")
    return body
