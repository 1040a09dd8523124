"""Time the speaker and site-wide searches on synthetic data of a chosen size.

    python manage.py benchmark_search --people 100000 --organizations 20000 --positions 300000

The data is made inside a transaction that is rolled back at the end, so the database is left
as it was; `--keep` commits it instead (for EXPLAIN sessions). It refuses to run against a
database holding reports unless `--force`: use a scratch database, e.g.
`createdb eventsdb_bench` and `DATABASE_URL=postgres://.../eventsdb_bench`, after `migrate`.
"""

from __future__ import annotations

import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from benchmarks.dataset import Sample, Sizes, affiliation_queries, fill
from browse.search.affiliation import search_speakers_by_affiliation
from browse.search.everything import search_everything
from events.models import Report


class Command(BaseCommand):
    help = "Fill a scratch database with synthetic data and time the searches (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=100_000)
        parser.add_argument("--organizations", type=int, default=20_000)
        parser.add_argument("--positions", type=int, default=300_000)
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--batch-size", type=int, default=5_000)
        parser.add_argument("--keep", action="store_true", help="Commit the synthetic data.")
        parser.add_argument(
            "--force", action="store_true", help="Run even though the database holds reports."
        )

    def handle(self, *args, **options):
        if Report.objects.exists() and not options["force"]:
            raise CommandError(
                "This database already holds reports. Point DATABASE_URL at a scratch "
                "database, or pass --force (the synthetic data is rolled back unless --keep)."
            )
        self.random = random.Random(options["seed"])
        sizes = Sizes.for_people(options["people"], options["organizations"], options["positions"])
        with transaction.atomic():
            started = time.perf_counter()
            sample = fill(sizes, seed=options["seed"], batch_size=options["batch_size"])
            self.stdout.write(sample.summary)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            self.stdout.write(f"Filled in {time.perf_counter() - started:.1f} s.")
            if options["queries"]:
                self.measure(sample, options["queries"])
            if not options["keep"]:
                transaction.set_rollback(True)
                self.stdout.write("Rolled back the synthetic data.")

    # Measurements -------------------------------------------------------------------------

    def global_queries(self, sample: Sample, n: int) -> list[str]:
        rnd = self.random
        sources = [name for name, _ in sample.organizations] + sample.events
        queries = []
        for _ in range(n):
            words = [w for w in rnd.choice(sources).split() if len(w) > 3]
            queries.append(" ".join(rnd.sample(words, min(len(words), rnd.choice([1, 2])))))
        return queries

    def measure(self, sample: Sample, n: int) -> None:
        timings: dict[str, list[float]] = {}
        found = 0
        for kind, text in affiliation_queries(sample, n, self.random):
            started = time.perf_counter()
            results = search_speakers_by_affiliation(text)
            count = results.count()
            list(results[:25])
            timings.setdefault(f"affiliation: {kind}", []).append(time.perf_counter() - started)
            found += bool(count)
        timings["affiliation: all"] = [t for k, v in timings.items() for t in v]
        for text in self.global_queries(sample, n):
            started = time.perf_counter()
            search_everything(text)
            timings.setdefault("global search", []).append(time.perf_counter() - started)

        self.stdout.write(
            f"\n{connection.vendor}: {n} queries of each search; {found} affiliation searches found someone."
        )
        self.stdout.write(f"{'search':<24} {'n':>5} {'median ms':>10} {'p95 ms':>10}")
        for label, values in timings.items():
            self.stdout.write(
                f"{label:<24} {len(values):>5} {statistics.median(values) * 1000:>10.1f} "
                f"{percentile(values, 95) * 1000:>10.1f}"
            )


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]
