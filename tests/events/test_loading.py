"""load_reports and export_events as a user runs them."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.extraction.text import MAX_BYTES
from events.loading import find_report_files, load_report_file
from events.models import Event, Report

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

GOOD = (
    "Low-Carbon Towns Symposium convened in Hangzhou\n\n"
    "On 3 March 2022 the Low-Carbon Towns Symposium was held in Hangzhou. "
    "Mr. Chen Ming, deputy director of the Zhejiang Development Research Center, said towns "
    "must cut emissions.\n"
)


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("load_reports", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.django_db
def test_load_reports_loads_the_seeds_once_and_only_once():
    out, _ = run(str(SEEDS))
    assert "5 report(s): 5 new, 0 updated, 0 unchanged, 0 skipped, 0 failed" in out
    events = Event.objects.count()
    out, _ = run(str(SEEDS))
    assert "5 report(s): 0 new, 0 updated, 5 unchanged, 0 skipped, 0 failed" in out
    assert Report.objects.count() == 5
    assert Event.objects.count() == events


@pytest.mark.django_db
def test_load_reports_dry_run_writes_nothing(tmp_path):
    write(tmp_path, "a.txt", GOOD.encode())
    out, _ = run(str(tmp_path), "--dry-run")
    assert out.splitlines()[-1].startswith("Dry run, nothing written: 1 report(s): 1 new")
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_changed_report_is_updated_in_place(tmp_path):
    path = write(tmp_path, "a.txt", GOOD.encode())
    run(str(path))
    path.write_bytes(GOOD.replace("3 March 2022", "4 March 2022").encode())
    out, _ = run(str(path))
    assert "1 updated" in out
    assert Report.objects.count() == 1
    assert "4 March 2022" in Report.objects.get().text


@pytest.mark.django_db
def test_bad_reports_each_get_one_line_and_the_rest_still_load(tmp_path):
    write(tmp_path, "00_good.txt", GOOD.encode())
    write(tmp_path, "01_empty.txt", b"")
    write(tmp_path, "02_blank.txt", b"  \n\n \t\n")
    write(tmp_path, "03_binary.txt", bytes(range(256)) * 8)
    write(tmp_path, "04_huge.txt", b"a" * (MAX_BYTES + 1))
    with pytest.raises(CommandError, match="4 report"):
        run(str(tmp_path))
    assert list(Report.objects.values_list("file_name", flat=True)) == ["00_good.txt"]


@pytest.mark.django_db
def test_each_error_line_names_the_file_and_the_problem(tmp_path):
    cases = {
        "empty.txt": (b"", "empty"),
        "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
        "huge.txt": (b"x" * (MAX_BYTES + 1), "refused"),
    }
    for name, (data, words) in cases.items():
        outcome = load_report_file(write(tmp_path, name, data))
        assert outcome.failed
        assert words in outcome.error
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_unreadable_and_missing_paths_are_reported(tmp_path):
    folder_named_like_a_report = tmp_path / "folder.txt"
    folder_named_like_a_report.mkdir()
    assert "cannot read it" in load_report_file(folder_named_like_a_report).error
    files, problems = find_report_files([tmp_path / "missing.txt", tmp_path / "empty_dir"])
    assert files == []
    assert [p.error for p in problems] == ["no such file or folder", "no such file or folder"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("encoding", "phrase"),
    [
        ("gbk", "the 杭州 (Hangzhou) district"),
        ("gb18030", "the 西湖 district"),
        ("utf-16", "the café district"),
        ("latin-1", "the café district"),
        ("utf-8-sig", "the café district"),
    ],
)
def test_reports_in_other_encodings_are_decoded_and_loaded(tmp_path, encoding, phrase):
    text = GOOD.replace("Hangzhou.", f"Hangzhou, in {phrase}.")
    out, _ = run(str(write(tmp_path, "enc.txt", text.encode(encoding))))
    assert "1 new" in out
    assert phrase in Report.objects.get().text


@pytest.mark.django_db
def test_identical_text_under_another_name_is_skipped(tmp_path):
    write(tmp_path, "a.txt", GOOD.encode())
    write(tmp_path, "b.txt", GOOD.encode())
    out, _ = run(str(tmp_path))
    assert "b.txt: skipped (same text as a.txt; skipped)" in out
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_export_events_json_follows_the_schema():
    run(str(SEEDS))
    out = io.StringIO()
    call_command("export_events", "--format", "json", stdout=out)
    document = json.loads(out.getvalue())
    assert [r["report"] for r in document["reports"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
    report = document["reports"][0]
    assert set(report) == {"report", "title", "publisher", "events", "organizations"}
    event = report["events"][0]
    assert set(event) == {
        "name", "start", "end", "city", "country", "venue", "part_of", "organizers",
        "participants", "talks", "cities_mentioned", "attendance", "topics",
    }  # fmt: skip


@pytest.mark.django_db
def test_export_events_csv_has_one_row_per_participation(tmp_path):
    run(str(write(tmp_path, "a.txt", GOOD.encode())))
    out = io.StringIO()
    call_command("export_events", "--format", "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    participations = sum(e.participations.count() for e in Event.objects.all())
    assert len(rows) == participations


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.django_db
def test_long_runs_on_a_terminal_show_a_progress_bar(tmp_path, monkeypatch):
    for n in range(20):
        write(tmp_path, f"{n:02d}.txt", GOOD.replace("Chen Ming", f"Chen Ming{n}").encode())
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    run(str(tmp_path))
    assert "20/20" in terminal.getvalue()


@pytest.mark.django_db
def test_short_runs_and_pipes_show_no_progress_bar(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", GOOD.encode())
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    run(str(tmp_path))
    assert terminal.getvalue() == ""
