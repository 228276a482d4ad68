"""Tables of the investigations context. Every row is append-only and logged.

Each table has `id` (text), `entry` (the index of the ledger entry that recorded the row),
`created_at` and `created_by`. A change of state is a new row (a status, a revision, a grade,
a vote, a retraction, a release), never an update: `ledger verify` recomputes each row's hash.
Objects with their own readers carry `audience` (JSON: scope, originator, members, tlp).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from sanctionwatch.db import metadata


def _common() -> list[Column[object]]:
    return [
        Column("id", String(64), primary_key=True),
        Column("entry", BigInteger, unique=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("created_by", String(255), nullable=False),
    ]


members = Table(
    "cs_members",
    metadata,
    *_common(),
    Column("name", String(255), nullable=False),
    Column("kind", String(16), nullable=False),  # PartyKind
)

users = Table(
    "cs_users",
    metadata,
    *_common(),  # id is the user name
    Column("member", String(64), nullable=False),
    Column("display_name", String(255), nullable=False),
)

roles = Table(
    "cs_roles",
    metadata,
    *_common(),
    Column("user_name", String(255), nullable=False),
    Column("role", String(32), nullable=False),
    Column("granted", Integer, nullable=False),  # 1 grant, 0 revoke: the latest row wins
    Index("ix_cs_roles_user", "user_name"),
)

# credentials are not panel state: not logged (no `entry`), replaced by newer rows
passwords = Table(
    "cs_passwords",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_name", String(255), nullable=False, index=True),
    Column("hash", Text, nullable=False),  # argon2id
    Column("created_at", DateTime(timezone=True), nullable=False),
)

tokens = Table(
    "cs_tokens",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the token; the token is not kept
    Column("user_name", String(255), nullable=False, index=True),
    Column("label", String(255), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

sources = Table(
    "cs_sources",
    metadata,
    *_common(),
    Column("name", String(255), nullable=False),
    Column("description", Text, nullable=False),
    Column("audience", Text, nullable=False),
)

grades = Table(
    "cs_grades",
    metadata,
    *_common(),
    Column("target", String(64), nullable=False, index=True),  # a source or evidence id
    Column("grade", String(4), nullable=False),  # reliability A-F or credibility 1-6
    Column("note", Text, nullable=False),
)

evidence = Table(
    "cs_evidence",
    metadata,
    *_common(),
    Column("kind", String(32), nullable=False),  # EvidenceKind
    Column("title", String(500), nullable=False),
    Column("source_id", String(64), nullable=False, index=True),
    Column("sha256", String(64), nullable=False, index=True),  # of the content
    Column("media_type", String(128), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("obtained_at", DateTime(timezone=True)),
    Column("derived_from", Text, nullable=False),  # JSON list of evidence ids
    Column("ref", String(500)),  # maritime event id, entity id, ... the item stands for
    Column("audience", Text, nullable=False),
)

blobs = Table(
    "cs_blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

# the deployment's secrets (the key commitments derive audience keys from): made once, not
# panel state, not logged (a logged hash of a secret would be a way to test guesses)
deployment_secrets = Table(
    "cs_secrets",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

cases = Table(
    "cs_cases",
    metadata,
    *_common(),
    Column("title", String(500), nullable=False),
    Column("topic", String(64), nullable=False),  # Topic
    Column("lead", String(64), nullable=False),  # lead member
    Column("summary", Text, nullable=False),
    Column("audience", Text, nullable=False),
)

statuses = Table(
    "cs_statuses",
    metadata,
    *_common(),
    Column("case_id", String(64), nullable=False, index=True),
    Column("status", String(32), nullable=False),  # Status; the latest row wins
    Column("note", Text, nullable=False),
)

links = Table(
    "cs_links",
    metadata,
    *_common(),
    Column("case_id", String(64), nullable=False, index=True),
    Column("kind", String(32), nullable=False),  # entity, vessel, maritime_event, evidence, hit
    Column("ref", String(500), nullable=False),
    Column("note", Text, nullable=False),
)

findings = Table(
    "cs_findings",
    metadata,
    *_common(),
    Column("case_id", String(64), nullable=False, index=True),
    Column("title", String(500), nullable=False),
    Column("named", Text, nullable=False),  # JSON list of states and entities it names
    Column("audience", Text, nullable=False),
)

revisions = Table(
    "cs_revisions",
    metadata,
    *_common(),
    Column("finding_id", String(64), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("sha256", String(64), nullable=False),  # of the text (UTF-8)
    Column("base", String(64)),  # the revision id a proposal was made against
    Column("diff", Text, nullable=False),  # unified diff against the base ("" for the first)
    Column("note", Text, nullable=False),
    UniqueConstraint("finding_id", "number", name="uq_cs_revisions_number"),  # one latest
)

replies = Table(
    "cs_replies",
    metadata,
    *_common(),
    Column("finding_id", String(64), nullable=False, index=True),
    Column("party", String(255), nullable=False),  # the named state or entity
    Column("event", String(16), nullable=False),  # sent, received, expired
    Column("deadline", DateTime(timezone=True)),
    Column("text", Text, nullable=False),
)

votes = Table(
    "cs_votes",
    metadata,
    *_common(),
    Column("finding_id", String(64), nullable=False, index=True),
    Column("revision_sha256", String(64), nullable=False),
    Column("member", String(64), nullable=False),
    Column("choice", String(32), nullable=False),  # Choice; a member's latest vote counts
    Column("statement", Text, nullable=False),  # kept verbatim
)

adoptions = Table(
    "cs_adoptions",
    metadata,
    *_common(),
    Column("finding_id", String(64), nullable=False, index=True),
    Column("revision_sha256", String(64), nullable=False),  # the text adopted
    Column("tally", Text, nullable=False),  # JSON: the counts that carried it
)

retractions = Table(
    "cs_retractions",
    metadata,
    *_common(),
    Column("target", String(64), nullable=False, index=True),  # any object id
    Column("kind", String(16), nullable=False),  # retraction or correction
    Column("reason", Text, nullable=False),
    Column("replacement", String(64)),  # the correcting object, for a correction
)

releases = Table(
    "cs_releases",
    metadata,
    *_common(),
    Column("target", String(64), nullable=False, index=True),
    Column("audience", Text, nullable=False),  # the wider audience, signed by the originator
    Column("reason", Text, nullable=False),
)

# Derived, not logged: each object's audience as released, in columns SQL can filter on, so
# that lists page in the database. Written with the object and with each release
# (`cases.reach`); `ledger verify` does not cover it, and `reach.rebuild` remakes it from the
# logged rows. Every read still asks `can_read` of what it returns.
reach = Table(
    "cs_reach",
    metadata,
    Column("target", String(64), primary_key=True),
    Column("scope", String(16), nullable=False),
    Column("originator", String(64), nullable=False),
    Column("members", Text, nullable=False),  # "|JP|KR|": the named members, sorted
)

WITH_AUDIENCE = (sources, evidence, cases, findings)

LOGGED = (
    members,
    users,
    roles,
    sources,
    grades,
    evidence,
    cases,
    statuses,
    links,
    findings,
    revisions,
    replies,
    votes,
    adoptions,
    retractions,
    releases,
)
