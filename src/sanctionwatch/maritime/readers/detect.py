"""Which reader a file needs, from its first bytes (and its extension when they do not say).

    PAR1 magic or .parquet                -> parquet
    a CSV header naming BaseDateTime       -> noaa
    a CSV header naming "# Timestamp"      -> dma
    a CSV header naming Latitude_degrees   -> solent
    lines of !xxVDM/!xxVDO, tag blocks, $PGHP -> nmea
    lines of JSON objects                  -> gfw (NDJSON)

Files ending in .gz are looked into. Anything else raises UnknownFormatError naming the file.
"""

from __future__ import annotations

import gzip
import importlib
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sanctionwatch.errors import UnknownFormatError
from sanctionwatch.maritime.readers.base import ReadResult

Reader = Callable[[Path], ReadResult]
FORMATS = ("nmea", "dma", "noaa", "solent", "parquet", "gfw")
_HEADERS = (("BaseDateTime", "noaa"), ("# Timestamp", "dma"), ("Latitude_degrees", "solent"))
_NMEA = re.compile(rb"^\\|^\$PGHP|![A-Z]{2}VD[MO],")
_SNIFF_BYTES = 64 * 1024


def _head(path: Path) -> bytes:
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as handle:
                head: bytes = handle.read(_SNIFF_BYTES)
                return head
        with path.open("rb") as handle:
            return handle.read(_SNIFF_BYTES)
    except (OSError, EOFError) as err:
        raise UnknownFormatError(f"{path}: cannot read: {err}") from err


def _from_lines(head: bytes) -> str | None:
    lines = [line.strip() for line in head.splitlines()]
    lines = [line for line in lines if line and not line.startswith(b"#")]
    header = head.lstrip().split(b"\n", 1)[0].decode("utf-8-sig", "replace")
    for column, name in _HEADERS:
        if column in header.split(",") or f",{column}" in header:
            return name
    if lines and lines[0].startswith(b"{"):
        return "gfw"
    if any(_NMEA.search(line) for line in lines[:200]):
        return "nmea"
    return None


def detect(path: Path) -> str:
    """The name of the format of `path` (one of FORMATS)."""
    head = _head(path)
    if head.startswith(b"PAR1") or path.suffix == ".parquet":
        return "parquet"
    found = _from_lines(head)
    if found is None:
        raise UnknownFormatError(f"{path}: not a known AIS format (NMEA, DMA, NOAA, Solent, ...)")
    return found


def reader(name: str) -> Reader:
    """The `read` function of a format."""
    module = importlib.import_module(f"sanctionwatch.maritime.readers.{name}")
    read: Reader = module.read
    return read


def read(path: Path, default_time: datetime | None = None) -> ReadResult:
    """Read any supported file; `default_time` dates NMEA messages that carry no time."""
    name = detect(path)
    if name == "nmea":
        from sanctionwatch.maritime.readers import nmea

        return nmea.read(path, default_time=default_time)
    return reader(name)(path)
