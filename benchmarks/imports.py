"""Import throughput: reports/s for `load_reports --jobs 1/2` and for queue workers.

    .venv/bin/python benchmarks/imports.py                      # SQLite only
    .venv/bin/python benchmarks/imports.py \
        --postgres postgres://postgres@127.0.0.1:5432/eventsdb_bench   # and PostgreSQL

The corpus is N distinct reports made from the seeds and the hand-annotated test reports:
each variant moves the dates, changes the numbers and renames the people, so every file has
its own SHA-256 and its own records. The test reports are excerpts (1.9 KB median), shorter
than a typical report; `--typical` makes the corpus from the sources of 3-7 KB only (the
seeds), the size the import issue calls typical. Every run starts from an empty database (the PostgreSQL
database named by --postgres is dropped and created again: give it a name of its own).
The queue runs end by comparing their export with a sequential run that ingests the reports
in the order the workers committed them.

    .venv/bin/python benchmarks/imports.py --skip-sqlite \
        --postgres postgres://postgres@127.0.0.1:5432/imports_big --template eventsdb_bench100k

With --template, each PostgreSQL run starts from a copy of that database instead (one the page
benchmark filled: 100,000 events), so the ingest is timed against a corpus at scale; the queue
runs, whose check exports every event, are left out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "extraction" / "reports").glob("*.txt")
)
# Syllables of the given names in the sources; a variant shifts each along this list.
SYLLABLES = [
    "Ming", "Hua", "Wei", "Jun", "Lin", "Yan", "Hong", "Jie", "Ping", "Qiang", "Tao", "Xin",
    "Feng", "Gang", "Hui", "Jian", "Yong", "Bo", "Chao", "Dong", "Fang", "Hai", "Kai", "Lei",
]  # fmt: skip
_SYLLABLE = re.compile(r"\b(" + "|".join(SYLLABLES) + r")(?=[a-z]*\b)")
_YEAR = re.compile(r"\b(20[12]\d)\b")
_DAY = re.compile(
    r"\b([1-9]|1\d|2[0-8])(?=(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
)
_NUMBER = re.compile(
    r"\b(\d{2,3})(?=\s+(?:participants|guests|people|representatives|attendees|experts))"
)


def variant(text: str, k: int) -> str:
    """The k-th variant of a report: other days, years, numbers and given names."""
    text = _YEAR.sub(lambda m: str(2016 + (int(m.group(1)) - 2016 + k) % 8), text)
    text = _DAY.sub(lambda m: str((int(m.group(1)) + k - 1) % 28 + 1), text)
    text = _NUMBER.sub(lambda m: str(int(m.group(1)) + k), text)
    text = _SYLLABLE.sub(
        lambda m: SYLLABLES[(SYLLABLES.index(m.group(1)) + k) % len(SYLLABLES)], text
    )
    return text + f"\n(Variant {k}.)\n"


TYPICAL_BYTES = range(3000, 7001)


def write_corpus(folder: Path, n: int, *, typical: bool = False) -> list[Path]:
    sources = [s for s in SOURCES if s.stat().st_size in TYPICAL_BYTES] if typical else SOURCES
    paths = []
    for i in range(n):
        source = sources[i % len(sources)]
        k = i // len(sources) + 1
        path = folder / f"{i:04d}_{source.stem}_v{k}.txt"
        path.write_text(variant(source.read_text(encoding="utf-8"), k), encoding="utf-8")
        paths.append(path)
    return paths


def manage(url: str, *args: str, **popen) -> subprocess.Popen:
    # Connections as the settings keep them: a queue worker that reconnected for every job
    # would meet a cold database backend each time (measured: 58 ms an ingest against 40).
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("CONN_MAX_AGE", None)
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        **popen,
    )


def check(process: subprocess.Popen) -> str:
    out, _ = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(process.args[2:4])} failed:\n{out[-3000:]}")
    return out


def fresh_database(url: str, template: str | None = None) -> None:
    if url.startswith("sqlite"):
        Path(urlsplit(url).path).unlink(missing_ok=True)
    else:
        import psycopg

        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            copy = f' TEMPLATE "{template}"' if template else ""
            conn.execute(f'CREATE DATABASE "{name}"{copy}')
    check(manage(url, "migrate", "--no-input", "-v0"))


def export(url: str) -> dict:
    return json.loads(check(manage(url, "export_events", "--format", "json")))


def timing(out: str) -> str:
    found = re.search(r"Time: extraction ([\d.]+) s .*?, ingest ([\d.]+) s", out)
    return f"extraction {found.group(1)} s, ingest {found.group(2)} s" if found else ""


def run_load(
    url: str, files: list[Path], jobs: int, template: str | None = None
) -> tuple[float, str]:
    fresh_database(url, template)
    started = time.perf_counter()
    out = check(
        manage(url, "load_reports", *map(str, files), "--jobs", str(jobs), "--no-progress", "-v2")
    )
    seconds = time.perf_counter() - started
    if f"{len(files)} report(s): {len(files)} new" not in out:
        raise SystemExit(f"not every report loaded:\n{out[-2000:]}")
    return seconds, timing(out)


def commit_order(url: str) -> list[str]:
    code = "from events.models import Report; print('\\n'.join(Report.objects.order_by('pk').values_list('file_name', flat=True)))"
    return check(manage(url, "shell", "--no-imports", "-c", code)).split()


def run_queue(url: str, folder: Path, files: list[Path], workers: int) -> tuple[float, str]:
    fresh_database(url)
    check(manage(url, "load_reports", "--enqueue", str(folder)))
    started = time.perf_counter()
    running = [manage(url, "procrastinate", "worker", "--one-shot") for _ in range(workers)]
    for process in running:
        check(process)
    seconds = time.perf_counter() - started
    status = check(manage(url, "import_status", "--limit", "0")).strip()
    queued = export(url)
    by_name = {path.name: path for path in files}
    order = [by_name[name] for name in commit_order(url)]
    fresh_database(url)
    check(manage(url, "load_reports", *map(str, order), "--jobs", "1", "--no-progress"))
    same = "identical" if export(url) == queued else "DIFFERENT"
    return seconds, f"{status}; export {same} to a sequential run in commit order"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--postgres", help="a PostgreSQL URL whose database may be dropped")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-queue", action="store_true")
    parser.add_argument(
        "--typical", action="store_true", help="only sources of 3-7 KB (variants of the seeds)"
    )
    parser.add_argument(
        "--template", help="a PostgreSQL database to copy for each run (a filled benchmark corpus)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files = write_corpus(folder, args.reports, typical=args.typical)
        sizes = sorted(path.stat().st_size for path in files)
        print(
            f"{len(files)} distinct reports, {sizes[len(sizes) // 2]} bytes median "
            f"({sizes[0]}-{sizes[-1]}), from {len({p.name.split('_', 1)[1].rsplit('_v', 1)[0] for p in files})} sources; "
            f"{os.cpu_count()} cores"
        )
        targets = [] if args.skip_sqlite else [("SQLite", f"sqlite:///{tmp}/bench.sqlite3")]
        if args.postgres:
            targets.append(("PostgreSQL", args.postgres))
        if args.template:
            print(f"PostgreSQL runs start from a copy of {args.template}")
        for label, url in targets:
            rates = {}
            for jobs in (1, 2):
                template = args.template if label == "PostgreSQL" else None
                seconds, split = run_load(url, files, jobs, template)
                rates[jobs] = len(files) / seconds
                print(
                    f"{label:10} load_reports --jobs {jobs}: {seconds:6.1f} s "
                    f"{rates[jobs]:6.1f} reports/s ({split})"
                )
            print(f"{label:10} speed-up with 2 jobs: {rates[2] / rates[1]:.2f}x")
            if label != "PostgreSQL" or args.template or args.skip_queue:
                continue
            for workers in (2, 4):
                seconds, note = run_queue(url, folder, files, workers)
                print(
                    f"{label:10} {workers} queue workers:      {seconds:6.1f} s "
                    f"{len(files) / seconds:6.1f} reports/s ({note})"
                )


if __name__ == "__main__":
    main()
