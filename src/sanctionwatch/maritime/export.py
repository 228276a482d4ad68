"""Export events as GeoJSON, KML or CSV, each written atomically (all or nothing)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from sanctionwatch.errors import InputError
from sanctionwatch.maritime.atomic import write_file
from sanctionwatch.maritime.events import to_json
from sanctionwatch.maritime.model import Event

SYNTHETIC_NOTE = "SYNTHETIC: simulated AIS, not real vessel movements"


def geojson(found: Sequence[Event]) -> str:
    features = []
    for e in found:
        props = to_json(e)
        props.pop("position")
        if e.synthetic:
            props["note"] = SYNTHETIC_NOTE
        features.append(
            {
                "type": "Feature",
                "id": e.id,
                "geometry": {"type": "Point", "coordinates": [e.lon, e.lat]},
                "properties": props,
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, indent=1) + "\n"


def kml(found: Sequence[Event]) -> str:
    marks = []
    for e in found:
        name = f"{e.type} {' / '.join(map(str, e.mmsi))}"
        note = f"{SYNTHETIC_NOTE}. " if e.synthetic else ""
        text = (
            f"{note}{e.severity} {e.type} by {e.detector} v{e.version}, "
            f"{e.start.isoformat()} to {e.end.isoformat()}; {json.dumps(e.details)}"
        )
        marks.append(
            "  <Placemark>\n"
            f"    <name>{escape(name)}</name>\n"
            f"    <description>{escape(text)}</description>\n"
            f"    <TimeSpan><begin>{e.start.isoformat()}</begin>"
            f"<end>{e.end.isoformat()}</end></TimeSpan>\n"
            f"    <Point><coordinates>{e.lon},{e.lat}</coordinates></Point>\n"
            "  </Placemark>"
        )
    body = "\n".join(marks)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n'
        f"  <name>sanctionwatch events</name>\n{body}\n</Document>\n</kml>\n"
    )


CSV_FIELDS = [
    "id",
    "type",
    "mmsi",
    "start",
    "end",
    "lat",
    "lon",
    "severity",
    "detector",
    "version",
    "synthetic",
    "evidence",
    "details",
    "params",
]


def to_csv(found: Sequence[Event]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for e in found:
        row = to_json(e)
        writer.writerow(
            {
                "id": e.id,
                "type": e.type,
                "mmsi": " ".join(map(str, e.mmsi)),
                "start": row["start"],
                "end": row["end"],
                "lat": e.lat,
                "lon": e.lon,
                "severity": e.severity,
                "detector": e.detector,
                "version": e.version,
                "synthetic": str(e.synthetic).lower(),
                "evidence": " ".join(map(str, e.evidence)),
                "details": json.dumps(e.details, sort_keys=True),
                "params": json.dumps(e.params, sort_keys=True),
            }
        )
    return out.getvalue()


FORMATS: dict[str, Callable[[Sequence[Event]], str]] = {
    "geojson": geojson,
    "kml": kml,
    "csv": to_csv,
}


def export(found: Sequence[Event], path: Path, fmt: str | None = None) -> str:
    """Write `found` to `path` in `fmt` (default: from the suffix); returns the format."""
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt == "json":
        fmt = "geojson"
    if fmt not in FORMATS:
        raise InputError(f"{path}: unknown export format {fmt!r} (geojson, kml or csv)")
    text = FORMATS[fmt](found)
    write_file(path, lambda temp: temp.write_text(text, encoding="utf-8"))
    return fmt
