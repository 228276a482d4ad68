"""Find the list files behind user-given paths and the format of each."""

from __future__ import annotations

import re
import shutil
import tempfile
import urllib.request
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

from sanctionwatch.errors import InputError, UnknownFormatError
from sanctionwatch.lists.sources import ListFormat, formats

_PATH_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def expand(paths: Sequence[Path]) -> list[Path]:
    """Each path as given; a directory becomes the primary list files inside it."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            primaries = [p for p in sorted(path.rglob("*")) if p.is_file() and _primary(p)]
            if not primaries:
                raise UnknownFormatError(f"{path}: no list file of a known format inside")
            found.extend(primaries)
        else:
            found.append(path)
    return found


def _primary(path: Path) -> bool:
    head = _head(path)
    return any(fmt.sniff(path, head) for fmt in formats())


def detect(path: Path) -> ListFormat:
    """The format whose sniffer claims `path`, or UnknownFormatError."""
    head = _head(path)
    for fmt in formats():
        if fmt.sniff(path, head):
            return fmt
    hint = " (an OFAC companion file: load the sdn.csv beside it)" if _companion(path) else ""
    raise UnknownFormatError(f"{path}: not a list file of a known format{hint}")


def _companion(path: Path) -> bool:
    return path.name.lower() in {
        "add.csv",
        "alt.csv",
        "sdn_comments.csv",
        "cons_add.csv",
        "cons_alt.csv",
        "cons_comments.csv",
    }


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(4096)


def version_from_path(path: Path) -> str | None:
    """A publication date written in the path (``sdn-2024-05-03/sdn.csv``), if any."""
    for part in reversed(path.resolve().parts):
        match = _PATH_DATE.search(part)
        if match:
            return "-".join(match.groups())
    return None


def version_from_mtime(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date().isoformat()


def is_url(text: str) -> bool:
    return urlparse(text).scheme in ("http", "https")


def fetch(url: str, folder: Path, timeout: float) -> Path:
    """Download an official list to `folder` (atomically) and return the file."""
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(urlparse(url).path).name or "download"
    target = folder / name
    try:
        with (
            urllib.request.urlopen(url, timeout=timeout) as response,
            tempfile.NamedTemporaryFile(dir=folder, delete=False) as tmp,
        ):
            shutil.copyfileobj(response, tmp)
    except OSError as exc:
        raise InputError(f"{url}: download failed: {exc}") from exc
    Path(tmp.name).replace(target)
    return target
