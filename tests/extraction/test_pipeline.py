import json
import subprocess
import sys
from pathlib import Path

import pytest

from events.extraction import extract_report
from events.extraction.schema import report_as_schema

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
REPORTS = Path(__file__).resolve().parent / "reports"
SCORER = Path(__file__).resolve().parents[2].parent / "shared/tools/score_extraction.py"


def test_import_extraction_loads_no_django():
    code = (
        "import sys, events.extraction; print([m for m in sys.modules if m.startswith('django')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_extract_report_scores_on_seeds(tmp_path):
    if not SCORER.exists():
        pytest.skip(f"{SCORER} is absent")
    docs = [
        report_as_schema(extract_report(path.read_bytes(), source=path.name))
        for path in sorted(SEEDS.glob("*.txt"))
    ]
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"reports": docs}, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(export),
            str(ROOT / "tests/fixtures/gold"),
            "--json",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    assert scores["people_f1"] >= 0.95, scores
    assert scores["affiliation_acc"] >= 0.95, scores
    assert scores["orgs_f1"] >= 0.85, scores
    assert scores["date_acc"] == 1.0, scores
    assert scores["city_acc"] == 1.0, scores


def _people_fields(document):
    return [
        {
            key: person[key]
            for key in ("name", "family_name", "given_name", "forms", "role", "positions")
        }
        for event in document["events"]
        for person in event["participants"]
    ]


def _talks(document):
    return [talk for event in document["events"] for talk in event["talks"]]


def _organizations(document):
    return sorted((org["name"], org["acronym"]) for org in document["organizations"])


@pytest.mark.parametrize(
    "case",
    sorted(p for p in REPORTS.glob("r*.txt") if p.with_suffix(".json").exists()),
    ids=lambda p: p.stem,
)
def test_extract_report_matches_golden_people_and_organizations(case):
    expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
    actual = report_as_schema(extract_report(case.read_bytes(), source=case.name))
    assert _people_fields(actual) == _people_fields(expected)
    assert _talks(actual) == _talks(expected)
    assert _organizations(actual) == _organizations(expected)


def test_extract_report_positions_point_at_listed_organizations():
    for path in [*sorted(SEEDS.glob("*.txt")), *sorted(REPORTS.glob("r*.txt"))]:
        report = extract_report(path.read_bytes(), source=path.name)
        names = {org.name for org in report.organizations}
        for event in report.events:
            for person in event.participants:
                for position in person.positions:
                    assert position.organization is None or position.organization in names, (
                        path.name,
                        position,
                    )
            for organizer in event.organizers:
                assert organizer.organization in names


def test_extract_report_warns_about_missing_year():
    report = extract_report(
        (REPORTS / "r10_list_semicolons_no_year.txt").read_bytes(), source="r10.txt"
    )
    assert "no-year" in report.events[0].warnings


def test_report_as_schema_has_the_gold_keys():
    report = extract_report((SEEDS / "002_3986ffc58caf3451.txt").read_bytes(), source="x/002.txt")
    document = report_as_schema(report)
    assert list(document) == ["report", "title", "publisher", "events", "organizations"]
    assert document["report"] == "002.txt"
    assert list(document["events"][0]) == [
        "name",
        "start",
        "end",
        "city",
        "country",
        "venue",
        "part_of",
        "organizers",
        "participants",
        "talks",
        "cities_mentioned",
        "attendance",
        "topics",
    ]
