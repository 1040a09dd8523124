"""What one report costs the database: a bounded number of statements, not one per row."""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.loading import load_report_file

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# Measured on the seeds (12-30 speakers each) into an empty database: 217-494 statements per
# report with an update_or_create per relation row and a query per lookup; 66-136 with
# relation rows and review items written in bulk, tombstones and the people and organisations
# a report names read up front, and nothing to remove from a new report.
MAX_STATEMENTS_PER_REPORT = 140


@pytest.mark.django_db
def test_loading_a_report_costs_a_bounded_number_of_statements():
    counts = {}
    for path in SEEDS:
        with CaptureQueriesContext(connection) as queries:
            outcome = load_report_file(path)
        assert outcome.result.status == "created"
        counts[path.name] = len(queries)
    over = {name: n for name, n in counts.items() if n > MAX_STATEMENTS_PER_REPORT}
    assert over == {}, "\n".join(q["sql"] for q in queries.captured_queries)


@pytest.mark.django_db
def test_an_unchanged_report_costs_two_statements():
    for path in SEEDS:
        load_report_file(path)
    for path in SEEDS:
        with CaptureQueriesContext(connection) as queries:
            outcome = load_report_file(path)
        assert (outcome.result.status, len(queries)) == ("unchanged", 2)
