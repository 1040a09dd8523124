"""Read and clean: bytes -> text, mojibake repair, page furniture, sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from events.extraction.records import ReportError, Span

MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class CleanedReport:
    text: str
    title: str
    publisher: str | None
    repairs: tuple[str, ...] = ()


def decode_report(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises ReportError for empty, binary or huge input."""
    if not data.strip():
        raise ReportError("the file is empty")
    if len(data) > MAX_BYTES:
        raise ReportError(f"the file is {len(data):,} bytes; reports over {MAX_BYTES:,} are refused")
    if b"\x00" in data:
        raise ReportError("the file is binary, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def clean_report(text: str) -> CleanedReport:
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line]
    title = kept[0] if kept else ""
    return CleanedReport(text="\n".join(kept), title=title, publisher=None)


def split_sentences(text: str) -> tuple[Span, ...]:
    spans = []
    for match in re.finditer(r"[^.!?\n]+[.!?]*", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            spans.append(Span(start, end))
    return tuple(spans)
