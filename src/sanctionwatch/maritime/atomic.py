"""Write a set of Parquet files all or nothing.

Every file is first written under a hidden temporary name beside its final place (readers of
the store skip names starting with "."); only when all are written is each renamed into place
with `os.replace`, which is atomic on one file system. If anything fails, the temporary files,
the files already renamed and the directories made for them are removed, so the store is as it
was before (a crash of the whole process can leave hidden temporaries, never a partial file
under a final name).
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def _make_dirs(directory: Path, made: list[Path]) -> None:
    """Create `directory` and missing parents, remembering which ones were new."""
    missing = [d for d in (directory, *directory.parents) if not d.exists()]
    for path in reversed(missing):
        path.mkdir()
        made.append(path)


def _undo(temps: list[Path], placed: list[Path], made: list[Path]) -> None:
    for path in [*temps, *placed]:
        with suppress(OSError):  # never written, or its folder was the problem
            path.unlink()
    for directory in reversed(made):
        with suppress(OSError):
            directory.rmdir()


def write_all(files: Sequence[tuple[Path, pa.Table]], compression: str = "zstd") -> list[Path]:
    """Write each table to its path, all or none; return the paths written.

    Names are content-derived, so a path that already exists holds the same rows and is left
    alone (and not returned).
    """
    files = [(final, table) for final, table in files if not final.exists()]
    temps: list[Path] = []
    placed: list[Path] = []
    made: list[Path] = []
    try:
        for final, table in files:
            _make_dirs(final.parent, made)
            temp = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
            temps.append(temp)
            pq.write_table(table, temp, compression=compression)
        for temp, (final, _) in zip(list(temps), files, strict=True):
            os.replace(temp, final)
            temps.remove(temp)
            placed.append(final)
    except BaseException:
        _undo(temps, placed, made)
        raise
    return placed


def write_file(path: Path, write: Callable[[Path], object]) -> None:
    """Write one file through `write(temporary path)` beside it, then rename it into place;
    on any failure the temporary file is removed and `path` is as it was."""
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
