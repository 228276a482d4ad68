"""The parties: member states, the secretariat, their users and the users' roles.

The mechanism starts with `bootstrap`: the secretariat and its first admin. The secretariat's
admin then adds member states and each member's first admin; from then on a member's admin
manages that member's users only. Each member gets its ledger key (the witness key that
cosigns checkpoints) and each user a signing key certified by their member's key, so every
change a user makes is signed by them. Roles are granted and revoked by appended rows; the
latest row for a user and role wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, select

from sanctionwatch.cases import tables
from sanctionwatch.cases.model import PartyKind, Role, User
from sanctionwatch.cases.record import new_id, write
from sanctionwatch.errors import ForbiddenError, InputError, NotFoundError
from sanctionwatch.ledger import keystore
from sanctionwatch.ledger.custody import Custody
from sanctionwatch.ledger.keystore import MEMBER, USER

_CODE = re.compile(r"[A-Z]{2,8}")
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,62}")


@dataclass(frozen=True)
class Member:
    code: str
    name: str
    kind: PartyKind


def bootstrap(conn: Connection, code: str, name: str, admin: str) -> User:
    """The secretariat and its first admin, on an empty store; the admin."""
    if conn.execute(select(tables.members.c.id)).first() is not None:
        raise InputError("the panel already has parties: bootstrap runs once")
    user = User(_check_name(admin), _check_code(code), frozenset({Role.ADMIN}))
    _keys(conn, user)
    write(conn, user, tables.members, {"id": code, "name": name, "kind": PartyKind.SECRETARIAT})
    write(conn, user, tables.users, {"id": admin, "member": code, "display_name": admin})
    write(conn, user, tables.roles, _role_row(admin, Role.ADMIN, True))
    return user


def add_member(conn: Connection, actor: User, code: str, name: str) -> Member:
    """A member state, added by an admin of the secretariat."""
    if not (actor.has(Role.ADMIN) and member(conn, actor.member).kind is PartyKind.SECRETARIAT):
        raise ForbiddenError("only an admin of the secretariat adds members")
    if _find_member(conn, _check_code(code)) is not None:
        raise InputError(f"member {code} already exists")
    Custody.from_settings().create(conn, MEMBER, code)
    write(conn, actor, tables.members, {"id": code, "name": name, "kind": PartyKind.STATE})
    return Member(code, name, PartyKind.STATE)


def add_user(
    conn: Connection, actor: User, name: str, member_code: str, roles: set[Role], display: str = ""
) -> User:
    """A user of `member_code` with `roles`, added by an admin of that member (or of the
    secretariat, for a member's first users)."""
    may_manage(conn, actor, member_code)
    if _find_user(conn, _check_name(name)) is not None:
        raise InputError(f"user {name} already exists")
    user = User(name, member(conn, member_code).code, frozenset(roles))
    _keys(conn, user)
    write(
        conn,
        actor,
        tables.users,
        {"id": name, "member": member_code, "display_name": display or name},
    )
    for role in sorted(roles):
        write(conn, actor, tables.roles, _role_row(name, role, True))
    return user


def set_role(conn: Connection, actor: User, name: str, role: Role, granted: bool) -> User:
    """Grant or revoke one role; the user as they now are."""
    target = user(conn, name)
    may_manage(conn, actor, target.member)
    write(conn, actor, tables.roles, _role_row(name, role, granted))
    return user(conn, name)


def user(conn: Connection, name: str) -> User:
    """A user with their current roles (NotFoundError for an unknown name)."""
    row = _find_user(conn, name)
    if row is None:
        raise NotFoundError(f"no user {name}")
    return with_roles(conn, name, row)


def with_roles(conn: Connection, name: str, member_code: str) -> User:
    """The user `name` of `member_code` with their current roles (the latest row per role)."""
    latest: dict[str, bool] = {}
    query = select(tables.roles.c.role, tables.roles.c.granted).where(
        tables.roles.c.user_name == name
    )
    for role, granted in conn.execute(query.order_by(tables.roles.c.entry)):
        latest[role] = bool(granted)
    return User(name, member_code, frozenset(Role(r) for r, on in latest.items() if on))


def member(conn: Connection, code: str) -> Member:
    found = _find_member(conn, code)
    if found is None:
        raise NotFoundError(f"no member {code}")
    return found


def members(conn: Connection) -> list[Member]:
    rows = conn.execute(select(tables.members).order_by(tables.members.c.id)).mappings()
    return [Member(r["id"], r["name"], PartyKind(r["kind"])) for r in rows]


def users(conn: Connection, member_code: str | None = None) -> list[User]:
    query = select(tables.users.c.id).order_by(tables.users.c.id)
    if member_code is not None:
        query = query.where(tables.users.c.member == member_code)
    return [user(conn, name) for name in conn.execute(query).scalars()]


def voting_members(conn: Connection) -> list[str]:
    """The member states (the secretariat does not vote)."""
    return [m.code for m in members(conn) if m.kind is PartyKind.STATE]


def may_manage(conn: Connection, actor: User, member_code: str) -> None:
    """ForbiddenError unless `actor` administers `member_code` (or the secretariat)."""
    if not actor.has(Role.ADMIN):
        raise ForbiddenError("only an admin manages users")
    own = actor.member == member_code
    if not own and member(conn, actor.member).kind is not PartyKind.SECRETARIAT:
        raise ForbiddenError("an admin manages the users of its own member only")
    member(conn, member_code)


def _keys(conn: Connection, user: User) -> None:
    custody = Custody.from_settings()
    if keystore.find(conn, MEMBER, user.member) is None:
        custody.create(conn, MEMBER, user.member)
    if keystore.find(conn, USER, user.name) is None:
        custody.create(conn, USER, user.name, user.member)


def _role_row(name: str, role: Role, granted: bool) -> dict[str, object]:
    return {"id": new_id("role"), "user_name": name, "role": role.value, "granted": int(granted)}


def _find_member(conn: Connection, code: str) -> Member | None:
    row = conn.execute(select(tables.members).where(tables.members.c.id == code)).mappings().first()
    return None if row is None else Member(row["id"], row["name"], PartyKind(row["kind"]))


def _find_user(conn: Connection, name: str) -> str | None:
    """The member of a user, or None when there is no such user."""
    query = select(tables.users.c.member).where(tables.users.c.id == name)
    found = conn.execute(query).scalar()
    return None if found is None else str(found)


def _check_code(code: str) -> str:
    if not _CODE.fullmatch(code):
        raise InputError(f"a member code is 2-8 capital letters, not {code!r}")
    return code


def _check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise InputError(f"a user name is 2-63 of a-z 0-9 . _ -, not {name!r}")
    return name
