"""`sanctionwatch sources ...`, `evidence ...` and `cases ...`: the investigations' main actions.

Each command acts as one user of the panel (`--as`, default the configured analyst) and sees
only what that user may read. An audience is written SCOPE[:MEMBERS][:TLP], the originator
being the acting user's member: `originator:RED`, `members:KR,JP`, `all:GREEN`, `public`.
"""

from __future__ import annotations

import mimetypes
import sys
from dataclasses import asdict, is_dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Connection, Engine

from sanctionwatch.cases import casework, evidence, intake, links, parties, sources
from sanctionwatch.cases.links import LinkKind
from sanctionwatch.cases.model import (
    Audience,
    Credibility,
    EvidenceKind,
    Reliability,
    Scope,
    Status,
    Tlp,
    Topic,
    User,
)
from sanctionwatch.errors import InputError
from sanctionwatch.maritime.atomic import write_file
from sanctionwatch.settings import get_settings

sources_app = typer.Typer(help="Sources of evidence and their reliability.", no_args_is_help=True)
evidence_app = typer.Typer(help="Evidence items: submit content.", no_args_is_help=True)
cases_app = typer.Typer(
    help="Cases: open, list, show, move, link, open from events.", no_args_is_help=True
)
console = Console()
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
AsOpt = Annotated[
    str | None, typer.Option("--as", help="Act as this user (default: the configured analyst).")
]
AudienceOpt = Annotated[
    str, typer.Option(help="SCOPE[:MEMBERS][:TLP], e.g. all, members:KR,JP:AMBER, originator:RED")
]


def parse_audience(text: str, member: str) -> Audience:
    """An audience of `member` from SCOPE[:MEMBERS][:TLP]."""
    scope_text, _, rest = text.strip().partition(":")
    try:
        scope = Scope(scope_text.lower())
        members, _, label = rest.partition(":") if scope is Scope.MEMBERS else ("", "", rest)
        default = Tlp.CLEAR if scope is Scope.PUBLIC else Tlp.AMBER
        tlp = Tlp(label.upper()) if label else default
    except ValueError:
        raise InputError(f"not an audience: {text!r} (e.g. all, members:KR,JP:AMBER)") from None
    named = frozenset(m.strip().upper() for m in members.split(",") if m.strip())
    return Audience(scope, member, named, tlp)


def _engine() -> Engine:
    from sanctionwatch.cli import db_engine

    return db_engine()


def _user(conn: Connection, name: str | None) -> User:
    return parties.user(conn, name or get_settings().analyst)


def _json(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _json(asdict(value))
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_json(v) for v in value]
        return sorted(items) if isinstance(value, set | frozenset) else items
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value.value if isinstance(value, Enum) else value


def _show(data: Any, as_json: bool, columns: list[str]) -> None:
    """Print dataclasses as JSON or as a table of `columns`."""
    from sanctionwatch.cli import print_json

    rows = data if isinstance(data, list) else [data]
    if as_json:
        print_json(_json(data))
        return
    table = Table(*columns)
    for row in rows:
        values = _json(row)
        table.add_row(*(_cell(values.get(c)) for c in columns))
    console.print(table)


def _cell(value: Any) -> str:
    if isinstance(value, dict) and "scope" in value:
        members = ",".join(value["members"])
        return f"{value['scope']}{':' + members if members else ''} TLP:{value['tlp']}"
    return "" if value is None else str(value)


@sources_app.command("add")
def sources_add(
    name: Annotated[str, typer.Argument(help="The source's name.")],
    audience: AudienceOpt = "all",
    description: Annotated[str, typer.Option(help="What the source is.")] = "",
    reliability: Annotated[Reliability | None, typer.Option(help="Admiralty A-F.")] = None,
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a source of evidence (optionally graded A-F)."""
    with _engine().begin() as conn:
        actor = _user(conn, as_user)
        aud = parse_audience(audience, actor.member)
        made = sources.add(conn, actor, name, description, reliability, aud)
    _show(made, as_json, ["id", "name", "reliability", "audience"])


@sources_app.command("list")
def sources_list(as_user: AsOpt = None, as_json: JsonOpt = False) -> None:
    """The sources the user may read."""
    with _engine().connect() as conn:
        found = sources.list_sources(conn, _user(conn, as_user))
    _show(found, as_json, ["id", "name", "reliability", "graded_by", "audience"])


@sources_app.command("grade")
def sources_grade(
    source_id: Annotated[str, typer.Argument(help="The source id.")],
    reliability: Annotated[Reliability, typer.Argument(help="Admiralty reliability, A-F.")],
    note: Annotated[str, typer.Option(help="Why this grade.")] = "",
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Grade a source's reliability (a new grade row: who, when, why)."""
    with _engine().begin() as conn:
        found = sources.grade_source(conn, _user(conn, as_user), source_id, reliability, note)
    _show(found, as_json, ["id", "name", "reliability", "graded_by", "audience"])


EVIDENCE_COLUMNS = ["id", "kind", "title", "credibility", "reliability", "sha256", "audience"]


@evidence_app.command("list")
def evidence_list(
    case: Annotated[str | None, typer.Option(help="Only the items linked to this case.")] = None,
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The evidence items the user may read (of one case, with --case)."""
    with _engine().connect() as conn:
        found = evidence.list_evidence(conn, _user(conn, as_user), case)
    _show(found, as_json, EVIDENCE_COLUMNS)


@evidence_app.command("show")
def evidence_show(
    evidence_id: Annotated[str, typer.Argument(help="The evidence id.")],
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One evidence item: its custody, grades and audience."""
    with _engine().connect() as conn:
        found = evidence.get(conn, _user(conn, as_user), evidence_id)
    columns = [*EVIDENCE_COLUMNS, "created_by", "obtained_at", "derived_from", "graded_by"]
    _show(found, as_json, columns)


@evidence_app.command("grade")
def evidence_grade(
    evidence_id: Annotated[str, typer.Argument(help="The evidence id.")],
    credibility: Annotated[Credibility, typer.Argument(help="Admiralty credibility, 1-6.")],
    note: Annotated[str, typer.Option(help="Why this grade.")] = "",
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Grade an item's credibility (a new grade row: who, when, why)."""
    with _engine().begin() as conn:
        found = evidence.grade(conn, _user(conn, as_user), evidence_id, credibility, note)
    _show(found, as_json, EVIDENCE_COLUMNS)


@evidence_app.command("add")
def evidence_add(
    path: Annotated[Path, typer.Argument(help="The file to submit.", exists=True, dir_okay=False)],
    source: Annotated[str, typer.Option(help="The source id.")],
    kind: Annotated[EvidenceKind, typer.Option(help="What the item is.")],
    audience: AudienceOpt = "all",
    title: Annotated[str | None, typer.Option(help="Default: the file name.")] = None,
    media_type: Annotated[str | None, typer.Option(help="Default: from the suffix.")] = None,
    derived_from: Annotated[list[str] | None, typer.Option(help="An evidence id.")] = None,
    ref: Annotated[str | None, typer.Option(help="Event or entity id it stands for.")] = None,
    credibility: Annotated[Credibility | None, typer.Option(help="1-6.")] = None,
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Submit a file as evidence (size-limited, type-checked, stored by SHA-256)."""
    declared = media_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    with _engine().begin() as conn:
        actor = _user(conn, as_user)
        item = evidence.add(
            conn,
            actor,
            kind=kind,
            title=title or path.name,
            source_id=source,
            content=path.read_bytes(),
            media_type=declared,
            audience=parse_audience(audience, actor.member),
            derived_from=tuple(derived_from or ()),
            ref=ref,
            credibility=credibility,
        )
    _show(item, as_json, ["id", "title", "sha256", "media_type", "size", "audience"])


CASE_COLUMNS = ["id", "title", "topic", "lead", "status", "audience"]


@cases_app.command("open")
def cases_open(
    title: Annotated[str, typer.Argument(help="The case's title.")],
    topic: Annotated[Topic, typer.Option(help="From the taxonomy.")],
    summary: Annotated[str, typer.Option(help="What the case is about.")] = "",
    audience: AudienceOpt = "all",
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Open a case led by the user's member."""
    with _engine().begin() as conn:
        actor = _user(conn, as_user)
        aud = parse_audience(audience, actor.member)
        case = casework.open_case(conn, actor, title, topic, summary, aud)
    _show(case, as_json, CASE_COLUMNS)


@cases_app.command("list")
def cases_list(
    status: Annotated[Status | None, typer.Option(help="Only cases with this status.")] = None,
    topic: Annotated[Topic | None, typer.Option(help="Only cases of this topic.")] = None,
    q: Annotated[str | None, typer.Option("-q", help="Text in the title or summary.")] = None,
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The cases the user may read."""
    with _engine().connect() as conn:
        found = casework.list_cases(conn, _user(conn, as_user), status, topic, q)
    _show(found, as_json, CASE_COLUMNS)


@cases_app.command("show")
def cases_show(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """One case, its links and its history."""
    with _engine().connect() as conn:
        user = _user(conn, as_user)
        case = casework.get(conn, user, case_id)
        found = links.list_links(conn, user, case_id)
        changes = casework.history(conn, user, case_id)
    if as_json:
        _show({"case": case, "links": found, "history": changes}, True, [])
        return
    _show(case, False, CASE_COLUMNS)
    _show(changes, False, ["at", "by", "kind", "value", "note"])


@cases_app.command("export")
def cases_export(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    out: Annotated[Path | None, typer.Option(help="Write to this file (default: stdout).")] = None,
    as_user: AsOpt = None,
) -> None:
    """The case as one JSON document, as the acting user may see it."""
    from sanctionwatch.cases.export import dumps, export_case

    with _engine().connect() as conn:
        text = dumps(export_case(conn, _user(conn, as_user), case_id)) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        write_file(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))


@cases_app.command("status")
def cases_status(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    status: Annotated[Status, typer.Argument(help="The next status.")],
    note: Annotated[str, typer.Option(help="Why.")] = "",
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Move a case to its next status (or close it)."""
    with _engine().begin() as conn:
        case = casework.set_status(conn, _user(conn, as_user), case_id, status, note)
    _show(case, as_json, CASE_COLUMNS)


@cases_app.command("link")
def cases_link(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    kind: Annotated[LinkKind, typer.Argument(help="What is linked.")],
    ref: Annotated[str, typer.Argument(help="Entity id, IMO/MMSI, event id, evidence id.")],
    note: Annotated[str, typer.Option(help="Why it is linked.")] = "",
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Link an entity, vessel, maritime event, evidence item or hit to a case."""
    with _engine().begin() as conn:
        made = links.link(conn, _user(conn, as_user), case_id, kind, ref, note)
    _show(made, as_json, ["id", "case_id", "kind", "ref", "note"])


@cases_app.command("from-event")
def cases_from_event(
    event_id: Annotated[str, typer.Argument(help="A detected maritime event id.")],
    case: Annotated[str | None, typer.Option(help="Add to this case instead.")] = None,
    topic: Annotated[Topic, typer.Option(help="Of a new case.")] = Topic.PETROLEUM,
    audience: AudienceOpt = "all",
    as_user: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Turn a maritime event into a case (or add it to one), with vessels and AIS extract."""
    with _engine().begin() as conn:
        actor = _user(conn, as_user)
        aud = parse_audience(audience, actor.member)
        made = intake.from_event(conn, actor, event_id, case, topic=topic, audience=aud)
    _show(made, as_json, CASE_COLUMNS)
