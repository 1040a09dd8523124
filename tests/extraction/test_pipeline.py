import subprocess
import sys
import time
from pathlib import Path

from events.extraction import extract_report
from events.extraction.schema import report_as_schema

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
REPORTS = Path(__file__).resolve().parent / "reports"


def test_import_extraction_loads_no_django():
    code = (
        "import sys, events.extraction; print([m for m in sys.modules if m.startswith('django')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


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


def test_extract_report_reads_a_long_report_in_linear_time():
    """200 KB of real report paragraphs: a quadratic step (a pattern over all the text before
    each sentence, every organisation against every other) takes minutes here, linear ~2 s."""
    paragraphs = [
        paragraph.strip()
        for path in sorted(REPORTS.glob("r*.txt"))
        for paragraph in path.read_text(encoding="utf-8", errors="replace").split("\n\n")
        if len(paragraph.strip()) > 80
    ]
    text = "Green Forum held in Nanjing\n\nOn 12 May 2021, the Green Forum was held in Nanjing."
    while len(text) < 200_000:
        text += "\n\n" + paragraphs[len(text) % len(paragraphs)]
    began = time.process_time()
    report = extract_report(text, source="long.txt")
    elapsed = time.process_time() - began
    assert (report.events[0].city.name, elapsed < 20) == ("Nanjing", True), elapsed


def test_dateline_agency_is_a_media_organisation():
    text = (
        "Forum opens\n\nWUXI, China, Nov. 6, 2023 /PRNewswire/ -- The conference began on "
        "November 6 in Wuxi."
    )
    organizations = {o.name: o.kind.value for o in extract_report(text, source="x").organizations}
    assert organizations.get("PRNewswire") == "media"


def test_caption_credit_agency_is_a_media_organisation():
    text = (
        "Forum opens\n\nDelegates attend the Green Forum in Guiyang, June 27, 2015. The forum "
        "opened on Saturday. (Xinhua/Ou Dongqu)"
    )
    organizations = {o.name: o.kind.value for o in extract_report(text, source="x").organizations}
    assert "media" in {organizations.get("Xinhua"), organizations.get("Xinhua News Agency")}


def test_two_bodies_joined_by_and_are_no_third_body():
    text = (
        "Youth forum\n\nThe UNEP China Office, UNICEF China and Peking University hosted the "
        "forum in Beijing on 5 June 2023. UNICEF China's Emily Carter moderated. Peking "
        "University's Li Wei spoke. The Ministry of Ecology and Environment sent a message."
    )
    names = {o.name for o in extract_report(text, source="x").organizations}
    assert "UNICEF China and Peking University" not in names
    assert {"UNICEF China", "Peking University", "Ministry of Ecology and Environment"} <= names
