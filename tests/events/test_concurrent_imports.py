"""Several importer processes at once into one PostgreSQL database.

The result must be one a sequential run makes: the run that ingests the reports in the order
the concurrent processes committed them (report ids are taken inside the ingest's lock).
"""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from events.exporting import export_reports
from events.loading import load_report_file
from events.models import Report
from people.models import Person

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = (
    sorted((ROOT / "seeds").glob("*.txt"))
    + sorted((ROOT / "tests" / "extraction" / "reports").glob("*.txt"))[:19]
)

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def overlapping_folders(tmp_path: Path, n: int) -> list[Path]:
    """n folders; each holds its own share of the corpus and the next folder's share."""
    shares = [CORPUS[i::n] for i in range(n)]
    folders = []
    for i in range(n):
        folder = tmp_path / f"importer{i}"
        folder.mkdir()
        for path in shares[i] + shares[(i + 1) % n]:
            shutil.copy(path, folder / path.name)
        folders.append(folder)
    return folders


def sequential_export(order: list[str]) -> dict:
    call_command("flush", interactive=False, verbosity=0)
    by_name = {path.name: path for path in CORPUS}
    for name in order:
        assert load_report_file(by_name[name]).failed is False
    return export_reports()


@pytest.mark.parametrize("importers", [2, 2, 4, 4], ids=["2a", "2b", "4a", "4b"])
def test_concurrent_importers_end_as_one_sequential_run(tmp_path, importers, manage_py):
    processes = [
        manage_py("load_reports", str(folder), "--no-progress")
        for folder in overlapping_folders(tmp_path, importers)
    ]
    finished = [(*p.communicate(timeout=600), p.returncode) for p in processes]
    assert [(code, err) for _, err, code in finished] == [(0, "")] * importers
    assert sorted(Report.objects.values_list("file_name", flat=True)) == sorted(
        p.name for p in CORPUS
    )
    people = Person.objects.count()
    concurrent = export_reports()
    order = list(Report.objects.order_by("pk").values_list("file_name", flat=True))
    assert sequential_export(order) == concurrent
    assert Person.objects.count() == people
