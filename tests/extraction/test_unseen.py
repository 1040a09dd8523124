"""Generalisation check: reports r13-r22 were written and hand-annotated (gold_unseen/) before
the extractor ever read them; the scorer's totals must stay at the level reached."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from events.extraction import extract_report
from events.extraction.schema import report_as_schema

HERE = Path(__file__).resolve().parent
REPORTS = HERE / "reports"
GOLD = HERE / "gold_unseen"
SCORER = HERE.parents[2] / "shared/tools/score_extraction.py"


def _unseen_reports() -> list[Path]:
    stems = {gold.stem for gold in GOLD.glob("r*.json")}
    return sorted(path for path in REPORTS.glob("r*.txt") if path.stem in stems)


def test_unseen_reports_each_have_gold():
    assert len(_unseen_reports()) >= 10


def test_extract_report_scores_on_unseen_reports(tmp_path):
    if not SCORER.exists():
        pytest.skip(f"{SCORER} is absent")
    docs = [
        report_as_schema(extract_report(path.read_bytes(), source=path.name))
        for path in _unseen_reports()
    ]
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"reports": docs}, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), str(export), str(GOLD), "--json", "--quiet"],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    assert scores["people_f1"] >= 0.95, scores
    assert scores["affiliation_acc"] >= 0.95, scores
    assert scores["orgs_f1"] >= 0.9, scores
    assert scores["date_acc"] == 1.0, scores
    assert scores["city_acc"] == 1.0, scores
