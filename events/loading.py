"""Reading report files for the import: paths -> bytes -> extraction -> ingest.

Every failure is caught per file and turned into one line that names the file, so a broken
report never stops the others and never half-writes the database.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from events.extraction import ReportError, extract_report
from events.extraction.text import decode_report, refuse_oversize
from events.ingest import IngestResult, ingest_report
from events.models import Report

REPORT_SUFFIXES = {".txt", ".text"}


@dataclass
class LoadOutcome:
    name: str
    result: IngestResult | None = None
    error: str | None = None
    notice: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None


def find_report_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[LoadOutcome]]:
    """Expand files and folders (recursively, *.txt) in a stable order."""
    files: list[Path] = []
    problems: list[LoadOutcome] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
            )
            if not found:
                problems.append(LoadOutcome(str(path), error="the folder holds no .txt reports"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append(LoadOutcome(str(path), error="not a regular file"))
        else:
            problems.append(LoadOutcome(str(path), error="no such file or folder"))
    return files, problems


def load_report_file(path: Path, *, dry_run: bool = False) -> LoadOutcome:
    try:
        # Refused before reading: a huge file should not be loaded into memory first.
        refuse_oversize(path.stat().st_size)
        data = path.read_bytes()
    except ReportError as exc:
        return LoadOutcome(str(path), error=str(exc))
    except OSError as exc:
        return LoadOutcome(str(path), error=f"cannot read it: {exc.strerror or exc}")
    return load_report_bytes(data, file_name=path.name, label=display_path(path), dry_run=dry_run)


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


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
    twin = Report.objects.filter(sha256=sha256).exclude(file_name=file_name).first()
    if twin is not None:
        return LoadOutcome(label, notice=f"same text as {twin.file_name}; skipped")
    try:
        raw_text, encoding = decode_report(data)
        extracted = dataclasses.replace(
            extract_report(raw_text, source=file_name), encoding=encoding
        )
    except ReportError as exc:
        return LoadOutcome(label, error=str(exc))
    notice = None if encoding == "utf-8" else f"decoded as {encoding}"
    try:
        result = ingest_report(
            extracted,
            raw_text=raw_text,
            sha256=sha256,
            file_name=file_name,
            dry_run=dry_run,
            review_new_records=review_new_records,
            user=user,
        )
    except Exception as exc:  # noqa: BLE001 - one bad report must not stop the others
        return LoadOutcome(label, error=f"could not be stored ({type(exc).__name__}: {exc})")
    return LoadOutcome(label, result=result, notice=notice)
