"""Atom and RSS feeds of newly added events: site-wide, and per topic, city, organisation and
speaker. A feed is always the latest FEED_SIZE events, newest first, so it costs one indexed
query however large the corpus grows."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from events.models import City, Event, Topic
from people.models import Organization, Person

FEED_SIZE = 30


class LatestEventsFeed(Feed):
    """RSS 2.0 of the events added most recently (by the time they were first imported)."""

    title = "eventsdb: newly added events"
    link = "/events/"
    description = "Green and low-carbon development events in China, as they are added."

    def items(self):
        return Event.objects.select_related("city").order_by("-created_at", "-pk")[:FEED_SIZE]

    def item_title(self, event):
        return event.name

    def item_description(self, event):
        parts = [event.date_display or "Date not stated"]
        if event.city:
            parts.append(event.city.name)
        if event.venue:
            parts.append(event.venue)
        return " · ".join(parts)

    def item_pubdate(self, event):
        return event.created_at

    def item_updateddate(self, event):
        return event.updated_at


class ScopedEventsFeed(LatestEventsFeed):
    """Newly added events of one record (`Event.objects.featuring`); subclasses name its model."""

    model = None
    phrase = ""

    def get_object(self, request, slug):
        return get_object_or_404(self.model, slug=slug)

    def title(self, obj):
        return f"eventsdb: events {self.phrase} {obj}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return f"Green and low-carbon development events {self.phrase} {obj}, as they are added."

    def items(self, obj):
        events = Event.objects.featuring(obj)
        return events.select_related("city").order_by("-created_at", "-pk")[:FEED_SIZE]


class TopicEventsFeed(ScopedEventsFeed):
    model, phrase = Topic, "on"


class CityEventsFeed(ScopedEventsFeed):
    model, phrase = City, "in"


class OrganizationEventsFeed(ScopedEventsFeed):
    """Events the organisation organised or where someone spoke on its behalf."""

    model, phrase = Organization, "with"


class PersonEventsFeed(ScopedEventsFeed):
    model, phrase = Person, "with"


def atom(feed_class):
    """The same feed as Atom 1.0."""
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed})
