"""What every AIS reader returns, and the content-derived row ids they share."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from sanctionwatch.maritime.model import IDENTITIES, POSITIONS, Rejects

U64 = npt.NDArray[np.uint64]


@dataclass(frozen=True)
class ReadResult:
    """Rows read from one file: positions and identities in the store's schemas, and rejects."""

    positions: pa.Table
    identities: pa.Table
    rejects: Rejects

    @classmethod
    def empty(cls) -> ReadResult:
        return cls(POSITIONS.empty_table(), IDENTITIES.empty_table(), Rejects())


def _mix(x: U64) -> U64:
    """splitmix64 finaliser, vectorised (uint64 arithmetic wraps)."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def position_ids(
    mmsi: npt.ArrayLike, ts_us: npt.ArrayLike, lat: npt.ArrayLike, lon: npt.ArrayLike
) -> npt.NDArray[np.int64]:
    """Signed 64-bit ids of position rows from their content: MMSI, time (µs), lat, lon."""
    h = _mix(np.asarray(mmsi, dtype=np.int64).view(np.uint64))
    for column in (ts_us, lat, lon):
        values = np.asarray(column, dtype=np.float64 if column is not ts_us else np.int64)
        with np.errstate(over="ignore"):
            h = _mix((h ^ values.view(np.uint64)) + np.uint64(0x9E3779B97F4A7C15))
    return h.view(np.int64)


def identity_id(mmsi: int, ts_us: int, *values: object) -> int:
    """A signed 64-bit id of an identity report from its MMSI, time and static fields."""
    text = "|".join([str(mmsi), str(ts_us), *(repr(v) for v in values)])
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    return int(struct.unpack(">q", digest)[0])
