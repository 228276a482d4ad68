"""Investigations: parties, audiences, sources, evidence, cases, findings, votes and dissents.

model.py       domain types (roles, audiences, TLP, grades, topics, statuses, vote choices)
access.py      can_read: the one read rule; derived audiences
record.py      every change: a row and its signed ledger entry, in one transaction
tables.py      the append-only tables
stored.py      rows as objects: audiences (as released), readable rows, grades
parties.py     members, the secretariat, users and roles
auth.py        passwords (argon2id) and API tokens
sources.py     sources and their Admiralty reliability grades
evidence.py    content-addressed evidence with custody and credibility grades
cited.py       how citations show evidence: in full, or only its keyed commitment
uploads.py     upload limits and type checks; commit.py: keyed commitments (HMAC)
casework.py    cases: topic, lead, status; links.py: what a case links to
intake.py      a maritime event or a screening hit as a case
findings.py    findings; revisions.py, proposals.py (diffs), citations.py ([ev:ID] markers)
standard.py    the evidence standard and right of reply (replies.py)
votes.py       votes, the adoption rule, adoption; ballots.py reads them
retractions.py retractions and corrections; releases.py widening; marks.py reads both
export.py      a case as one JSON document, as one user may see it
demo.py        the seeded demo panel of `make run`
"""
