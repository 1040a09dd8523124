"""Reports, the events they describe, and every fact linked to the sentence that states it."""

from __future__ import annotations

import calendar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Substr
from simple_history.models import HistoricalRecords

from core.addresses import address_by_slug
from core.counting import SubqueryCount
from core.folding import fold
from core.id_lists import among
from core.models import (
    CurationState,
    DeletedRecord,
    NamedRecord,
    NamedRecordQuerySet,
    SlugRedirect,
)
from people.models import Organization, Person


class ReportQuerySet(models.QuerySet):
    def for_list(self):
        # A correlated count: a page of reports counts its own events, not every report's.
        described = EventSource.objects.filter(report=models.OuterRef("pk")).values("event")
        return self.defer("text", "raw_text", "search_vector").annotate(
            event_count=SubqueryCount(described.distinct())
        )


class Report(models.Model):
    file_name = models.CharField(max_length=255, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    sha256 = models.CharField(
        max_length=64, unique=True, help_text="A second copy of a text is skipped, not stored."
    )
    raw_text = models.TextField(help_text="The text as decoded from the file, before cleaning.")
    text = models.TextField(help_text="Cleaned text; evidence offsets point into it.")
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=300, blank=True)
    encoding = models.CharField(max_length=40, default="utf-8")
    repairs = models.JSONField(default=list, blank=True)
    source_url = models.URLField(
        "original address",
        max_length=500,
        blank=True,
        help_text="Where the report was published, from the Source: line at the top of its file.",
    )
    published = models.DateField(
        null=True, blank=True, help_text="The date the report was published, when its file says."
    )
    loaded_at = models.DateTimeField(auto_now_add=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    search_vector = SearchVectorField(
        null=True, editable=False, help_text="Title and text for full-text search (PostgreSQL)."
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["file_name"]
        indexes = [models.Index(fields=["title"], name="report_title_idx")]

    def __str__(self):
        return self.title or self.file_name

    def get_absolute_url(self):
        return address_by_slug("events:report", self.slug)

    def natural_key(self) -> tuple[str, ...]:
        return (self.file_name,)


class Evidence(models.Model):
    """A fact as stated by one report: the sentence is report.text[start:end]."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def evidence(self) -> str:
        if "evidence_sentence" in self.__dict__:
            return self.__dict__["evidence_sentence"] or ""
        if self.evidence_start is None or self.evidence_end is None:
            return ""
        return self.report.text[self.evidence_start : self.evidence_end]


def evidence_sentence(prefix: str = "") -> Substr:
    """The sentence behind a fact, cut from its report by the database.

    Annotated as `evidence_sentence` on a list of facts (with the report's text deferred),
    so a page of 25 facts reads 25 sentences rather than 25 whole reports.
    """
    start = F(f"{prefix}evidence_start")
    return Substr(f"{prefix}report__text", start + 1, F(f"{prefix}evidence_end") - start)


# What a list of facts never reads of their reports: the texts and their search vector.
REPORT_TEXTS = ("report__text", "report__raw_text", "report__search_vector")


def with_evidence(rows, *related: str):
    """Facts with their reports and the sentence each cites, cut by the database.

    Only for the rows of a page: the cut reads the report's text, which a sort over every
    fact of a busy city would read for each of them.
    """
    return (
        rows.select_related("report", *related)
        .defer(*REPORT_TEXTS)
        .annotate(evidence_sentence=evidence_sentence())
    )


class CityQuerySet(models.QuerySet):
    def with_event_count(self):
        held = Event.objects.filter(city=models.OuterRef("pk")).values("pk")
        return self.annotate(event_count=SubqueryCount(held))


class City(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    province = models.CharField(max_length=120, blank=True)
    country = models.CharField(max_length=100, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    geonames_id = models.PositiveIntegerField(null=True, blank=True, unique=True)

    objects = CityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "cities"
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="city_name_country_unique"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address_by_slug("events:city", self.slug)

    def natural_key(self) -> tuple[str, ...]:
        return (self.name, self.country)


class TopicQuerySet(models.QuerySet):
    def with_event_count(self):
        tagged = EventTopic.objects.filter(topic=models.OuterRef("pk")).values("pk")
        return self.annotate(event_count=SubqueryCount(tagged))


class Topic(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address_by_slug("events:topic", self.slug)

    def natural_key(self) -> tuple[str, ...]:
        return (self.name,)


def format_partial_date(year: int | None, month: int | None, day: int | None) -> str:
    """'19 July (year not stated)', 'September 2021', '6 September 2021', '' when unknown."""
    parts = []
    if day and month:
        parts.append(str(day))
    if month:
        parts.append(calendar.month_name[month])
    if year:
        parts.append(str(year))
        return " ".join(parts)
    if parts:
        return " ".join(parts) + " (year not stated)"
    return ""


def chronological(path: str = "", *, newest_first: bool = True, sorted_after: bool = False) -> list:
    """Events in date order, as precise as the reports give it; undated events come last.

    `path` reaches the event from another model: `chronological("participation__event")`.
    Callers add their own tie-breaker after it (a name, the report's order).

    `sorted_after` orders on the dates wrapped in COALESCE (the same order), which no index
    matches: for the rows of one record (a person's appearances) PostgreSQL then reads those
    rows through the record's index and sorts them, instead of walking every event newest
    first through the date index and probing each for the record's rows, ten times slower
    for the busiest speaker at 100,000 events.
    """
    prefix = f"{path}__" if path else ""
    fields = [F(f"{prefix}{part}") for part in ("start_year", "start_month", "start_day")]
    if sorted_after:
        undated = Value(-1 if newest_first else 1_000_000)
        fields = [Coalesce(field, undated) for field in fields]
        return [field.desc() if newest_first else field.asc() for field in fields]
    if newest_first:
        return [field.desc(nulls_last=True) for field in fields]
    return [field.asc(nulls_last=True) for field in fields]


class EventQuerySet(NamedRecordQuerySet):
    def featuring(self, record):
        """The events of a topic, a city, an organisation (organised, or spoken for) or a
        person, each once: what a record's feed and calendar list."""
        links = {
            Topic: Q(topics=record),
            City: Q(city=record),
            Organization: Q(organizers=record) | Q(participations__positions__organization=record),
            Person: Q(participations__person=record),
        }
        # Through ids: a join to a to-many relation would repeat an event once per row.
        return self.filter(pk__in=Event.objects.filter(links[type(record)]).values("pk"))

    def for_list(self):
        return self.select_related("city", "parent").prefetch_related("topics")

    def with_participant_count(self):
        # A correlated count, not Count() over the join: page 1 then reads 25 events in date
        # order from the index instead of grouping every participation first.
        return self.annotate(
            participant_count=SubqueryCount(
                Participation.objects.filter(event=models.OuterRef("pk")).values("pk")
            )
        )

    def newest_first(self):
        return self.order_by(*Event._meta.ordering)

    def oldest_first(self):
        return self.order_by(*chronological(newest_first=False), "name")

    def for_page(self):
        """What the public event page shows, each relation with the report it cites.

        Participants are not among them: an event may have hundreds, and the page shows them
        a page at a time (`Participation.objects.for_event_page()`).
        """
        return self.select_related("city", "parent").prefetch_related(
            models.Prefetch(
                "organizer_roles",
                queryset=with_evidence(EventOrganizer.objects.all(), "organization"),
            ),
            models.Prefetch(
                "city_mentions", queryset=with_evidence(CityMention.objects.all(), "city")
            ),
            models.Prefetch("claims", queryset=with_evidence(EventClaim.objects.all())),
            models.Prefetch(
                "topic_tags", queryset=with_evidence(EventTopic.objects.all(), "topic")
            ),
            models.Prefetch("children", queryset=Event.objects.select_related("city")),
            models.Prefetch(
                "event_sources",
                queryset=EventSource.objects.select_related("report").defer(*REPORT_TEXTS),
            ),
        )


class Event(NamedRecord, CurationState):
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True)
    key = models.CharField(max_length=300, db_index=True, editable=False)
    start_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Blank when the report does not say; never guessed."
    )
    start_month = models.PositiveSmallIntegerField(null=True, blank=True)
    start_day = models.PositiveSmallIntegerField(null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(null=True, blank=True)
    end_month = models.PositiveSmallIntegerField(null=True, blank=True)
    end_day = models.PositiveSmallIntegerField(null=True, blank=True)
    city = models.ForeignKey(
        City, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    venue = models.CharField(max_length=300, blank=True)
    online = models.BooleanField(
        default=False,
        help_text="Held online (a webinar): no city is expected and none is asked for.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name="part of",
        help_text="The larger event this one belonged to (a fair, an expo, a forum series).",
    )
    attendance_text = models.CharField(
        max_length=100, blank=True, help_text='As the report states it: "nearly 200".'
    )
    attendance_approx = models.PositiveIntegerField(null=True, blank=True)
    sources = models.ManyToManyField(Report, through="EventSource", related_name="events")
    topics = models.ManyToManyField(Topic, through="EventTopic", related_name="events", blank=True)
    organizers = models.ManyToManyField(
        Organization, through="EventOrganizer", related_name="organized_events", blank=True
    )
    cities_mentioned = models.ManyToManyField(
        City, through="CityMention", related_name="mentioned_in_events", blank=True
    )
    # Deleting an event, directly or through its report, takes its review items along.
    review_items = GenericRelation("ReviewItem", related_query_name="event")
    history = HistoricalRecords(
        excluded_fields=["key", "created_at", "updated_at", "search_vector"]
    )

    search_vector = SearchVectorField(
        null=True, editable=False, help_text="Name and venue for full-text search (PostgreSQL)."
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = [*chronological(), "name"]
        # Oldest first and the year facet read this one; newest first (DESC NULLS LAST,
        # which SQLite cannot declare) has its own index in migration 0007.
        indexes = [
            models.Index(
                fields=["start_year", "start_month", "start_day", "name"], name="event_date_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["key"], name="event_key_unique"),
            models.CheckConstraint(
                condition=Q(start_month__isnull=True) | Q(start_month__range=(1, 12)),
                name="event_start_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(start_day__isnull=True)
                | (Q(start_day__range=(1, 31)) & Q(start_month__isnull=False)),
                name="event_start_day_valid",
            ),
            models.CheckConstraint(
                condition=Q(end_month__isnull=True) | Q(end_month__range=(1, 12)),
                name="event_end_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(end_day__isnull=True)
                | (Q(end_day__range=(1, 31)) & Q(end_month__isnull=False)),
                name="event_end_day_valid",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address_by_slug("events:detail", self.slug)

    def keep_old_name(self, old_name: str) -> None:
        """After a rename (by an editor or a changed report) the old name stays an alias, and
        the participations and organisers deleted under it stay deleted."""
        old_key = fold(old_name)
        if not old_key or old_key == self.key:
            return
        EventAlias.objects.get_or_create(event=self, key=old_key, defaults={"name": old_name})
        for model in ("events.participation", "events.eventorganizer"):
            DeletedRecord.objects.follow_rename(model, 0, old_key, self.key)

    @property
    def start_display(self) -> str:
        return format_partial_date(self.start_year, self.start_month, self.start_day)

    @property
    def end_display(self) -> str:
        return format_partial_date(self.end_year, self.end_month, self.end_day)

    @property
    def date_display(self) -> str:
        start, end = self.start_display, self.end_display
        return f"{start} – {end}" if end else start

    @property
    def start_iso(self) -> str:
        """ISO 8601 as far as it is known ('2021-09-06', '2021-09', '2021'), else ''."""
        if not self.start_year:
            return ""
        parts = [f"{self.start_year:04d}"]
        if self.start_month:
            parts.append(f"{self.start_month:02d}")
            if self.start_day:
                parts.append(f"{self.start_day:02d}")
        return "-".join(parts)


class EventAlias(NamedRecord):
    """An earlier name of an event: after a rename, reports that use it still find the event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, db_index=True, editable=False)

    class Meta:
        ordering = ["event", "name"]
        verbose_name_plural = "event aliases"
        constraints = [
            models.UniqueConstraint(fields=["event", "key"], name="event_alias_unique"),
        ]

    def __str__(self):
        return self.name


class EventRedirect(SlugRedirect):
    """An old URL of an event merged into another."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="redirects")
    record_field = "event"


class EventSource(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_sources")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="event_sources")
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Position of the event in the report."
    )

    class Meta:
        ordering = ["event", "report"]
        constraints = [
            models.UniqueConstraint(fields=["event", "report"], name="event_source_unique"),
        ]

    def __str__(self):
        return f"{self.event} ← {self.report.file_name}"


class ClaimField(models.TextChoices):
    NAME = "name", "Name"
    START = "start", "Start date"
    END = "end", "End date"
    CITY = "city", "City"
    VENUE = "venue", "Venue"
    PART_OF = "part_of", "Part of"
    ATTENDANCE = "attendance", "Attendance"


class EventClaim(Evidence):
    """What one report says about one field of an event. Two reports may disagree."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="claims")
    field = models.CharField(max_length=20, choices=ClaimField.choices)
    value = models.CharField(max_length=500)

    class Meta:
        ordering = ["event", "field", "report"]
        constraints = [
            models.UniqueConstraint(fields=["event", "report", "field"], name="event_claim_unique"),
        ]

    def __str__(self):
        return f"{self.get_field_display()}: {self.value}"


class OrganizerRole(models.TextChoices):
    HOST = "host", "Host"
    ORGANIZER = "organizer", "Organizer"
    CO_ORGANIZER = "co-organizer", "Co-organizer"
    SPONSOR = "sponsor", "Sponsor"
    SUPPORTER = "supporter", "Supporter"


class EventOrganizer(Evidence):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organizer_roles")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="organizer_roles"
    )
    role = models.CharField(max_length=20, choices=OrganizerRole.choices)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        # Several reports may state rows of one event at the same place: the older row first,
        # so an export is the same whatever the database's physical row order.
        ordering = ["event", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization"], name="event_organizer_unique"
            ),
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()}) at {self.event}"

    def natural_key(self) -> tuple[str, ...]:
        return (self.event.key, self.organization.key)


class EventTopic(Evidence):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="topic_tags")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="event_tags")
    score = models.FloatField(default=1.0)

    class Meta:
        ordering = ["event", "-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "topic"], name="event_topic_unique")
        ]

    def __str__(self):
        return f"{self.topic} on {self.event}"


class CityMention(Evidence):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="city_mentions")
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="mentions")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["event", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "city"], name="city_mention_unique")
        ]

    def __str__(self):
        return f"{self.city} in {self.event}"


class OrganizationMention(Evidence):
    """An organisation a report names, whatever its part in the event."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="mentions"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["report", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "organization"], name="organization_mention_unique"
            ),
        ]

    def __str__(self):
        return f"{self.organization} in {self.report}"


class ParticipationRole(models.TextChoices):
    SPEAKER = "speaker", "Speaker"
    KEYNOTE = "keynote", "Keynote speaker"
    MODERATOR = "moderator", "Moderator"
    PANELIST = "panelist", "Panelist"
    ATTENDEE = "attendee", "Attendee"


# What a participant card on the event page reads (`events/_participant.html`, the JSON-LD).
CARD_FIELDS = (
    "event_id",
    "role",
    "talk_title",
    "online",
    "order",
    "evidence_start",
    "evidence_end",
    "person__name",
    "person__slug",
    "report__slug",
    "report__title",
)
CARD_POSITION_FIELDS = (
    "participation_id",
    "order",
    "title",
    "organization__name",
    "organization__slug",
)


class ParticipationQuerySet(models.QuerySet):
    def for_event_page(self):
        """Each participant with person, positions and the sentence that names them.

        Only the columns a card shows: a busy event's page builds some 250 records, and
        reading every timestamp and curation field of each cost a quarter of the page.
        """
        return (
            with_evidence(self, "person")
            .only(*CARD_FIELDS)
            .prefetch_related(
                models.Prefetch(
                    "positions",
                    queryset=Position.objects.select_related("organization").only(
                        *CARD_POSITION_FIELDS
                    ),
                )
            )
        )

    def for_person(self):
        return self.select_related("event", "event__city").prefetch_related(
            models.Prefetch("positions", queryset=Position.objects.select_related("organization"))
        )

    def newest_first(self):
        """Newest first, for the appearances of one person (sorted after the person's
        index has found them: see `chronological`)."""
        return self.order_by(*chronological("event", sorted_after=True), "event__name", "pk")


class Participation(Evidence, CurationState):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="participations")
    role = models.CharField(
        max_length=20, choices=ParticipationRole.choices, default=ParticipationRole.SPEAKER
    )
    talk_title = models.CharField(max_length=500, blank=True)
    online = models.BooleanField(default=False, help_text="Spoke remotely.")
    order = models.PositiveSmallIntegerField(default=0)
    confidence = models.FloatField(default=1.0)
    review_items = GenericRelation("ReviewItem", related_query_name="participation")
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="participation_unique"),
            models.CheckConstraint(
                condition=Q(role__in=ParticipationRole.values), name="participation_role_valid"
            ),
        ]
        indexes = [models.Index(fields=["person", "event"], name="participation_person_idx")]

    def __str__(self):
        return f"{self.person} at {self.event} ({self.get_role_display()})"

    def natural_key(self) -> tuple[str, ...]:
        return (self.event.key, self.person.key)

    @property
    def primary_position(self):
        positions = list(self.positions.all())
        return positions[0] if positions else None


class ParticipantMention(Evidence):
    """One report's statement that a person took part in an event.

    Two reports of one event each name their own speakers; the export of a report and the
    removal of what a changed report no longer says both go by these rows.
    """

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="mentions"
    )
    order = models.PositiveSmallIntegerField(default=0)
    forms = models.JSONField(
        default=list,
        blank=True,
        help_text='The other ways this report writes the name ("LIU Yi", "Mr. Liu").',
    )

    class Meta:
        ordering = ["report", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "report"], name="participant_mention_unique"
            ),
        ]
        indexes = [models.Index(fields=["report", "order"], name="participant_mention_report_idx")]

    def __str__(self):
        return f"{self.participation} in {self.report}"


class PositionQuerySet(models.QuerySet):
    def at_organizations(self, hits: dict):
        """Positions held at the matched organisations (`people.matching` hits), each with
        `match_tier` and `match_reason` of its organisation."""
        from people.matching import reason_of, tier_of

        return (
            self.order_by()
            .filter(among("organization_id", hits))
            .annotate(
                match_tier=tier_of(hits, "organization_id"),
                match_reason=reason_of(hits, "organization_id"),
            )
        )

    def matching_affiliation(self, text: str):
        """Positions held at an organisation the words mean: "WB", "Tsinghua University"."""
        from people.matching import match_organizations

        return self.at_organizations(match_organizations(text))

    def latest_first(self):
        """From the latest dated appearance back; within one appearance, in the report's order."""
        return self.order_by(*chronological("participation__event"), "-participation__pk", "order")


class Position(Evidence):
    """A title held at the time of an event, at an organisation when the report names one."""

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="positions"
    )
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )

    objects = PositionQuerySet.as_manager()

    class Meta:
        ordering = ["participation", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "order"], name="position_order_unique"
            ),
        ]

    def __str__(self):
        return f"{self.title}, {self.organization}" if self.organization_id else self.title


class ReviewStatus(models.TextChoices):
    OPEN = "open", "Needs review"
    CONFIRMED = "confirmed", "Confirmed"
    CORRECTED = "corrected", "Corrected"


class ReviewReason(models.TextChoices):
    """Why a fact waits for an editor: the extraction's warnings and the import's own."""

    NO_YEAR = "no-year", "No year stated"
    NO_DATE = "no-date", "No date stated"
    NO_CITY = "no-city", "No city stated"
    NO_AFFILIATION = "no-affiliation", "No organisation for the person"
    AMBIGUOUS_ORGANIZATION = "ambiguous-organization", "Organisation ambiguous"
    SINGLE_WORD_NAME = "single-word-name", "Only one word of the name"
    UNKNOWN_ORGANIZATION_KIND = "unknown-organization-kind", "Kind of organisation guessed"
    NAME_ORDER_GUESSED = "name-order-guessed", "Family name guessed"
    REPORTS_DISAGREE = "reports-disagree", "Reports disagree"
    POSSIBLE_NAMESAKE = "possible-namesake", "Possible namesake"
    NEW_RECORD = "new-record", "New record from pasted text"
    NEW_FROM_ADMIN = "new-from-admin", "Event from pasted text"
    NO_SOURCE = "no-source", "No report supports it"


class ReviewItemQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ReviewStatus.OPEN)


class ReviewItem(models.Model):
    """A fact the extraction was unsure of, waiting for an editor."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(
        max_length=40,
        choices=ReviewReason.choices,
        help_text="A stable code: no-year, no-affiliation...",
    )
    message = models.CharField(max_length=500)
    namesake = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="For a possible namesake: the other person of that name. Merge them if they "
        "are one person.",
    )
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.CASCADE)
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    objects = ReviewItemQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-created_at"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="review_item_record_idx"),
            models.Index(fields=["status", "reason"], name="review_item_status_reason_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reason"], name="review_item_unique"
            ),
        ]

    def __str__(self):
        return self.message

    @property
    def evidence(self) -> str:
        if self.report_id is None or self.evidence_start is None:
            return ""
        return self.report.text[self.evidence_start : self.evidence_end]


class ImportState(models.TextChoices):
    QUEUED = "queued", "Queued"
    EXTRACTING = "extracting", "Extracting"
    STORING = "storing", "Storing"
    LOADED = "loaded", "Loaded"
    SKIPPED = "skipped", "Skipped"
    RETRYING = "retrying", "Failed; will be retried"
    FAILED = "failed", "Failed"


class ReportImportQuerySet(models.QuerySet):
    def for_status(self):
        return self.select_related("report", "requested_by").defer("data")

    def unfinished(self):
        return self.exclude(state__in=[ImportState.LOADED, ImportState.SKIPPED, ImportState.FAILED])


class ReportImport(models.Model):
    """One report handed to the import queue, and what became of it.

    The text travels with the row, so a worker on any machine can load it.
    """

    file_name = models.CharField(max_length=1000)
    sha256 = models.CharField(max_length=64)
    data = models.BinaryField(editable=False, help_text="The file as queued; emptied once loaded.")
    state = models.CharField(max_length=12, choices=ImportState.choices, default=ImportState.QUEUED)
    error = models.TextField(blank=True, help_text="Why the last attempt failed.")
    outcome = models.CharField(max_length=500, blank=True, help_text="What the import did.")
    attempts = models.PositiveSmallIntegerField(default=0)
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    extract_seconds = models.FloatField(null=True, blank=True)
    ingest_seconds = models.FloatField(null=True, blank=True)
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="imports"
    )
    review_new_records = models.BooleanField(
        default=False, help_text="Added by an editor: the new records are flagged for review."
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    objects = ReportImportQuerySet.as_manager()

    class Meta:
        ordering = ["-queued_at", "-pk"]
        indexes = [models.Index(fields=["state", "queued_at"], name="report_import_state_idx")]

    def __str__(self):
        return f"{self.file_name} ({self.get_state_display()})"
