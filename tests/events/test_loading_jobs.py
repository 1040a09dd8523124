"""load_reports --jobs N: extraction in worker processes, the same outcome as one process."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.exporting import export_reports

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = (
    sorted((ROOT / "seeds").glob("*.txt"))
    + sorted((ROOT / "tests" / "extraction" / "reports").glob("*.txt"))[:10]
)


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("load_reports", *args, stdout=out, stderr=err)
    except CommandError as exc:
        err.write(f"CommandError: {exc}\n")
    return out.getvalue(), err.getvalue()


# Committed, so the database can be emptied between the two runs on PostgreSQL too.
@pytest.mark.django_db(transaction=True)
def test_two_jobs_print_and_store_what_one_job_does(tmp_path):
    for path in CORPUS:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "copy.txt").write_bytes(CORPUS[0].read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    one = run(str(tmp_path), "--jobs", "1", "--no-progress")
    exported = export_reports()
    call_command("flush", interactive=False, verbosity=0)
    two = run(str(tmp_path), "--jobs", "2", "--no-progress")
    assert two == one
    assert export_reports() == exported
    assert one[1].splitlines()[-1] == "CommandError: 1 report(s) could not be loaded; see above."
    assert "15 report(s): 15 new, 0 updated, 0 unchanged, 1 skipped, 1 failed" in one[0]


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.django_db
def test_the_progress_bar_counts_finished_reports_with_two_jobs(tmp_path, monkeypatch):
    for path in CORPUS[:5] * 4:
        (tmp_path / f"{len(list(tmp_path.iterdir())):02d}.txt").write_bytes(path.read_bytes())
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    out, _ = run(str(tmp_path), "--jobs", "2")
    assert "20/20" in terminal.getvalue()
    assert "5 report(s): 5 new, 0 updated, 0 unchanged, 15 skipped, 0 failed" in out
