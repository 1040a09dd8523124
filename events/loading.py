"""Reading report files for the import: paths -> bytes -> extraction -> ingest.

Every failure is caught per file and turned into one line that names the file, so a broken
report never stops the others and never half-writes the database.
"""

from __future__ import annotations

import codecs
import dataclasses
import errno
import hashlib
import multiprocessing
import os
import stat
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from core.models import DeletedRecord
from events.extraction import ReportError, extract_report
from events.extraction.records import ExtractedReport
from events.extraction.text import decode_report, refuse_oversize
from events.ingest import NEW_FROM_ADMIN, IngestResult, ingest_report
from events.models import Event, Report, ReviewItem, ReviewStatus
from events.sources import ReportSource, split_source_header

REPORT_SUFFIXES = {".txt", ".text"}


@dataclass
class LoadOutcome:
    name: str
    result: IngestResult | None = None
    error: str | None = None
    notice: str | None = None
    extract_seconds: float = 0.0
    ingest_seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.error is not None


def find_report_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[LoadOutcome]]:
    """Expand files and folders (recursively, *.txt) in a stable order.

    What cannot be walked is a problem to report, never a silent gap: a folder that cannot be
    listed, a symbolic link that loops, a file name that is not UTF-8 (it could not be stored).
    """
    files: list[Path] = []
    problems: list[LoadOutcome] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: list[Path] = []
            _walk(path, frozenset(), found, problems)
            if not found and not problems:
                problems.append(LoadOutcome(str(path), error="the folder holds no .txt reports"))
            files.extend(sorted(found))
        elif path.is_file():
            if _check_name(path, problems):
                files.append(path)
        elif path.is_symlink():
            problems.append(LoadOutcome(display_path(path), error=_link_problem(path)))
        elif path.exists():
            problems.append(LoadOutcome(str(path), error="not a regular file"))
        else:
            problems.append(LoadOutcome(display_path(path), error="no such file or folder"))
    return files, problems


def _walk(folder: Path, ancestors: frozenset, found: list[Path], problems: list[LoadOutcome]):
    try:
        identity = _identity(folder.stat())
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        problems.append(
            LoadOutcome(display_path(folder), error=f"cannot read the folder: {exc.strerror}")
        )
        return
    ancestors = ancestors | {identity}
    for entry in entries:
        path = Path(entry.path)
        try:
            info = entry.stat()
        except OSError:
            if entry.is_symlink():
                problems.append(LoadOutcome(display_path(path), error=_link_problem(path)))
            continue
        if stat.S_ISDIR(info.st_mode):
            if _identity(info) in ancestors:
                problems.append(
                    LoadOutcome(
                        display_path(path),
                        error="a symbolic link loop: this folder is inside itself; not followed",
                    )
                )
            else:
                _walk(path, ancestors, found, problems)
        elif (
            stat.S_ISREG(info.st_mode)
            and path.suffix.lower() in REPORT_SUFFIXES
            and _check_name(path, problems)
        ):
            found.append(path)


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _link_problem(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop: the link points back at itself"
    return "a symbolic link to nothing"


def _check_name(path: Path, problems: list[LoadOutcome]) -> bool:
    """A report is stored under its file name, so the name must be text."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        problems.append(
            LoadOutcome(
                display_path(path),
                error="the file name is not valid UTF-8; rename the file to load it",
            )
        )
        return False
    return True


def load_report_file(path: Path, *, dry_run: bool = False) -> LoadOutcome:
    data = read_report_file(path)
    if isinstance(data, LoadOutcome):
        return data
    return load_report_bytes(data, file_name=path.name, label=display_path(path), dry_run=dry_run)


def read_report_file(path: Path) -> bytes | LoadOutcome:
    """The file's bytes, or the outcome that says why it cannot be read."""
    try:
        # Refused before reading: a huge file should not be loaded into memory first.
        refuse_oversize(path.stat().st_size)
        return path.read_bytes()
    except ReportError as exc:
        return LoadOutcome(display_path(path), error=str(exc))
    except OSError as exc:
        return LoadOutcome(display_path(path), error=f"cannot read it: {exc.strerror or exc}")


def display_path(path: Path) -> str:
    """The path as the user would type it; bytes that are not UTF-8 shown as \\xNN escapes."""
    try:
        # abspath, not resolve(): a symbolic link is shown as itself, and a looping one is fine.
        shown = Path(os.path.abspath(path)).relative_to(Path.cwd())
    except ValueError:
        shown = path
    return os.fsencode(shown).decode("utf-8", "backslashreplace")


def load_report_bytes(
    data: bytes,
    *,
    file_name: str,
    label: str | None = None,
    dry_run: bool = False,
    review_new_records: bool = False,
    user=None,
) -> LoadOutcome:
    """Extract and ingest one report given as bytes (a file, an upload, pasted text)."""
    label = label or file_name
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        skipped = skip_before_extracting(file_name, sha256)
    except Exception as exc:  # noqa: BLE001 - one bad report must not stop the others
        return LoadOutcome(label, error=f"could not be read ({type(exc).__name__}: {exc})")
    if skipped is not None:
        return LoadOutcome(label, **skipped)
    extraction = extract_report_bytes(data, file_name)
    return ingest_extraction(
        extraction,
        sha256=sha256,
        file_name=file_name,
        label=label,
        dry_run=dry_run,
        review_new_records=review_new_records,
        user=user,
    )


@dataclass(frozen=True)
class Extraction:
    """What the CPU-bound half of a load hands to the ingest; pickled from a worker process."""

    raw_text: str = ""
    encoding: str = ""
    extracted: ExtractedReport | None = None
    error: str | None = None
    seconds: float = 0.0
    source: ReportSource = ReportSource()


def extract_report_bytes(data: bytes, file_name: str) -> Extraction:
    """Decode and extract, touching no database, so it can run in any process."""
    started = time.perf_counter()
    try:
        raw_text, encoding = decode_report_text(data)
        source, body = split_source_header(raw_text)
        extracted = dataclasses.replace(extract_report(body, source=file_name), encoding=encoding)
    except ReportError as exc:
        return Extraction(error=str(exc), seconds=time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - one bad report must not stop the others
        return Extraction(
            error=f"could not be read ({type(exc).__name__}: {exc})",
            seconds=time.perf_counter() - started,
        )
    return Extraction(
        raw_text, encoding, extracted, seconds=time.perf_counter() - started, source=source
    )


def ingest_extraction(
    extraction: Extraction,
    *,
    sha256: str,
    file_name: str,
    label: str,
    dry_run: bool = False,
    review_new_records: bool = False,
    user=None,
) -> LoadOutcome:
    timing = {"extract_seconds": extraction.seconds}
    if extraction.error is not None:
        return LoadOutcome(label, error=extraction.error, **timing)
    started = time.perf_counter()
    try:
        result = ingest_report(
            extraction.extracted,
            raw_text=extraction.raw_text,
            sha256=sha256,
            file_name=file_name,
            dry_run=dry_run,
            review_new_records=review_new_records,
            user=user,
            source=extraction.source,
        )
    except Exception as exc:  # noqa: BLE001 - one bad report must not stop the others
        return LoadOutcome(
            label, error=f"could not be stored ({type(exc).__name__}: {exc})", **timing
        )
    timing["ingest_seconds"] = time.perf_counter() - started
    if result.status == "duplicate":
        return LoadOutcome(label, notice=f"same text as {result.twin}; skipped", **timing)
    notice = None if extraction.encoding == "utf-8" else f"decoded as {extraction.encoding}"
    return LoadOutcome(label, result=result, notice=notice, **timing)


def load_report_files(
    paths: Iterable[Path], *, jobs: int = 1, dry_run: bool = False
) -> Iterator[LoadOutcome]:
    """Load files in order, extracting in `jobs` worker processes while this one ingests.

    Each report is still ingested here, in its own transaction, in the order given, so the
    outcome is the one a single process gives. Reading ahead is bounded by a few reports
    per worker, so memory does not grow with the number of files.
    """
    if jobs <= 1:
        for path in paths:
            yield load_report_file(path, dry_run=dry_run)
        return
    # Forked workers inherit this process's database connection but never touch it, and
    # leave by os._exit, so they never close it either; a fork also spares each worker
    # setting Django up again.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_yield_to_the_ingest
    ) as pool:
        pending: deque = deque()
        for chunk in _chunks(paths, READ_AHEAD_PER_JOB * jobs):
            for loading in _start_loading(pool, chunk):
                pending.append(loading)
                while len(pending) > 2 * READ_AHEAD_PER_JOB * jobs:
                    yield _finish_loading(pending.popleft(), dry_run=dry_run)
        while pending:
            yield _finish_loading(pending.popleft(), dry_run=dry_run)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Reports extracted ahead of the ingest, per worker process.
READ_AHEAD_PER_JOB = 4
# How much lower the extraction workers run than the process that ingests.
WORKER_NICENESS = 10


def _yield_to_the_ingest() -> None:
    """The ingest is the serial part: with as many workers as cores, workers that competed
    with it as equals would slow every report down (measured 0.5-1.4x the one-process rate on
    2 cores). Run lower, they extract in whatever CPU time the ingest and the database leave."""
    os.nice(WORKER_NICENESS)  # lowering one's own priority needs no privilege


@dataclass
class _Loading:
    label: str
    file_name: str
    sha256: str = ""
    done: LoadOutcome | None = None  # settled without extraction
    future: Future | None = None


def _start_loading(pool: ProcessPoolExecutor, paths: list[Path]) -> list[_Loading]:
    """Read a few files, ask in two queries which need no extraction, send the others off.

    The process that ingests is the serial part: two queries for the lot, not two per file.
    """
    started, texts = [], {}
    for path in paths:
        loading = _Loading(display_path(path), path.name)
        data = read_report_file(path)
        if isinstance(data, LoadOutcome):
            loading.done = data
        else:
            loading.sha256 = hashlib.sha256(data).hexdigest()
            texts[id(loading)] = data
        started.append(loading)
    reading = [loading for loading in started if loading.done is None]
    try:
        skips = skip_many_before_extracting([(ld.file_name, ld.sha256) for ld in reading])
    except Exception as exc:  # noqa: BLE001 - one bad query must not stop the run
        for loading in reading:
            loading.done = LoadOutcome(
                loading.label, error=f"could not be read ({type(exc).__name__}: {exc})"
            )
        return started
    for loading, skipped in zip(reading, skips, strict=True):
        if skipped is not None:
            loading.done = LoadOutcome(loading.label, **skipped)
        else:
            data = texts[id(loading)]
            loading.future = pool.submit(extract_report_bytes, data, loading.file_name)
    return started


def _finish_loading(loading: _Loading, *, dry_run: bool) -> LoadOutcome:
    if loading.done is not None:
        return loading.done
    try:
        extraction = loading.future.result()
    except Exception as exc:  # noqa: BLE001 - a worker that died fails its report only
        extraction = Extraction(error=f"extraction failed ({type(exc).__name__}: {exc})")
    return ingest_extraction(
        extraction,
        sha256=loading.sha256,
        file_name=loading.file_name,
        label=loading.label,
        dry_run=dry_run,
    )


def skip_before_extracting(file_name: str, sha256: str) -> dict | None:
    """An unchanged report, a second copy of a text, or a deleted report costs no extraction.

    Returns the LoadOutcome fields for a report to skip, None for one to extract.
    """
    return skip_many_before_extracting([(file_name, sha256)])[0]


def skip_many_before_extracting(reports: list[tuple[str, str]]) -> list[dict | None]:
    """`skip_before_extracting` for (file name, SHA-256) pairs, in two queries for them all."""
    if not reports:
        return []
    names = {name for name, _ in reports}
    shas = {sha for _, sha in reports}
    deleted = set(
        DeletedRecord.objects.filter(model=Report._meta.label_lower, key__in=names).values_list(
            "key", flat=True
        )
    )
    known = list(
        Report.objects.filter(Q(file_name__in=names) | Q(sha256__in=shas)).values_list(
            "file_name", "sha256"
        )
    )
    stored = dict(known)
    by_text = {}
    for other_name, other_sha in sorted(known):
        by_text.setdefault(other_sha, other_name)
    skips = []
    for file_name, sha256 in reports:
        if file_name in deleted:
            skips.append({"result": IngestResult(file_name=file_name, status="deleted")})
        elif stored.get(file_name) == sha256:
            skips.append({"result": IngestResult(file_name=file_name)})
        elif sha256 in by_text:
            skips.append({"notice": f"same text as {by_text[sha256]}; skipped"})
        else:
            skips.append(None)
    return skips


# What the bytes of a report may be read as without a second opinion.
_UNAMBIGUOUS = {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"}
# Encodings charset-normalizer may name for text that our own decoding would read as garbage:
# the East Asian multi-byte encodings other than the GB family, which decode_report handles.
_EAST_ASIAN = {
    "cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004",
    "euc_jisx0213", "iso2022_jp", "big5", "big5hkscs", "cp950", "euc_kr", "cp949", "johab",
}  # fmt: skip
# A charset-normalizer guess with more "chaos" (unlikely character sequences) than this is
# not confident enough to decode a report by.
_MAX_CHAOS = 0.1
# Share of bytes above 0x7F beyond which a single-byte decoding needs a confident second opinion:
# English reports with accented names stay far below it, East Asian text read as cp1252 above.
_MAX_HIGH_BYTES = 0.1


def decode_report_text(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding label), refusing text whose encoding is a guess.

    UTF-8, a BOM, UTF-16 and GBK text are certain. Past those, decode_report falls back on GB18030 and
    cp1252, which read almost any bytes, so Shift-JIS, Big5 or a file mixing encodings would
    come out as mojibake. charset-normalizer is the last resort: it may decode East Asian
    text it is sure of; a file that is neither is refused with the reason.
    """
    try:
        text, encoding = decode_report(data)
    except ReportError as refused:
        text, encoding, error = "", None, refused
    else:
        error = None
        if encoding in _UNAMBIGUOUS:
            return text, encoding
    mixed = _mixed_with_utf8(data)
    if mixed:
        raise ReportError(
            f"the file mixes encodings: {mixed}; save it in one encoding (UTF-8) to load it"
        )
    # GB18030 passed decode_report's own test (mostly GB2312 character pairs).
    if encoding == "gb18030":
        return text, encoding
    guess = charset_normalizer.from_bytes(data).best()
    guessed = codecs.lookup(guess.encoding).name.replace("-", "_") if guess else None
    if guessed in _EAST_ASIAN and guess.chaos <= _MAX_CHAOS:
        return str(guess), guessed
    if error is not None:
        raise error
    high = sum(1 for byte in data if byte > 0x7F) / len(data)
    if guessed is None and high > _MAX_HIGH_BYTES:
        raise ReportError(
            "the encoding of the file cannot be told with confidence (it is not UTF-8, UTF-16 "
            "or GBK, and reads as garbage in cp1252); save it as UTF-8 to load it"
        )
    return text, encoding


def _mixed_with_utf8(data: bytes) -> str:
    """'lines 1-3 are UTF-8, line 5 is not' for a file of both, else ''."""
    utf8, other = [], []
    for number, line in enumerate(data.splitlines(), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
        else:
            utf8.append(number)
    if not (utf8 and other):
        return ""
    return f"line {utf8[0]} is UTF-8, line {other[0]} is not"


def flag_events_for_review(report: Report) -> None:
    """Every event of a report an editor added: open for review, whatever was known before."""
    event_type = ContentType.objects.get_for_model(Event)
    flagged = set(
        ReviewItem.objects.open()
        .filter(content_type=event_type, object_id__in=report.events.values("pk"))
        .values_list("object_id", flat=True)
    )
    for event in report.events.exclude(pk__in=flagged):
        ReviewItem.objects.update_or_create(
            content_type=event_type,
            object_id=event.pk,
            reason=NEW_FROM_ADMIN,
            defaults={
                "message": "Added from text in the admin; check what was extracted.",
                "report": report,
                "status": ReviewStatus.OPEN,
                "resolved_at": None,
                "resolved_by": None,
            },
        )
