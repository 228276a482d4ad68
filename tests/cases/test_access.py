"""The read rule and derived audiences, as properties over random users and audiences."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sanctionwatch.cases import access
from sanctionwatch.cases.model import Audience, Role, Scope, Tlp, User
from sanctionwatch.errors import InputError

MEMBERS = ["US", "KR", "JP", "AU", "NZ", "SEC"]


@st.composite
def audiences(draw: st.DrawFn) -> Audience:
    scope = draw(st.sampled_from(list(Scope)))
    origin = draw(st.sampled_from(MEMBERS))
    named = frozenset()
    if scope is Scope.MEMBERS:
        named = frozenset(draw(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=4)))
        assume(named - {origin})
    if scope is Scope.PUBLIC:
        tlp = Tlp.CLEAR
    elif scope is Scope.ALL:
        tlp = draw(st.sampled_from([Tlp.AMBER, Tlp.GREEN]))
    else:
        tlp = draw(st.sampled_from([Tlp.RED, Tlp.AMBER_STRICT, Tlp.AMBER, Tlp.GREEN]))
    return access.check(Audience(scope, origin, named, tlp))


users = st.one_of(
    st.none(),
    st.builds(
        User,
        st.just("someone"),
        st.sampled_from(MEMBERS),
        st.frozensets(st.sampled_from(list(Role))),
    ),
)


class Obj:
    def __init__(self, audience: Audience) -> None:
        self.audience = audience


@given(users, audiences())
def test_can_read_depends_on_member_and_scope_only(user: User | None, aud: Audience) -> None:
    allowed = access.can_read(user, Obj(aud))
    if aud.scope is Scope.PUBLIC:
        assert allowed
    elif user is None:
        assert not allowed
    elif aud.scope is Scope.ALL:
        assert allowed
    else:
        assert allowed == (user.member in aud.members | {aud.originator})
    if user is not None:  # roles never widen what a user reads: admins included
        admin = User(user.name, user.member, frozenset(Role))
        assert access.can_read(admin, Obj(aud)) == allowed


@given(users, st.sampled_from(MEMBERS), st.lists(audiences(), min_size=1, max_size=4))
def test_derived_is_readable_only_by_readers_of_every_input(
    user: User | None, member: str, inputs: list[Audience]
) -> None:
    try:
        made = access.derived(member, inputs)
    except InputError:
        assert not all(access.may_read(User("m", member), a) for a in inputs)
        return
    access.check(made)
    if access.may_read(user, made):
        assert all(access.may_read(user, a) for a in inputs)
    assert all(access.narrower(made, a) for a in inputs)


@given(audiences(), audiences(), users)
def test_narrower_means_fewer_readers(inner: Audience, outer: Audience, user: User | None) -> None:
    if access.narrower(inner, outer) and access.may_read(user, inner):
        assert access.may_read(user, outer)


@pytest.mark.parametrize(
    "bad",
    [
        Audience(Scope.PUBLIC, "US", frozenset(), Tlp.GREEN),
        Audience(Scope.ALL, "US", frozenset(), Tlp.CLEAR),
        Audience(Scope.ALL, "US", frozenset(), Tlp.RED),
        Audience(Scope.MEMBERS, "US", frozenset({"US"}), Tlp.AMBER),
        Audience(Scope.ORIGINATOR, "US", frozenset({"KR"}), Tlp.AMBER),
        Audience(Scope.ORIGINATOR, "", frozenset(), Tlp.AMBER),
    ],
)
def test_inconsistent_audiences_are_refused(bad: Audience) -> None:
    with pytest.raises(InputError):
        access.check(bad)
