"""Time every kind of public page, served by gunicorn, on synthetic data of a chosen size.

    python manage.py benchmark_pages --events 100000

See benchmarks/pages.py. Refuses a database holding real reports unless `--force`.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from benchmarks.dataset import Sizes
from benchmarks.pages import RefusedDatabase, free_port, run_benchmark


class Command(BaseCommand):
    help = "Fill a scratch database with synthetic data, serve it with gunicorn, time the pages."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=10_000, help="Size of the data set.")
        parser.add_argument("--port", type=int, default=8130)
        parser.add_argument("--requests", type=int, default=30, help="At most, per page.")
        parser.add_argument("--seconds", type=float, default=3.0, help="At most, per page.")
        parser.add_argument("--clients", type=int, default=2, help="For the req/s column.")
        parser.add_argument("--timeout", type=int, default=30, help="gunicorn's worker timeout.")
        parser.add_argument(
            "--page-cache",
            choices=["both", "off", "on"],
            default="both",
            help="Run with the page cache off, on, or off then on.",
        )
        parser.add_argument("--only", default="", help="Only the pages whose path contains this.")
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--refill", action="store_true", help="Write the data set again.")
        parser.add_argument(
            "--force", action="store_true", help="Run even though the database holds reports."
        )

    def handle(self, *args, **options):
        modes = {"both": (False, True), "off": (False,), "on": (True,)}[options["page_cache"]]
        try:
            run_benchmark(
                Sizes.for_events(options["events"]),
                port=free_port(options["port"]),
                force=options["force"],
                refill=options["refill"],
                seed=options["seed"],
                requests=options["requests"],
                seconds=options["seconds"],
                clients=options["clients"],
                timeout=options["timeout"],
                modes=modes,
                only=options["only"],
                say=self.stdout.write,
            )
        except RefusedDatabase as refused:
            raise CommandError(str(refused)) from refused
