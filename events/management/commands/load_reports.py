import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events.loading import find_report_files, load_report_file
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

    def handle(self, *args, paths, dry_run, no_progress, **options):
        files, outcomes = find_report_files(paths or [Path(settings.BASE_DIR) / "seeds"])
        for outcome in outcomes:
            self.report(outcome)
        show_bar = not no_progress and len(files) >= PROGRESS_THRESHOLD and sys.stderr.isatty()
        for path in self.progress(files, show_bar):
            outcome = load_report_file(path, dry_run=dry_run)
            outcomes.append(outcome)
            self.report(outcome)

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
        if failed:
            raise CommandError(f"{len(failed)} report(s) could not be loaded; see above.")

    def progress(self, files, show_bar):
        if not show_bar:
            return files
        from tqdm import tqdm

        return tqdm(files, unit="report", file=sys.stderr)

    def report(self, outcome):
        if outcome.failed:
            self.stderr.write(self.style.ERROR(f"{outcome.name}: error: {outcome.error}"))
            return
        line = f"{outcome.name}: "
        line += outcome.result.summary() if outcome.result else "skipped"
        if outcome.notice:
            line += f" ({outcome.notice})"
        self.stdout.write(line)
