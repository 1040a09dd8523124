"""The import queue: status rows on every database, real queue workers on PostgreSQL."""

import hashlib
import io
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse

from curation.editing import ensure_editors_group
from events.exporting import export_reports
from events.loading import load_report_file
from events.models import ImportState, Report, ReportImport, ReviewItem
from events.tasks import RETRY, import_report, run_import

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = (
    sorted((ROOT / "seeds").glob("*.txt"))
    + sorted((ROOT / "tests" / "extraction" / "reports").glob("*.txt"))[:15]
)
GOOD = (
    "Green Finance Forum Held in Shanghai\n\n"
    "On March 3, 2022, the Green Finance Forum was held in Shanghai. "
    "Mr. Chen Ming, deputy director of the Zhejiang Development Research Center, spoke.\n"
)


def queue_row(file_name: str, data: bytes) -> ReportImport:
    return ReportImport.objects.create(
        file_name=file_name, sha256=hashlib.sha256(data).hexdigest(), data=data
    )


# ------------------------------------------------------------ status rows (every database)


@pytest.mark.django_db
def test_a_queued_report_records_each_stage_and_its_timing():
    job = run_import(queue_row("forum.txt", GOOD.encode()).pk)
    job.refresh_from_db()
    report = Report.objects.get(file_name="forum.txt")
    assert (job.state, job.report, job.attempts, job.error) == (ImportState.LOADED, report, 1, "")
    assert job.outcome.startswith("created: 1 event(s), 1 participant(s)")
    assert job.queued_at <= job.started_at <= job.finished_at
    assert job.extract_seconds > 0 and job.ingest_seconds > 0
    assert bytes(job.data) == b""


@pytest.mark.django_db
def test_unreadable_text_fails_at_once_and_an_unchanged_report_is_skipped():
    bad = run_import(queue_row("empty.txt", b"  \n").pk)
    assert (bad.state, bad.error) == (
        ImportState.FAILED,
        "the file is empty or holds only whitespace",
    )
    run_import(queue_row("forum.txt", GOOD.encode()).pk)
    again = run_import(queue_row("forum.txt", GOOD.encode()).pk)
    assert (again.state, again.outcome) == (ImportState.SKIPPED, "unchanged")


@pytest.mark.django_db
def test_import_status_lists_states_timings_and_errors():
    run_import(queue_row("forum.txt", GOOD.encode()).pk)
    run_import(queue_row("empty.txt", b"").pk)
    queue_row("later.txt", GOOD.encode())
    out = io.StringIO()
    call_command("import_status", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "1 queued, 0 extracting, 0 storing, 1 loaded, 0 skipped, "
        "0 failed; will be retried, 1 failed"
    )
    assert [line.split(": ", 1)[0] for line in lines[1:]] == [
        f"#{job.pk} {job.file_name}" for job in ReportImport.objects.all()
    ]
    assert lines[2].endswith("; error: the file is empty or holds only whitespace")
    out = io.StringIO()
    call_command("import_status", "--failed", stdout=out)
    assert len(out.getvalue().splitlines()) == 2


@pytest.mark.django_db
def test_enqueue_without_the_queue_says_what_it_needs(settings, tmp_path):
    settings.TASK_QUEUE = False
    (tmp_path / "forum.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command("load_reports", "--enqueue", str(tmp_path))
    assert str(refused.value) == "--enqueue needs the task queue: a PostgreSQL DATABASE_URL."
    assert not ReportImport.objects.exists()


@pytest.mark.django_db
def test_editors_read_the_import_status_and_cannot_change_it(client):
    editor = User.objects.create_user("edith", password="a long enough password 42", is_staff=True)
    editor.groups.add(ensure_editors_group())
    client.force_login(editor)
    job = run_import(queue_row("forum.txt", GOOD.encode()).pk)
    listing = client.get(reverse("admin:events_reportimport_changelist"))
    assert [row.pk for row in listing.context["cl"].result_list] == [job.pk]
    page = client.get(reverse("admin:events_reportimport_change", args=[job.pk]))
    assert page.context["has_change_permission"] is False
    assert "created: 1 event(s)" in page.content.decode()


# ------------------------------------------------------------ real workers (PostgreSQL)


def wait_until_finished(timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while ReportImport.objects.unfinished().exists():
        assert time.monotonic() < deadline, list(ReportImport.objects.values_list("state", "error"))
        time.sleep(0.5)


def stop(workers: list[subprocess.Popen]) -> None:
    for process in workers:
        process.send_signal(signal.SIGTERM)
    for process in workers:
        process.communicate(timeout=60)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_queue_workers_load_what_was_enqueued_as_one_sequential_run(tmp_path, manage_py):
    for path in CORPUS:
        shutil.copy(path, tmp_path / path.name)
    out = io.StringIO()
    call_command("load_reports", "--enqueue", str(tmp_path), stdout=out)
    assert out.getvalue().startswith(f"{len(CORPUS)} report(s) queued")
    assert not Report.objects.exists()
    workers = [
        manage_py("procrastinate", "worker", "--one-shot", stderr=subprocess.STDOUT)
        for _ in range(4)
    ]
    # The duplicate finder reads the whole database: it runs after the imports, not after each.
    from procrastinate.contrib.django.models import ProcrastinateJob  # only on PostgreSQL

    announced = ProcrastinateJob.objects.filter(task_name__endswith="announce_loaded")
    try:
        wait_until_finished(timeout=600)
        deadline = time.monotonic() + 60
        while announced.exclude(status="succeeded").exists():
            assert time.monotonic() < deadline, list(announced.values_list("status", flat=True))
            time.sleep(0.5)
    finally:
        stop(workers)
    states = set(ReportImport.objects.values_list("state", "error"))
    assert states == {(ImportState.LOADED, "")}
    assert 1 <= announced.count() < len(CORPUS) / 2
    queued = export_reports()
    order = list(Report.objects.order_by("pk").values_list("file_name", flat=True))
    call_command("flush", interactive=False, verbosity=0)
    for name in order:
        load_report_file(tmp_path / name)
    assert export_reports() == queued


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_a_task_that_raises_is_retried_then_recorded_as_failed(manage_py):
    # A name longer than a report's file name may be: the ingest fails every time.
    job = queue_row("x" * 300 + ".txt", GOOD.encode())
    import_report.defer(import_id=job.pk)
    workers = [manage_py("procrastinate", "worker", stderr=subprocess.STDOUT)]
    try:
        wait_until_finished(timeout=120)
    finally:
        stop(workers)
    job.refresh_from_db()
    assert (job.state, job.attempts) == (ImportState.FAILED, RETRY.max_attempts + 1)
    assert job.error.startswith("could not be stored (DataError: value too long")
    assert not Report.objects.exists()


@pytest.mark.postgresql
@pytest.mark.django_db
def test_the_admin_queues_a_pasted_report_and_shows_its_state(client):
    editor = User.objects.create_user("edith", password="a long enough password 42", is_staff=True)
    editor.groups.add(ensure_editors_group())
    client.force_login(editor)
    response = client.post(
        reverse("admin:events_report_add_from_text"), {"file_name": "forum.txt", "text": GOOD}
    )
    job = ReportImport.objects.get()
    assert response["Location"] == reverse("admin:events_reportimport_change", args=[job.pk])
    assert not Report.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Queued" in page and 'http-equiv="refresh"' in page
    run_import(job.pk)
    page = client.get(response["Location"]).content.decode()
    report = Report.objects.get()
    event = report.events.get()
    person = event.participations.get().person
    assert "Loaded" in page and 'http-equiv="refresh"' not in page
    for obj in (report, event, person):
        url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
        assert f'<a href="{url}">' in page
    flagged = ReviewItem.objects.open().filter(content_type__model="event")
    assert list(flagged.values_list("object_id", flat=True)) == [event.pk]


@pytest.mark.django_db
def test_a_queued_report_refreshes_the_duplicate_candidates_like_a_command_run():
    from curation.models import DuplicateCandidate

    # Two spellings of one organisation, each named by its own queued report.
    first = GOOD.replace("Zhejiang Development Research Center", "World Resources Institute")
    second = (
        GOOD.replace("Zhejiang Development Research Center", "World Resource Institute")
        .replace("Chen Ming", "Li Hua")
        .replace("March 3", "March 4")
    )
    run_import(queue_row("first.txt", first.encode()).pk)
    run_import(queue_row("second.txt", second.encode()).pk)
    pairs = {
        (c.organization_a.name, c.organization_b.name)
        for c in DuplicateCandidate.objects.filter(organization_a__isnull=False)
    }
    assert {frozenset(p) for p in pairs} >= {
        frozenset({"World Resources Institute", "World Resource Institute"})
    }
