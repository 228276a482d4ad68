"""The `sanctionwatch` command: a thin shell over the contexts.

Each command parses its arguments, calls one domain function and formats the
result (a Rich table, or JSON with `--json`).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from sanctionwatch import __version__
from sanctionwatch.db import make_engine
from sanctionwatch.errors import SanctionwatchError
from sanctionwatch.lists import bundled, detect, entities, history, linking
from sanctionwatch.lists.load import LoadResult, load_path, load_paths
from sanctionwatch.logs import configure
from sanctionwatch.settings import get_settings

app = typer.Typer(
    help="Sanctions monitoring: designations, screening, maritime, investigations.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
lists_app = typer.Typer(
    help="Official sanctions lists: load, status, history.", no_args_is_help=True
)
entities_app = typer.Typer(
    help="The entity store: show, search, export, link.", no_args_is_help=True
)
app.add_typer(lists_app, name="lists")
app.add_typer(entities_app, name="entities")
console = Console()
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def db_engine() -> Engine:
    """The configured database, migrated, with logging set up."""
    return _engine()


def print_json(data: Any) -> None:
    _print_json(data)


def _engine() -> Engine:
    settings = get_settings()
    configure(settings.log_level)
    return make_engine(settings.database_url)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        sys.stdout.write(f"sanctionwatch {__version__}\n")
        raise typer.Exit()


@lists_app.command("load")
def lists_load(
    paths: Annotated[list[str], typer.Argument(help="List files, folders or official URLs.")],
    source: Annotated[str | None, typer.Option(help="Override the source name.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Load official list files (format auto-detected), one transaction per list."""
    engine = _engine()
    results: list[LoadResult] = []
    for result in load_paths(engine, _resolve(paths), source=source, published=published):
        results.append(result)
        for note in result.notes:
            sys.stderr.write(f"warning: {result.source} {result.version}: {note}\n")
    if as_json:
        _print_json({"loaded": [asdict(r) for r in results]})
        return
    table = Table("source", "version", "format", "records", "added", "ended", "unchanged")
    for r in results:
        table.add_row(
            r.source,
            r.version,
            r.format,
            str(r.records),
            str(r.added),
            str(r.ended),
            "yes" if r.unchanged else "",
        )
    console.print(table)


def _resolve(items: list[str]) -> list[Path]:
    local: list[Path] = []
    for item in items:
        if detect.is_url(item):
            settings = get_settings()
            local.append(detect.fetch(item, settings.data_dir / "downloads", settings.http_timeout))
        else:
            local.append(Path(item))
    return detect.expand(local)


@lists_app.command("load-bundled")
def lists_load_bundled(as_json: JsonOpt = False) -> None:
    """Load the real lists shipped with the package (UN, an OFAC SDN release)."""
    engine = _engine()
    results = [load_path(engine, path) for path in bundled.paths()]
    if as_json:
        _print_json({"loaded": [asdict(r) for r in results]})
    else:
        for r in results:
            console.print(f"{r.source} {r.version}: {r.records} records")


@lists_app.command("status")
def lists_status(as_json: JsonOpt = False) -> None:
    """Entity counts by schema and regime, per source and version."""
    with _engine().connect() as conn:
        found = history.status(conn)
    if as_json:
        _print_json({"sources": [asdict(s) for s in found]})
        return
    table = Table("source", "version", "entities", "schemas", "regimes")
    for s in found:
        table.add_row(s.source, s.version, str(s.entities), _counts(s.schemas), _counts(s.regimes))
    console.print(table)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


@lists_app.command("diff")
def lists_diff(
    source: Annotated[str, typer.Argument(help="Source name, e.g. un or ofac-sdn.")],
    from_version: Annotated[str | None, typer.Option("--from", help="Older version.")] = None,
    to_version: Annotated[str | None, typer.Option("--to", help="Newer version.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Additions, removals and field-by-field amendments between two versions."""
    with _engine().connect() as conn:
        result = history.diff(conn, source, from_version, to_version)
    if as_json:
        _print_json(asdict(result))
        return
    console.print(f"{result.source}: {result.from_version} -> {result.to_version}")
    for label, changes in (
        ("added", result.added),
        ("removed", result.removed),
        ("amended", result.amended),
    ):
        table = Table("id", "caption", "schema", "fields", title=f"{label} ({len(changes)})")
        for c in changes:
            table.add_row(c.id, c.caption, c.schema, ", ".join(sorted(c.fields)))
        console.print(table)


@entities_app.command("show")
def entities_show(
    entity_id: Annotated[str, typer.Argument(help="Entity or canonical id.")],
    as_json: JsonOpt = False,
) -> None:
    """One entity, merged across lists, with every value's provenance."""
    with _engine().connect() as conn:
        view = entities.show(conn, entity_id)
    data = {
        **entities.to_ftm(view),
        "designations": entities.designations(view),
        "provenance": {p: [asdict(v) for v in vs] for p, vs in view.values.items()},
        "related": [entities.to_ftm(r) for r in view.related],
    }
    if as_json:
        _print_json(data)
        return
    console.print(
        f"[bold]{view.caption}[/bold] {view.schema} {view.id} ({', '.join(view.sources)})"
    )
    table = Table("property", "value", "source", "record", "first seen", "last seen", "ended")
    for prop, values in sorted(view.values.items()):
        for v in values:
            table.add_row(
                prop, v.value, v.source, v.record_id, v.first_seen, v.last_seen, v.ended or ""
            )
    console.print(table)
    for d in data["designations"]:
        console.print(
            f"designation: {d['authority']} {', '.join(d['programs'])} "
            f"listed {d['listing_date']} {'ended ' + d['end_date'] if d['end_date'] else ''}"
        )


@entities_app.command("search")
def entities_search(
    text: Annotated[str, typer.Argument(help="Part of a name, or an identifier.")],
    limit: Annotated[int, typer.Option(help="Maximum results.")] = 20,
    as_json: JsonOpt = False,
) -> None:
    """Plain lookup by name substring or exact identifier (fuzzy screening: `screen`)."""
    with _engine().connect() as conn:
        hits = entities.search(conn, text, limit)
    if as_json:
        _print_json({"results": [asdict(h) for h in hits]})
        return
    table = Table("id", "caption", "schema", "sources", "matched")
    for h in hits:
        table.add_row(h.id, h.caption, h.schema, ", ".join(h.sources), h.matched)
    console.print(table)


@entities_app.command("export")
def entities_export(
    fmt: Annotated[str, typer.Option("--format", help="ftm (JSON lines) or csv.")] = "ftm",
) -> None:
    """Every entity, merged, to stdout: FtM JSON lines or CSV."""
    from sanctionwatch.lists.export import write_csv, write_ftm

    with _engine().connect() as conn:
        if fmt == "ftm":
            write_ftm(entities.export(conn), sys.stdout)
        elif fmt == "csv":
            write_csv(entities.export(conn), sys.stdout)
        else:
            raise typer.BadParameter("--format must be ftm or csv")


@entities_app.command("merge")
def entities_merge(
    left: Annotated[str, typer.Argument(help="Entity id.")],
    right: Annotated[str, typer.Argument(help="Entity id.")],
    reason: Annotated[str, typer.Option(help="Why they are the same.")] = "analyst judgement",
    as_json: JsonOpt = False,
) -> None:
    """Record an analyst decision that two entities are the same."""
    with _engine().begin() as conn:
        decision_id = linking.decide(conn, left, right, True, get_settings().analyst, reason)
    _print_json({"decision": decision_id}) if as_json else console.print(f"decision {decision_id}")


@entities_app.command("split")
def entities_split(
    left: Annotated[str, typer.Argument(help="Entity id.")],
    right: Annotated[str, typer.Argument(help="Entity id.")],
    reason: Annotated[str, typer.Option(help="Why they differ.")] = "analyst judgement",
    as_json: JsonOpt = False,
) -> None:
    """Record an analyst decision that two entities are different (blocks auto-linking)."""
    with _engine().begin() as conn:
        decision_id = linking.decide(conn, left, right, False, get_settings().analyst, reason)
    _print_json({"decision": decision_id}) if as_json else console.print(f"decision {decision_id}")


@entities_app.command("undo")
def entities_undo(
    decision_id: Annotated[int, typer.Argument(help="Id of the merge decision to undo.")],
    reason: Annotated[str, typer.Option(help="Why the merge was wrong.")] = "analyst undo",
    as_json: JsonOpt = False,
) -> None:
    """Undo a merge (automatic or analyst) by recording a negative decision."""
    with _engine().begin() as conn:
        new_id = linking.undo(conn, decision_id, get_settings().analyst, reason)
    _print_json({"decision": new_id}) if as_json else console.print(f"decision {new_id}")


@entities_app.command("decisions")
def entities_decisions(as_json: JsonOpt = False) -> None:
    """Every link decision, automatic and analyst, in order."""
    with _engine().connect() as conn:
        found = linking.all_decisions(conn)
    if as_json:
        _print_json({"decisions": [asdict(d) for d in found]})
        return
    table = Table("id", "left", "right", "judgement", "method", "author", "undoes", "reason")
    for d in found:
        table.add_row(
            str(d.id),
            d.left_id,
            d.right_id,
            d.judgement,
            d.method,
            d.author,
            str(d.undoes or ""),
            d.reason,
        )
    console.print(table)


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes.")] = 1,
) -> None:
    """Serve the REST API (OpenAPI docs at /docs)."""
    from sanctionwatch.api import serve as server

    _engine().dispose()  # migrated before any worker starts
    console.print(f"serving on http://{host}:{port}/ (API docs: /docs)")
    server.run(host, port, workers)


def _screening() -> None:
    from sanctionwatch import cli_screening as s

    app.command("screen")(s.screen_cmd)
    app.command("screen-batch")(s.screen_batch)
    app.command("screen-dispose")(s.screen_dispose)


def _maritime() -> None:
    from sanctionwatch import cli_maritime as m

    app.add_typer(m.ais_app, name="ais")
    app.add_typer(m.events_app, name="events")
    app.command("simulate")(m.simulate_cmd)
    app.command("detect")(m.detect_cmd)


def _ledger() -> None:
    from sanctionwatch.cli_ledger import ledger_app

    app.add_typer(ledger_app, name="ledger")


def _cases() -> None:
    from sanctionwatch.cli_parties import demo_cmd, members_app, users_app

    app.add_typer(members_app, name="members")
    app.add_typer(users_app, name="users")
    app.command("demo")(demo_cmd)
    from sanctionwatch.cli_cases import cases_app, evidence_app, sources_app
    from sanctionwatch.cli_findings import findings_app, retract_cmd, vote_cmd

    app.add_typer(sources_app, name="sources")
    app.add_typer(evidence_app, name="evidence")
    app.add_typer(cases_app, name="cases")

    app.add_typer(findings_app, name="findings")
    app.command("vote")(vote_cmd)
    app.command("retract")(retract_cmd)


_screening()
_maritime()
_ledger()
_cases()


def main() -> None:
    """Entry point: domain errors become one line on stderr and exit code 1."""
    try:
        app()
    except SanctionwatchError as exc:
        sys.stderr.write(f"error: {exc}\n")
        raise SystemExit(1) from None
