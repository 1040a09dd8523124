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

    def cited(queryset):
        return queryset.filter(report=report, evidence_start__isnull=False).exclude(
            evidence_end__isnull=True
        )

    facts = []
    for claim in cited(EventClaim.objects.select_related("event")):
        facts.append(
            Fact(
                claim.evidence_start,
                claim.evidence_end,
                f"{claim.get_field_display()} of {claim.event.name}: {claim.value}",
                claim.event.get_absolute_url(),
            )
        )
    for role in cited(EventOrganizer.objects.select_related("event", "organization")):
        facts.append(
            Fact(
                role.evidence_start,
                role.evidence_end,
                f"{role.organization.name}: {role.get_role_display().lower()} of {role.event.name}",
                role.organization.get_absolute_url(),
            )
        )
    for tag in cited(EventTopic.objects.select_related("event", "topic")):
        facts.append(
            Fact(
                tag.evidence_start,
                tag.evidence_end,
                f"Topic of {tag.event.name}: {tag.topic.name}",
                tag.topic.get_absolute_url(),
            )
        )
    for mention in cited(CityMention.objects.select_related("event", "city")):
        facts.append(
            Fact(
                mention.evidence_start,
                mention.evidence_end,
                f"City mentioned at {mention.event.name}: {mention.city.name}",
                mention.city.get_absolute_url(),
            )
        )
    for part in cited(Participation.objects.select_related("event", "person")):
        label = f"{part.person.name}: {part.get_role_display().lower()} at {part.event.name}"
        if part.talk_title:
            label += f", “{part.talk_title}”"
        facts.append(
            Fact(part.evidence_start, part.evidence_end, label, part.person.get_absolute_url())
        )
    for position in cited(Position.objects.select_related("participation__person", "organization")):
        facts.append(
            Fact(
                position.evidence_start,
                position.evidence_end,
                f"{position.participation.person.name}: {position}",
                position.participation.person.get_absolute_url(),
            )
        )
    return facts
