"""Ingest AIS files into the positions store: `sanctionwatch ais ingest PATH...`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from sanctionwatch.errors import NotFoundError
from sanctionwatch.logs import get_logger
from sanctionwatch.maritime.ingest_report import IngestReport
from sanctionwatch.maritime.readers import detect
from sanctionwatch.maritime.store import PositionStore

log = get_logger(__name__)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the files under folders named (hidden ones skipped), in order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        elif path.is_file():
            found.append(path)
        else:
            raise NotFoundError(f"{path}: no such file or folder")
    return found


def ingest_paths(
    store: PositionStore,
    paths: Iterable[Path],
    progress: Callable[[int], None] | None = None,
    default_time: datetime | None = None,
) -> IngestReport:
    """Read every file (format sniffed) and add its rows to `store`, one file at a time.

    All formats are checked before anything is written, so an unknown file stops the command
    with UnknownFormatError before any change. Each file's rows are written all or none;
    `progress(1)` is called after each file. `default_time` dates NMEA lines without a time.
    """
    files = expand_paths(paths)
    formats = {path: detect.detect(path) for path in files}
    report = IngestReport(inputs=0)
    for path in files:
        result = detect.read(path, default_time=default_time)
        one = store.ingest(result)
        log.info("file ingested", path=str(path), format=formats[path], summary=one.summary())
        report = report.merge(one)
        if progress is not None:
            progress(1)
    return report
