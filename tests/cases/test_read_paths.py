"""No read path reveals what `can_read` denies: a property test over the HTTP API.

Each example adds random sources, evidence items (some derived from others), cases with
distinctive searchable titles, findings citing evidence, evidence links, status moves and
releases of findings, each by a random user of a random member with a random valid audience
(derived objects: within their inputs'). The store of one test accumulates them. Then random
viewers (users of every member, and the anonymous public) go through every read path:

- lists (/sources, /evidence, /cases, /findings, also by case and by search) hold exactly the
  objects `access.can_read` allows, without repeats, and any count matches;
- the detail, history, revisions, tally, standard, diff and content of an unreadable object,
  and writes on it, answer exactly as for an id that does not exist (never 403);
- a readable finding shows evidence its reader may not read only as a commitment;
- no successful answer mentions the id, title, search word or SHA-256 of an unreadable object
  (except what a released finding necessarily names: its case id and the ids it cites).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from sanctionwatch.api.app import create_app
from sanctionwatch.cases import access
from sanctionwatch.cases.model import (
    Audience,
    Credibility,
    EvidenceKind,
    Reliability,
    Scope,
    Tlp,
    Topic,
    User,
)
from tests.cases.conftest import STATES, Panel

MEMBERS = sorted(STATES)  # the states that make objects
PARTIES = ["SEC", *MEMBERS]  # who may be named in an audience
HEX64 = re.compile(r"^[0-9a-f]{64}$")
PREFIX = {"source": "src", "evidence": "ev", "case": "case", "finding": "fnd"}
NEXT_STATUS = {"open": "investigating", "investigating": "drafting", "drafting": "in_review"}

PROFILE = settings(
    max_examples=12,
    deadline=None,
    database=None,  # the store accumulates: a saved example would not replay alike
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # state accumulates: no shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _valid(audience: Audience) -> bool:
    try:
        access.check(audience)
    except Exception:
        return False
    return True


def _audiences(member: str) -> dict[Scope, list[Audience]]:
    """Every valid audience `member` may give its objects, by scope."""
    others = [p for p in PARTIES if p != member]
    named = [
        frozenset(c) for n in range(1, len(others) + 1) for c in itertools.combinations(others, n)
    ]
    found: dict[Scope, list[Audience]] = {}
    for scope in Scope:
        for tlp in Tlp:
            for members in named if scope is Scope.MEMBERS else [frozenset()]:
                audience = Audience(scope, member, members, tlp)
                if _valid(audience):
                    found.setdefault(scope, []).append(audience)
    return found


AUDIENCES = {m: _audiences(m) for m in MEMBERS}


def wire(audience: Audience) -> dict[str, Any]:
    return audience.to_json()


@dataclass
class Obj:
    kind: str  # "source", "evidence", "case" or "finding"
    id: str
    audience: Audience  # as now (a finding's latest release)
    words: tuple[str, ...] = ()  # distinctive text of it: title, search word, sha256
    case_id: str | None = None  # a finding's case
    cites: tuple[str, ...] = ()  # a finding's cited evidence
    sha256: str = ""  # an item's content
    links: list[str] = field(default_factory=list)  # a case's linked evidence
    status: str = "open"  # a case's


class World:
    """The client, the panel and every object made so far, with the audience chosen for it."""

    def __init__(self, panel: Panel) -> None:
        self.panel = panel
        self.client = TestClient(create_app(panel.engine))
        self.objs: dict[str, Obj] = {}
        self.counter = itertools.count(1)

    def tag(self) -> str:
        return f"t{next(self.counter):05d}x"  # never a substring of another tag

    def missing(self, kind: str) -> str:
        digest = hashlib.md5(f"missing {next(self.counter)}".encode()).hexdigest()
        return f"{PREFIX[kind]}-{digest}"

    def headers(self, user: str | None) -> dict[str, str]:
        return self.panel.headers(user)

    def get(self, user: str | None, path: str, **params: str) -> Response:
        # httpx drops the query of `path` when given params, even empty ones
        return self.client.get(path, headers=self.headers(user), params=params or None)

    def post(self, user: str | None, path: str, body: dict[str, Any]) -> Response:
        return self.client.post(path, headers=self.headers(user), json=body)

    def made(self, user: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        r = self.post(user, path, body)
        assert r.status_code == 201, (path, body, r.text)
        found: dict[str, Any] = r.json()
        return found

    def of(self, kind: str) -> list[Obj]:
        return [o for o in self.objs.values() if o.kind == kind]

    def user(self, name: str | None) -> User | None:
        return None if name is None else self.panel[name]


@pytest.fixture
def world(panel: Panel) -> World:
    return World(panel)


def member_reads(member: str, obj: Obj) -> bool:
    return access.can_read(User(f"{member.lower()}.any", member), obj)


def draw_audience(
    rng: random.Random, member: str, within: list[Audience], scope: Scope
) -> Audience:
    """A random valid audience of `member`, no wider than any of `within`, of `scope` if it
    may be (else of a random scope that may)."""
    choices = {
        scope: fits
        for scope, found in AUDIENCES[member].items()
        if (fits := [a for a in found if all(access.narrower(a, w) for w in within)])
    }
    scope = scope if scope in choices else rng.choice(sorted(choices))
    return rng.choice(choices[scope])


# Making objects: each step draws who makes what, for whom, from what.


def kept(world: World, obj: Obj) -> Obj:
    """`obj`, made on the way to another object, kept with the others."""
    world.objs[obj.id] = obj
    return obj


def add_source(world: World, rng: random.Random, member: str, scope: Scope) -> Obj:
    user = rng.choice([f"{member.lower()}.contributor", f"{member.lower()}.analyst"])
    audience = draw_audience(rng, member, [], scope)
    reliability = rng.choice([None, *[r.value for r in Reliability]])
    name = f"Source {world.tag()}"
    body = {"name": name, "reliability": reliability, "audience": wire(audience)}
    made = world.made(user, "/sources", body)
    return Obj("source", made["id"], audience, (name,))


def add_evidence(world: World, rng: random.Random, member: str, scope: Scope) -> Obj:
    readable = [s for s in world.of("source") if member_reads(member, s)]
    source = (
        rng.choice(readable) if readable else kept(world, add_source(world, rng, member, scope))
    )
    items = [e for e in world.of("evidence") if member_reads(member, e)]
    parents = some(rng, items, 2)
    allowed = access.derived(member, [source.audience, *(p.audience for p in parents)])
    audience = draw_audience(rng, member, [allowed], scope)
    title = f"Evidence {world.tag()}"
    content = f"the content of {title}".encode()
    meta = {
        "kind": rng.choice([k.value for k in EvidenceKind]),
        "title": title,
        "source_id": source.id,
        "audience": wire(audience),
        "derived_from": [p.id for p in parents],
        "credibility": rng.choice([None, *[c.value for c in Credibility]]),
    }
    user = rng.choice([f"{member.lower()}.contributor", f"{member.lower()}.analyst"])
    r = world.client.post(
        "/evidence",
        headers=world.headers(user),
        files={"file": ("upload", content, "text/plain")},
        data={"metadata": json.dumps(meta)},
    )
    assert r.status_code == 201, r.text
    sha = hashlib.sha256(content).hexdigest()
    assert r.json()["sha256"] == sha
    return Obj("evidence", r.json()["id"], audience, (title, sha), sha256=sha)


def open_case(world: World, rng: random.Random, member: str, scope: Scope) -> Obj:
    user = rng.choice([f"{member.lower()}.analyst", f"{member.lower()}.coordinator"])
    audience = draw_audience(rng, member, [], scope)
    word = world.tag()
    body = {
        "title": f"Transfer {word} off Nampo",
        "topic": rng.choice([t.value for t in Topic]),
        "summary": "",
        "audience": wire(audience),
    }
    made = world.made(user, "/cases", body)
    return Obj("case", made["id"], audience, (word,))


def draft_finding(world: World, rng: random.Random, member: str, scope: Scope) -> Obj:
    cases = [c for c in world.of("case") if member_reads(member, c)]
    case = rng.choice(cases) if cases else kept(world, open_case(world, rng, member, scope))
    items = [e for e in world.of("evidence") if member_reads(member, e)]
    items = items or [kept(world, add_evidence(world, rng, member, scope))]
    cited = some(rng, items, 3, least=1)
    audience = draw_audience(rng, member, [case.audience, *(e.audience for e in cited)], scope)
    markers = "".join(f"[ev:{e.id}]" for e in cited)
    title = f"Finding {world.tag()}"
    body = {
        "case_id": case.id,
        "title": title,
        "text": f"The tanker {title} loaded oil {markers}.",
        "named": [],
        "audience": wire(audience),
    }
    made = world.made(f"{member.lower()}.analyst", "/findings", body)
    return Obj(
        "finding",
        made["id"],
        audience,
        (title, made["revision"]["id"], made["revision"]["sha256"]),
        case_id=case.id,
        cites=tuple(e.id for e in cited),
    )


def release_finding(world: World, rng: random.Random) -> None:
    found = [f for f in world.of("finding") if f.cites] or world.of("finding")
    if found:
        release(world, rng.choice(found), rng)


def release_case(world: World, rng: random.Random) -> None:
    if world.of("case"):
        release(world, rng.choice(world.of("case")), rng)


def release(world: World, obj: Obj, rng: random.Random) -> None:
    """The originating member's coordinator widens `obj`'s audience, if it can be wider."""
    now, origin = obj.audience, obj.audience.originator
    wider = [
        a
        for group in AUDIENCES[origin].values()
        for a in group
        if a != now and access.narrower(now, a)
    ]
    if not wider:
        return
    audience = rng.choice(wider)
    body = {"target_id": obj.id, "audience": wire(audience), "reason": "for the record"}
    world.made(f"{origin.lower()}.coordinator", "/releases", body)
    obj.audience = audience


def link_evidence(world: World, rng: random.Random, member: str) -> None:
    pairs = [
        (c, e)
        for c in world.of("case")
        for e in world.of("evidence")
        if member_reads(member, c)
        and member_reads(member, e)
        and e.id not in c.links
        and access.narrower(c.audience, access.derived(member, [e.audience]))
    ]
    if not pairs:
        return
    case, item = rng.choice(pairs)
    body = {"kind": "evidence", "ref": item.id, "note": ""}
    world.made(f"{member.lower()}.contributor", f"/cases/{case.id}/links", body)
    case.links.append(item.id)


def move_case(world: World, rng: random.Random) -> None:
    movable = [c for c in world.of("case") if c.status in NEXT_STATUS]
    if not movable:
        return
    case = rng.choice(movable)
    lead = case.audience.originator.lower()
    body = {"status": NEXT_STATUS[case.status], "note": "onwards"}
    world.made(f"{lead}.coordinator", f"/cases/{case.id}/status", body)
    case.status = NEXT_STATUS[case.status]


def make_objects(world: World, rng: random.Random, plan: list[Step]) -> list[Obj]:
    """The planned steps (each by a member, for an audience of a scope if it may be); the
    objects they made. What each step draws on (which source, case, items) `rng` picks."""
    made: list[Obj] = []
    for step, member, scope in plan:
        new: Obj | None = None
        if step == "source":
            new = add_source(world, rng, member, scope)
        elif step == "evidence":
            new = add_evidence(world, rng, member, scope)
        elif step == "case":
            new = open_case(world, rng, member, scope)
        elif step == "finding":
            new = draft_finding(world, rng, member, scope)
        elif step == "release":
            release_finding(world, rng)
        elif step == "release case":
            release_case(world, rng)
        elif step == "link":
            link_evidence(world, rng, member)
        else:
            move_case(world, rng)
        if new is not None:
            world.objs[new.id] = new
            made.append(new)
    return made


STEPS = ["source", "evidence", "evidence", "case", "case", "finding", "finding"]
STEPS += ["release", "release", "release case", "link", "status"]


# Checking what a viewer sees.


def normal(r: Response, object_id: str) -> tuple[int, str, str]:
    """Status, media type and body of an answer, the asked id blanked out."""
    return r.status_code, r.headers.get("content-type", ""), r.text.replace(object_id, "<ID>")


class Viewer:
    def __init__(self, world: World, name: str | None) -> None:
        self.world = world
        self.name = name
        self.user = world.user(name)

    def reads(self, obj: Obj) -> bool:
        return access.can_read(self.user, obj)

    def forbidden_words(self) -> set[str]:
        """What no answer to this viewer may contain: ids and words of unreadable objects,
        except what a readable (released) finding names on purpose."""
        shown: set[str] = set()
        for f in self.world.of("finding"):
            if self.reads(f):
                shown |= {f.case_id or "", *f.cites}
        words = set()
        for obj in self.world.objs.values():
            if not self.reads(obj):
                words |= {obj.id, *obj.words} - shown
                if obj.kind == "evidence":
                    words.add(obj.sha256)  # never shown, even when cited
        return words

    def ok(self, path: str, **params: str) -> Any:
        r = self.world.get(self.name, path, **params)
        assert r.status_code == 200, (self.name, path, params, r.text)
        for word in self.forbidden_words():
            assert word not in r.text, f"{self.name} GET {path} {params} mentions {word}: {r.text}"
        return r.json()

    def listed(self, path: str, key: str, expected: set[str], **params: str) -> list[Any]:
        body = self.ok(path, **params)
        rows = body[key]
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids)), (path, params, ids)
        assert set(ids) == expected, (self.name, path, params, sorted(ids), sorted(expected))
        for count in ("count", "total"):
            if count in body:
                assert body[count] == len(rows), (path, params, body[count])
        return rows  # type: ignore[no-any-return]

    def pages(self, expected: set[str]) -> None:
        """Pages of /cases (paged by the database) cover the readable cases once each, in
        order, and each names their total."""
        seen: list[str] = []
        for offset in range(0, len(expected) + 2, 2):
            body = self.ok("/cases", limit="2", offset=str(offset))
            assert body["total"] == len(expected), (self.name, offset, body["total"], expected)
            seen += [row["id"] for row in body["cases"]]
        assert seen == [r["id"] for r in self.ok("/cases")["cases"]]
        assert set(seen) == expected and len(seen) == len(expected), (self.name, seen)

    def like_missing(
        self, method: str, template: str, obj: Obj, body: dict[str, Any] | None = None
    ) -> None:
        """The unreadable `obj` answers exactly like a missing id of its kind."""
        fake = self.world.missing(obj.kind)
        answers = []
        for object_id in (obj.id, fake):
            path = template.format(id=object_id)
            sent = json.loads(json.dumps(body).replace("{id}", object_id)) if body else None
            if method == "GET":
                r = self.world.get(self.name, path)
            else:
                r = self.world.post(self.name, path, sent or {})
            answers.append(normal(r, object_id))
        real, missing = answers
        where = f"{self.name} {method} {template.format(id=obj.id)}"
        assert real[0] != 403, f"{where}: 403 {real[2]}"
        assert real == missing, f"{where}: {real} but for a missing id: {missing}"
        assert real[0] in (401, 404), f"{where}: {real}"

    def check_citations(self, finding: Obj, row: dict[str, Any]) -> None:
        views = row["citations"]
        assert set(views) == set(finding.cites), (finding.id, views)
        for evidence_id, view in views.items():
            item = self.world.objs[evidence_id]
            assert HEX64.match(view["commitment"]), view
            if self.reads(item):
                assert view["sha256"] == item.sha256 and view["id"] == item.id, view
            else:
                assert set(view) == {"commitment"}, f"{self.name} sees {view} of {evidence_id}"
                assert view["commitment"] != item.sha256

    def lists(self) -> None:
        w = self.world
        for kind, path, key in (
            ("source", "/sources", "sources"),
            ("evidence", "/evidence", "evidence"),
            ("case", "/cases", "cases"),
            ("finding", "/findings", "findings"),
        ):
            expected = {o.id for o in w.of(kind) if self.reads(o)}
            rows = self.listed(path, key, expected)
            if kind == "case":
                self.pages(expected)
            if kind == "finding":
                for row in rows:
                    self.check_citations(w.objs[row["id"]], row)

    def case_paths(self, case: Obj) -> None:
        w = self.world
        word = case.words[0]
        hits = {case.id} if self.reads(case) else set()
        self.listed("/cases", "cases", hits, q=word)
        self.listed("/cases", "cases", hits, q=word.upper())
        findings = {f.id for f in w.of("finding") if f.case_id == case.id and self.reads(f)}
        self.listed("/findings", "findings", findings, case_id=case.id)
        if self.reads(case):
            detail = self.ok(f"/cases/{case.id}")
            assert detail["id"] == case.id and detail["status"] == case.status
            linked = {x["ref"] for x in detail["links"] if x["kind"] == "evidence"}
            assert linked == set(case.links)
            assert all(self.reads(w.objs[e]) for e in linked), (self.name, case.id, linked)
            changes = self.ok(f"/cases/{case.id}/history")["changes"]
            assert {c["value"] for c in changes if c["kind"] == "link"} == {
                f"evidence:{e}" for e in case.links
            }
            items = {e for e in case.links if self.reads(w.objs[e])}
            self.listed("/evidence", "evidence", items, case_id=case.id)
            exported = self.ok(f"/cases/{case.id}/export")
            assert {e["id"] for e in exported["evidence"]} == items
            assert {f["id"] for f in exported["findings"]} == findings
            return
        templates = ("/cases/{id}", "/cases/{id}/history", "/cases/{id}/export")
        for template in (*templates, "/evidence?case_id={id}"):
            self.like_missing("GET", template, case)
        readable = [e for e in w.of("evidence") if self.reads(e)]
        ref = readable[0].id if readable else "imo:9310953"
        kind = "evidence" if readable else "vessel"
        self.like_missing("POST", "/cases/{id}/links", case, {"kind": kind, "ref": ref})
        self.like_missing("POST", "/cases/{id}/status", case, {"status": "investigating"})
        self.like_missing("POST", "/cases/{id}/status", case, {"status": "closed"})

    def source_paths(self, source: Obj) -> None:
        if self.reads(source):
            assert self.ok(f"/sources/{source.id}")["id"] == source.id
            return
        self.like_missing("GET", "/sources/{id}", source)
        self.like_missing("POST", "/sources/{id}/grades", source, {"reliability": "A"})
        self.like_missing("POST", "/releases", source, RELEASE)

    def evidence_paths(self, item: Obj) -> None:
        if self.reads(item):
            assert self.ok(f"/evidence/{item.id}")["sha256"] == item.sha256
            r = self.world.get(self.name, f"/evidence/{item.id}/content")
            assert r.status_code == 200 and hashlib.sha256(r.content).hexdigest() == item.sha256
            return
        self.like_missing("GET", "/evidence/{id}", item)
        self.like_missing("GET", "/evidence/{id}/content", item)
        self.like_missing("POST", "/evidence/{id}/grades", item, {"credibility": "1"})
        self.like_missing("POST", "/retractions", item, {"target_id": "{id}", "reason": "r"})
        self.like_missing("POST", "/releases", item, RELEASE)

    def finding_paths(self, finding: Obj) -> None:
        paths = (
            "/findings/{id}",
            "/findings/{id}/revisions",
            "/findings/{id}/tally",
            "/findings/{id}/standard",
            "/findings/{id}/diff?a=1&b=1",
        )
        if self.reads(finding):
            for template in paths:
                self.ok(template.format(id=finding.id))
            self.check_citations(finding, self.ok(f"/findings/{finding.id}"))
            return
        for template in paths:
            self.like_missing("GET", template, finding)
        sha = finding.words[2]
        writes: list[tuple[str, dict[str, Any]]] = [
            ("/findings/{id}/votes", {"revision_sha256": sha, "choice": "endorse"}),
            ("/findings/{id}/proposals", {"base_revision_id": finding.words[1], "text": "Why?"}),
            ("/findings/{id}/replies", {"party": "DPRK", "event": "received", "text": "No."}),
            ("/findings/{id}/adopt", {"note": ""}),
            ("/retractions", {"target_id": "{id}", "reason": "r"}),
            ("/releases", RELEASE),
        ]
        for template, body in writes:
            self.like_missing("POST", template, finding, body)


RELEASE = {
    "target_id": "{id}",
    "audience": {"scope": "public", "originator": "US", "tlp": "CLEAR"},
    "reason": "r",
}
VIEWERS: list[str | None] = [None, "sec.admin"] + [
    f"{m.lower()}.{role}"
    for m in MEMBERS
    for role in ("contributor", "analyst", "delegate", "coordinator", "observer", "admin")
]


def some(rng: random.Random, objs: list[Obj], most: int, least: int = 0) -> list[Obj]:
    """Between `least` and `most` of `objs` (fewer if there are not as many)."""
    top = min(most, len(objs))
    return rng.sample(objs, rng.randint(min(least, top), top))


Step = tuple[str, str, Scope]
# The plan and the viewers are drawn from fixed strategies; the picks that depend on what the
# store already holds come from a seeded `random.Random`, so Hypothesis's data generation does
# not depend on state that accumulates between examples.
PLANS = st.lists(
    st.tuples(st.sampled_from(STEPS), st.sampled_from(MEMBERS), st.sampled_from(list(Scope))),
    min_size=2,
    max_size=5,
)
SOME_VIEWERS = st.lists(st.sampled_from(VIEWERS), min_size=1, max_size=3, unique=True)


@PROFILE
@given(plan=PLANS, viewers=SOME_VIEWERS, rng=st.randoms(use_true_random=True))
def test_no_read_path_reveals_an_unreadable_object(
    world: World, plan: list[Step], viewers: list[str | None], rng: random.Random
) -> None:
    made = make_objects(world, rng, plan)
    for name in dict.fromkeys([None, *viewers]):  # the public, always, and some users
        viewer = Viewer(world, name)
        viewer.lists()
        for kind, check in (
            ("source", viewer.source_paths),
            ("evidence", viewer.evidence_paths),
            ("case", viewer.case_paths),
            ("finding", viewer.finding_paths),
        ):
            new = [o for o in made if o.kind == kind]
            older = [o for o in world.of(kind) if o not in new]
            for obj in new + some(rng, older, 2):
                check(obj)


def test_reads_and_releases_agree_on_released_objects(world: World) -> None:
    us_only = {"scope": "originator", "originator": "US", "tlp": "AMBER"}
    source = world.made("us.contributor", "/sources", {"name": "S", "audience": us_only})
    meta = {"kind": "document", "title": "E", "source_id": source["id"], "audience": us_only}
    r = world.client.post(
        "/evidence",
        headers=world.headers("us.contributor"),
        files={"file": ("upload", b"released", "text/plain")},
        data={"metadata": json.dumps(meta)},
    )
    assert r.status_code == 201, r.text
    case = world.made(
        "us.analyst", "/cases", {"title": "C", "topic": "arms_transfers", "audience": us_only}
    )
    wider = {"scope": "all", "originator": "US", "tlp": "AMBER"}
    public = {"scope": "public", "originator": "US", "tlp": "CLEAR"}
    problems = []
    for path, object_id in (
        ("/sources", source["id"]),
        ("/evidence", r.json()["id"]),
        ("/cases", case["id"]),
    ):
        body = {"target_id": object_id, "audience": wider, "reason": "for all"}
        world.post("us.coordinator", "/releases", body)  # refused or not: reads must agree
        read = world.get("kr.coordinator", f"{path}/{object_id}")
        again = {"target_id": object_id, "audience": public, "reason": "for all"}
        release = world.post("kr.coordinator", "/releases", again)
        if (read.status_code == 200) != (release.status_code != 404):
            problems.append((path, read.status_code, release.status_code, release.text))
        if read.status_code != 200:
            problems.append((path, "the release did not widen the audience", read.text))
    assert not problems, problems
