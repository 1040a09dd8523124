from django.core.management.base import BaseCommand
from django.db.models import Count

from events.models import ImportState, ReportImport


class Command(BaseCommand):
    help = "Show queued report imports: counts by state, then the latest (or failed) ones."

    def add_arguments(self, parser):
        parser.add_argument("--failed", action="store_true", help="only imports that failed")
        parser.add_argument("--limit", type=int, default=20, help="rows to list (default 20)")

    def handle(self, *args, failed, limit, **options):
        counts = dict(ReportImport.objects.values_list("state").annotate(n=Count("pk")).order_by())
        self.stdout.write(
            ", ".join(
                f"{counts.get(state, 0)} {label.lower()}" for state, label in ImportState.choices
            )
        )
        rows = ReportImport.objects.for_status()
        if failed:
            rows = rows.filter(state__in=[ImportState.FAILED, ImportState.RETRYING])
        for job in rows[:limit]:
            self.stdout.write(self.line(job))

    @staticmethod
    def line(job: ReportImport) -> str:
        timing = " ".join(
            f"{label} {seconds:.2f}s"
            for label, seconds in (("extract", job.extract_seconds), ("ingest", job.ingest_seconds))
            if seconds is not None
        )
        when = job.finished_at or job.started_at or job.queued_at
        text = f"#{job.pk} {job.file_name}: {job.state} at {when:%Y-%m-%d %H:%M:%S}"
        text += f", attempt {job.attempts}" if job.attempts > 1 else ""
        text += f" ({timing})" if timing else ""
        if job.error:
            text += f"; error: {job.error}"
        elif job.outcome:
            text += f"; {job.outcome}"
        return text
