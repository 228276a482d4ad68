"""`sanctionwatch ais ...`, `simulate`, `detect` and `events ...`: the maritime commands."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import pyarrow as pa
import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from sanctionwatch.errors import InputError
from sanctionwatch.logs import configure
from sanctionwatch.settings import get_settings

ais_app = typer.Typer(help="AIS positions: ingest files into the store.", no_args_is_help=True)
events_app = typer.Typer(help="Detected maritime events: list, export.", no_args_is_help=True)
console = Console()
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def store_dir() -> Path:
    return get_settings().data_dir / "ais"


def _when(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"not an ISO 8601 date or time: {text!r}") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    parts = text.split(",")
    try:
        box = tuple(float(p) for p in parts)
    except ValueError:
        box = ()
    if len(box) != 4:
        raise InputError(f"--bbox wants min_lon,min_lat,max_lon,max_lat, not {text!r}")
    return (box[0], box[1], box[2], box[3])


@ais_app.command("ingest")
def ais_ingest(
    paths: Annotated[list[Path], typer.Argument(help="AIS files or folders (format sniffed).")],
    as_json: JsonOpt = False,
) -> None:
    """Add AIS files (NMEA, DMA, NOAA, GFW NDJSON, Parquet, Solent CSV) to the store."""
    from rich.progress import Progress

    from sanctionwatch.cli import print_json
    from sanctionwatch.maritime.ingest import expand_paths, ingest_paths
    from sanctionwatch.maritime.store import PositionStore

    configure(get_settings().log_level)
    files = expand_paths(paths)
    store = PositionStore(store_dir())
    with Progress(console=Console(stderr=True), disable=as_json) as bar:
        task = bar.add_task("ingesting", total=len(files))
        report = ingest_paths(store, files, lambda n: bar.advance(task, n))
    print_json(report.as_dict()) if as_json else console.print(report.summary())


def simulate_cmd(
    seed: Annotated[int, typer.Option(help="Random seed: the same seed, the same scenario.")] = 1,
    hours: Annotated[int, typer.Option(help="Length of the scenario in hours.")] = 72,
    vessels: Annotated[int, typer.Option(help="Number of vessels.")] = 120,
    start: Annotated[str, typer.Option(help="Start time (UTC, ISO 8601).")] = "2026-03-01T00:00",
    out: Annotated[Path | None, typer.Option(help="Write the scenario files here.")] = None,
    ingest: Annotated[bool, typer.Option(help="Add the positions to the AIS store.")] = True,
    as_json: JsonOpt = False,
) -> None:
    """Simulate SYNTHETIC AIS traffic around Korea with injected evasion and ground truth."""
    from sanctionwatch.cli import print_json
    from sanctionwatch.maritime.model import Rejects
    from sanctionwatch.maritime.readers.base import ReadResult
    from sanctionwatch.maritime.simulate import simulate, write_scenario
    from sanctionwatch.maritime.store import PositionStore

    moment = _when(start)
    assert moment is not None
    scenario = simulate(seed, moment, hours, vessels)
    written = write_scenario(scenario, out) if out is not None else {}
    summary = {
        "synthetic": True,
        "source": scenario.source,
        "positions": scenario.positions.num_rows,
        "identities": scenario.identities.num_rows,
        "truth": len(scenario.truth),
        "files": {k: str(v) for k, v in written.items()},
    }
    if ingest:
        result = ReadResult(scenario.positions, scenario.identities, Rejects())
        summary["ingest"] = PositionStore(store_dir()).ingest(result).as_dict()
    if as_json:
        print_json(summary)
    else:
        console.print(
            f"SYNTHETIC scenario {scenario.source}: {summary['positions']:,} positions, "
            f"{summary['truth']} injected events" + (f" -> {out}" if out else "")
        )


def detect_cmd(
    engine: Annotated[str, typer.Option(help="duckdb (embedded) or spark (local mode).")] = (
        "duckdb"
    ),
    since: Annotated[str | None, typer.Option(help="From this UTC time (ISO 8601).")] = None,
    until: Annotated[str | None, typer.Option(help="Until this UTC time (ISO 8601).")] = None,
    bbox: Annotated[str | None, typer.Option(help="min_lon,min_lat,max_lon,max_lat")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Run every detector over the stored positions and keep the events found."""
    from sanctionwatch.cli import db_engine, print_json
    from sanctionwatch.db import transaction
    from sanctionwatch.maritime.detection import detect
    from sanctionwatch.maritime.events import save_run
    from sanctionwatch.maritime.store import PositionStore

    started = datetime.now(UTC)
    db = db_engine()
    result = detect(
        PositionStore(store_dir()),
        engine=engine,
        since=_when(since),
        until=_when(until),
        bbox=_bbox(bbox),
        designated=_designated(db),
    )
    with transaction(db) as conn:
        run_id, added = save_run(
            conn,
            result.events,
            engine=engine,
            started_at=started,
            positions=result.positions,
            scope=result.scope,
        )
    counts: dict[str, int] = {}
    for e in result.events:
        counts[e.type] = counts.get(e.type, 0) + 1
    summary = {"run": run_id, "positions": result.positions, "events": counts, "new": added}
    if as_json:
        print_json(summary)
    else:
        found = ", ".join(f"{n} {t}" for t, n in sorted(counts.items())) or "no events"
        console.print(f"run {run_id}: {result.positions:,} positions, {found} ({added} new)")


def _designated(db: Engine) -> pa.Table:
    """Designated vessels of the registry, for the designated-vessel detector."""
    from sanctionwatch.maritime.detectors.registry_vessels import designated_table

    return designated_table(db)


@events_app.command("list")
def events_list(
    type_: Annotated[list[str] | None, typer.Option("--type", help="Event type(s).")] = None,
    mmsi: Annotated[int | None, typer.Option(help="Events involving this MMSI.")] = None,
    since: Annotated[str | None, typer.Option(help="Ending at or after (UTC).")] = None,
    until: Annotated[str | None, typer.Option(help="Starting before (UTC).")] = None,
    severity: Annotated[str | None, typer.Option(help="At least: info/low/medium/high.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Stored events in time order."""
    from sanctionwatch.cli import db_engine, print_json
    from sanctionwatch.maritime.events import list_events, to_json

    with db_engine().connect() as conn:
        found = list_events(
            conn,
            types=type_ or (),
            mmsi=mmsi,
            since=_when(since),
            until=_when(until),
            min_severity=severity,
            limit=limit,
        )
    if as_json:
        print_json([to_json(e) for e in found])
        return
    table = Table("start (UTC)", "type", "vessels", "hours", "severity", "where", "id")
    for e in found:
        hours = (e.end - e.start).total_seconds() / 3600
        where = f"{e.lat:.3f}, {e.lon:.3f}"
        mark = " (synthetic)" if e.synthetic else ""
        table.add_row(
            e.start.strftime("%Y-%m-%d %H:%M"),
            e.type + mark,
            " ".join(map(str, e.mmsi)),
            f"{hours:.1f}",
            e.severity,
            where,
            e.id,
        )
    console.print(table)


@events_app.command("export")
def events_export(
    target: Annotated[Path, typer.Argument(help="Output file: .geojson, .kml or .csv")],
    fmt: Annotated[str | None, typer.Option("--format", help="geojson, kml or csv.")] = None,
    type_: Annotated[list[str] | None, typer.Option("--type", help="Event type(s).")] = None,
) -> None:
    """Write stored events as GeoJSON, KML or CSV."""
    from sanctionwatch.cli import db_engine
    from sanctionwatch.maritime.events import list_events
    from sanctionwatch.maritime.export import export

    with db_engine().connect() as conn:
        found = list_events(conn, types=type_ or ())
    written = export(found, target, fmt)
    console.print(f"{len(found)} events -> {target} ({written})")
