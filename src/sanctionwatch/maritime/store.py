"""The positions store: immutable Parquet files partitioned by UTC day, hive style.

    root/positions/day=2016-01-12/part-<content hash>.parquet
    root/identities/day=2016-01-12/part-<content hash>.parquet

Files are never rewritten: an ingest adds new files holding only rows whose `row_id` is not yet
in their day, sorted by MMSI and time, all written or none (see `atomic`). Re-ingesting a file
therefore adds nothing. One writer at a time; any number of readers, here or in another engine:
DuckDB reads `read_parquet(store.positions_glob(), hive_partitioning = true)`, Spark reads
`store.positions_dir` with the `day` column discovered from the paths.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from sanctionwatch.maritime import atomic
from sanctionwatch.maritime.ingest_report import IngestReport, Kind
from sanctionwatch.maritime.model import IDENTITIES, POSITIONS, UTC_US
from sanctionwatch.maritime.readers.base import ReadResult
from sanctionwatch.maritime.validate import merge_rejects

SCHEMAS: dict[Kind, pa.Schema] = {"positions": POSITIONS, "identities": IDENTITIES}
DAY_US = 86_400_000_000
BBox = tuple[float, float, float, float]  # min lon, min lat, max lon, max lat
_HIVE = ds.partitioning(pa.schema([("day", pa.string())]), flavor="hive")
_ORDER = [("mmsi", "ascending"), ("ts", "ascending")]


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _content_name(table: pa.Table) -> str:
    digest = hashlib.blake2b(table["row_id"].to_numpy().tobytes(), digest_size=10).hexdigest()
    return f"part-{digest}.parquet"


def _unique(table: pa.Table) -> pa.Table:
    """The first row of each row id."""
    _, first = np.unique(table["row_id"].to_numpy(), return_index=True)
    return table.take(pa.array(np.sort(first)))


class PositionStore:
    """AIS positions and identities on disk under `root`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.positions_dir = self.root / "positions"
        self.identities_dir = self.root / "identities"

    # -- paths, for this module and for other engines
    def directory(self, kind: Kind) -> Path:
        return self.root / kind

    def positions_glob(self) -> str:
        """Glob of every positions file, e.g. for DuckDB's read_parquet(..., hive_partitioning)."""
        return str(self.positions_dir / "day=*" / "*.parquet")

    def identities_glob(self) -> str:
        return str(self.identities_dir / "day=*" / "*.parquet")

    def files(self, kind: Kind = "positions") -> list[Path]:
        """Every Parquet file of `kind`, in day order."""
        return sorted(self.directory(kind).glob("day=*/*.parquet"))

    def days(self, kind: Kind = "positions") -> list[date]:
        return sorted({date.fromisoformat(p.parent.name[4:]) for p in self.files(kind)})

    def _day_dir(self, kind: Kind, day: str) -> Path:
        return self.directory(kind) / f"day={day}"

    # -- writing
    def ingest(self, results: ReadResult | Iterable[ReadResult]) -> IngestReport:
        """Add the rows of `results` not yet stored; all files are written or none."""
        batch = [results] if isinstance(results, ReadResult) else list(results)
        plans = {
            kind: self._plan(kind, pa.concat_tables([getattr(r, kind) for r in batch]))
            for kind in SCHEMAS
        }
        written = atomic.write_all([f for _, _, files in plans.values() for f in files])
        return IngestReport(
            added={kind: added for kind, (added, _, _) in plans.items()},
            duplicates={kind: dup for kind, (_, dup, _) in plans.items()},
            rejects=merge_rejects(*(r.rejects for r in batch)),
            files=tuple(str(p.relative_to(self.root)) for p in written),
        )

    def _stored_ids(self, kind: Kind, day: str) -> pa.Array:
        files = sorted(self._day_dir(kind, day).glob("*.parquet"))
        ids = [pq.read_table(f, columns=["row_id"])["row_id"] for f in files]
        return (
            pa.chunked_array(ids, pa.int64()).combine_chunks() if ids else pa.array([], pa.int64())
        )

    def _plan(
        self, kind: Kind, table: pa.Table
    ) -> tuple[dict[str, int], int, list[tuple[Path, pa.Table]]]:
        """Rows added per day, duplicates, and the files to write for one table."""
        table = table.cast(SCHEMAS[kind])
        unique = _unique(table) if table.num_rows else table
        duplicates = table.num_rows - unique.num_rows
        day_us = pc.cast(unique["ts"], pa.int64()).to_numpy() // DAY_US
        added: dict[str, int] = {}
        files: list[tuple[Path, pa.Table]] = []
        for day_number in np.unique(day_us):
            day = (date(1970, 1, 1) + timedelta(days=int(day_number))).isoformat()
            rows = unique.filter(pa.array(day_us == day_number))
            fresh = rows.filter(pc.invert(pc.is_in(rows["row_id"], self._stored_ids(kind, day))))
            duplicates += rows.num_rows - fresh.num_rows
            if fresh.num_rows:
                fresh = fresh.sort_by(_ORDER)
                files.append((self._day_dir(kind, day) / _content_name(fresh), fresh))
                added[day] = fresh.num_rows
        return added, duplicates, files

    # -- reading
    def _read(self, kind: Kind, where: ds.Expression | None) -> pa.Table:
        schema = SCHEMAS[kind]
        if not self.files(kind):
            return schema.empty_table()
        dataset = ds.dataset(self.directory(kind), format="parquet", partitioning=_HIVE)
        table = dataset.to_table(columns=schema.names, filter=where)
        return table.cast(schema).sort_by(_ORDER)

    def positions(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        bbox: BBox | None = None,
        mmsi: Iterable[int] | None = None,
    ) -> pa.Table:
        """Positions with since <= ts < until, inside bbox (min lon, min lat, max lon, max lat;
        min lon > max lon crosses the antimeridian), of the given MMSIs; sorted by MMSI, time."""
        where = _time_filter(since, until) & _mmsi_filter(mmsi)
        if bbox is not None:
            where = where & _bbox_filter(bbox)
        return self._read("positions", where)

    def identities(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        mmsi: Iterable[int] | None = None,
    ) -> pa.Table:
        """Identity reports with since <= ts < until, of the given MMSIs; sorted by MMSI, time."""
        return self._read("identities", _time_filter(since, until) & _mmsi_filter(mmsi))


def _time_filter(since: datetime | None, until: datetime | None) -> ds.Expression:
    """Filter on ts, and on the `day` partition so untouched days are never opened."""
    where = ds.scalar(True)
    if since is not None:
        since = _utc(since)
        where = where & (ds.field("day") >= since.date().isoformat())
        where = where & (ds.field("ts") >= pa.scalar(since, UTC_US))
    if until is not None:
        until = _utc(until)
        where = where & (ds.field("day") <= until.date().isoformat())
        where = where & (ds.field("ts") < pa.scalar(until, UTC_US))
    return where


def _mmsi_filter(mmsi: Iterable[int] | None) -> ds.Expression:
    if mmsi is None:
        return ds.scalar(True)
    return ds.field("mmsi").isin(pa.array(list(mmsi), pa.int64()))


def _bbox_filter(bbox: BBox) -> ds.Expression:
    min_lon, min_lat, max_lon, max_lat = bbox
    lat = (ds.field("lat") >= min_lat) & (ds.field("lat") <= max_lat)
    east, west = ds.field("lon") >= min_lon, ds.field("lon") <= max_lon
    return lat & ((east & west) if min_lon <= max_lon else (east | west))
