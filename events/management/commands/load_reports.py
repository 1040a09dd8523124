import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events.loading import LoadOutcome, find_report_files, load_report_files, read_report_file
from events.signals import reports_loaded

PROGRESS_THRESHOLD = 20


class Command(BaseCommand):
    help = "Load plain-text event reports (files or folders; default: seeds/). Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="report files or folders of *.txt reports")
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would change and write nothing"
        )
        parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="extract in this many worker processes (default: the number of cores)",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="queue the reports for `manage.py procrastinate worker` and return (PostgreSQL)",
        )

    def handle(self, *args, paths, dry_run, no_progress, jobs, enqueue, **options):
        files, outcomes = find_report_files(paths or [Path(settings.BASE_DIR) / "seeds"])
        for outcome in outcomes:
            self.report(outcome)
        if enqueue:
            return self.enqueue(files, outcomes, dry_run)
        show_bar = not no_progress and len(files) >= PROGRESS_THRESHOLD and sys.stderr.isatty()
        with self.progress(len(files), show_bar) as bar:
            for outcome in load_report_files(files, jobs=jobs, dry_run=dry_run):
                outcomes.append(outcome)
                self.report(outcome)
                bar.update()

        failed = [o for o in outcomes if o.failed]
        results = [o.result for o in outcomes if o.result]
        if not dry_run:
            reports_loaded.send(sender=self.__class__, results=results)
        statuses = {
            s: sum(r.status == s for r in results)
            for s in ("created", "updated", "unchanged", "deleted")
        }
        skipped = statuses["deleted"] + sum(1 for o in outcomes if not o.failed and not o.result)
        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(
            f"{prefix}{len(results)} report(s): {statuses['created']} new, "
            f"{statuses['updated']} updated, {statuses['unchanged']} unchanged, "
            f"{skipped} skipped, {len(failed)} failed; {sum(r.events for r in results)} event(s), "
            f"{sum(r.participants for r in results)} participation(s), "
            f"{sum(r.review_items for r in results)} new item(s) to review."
        )
        if options["verbosity"] >= 2:
            self.stdout.write(
                f"Time: extraction {sum(o.extract_seconds for o in outcomes):.1f} s "
                f"(summed over {jobs} job(s)), ingest {sum(o.ingest_seconds for o in outcomes):.1f} s."
            )
        if failed:
            raise CommandError(f"{len(failed)} report(s) could not be loaded; see above.")

    def enqueue(self, files, outcomes, dry_run):
        if not settings.TASK_QUEUE:
            raise CommandError("--enqueue needs the task queue: a PostgreSQL DATABASE_URL.")
        if dry_run:
            raise CommandError("--enqueue and --dry-run do not go together.")
        from events.tasks import enqueue_reports

        readable = []
        for path in files:
            data = read_report_file(path)
            if isinstance(data, LoadOutcome):
                outcomes.append(data)
                self.report(data)
            else:
                readable.append((path.name, data))
        queued = enqueue_reports(readable)
        self.stdout.write(
            f"{len(queued)} report(s) queued (first import id {queued[0].pk if queued else '-'});"
            f" {len(outcomes)} failed. Follow them with `manage.py import_status`."
        )
        if outcomes:
            raise CommandError(f"{len(outcomes)} report(s) could not be queued; see above.")

    def progress(self, total, show_bar):
        from tqdm import tqdm

        # Counts reports finished (ingested or refused), not files handed to a worker.
        return tqdm(total=total, unit="report", file=sys.stderr, disable=not show_bar)

    def report(self, outcome):
        if outcome.failed:
            self.stderr.write(self.style.ERROR(f"{outcome.name}: error: {outcome.error}"))
            return
        line = f"{outcome.name}: "
        line += outcome.result.summary() if outcome.result else "skipped"
        if outcome.notice:
            line += f" ({outcome.notice})"
        self.stdout.write(line)
