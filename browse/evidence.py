"""A report's text cut into plain and marked segments, one mark per sentence cited as evidence.

`mark_evidence` is pure: it takes the text and the facts (offsets and a label each) and returns
segments for the template to render with autoescaping, so report text never passes through
`mark_safe`. `facts_in_report` is the one database read that feeds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from events.models import (
    CityMention,
    EventClaim,
    EventOrganizer,
    EventTopic,
    Participation,
    Position,
)


def evidence_anchor(start: int, end: int) -> str:
    """The fragment id of a cited passage on the report page: 'ev-120-245'."""
    return f"ev-{start}-{end}"


@dataclass(frozen=True)
class Fact:
    start: int
    end: int
    label: str
    url: str = ""


@dataclass(frozen=True)
class Passage:
    """One cited range of the text and every fact that cites it."""

    number: int
    start: int
    end: int
    facts: tuple[Fact, ...]

    @property
    def anchor(self) -> str:
        return evidence_anchor(self.start, self.end)


@dataclass(frozen=True)
class Segment:
    text: str
    passages: tuple[int, ...] = ()  # numbers of the passages covering this text
    anchors: tuple[str, ...] = ()  # ids of the passages that begin here
    ends: tuple[int, ...] = ()  # numbers of the passages that end here

    @property
    def marked(self) -> bool:
        return bool(self.passages)


@dataclass(frozen=True)
class MarkedText:
    segments: list[Segment]
    passages: list[Passage] = field(default_factory=list)


def mark_evidence(text: str, facts) -> MarkedText:
    """Cut `text` at every fact's start and end; number passages in reading order.

    >>> [s.text for s in mark_evidence("Ab. Cd.", [Fact(4, 7, "x")]).segments]
    ['Ab. ', 'Cd.']
    """
    ranges: dict[tuple[int, int], list[Fact]] = {}
    for fact in facts:
        start, end = max(0, fact.start), min(len(text), fact.end)
        if start < end:
            ranges.setdefault((start, end), []).append(fact)
    passages = [
        Passage(number, start, end, tuple(ranges[(start, end)]))
        for number, (start, end) in enumerate(sorted(ranges), start=1)
    ]
    cuts = sorted({0, len(text)} | {p.start for p in passages} | {p.end for p in passages})
    segments = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        segments.append(
            Segment(
                text=text[left:right],
                passages=tuple(p.number for p in passages if p.start <= left and right <= p.end),
                anchors=tuple(p.anchor for p in passages if p.start == left),
                ends=tuple(p.number for p in passages if p.end == right),
            )
        )
    return MarkedText(segments=segments, passages=passages)


def facts_in_report(report) -> list[Fact]:
    """Every fact stored with evidence in `report`, labelled for the legend."""
    sources = (
        (
            EventClaim.objects.select_related("event"),
            lambda claim: f"{claim.get_field_display()} of {claim.event.name}: {claim.value}",
            lambda claim: claim.event.get_absolute_url(),
        ),
        (
            EventOrganizer.objects.select_related("event", "organization"),
            lambda role: (
                f"{role.organization.name}: {role.get_role_display().lower()} of {role.event.name}"
            ),
            lambda role: role.organization.get_absolute_url(),
        ),
        (
            EventTopic.objects.select_related("event", "topic"),
            lambda tag: f"Topic of {tag.event.name}: {tag.topic.name}",
            lambda tag: tag.topic.get_absolute_url(),
        ),
        (
            CityMention.objects.select_related("event", "city"),
            lambda mention: f"City mentioned at {mention.event.name}: {mention.city.name}",
            lambda mention: mention.city.get_absolute_url(),
        ),
        (
            Participation.objects.select_related("event", "person"),
            _participation_label,
            lambda part: part.person.get_absolute_url(),
        ),
        (
            Position.objects.select_related("participation__person", "organization"),
            lambda position: f"{position.participation.person.name}: {position}",
            lambda position: position.participation.person.get_absolute_url(),
        ),
    )
    return [
        Fact(row.evidence_start, row.evidence_end, label(row), url(row))
        for queryset, label, url in sources
        for row in queryset.filter(report=report, evidence_start__isnull=False).exclude(
            evidence_end__isnull=True
        )
    ]


def _participation_label(part: Participation) -> str:
    label = f"{part.person.name}: {part.get_role_display().lower()} at {part.event.name}"
    if part.talk_title:
        label += f", “{part.talk_title}”"
    return label
