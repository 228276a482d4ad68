"""`sanctionwatch findings ...`, `vote` and `retract`: findings from draft to adoption.

The acting user (`--as`, default the configured analyst) signs each change. A finding's text is
read from a file (`-` for stdin); see `cases.citations` for how sentences cite evidence.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy import Engine

from sanctionwatch.cases import findings, proposals, replies, retractions, standard, votes
from sanctionwatch.cases.model import Audience, Choice, Scope, Tlp
from sanctionwatch.errors import InputError

findings_app = typer.Typer(
    help="Findings: draft, propose changes, check the standard, tally, adopt.",
    no_args_is_help=True,
)
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
AsOpt = Annotated[str | None, typer.Option("--as", help="Acting user (default: settings.analyst).")]
TextArg = Annotated[Path, typer.Argument(help="File holding the text ('-': standard input).")]
FindingArg = Annotated[str, typer.Argument(help="The finding's id.")]


def _engine() -> Engine:
    from sanctionwatch.cli import db_engine

    return db_engine()


def _acting(conn: Any, name: str | None) -> Any:
    from sanctionwatch.cli_parties import acting

    return acting(conn, name)


def _out(data: Any, as_json: bool, text: str) -> None:
    from sanctionwatch.cli import print_json

    print_json(data) if as_json else sys.stdout.write(text.rstrip("\n") + "\n")


def _read(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read {path}: {e}") from None


@findings_app.command("draft")
def draft_cmd(
    case_id: Annotated[str, typer.Argument(help="The case the finding belongs to.")],
    title: Annotated[str, typer.Argument(help="The finding's title.")],
    text: TextArg,
    named: Annotated[
        list[str] | None, typer.Option("--named", help="A state or entity it names (repeat).")
    ] = None,
    scope: Annotated[Scope, typer.Option(help="Who may read it.")] = Scope.ALL,
    member: Annotated[
        list[str] | None, typer.Option("--member", help="A named member (scope members).")
    ] = None,
    tlp: Annotated[Tlp, typer.Option(help="TLP 2.0 label.")] = Tlp.AMBER,
    as_: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Draft a finding of a case (an analyst); the text becomes revision 1."""
    body = _read(text)
    with _engine().begin() as conn:
        actor = _acting(conn, as_)
        audience = Audience(scope, actor.member, frozenset(member or ()), tlp)
        made = findings.draft(conn, actor, case_id, title, body, named or (), audience)
    _out(made.to_json(), as_json, f"finding {made.id} revision 1 {made.revision.sha256}")


@findings_app.command("propose")
def propose_cmd(
    finding_id: FindingArg,
    base: Annotated[str, typer.Argument(help="The revision (id or number) the text changes.")],
    text: TextArg,
    note: Annotated[str, typer.Option(help="Why the change.")] = "",
    as_: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Propose a new text against the latest revision (refused if BASE is not the latest)."""
    body = _read(text)
    with _engine().begin() as conn:
        made = proposals.propose(conn, _acting(conn, as_), finding_id, base, body, note)
    _out(made.to_json(), as_json, f"revision {made.number} {made.sha256}\n{made.diff}")


@findings_app.command("show")
def show_cmd(finding_id: FindingArg, as_: AsOpt = None, as_json: JsonOpt = False) -> None:
    """A finding: its latest text, state, retraction, adoption and dissents."""
    with _engine().connect() as conn:
        found = findings.get(conn, _acting(conn, as_), finding_id)
    lines = [
        f"{found.title} [{found.state}] case {found.case_id}",
        f"revision {found.revision.number} sha256 {found.revision.sha256}",
        "",
        found.revision.text,
    ]
    if found.retraction:
        lines.insert(1, f"{found.retraction.kind.upper()}: {found.retraction.reason}")
    lines += [f"\nDissent of {d.member}:\n{d.statement}" for d in found.dissents]
    _out(found.to_json(), as_json, "\n".join(lines))


@findings_app.command("standard")
def standard_cmd(
    finding_id: FindingArg,
    revision: Annotated[str | None, typer.Option(help="Revision id or number.")] = None,
    as_: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Check the evidence standard and say what is missing."""
    with _engine().connect() as conn:
        report = standard.check(conn, _acting(conn, as_), finding_id, revision)
    verdict = "meets the evidence standard" if report.ok else "does not meet the standard:"
    text = "\n".join([f"revision {report.revision_id} {verdict}", *report.reasons])
    _out(report.to_json(), as_json, text)
    if not report.ok:
        raise typer.Exit(1)


@findings_app.command("reply")
def reply_cmd(
    finding_id: FindingArg,
    party: Annotated[str, typer.Argument(help="The named state or entity.")],
    event: Annotated[str, typer.Argument(help="sent, received or expired.")],
    deadline: Annotated[str | None, typer.Option(help="For sent: ISO 8601 with zone.")] = None,
    text: Annotated[str, typer.Option(help="The request or the reply, verbatim.")] = "",
    as_: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the right of reply: a request sent, a reply received, or a deadline passed."""
    with _engine().begin() as conn:
        actor = _acting(conn, as_)
        if event == "sent":
            when = _when(deadline)
            state = replies.send_reply_request(conn, actor, finding_id, party, when, text)
        elif event == "received":
            state = replies.record_reply(conn, actor, finding_id, party, text)
        elif event == "expired":
            state = replies.record_expiry(conn, actor, finding_id, party)
        else:
            raise InputError("the event is sent, received or expired")
    _out(state.to_json(), as_json, f"{party}: {event}")


@findings_app.command("tally")
def tally_cmd(finding_id: FindingArg, as_: AsOpt = None, as_json: JsonOpt = False) -> None:
    """The votes on the finding's text and whether the adoption rule is met."""
    with _engine().connect() as conn:
        t = votes.tally(conn, _acting(conn, as_), finding_id)
    lines = [f"{v.member}: {v.choice.value}" for v in t.votes]
    lines.append(
        f"{t.endorsing} of {t.participating} participating endorse;"
        f" {'adopted' if t.adopted else 'not adopted'}"
    )
    lines += [f"\nDissent of {d.member}:\n{d.statement}" for d in t.dissents]
    _out(t.to_json(), as_json, "\n".join(lines))


@findings_app.command("adopt")
def adopt_cmd(finding_id: FindingArg, as_: AsOpt = None, as_json: JsonOpt = False) -> None:
    """Record the adoption the vote carried (a coordinator of the lead member)."""
    with _engine().begin() as conn:
        made = votes.adopt(conn, _acting(conn, as_), finding_id)
    _out(made.to_json(), as_json, f"adopted {finding_id} at {made.revision_sha256}")


def vote_cmd(
    finding_id: FindingArg,
    choice: Annotated[Choice, typer.Argument(help="Your member's vote.")],
    statement: Annotated[str, typer.Option(help="A statement, kept verbatim.")] = "",
    sha256: Annotated[
        str | None, typer.Option(help="The text voted on (default: the latest revision's).")
    ] = None,
    as_: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Vote for your member on a finding's latest text (a delegate)."""
    with _engine().begin() as conn:
        actor = _acting(conn, as_)
        sha = sha256 or findings.get(conn, actor, finding_id).revision.sha256
        cast = votes.vote(conn, actor, finding_id, sha, choice, statement)
    _out(cast.to_json(), as_json, f"{cast.member} {cast.choice.value} on {sha}")


def retract_cmd(
    target_id: Annotated[str, typer.Argument(help="A finding, revision or evidence id.")],
    reason: Annotated[str, typer.Argument(help="Why.")],
    replacement: Annotated[
        str | None, typer.Option(help="Correct instead: the replacing object's id.")
    ] = None,
    as_: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Retract (or with --replacement, correct) a finding, revision or evidence item."""
    with _engine().begin() as conn:
        actor = _acting(conn, as_)
        if replacement is None:
            mark = retractions.retract(conn, actor, target_id, reason)
        else:
            mark = retractions.correct(conn, actor, target_id, reason, replacement)
    _out(mark.to_json(), as_json, f"{target_id}: {mark.kind} recorded")


def _when(text: str | None) -> datetime:
    if text is None:
        raise InputError("a request for reply needs --deadline")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"not an ISO 8601 time: {text!r}") from None
    return moment
