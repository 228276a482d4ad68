"""Identity detectors on what single reports claim: flag against MID, malformed numbers.

    identity_flag          the flag of identity reports is not the country of the MMSI's MID:
                           one event per (MMSI, flag), high when either is DPRK (MID 445,
                           flag KP), low otherwise
    identity_invalid_mmsi  position reports under an MMSI `vesselids.valid_mmsi` refuses (not
                           nine digits, or a MID ITU has not allocated): one event per MMSI, low
    identity_invalid_imo   identity reports whose IMO number fails its check digit: one event
                           per (MMSI, IMO), low (0, AIS's "not available", is no IMO at all)

Each event spans the group's first to last report, lies where the first was made and cites
the first and last (`reports` counts them all).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.identity_sql import (
    groups,
    imo,
    imo_sql,
    locate,
    mmsi_info_cte,
    norm,
    norm_sql,
    span,
    span_evidence_sql,
    span_place_sql,
    spans_sql,
    valid_imo_sql,
)
from sanctionwatch.maritime.detectors.inputs import Inputs
from sanctionwatch.maritime.vesselids import mmsi_country, valid_imo, valid_mmsi

DPRK = "KP"


@dataclass(frozen=True)
class NoParams:
    """These detectors have no thresholds."""


@dataclass(frozen=True)
class FlagDetector:
    name: ClassVar[str] = "identity_flag"
    event_type: ClassVar[str] = "identity"
    version: ClassVar[str] = "1"
    params: NoParams = NoParams()

    def sql(self, dialect: Dialect) -> str:
        return f"""
WITH {mmsi_info_cte("identities")}, flagged AS (
  SELECT l.*, i.country AS mid_country, {norm_sql("l.flag")} AS flag_n
  FROM located AS l JOIN mmsi_info AS i ON i.mmsi = l.mmsi
  WHERE {norm_sql("l.flag")} <> i.country
), spans AS ({spans_sql("flagged", "mmsi, flag_n")})
SELECT mmsi, CAST(NULL AS BIGINT) AS mmsi2, {span_place_sql()},
       CASE WHEN mid_country = '{DPRK}' OR flag_n = '{DPRK}' THEN 'high' ELSE 'low' END
         AS severity,
       {span_evidence_sql(dialect)}, 'flag' AS kind, flag_n AS flag, mid_country,
       COUNT(*) AS reports
FROM spans GROUP BY mmsi, flag_n, mid_country
"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        flagged = [
            {**r, "flag_n": norm(r["flag"]), "mid_country": mmsi_country(r["mmsi"])}
            for r in locate(inputs)
        ]
        flagged = [r for r in flagged if None not in (r["flag_n"], r["mid_country"])]
        flagged = [r for r in flagged if r["flag_n"] != r["mid_country"]]
        out = []
        for (mmsi, flag, country), group in groups(flagged, _flag_key).items():
            dprk = DPRK in (flag, country)
            out.append(
                _event(mmsi, group, "high" if dprk else "low", "flag")
                | {"flag": flag, "mid_country": country}
            )
        return out


def _flag_key(row: Row) -> tuple[int, str, str]:
    return row["mmsi"], row["flag_n"], row["mid_country"]


def _event(mmsi: int, group: list[Row], severity: str, kind: str) -> Row:
    return {"mmsi": mmsi, "mmsi2": None, **span(group), "severity": severity, "kind": kind}


@dataclass(frozen=True)
class InvalidMmsiDetector:
    name: ClassVar[str] = "identity_invalid_mmsi"
    event_type: ClassVar[str] = "identity"
    version: ClassVar[str] = "1"
    params: NoParams = NoParams()

    def sql(self, dialect: Dialect) -> str:
        return f"""
WITH {mmsi_info_cte("segmented")}, invalid AS (
  SELECT s.row_id, s.mmsi, s.t, s.lat, s.lon
  FROM segmented AS s JOIN mmsi_info AS i ON i.mmsi = s.mmsi
  WHERE NOT i.valid
), spans AS ({spans_sql("invalid", "mmsi")})
SELECT mmsi, CAST(NULL AS BIGINT) AS mmsi2, {span_place_sql()}, 'low' AS severity,
       {span_evidence_sql(dialect)}, 'invalid_mmsi' AS kind, COUNT(*) AS reports
FROM spans GROUP BY mmsi
"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        rows = inputs.segmented.select(["row_id", "mmsi", "t", "lat", "lon"]).to_pylist()
        invalid = groups(r for r in rows if not valid_mmsi(r["mmsi"]))
        return [_event(mmsi, group, "low", "invalid_mmsi") for mmsi, group in invalid.items()]


@dataclass(frozen=True)
class InvalidImoDetector:
    name: ClassVar[str] = "identity_invalid_imo"
    event_type: ClassVar[str] = "identity"
    version: ClassVar[str] = "1"
    params: NoParams = NoParams()

    def sql(self, dialect: Dialect) -> str:
        return f"""
WITH invalid AS (
  SELECT * FROM (SELECT row_id, mmsi, t, lat, lon, {imo_sql("imo")} AS imo_n FROM located) AS r
  WHERE imo_n IS NOT NULL AND NOT {valid_imo_sql("imo_n")}
), spans AS ({spans_sql("invalid", "mmsi, imo_n")})
SELECT mmsi, CAST(NULL AS BIGINT) AS mmsi2, {span_place_sql()}, 'low' AS severity,
       {span_evidence_sql(dialect)}, 'invalid_imo' AS kind, imo_n AS imo, COUNT(*) AS reports
FROM spans GROUP BY mmsi, imo_n
"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        reports = [r | {"imo": imo(r["imo"])} for r in locate(inputs)]
        invalid = [r for r in reports if r["imo"] is not None and not valid_imo(r["imo"])]
        out = []
        for (mmsi, number), group in groups(invalid, _imo_key).items():
            out.append(_event(mmsi, group, "low", "invalid_imo") | {"imo": number})
        return out


def _imo_key(row: Row) -> tuple[int, int]:
    return row["mmsi"], row["imo"]
