"""Turns the text of an event report into records. Pure Python: no Django, no I/O.

read -> clean -> segment -> extract -> resolve; `extract_report` runs them all.
"""

from events.extraction.folding import fold
from events.extraction.pipeline import extract_report
from events.extraction.records import ExtractedReport, ReportError

__all__ = ["ExtractedReport", "ReportError", "extract_report", "fold"]
