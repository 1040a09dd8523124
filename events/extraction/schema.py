"""Render an ExtractedReport as the event-report JSON of shared/gold/SCHEMA.md."""

from __future__ import annotations

from pathlib import PurePath

from events.extraction.records import (
    ExtractedEvent,
    ExtractedReport,
    OrganizationMention,
    PartialDate,
    Participant,
)


def report_as_schema(report: ExtractedReport) -> dict:
    """One report document: {"report", "title", "publisher", "events": [...], "organizations": [...]}."""
    acronyms = {org.name: org.acronym for org in report.organizations}
    return {
        "report": PurePath(report.source).name,
        "title": report.title or None,  # a page with no headline
        "publisher": report.publisher,
        "events": [event_as_schema(event, acronyms) for event in report.events],
        "organizations": [organization_as_schema(org) for org in report.organizations],
    }


def event_as_schema(event: ExtractedEvent, acronyms: dict[str, str | None]) -> dict:
    return {
        "name": event.name.value,
        "start": date_as_schema(event.start),
        "end": date_as_schema(event.end),
        "city": event.city.name if event.city else None,
        "country": event.city.country if event.city else None,
        "venue": event.venue.value if event.venue else None,
        "part_of": event.part_of.value if event.part_of else None,
        "organizers": [
            {"name": o.organization, "acronym": acronyms.get(o.organization), "role": str(o.role)}
            for o in event.organizers
        ],
        "participants": [participant_as_schema(p) for p in event.participants],
        "talks": [
            {"speaker": p.name.display, "title": p.talk_title}
            for p in event.participants
            if p.talk_title
        ],
        "cities_mentioned": [place.name for place in event.cities_mentioned],
        "attendance": (
            {"approx": event.attendance.approx, "text": event.attendance.text}
            if event.attendance
            else None
        ),
        "topics": [topic.name for topic in event.topics],
    }


def participant_as_schema(participant: Participant) -> dict:
    name = participant.name
    return {
        "name": name.display,
        "family_name": name.family,
        "given_name": name.given,
        "forms": list(name.forms),
        "role": str(participant.role),
        "positions": [
            {"title": p.title or None, "organization": p.organization}
            for p in participant.positions
        ],
    }


def organization_as_schema(org: OrganizationMention) -> dict:
    return {"name": org.name, "acronym": org.acronym, "kind": str(org.kind)}


def date_as_schema(date: PartialDate | None) -> dict | None:
    if date is None:
        return None
    return {"year": date.year, "month": date.month, "day": date.day}
