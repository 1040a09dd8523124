"""What the extraction returns, ingested and exported, is the schema document it produced.

The pipeline writes the SCHEMA document from its records (`report_as_schema`) and the export
writes it from the database (`export_reports`); this holds the two writers to one answer for
every annotated report, each loaded into an empty database.
"""

from pathlib import Path

import pytest
from django.conf import settings

from events.exporting import export_reports
from events.extraction import extract_report
from events.extraction.schema import report_as_schema
from events.loading import decode_report_text, load_report_file
from events.sources import split_source_header

BASE = Path(settings.BASE_DIR)
REPORTS = sorted((BASE / "seeds").glob("*.txt")) + sorted(
    (BASE / "tests" / "extraction" / "reports").glob("*.txt")
)


@pytest.mark.django_db
@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_export_of_an_ingested_report_is_the_pipelines_document(path):
    outcome = load_report_file(path)
    assert not outcome.failed, outcome.error
    [exported] = export_reports()["reports"]
    raw_text, _ = decode_report_text(path.read_bytes())
    _, body = split_source_header(raw_text)
    assert exported == report_as_schema(extract_report(body, source=path.name))
