"""Downloads for people who take the data elsewhere: the provenance table of participations,
and everything at once for researchers. Both stream, so their size never meets a memory limit.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import Http404, StreamingHttpResponse
from django.views.decorators.http import require_safe

from browse.filters.participations import ParticipationFilter
from browse.views.lists import DOWNLOAD_CHUNK, csv_response, download_file_name, json_lines
from events.models import (
    City,
    Event,
    EventOrganizer,
    Participation,
    Position,
    Report,
    Topic,
    with_evidence,
)
from people.models import Organization, Person

PARTICIPATION_FIELDS = (
    "person",
    "person_url",
    "role",
    "title",
    "organisation",
    "organisation_url",
    "event",
    "event_url",
    "date",
    "city",
    "report",
    "report_page",
    "report_url",
    "evidence",
)


def participation_rows(request, participations) -> Iterator[dict]:
    """One row per person per event, with the first title and affiliation the report gives."""
    url = request.build_absolute_uri
    rows = (
        with_evidence(participations, "person", "event__city")
        .prefetch_related(
            Prefetch(
                "positions",
                queryset=Position.objects.select_related("organization").order_by("order"),
            )
        )
        .order_by("pk")
    )
    for p in rows.iterator(chunk_size=DOWNLOAD_CHUNK):
        positions = list(p.positions.all())
        first = positions[0] if positions else None
        organization = first.organization if first else None
        yield {
            "person": p.person.name,
            "person_url": url(p.person.get_absolute_url()),
            "role": p.role,
            "title": first.title if first else "",
            "organisation": organization.name if organization else "",
            "organisation_url": url(organization.get_absolute_url()) if organization else "",
            "event": p.event.name,
            "event_url": url(p.event.get_absolute_url()),
            "date": p.event.date_display,
            "city": p.event.city.name if p.event.city_id else "",
            "report": p.report.title,
            "report_page": url(p.report.get_absolute_url()),
            "report_url": p.report.source_url,
            "evidence": p.evidence_sentence or "",
        }


@require_safe
def participations(request, fmt: str):
    """/downloads/participations.csv (or .json), with the speakers and events filters."""
    filterset = ParticipationFilter(request.GET, queryset=Participation.objects.all())
    chosen = filterset.qs if filterset.is_valid() else Participation.objects.none()
    rows = participation_rows(request, chosen)
    name = download_file_name("participations", request.GET)
    if fmt == "csv":
        return csv_response(rows, f"{name}.csv", PARTICIPATION_FIELDS)
    if fmt != "json":
        raise Http404("Downloads come as .csv or .json.")
    response = StreamingHttpResponse(json_lines(rows), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


def _records(request) -> Iterator[dict]:
    """Every record as one JSON object a line, each saying what it is; ids are slugs."""
    url = request.build_absolute_uri
    simple = [
        (
            "city",
            City.objects.all(),
            ("slug", "name", "province", "country", "latitude", "longitude"),
        ),
        ("topic", Topic.objects.all(), ("slug", "name", "description")),
        ("person", Person.objects.all(), ("slug", "name", "family_name", "given_name")),
    ]
    for kind, queryset, fields in simple:
        for record in queryset.order_by("pk").iterator(chunk_size=DOWNLOAD_CHUNK):
            yield {
                "type": kind,
                **{f: getattr(record, f) for f in fields},
                "url": url(record.get_absolute_url()),
            }
    for org in (
        Organization.objects.select_related("parent")
        .order_by("pk")
        .iterator(chunk_size=DOWNLOAD_CHUNK)
    ):
        yield {
            "type": "organisation",
            "slug": org.slug,
            "name": org.name,
            "acronym": org.acronym,
            "kind": org.kind,
            "country": org.country,
            "part_of": org.parent.slug if org.parent_id else None,
            "url": url(org.get_absolute_url()),
        }
    for report in Report.objects.defer("raw_text").order_by("pk").iterator(chunk_size=100):
        yield {
            "type": "report",
            "slug": report.slug,
            "title": report.title,
            "publisher": report.publisher,
            "source_url": report.source_url,
            "published": report.published,
            "text": report.text,
            "url": url(report.get_absolute_url()),
        }
    events = Event.objects.select_related("city", "parent").prefetch_related(
        "topics",
        "sources",
        Prefetch("organizer_roles", queryset=EventOrganizer.objects.select_related("organization")),
    )
    for event in events.order_by("pk").iterator(chunk_size=DOWNLOAD_CHUNK):
        yield {
            "type": "event",
            "slug": event.slug,
            "name": event.name,
            "start": {"year": event.start_year, "month": event.start_month, "day": event.start_day},
            "end": {"year": event.end_year, "month": event.end_month, "day": event.end_day},
            "date": event.date_display,
            "city": event.city.slug if event.city_id else None,
            "venue": event.venue,
            "part_of": event.parent.slug if event.parent_id else None,
            "topics": [topic.slug for topic in event.topics.all()],
            "organisers": [
                {"organisation": role.organization.slug, "role": role.role}
                for role in event.organizer_roles.all()
            ],
            "reports": [report.slug for report in event.sources.all()],
            "url": url(event.get_absolute_url()),
        }
    for row in participation_rows(request, Participation.objects.all()):
        yield {"type": "participation", **row}


def _gzip_lines(records) -> Iterator[bytes]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    for record in records:
        line = json.dumps(record, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n"
        chunk = compressor.compress(line.encode())
        if chunk:
            yield chunk
    yield compressor.flush()


@require_safe
def everything(request):
    """/downloads/eventsdb.jsonl.gz: the whole knowledge base, one record a line, gzipped."""
    response = StreamingHttpResponse(
        _gzip_lines(_records(request)), content_type="application/gzip"
    )
    response["Content-Disposition"] = 'attachment; filename="eventsdb.jsonl.gz"'
    return response
