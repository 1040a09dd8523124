"""What the API says about each record. Every fact carries the sentence and report behind it."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import (
    City,
    Event,
    EventOrganizer,
    Participation,
    Position,
    Report,
    Topic,
)
from people.models import Organization, Person

PART = {"type": "integer", "nullable": True}


@extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "description": "As precise as the report; a part it does not state is null.",
        "properties": {"year": PART, "month": PART, "day": PART},
        "required": ["year", "month", "day"],
    }
)
class PartialDateField(serializers.Field):
    """A date as precise as the report: {"year": 2021, "month": 9, "day": null}."""

    def __init__(self, prefix: str, **kwargs):
        self.prefix = prefix
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, record):
        parts = {
            part: getattr(record, f"{self.prefix}_{part}") for part in ("year", "month", "day")
        }
        return parts if any(parts.values()) else None


@extend_schema_field(
    {
        "type": "object",
        "properties": {
            "sentence": {"type": "string", "nullable": True},
            "report": {"type": "string", "format": "uri"},
            "report_title": {"type": "string"},
        },
        "required": ["sentence", "report", "report_title"],
    }
)
class EvidenceField(serializers.Field):
    """The sentence a fact comes from, and the report that says it."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, fact):
        sentence = getattr(fact, "evidence_sentence", None)
        if sentence is None:
            sentence = fact.evidence
        report = fact.report
        return {
            "sentence": sentence or None,
            "report": self.context["request"].build_absolute_uri(report.get_absolute_url()),
            "report_title": report.title,
        }


def _url(serializer, record) -> str:
    return serializer.context["request"].build_absolute_uri(record.get_absolute_url())


class LinkedSerializer(serializers.ModelSerializer):
    """Each record names its page on the site and its API URL; slugs are its identifiers."""

    url = serializers.SerializerMethodField()

    def get_url(self, record) -> str:
        return _url(self, record)


class CityRefSerializer(LinkedSerializer):
    class Meta:
        model = City
        fields = ["slug", "name", "country", "url"]


class TopicSerializer(LinkedSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name", "description", "url"]


class CitySerializer(LinkedSerializer):
    class Meta:
        model = City
        fields = ["slug", "name", "province", "country", "latitude", "longitude", "url"]


class OrganizationRefSerializer(LinkedSerializer):
    class Meta:
        model = Organization
        fields = ["slug", "name", "acronym", "url"]


class OrganizationSerializer(LinkedSerializer):
    parent = OrganizationRefSerializer(read_only=True)

    class Meta:
        model = Organization
        fields = ["slug", "name", "acronym", "kind", "country", "parent", "url"]


class OrganizationDetailSerializer(OrganizationSerializer):
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    units = OrganizationRefSerializer(many=True, read_only=True)

    class Meta(OrganizationSerializer.Meta):
        fields = [*OrganizationSerializer.Meta.fields, "description", "aliases", "units"]


class PersonSerializer(LinkedSerializer):
    class Meta:
        model = Person
        fields = ["slug", "name", "family_name", "given_name", "url"]


class EventRefSerializer(LinkedSerializer):
    start = PartialDateField("start")

    class Meta:
        model = Event
        fields = ["slug", "name", "start", "url"]


class EventSerializer(LinkedSerializer):
    start = PartialDateField("start")
    end = PartialDateField("end")
    date = serializers.CharField(source="date_display", read_only=True)
    city = CityRefSerializer(read_only=True)
    topics = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Event
        fields = ["slug", "name", "start", "end", "date", "city", "venue", "topics", "url"]


class PositionSerializer(serializers.ModelSerializer):
    organization = OrganizationRefSerializer(read_only=True)
    evidence = EvidenceField()

    class Meta:
        model = Position
        fields = ["title", "organization", "evidence"]


class ParticipantSerializer(serializers.ModelSerializer):
    person = PersonSerializer(read_only=True)
    positions = PositionSerializer(many=True, read_only=True)
    evidence = EvidenceField()

    class Meta:
        model = Participation
        fields = ["person", "role", "talk_title", "online", "positions", "evidence"]


class OrganizerSerializer(serializers.ModelSerializer):
    organization = OrganizationRefSerializer(read_only=True)
    evidence = EvidenceField()

    class Meta:
        model = EventOrganizer
        fields = ["organization", "role", "evidence"]


class ReportRefSerializer(LinkedSerializer):
    class Meta:
        model = Report
        fields = ["slug", "title", "publisher", "url"]


class EventDetailSerializer(EventSerializer):
    part_of = EventRefSerializer(source="parent", read_only=True)
    organizers = OrganizerSerializer(source="organizer_roles", many=True, read_only=True)
    participants = ParticipantSerializer(source="participations", many=True, read_only=True)
    attendance = serializers.SerializerMethodField()
    sources = ReportRefSerializer(many=True, read_only=True)

    class Meta(EventSerializer.Meta):
        fields = [
            *EventSerializer.Meta.fields,
            "part_of",
            "attendance",
            "organizers",
            "participants",
            "sources",
        ]

    def get_attendance(self, event) -> dict | None:
        if not event.attendance_text and event.attendance_approx is None:
            return None
        return {"approx": event.attendance_approx, "text": event.attendance_text or None}


class AppearanceSerializer(serializers.ModelSerializer):
    """One person at one event: the flat, citable row most people want."""

    person = PersonSerializer(read_only=True)
    event = EventRefSerializer(read_only=True)
    city = CityRefSerializer(source="event.city", read_only=True)
    positions = PositionSerializer(many=True, read_only=True)
    evidence = EvidenceField()

    class Meta:
        model = Participation
        fields = ["person", "role", "event", "city", "positions", "evidence"]


class PersonDetailSerializer(PersonSerializer):
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "aliases"]


class ReportSerializer(ReportRefSerializer):
    class Meta(ReportRefSerializer.Meta):
        fields = [
            *ReportRefSerializer.Meta.fields,
            "source_url",
            "published",
            "file_name",
            "loaded_at",
        ]


class ReportDetailSerializer(ReportSerializer):
    events = EventRefSerializer(many=True, read_only=True)

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "text", "events"]
