"""Hypothesis strategies: small fleets whose fixes cross midnight and the antimeridian."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import strategies as st

from tests.maritime import synthetic

MIDNIGHT = 1_772_409_600  # 2026-03-02T00:00:00Z


@st.composite
def fleets(draw: st.DrawFn, max_vessels: int = 4, max_fixes: int = 40) -> pa.Table:
    """Vessels drifting near one spot (by the antimeridian or not), around a midnight, with
    random pauses of up to 20 h between fixes and speeds from stopped to 15 knots."""
    near_180 = draw(st.booleans())
    lat0 = draw(st.floats(30.0, 45.0))
    lon0 = 179.95 if near_180 else draw(st.floats(120.0, 130.0))
    mmsi, ts, lat, lon = [], [], [], []
    for v in range(draw(st.integers(1, max_vessels))):
        t = MIDNIGHT + draw(st.integers(-30 * 3600, 3600))
        la = lat0 + draw(st.floats(-0.02, 0.02))
        lo = lon0 + draw(st.floats(-0.02, 0.02))
        for _ in range(draw(st.integers(1, max_fixes))):
            pause = draw(st.sampled_from([60, 600, 1800, 7200, 6 * 3600, 13 * 3600, 20 * 3600]))
            knots = draw(st.sampled_from([0.0, 0.5, 1.5, 3.0, 15.0]))
            t += pause
            step = knots * pause / 3600 / 60 * draw(st.floats(-1.0, 1.0))
            la = min(max(la + step * 0.1, -89.0), 89.0)
            lo = (lo + step + 180.0) % 360.0 - 180.0
            mmsi.append(445_000_000 + v)
            ts.append(t)
            lat.append(round(la, 6))
            lon.append(round(lo, 6))
    return synthetic.table(mmsi, ts, lat, lon)
