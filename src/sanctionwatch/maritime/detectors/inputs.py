"""The tables every engine's detectors read, built once from the positions store.

    fixes       the real (non-noise) fixes of every segment (`seg_id`, and `seg` a number for
                it), with time as epoch seconds `t`,
                implied speed, distance to shore and to the nearest port, and the zone
    grid        segments resampled every `grid_every_s` seconds, for pairwise detectors
    identities  identity reports with `t`
    designated  designated vessels of the registry (IMO, MMSI, name, since/until seconds)

Enrichment is vectorised numpy over Arrow columns (a pure table -> table function), so an
engine that outgrows one machine can run it per partition.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sanctionwatch.maritime.geo import distance_to_shore_km, load_ports, load_zones
from sanctionwatch.maritime.geo.nearest import nearest_port_index
from sanctionwatch.maritime.geo.zones import in_zone
from sanctionwatch.maritime.segment import DEFAULTS, sort_fixes
from sanctionwatch.maritime.tracks import SegmentParams, resample, segment

DESIGNATED = pa.schema(
    [
        pa.field("entity_id", pa.string(), nullable=False),
        pa.field("caption", pa.string(), nullable=False),
        pa.field("imo", pa.int64()),
        pa.field("mmsi", pa.int64()),
        pa.field("name", pa.string()),  # normalised: upper-case letters and digits, one space
        pa.field("since_s", pa.int64()),  # designated from (epoch seconds), null when unknown
        pa.field("until_s", pa.int64()),  # delisted at, null while designated
    ]
)


@dataclass(frozen=True)
class Inputs:
    fixes: pa.Table
    grid: pa.Table
    identities: pa.Table
    designated: pa.Table
    segmented: pa.Table  # every fix with seg_id, implied speed and the noise flag

    def views(self) -> dict[str, pa.Table]:
        return {
            "fixes": self.fixes,
            "grid": self.grid,
            "identities": self.identities,
            "designated": self.designated,
            "segmented": self.segmented,
        }


def seconds(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """Epoch seconds (floor) of a timestamp[us] column."""
    us = pc.cast(column, pa.int64())
    return pc.cast(pc.floor(pc.divide(pc.cast(us, pa.float64()), 1e6)), pa.int64())


def prepare(
    positions: pa.Table,
    identities: pa.Table | None = None,
    designated: pa.Table | None = None,
    *,
    grid_every_s: int = 600,
    segment_params: SegmentParams | None = None,
) -> Inputs:
    ordered = sort_fixes(positions)
    with ThreadPoolExecutor(1) as pool:  # numpy and shapely release the GIL: use both cores
        where = pool.submit(places, ordered)
        segmented = segment(ordered, segment_params or DEFAULTS)
    segmented = segmented.append_column("t", seconds(segmented["ts"]))
    real_mask = pc.invert(segmented["noise"])
    real = segmented.filter(real_mask)
    fixes = real.select(["row_id", "mmsi", "seg_id", "t", "lat", "lon", "sog", "implied_speed_kn"])
    for name, column in zip(PLACE_COLUMNS, where.result().filter(real_mask).columns, strict=True):
        fixes = fixes.append_column(name, column)
    fixes = fixes.append_column("seg", segment_numbers(fixes["seg_id"]))
    grid = resample(real, grid_every_s)
    grid = grid.append_column("t", seconds(grid["ts"])).drop_columns(["ts"])
    ids = identities if identities is not None else _empty_identities()
    ids = ids.append_column("t", seconds(ids["ts"])).drop_columns(["ts"])
    noise = segmented.select(["row_id", "mmsi", "seg_id", "t", "lat", "lon", "implied_speed_kn"])
    noise = noise.append_column("noise", segmented["noise"])
    return Inputs(
        fixes=fixes,
        grid=grid,
        identities=ids,
        designated=designated if designated is not None else DESIGNATED.empty_table(),
        segmented=noise,
    )


def segment_numbers(seg_id: pa.ChunkedArray) -> pa.Array:
    """A number per segment (equal ids, equal numbers): cheaper to partition by than the id."""
    codes = pc.dictionary_encode(seg_id.combine_chunks()).indices
    return pc.cast(codes, pa.int64())


PLACE_COLUMNS = ("shore_km", "port_id", "port_name", "port_country", "port_km", "zone")


def places(fixes: pa.Table) -> pa.Table:
    """Shore distance, nearest port and its distance, and zone of each fix, in its order.

    Runs beside segmentation (in `prepare`), over every fix in segmentation's order: the same
    rows the segmented table has, so its noise mask picks the real fixes' places.
    """
    return enrich(pa.table({"lat": fixes["lat"], "lon": fixes["lon"]})).drop_columns(["lat", "lon"])


def enrich(fixes: pa.Table) -> pa.Table:
    """Add shore_km, port_id, port_name, port_country, port_km and zone to each fix."""
    lat = np.asarray(fixes["lat"].to_numpy(), np.float64)
    lon = np.asarray(fixes["lon"].to_numpy(), np.float64)
    ports = load_ports()
    index, port_km = nearest_port_index(lat, lon) if len(lat) else (np.zeros(0, int), np.zeros(0))
    at = pa.array(index, pa.int64())
    zones = load_zones()
    zone = np.full(len(lat), -1, dtype=np.int64)
    for k in reversed(range(len(zones))):  # the first zone listed wins where zones overlap
        zone[in_zone(zones[k], lat, lon)] = k
    return (
        fixes.append_column("shore_km", pa.array(distance_to_shore_km(lat, lon), pa.float64()))
        .append_column("port_id", _pick([p.id for p in ports], at))
        .append_column("port_name", _pick([p.name for p in ports], at))
        .append_column("port_country", _pick([p.country for p in ports], at))
        .append_column("port_km", pa.array(port_km, pa.float64()))
        .append_column("zone", _pick([z.id for z in zones], pa.array(zone, mask=zone < 0)))
    )


def _pick(values: list[str], index: pa.Array) -> pa.Array:
    """values[index] as a string column (null where the index is null), taken in Arrow."""
    return pa.array(values, pa.string()).take(index)


def _empty_identities() -> pa.Table:
    from sanctionwatch.maritime.model import IDENTITIES

    return IDENTITIES.empty_table()
