"""The production server, started the way `make serve` starts it, and the page benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from benchmarks.dataset import Sizes, fill
from events.models import City, Event, EventSource, Participation, Position, Report, Topic
from people.models import Organization, Person
from tests.factories import make_report
from tests.test_deploy import run_manage

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scratch_environment(tmp_path: Path) -> dict[str, str]:
    """A database and static root of this test's own, served over plain http."""
    return {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "HTTPS": "0",
        "CONN_MAX_AGE": "0",
        "CACHE_URL": "",
    }


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = run_manage(*args, env_overrides=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def fetch(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers["Content-Type"], response.read()


def test_gunicorn_serves_pages_and_static_files(tmp_path):
    env = scratch_environment(tmp_path)
    manage("migrate", "--no-input", env=env)
    manage("collectstatic", "--no-input", env=env)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "eventsdb.wsgi"],
        cwd=ROOT,
        env={**os.environ, **env, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, content_type, body = fetch(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "gunicorn did not answer"
                time.sleep(0.2)
        assert (status, content_type) == (200, "text/html; charset=utf-8")
        assert "<title>Green and low-carbon events in China · eventsdb</title>" in body.decode()
        stylesheet = next(
            line.split('href="')[1].split('"')[0]
            for line in body.decode().splitlines()
            if 'rel="stylesheet"' in line
        )
        # Hashed by collectstatic, served by whitenoise from the static root.
        assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"
        status, content_type, css = fetch(f"http://127.0.0.1:{port}{stylesheet}")
        assert (status, content_type) == (200, 'text/css; charset="utf-8"')
        # The stored copy, whose url()s collectstatic rewrote to hashed names.
        assert css == (tmp_path / stylesheet.removeprefix("/")).read_bytes()
    finally:
        server.terminate()
        log, _ = server.communicate(timeout=30)
    # The access log goes to stdout, one line per request.
    assert '"GET / HTTP/1.1" 200' in log
    assert f'"GET {stylesheet} HTTP/1.1" 200' in log


EXPECTED_PAGES = [
    "bare view (the limit)",
    "bare view rendering base.html",
    "home",
    "/events/ page 1",
    "/events/ busiest topic",
    "/events/ sorted by name",
    "/events/ page 2",
    "/speakers/ page 1",
    "/speakers/ ?affiliation= exact",
    "/speakers/ ?affiliation= acronym",
    "/speakers/ ?affiliation= parent",
    "/speakers/ ?affiliation= partial",
    "/speakers/ ?affiliation= typo",
    "/organisations/",
    "/cities/",
    "/topics/",
    "busiest city",
    "busiest topic",
    "busiest organisation",
    "busiest event",
    "busiest speaker",
    "/search/?q=carbon",
    "/search/ rare word (perovskite)",
    "CSV of the busiest topic's events",
]


def test_benchmark_pages_serves_every_kind_of_page(tmp_path):
    env = scratch_environment(tmp_path)
    result = manage(
        "benchmark_pages",
        "--events=60",
        "--requests=2",
        "--seconds=0.1",
        "--clients=1",
        f"--port={free_port()}",
        env=env,
    )
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    pages = [row.split(" | ")[0].removeprefix("| ") for row in rows if "status" not in row]
    statuses = {row.split(" | ")[1] for row in rows if "status" not in row}
    # Two runs (page cache off, then on) of the same pages, every one of them answered.
    assert pages == 2 * EXPECTED_PAGES
    assert statuses == {"200"}
    # Only the streamed download says when its first bytes came.
    firsts = {row.split(" | ")[0].removeprefix("| "): row.split(" | ")[-1] for row in rows}
    assert firsts["CSV of the busiest topic's events"].rstrip(" |") != "–"
    assert firsts["home"].rstrip(" |") == "–"
    assert "page cache off" in result.stdout and "page cache on" in result.stdout
    assert result.stdout.count("worker memory after the run") == 2
    assert "shows on the next request: True" in result.stdout


@pytest.mark.django_db
def test_dataset_has_the_sizes_asked_for():
    sizes = Sizes.for_events(50)
    sample = fill(sizes, batch_size=40)
    counts = [
        m.objects.count()
        for m in (Event, Report, EventSource, Person, Organization, Participation, Position)
    ]
    assert counts == [50, 50, 50, 50, 20, 150, 150]
    assert (City.objects.count(), Topic.objects.count()) == (10, 40)
    assert Organization.objects.exclude(parent=None).exists()
    assert len(sample.organizations) == 20
    assert sample.summary.startswith("20 organisations (")


@pytest.mark.django_db
def test_benchmark_pages_refuses_a_database_with_reports():
    make_report()
    with pytest.raises(CommandError, match="holds real reports"):
        call_command("benchmark_pages", events=10, stdout=StringIO())
