"""The investigations' domain types: parties, audiences, sources, evidence, cases, findings, votes.

Every stored object is an append-only row: a change is a new row (a status, a revision, a
grade, a retraction), never an update. Every object has one `Audience`; `access.can_read`
decides from it alone who may read the object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a user may do for their member (a user may hold several roles)."""

    CONTRIBUTOR = "contributor"  # submits sources and evidence
    ANALYST = "analyst"  # opens cases, drafts findings
    REVIEWER = "reviewer"  # reviews drafts, records replies
    DELEGATE = "delegate"  # votes for its member
    COORDINATOR = "coordinator"  # moves cases through their status, releases the member's items
    OBSERVER = "observer"  # reads only
    ADMIN = "admin"  # manages the users of its own member only


class PartyKind(StrEnum):
    STATE = "state"  # a member state: votes through its delegates
    SECRETARIAT = "secretariat"  # operates the mechanism, does not vote


class Scope(StrEnum):
    """Who an object is for."""

    ORIGINATOR = "originator"  # the originating member only
    MEMBERS = "members"  # the originator and the named members
    ALL = "all"  # every party of the mechanism
    PUBLIC = "public"  # anyone, logged in or not


class Tlp(StrEnum):
    """Traffic Light Protocol 2.0 labels, most restrictive first."""

    RED = "RED"
    AMBER_STRICT = "AMBER+STRICT"
    AMBER = "AMBER"
    GREEN = "GREEN"
    CLEAR = "CLEAR"


TLP_ORDER = list(Tlp)  # index 0 is the most restrictive
SCOPE_ORDER = [Scope.ORIGINATOR, Scope.MEMBERS, Scope.ALL, Scope.PUBLIC]


@dataclass(frozen=True)
class Audience:
    """Who may read an object: a scope, the originating member, named members, a TLP label."""

    scope: Scope
    originator: str
    members: frozenset[str] = frozenset()
    tlp: Tlp = Tlp.AMBER

    def to_json(self) -> dict[str, object]:
        return {
            "scope": self.scope.value,
            "originator": self.originator,
            "members": sorted(self.members),
            "tlp": self.tlp.value,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Audience:
        members = data.get("members") or []
        assert isinstance(members, list)
        return cls(
            Scope(str(data["scope"])),
            str(data["originator"]),
            frozenset(str(m) for m in members),
            Tlp(str(data["tlp"])),
        )


@dataclass(frozen=True)
class User:
    """A logged-in person: their member and roles. `None` stands for the anonymous public."""

    name: str
    member: str
    roles: frozenset[Role] = field(default_factory=frozenset)

    def has(self, *roles: Role) -> bool:
        return bool(self.roles & set(roles))


class Reliability(StrEnum):
    """Admiralty source reliability."""

    A = "A"  # completely reliable
    B = "B"  # usually reliable
    C = "C"  # fairly reliable
    D = "D"  # not usually reliable
    E = "E"  # unreliable
    F = "F"  # reliability cannot be judged


class Credibility(StrEnum):
    """Admiralty information credibility."""

    CONFIRMED = "1"
    PROBABLY_TRUE = "2"
    POSSIBLY_TRUE = "3"
    DOUBTFUL = "4"
    IMPROBABLE = "5"
    CANNOT_JUDGE = "6"


class EvidenceKind(StrEnum):
    DOCUMENT = "document"
    IMAGE = "image"
    AIS_EXTRACT = "ais_extract"
    MARITIME_EVENT = "maritime_event"
    LIST_ENTRY = "list_entry"
    TESTIMONY = "testimony"


DOCUMENTARY = frozenset({EvidenceKind.DOCUMENT, EvidenceKind.IMAGE})


class Topic(StrEnum):
    """The case taxonomy."""

    ARMS = "arms_transfers"
    PETROLEUM = "refined_petroleum"
    EXPORTS = "coal_and_banned_exports"
    FINANCE = "finance_and_it_workers"
    CYBER = "cyber_theft"
    LABOUR = "overseas_labour"
    LUXURY = "luxury_goods"
    WMD = "wmd_procurement"
    RIGHTS = "human_rights"


class Status(StrEnum):
    OPEN = "open"
    INVESTIGATING = "investigating"
    DRAFTING = "drafting"
    IN_REVIEW = "in_review"
    ADOPTED = "adopted"
    PUBLISHED = "published"
    CLOSED = "closed"


class Choice(StrEnum):
    """A delegate's vote on one revision."""

    ENDORSE = "endorse"
    RESERVATION = "endorse_with_reservation"
    DISSENT = "dissent"
    ABSTAIN = "abstain"
