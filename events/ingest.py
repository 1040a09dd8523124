"""The one place where extracted records meet the database.

`ingest_report` is idempotent: the same report twice changes nothing; a report whose text
changed replaces what it said before. Editors' work always wins over the extraction:
a field named in a record's `curated_fields`, any field of a record an editor created, and
a record an editor deleted (a `DeletedRecord` tombstone) are never overwritten or brought back.
"""

from __future__ import annotations

import re
import time
import zlib
from dataclasses import dataclass, field

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, OperationalError, connection, models, transaction
from django.db.models import Q
from django.utils import timezone

from core.data_version import one_data_change
from core.history import history_values, skip_history
from core.models import DeletedRecord, fit
from core.read_batch import ReadBatch
from core.write_batch import WriteBatch
from events.extraction import records as rec
from events.models import (
    City,
    CityMention,
    ClaimField,
    Event,
    EventClaim,
    EventOrganizer,
    EventSource,
    EventTopic,
    OrganizationMention,
    ParticipantMention,
    Participation,
    Position,
    Report,
    ReviewItem,
    ReviewStatus,
    Topic,
)
from events.sources import ReportSource
from people.models import (
    AliasKind,
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
)
from people.naming import fold, free_slugs, slug_base, taken_slugs

# Imports run from the command line have no editor behind them; history names this account.
IMPORT_USERNAME = "load_reports"

# An event held online has no city to find. The extraction warns "no-city" all the same, so
# the import decides from the event's own name and venue, or from every speaker being remote.
ONLINE_EVENT = re.compile(
    r"""
    \b(?:
        webinars?                      # "Green Finance Webinar"
      | online                         # "an online forum", venue "Online"
      | virtual(?:ly)?                 # "a virtual round table"
      | via\s+(?:zoom|teams|webex)     # venue "via Zoom"
    )\b
    """,
    re.IGNORECASE | re.VERBOSE,
)

# How many people written the same way are told apart by their organisations.
MAX_NAMESAKES = 5

# Review reasons the ingest adds on top of the extraction's own warnings.
REPORTS_DISAGREE = "reports-disagree"
POSSIBLE_NAMESAKE = "possible-namesake"
NEW_RECORD = "new-record"
# Every event of a report an editor added in the admin, new or not.
NEW_FROM_ADMIN = "new-from-admin"

REVIEW_MESSAGES = {
    rec.Warning.NO_YEAR: "The report does not give the year of this event.",
    rec.Warning.NO_DATE: "The report does not say when this event took place.",
    rec.Warning.NO_CITY: "The report does not say where this event took place.",
    rec.Warning.NO_AFFILIATION: "The report gives no organisation for this person.",
    rec.Warning.AMBIGUOUS_ORGANIZATION: "The organisation could not be told apart from another.",
    rec.Warning.SINGLE_WORD_NAME: "Only one word of this person's name is known.",
    rec.Warning.UNKNOWN_ORGANIZATION_KIND: "The kind of this organisation is a guess.",
    rec.Warning.NAME_ORDER_GUESSED: "Which part of this name is the family name is a guess.",
}


@dataclass
class IngestResult:
    file_name: str
    status: str = "unchanged"  # created | updated | unchanged | deleted | duplicate
    twin: str | None = None  # for a duplicate: the report that has the same text
    events: int = 0
    participants: int = 0
    organizations: int = 0
    created: dict[str, int] = field(default_factory=dict)
    review_items: int = 0

    def count(self, label: str) -> None:
        self.created[label] = self.created.get(label, 0) + 1

    def summary(self) -> str:
        if self.status == "unchanged":
            return "unchanged"
        if self.status == "deleted":
            return "skipped: an editor deleted this report"
        made = ", ".join(f"{n} new {label}" for label, n in sorted(self.created.items()))
        return (
            f"{self.status}: {self.events} event(s), {self.participants} participant(s), "
            f"{self.organizations} organisation(s)" + (f"; {made}" if made else "")
        )


def ingest_report(
    extracted: rec.ExtractedReport,
    *,
    raw_text: str,
    sha256: str,
    file_name: str,
    dry_run: bool = False,
    review_new_records: bool = False,
    user=None,
    source: ReportSource | None = None,
) -> IngestResult:
    """Write one extracted report in one transaction. With dry_run nothing is kept.

    Every record it adds or changes gets an entry in the admin history, by `user` (the editor
    who added the report in the admin) or by the import account.

    Safe beside any number of other imports: see `serialize_ingests`. A write that still meets a
    concurrent twin (an editor saving the same name, a deadlock) rolls the report back and runs
    it again against what is committed now.
    """
    for attempt in range(1, INGEST_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                return _ingest_in_turn(
                    extracted,
                    raw_text=raw_text,
                    sha256=sha256,
                    file_name=file_name,
                    dry_run=dry_run,
                    review_new_records=review_new_records,
                    user=user,
                    source=source,
                )
        except (IntegrityError, OperationalError):
            if attempt == INGEST_ATTEMPTS:
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


# A report meeting a concurrent twin is tried again this many times in all.
INGEST_ATTEMPTS = 3
# pg_advisory_xact_lock key shared by every process that ingests into this database.
INGEST_LOCK = zlib.crc32(b"eventsdb.ingest")


def serialize_ingests() -> None:
    """On PostgreSQL, ingests take turns, each in its own transaction.

    Matching is order-dependent by design (an acronym learned from one report finds the
    organisation in the next), so two ingests that interleave could make records no sequential
    run makes. A transaction-scoped advisory lock puts every ingest on any machine in one
    order; extraction, the CPU-bound part, still runs in parallel. SQLite admits one writer
    at a time anyway.
    """
    lock = ingest_lock()
    if lock is not None:
        with connection.cursor() as cursor:
            cursor.execute(*lock)


def ingest_lock(*, wait_for_disk: bool = True) -> tuple[str, list] | None:
    """The statement that takes the ingests' turn, or None where there is none to take.

    Without `wait_for_disk` the transaction's commit returns before its WAL is flushed. The
    flush is most of an ingest's commit (1.1 of 2.3 ms a report on a quiet benchmark VM, 8.6
    of 16 ms while other work kept its disk busy) and it is spent holding the lock, so every
    other ingest waits for the disk too. A crash
    can then lose the last fraction of a second of imports, never half a report: WAL is
    written in order, so whatever a later synchronous commit made durable (a queue job marked
    done, an editor's save) has every ingest before it durable too, and running the import
    again loads what is missing, since only a stored report is skipped as unchanged.
    """
    if connection.vendor != "postgresql":
        return None
    if wait_for_disk:
        return "SELECT pg_advisory_xact_lock(%s)", [INGEST_LOCK]
    return (
        "SELECT pg_advisory_xact_lock(%s), set_config('synchronous_commit', 'off', true)",
        [INGEST_LOCK],
    )


def _ingest_in_turn(
    extracted, *, raw_text, sha256, file_name, dry_run, review_new_records, user, source
) -> IngestResult:
    result = IngestResult(file_name=file_name)
    # What the report and its names may meet, read before anything is written, in one round
    # trip on PostgreSQL (elsewhere each read runs only if it is needed). That round trip
    # takes the ingests' turn first (`serialize_ingests`): what is built and compiled before
    # it, from the report alone, costs the others no waiting.
    reads = ReadBatch(lead=ingest_lock(wait_for_disk=False))
    # Every tombstone in one read: the report's own, and those of the records it names.
    # Reads whose answers become sets or dicts by a unique key ask for no order: sorting by
    # a model's default ordering costs a join or two per query, in SQL and in Python.
    tombstones = reads.add(DeletedRecord.objects.order_by().values_list("model", "key"))
    known = reads.add(Report.objects.filter(Q(file_name=file_name) | Q(sha256=sha256)).order_by())
    ingest = _Ingest(
        extracted,
        result,
        reads,
        review_new_records=review_new_records,
        file_name=file_name,
        user=user,
    )
    tombstones = set(tombstones.result())
    if (Report._meta.label_lower, file_name) in tombstones:
        result.status = "deleted"
        return result
    known = {r.file_name: r for r in known.result()}
    existing = known.pop(file_name, None)
    if existing is not None and existing.sha256 == sha256:
        return result
    if known:
        # Another import stored the same text under another name while this one extracted.
        result.status = "duplicate"
        result.twin = next(iter(known))
        return result
    # Inside the caller's transaction: the bump commits with the data, or not at all.
    with one_data_change(ingest.batch):
        ingest.load(tombstones)
        ingest.run(
            existing,
            raw_text=raw_text,
            sha256=sha256,
            file_name=file_name,
            source=source or ReportSource(),
        )
        ingest.write_history(user or ingest.account.result() or import_user(), file_name)
    ingest.batch.send()
    if dry_run:
        transaction.set_rollback(True)
    return result


def import_user():
    """The inactive account that imports are recorded under; it can never log in."""
    user, created = get_user_model().objects.get_or_create(
        username=IMPORT_USERNAME, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def is_tombstoned(model: type[models.Model], key: str) -> bool:
    return DeletedRecord.objects.filter(model=model._meta.label_lower, key=key).exists()


def participation_key(event: Event, person: Person) -> str:
    return DeletedRecord.key_of(Participation(event=event, person=person))


def apply_fields(obj, values: dict) -> list[str]:
    """Set the values an editor has not curated; return the names that changed."""
    changed = []
    for name, value in values.items():
        if obj.is_curated(name):
            continue
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed


def is_fresh(obj) -> bool:
    """Created by this ingest: nothing points at it yet but what this ingest writes."""
    return getattr(obj, "_ingest_fresh", False)


def position_organization(position: Position):
    """`ref` of a position's organisation, without reading a saved position's organisation."""
    if position.pk is None:
        return ref(position.organization)
    return (Organization, position.organization_id) if position.organization_id else None


def span_fields(span: rec.Span | None) -> dict:
    if span is None:
        return {"evidence_start": None, "evidence_end": None}
    return {"evidence_start": span.start, "evidence_end": span.end}


def date_fields(prefix: str, date: rec.PartialDate | None) -> dict:
    return {
        f"{prefix}_year": date.year if date else None,
        f"{prefix}_month": date.month if date else None,
        f"{prefix}_day": date.day if date else None,
    }


def format_claim_date(date: rec.PartialDate | None) -> str:
    if date is None:
        return ""
    return "-".join(
        "??" if part is None else str(part) for part in (date.year, date.month, date.day)
    )


# Records an ingest creates in bulk at the end, in this order (each may point at the ones
# before); the others (reports, events, cities, topics) are few and saved as they are met.
DEFERRED = (Organization, Person, Participation)


def ref(value):
    """What identifies a value within one ingest: a saved record by its id, a record still
    to be written by the object itself."""
    if isinstance(value, models.Model):
        return (type(value), value.pk) if value.pk is not None else ("new", id(value))
    return value


class _Ingest:
    """The state of one report's ingest: what was touched, so the rest can be removed.

    It costs a bounded number of statements, not a few per name: what the report's names may
    match is read up front in one query per kind, new people, organisations, participations,
    positions and aliases are written by one INSERT per model at the end (`write_new_records`),
    and relation rows by one INSERT ... ON CONFLICT per model (`write_upserts`).
    """

    def __init__(
        self,
        extracted: rec.ExtractedReport,
        result: IngestResult,
        reads: ReadBatch,
        *,
        review_new_records,
        file_name: str,
        user,
    ):
        """Queue in `reads` what the report's names may match; `load` reads it."""
        self.x = extracted
        self.result = result
        self.review_new_records = review_new_records
        self.orgs_by_name: dict[str, Organization] = {}
        self.changed: set[tuple[type, int]] = set()
        self.history: list[tuple[models.Model, int, list[str]]] = []
        self.report: Report | None = None
        self.parents_before: set[int] = set()
        self.orgs_before: set[int] = set()
        self.reviews: dict[tuple, tuple[models.Model, ReviewItem]] = {}
        self.org_matches = _Matches(
            reads,
            Organization,
            "organization",
            organization_keys(extracted),
            org_alias_keys(extracted),
        )
        self.person_matches = _Matches(
            reads, Person, "person", person_keys(extracted), person_keys(extracted, lone=True)
        )
        self.aliases_made: set[tuple] = set()
        self.lone_names: dict[tuple[int, str], Person] = {}
        self.upserts: dict[type, tuple[dict, tuple[str, ...], set[int] | None]] = {}
        self.tombstones: set[tuple[str, str]] = set()
        self.cities = _Places(extracted, reads)
        self.topics_read = reads.add(
            Topic.objects.filter(
                slug__in={tag.slug for event in extracted.events for tag in event.topics}
            ).order_by()
        )
        self.topics: dict[str, Topic] = {}
        # A new report's slug, from its headline; the file name only when there is none.
        self.report_slug_base = slug_base(extracted.title or file_name.rsplit(".", 1)[0])
        self.report_slugs = reads.add(taken_slugs(Report, [self.report_slug_base]))
        self.account = (
            reads.first(get_user_model().objects.filter(username=IMPORT_USERNAME))
            if user is None
            else None
        )
        # Written at the end, in bulk: new records, saves of changed ones, positions, aliases.
        self.pending: dict[type, list] = {model: [] for model in DEFERRED}
        self.pending_saves: dict[tuple, models.Model] = {}
        self.new_aliases: dict[type, list] = {OrganizationAlias: [], PersonAlias: []}
        self.new_positions: list[Position] = []
        self.new_topics: list[Topic] = []
        self.new_cities: list[City] = []
        self.gone_positions: list[int] = []
        self.positions_now: dict[tuple, list[Position]] = {}
        self.participations: dict[tuple, Participation] = {}
        self.mentioned_orgs: dict[tuple, Organization] = {}
        self.participations_seen: list[Participation] = []
        self.orgs_of_people_read = (
            reads.add(organizations_of_people_named(self.person_matches.keys))
            if self.person_matches.keys
            else None
        )
        self.orgs_of_people: dict[int, set[tuple[int, str]]] = {}
        # The INSERTs whose results are never read, sent together at the end of the ingest.
        self.batch = WriteBatch()

    def load(self, tombstones: set[tuple[str, str]]) -> None:
        self.tombstones = tombstones
        self.org_matches.load()
        self.person_matches.load()
        self.cities.load()
        self.topics = {t.slug: t for t in self.topics_read.result()}
        # As `organizations_of(self.person_matches.records())` would find them.
        self.orgs_of_people = {person.pk: set() for person in self.person_matches.records()}
        for person_id, report_id, key in (
            self.orgs_of_people_read.result() if self.orgs_of_people else ()
        ):
            self.orgs_of_people.setdefault(person_id, set()).add((report_id, key))

    # -- the report -------------------------------------------------------------------------
    def run(
        self,
        existing: Report | None,
        *,
        raw_text: str,
        sha256: str,
        file_name: str,
        source: ReportSource,
    ):
        x = self.x
        values = {
            # The file's header block is the truth about its source: a changed file says anew.
            "source_url": fit(Report, "source_url", source.url),
            "published": source.published,
            "sha256": sha256,
            "raw_text": raw_text,
            "text": x.text,
            "title": fit(Report, "title", x.title),
            "publisher": fit(Report, "publisher", x.publisher),
            "encoding": x.encoding,
            "repairs": list(x.repairs),
            "extracted_at": timezone.now(),
        }
        if existing is None:
            # A readable address from the headline; the file name only when there is none.
            (slug,) = free_slugs([self.report_slug_base], set(self.report_slugs.result()))
            self.report = Report.objects.create(file_name=file_name, slug=slug, **values)
            self.result.status = "created"
        else:
            self.report = existing
            for name, value in values.items():
                setattr(existing, name, value)
            existing.save()
            self.result.status = "updated"

        seen = _Seen()
        if existing is not None:
            # A new report has stated nothing it could stop stating.
            self.orgs_before = self.organizations_stated()
            self.parents_before = set(
                Event.objects.filter(
                    event_sources__report=self.report, parent__isnull=False
                ).values_list("parent_id", flat=True)
            )
        for order, mention in enumerate(x.organizations):
            org = self.organization(mention)
            if org is None:
                continue
            self.upsert(
                OrganizationMention,
                ("report", "organization"),
                report=self.report,
                organization=org,
                order=order,
                **span_fields(mention.evidence),
            )
            self.mentioned_orgs[ref(org)] = org
        for order, event in enumerate(x.events):
            self.event(order, event, seen)
        self.write_new_records()
        seen.org_mentions = {org.pk for org in self.mentioned_orgs.values()}
        seen.participations = {p.pk for p in self.participations_seen}
        self.write_upserts()
        self.write_reviews()
        if existing is not None:
            # A new report has written nothing it could have stopped saying.
            self.remove_unseen(seen)
        self.reopen_changed_reviews()
        self.result.organizations = len(seen.org_mentions)

    # -- organisations ----------------------------------------------------------------------
    def organization(self, mention: rec.OrganizationMention) -> Organization | None:
        key = fold(mention.name)
        if key in self.orgs_by_name:
            return self.orgs_by_name[key]
        org = self.org_matches.get(key)
        if org is None:
            if self.is_tombstoned(Organization, key):
                return None
            org = Organization(name=fit(Organization, "name", mention.name))
            self.track_created(org, slug_from=mention.name)
        parent = None
        if mention.parent and fold(mention.parent) != key:
            parent = self.organization_by_name(mention.parent)
        changed = apply_fields(
            org,
            {
                "acronym": fit(Organization, "acronym", mention.acronym or org.acronym),
                "kind": str(mention.kind),
                "country": fit(Organization, "country", mention.country or org.country),
                "parent": parent or org.parent,
            },
        )
        self.save(org, changed)
        if mention.acronym:
            self.alias(OrganizationAlias, org, "organization", mention.acronym, AliasKind.ACRONYM)
        for alias in mention.aliases:
            self.alias(OrganizationAlias, org, "organization", alias, AliasKind.ALIAS)
        for warning in mention.warnings:
            self.review(
                org, str(warning), REVIEW_MESSAGES.get(warning, str(warning)), mention.evidence
            )
        self.orgs_by_name[key] = org
        return org

    def organization_by_name(self, name: str | None) -> Organization | None:
        if not name:
            return None
        key = fold(name)
        if key in self.orgs_by_name:
            return self.orgs_by_name[key]
        for mention in self.x.organizations:
            if fold(mention.name) == key:
                return self.organization(mention)
        org = self.org_matches.get(key)
        if org is None and not self.is_tombstoned(Organization, key):
            org = Organization(name=fit(Organization, "name", name))
            self.track_created(org, slug_from=name)
            self.save(org, [])
        self.orgs_by_name[key] = org
        return org

    # -- events -----------------------------------------------------------------------------
    def event(self, order: int, x_event: rec.ExtractedEvent, seen: _Seen) -> None:
        event = self.find_event(order, x_event)
        if event is None:
            return
        self.result.events += 1
        names_itself = x_event.part_of and fold(x_event.part_of.value) == event.key
        if names_itself and getattr(event, "_ingest_new", False):
            self.save(event, [])  # its own parent: it must be there to be found
        shared = not is_fresh(event) and event.event_sources.exclude(report=self.report).exists()

        city = self.city(x_event.city) if x_event.city else None
        if event.city_id in self.cities.by_pk and not Event.city.is_cached(event):
            # Its city is one the report names, read already: comparing needs no query.
            Event.city.field.set_cached_value(event, self.cities.by_pk[event.city_id])
        parent = self.parent_event(x_event.part_of, seen) if x_event.part_of else None
        attendance = x_event.attendance
        values = {
            "name": fit(Event, "name", x_event.name.value),
            **date_fields("start", x_event.start),
            **date_fields("end", x_event.end),
            "city": city,
            "venue": fit(Event, "venue", x_event.venue.value if x_event.venue else ""),
            "parent": parent,
            "attendance_text": fit(Event, "attendance_text", attendance.text if attendance else ""),
            "attendance_approx": attendance.approx if attendance else None,
            "online": is_online(x_event),
        }
        if shared:
            # Another report already describes this event: keep what is there, fill gaps,
            # and let an editor settle any disagreement (both statements are kept as claims).
            if self.disagrees(event, values):
                self.review(
                    event,
                    REPORTS_DISAGREE,
                    "Two reports disagree about this event; compare their statements.",
                    x_event.name.evidence,
                )
            values = {k: v for k, v in values.items() if getattr(event, k) in (None, "")}
        old_name = event.name
        changed = apply_fields(event, values)
        # A new event goes in with every value at once: one INSERT, no UPDATE after it.
        if city is not None and city.pk is None:
            self.write_new_cities()
        self.save(event, changed)
        seen.events.add(event.pk)
        self.upsert(EventSource, ("event", "report"), event=event, report=self.report, order=order)
        if "name" in changed:
            event.keep_old_name(old_name)
            # Tombstones under the old name now carry the new one.
            self.tombstones = set(DeletedRecord.objects.order_by().values_list("model", "key"))
        self.claims(event, x_event, seen)

        for warning in x_event.warnings:
            if warning == rec.Warning.NO_CITY and event.online:
                continue
            span = x_event.start.evidence if x_event.start else x_event.name.evidence
            self.review(event, str(warning), REVIEW_MESSAGES.get(warning, str(warning)), span)

        # Relations an editor edited inline are theirs now: keep every row, add none.
        if event.is_curated("organizer_roles"):
            seen.organizers |= set(event.organizer_roles.values_list("pk", flat=True))
        for i, organizer in enumerate(
            () if event.is_curated("organizer_roles") else x_event.organizers
        ):
            org = self.organization_by_name(organizer.organization)
            if org is None or self.is_tombstoned_record(
                EventOrganizer(event=event, organization=org)
            ):
                continue
            self.upsert(
                EventOrganizer,
                ("event", "organization"),
                seen.organizers,
                event=event,
                organization=org,
                role=str(organizer.role),
                order=i,
                report=self.report,
                **span_fields(organizer.evidence),
            )

        if event.is_curated("topic_tags"):
            seen.topics |= set(event.topic_tags.values_list("pk", flat=True))
        for tag in () if event.is_curated("topic_tags") else x_event.topics:
            topic = self.topic(tag)
            self.upsert(
                EventTopic,
                ("event", "topic"),
                seen.topics,
                event=event,
                topic=topic,
                score=tag.score,
                report=self.report,
                **span_fields(tag.evidence),
            )

        if event.is_curated("city_mentions"):
            seen.city_mentions |= set(event.city_mentions.values_list("pk", flat=True))
        for i, place in enumerate(
            () if event.is_curated("city_mentions") else x_event.cities_mentioned
        ):
            mentioned = self.city(place)
            if city is not None and ref(mentioned) == ref(city):
                continue
            self.upsert(
                CityMention,
                ("event", "city"),
                seen.city_mentions,
                event=event,
                city=mentioned,
                order=i,
                report=self.report,
                **span_fields(place.evidence),
            )

        people = [self.person(participant, event) for participant in x_event.participants]
        self.read_participations(event, people)
        for i, (participant, person) in enumerate(zip(x_event.participants, people, strict=True)):
            self.participant(event, i, participant, person, seen)

    def find_event(self, order: int, x_event: rec.ExtractedEvent) -> Event | None:
        """The event this statement is about: by name, by date, place and speakers, or by
        its place in a changed report whose event was renamed."""
        key = fold(x_event.name.value)
        # A report created just now has no events yet: what it named before is asked only of
        # a report loaded again.
        again = self.result.status == "updated"
        mine = Event.objects.filter(event_sources__report=self.report)
        # The likely answers in one round trip, with the slugs a new event would meet.
        reads = ReadBatch()
        named_here = reads.first(mine.filter(key=key)) if again else None
        named = reads.first(Event.objects.matching_key(key))
        base = slug_base(x_event.name.value)
        slugs = reads.add(taken_slugs(Event, [base]))
        event = (
            (again and named_here.result()) or named.result() or self.same_event_elsewhere(x_event)
        )
        if event is not None:
            return event
        if self.is_tombstoned(Event, key):
            return None
        other_names = {fold(e.name.value) for e in self.x.events} - {key}
        # A changed report whose event now reads differently: the same event, renamed
        # (it keeps its URL), unless another event of the report now bears that name.
        renamed = (
            Event.objects.filter(event_sources__report=self.report, event_sources__order=order)
            .exclude(key__in=other_names)
            .first()
            if again
            else None
        )
        if renamed is not None:
            return renamed
        event = Event(
            name=fit(Event, "name", x_event.name.value),
            slug=free_slugs([base], set(slugs.result()))[0],
        )
        event.key = fold(event.name)
        # Saved by `event` once its values are known.
        self.track_created(event)
        return event

    def same_event_elsewhere(self, x_event: rec.ExtractedEvent) -> Event | None:
        """Another report's event on the same full date in the same city sharing a speaker."""
        start, place = x_event.start, x_event.city
        if not (start and start.year and start.month and start.day and place):
            return None
        names = {fold(p.name.display) for p in x_event.participants}
        if not names:
            return None
        return (
            Event.objects.filter(
                start_year=start.year,
                start_month=start.month,
                start_day=start.day,
                city__name=place.name,
                participations__person__key__in=names,
            )
            .distinct()
            .first()
        )

    def disagrees(self, event: Event, values: dict) -> bool:
        for name, value in values.items():
            if name == "online":  # one report may mention the stream, another not
                continue
            current = getattr(event, name)
            if current not in (None, "") and value not in (None, "") and current != value:
                return True
        return False

    def parent_event(self, quoted: rec.Quoted, seen: _Seen) -> Event | None:
        key = fold(quoted.value)
        reads = ReadBatch()
        named = reads.first(Event.objects.matching_key(key))
        slugs = reads.add(taken_slugs(Event, [slug_base(quoted.value)]))
        parent = named.result()
        if parent is None:
            if self.is_tombstoned(Event, key):
                return None
            (slug,) = free_slugs([slug_base(quoted.value)], set(slugs.result()))
            parent = Event(name=fit(Event, "name", quoted.value), slug=slug)
            self.track_created(parent)
            self.save(parent, [])
        self.upsert(
            EventClaim,
            ("event", "report", "field"),
            seen.claims,
            event=parent,
            report=self.report,
            field=ClaimField.NAME,
            value=fit(EventClaim, "value", quoted.value),
            **span_fields(quoted.evidence),
        )
        seen.parents.add(parent.pk)
        return parent

    def claims(self, event: Event, x: rec.ExtractedEvent, seen: _Seen) -> None:
        statements = {
            ClaimField.NAME: (x.name.value, x.name.evidence),
            ClaimField.START: (format_claim_date(x.start), x.start.evidence if x.start else None),
            ClaimField.END: (format_claim_date(x.end), x.end.evidence if x.end else None),
            ClaimField.CITY: (x.city.name if x.city else "", x.city.evidence if x.city else None),
            ClaimField.VENUE: (
                x.venue.value if x.venue else "",
                x.venue.evidence if x.venue else None,
            ),
            ClaimField.PART_OF: (
                x.part_of.value if x.part_of else "",
                x.part_of.evidence if x.part_of else None,
            ),
            ClaimField.ATTENDANCE: (
                x.attendance.text if x.attendance else "",
                x.attendance.evidence if x.attendance else None,
            ),
        }
        for name, (value, span) in statements.items():
            if not value:
                continue
            self.upsert(
                EventClaim,
                ("event", "report", "field"),
                seen.claims,
                event=event,
                report=self.report,
                field=name,
                value=fit(EventClaim, "value", value),
                **span_fields(span),
            )

    # -- places and topics --------------------------------------------------------------------
    def city(self, place: rec.Place) -> City:
        city = self.cities.get(place)
        if city is None:
            city = City(
                name=fit(City, "name", place.name),
                province=fit(City, "province", place.province),
                country=fit(City, "country", place.country),
                latitude=place.latitude,
                longitude=place.longitude,
                geonames_id=place.geonames_id,
            )
            city._slug_from = place.name
            # Written with the other new records, or before the event that is held there.
            self.new_cities.append(city)
            self.cities.add(city)
            self.result.count("cities")
            return city
        gaps = {
            name: value
            for name, value in {
                "province": place.province or "",
                "latitude": place.latitude,
                "longitude": place.longitude,
                "geonames_id": place.geonames_id,
            }.items()
            if getattr(city, name) in (None, "") and value not in (None, "")
        }
        if gaps:
            for name, value in gaps.items():
                setattr(city, name, value)
            if city.pk is not None:
                city.save(update_fields=list(gaps))
            self.cities.add(city)
        return city

    def topic(self, tag: rec.TopicTag) -> Topic:
        topic = self.topics.get(tag.slug)
        if topic is None:
            topic = Topic(
                slug=tag.slug,
                name=fit(Topic, "name", tag.name),
                description=topic_description(tag.slug),
            )
            self.topics[tag.slug] = topic
            self.new_topics.append(topic)  # written with the other new records
            self.result.count("topics")
        return topic

    # -- people -------------------------------------------------------------------------------
    def read_participations(self, event: Event, people: list[Person | None]) -> None:
        """The participations already recorded for these people at this event, with their
        positions, in two queries for the event rather than two per person."""
        known = [p.pk for p in people if p is not None and not is_fresh(p)]
        if is_fresh(event) or not known:
            return
        # One participation per person at an event: the order they come in does not matter.
        found = Participation.objects.filter(event=event, person__in=known).order_by()
        found = found.prefetch_related(
            models.Prefetch("positions", queryset=Position.objects.order_by("order", "pk"))
        )
        by_pk = {p.pk: p for p in people if p is not None and not is_fresh(p)}
        for participation in found:
            # Their history entries name the event and the person: no query for either.
            participation.event = event
            participation.person = by_pk[participation.person_id]
            pair = (ref(event), (Person, participation.person_id))
            if pair not in self.participations:
                self.participations[pair] = participation
                self.positions_now[ref(participation)] = list(participation.positions.all())

    def participant(
        self, event: Event, order: int, x: rec.Participant, person: Person | None, seen: _Seen
    ) -> None:
        if person is None:
            return
        key = participation_key(event, person)
        if self.is_tombstoned(Participation, key):
            return
        participation = self.participations.get((ref(event), ref(person)))
        if participation is None:
            participation = Participation(
                event=event, person=person, report=self.report, **span_fields(x.evidence)
            )
            self.track_created(participation)
            self.participations[(ref(event), ref(person))] = participation
        changed = apply_fields(
            participation,
            {
                "role": str(x.role),
                "talk_title": fit(
                    Participation, "talk_title", x.talk_title or participation.talk_title
                ),
                "online": x.online,
                "order": order,
                "confidence": x.confidence,
            },
        )
        if participation.report_id == self.report.pk:
            changed += apply_fields(participation, span_fields(x.evidence))
        self.save(participation, changed)
        self.upsert(
            ParticipantMention,
            ("participation", "report"),
            participation=participation,
            report=self.report,
            order=order,
            # As written, case and all: aliases keep one form per folded key, a report's
            # document keeps every form it used.
            forms=list(x.name.forms),
            **span_fields(x.evidence),
        )
        self.participations_seen.append(participation)
        self.result.participants += 1
        if participation.is_curated("positions"):
            return
        self.positions(participation, x)
        for warning in x.warnings:
            self.review(
                participation, str(warning), REVIEW_MESSAGES.get(warning, str(warning)), x.evidence
            )

    def positions(self, participation: Participation, x: rec.Participant) -> None:
        """Replace what this report said about the positions; keep other reports' statements."""
        # Every position held, read with the participation (`read_participations`) and kept
        # current here: a new participation has none, the writes go in at the end.
        held = self.positions_now.get(ref(participation))
        if held is None:
            held = (
                [] if is_fresh(participation) else list(participation.positions.order_by("order"))
            )
        mine = [p for p in held if p.report_id == self.report.pk]
        before = [(p.title, position_organization(p)) for p in mine]
        others = [p for p in held if p.report_id != self.report.pk]
        start = max(p.order for p in others) + 1 if others else 0
        wanted = []
        for position in x.positions:
            org = self.organization_by_name(position.organization)
            wanted.append((position, org))
        if before == [(fit(Position, "title", p.title), ref(org)) for p, org in wanted]:
            return
        self.gone_positions += [p.pk for p in mine if p.pk is not None]
        unwritten = {id(p) for p in mine if p.pk is None}
        self.new_positions = [p for p in self.new_positions if id(p) not in unwritten]
        made = [
            Position(
                participation=participation,
                order=start + i,
                title=fit(Position, "title", position.title),
                organization=org,
                report=self.report,
                **span_fields(position.evidence),
            )
            for i, (position, org) in enumerate(wanted)
        ]
        self.new_positions += made
        self.positions_now[ref(participation)] = others + made
        if before:
            self.changed.add((Participation, participation.pk))

    def person(self, x: rec.Participant, event: Event) -> Person | None:
        name = x.name
        key = fold(name.display)
        single_word = " " not in key
        if single_word:
            # A lone word is too weak to match across reports, but it is the same person
            # this report already named at this event.
            person = self.lone_names.get((event.pk, key)) or (
                Person.objects.filter(
                    key=key,
                    participations__event=event,
                    participations__mentions__report=self.report,
                ).first()
            )
        else:
            written = self.person_matches.candidates(key)
            # A report loaded again names the people it named before, namesakes included.
            person = self.named_here(written, event) or self.closest_namesake(
                written[:MAX_NAMESAKES], x
            )
        if person is None:
            for form in name.forms:
                form_key = fold(form)
                if " " in form_key:
                    person = self.person_matches.get(form_key)
                    if person:
                        break
        namesake = None
        if person is not None and not single_word and self.is_possible_namesake(person, x):
            # Kept apart until an editor says they are one: a merge is one click, a split is
            # not. Names are unique, so the newcomer is told apart by its organisation.
            namesake = person
            display = (
                f"{name.display} ({next(p.organization for p in x.positions if p.organization)})"
            )
            person = self.person_matches.get(fold(display)) or (
                Person.objects.filter(key=fold(display)).first()
            )
        else:
            display = name.display
        if person is None:
            if self.is_tombstoned(Person, key):
                return None
            person = Person(name=fit(Person, "name", display))
            self.track_created(person, slug_from=display)
        changed = apply_fields(
            person,
            {
                "family_name": fit(Person, "family_name", name.family),
                "given_name": fit(Person, "given_name", name.given),
            },
        )
        self.save(person, changed)
        if namesake is not None:
            self.review(
                person,
                POSSIBLE_NAMESAKE,
                "A person of this name appears with different organisations in another "
                "report; merge them if they are the same person.",
                x.evidence,
                namesake=namesake,
            )
        if single_word:
            # Its mention is written with the others at the end; until then, remember it.
            self.lone_names[(event.pk, key)] = person
        for form in (name.display, *name.forms):
            if fold(form) != person.key:
                self.alias(PersonAlias, person, "person", form, AliasKind.ALIAS)
        return person

    def named_here(self, people: list[Person], event: Event) -> Person | None:
        """Of several people written this way, the one this report named at this event before."""
        if len(people) < 2 or self.result.status != "updated":
            return None
        return Person.objects.filter(
            pk__in=[p.pk for p in people],
            participations__event=event,
            participations__mentions__report=self.report,
        ).first()

    def closest_namesake(self, people: list[Person], x: rec.Participant) -> Person | None:
        """Of the people written this way, the one this report's organisations point to."""
        if len(people) > 1:
            for person in people:
                if not self.is_possible_namesake(person, x):
                    return person
        return people[0] if people else None

    def is_possible_namesake(self, person: Person, x: rec.Participant) -> bool:
        if is_fresh(person):
            return False  # no other report has named it yet
        if person.pk not in self.orgs_of_people:
            self.orgs_of_people.update(self.organizations_of([person]))
        theirs = {key for report, key in self.orgs_of_people[person.pk] if report != self.report.pk}
        mine = {fold(p.organization) for p in x.positions if p.organization}
        return bool(theirs and mine and not theirs & mine)

    @staticmethod
    def organizations_of(people) -> dict[int, set[tuple[int, str]]]:
        """(report id, organisation key) of every position each person holds, in one query."""
        found: dict[int, set[tuple[int, str]]] = {person.pk: set() for person in people}
        if found:
            rows = (
                Position.objects.filter(
                    participation__person__in=list(found), organization__isnull=False
                )
                .order_by()
                .values_list("participation__person_id", "report_id", "organization__key")
            )
            for person_id, report_id, key in rows:
                found[person_id].add((report_id, key))
        return found

    # -- bookkeeping -------------------------------------------------------------------------
    def upsert(self, model, unique: tuple[str, ...], seen: set[int] | None = None, **values):
        """Queue a relation row; all rows of a model are written by one INSERT ... ON CONFLICT.

        A row stated twice keeps the last statement, as an update_or_create per row did.
        """
        rows, _, _ = self.upserts.setdefault(model, ({}, unique, seen))
        rows[tuple(ref(values[name]) for name in unique)] = values

    def write_upserts(self) -> None:
        for model, (rows, unique, seen) in self.upserts.items():
            # Foreign keys conflict on their columns; the names in `unique` are the fields'.
            updated = [name for name in next(iter(rows.values())) if name not in unique]
            if self.result.status == "created":
                # A new report has nothing to remove: the ids of its rows are never read.
                self.batch.insert_rows(
                    model, list(rows.values()), unique_fields=list(unique), update_fields=updated
                )
                continue
            objs = [model(**values) for values in rows.values()]
            model.objects.bulk_create(
                objs, update_conflicts=True, unique_fields=list(unique), update_fields=updated
            )
            if seen is not None:
                seen.update(obj.pk for obj in objs)
        self.upserts.clear()

    def alias(self, model, owner, owner_field: str, name: str, kind: str) -> None:
        key = fold(name)
        if not key or key == owner.key:
            return
        made = (model, ref(owner), key)
        if made in self.aliases_made:
            return
        self.aliases_made.add(made)
        # A record this ingest created has no aliases but the ones it gave it.
        if is_fresh(owner) or not self.has_alias(model, owner, owner_field, key):
            self.new_aliases[model].append(
                model(**{owner_field: owner}, name=fit(model, "name", name), key=key, kind=kind)
            )
        matches = self.person_matches if model is PersonAlias else self.org_matches
        matches.add(key, owner)

    def has_alias(self, model, owner, owner_field: str, key: str) -> bool:
        known = self.person_matches if model is PersonAlias else self.org_matches
        if key in known.alias_keys:
            return (owner.pk, key) in known.alias_pairs
        return model.objects.filter(**{owner_field: owner}, key=key).exists()

    def is_tombstoned(self, model: type[models.Model], key: str) -> bool:
        return (model._meta.label_lower, key) in self.tombstones

    def is_tombstoned_record(self, record: models.Model) -> bool:
        return self.is_tombstoned(type(record), DeletedRecord.key_of(record))

    def track_created(self, obj, *, slug_from: str | None = None) -> None:
        obj._ingest_new = True
        obj._ingest_fresh = True
        obj._slug_from = slug_from

    def save(self, obj, changed: list[str]) -> None:
        # History rows are written in bulk at the end (`write_history`), not one per save.
        skip_history(obj)
        deferred = type(obj) in self.pending
        if getattr(obj, "_ingest_new", False):
            obj._ingest_new = False
            if deferred:
                if hasattr(obj, "key"):
                    obj.key = fold(obj.name)  # as NamedRecord.save would
                self.pending[type(obj)].append(obj)
            else:
                obj.save()
            matches = {Person: self.person_matches, Organization: self.org_matches}.get(type(obj))
            if matches is not None:
                matches.add(obj.key, obj)
            label = obj._meta.verbose_name_plural
            self.result.count(str(label))
            self.history.append((obj, ADDITION, []))
            if self.review_new_records and not isinstance(obj, Participation):
                self.review(obj, NEW_RECORD, "Added from a report pasted into the admin.", None)
        elif changed:
            if is_fresh(obj):
                # Created by this ingest: its INSERT carries the values, its history says added.
                if not deferred:
                    obj.save()
                return
            if deferred:
                # It may point at a record still to be written: saved after them.
                self.pending_saves[ref(obj)] = obj
            else:
                obj.save()
            self.changed.add((type(obj), obj.pk))
            self.history.append((obj, CHANGE, changed))

    @staticmethod
    def claim_slugs(groups: dict[type, list]) -> None:
        """A slug for each new record of each model, none taken nor given twice: what each
        model's slugs starting with the records' bases are, read in one round trip."""
        reads = ReadBatch()
        claims = []
        for model, objs in groups.items():
            if objs:
                bases = [slug_base(obj._slug_from) for obj in objs]
                claims.append((objs, bases, reads.add(taken_slugs(model, sorted(set(bases))))))
        for objs, bases, taken in claims:
            for obj, slug in zip(objs, free_slugs(bases, set(taken.result())), strict=True):
                obj.slug = slug

    def write_new_cities(self) -> None:
        if not self.new_cities:
            return
        self.claim_slugs({City: self.new_cities})
        City.objects.bulk_create(self.new_cities)
        self.new_cities = []

    def write_new_records(self) -> None:
        """The records this report adds, one INSERT per model (a few for organisations inside
        new organisations), then the saves of records it changed, positions and aliases."""
        self.claim_slugs(
            {
                City: self.new_cities,
                Organization: self.pending[Organization],
                Person: self.pending[Person],
            }
        )
        if self.new_cities:
            City.objects.bulk_create(self.new_cities)
            self.new_cities = []
        if self.new_topics:
            Topic.objects.bulk_create(self.new_topics)
        for model in DEFERRED:
            objs = self.pending[model]
            if not objs:
                continue
            while objs:
                # A unit inside a body this report also adds waits for the body's id.
                ready = [
                    obj
                    for obj in objs
                    if getattr(obj, "parent", None) is None or obj.parent.pk is not None
                ]
                model.objects.bulk_create(ready or objs)
                objs = [obj for obj in objs if obj.pk is None]
            self.pending[model] = []
        for obj in self.pending_saves.values():
            obj.save()
        if self.gone_positions:
            Position.objects.filter(pk__in=self.gone_positions).delete()
        # Nothing reads back a new report's positions and aliases: they go in the last round
        # trip. A changed report's removal pass reads its positions, so they are written now.
        created = self.result.status == "created"
        for model, objs in ((Position, self.new_positions), *self.new_aliases.items()):
            if created:
                self.batch.insert(model, objs)
            elif objs:
                model.objects.bulk_create(objs)

    def write_history(self, user, file_name: str) -> None:
        entries = [
            self.history_entry(
                self.report,
                user,
                ADDITION if self.result.status == "created" else CHANGE,
                [],
                file_name,
            )
        ]
        entries += [
            self.history_entry(obj, user, flag, fields, file_name)
            for obj, flag, fields in self.history
        ]
        self.batch.insert_rows(LogEntry, entries)
        latest = {(type(obj), obj.pk): (obj, flag) for obj, flag, _ in self.history}
        rows = history_values(
            created=[obj for obj, flag in latest.values() if flag == ADDITION],
            changed=[obj for obj, flag in latest.values() if flag == CHANGE],
            user=user,
            reason=f"Imported from {file_name}",
        )
        for model, values in rows.items():
            self.batch.insert_rows(model, values)

    @staticmethod
    def history_entry(obj, user, flag, fields, file_name) -> dict:
        """The values of the admin log entry of a record added or changed."""
        if flag == ADDITION:
            message = f"Added by importing {file_name}."
        else:
            names = ", ".join(str(obj._meta.get_field(f).verbose_name) for f in fields) or "text"
            message = f"Changed {names} by importing {file_name}."
        return {
            "user_id": user.pk,
            "content_type_id": ContentType.objects.get_for_model(obj).pk,
            "object_id": str(obj.pk),
            "object_repr": fit(LogEntry, "object_repr", str(obj)),
            "action_flag": flag,
            "change_message": message,
        }

    def review(
        self, obj, reason: str, message: str, span: rec.Span | None, *, namesake=None
    ) -> None:
        """Queue a review item unless the record already has one for this reason."""
        content_type = ContentType.objects.get_for_model(obj)
        self.reviews.setdefault(
            (content_type.pk, ref(obj), reason),
            (
                obj,
                ReviewItem(
                    content_type=content_type,
                    reason=reason,
                    message=fit(ReviewItem, "message", message),
                    report=self.report,
                    namesake=namesake,
                    **span_fields(span),
                ),
            ),
        )

    def write_reviews(self) -> None:
        if not self.reviews:
            return
        items = []
        for obj, item in self.reviews.values():
            item.object_id = obj.pk  # written by now
            items.append(item)
        # A record this ingest created has no review items but the ones it gives it.
        earlier = [item for obj, item in self.reviews.values() if not is_fresh(obj)]
        existing = (
            set(
                ReviewItem.objects.filter(
                    object_id__in={item.object_id for item in earlier},
                    reason__in={item.reason for item in earlier},
                )
                .order_by()
                .values_list("content_type_id", "object_id", "reason")
            )
            if earlier
            else set()
        )
        new = [
            item
            for item in items
            if (item.content_type_id, item.object_id, item.reason) not in existing
        ]
        self.batch.insert(ReviewItem, new, ignore_conflicts=True)
        self.result.review_items += len(new)
        self.reviews.clear()

    def reopen_changed_reviews(self) -> None:
        by_type: dict[type, list[int]] = {}
        for model, pk in self.changed:
            by_type.setdefault(model, []).append(pk)
        for model, pks in by_type.items():
            ReviewItem.objects.filter(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=pks,
                status=ReviewStatus.CONFIRMED,
            ).update(status=ReviewStatus.OPEN, resolved_at=None, resolved_by=None)

    def remove_unseen(self, seen: _Seen) -> None:
        """What this report said before but says no more goes, unless an editor touched it."""
        report = self.report
        EventOrganizer.objects.filter(report=report).exclude(pk__in=seen.organizers).delete()
        EventTopic.objects.filter(report=report).exclude(pk__in=seen.topics).delete()
        CityMention.objects.filter(report=report).exclude(pk__in=seen.city_mentions).delete()
        EventClaim.objects.filter(report=report).exclude(pk__in=seen.claims).delete()
        OrganizationMention.objects.filter(report=report).exclude(
            organization__in=seen.org_mentions
        ).delete()
        mentions = ParticipantMention.objects.filter(report=report).exclude(
            participation__in=seen.participations
        )
        unmentioned = set(mentions.values_list("participation_id", flat=True))
        mentions.delete()
        # Positions this report stated for people it no longer names, unless an editor
        # took charge of that participation's positions.
        leftover = Position.objects.filter(report=report).exclude(
            participation__in=seen.participations
        )
        owners = Participation.objects.filter(pk__in=leftover.values("participation_id"))
        leftover.exclude(
            participation__in=[p.pk for p in owners if p.is_curated("positions")]
        ).delete()
        stale = Participation.objects.filter(
            pk__in=unmentioned, created_by_editor=False, curated_fields=[], mentions__isnull=True
        )
        people = set(stale.values_list("person_id", flat=True))
        self.forget_reviews(Participation, stale)
        stale.delete()
        gone = EventSource.objects.filter(report=report).exclude(event__in=seen.events)
        events = set(gone.values_list("event_id", flat=True))
        gone.delete()
        # Records that only this report's old text stood behind, and no editor vouched for.
        orphans = Event.objects.filter(
            pk__in=events, created_by_editor=False, curated_fields=[], event_sources__isnull=True
        )
        self.forget_reviews(Event, orphans)
        orphans.delete()
        lost_parents = (
            Event.objects.filter(claims__isnull=True, event_sources__isnull=True)
            .filter(created_by_editor=False, curated_fields=[], children__isnull=True)
            .filter(pk__in=self.parents_before)
            .exclude(pk__in=seen.parents)
        )
        lost_parents.delete()
        people = Person.objects.filter(
            pk__in=people, created_by_editor=False, curated_fields=[], participations__isnull=True
        )
        self.forget_reviews(Person, people)
        people.delete()
        self.remove_unseen_organizations()

    def organizations_stated(self) -> set[int]:
        """Organisations this report's rows name: mentions, positions, organiser roles."""
        report = self.report
        return (
            set(
                OrganizationMention.objects.filter(report=report).values_list(
                    "organization_id", flat=True
                )
            )
            | set(
                Position.objects.filter(report=report, organization__isnull=False).values_list(
                    "organization_id", flat=True
                )
            )
            | set(
                EventOrganizer.objects.filter(report=report).values_list(
                    "organization_id", flat=True
                )
            )
        )

    def remove_unseen_organizations(self) -> None:
        """Organisations only this report's old text named, and no editor vouched for."""
        if not self.orgs_before:
            return
        gone = self.orgs_before - self.organizations_stated()
        orphans = Organization.objects.filter(
            pk__in=gone,
            created_by_editor=False,
            curated_fields=[],
            mentions__isnull=True,
            positions__isnull=True,
            organizer_roles__isnull=True,
            units__isnull=True,
        )
        self.forget_reviews(Organization, orphans)
        orphans.delete()

    def forget_reviews(self, model, queryset) -> None:
        ReviewItem.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=queryset.values("pk"),
        ).delete()


def is_online(x_event: rec.ExtractedEvent) -> bool:
    """'Green Finance Webinar', venue 'Online', or every speaker joined remotely."""
    said = " ".join([x_event.name.value, x_event.venue.value if x_event.venue else ""])
    remote = [p.online for p in x_event.participants]
    return bool(ONLINE_EVENT.search(said)) or (bool(remote) and all(remote))


def organization_keys(x: rec.ExtractedReport) -> set[str]:
    """Every organisation name the report may look up, folded."""
    names = {m.name for m in x.organizations} | {m.parent for m in x.organizations if m.parent}
    for event in x.events:
        names |= {o.organization for o in event.organizers if o.organization}
        names |= {
            p.organization
            for participant in event.participants
            for p in participant.positions
            if p.organization
        }
    return {fold(name) for name in names} - {""}


def person_keys(x: rec.ExtractedReport, *, lone: bool = False) -> set[str]:
    """Every full name (or written form) the report may look up, folded; lone words are not
    matched across reports (but may be an alias: `lone`)."""
    keys = set()
    for event in x.events:
        for participant in event.participants:
            keys |= {fold(form) for form in (participant.name.display, *participant.name.forms)}
    return {key for key in keys if lone or " " in key} - {""}


def org_alias_keys(x: rec.ExtractedReport) -> set[str]:
    """Every acronym and other name the report gives an organisation, folded."""
    names = {m.acronym for m in x.organizations if m.acronym}
    names |= {alias for m in x.organizations for alias in m.aliases}
    return {fold(name) for name in names} - {""}


def organizations_of_people_named(keys: set[str]):
    """`_Ingest.organizations_of` the people `_Matches` finds under `keys` (by key or alias),
    as one query that needs no answer first."""
    named = Person.objects.filter(key__in=keys).order_by().values("pk")
    renamed = PersonAlias.objects.filter(key__in=keys).order_by().values("person_id")
    return (
        Position.objects.filter(
            participation__person__in=named.union(renamed), organization__isnull=False
        )
        .order_by()
        .values_list("participation__person_id", "report_id", "organization__key")
    )


class _Places:
    """The cities a report names, read in one query and looked up as `City` lookups would:
    by GeoNames id first, then by name and country."""

    def __init__(self, x: rec.ExtractedReport, reads: ReadBatch):
        places = [event.city for event in x.events if event.city] + [
            place for event in x.events for place in event.cities_mentioned
        ]
        self.by_geonames: dict[int, City] = {}
        self.by_name: dict[tuple[str, str], City] = {}
        self.by_pk: dict[int, City] = {}
        ids = {place.geonames_id for place in places if place.geonames_id}
        names = {place.name for place in places}
        self.read = (
            reads.add(City.objects.filter(Q(geonames_id__in=ids) | Q(name__in=names)).order_by())
            if names or ids
            else None
        )

    def load(self) -> None:
        for city in self.read.result() if self.read else ():
            self.add(city)

    def add(self, city: City) -> None:
        if city.geonames_id:
            self.by_geonames[city.geonames_id] = city
        self.by_name[(city.name, city.country)] = city
        if city.pk is not None:
            self.by_pk[city.pk] = city

    def get(self, place: rec.Place) -> City | None:
        city = self.by_geonames.get(place.geonames_id) if place.geonames_id else None
        return city or self.by_name.get((place.name, place.country or ""))


class _Matches:
    """The records a report's names match by key or alias, read in two queries up front and
    kept current as the ingest adds records and aliases; the first in the model's ordering
    wins, as `matching_key(...).first()` would have it."""

    def __init__(
        self,
        reads: ReadBatch,
        model,
        owner_field: str,
        keys: set[str],
        alias_keys: set[str] = frozenset(),
    ):
        self.model, self.owner_field, self.keys = model, owner_field, keys
        self.found: dict[str, models.Model] = {}
        self.every: dict[str, list] = {}
        # Which records already have an alias under one of `alias_keys` (and `keys`), read
        # with the aliases that match: `has_alias` asks it.
        self.alias_keys = keys | alias_keys
        self.alias_pairs: set[tuple[int, str]] = set()
        # Ranked below: the database need not sort them.
        self.records_read = (
            reads.add(model.objects.filter(key__in=keys).order_by()) if keys else None
        )
        self.aliases_read = (
            reads.add(
                model.aliases.rel.related_model.objects.filter(key__in=self.alias_keys)
                .select_related(owner_field)
                .order_by()
            )
            if self.alias_keys
            else None
        )

    def load(self) -> None:
        if not self.alias_keys:
            return
        keys, owner_field, model = self.keys, self.owner_field, self.model
        records = {obj.pk: obj for obj in self.records_read.result()} if keys else {}
        candidates: dict[str, list] = {}
        for obj in records.values():
            candidates.setdefault(obj.key, []).append(obj)
        for alias in self.aliases_read.result():
            owner = getattr(alias, owner_field)
            self.alias_pairs.add((owner.pk, alias.key))
            if alias.key not in keys:
                continue
            records.setdefault(owner.pk, owner)
            candidates.setdefault(alias.key, []).append(records[owner.pk])
        order = model._meta.ordering
        for key, objs in candidates.items():
            ranked = sorted(
                {o.pk: o for o in objs}.values(),
                key=lambda o: (*(getattr(o, f) for f in order), o.pk),
            )
            self.found[key], self.every[key] = ranked[0], ranked

    def get(self, key: str):
        return self.found.get(key)

    def records(self) -> list:
        """Every saved record a name of the report matched."""
        every = {obj.pk: obj for objs in self.every.values() for obj in objs}
        every.update((obj.pk, obj) for obj in self.found.values() if obj.pk is not None)
        return list(every.values())

    def candidates(self, key: str) -> list:
        """Every record written `key`, best first: namesakes kept apart included."""
        return self.every.get(key) or ([self.found[key]] if key in self.found else [])

    def add(self, key: str, obj) -> None:
        self.found.setdefault(key, obj)


def topic_description(slug: str) -> str:
    from events.extraction.topics import load_vocabulary

    for topic in load_vocabulary():
        if topic.slug == slug:
            return topic.description
    return ""


@dataclass
class _Seen:
    events: set[int] = field(default_factory=set)
    parents: set[int] = field(default_factory=set)
    organizers: set[int] = field(default_factory=set)
    topics: set[int] = field(default_factory=set)
    city_mentions: set[int] = field(default_factory=set)
    claims: set[int] = field(default_factory=set)
    participations: set[int] = field(default_factory=set)
    org_mentions: set[int] = field(default_factory=set)
