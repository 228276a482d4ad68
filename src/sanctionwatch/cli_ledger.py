"""`sanctionwatch ledger ...`: keys, checkpoints, proofs, verification and export of the log."""

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

from sanctionwatch.errors import InputError
from sanctionwatch.ledger import bundle, keystore, outside, publish, reads, verify
from sanctionwatch.ledger.custody import Custody, new_key_file
from sanctionwatch.ledger.keystore import MEMBER, USER
from sanctionwatch.ledger.model import Report
from sanctionwatch.ledger.note import Verifier

ledger_app = typer.Typer(
    help="The tamper-evident log: checkpoints, proofs, verification, export.",
    no_args_is_help=True,
)
keys_app = typer.Typer(
    help="Ledger keys: operator, member states, their users.", no_args_is_help=True
)
proof_app = typer.Typer(help="Merkle proofs of inclusion and consistency.", no_args_is_help=True)
witness_app = typer.Typer(
    help="An outside witness: its key and state on the member's machine, no database.",
    no_args_is_help=True,
)
ledger_app.add_typer(keys_app, name="keys")
ledger_app.add_typer(proof_app, name="proof")
ledger_app.add_typer(witness_app, name="witness")
console = Console()
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _engine() -> tuple[Engine, Custody]:
    """The database, once the key policy accepts it (production refuses development keys)."""
    from sanctionwatch.cli import db_engine

    engine, custody = db_engine(), Custody.from_settings()
    with engine.connect() as conn:
        custody.check(conn)
    return engine, custody


def _out(data: Any, as_json: bool, text: str) -> None:
    from sanctionwatch.cli import print_json

    print_json(data) if as_json else sys.stdout.write(text.rstrip("\n") + "\n")


@keys_app.command("init")
def keys_init(
    origin: Annotated[str, typer.Option(help="The log's origin, e.g. panel.example/ledger.")],
    as_json: JsonOpt = False,
) -> None:
    """Make the log operator's key (in the configured key file, else sealed in the database)."""
    engine, custody = _engine()
    with engine.begin() as conn:
        vkey = custody.init_operator(conn, origin).verifier.vkey
    _out({"operator": vkey}, as_json, f"operator {vkey}")


@keys_app.command("member")
def keys_member(
    name: Annotated[str, typer.Argument(help="Member state, e.g. FR (no spaces).")],
    as_json: JsonOpt = False,
) -> None:
    """Make a member state's key (it also cosigns checkpoints as a witness)."""
    engine, custody = _engine()
    with engine.begin() as conn:
        vkey = custody.create(conn, MEMBER, name).verifier.vkey
    _out({"member": vkey}, as_json, f"member {vkey}")


@keys_app.command("witness")
def keys_witness(
    vkey: Annotated[str, typer.Argument(help="The outside witness's public key (name+id+key).")],
    as_json: JsonOpt = False,
) -> None:
    """Register an outside witness's public key (from `ledger witness keygen`): its
    cosignatures, attached with `ledger cosign`, are then checked by `ledger verify`."""
    verifier = Verifier.parse(vkey.strip())
    engine, _ = _engine()
    with engine.begin() as conn:
        if keystore.find(conn, MEMBER, verifier.name) is not None:
            raise InputError(f"there is already a key named {verifier.name}")
        keystore.add(conn, keystore.KeyRow(MEMBER, verifier.name, verifier))
    _out({"witness": verifier.vkey}, as_json, f"witness {verifier.vkey}")


@witness_app.command("keygen")
def witness_keygen(
    name: Annotated[str, typer.Argument(help="The witness's name, e.g. kr.witness.")],
    key: Annotated[Path, typer.Option(help="New key file (written with mode 0600).")],
    as_json: JsonOpt = False,
) -> None:
    """Make an outside witness key in a file; prints the public key for the operator."""
    vkey = new_key_file(key, name).verifier.vkey
    _out({"witness": vkey}, as_json, vkey)


@witness_app.command("cosign")
def witness_cosign(
    bundle_dir: Annotated[Path, typer.Option("--bundle", help="A bundle from `ledger export`.")],
    key: Annotated[Path, typer.Option(help="The witness's key file (mode 0600).")],
    state: Annotated[Path, typer.Option(help="The witness's state file (made on first use).")],
    as_json: JsonOpt = False,
) -> None:
    """Check a bundle and cosign its latest checkpoint if it extends the last one this witness
    cosigned; prints the cosignature line for `ledger cosign`. Refuses forks and rollbacks."""
    line = outside.cosign_bundle(bundle_dir, key, state).line().rstrip("\n")
    _out({"cosignature": line}, as_json, line)


@ledger_app.command("cosign")
def cosign_cmd(
    line: Annotated[str, typer.Argument(help="A cosignature line from `ledger witness cosign`.")],
    as_json: JsonOpt = False,
) -> None:
    """Attach an outside witness's cosignature to the latest checkpoint."""
    engine, _ = _engine()
    with engine.begin() as conn:
        note = outside.attach(conn, line)
    _out({"checkpoint": str(note)}, as_json, str(note))


@keys_app.command("user")
def keys_user(
    name: Annotated[str, typer.Argument(help="User name as entries record it (no spaces).")],
    member: Annotated[str, typer.Option(help="The member state that certifies the user.")],
    as_json: JsonOpt = False,
) -> None:
    """Make a user's signing key, certified by their member state's key."""
    engine, custody = _engine()
    with engine.begin() as conn:
        vkey = custody.create(conn, USER, name, member).verifier.vkey
    _out({"user": vkey, "member": member}, as_json, f"user {vkey} of {member}")


@keys_app.command("list")
def keys_list(as_json: JsonOpt = False) -> None:
    """Every public key (verifier key format), with user certificates."""
    engine, _ = _engine()
    with engine.connect() as conn:
        found = keystore.rows(conn)
    if as_json:
        _out({"keys": [_key_json(r) for r in found]}, True, "")
        return
    table = Table("role", "name", "member", "verifier key", "development")
    for r in found:
        table.add_row(
            r.role, r.name, r.member or "", r.verifier.vkey, "yes" if r.development else ""
        )
    console.print(table)


def _key_json(row: keystore.KeyRow) -> dict[str, Any]:
    return {
        "role": row.role,
        "name": row.name,
        "member": row.member,
        "vkey": row.verifier.vkey,
        "certificate": row.certificate,
        "development": row.development,
    }


@ledger_app.command("checkpoint")
def checkpoint_cmd(as_json: JsonOpt = False) -> None:
    """Sign the current tree head and have every member witness cosign it."""
    engine, custody = _engine()
    with engine.begin() as conn:
        done = publish.publish(conn, custody)
    refusals = [str(r) for r in done.refusals]
    data = {"size": done.checkpoint.size, "note": str(done.note), "refusals": refusals}
    _out(data, as_json, str(done.note) + "".join(f"refused: {r}\n" for r in refusals))
    if refusals:
        raise typer.Exit(1)


@ledger_app.command("entry")
def entry_cmd(
    index: Annotated[int, typer.Argument(help="Entry number, from 0.")],
    as_json: JsonOpt = False,
) -> None:
    """One entry: its statement, signature, leaf hash and payload."""
    engine, _ = _engine()
    with engine.connect() as conn:
        data = reads.entry(conn, index)
    _out(data, as_json, json.dumps(data, indent=2, ensure_ascii=False))


@proof_app.command("inclusion")
def proof_inclusion(
    index: Annotated[int, typer.Argument(help="Entry number, from 0.")],
    size: Annotated[
        int | None, typer.Option(help="Tree size (default: latest checkpoint).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """The audit path proving entry N is in the tree of a given size (checked before printing)."""
    engine, _ = _engine()
    with engine.connect() as conn:
        data = reads.inclusion(conn, index, size)
    _out(data, as_json, _proof_text(data))


@proof_app.command("consistency")
def proof_consistency(
    first: Annotated[int, typer.Argument(help="The older tree size.")],
    second: Annotated[int | None, typer.Argument(help="The newer size (default: latest).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """The proof that the tree of size A is a prefix of the tree of size B (checked)."""
    engine, _ = _engine()
    with engine.connect() as conn:
        data = reads.consistency(conn, first, second)
    _out(data, as_json, _proof_text(data))


def _proof_text(data: dict[str, Any]) -> str:
    head = {k: v for k, v in data.items() if k != "proof"}
    return "\n".join([*(f"{k}: {v}" for k, v in head.items()), "proof:", *data["proof"]])


@ledger_app.command("verify")
def verify_cmd(
    bundle_dir: Annotated[
        Path | None, typer.Option("--bundle", help="Verify an exported bundle, offline.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check the database (or a bundle) against the log; name the first bad entry."""
    if bundle_dir is not None:
        report = bundle.verify_bundle(bundle_dir)
    else:
        engine, _ = _engine()
        with engine.connect() as conn:
            report = verify.verify(conn)
    _out(_report_json(report), as_json, _report_text(report))
    if not report.ok:
        raise typer.Exit(1)


def _report_json(report: Report) -> dict[str, Any]:
    problems = [asdict(p) for p in report.problems]
    return {
        "ok": report.ok,
        "entries": report.entries,
        "checkpoints": report.checkpoints,
        "first_bad_entry": report.first_bad_entry,
        "problems": problems,
    }


def _report_text(report: Report) -> str:
    head = f"{report.entries} entries, {report.checkpoints} checkpoints: "
    if report.ok:
        return head + "ok"
    first = report.first_bad_entry
    lines = [head + f"{len(report.problems)} problems, first bad entry: {first}"]
    return "\n".join(lines + [f"  {p}" for p in report.problems])


@ledger_app.command("export")
def export_cmd(
    directory: Annotated[Path, typer.Argument(help="Folder for the bundle.")],
    payloads: Annotated[bool, typer.Option(help="Include payloads (else hashes only).")] = True,
    as_json: JsonOpt = False,
) -> None:
    """Write a self-contained bundle (entries, checkpoints, public keys) for offline checks."""
    engine, _ = _engine()
    with engine.connect() as conn:
        done = bundle.export(conn, directory, payloads)
    text = f"{done.entries} entries, {done.checkpoints} checkpoints -> {done.directory}"
    _out(asdict(done), as_json, text)
