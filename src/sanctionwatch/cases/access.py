"""Who may read what: the one decision every read path asks.

`can_read(user, obj)` decides from the object's audience alone (a retracted object keeps its
audience: retraction changes what it says, not who may see it). A user is never above the
rule: an admin reads what its member reads, the secretariat what is addressed to all parties.
`None` is the anonymous public, who reads only public (TLP:CLEAR) objects.

An object made from others (a finding citing evidence, a case opened from a restricted event)
may be read by no one who could not read every input: `derived` intersects audiences, and
`narrower` tells whether a requested audience stays inside what the inputs allow. Only a
release signed by the originating member widens an audience (`cases.releases`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from sanctionwatch.cases.model import TLP_ORDER, Audience, Scope, Tlp, User
from sanctionwatch.errors import InputError

EVERYONE = None  # `readers` of an audience any party may read


class Readable(Protocol):
    @property
    def audience(self) -> Audience: ...


def readers(audience: Audience) -> frozenset[str] | None:
    """The members whose users may read, or None when every party (or the public) may."""
    if audience.scope is Scope.ORIGINATOR:
        return frozenset({audience.originator})
    if audience.scope is Scope.MEMBERS:
        return audience.members | {audience.originator}
    return EVERYONE


def may_read(user: User | None, audience: Audience) -> bool:
    """Whether `user` (None: the public) may read something addressed to `audience`."""
    if audience.scope is Scope.PUBLIC:
        return True
    if user is None:
        return False
    allowed = readers(audience)
    return allowed is EVERYONE or user.member in allowed


def can_read(user: User | None, obj: Readable) -> bool:
    """The one read rule: every detail, list, search, count, history and export asks it."""
    return may_read(user, obj.audience)


def check(audience: Audience) -> Audience:
    """The audience, if its scope and TLP label agree; else an InputError saying why."""
    if not audience.originator:
        raise InputError("an audience needs its originating member")
    if (audience.scope is Scope.PUBLIC) != (audience.tlp is Tlp.CLEAR):
        raise InputError("public objects, and only they, are TLP:CLEAR")
    if audience.tlp in (Tlp.RED, Tlp.AMBER_STRICT) and audience.scope is Scope.ALL:
        raise InputError(f"TLP:{audience.tlp} goes to named members only, not to all parties")
    if audience.scope is Scope.MEMBERS and not audience.members - {audience.originator}:
        raise InputError("an audience of named members needs at least one other member")
    if audience.scope is not Scope.MEMBERS and audience.members:
        raise InputError(f"a {audience.scope} audience names no members")
    return audience


def narrower(inner: Audience, outer: Audience) -> bool:
    """Whether every reader of `inner` may read `outer`, with a label at least as strict."""
    a, b = readers(inner), readers(outer)
    wider_scope = inner.scope is Scope.PUBLIC and outer.scope is not Scope.PUBLIC
    if wider_scope or (b is not EVERYONE and (a is EVERYONE or not a <= b)):
        return False
    return TLP_ORDER.index(inner.tlp) <= TLP_ORDER.index(outer.tlp)


def derived(member: str, inputs: Iterable[Audience]) -> Audience:
    """The widest audience an object `member` makes from these inputs may have.

    The readers are those of every input, the label the strictest; `member` must be among the
    readers (it could not have read the inputs otherwise).
    """
    given = list(inputs)
    tlp = min((a.tlp for a in given), key=TLP_ORDER.index, default=Tlp.CLEAR)
    sets = [r for a in given if (r := readers(a)) is not EVERYONE]
    if not sets:
        public = all(a.scope is Scope.PUBLIC for a in given)
        scope = Scope.PUBLIC if public else Scope.ALL
        return Audience(scope, member, frozenset(), Tlp.CLEAR if public else _below_clear(tlp))
    common = frozenset.intersection(*sets)
    if member not in common:
        raise InputError("the inputs are not all readable by the deriving member")
    if common == {member}:
        return Audience(Scope.ORIGINATOR, member, frozenset(), _below_clear(tlp))
    return Audience(Scope.MEMBERS, member, common - {member}, _below_clear(tlp))


def _below_clear(tlp: Tlp) -> Tlp:
    return Tlp.GREEN if tlp is Tlp.CLEAR else tlp
