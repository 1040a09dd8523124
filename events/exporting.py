"""Loaded reports as the JSON of shared/gold/SCHEMA.md, and participations as CSV rows.

Read from the database, not re-extracted, so editors' corrections are what gets exported.
A fixed number of queries whatever the number of reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Prefetch

from events.models import (
    CityMention,
    Event,
    EventOrganizer,
    EventSource,
    OrganizationMention,
    Participation,
    Position,
    Report,
)

CSV_COLUMNS = [
    "report",
    "event",
    "event_start",
    "city",
    "person",
    "family_name",
    "given_name",
    "role",
    "talk_title",
    "title",
    "organization",
    "organization_acronym",
    "other_positions",
]


def partial_date(year, month, day) -> dict | None:
    if year is None and month is None and day is None:
        return None
    return {"year": year, "month": month, "day": day}


def events_for_export():
    participations = Participation.objects.select_related("person").prefetch_related(
        "person__aliases",
        "mentions",
        Prefetch("positions", queryset=Position.objects.select_related("organization")),
    )
    return Event.objects.select_related("city", "parent").prefetch_related(
        Prefetch("organizer_roles", queryset=EventOrganizer.objects.select_related("organization")),
        Prefetch("participations", queryset=participations),
        Prefetch("city_mentions", queryset=CityMention.objects.select_related("city")),
        "topic_tags__topic",
    )


def export_reports(reports=None) -> dict:
    reports = list((reports if reports is not None else Report.objects.all()).order_by("file_name"))
    sources = defaultdict(list)
    for source in (
        EventSource.objects.filter(report__in=reports)
        .order_by("order")
        .prefetch_related(Prefetch("event", queryset=events_for_export()))
    ):
        sources[source.report_id].append(source.event)
    mentions = defaultdict(list)
    for mention in (
        OrganizationMention.objects.filter(report__in=reports)
        .select_related("organization")
        .order_by("order")
    ):
        mentions[mention.report_id].append(mention.organization)
    return {
        "reports": [
            report_document(report, sources[report.pk], mentions[report.pk]) for report in reports
        ]
    }


def participations_stated_by(event: Event, report: Report) -> list[Participation]:
    """The speakers this report names, in its order; people an editor added count for all.

    One event may have several reports; each report's document lists only what it says.
    """
    ranked = []
    for participation in event.participations.all():
        orders = {m.report_id: m.order for m in participation.mentions.all()}
        if report.pk in orders:
            ranked.append((orders[report.pk], participation.pk, participation))
        elif not orders:
            ranked.append((participation.order, participation.pk, participation))
    return [participation for *_, participation in sorted(ranked, key=lambda r: r[:2])]


def positions_stated_by(participation: Participation, report: Report) -> list[Position]:
    positions = list(participation.positions.all())
    return [p for p in positions if p.report_id == report.pk] or positions


def report_document(report: Report, events: list[Event], organizations) -> dict:
    return {
        "report": report.file_name,
        "title": report.title or None,
        "publisher": report.publisher or None,
        "events": [event_document(event, report) for event in events],
        "organizations": [
            {"name": org.name, "acronym": org.acronym or None, "kind": org.kind}
            for org in organizations
        ],
    }


def event_document(event: Event, report: Report) -> dict:
    participations = participations_stated_by(event, report)
    return {
        "name": event.name,
        "start": partial_date(event.start_year, event.start_month, event.start_day),
        "end": partial_date(event.end_year, event.end_month, event.end_day),
        "city": event.city.name if event.city else None,
        "country": (event.city.country or None) if event.city else None,
        "venue": event.venue or None,
        "part_of": event.parent.name if event.parent else None,
        "organizers": [
            {
                "name": role.organization.name,
                "acronym": role.organization.acronym or None,
                "role": role.role,
            }
            for role in event.organizer_roles.all()
        ],
        "participants": [participant_document(p, report) for p in participations],
        "talks": [
            {"speaker": p.person.name, "title": p.talk_title}
            for p in participations
            if p.talk_title
        ],
        "cities_mentioned": [m.city.name for m in event.city_mentions.all()],
        "attendance": (
            {"approx": event.attendance_approx, "text": event.attendance_text}
            if event.attendance_text
            else None
        ),
        "topics": [tag.topic.name for tag in event.topic_tags.all()],
    }


def participant_document(participation: Participation, report: Report) -> dict:
    person = participation.person
    stated = next((m for m in participation.mentions.all() if m.report_id == report.pk), None)
    return {
        "name": person.name,
        "family_name": person.family_name,
        "given_name": person.given_name,
        # The forms this report used; for a person an editor added, every known alias.
        "forms": stated.forms if stated else [alias.name for alias in person.aliases.all()],
        "role": participation.role,
        "positions": [
            {
                "title": position.title or None,
                "organization": position.organization.name if position.organization else None,
            }
            for position in positions_stated_by(participation, report)
        ],
    }


def participation_rows(reports=None) -> Iterator[dict]:
    """One row per participation, primary position first, the rest joined."""
    document = export_reports(reports)
    for report in document["reports"]:
        acronyms = {org["name"]: org["acronym"] or "" for org in report["organizations"]}
        for event in report["events"]:
            start = event["start"] or {}
            start_text = "-".join(
                "" if start.get(k) is None else str(start[k]) for k in ("year", "month", "day")
            )
            for person in event["participants"]:
                positions = person["positions"]
                primary = positions[0] if positions else {"title": "", "organization": None}
                talk = next(
                    (t["title"] for t in event["talks"] if t["speaker"] == person["name"]), ""
                )
                yield {
                    "report": report["report"],
                    "event": event["name"],
                    "event_start": start_text if event["start"] else "",
                    "city": event["city"] or "",
                    "person": person["name"],
                    "family_name": person["family_name"],
                    "given_name": person["given_name"],
                    "role": person["role"],
                    "talk_title": talk,
                    "title": primary["title"],
                    "organization": primary["organization"] or "",
                    "organization_acronym": acronyms.get(primary["organization"], ""),
                    "other_positions": "; ".join(
                        f"{p['title']}, {p['organization']}" if p["organization"] else p["title"]
                        for p in positions[1:]
                    ),
                }
