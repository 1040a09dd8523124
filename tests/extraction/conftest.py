"""Shared reading of the hand-written test reports in tests/extraction/reports/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from events.extraction.records import Span
from events.extraction.text import clean_report, decode_report, split_sentences

REPORTS = Path(__file__).parent / "reports"


@dataclass(frozen=True)
class ReadReport:
    text: str
    title: str
    publisher: str | None
    repairs: tuple[str, ...]
    sentences: tuple[Span, ...]


def read_report(stem: str) -> ReadReport:
    text, _ = decode_report((REPORTS / f"{stem}.txt").read_bytes())
    cleaned = clean_report(text)
    return ReadReport(
        cleaned.text,
        cleaned.title,
        cleaned.publisher,
        cleaned.repairs,
        split_sentences(cleaned.text),
    )


@pytest.fixture
def report():
    return read_report


@pytest.fixture(autouse=True)
def _plain_static_and_http():
    """Extraction tests never touch Django, so the project-wide settings tweak does not apply
    (and they run with `-p no:django`, where the `settings` fixture does not exist)."""
