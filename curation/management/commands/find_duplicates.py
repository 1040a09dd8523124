import time

from django.core.management.base import BaseCommand

from curation.duplicates import refresh_duplicate_candidates


class Command(BaseCommand):
    help = "Recompute the duplicate candidates of people, organisations and events."

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = refresh_duplicate_candidates()
        found = ", ".join(f"{n} {kind} pair(s)" for kind, n in counts.items())
        self.stdout.write(f"{found} in {time.perf_counter() - started:.1f} s")
