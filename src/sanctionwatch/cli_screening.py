"""`sanctionwatch screen`, `screen-batch` and `screen-dispose`: names against the lists."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from sanctionwatch.settings import get_settings

console = Console()
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _engine() -> Engine:
    from sanctionwatch.cli import db_engine

    return db_engine()


def _print_json(data: Any) -> None:
    from sanctionwatch.cli import print_json

    print_json(data)


def screen_cmd(
    name: Annotated[str, typer.Argument(help="Name to screen (any script).")] = "",
    schema: Annotated[str, typer.Option(help="Person, Company, Vessel, ...")] = "Thing",
    birth_date: Annotated[str | None, typer.Option(help="Birth date YYYY[-MM-DD].")] = None,
    country: Annotated[str | None, typer.Option(help="Nationality or country.")] = None,
    imo: Annotated[str | None, typer.Option(help="IMO number of a vessel or company.")] = None,
    wallet: Annotated[str | None, typer.Option(help="Crypto address (any chain).")] = None,
    threshold: Annotated[float, typer.Option(help="Match threshold 0..1.")] = 0.7,
    limit: Annotated[int, typer.Option(help="Maximum results.")] = 10,
    as_json: JsonOpt = False,
) -> None:
    """Screen one name (or IMO number, or crypto address) against every loaded list."""
    from sanctionwatch.screening.queries import simple_query
    from sanctionwatch.screening.service import Screener, match_dict

    query = simple_query(name or None, schema, birth_date, country, imo, wallet)
    matches = Screener(_engine()).match(query, threshold=threshold, limit=limit)
    found = [match_dict(m) for m in matches]
    if as_json:
        _print_json({"query": asdict(query), "threshold": threshold, "matches": found})
        return
    table = Table("score", "match", "id", "caption", "schema", "datasets", "why")
    for m in found:
        why = "; ".join(f"{k}: {v['detail']}" for k, v in m["explanation"].items())
        table.add_row(
            f"{m['score']:.3f}",
            "yes" if m["match"] else "",
            m["id"],
            m["caption"],
            m["schema"],
            ", ".join(m["datasets"]),
            why,
        )
    console.print(table)


def screen_batch(
    source: Annotated[Path, typer.Argument(help="CSV or Parquet: name, schema, birth_date, ...")],
    target: Annotated[Path, typer.Argument(help="Output CSV or Parquet (by extension).")],
    threshold: Annotated[float, typer.Option(help="Match threshold 0..1.")] = 0.7,
    engine: Annotated[str, typer.Option(help="local, or spark (local mode, 2 cores).")] = "local",
    as_json: JsonOpt = False,
) -> None:
    """Screen every row of a file; one output row per query and match above threshold."""
    from rich.progress import Progress

    from sanctionwatch.screening.batch import read_queries, run_batch
    from sanctionwatch.screening.service import Screener

    screener = Screener(_engine())
    total = len(read_queries(source))
    with Progress(console=Console(stderr=True), disable=as_json) as bar:
        task = bar.add_task("screening", total=total)
        result = run_batch(
            screener, source, target, threshold, lambda n: bar.advance(task, n), engine
        )
    if as_json:
        _print_json(asdict(result))
    else:
        console.print(
            f"{result.queries} queries, {result.matches} matches, "
            f"{result.suppressed} known false positives suppressed -> {target}"
        )


def screen_dispose(
    name: Annotated[str, typer.Argument(help="The screened name, as queried.")],
    entity_id: Annotated[str, typer.Argument(help="The matched entity id.")],
    judgement: Annotated[str, typer.Option(help="true-match or false-positive.")],
    schema: Annotated[str, typer.Option(help="Schema of the query.")] = "Thing",
    birth_date: Annotated[str | None, typer.Option(help="Birth date of the query.")] = None,
    country: Annotated[str | None, typer.Option(help="Country of the query.")] = None,
    imo: Annotated[str | None, typer.Option(help="IMO number of the query.")] = None,
    reason: Annotated[str, typer.Option(help="Why.")] = "",
    as_json: JsonOpt = False,
) -> None:
    """Record that a match is a true match or a false positive (suppressed next time)."""
    from sanctionwatch.screening.queries import simple_query
    from sanctionwatch.screening.service import Screener

    query = simple_query(name, schema, birth_date, country, imo)
    new_id = Screener(_engine()).dispose(
        query, entity_id, judgement, get_settings().analyst, reason
    )
    _print_json({"disposition": new_id}) if as_json else console.print(f"disposition {new_id}")
