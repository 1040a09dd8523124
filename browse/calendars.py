"""iCalendar (RFC 5545) of events, honest about partial dates.

A calendar entry needs a day. An event whose report gives year, month and day becomes an
all-day entry (with its end day when the report gives one); an event with only a month or a
year, or with no year at all, is left out rather than pinned to an invented day. The page
and the API still list those events with the date as stated.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.models import City, Event, Topic, chronological
from people.models import Organization, Person

CALENDAR_SIZE = 500  # the most recent events by date; a calendar is a window, not an archive


def calendar_events(record=None):
    """Events with a full start date (of `record`, when given), latest first, bounded."""
    events = Event.objects.featuring(record) if record is not None else Event.objects.all()
    events = events.filter(
        start_year__isnull=False, start_month__isnull=False, start_day__isnull=False
    )
    return events.select_related("city").order_by(*chronological(), "pk")[:CALENDAR_SIZE]


def _day(year, month, day) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (TypeError, ValueError):
        return None


def build_calendar(events, *, name: str, absolute_url) -> bytes:
    """`absolute_url(path)` turns a record's path into the URL a calendar links to."""
    calendar = Calendar()
    calendar.add("prodid", "-//eventsdb//events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        start = _day(event.start_year, event.start_month, event.start_day)
        if start is None:
            continue
        end = _day(event.end_year, event.end_month, event.end_day)
        entry = CalendarEvent()
        url = absolute_url(event.get_absolute_url())
        entry.add("uid", url)
        entry.add("summary", event.name)
        entry.add("dtstart", start)
        # DTEND of an all-day entry is exclusive: the day after the last day.
        entry.add("dtend", (end if end and end >= start else start) + dt.timedelta(days=1))
        entry.add("dtstamp", event.updated_at)
        entry.add("url", url)
        location = ", ".join(part for part in (event.venue, str(event.city or "")) if part)
        if location:
            entry.add("location", location)
        calendar.add_component(entry)
    return calendar.to_ical()


def calendar_response(request, events, *, name: str, file_name: str):
    body = build_calendar(events, name=name, absolute_url=request.build_absolute_uri)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{file_name}.ics"'
    return response


@require_safe
def all_events(request):
    return calendar_response(
        request, calendar_events(), name="eventsdb: events", file_name="eventsdb-events"
    )


def _scoped(model, phrase):
    @require_safe
    def view(request, slug):
        record = get_object_or_404(model, slug=slug)
        return calendar_response(
            request,
            calendar_events(record),
            name=f"eventsdb: events {phrase} {record}",
            file_name=f"eventsdb-{record.slug}",
        )

    return view


topic_events = _scoped(Topic, "on")
city_events = _scoped(City, "in")
organization_events = _scoped(Organization, "with")
person_events = _scoped(Person, "with")
