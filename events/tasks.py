"""The import queue: one report is one task, run by `manage.py procrastinate worker`.

Jobs live in the shared PostgreSQL database, so workers on any number of machines take them;
the report's bytes travel in its `ReportImport` row, so a worker needs no shared disk. Each
ingest takes its turn under the ingest lock (see events.ingest), so workers side by side end
with what one sequential import makes.
"""

from __future__ import annotations

import contextlib
import hashlib

from django.contrib.admin.models import ADDITION, LogEntry
from django.db import close_old_connections, transaction
from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from events.ingest import IngestResult, ingest_report
from events.loading import extract_report_bytes, flag_events_for_review, skip_before_extracting
from events.models import ImportState, Report, ReportImport
from events.signals import reports_loaded

# A failed ingest (a database restarting, a lock timeout) runs twice more, 2 s then 4 s later;
# then it stays failed, with its error, in the import status. Unreadable text never retries.
RETRY = RetryStrategy(max_attempts=2, exponential_wait=2)


def enqueue_reports(
    reports: list[tuple[str, bytes]], *, review_new_records: bool = False, user=None
) -> list[ReportImport]:
    """Queue (file name, bytes) pairs; the status rows and the jobs commit together."""
    with transaction.atomic():
        imports = ReportImport.objects.bulk_create(
            ReportImport(
                file_name=file_name,
                sha256=hashlib.sha256(data).hexdigest(),
                data=data,
                review_new_records=review_new_records,
                requested_by=user,
            )
            for file_name, data in reports
        )
        if imports:
            import_report.batch_defer(*({"import_id": job.pk} for job in imports))
    return imports


@app.task(queue="imports", retry=RETRY, pass_context=True)
def import_report(context, import_id: int) -> None:
    # A worker lives for days: a connection the database dropped must not fail the next job.
    close_old_connections()
    try:
        run_import(
            import_id, final_attempt=context.job.attempts >= RETRY.max_attempts, announce_now=False
        )
    finally:
        close_old_connections()


# The one announcement waiting to run after the imports queued before it.
ANNOUNCE_LOCK = "events.reports_loaded"


def announce_later(result: IngestResult) -> None:
    """What a load_reports run announces once at its end, the queue announces once after the
    reports queued so far: one waiting `announce_loaded` job stands for every import before
    it (a receiver such as curation's duplicate finder reads the whole database, so running
    it after each of a thousand queued reports, under the ingest lock, made the queue
    quadratic)."""
    # A waiting one has not started yet: it will see this report too.
    with contextlib.suppress(AlreadyEnqueued):
        announce_loaded.configure(queueing_lock=ANNOUNCE_LOCK).defer(
            file_name=result.file_name, status=result.status
        )


@app.task(queue="imports", retry=RETRY)
def announce_loaded(file_name: str, status: str) -> None:
    close_old_connections()
    try:
        reports_loaded.send(
            sender=announce_loaded, results=[IngestResult(file_name=file_name, status=status)]
        )
    finally:
        close_old_connections()


def run_import(
    import_id: int, *, final_attempt: bool = True, announce_now: bool = True
) -> ReportImport:
    """Extract and ingest one queued report, recording each stage on its status row.

    Raises when the ingest fails, so the queue retries it; the row says so either way.
    Run outside the queue (`announce_now`), it announces its report itself, as a command run
    does; a queue worker leaves that to `announce_later`.
    """
    job = ReportImport.objects.get(pk=import_id)
    job.attempts += 1
    job.state = ImportState.EXTRACTING
    job.started_at = job.started_at or timezone.now()
    store(job, "attempts", "state", "started_at")
    data = bytes(job.data)
    skipped = skip_before_extracting(job.file_name, job.sha256)
    if skipped is not None:
        result = skipped.get("result")
        outcome = result.summary() if result else skipped["notice"]
        return finish(job, ImportState.SKIPPED, outcome=outcome)
    extraction = extract_report_bytes(data, job.file_name)
    job.extract_seconds = extraction.seconds
    if extraction.error is not None:
        return finish(job, ImportState.FAILED, error=extraction.error)
    job.state = ImportState.STORING
    store(job, "state", "extract_seconds")
    started = timezone.now()
    try:
        result = ingest_report(
            extraction.extracted,
            raw_text=extraction.raw_text,
            sha256=job.sha256,
            file_name=job.file_name,
            review_new_records=job.review_new_records,
            user=job.requested_by,
        )
    except Exception as exc:
        job.ingest_seconds = (timezone.now() - started).total_seconds()
        state = ImportState.FAILED if final_attempt else ImportState.RETRYING
        finish(job, state, error=f"could not be stored ({type(exc).__name__}: {exc})")
        raise
    job.ingest_seconds = (timezone.now() - started).total_seconds()
    if result.status == "duplicate":
        return finish(job, ImportState.SKIPPED, outcome=f"same text as {result.twin}; skipped")
    job.report = Report.objects.filter(file_name=job.file_name).first()
    if job.review_new_records and job.report is not None:
        flag_events_for_review(job.report)
        if job.requested_by is not None:
            LogEntry.objects.log_actions(
                user_id=job.requested_by.pk,
                queryset=[job.report],
                action_flag=ADDITION,
                change_message="Added from text in the admin.",
                single_object=True,
            )
    loaded = finish(job, ImportState.LOADED, outcome=result.summary())
    # The duplicate candidates (curation) are found again after an import that wrote.
    if announce_now:
        reports_loaded.send(sender=run_import, results=[result])
    elif result.status in ("created", "updated"):
        announce_later(result)
    return loaded


def finish(job: ReportImport, state: str, *, outcome: str = "", error: str = "") -> ReportImport:
    job.state = state
    job.outcome = outcome[:500]
    job.error = error
    if state != ImportState.RETRYING:
        job.finished_at = timezone.now()
    if state == ImportState.LOADED:
        # Loaded text is in the report; the queued copy would only take space.
        job.data = b""
    store(
        job,
        "state",
        "outcome",
        "error",
        "finished_at",
        "data",
        "report",
        "extract_seconds",
        "ingest_seconds",
    )
    return job


def store(job: ReportImport, *fields: str) -> None:
    """Write these fields of a status row. An UPDATE, not a save(): a status row is no
    change to the published data, so it must not bump the data version (and make every
    cached page stale) three times per queued report."""
    ReportImport.objects.filter(pk=job.pk).update(**{name: getattr(job, name) for name in fields})
