"""People named in a capacity: who they are, their titles and organisations, their role, talks.

A sentence is read as a stream of comma/semicolon segments. A person-shaped name opens a
group; the title segments after it ("director of X", "EF China ... Project Manager") become
positions; the first verb segment ("said", "hosted the summit") closes every open group and
gives their role. Later short references ("Mr. Clarence", "Zou Ji:") join the same person.

introductions.py reads who is introduced, positions.py parses their titles, mentions.py reads
later references; this module runs them in that order.
"""

from __future__ import annotations

from events.extraction.names import parse_person_name_with_warnings
from events.extraction.organizations import OrganizationIndex
from events.extraction.people.introductions import read_sentence, speaker_card
from events.extraction.people.mentions import apply_contexts, find_references, find_talks
from events.extraction.people.words import ABBREVIATION_END_RE, People, PersonDraft
from events.extraction.records import Participant, Position, Role, Span, Warning

__all__ = ["find_participants"]


def find_participants(
    text: str,
    sentences: tuple[Span, ...],
    organizations: OrganizationIndex | None = None,
) -> tuple[Participant, ...]:
    """Everyone the report names in a capacity, in order of first mention.

    `organizations` is the report's index; organisations met in positions are added to it so
    every `Position.organization` is the full name of an indexed organisation.
    """
    index = organizations if organizations is not None else OrganizationIndex()
    people = People()
    units = merge_abbreviation_splits(text, sentences)
    carded_until = -1
    for at, span in enumerate(units):
        if at <= carded_until:
            continue
        card = speaker_card(text, units, at)
        if card is not None:
            card_span, sentence = card
            read_sentence(text, card_span, index, people, sentence)
            carded_until = max(i for i, unit in enumerate(units) if unit.end <= card_span.end)
            continue
        read_sentence(text, span, index, people)
    for span in units:
        find_references(text, span, people)
    apply_contexts(text, units, people)
    find_talks(text, units, people)
    return tuple(
        freeze_person(person)
        for person in people
        if (person.role or person.positions) and not person.recalled
    )


def merge_abbreviation_splits(text: str, sentences: tuple[Span, ...]) -> tuple[Span, ...]:
    """Join sentences split after "Mr." or "J." or "Co., Ltd." by a naive splitter."""
    merged: list[Span] = []
    for span in sentences:
        if merged:
            previous = merged[-1]
            tail = text[previous.start : previous.end].rstrip()
            gap = text[previous.end : span.start]
            next_text = text[span.start : span.end]
            if "\n" not in gap and (
                ABBREVIATION_END_RE.search(tail) or (next_text[:1].islower() and tail.endswith("."))
            ):
                merged[-1] = Span(previous.start, span.end)
                continue
        merged.append(span)
    return tuple(merged)


def _primary_first(positions: list[Position]) -> list[Position]:
    """ "Ambassador Amina J. Mohammed, deputy secretary-general of the UN": a one-word title
    with no body is a form of address; the titled post with a body is the primary one."""
    if len(positions) > 1 and positions[0].organization is None:
        first = next((i for i, p in enumerate(positions) if p.organization), None)
        if first is not None:
            return [positions[first], *positions[:first], *positions[first + 1 :]]
    return positions


def freeze_person(person: PersonDraft) -> Participant:
    name, warnings = parse_person_name_with_warnings(person.written, forms=tuple(person.forms))
    positions = tuple(_primary_first(person.positions))
    all_warnings = list(warnings)
    if not positions or positions[0].organization is None:
        all_warnings.append(Warning.NO_AFFILIATION)
    return Participant(
        name=name,
        role=person.role or Role.SPEAKER,
        positions=positions,
        evidence=person.evidence,
        talk_title=person.talk_title,
        talk_evidence=person.talk_evidence,
        online=person.online,
        confidence=1.0 if positions else 0.6,
        warnings=tuple(all_warnings),
    )
