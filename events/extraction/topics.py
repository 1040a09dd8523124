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
    # Per pattern, lowercase words every match starts with ("carbon" for "carbon[- ]neutral"):
    # a text without them is not scanned with the pattern at all.
    prefixes: tuple[str, ...] = ()
    # Per pattern, the same without its opening look-behind (see `_scan_starts`).
    scanners: tuple[re.Pattern[str], ...] = ()


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
            prefixes=tuple(literal_prefix(pattern) for pattern in entry["patterns"]),
            scanners=tuple(_compile_scanner(pattern) for pattern in entry["patterns"]),
        )
        for entry in entries
    )


def literal_prefix(pattern: str) -> str:
    """The lowercase letters every match of a topic pattern starts with, "" when unsure.

    Example: "carbon[- ]neutral(?:ity)?" -> "carbon"; "emissions? trading" -> "emission"
    (the "s" is optional); "ETS|emissions trading" (an alternation) or "(?:a|b)c" -> "".
    """
    depth = 0
    for char in pattern:
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            return ""
    match = re.match(r"[A-Za-z0-9 ]+", pattern)
    if not match:
        return ""
    prefix = match.group()
    if pattern[len(prefix) : len(prefix) + 1] in ("?", "*", "{"):
        prefix = prefix[:-1]  # "emissions?": the last letter may be absent
    return prefix.lower()


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)


def _compile_scanner(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{pattern})(?![\w-])", re.IGNORECASE)


def tag_topics(text: str, sentences: tuple[Span, ...]) -> tuple[TopicTag, ...]:
    """Tags earned by the report's words, best first.

    Example input: "The forum discussed carbon neutrality. ... carbon-neutral by 2060."
    gives TopicTag("carbon-neutrality", "carbon neutrality", <first sentence>, score=2.0).
    """
    lead_end = sentences[min(_LEAD_SENTENCES, len(sentences)) - 1].end if sentences else 0
    lowered = lower_same_length(text)
    scored = []
    for order, topic in enumerate(load_vocabulary()):
        tag = _score_topic(topic, text, sentences, lead_end, lowered)
        if tag is not None:
            scored.append((tag, order))
    scored.sort(key=lambda pair: (-pair[0].score, pair[0].evidence.start, pair[1]))
    return tuple(tag for tag, _ in scored)


def _score_topic(
    topic: TopicDefinition, text: str, sentences: tuple[Span, ...], lead_end: int, lowered: str
) -> TopicTag | None:
    positions = sorted(
        {
            start
            for pattern, prefix, scanner in zip(
                topic.patterns, topic.prefixes, topic.scanners, strict=True
            )
            if not prefix or prefix in lowered
            for start in (
                _starts_at_prefix(pattern, prefix, text, lowered)
                if prefix
                else _scan_starts(scanner, text)
            )
        }
    )
    if not positions:
        return None
    in_lead = positions[0] < lead_end
    if len(positions) < topic.min_hits and not in_lead:
        return None
    score = len(positions) + (_LEAD_BONUS if in_lead else 0.0)
    evidence = _sentence_at(sentences, positions[0])
    return TopicTag(slug=topic.slug, name=topic.name, evidence=evidence, score=score)


def lower_same_length(text: str) -> str:
    """`text.lower()` with every character at its place, so offsets into it are offsets into
    `text`.

    "İ" (U+0130) is the one character whose lower case is two ("i" and a combining dot); it
    becomes "i", which a case-insensitive pattern matches it as. Example: "İzmir Forum" ->
    "izmir forum" (11 characters, as the text).
    """
    return text.replace("\u0130", "i").lower()


def _starts_at_prefix(pattern: re.Pattern[str], prefix: str, text: str, lowered: str):
    """Where `pattern` matches, tried only where its literal prefix occurs.

    A pattern opening with a look-behind is tried by `finditer` at every character of a
    500 KB report; `str.find` jumps to the few places it can start. Example: prefix "carbon"
    in "low-carbon and carbon neutral" is tried at 4 and 15 only.
    """
    at = lowered.find(prefix)
    while at != -1:
        if pattern.match(text, at):
            yield at
        at = lowered.find(prefix, at + 1)


def _scan_starts(scanner: re.Pattern[str], text: str):
    """Where the topic pattern matches, as `finditer` of it would find them.

    The pattern opens with a look-behind, which keeps the regex engine from skipping ahead to
    the letters a match can start with; the scanner (the pattern without it) can, and the
    look-behind is checked here. Example: "ETS|emissions trading" in "sweets, ETS" starts at 8
    only (the scanner's hit inside "sweets" has a letter before it).
    """
    at = 0
    while (match := scanner.search(text, at)) is not None:
        start = match.start()
        before = text[start - 1] if start else ""
        if before and (before.isalnum() or before in "_-"):
            at = start + 1
            continue
        yield start
        at = max(match.end(), start + 1)


def _sentence_at(sentences: tuple[Span, ...], position: int) -> Span:
    for span in sentences:
        if span.start <= position < span.end:
            return span
    return Span(position, position)
