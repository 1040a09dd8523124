"""Every annotated report's whole extracted record, compared in full with a golden file.

A change to any rule shows here as a diff over events, dates, places, organisers, people with
every position, talks and organisations. After an intended change, regenerate the files with
`REGEN_GOLDEN=1 pytest tests/extraction/test_golden.py` and read the diff before committing.
"""

import json
import os
from pathlib import Path

import pytest

from events.extraction import extract_report
from events.extraction.schema import report_as_schema

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
REPORTS = sorted((HERE / "reports").glob("*.txt")) + sorted(
    (HERE.parents[1] / "seeds").glob("*.txt")
)
REGENERATE = os.environ.get("REGEN_GOLDEN") == "1" and os.environ.get("CI") != "true"


def test_every_report_has_a_golden_file():
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(p.stem for p in REPORTS)


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_extract_report_matches_its_golden_file(report):
    actual = report_as_schema(extract_report(report.read_bytes(), source=report.name))
    golden = GOLDEN / f"{report.stem}.json"
    if REGENERATE:
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", "utf-8")
    assert actual == json.loads(golden.read_text(encoding="utf-8"))
