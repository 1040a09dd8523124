"""Score hand-annotated reports with the shared scorer, as the lead does on real reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from events.extraction import extract_report
from events.extraction.schema import report_as_schema

REPORTS = Path(__file__).resolve().parent / "reports"
SCORER = Path(__file__).resolve().parents[3] / "shared/tools/score_extraction.py"


def reports_with_gold(gold: Path) -> list[Path]:
    """The reports in reports/ that have a gold annotation in `gold`."""
    stems = {path.stem for path in gold.glob("r*.json")}
    return sorted(path for path in REPORTS.glob("r*.txt") if path.stem in stems)


def score_reports(gold: Path, tmp_path: Path) -> dict:
    """The scorer's totals for every report annotated in `gold`; skips when it is absent."""
    if not SCORER.exists():
        pytest.skip(f"{SCORER} is absent")
    docs = [
        report_as_schema(extract_report(path.read_bytes(), source=path.name))
        for path in reports_with_gold(gold)
    ]
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"reports": docs}, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(export), str(gold), "--json", "--quiet"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])
