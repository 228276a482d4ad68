"""`sanctionwatch members ...` and `sanctionwatch users ...`: the panel's parties and logins.

The acting user (`--as`, default the configured analyst) is who signs the change; the CLI is
run by someone with the database in hand, so it does not ask for their password.
"""

from __future__ import annotations

import sys
from datetime import timedelta
from typing import Annotated, Any

import typer
from sqlalchemy import Engine

from sanctionwatch.cases import auth, parties
from sanctionwatch.cases.model import Role, User
from sanctionwatch.settings import get_settings

members_app = typer.Typer(help="Member states and the secretariat.", no_args_is_help=True)
users_app = typer.Typer(help="Users, their roles, passwords and API tokens.", no_args_is_help=True)
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
AsOpt = Annotated[str | None, typer.Option("--as", help="Acting user (default: settings.analyst).")]


def _engine() -> Engine:
    from sanctionwatch.cli import db_engine

    return db_engine()


def _out(data: Any, as_json: bool, text: str) -> None:
    from sanctionwatch.cli import print_json

    print_json(data) if as_json else sys.stdout.write(text.rstrip("\n") + "\n")


def acting(conn: Any, name: str | None) -> User:
    """The user a command acts as."""
    return parties.user(conn, name or get_settings().analyst)


def _user_json(u: User) -> dict[str, Any]:
    return {"name": u.name, "member": u.member, "roles": sorted(u.roles)}


@members_app.command("init")
def members_init(
    admin: Annotated[str, typer.Option(help="User name of the secretariat's first admin.")],
    code: Annotated[str, typer.Option(help="The secretariat's code.")] = "SEC",
    name: Annotated[str, typer.Option(help="The secretariat's name.")] = "Panel secretariat",
    as_json: JsonOpt = False,
) -> None:
    """Start the panel on an empty store: the secretariat and its first admin."""
    with _engine().begin() as conn:
        user = parties.bootstrap(conn, code, name, admin)
    _out(_user_json(user), as_json, f"secretariat {code}, admin {user.name}")


@members_app.command("add")
def members_add(
    code: Annotated[str, typer.Argument(help="Member code, e.g. US, KR, JP.")],
    name: Annotated[str, typer.Argument(help="The member's name.")],
    as_: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a member state (an admin of the secretariat)."""
    with _engine().begin() as conn:
        m = parties.add_member(conn, acting(conn, as_), code, name)
    _out({"code": m.code, "name": m.name, "kind": m.kind}, as_json, f"member {m.code} {m.name}")


@members_app.command("list")
def members_list(as_json: JsonOpt = False) -> None:
    """Every party: member states and the secretariat."""
    with _engine().connect() as conn:
        found = parties.members(conn)
    data = [{"code": m.code, "name": m.name, "kind": m.kind} for m in found]
    _out(data, as_json, "\n".join(f"{m.code}\t{m.kind}\t{m.name}" for m in found))


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="User name (a-z, 0-9, . _ -).")],
    member: Annotated[str, typer.Option(help="The user's member.")],
    role: Annotated[list[Role], typer.Option(help="A role (repeatable).")],
    as_: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a user of a member with roles (an admin of that member)."""
    with _engine().begin() as conn:
        user = parties.add_user(conn, acting(conn, as_), name, member, set(role))
    _out(_user_json(user), as_json, f"user {user.name} of {user.member}: {', '.join(role)}")


@users_app.command("list")
def users_list(
    member: Annotated[str | None, typer.Option(help="Only this member's users.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Users and their current roles."""
    with _engine().connect() as conn:
        found = parties.users(conn, member)
    lines = [f"{u.name}\t{u.member}\t{','.join(sorted(u.roles))}" for u in found]
    _out([_user_json(u) for u in found], as_json, "\n".join(lines))


@users_app.command("role")
def users_role(
    name: Annotated[str, typer.Argument(help="The user.")],
    role: Annotated[Role, typer.Argument(help="The role.")],
    revoke: Annotated[bool, typer.Option("--revoke", help="Take the role away.")] = False,
    as_: AsOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Grant (or with --revoke take away) a role."""
    with _engine().begin() as conn:
        user = parties.set_role(conn, acting(conn, as_), name, role, not revoke)
    _out(_user_json(user), as_json, f"{user.name}: {', '.join(sorted(user.roles))}")


@users_app.command("password")
def users_password(
    name: Annotated[str, typer.Argument(help="The user.")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, help="New password.")],
    as_: AsOpt = None,
) -> None:
    """Set a user's password (themselves, or an admin who manages them)."""
    with _engine().begin() as conn:
        auth.set_password(conn, acting(conn, as_ or name), name, password)
    _out({}, False, f"password of {name} set")


@users_app.command("token")
def users_token(
    name: Annotated[str, typer.Argument(help="The user the token logs in as.")],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "api",
    days: Annotated[
        int | None, typer.Option(help="Lifetime in days (none: until revoked).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Issue an API token (printed once; only its hash is kept)."""
    lifetime = None if days is None else timedelta(days=days)
    with _engine().begin() as conn:
        token = auth.issue(conn, name, label, lifetime)
    _out({"user": name, "token": token}, as_json, token)


def demo_cmd(
    extra_cases: Annotated[int, typer.Option(help="More cases, for benchmarks.")] = 0,
    as_json: JsonOpt = False,
) -> None:
    """Seed the demo panel (development mode only): members, users, a case from the maritime
    events in the store, evidence, an adopted finding with a dissent."""
    from sanctionwatch.cases import demo

    seeded = demo.seed(_engine(), extra_cases)
    data = {"cases": seeded.case_ids, "findings": seeded.finding_ids, "password": demo.PASSWORD}
    text = (
        f"demo panel: {len(seeded.case_ids)} cases, {len(seeded.finding_ids)} findings; log in"
        f" as us.analyst, kr.delegate, ... with the password {demo.PASSWORD!r}"
    )
    _out(data, as_json, text)
