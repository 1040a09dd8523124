"""Turns the text of an event report into records. Pure Python: no Django, no I/O.

read -> clean -> segment -> find mentions -> resolve; `extract_report` runs them all, and
`lexicon` is the one home of the words and places every stage reads with.
"""

from events.extraction.folding import fold
from events.extraction.pipeline import extract_report
from events.extraction.records import ExtractedReport, ReportError

__all__ = ["ExtractedReport", "ReportError", "extract_report", "fold"]
