"""The records the extraction pipeline returns.

Frozen dataclasses only: the pipeline never returns dicts, and nothing here knows about
Django. Every fact carries the `Span` of the sentence that states it, as character offsets
into `ExtractedReport.text` (the cleaned text), so pages can quote the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    SPEAKER = "speaker"
    KEYNOTE = "keynote"
    MODERATOR = "moderator"
    PANELIST = "panelist"
    ATTENDEE = "attendee"


class OrganizerRole(StrEnum):
    HOST = "host"
    ORGANIZER = "organizer"
    CO_ORGANIZER = "co-organizer"
    SPONSOR = "sponsor"
    SUPPORTER = "supporter"


class OrgKind(StrEnum):
    GOVERNMENT = "government"
    COMPANY = "company"
    NGO = "ngo"
    ACADEMIC = "academic"
    INTERGOVERNMENTAL = "intergovernmental"
    ASSOCIATION = "association"
    MEDIA = "media"
    OTHER = "other"


class Warning(StrEnum):  # noqa: A001 - the pipeline's own vocabulary, never the builtin
    """Why an editor should look at a fact. Values are stable codes stored in the database."""

    NO_YEAR = "no-year"
    NO_DATE = "no-date"
    NO_CITY = "no-city"
    NO_AFFILIATION = "no-affiliation"
    AMBIGUOUS_ORGANIZATION = "ambiguous-organization"
    SINGLE_WORD_NAME = "single-word-name"
    UNKNOWN_ORGANIZATION_KIND = "unknown-organization-kind"
    NAME_ORDER_GUESSED = "name-order-guessed"


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) of a sentence in the cleaned text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class PartialDate:
    """A date of which any part may be unknown. A missing year is never guessed."""

    year: int | None
    month: int | None
    day: int | None
    evidence: Span | None = None
    text: str = ""  # the words that stated it: "On July 19"


@dataclass(frozen=True)
class PersonName:
    display: str  # usual written order: "Liu Yanhua", "Carter J. Brandon"
    family: str  # "Liu", "Brandon"
    given: str  # "Yanhua", "Carter J."
    forms: tuple[str, ...] = ()  # every other way this report writes the person


@dataclass(frozen=True)
class Position:
    title: str  # "former Vice Minister of Science and Technology"
    organization: str | None  # full name of an OrganizationMention, acronyms resolved
    evidence: Span


@dataclass(frozen=True)
class Participant:
    name: PersonName
    role: Role
    positions: tuple[Position, ...]  # report order; the first is the primary affiliation
    evidence: Span  # the sentence that introduces the person
    talk_title: str | None = None
    talk_evidence: Span | None = None
    online: bool = False
    confidence: float = 1.0
    warnings: tuple[Warning, ...] = ()


@dataclass(frozen=True)
class OrganizationMention:
    name: str  # full name: "National Climate Change Strategy Research and ... Center"
    acronym: str | None  # "NCSC"
    kind: OrgKind
    evidence: Span  # first sentence that names it
    aliases: tuple[str, ...] = ()  # other written forms in the report
    parent: str | None = None  # full name of the parent organisation, when a unit
    country: str | None = None
    confidence: float = 1.0
    warnings: tuple[Warning, ...] = ()


@dataclass(frozen=True)
class Organizer:
    organization: str  # an OrganizationMention.name
    role: OrganizerRole
    evidence: Span


@dataclass(frozen=True)
class Place:
    name: str  # English city name: "Shanghai"
    province: str | None
    country: str | None
    evidence: Span
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    written_as: str = ""  # what the report wrote when it differs ("Pudong New Area")


@dataclass(frozen=True)
class Attendance:
    approx: int | None  # 200 for "nearly 200"
    text: str  # "nearly 200"
    evidence: Span


@dataclass(frozen=True)
class TopicTag:
    slug: str  # a slug of the vocabulary in data/topics.json
    name: str
    evidence: Span  # the sentence whose words earned the tag
    score: float = 1.0


@dataclass(frozen=True)
class Quoted:
    """A short fact stated in one sentence: an event name, venue, parent event."""

    value: str
    evidence: Span


@dataclass(frozen=True)
class ExtractedEvent:
    name: Quoted
    start: PartialDate | None = None
    end: PartialDate | None = None
    city: Place | None = None
    venue: Quoted | None = None
    part_of: Quoted | None = None
    organizers: tuple[Organizer, ...] = ()
    participants: tuple[Participant, ...] = ()
    cities_mentioned: tuple[Place, ...] = ()
    attendance: Attendance | None = None
    topics: tuple[TopicTag, ...] = ()
    warnings: tuple[Warning, ...] = ()


@dataclass(frozen=True)
class ExtractedReport:
    source: str  # file name
    text: str  # cleaned text; every Span points into it
    title: str
    publisher: str | None = None
    encoding: str = "utf-8"  # how the bytes were decoded
    repairs: tuple[str, ...] = ()  # what cleaning did: "gbk-mojibake", "page-furniture"
    sentences: tuple[Span, ...] = ()
    events: tuple[ExtractedEvent, ...] = ()
    organizations: tuple[OrganizationMention, ...] = field(default=())

    def quote(self, span: Span | None) -> str:
        return span.of(self.text) if span else ""


class ReportError(ValueError):
    """A report that cannot be read at all: empty, binary, too large, undecodable.

    The message is one line that a person can act on; the caller adds the file name.
    """
