"""Serve the site with the production server on synthetic data and time every kind of page.

    createdb -h 127.0.0.1 -U postgres eventsdb_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/eventsdb_bench \\
        .venv/bin/python manage.py benchmark_pages --events 100000

The data set is written once and reused by later runs of the same size (`--refill` writes it
again). The server is gunicorn with one sync worker, DEBUG off, run twice: with the page cache
off, then on. Each page is requested by one client, one request after another (p50, p95), then
by `--clients` clients at once for the throughput; req/s is also given as a share of a bare
view rendering base.html measured in the same run.
"""

from __future__ import annotations

import dataclasses
import http.client
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote_plus

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count

from benchmarks.dataset import (
    AFFILIATION_KINDS,
    FILE_PREFIX,
    RARE_WORD,
    Sample,
    Sizes,
    affiliation_queries,
    fill,
)
from core.data_version import bump_data_version
from events.models import City, Event, EventTopic, Participation, Report, Topic
from people.models import Organization

BASE_DIR = Path(settings.BASE_DIR)
BARE = "/__benchmark__/bare/"
BASE = "/__benchmark__/base/"


class RefusedDatabase(Exception):
    pass


@dataclass
class Measurement:
    label: str
    path: str
    status: int
    html_bytes: int
    queries: str
    p50: float
    p95: float
    rate: float
    # A streamed download's time to its first bytes (median); None for a page.
    first_byte: float | None = None


# Data -------------------------------------------------------------------------------------


def prepare_data(sizes: Sizes, *, force: bool, refill: bool, seed: int, say) -> None:
    """Make the database hold exactly the synthetic data set of this size."""
    reports = Report.objects.all()
    real = reports.exclude(file_name__startswith=FILE_PREFIX).exists()
    if real and not force:
        raise RefusedDatabase(
            "This database holds real reports. Point DATABASE_URL at a scratch database, "
            "or pass --force to add the synthetic data beside them."
        )
    synthetic = reports.filter(file_name__startswith=FILE_PREFIX).count()
    if synthetic == sizes.events and not refill:
        say(f"Reusing the synthetic data already here ({synthetic} events).")
        return
    if synthetic or refill:
        if real:
            raise RefusedDatabase("Will not empty a database that holds real reports.")
        say("Emptying the database for a fresh data set.")
        call_command("flush", interactive=False, verbosity=0)
    started = time.perf_counter()
    with transaction.atomic():
        sample = fill(sizes, seed=seed)
        # Rows written in bulk send no signals.
        bump_data_version()
    # Statistics for the planner, as a long-lived database has them.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    say(f"{sample.summary} Written in {time.perf_counter() - started:.0f} s.")


def read_sample() -> Sample:
    return Sample(
        organizations=list(Organization.objects.order_by("pk").values_list("name", "acronym")),
        universities=list(
            Organization.objects.filter(parent=None, units__isnull=False)
            .distinct()
            .order_by("pk")
            .values_list("name", flat=True)
        ),
    )


def busiest(queryset, field: str):
    return queryset.values(field).annotate(n=Count("pk")).order_by("-n", field)[0][field]


def pages(*, seed: int) -> list[tuple[str, str]]:
    """(label, path) for every kind of page, picked from the data: the busiest where it matters."""
    n_events = Event.objects.count()
    city = City.objects.get(pk=busiest(Event.objects.all(), "city")).slug
    topic = Topic.objects.get(pk=busiest(EventTopic.objects.all(), "topic")).slug
    organization = Organization.objects.get(
        pk=busiest(Organization.objects.filter(positions__isnull=False), "positions__organization")
    ).slug
    event = Event.objects.get(pk=busiest(Participation.objects.all(), "event")).slug
    person = busiest(Participation.objects.select_related(None), "person__slug")
    rnd = random.Random(seed)
    affiliation = affiliation_queries(read_sample(), len(AFFILIATION_KINDS), rnd)
    deep = max(2, n_events // 50)
    return [
        ("bare view (the limit)", BARE),
        ("bare view rendering base.html", BASE),
        ("home", "/"),
        ("/events/ page 1", "/events/"),
        ("/events/ busiest topic", f"/events/?topic={topic}"),
        ("/events/ sorted by name", "/events/?sort=name"),
        (f"/events/ page {deep}", f"/events/?page={deep}"),
        ("/speakers/ page 1", "/speakers/"),
        *(
            (f"/speakers/ ?affiliation= {kind}", f"/speakers/?affiliation={quote_plus(text)}")
            for kind, text in affiliation
        ),
        ("/organisations/", "/organisations/"),
        ("/cities/", "/cities/"),
        ("/topics/", "/topics/"),
        ("busiest city", f"/cities/{city}/"),
        ("busiest topic", f"/topics/{topic}/"),
        ("busiest organisation", f"/organisations/{organization}/"),
        ("busiest event", f"/events/{event}/"),
        ("busiest speaker", f"/speakers/{person}/"),
        ("/search/?q=carbon", "/search/?q=carbon"),
        (f"/search/ rare word ({RARE_WORD})", f"/search/?q={RARE_WORD}"),
        ("CSV of the busiest topic's events", f"/events/?topic={topic}&format=csv"),
    ]


# Server -----------------------------------------------------------------------------------


class Server:
    """gunicorn with the project's configuration, one sync worker, on 127.0.0.1:port."""

    def __init__(self, port: int, *, page_cache: bool, timeout: int):
        self.port = port
        env = {
            **os.environ,
            "DEBUG": "0",
            "HTTPS": "0",
            "EVENTSDB_BENCHMARK": "1",
            "PAGE_CACHE": "1" if page_cache else "0",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_TIMEOUT": str(timeout),
            # The benchmark measures pages, not the log; production logs to stdout.
            "ACCESS_LOG": "",
            "GUNICORN_LOG_LEVEL": "warning",
            # No recycling: the memory after the run is what the pages left behind.
            "GUNICORN_MAX_REQUESTS": "0",
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(BASE_DIR / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "eventsdb.wsgi",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
        )

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with status {self.process.returncode}")
            try:
                status, _, _ = Client(self.port).get(BARE)
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer within 60 s")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def worker_memory(self) -> tuple[int, int]:
        """(resident, peak resident) KiB of the worker process."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        pids = children.read_text().split()
        values = {}
        for line in Path(f"/proc/{pids[0]}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in {"VmRSS", "VmHWM"}:
                values[key] = int(value.split()[0])
        return values["VmRSS"], values["VmHWM"]


class Client:
    """One persistent HTTP/1.1 connection (reopened when a sync worker closes it)."""

    def __init__(self, port: int, timeout: float = 120):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def get(self, path: str) -> tuple[int, bytes, http.client.HTTPMessage]:
        status, body, headers, _ = self.timed_get(path)
        return status, body, headers

    def timed_get(self, path: str) -> tuple[int, bytes, http.client.HTTPMessage, float]:
        """Also the seconds until the status line and headers came: a streamed response
        sends them with its first rows."""
        started = time.perf_counter()
        try:
            self.connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            self.connection.close()
            started = time.perf_counter()
            self.connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = self.connection.getresponse()
        first = time.perf_counter() - started
        body = response.read()
        if response.will_close:
            self.connection.close()
        return response.status, body, response.headers, first


def measure(port: int, label: str, path: str, *, requests: int, seconds: float) -> Measurement:
    """A page's latency, from one client asking again and again, the server otherwise idle;
    its `rate` is the sequential one until `with_rate` measures it with several clients."""
    client = Client(port)
    client.get(path)  # warm-up: with the page cache on, this one renders and stores
    timings, firsts = [], []
    started = time.perf_counter()
    while len(timings) < requests and (len(timings) < 3 or time.perf_counter() - started < seconds):
        t = time.perf_counter()
        status, body, headers, first = client.timed_get(path)
        timings.append(time.perf_counter() - t)
        firsts.append(first)
    # Of a repeated request: a cache hit's queries when the cache is on.
    queries = headers.get("X-Query-Count", "?")
    rate = len(timings) / sum(timings)
    return Measurement(
        label=label,
        path=path,
        status=status,
        html_bytes=len(body),
        queries=queries,
        p50=statistics.median(timings),
        p95=percentile(timings, 95),
        rate=rate,
        first_byte=statistics.median(firsts) if queries.endswith("+") else None,
    )


def with_rate(port: int, row: Measurement, *, clients: int, seconds: float) -> Measurement:
    """The page's req/s with several clients, where a page takes a moment; a slow page's
    rate is already known from the sequential run."""
    if clients <= 1 or row.p50 >= 0.2:
        return row
    measure_rate = wrk_rate if shutil.which("wrk") else concurrent_rate
    rate = measure_rate(port, row.path, clients=clients, seconds=min(seconds, 2.0))
    return dataclasses.replace(row, rate=rate)


def concurrent_rate(port: int, path: str, *, clients: int, seconds: float) -> float:
    done = [0] * clients
    stop = time.perf_counter() + seconds

    def run(i: int) -> None:
        client = Client(port)
        while time.perf_counter() < stop:
            client.get(path)
            done[i] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - started)


def wrk_rate(port: int, path: str, *, clients: int, seconds: float) -> float:
    """wrk, where installed: a C client does not slow the fastest pages down as ours does."""
    result = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{clients}",
            f"-d{max(1, round(seconds))}s",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("Requests/sec:"))
    return float(line.split()[1])


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def free_port(preferred: int) -> int:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", preferred))
        except OSError:
            s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Run --------------------------------------------------------------------------------------


def run_benchmark(
    sizes: Sizes,
    *,
    port: int,
    force: bool = False,
    refill: bool = False,
    seed: int = 2024,
    requests: int = 30,
    seconds: float = 3.0,
    clients: int = 2,
    timeout: int = 30,
    modes: tuple[bool, ...] = (False, True),
    only: str = "",
    say=print,
) -> dict[bool, list[Measurement]]:
    call_command("migrate", interactive=False, verbosity=0)
    prepare_data(sizes, force=force, refill=refill, seed=seed, say=say)
    call_command("collectstatic", interactive=False, verbosity=0)
    chosen = [
        (label, path) for label, path in pages(seed=seed) if only in path or path in (BARE, BASE)
    ]
    results = {}
    for page_cache in modes:
        with Server(port, page_cache=page_cache, timeout=timeout) as server:
            # Every latency first, then every rate: on a small machine a burst of load
            # leaves the CPU slower for a while, which would count against the next page.
            rows = [
                measure(port, label, path, requests=requests, seconds=seconds)
                for label, path in chosen
            ]
            rows = [with_rate(port, row, clients=clients, seconds=seconds) for row in rows]
            rss, peak = server.worker_memory()
            seen = edit_is_seen(port, chosen) if page_cache else None
        results[page_cache] = rows
        say(table(rows, page_cache=page_cache, sizes=sizes, rss=rss, peak=peak))
        if seen is not None:
            say(f"an event renamed (as an editor's save does) shows on the next request: {seen}")
    return results


def edit_is_seen(port: int, chosen: list[tuple[str, str]]) -> bool:
    """Rename the busiest event the way an admin save does, and ask for its cached page."""
    path = next((path for label, path in chosen if label == "busiest event"), None)
    if path is None:
        return False
    client = Client(port)
    client.get(path)  # now in the cache
    event = Event.objects.get(slug=path.strip("/").rsplit("/", 1)[-1])
    old_name = event.name
    event.name = f"{old_name} (renamed)"
    event.save()
    try:
        status, body, _ = client.get(path)
        return status == 200 and event.name.encode() in body
    finally:
        event.name = old_name
        event.save()


def table(rows: list[Measurement], *, page_cache: bool, sizes: Sizes, rss: int, peak: int) -> str:
    base = next((r.rate for r in rows if r.path == BASE), 0) or 1
    lines = [
        "",
        f"{connection.vendor}, {sizes.events} events, gunicorn 1 sync worker, "
        f"page cache {'on' if page_cache else 'off'}; req/s by "
        f"{'wrk' if shutil.which('wrk') else 'the Python client'}",
        "| page | status | p50 ms | p95 ms | req/s | × base.html | HTML KB | queries "
        "| download's first bytes ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        first = "–" if r.first_byte is None else f"{r.first_byte * 1000:.1f}"
        lines.append(
            f"| {r.label} | {r.status} | {r.p50 * 1000:.1f} | {r.p95 * 1000:.1f} | "
            f"{r.rate:.0f} | {r.rate / base:.2f} | {r.html_bytes / 1024:.1f} | {r.queries} "
            f"| {first} |"
        )
    lines.append(
        f"worker memory after the run: {rss / 1024:.0f} MiB resident, peak {peak / 1024:.0f} MiB"
    )
    return "\n".join(lines)
