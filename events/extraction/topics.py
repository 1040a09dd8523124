"""What an event was about: tags from a curated vocabulary (data/topics.json).

A tag needs evidence in the report's words. One passing mention deep in the text does not tag;
several mentions do, and so does one in the headline or the lead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from events.extraction.records import Span, TopicTag

# Hits needed to tag when none is in the headline or lead.
_MIN_HITS = 2
# Sentences at the top of the report (headline included) that count as the lead.
_LEAD_SENTENCES = 3
# Extra score for a hit in the headline or lead: it states what the event was about.
_LEAD_BONUS = 2.0


@dataclass(frozen=True)
class TopicDefinition:
    slug: str  # "carbon-neutrality"
    name: str  # "carbon neutrality"
    description: str  # one sentence for editors and the topic page
    patterns: tuple[re.Pattern[str], ...]  # case-insensitive, whole words
    min_hits: int = _MIN_HITS  # specialised topics ("carbon footprint") tag on one mention


@cache
def load_vocabulary() -> tuple[TopicDefinition, ...]:
    """The topic vocabulary shipped in data/topics.json, compiled once."""
    source = resources.files("events.extraction").joinpath("data", "topics.json")
    entries = json.loads(source.read_text(encoding="utf-8"))["topics"]
    return tuple(
        TopicDefinition(
            slug=entry["slug"],
            name=entry["name"],
            description=entry["description"],
            patterns=tuple(_compile(pattern) for pattern in entry["patterns"]),
            min_hits=entry.get("min_hits", _MIN_HITS),
        )
        for entry in entries
    )


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)


def tag_topics(text: str, sentences: tuple[Span, ...]) -> tuple[TopicTag, ...]:
    """Tags earned by the report's words, best first.

    Example input: "The forum discussed carbon neutrality. ... carbon-neutral by 2060."
    gives TopicTag("carbon-neutrality", "carbon neutrality", <first sentence>, score=2.0).
    """
    lead_end = sentences[min(_LEAD_SENTENCES, len(sentences)) - 1].end if sentences else 0
    scored = []
    for order, topic in enumerate(load_vocabulary()):
        tag = _score_topic(topic, text, sentences, lead_end)
        if tag is not None:
            scored.append((tag, order))
    scored.sort(key=lambda pair: (-pair[0].score, pair[0].evidence.start, pair[1]))
    return tuple(tag for tag, _ in scored)


def _score_topic(
    topic: TopicDefinition, text: str, sentences: tuple[Span, ...], lead_end: int
) -> TopicTag | None:
    positions = sorted(
        {match.start() for pattern in topic.patterns for match in pattern.finditer(text)}
    )
    if not positions:
        return None
    in_lead = positions[0] < lead_end
    if len(positions) < topic.min_hits and not in_lead:
        return None
    score = len(positions) + (_LEAD_BONUS if in_lead else 0.0)
    evidence = _sentence_at(sentences, positions[0])
    return TopicTag(slug=topic.slug, name=topic.name, evidence=evidence, score=score)


def _sentence_at(sentences: tuple[Span, ...], position: int) -> Span:
    for span in sentences:
        if span.start <= position < span.end:
            return span
    return Span(position, position)
