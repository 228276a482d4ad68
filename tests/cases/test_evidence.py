"""Evidence: content addressing, custody, upload checks, derived audiences, commitments."""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, delete, func, select, text

from sanctionwatch.cases import casework, cited, commit, evidence, links, sources, tables
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
from sanctionwatch.db import make_engine
from sanctionwatch.errors import ConfigError, ForbiddenError, InputError, NotFoundError
from sanctionwatch.ledger.verify import verify
from sanctionwatch.settings import get_settings
from tests.cases.conftest import Panel
from tests.conftest import DATA

US_ONLY = Audience(Scope.ORIGINATOR, "US", frozenset(), Tlp.RED)
US_KR = Audience(Scope.MEMBERS, "US", frozenset({"KR"}), Tlp.AMBER)
US_KR_JP = Audience(Scope.MEMBERS, "US", frozenset({"KR", "JP"}), Tlp.AMBER)
ALL = Audience(Scope.ALL, "US", frozenset(), Tlp.AMBER)
AIS_CSV = (DATA / "ais" / "dma_aisdk_20180208_sample.csv").read_bytes()
NDJSON = (DATA / "ftm" / "sample.ftm.json").read_bytes()


def png() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def add(conn: Connection, actor: User, source_id: str, **kw: object) -> evidence.Evidence:
    values: dict[str, object] = {
        "kind": EvidenceKind.AIS_EXTRACT,
        "title": "DMA AIS sample, 8 Feb 2018",
        "source_id": source_id,
        "content": AIS_CSV,
        "media_type": "text/csv",
        "audience": US_KR,
    }
    return evidence.add(conn, actor, **{**values, **kw})  # type: ignore[arg-type]


@pytest.fixture
def src(panel: Panel) -> str:
    """A source of the US, readable by the US, Korea and Japan, graded B."""
    with panel.engine.begin() as conn:
        made = sources.add(conn, panel["us.contributor"], "DMA", "", Reliability.B, US_KR_JP)
    return made.id


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("SANCTIONWATCH_EVIDENCE_MAX_BYTES", "1000")
    get_settings.cache_clear()
    yield 1000
    get_settings.cache_clear()


def test_add_keeps_custody_and_content(panel: Panel, src: str) -> None:
    obtained = datetime(2018, 2, 9, 12, tzinfo=UTC)
    with panel.engine.begin() as conn:
        item = add(conn, panel["us.contributor"], src, obtained_at=obtained, ref="dma:2018-02-08")
        assert item.sha256 == hashlib.sha256(AIS_CSV).hexdigest()
        assert (item.size, item.media_type, item.obtained_at) == (
            len(AIS_CSV),
            "text/csv",
            obtained,
        )
        assert (item.created_by, item.reliability, item.credibility) == (
            "us.contributor",
            Reliability.B,
            None,
        )
        assert evidence.content(conn, panel["kr.observer"], item.id) == (AIS_CSV, "text/csv")
        graded = evidence.grade(conn, panel["kr.reviewer"], item.id, Credibility.PROBABLY_TRUE, "")
        assert (graded.credibility, graded.graded_by) == (Credibility.PROBABLY_TRUE, "kr.reviewer")
        assert evidence.get(conn, panel["us.analyst"], item.id) == graded


def test_same_bytes_are_stored_once(panel: Panel, src: str) -> None:
    with panel.engine.begin() as conn:
        first = add(conn, panel["us.contributor"], src)
        second = add(conn, panel["us.analyst"], src, title="the same file again")
        assert first.id != second.id and first.sha256 == second.sha256
        blobs = select(func.count()).select_from(tables.blobs)
        assert conn.execute(blobs).scalar_one() == 1
        add(conn, panel["us.analyst"], src, content=png(), media_type="image/png")
        assert conn.execute(blobs).scalar_one() == 2


def test_upload_types_are_checked(panel: Panel, src: str) -> None:
    refused = {
        ("image/png", AIS_CSV): "not a PNG",
        ("application/pdf", png()): "not a PDF",
        ("image/jpeg", png()): "not a JPEG",
        ("text/plain", png()): "not UTF-8",
        ("text/csv", b"a,b\x00,c\n"): "binary",
        ("application/json", NDJSON): "not JSON",
        ("application/geo+json", b'{"type": "Vessel"}'): "not a GeoJSON",
        ("application/x-msdownload", b"MZ\x90\x00"): "not accepted",
        ("text/csv", b""): "empty",
    }
    with panel.engine.begin() as conn:
        for (media, content), why in refused.items():
            with pytest.raises(InputError, match=why):
                add(conn, panel["us.analyst"], src, content=content, media_type=media)
        ok = add(conn, panel["us.analyst"], src, media_type="Text/CSV; charset=utf-8")
        assert ok.media_type == "text/csv"
        point = b'{"type": "Point", "coordinates": [124.1, 38.2]}'
        assert add(conn, panel["us.analyst"], src, content=point, media_type="application/geo+json")
        jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
        assert add(conn, panel["us.analyst"], src, content=jpeg, media_type="image/jpeg")
        assert add(
            conn, panel["us.analyst"], src, content=b"%PDF-1.7\n", media_type="application/pdf"
        )


def test_uploads_are_size_limited(panel: Panel, src: str, small_limit: int) -> None:
    with panel.engine.begin() as conn:
        with pytest.raises(InputError, match=f"limit is {small_limit}"):
            add(conn, panel["us.analyst"], src)
        fits = b"x" * small_limit
        assert (
            add(conn, panel["us.analyst"], src, content=fits, media_type="text/plain").size == 1000
        )


def test_default_limit_is_20_mib(panel: Panel, src: str) -> None:
    assert get_settings().evidence_max_bytes == 20 * 1024 * 1024
    with panel.engine.begin() as conn, pytest.raises(InputError, match="limit"):
        add(conn, panel["us.analyst"], src, content=b"a" * (20 * 1024 * 1024 + 1))


def test_audience_no_wider_than_source_and_inputs(panel: Panel, src: str) -> None:
    with panel.engine.begin() as conn:
        with pytest.raises(InputError, match="wider"):
            add(conn, panel["us.analyst"], src, audience=ALL)  # the source is US, KR, JP only
        secret = add(conn, panel["us.analyst"], src, audience=US_ONLY)
        with pytest.raises(InputError, match="wider"):
            add(conn, panel["us.analyst"], src, audience=US_KR, derived_from=[secret.id])
        amber_strict = Audience(Scope.ORIGINATOR, "US", frozenset(), Tlp.AMBER_STRICT)
        with pytest.raises(InputError, match="wider"):  # a looser label than RED
            add(conn, panel["us.analyst"], src, audience=amber_strict, derived_from=[secret.id])
        child = add(conn, panel["us.analyst"], src, audience=US_ONLY, derived_from=[secret.id])
        assert child.derived_from == (secret.id,)
        with pytest.raises(NotFoundError):  # Korea cannot derive from what it cannot read
            add(conn, panel["kr.analyst"], src, audience=US_KR, derived_from=[secret.id])


def test_lineage_follows_every_ancestor(panel: Panel, src: str) -> None:
    with panel.engine.begin() as conn:
        a = add(conn, panel["us.analyst"], src)
        b = add(conn, panel["us.analyst"], src, derived_from=[a.id])
        c = add(conn, panel["us.analyst"], src, content=png(), media_type="image/png")
        d = add(conn, panel["us.analyst"], src, derived_from=[b.id, c.id])
        assert evidence.lineage(conn, d.id) == {a.id, b.id, c.id}
        assert evidence.lineage(conn, a.id) == set()


def test_not_readable_is_not_found_and_roles_forbidden(panel: Panel, src: str) -> None:
    with panel.engine.begin() as conn:
        item = add(conn, panel["us.analyst"], src, audience=US_ONLY)
        missing = "ev-" + "0" * 32
        for user in (panel["kr.analyst"], panel["sec.admin"], None):
            for call in (evidence.get, evidence.content):
                with pytest.raises(NotFoundError) as hidden:
                    call(conn, user, item.id)
                with pytest.raises(NotFoundError) as absent:
                    call(conn, user, missing)
                assert str(hidden.value).replace(item.id, "?") == str(absent.value).replace(
                    missing, "?"
                )
        with pytest.raises(NotFoundError):
            evidence.grade(conn, panel["kr.reviewer"], item.id, Credibility.CONFIRMED, "")
        with pytest.raises(ForbiddenError):
            evidence.grade(conn, panel["us.observer"], item.id, Credibility.CONFIRMED, "")
        with pytest.raises(ForbiddenError):
            add(conn, panel["us.observer"], src)
        with pytest.raises(NotFoundError):  # a source it cannot read
            add(conn, panel["nz.analyst"], src, audience=Audience(Scope.ORIGINATOR, "NZ"))


def test_lists_hold_only_readable_items(panel: Panel, src: str) -> None:
    with panel.engine.begin() as conn:
        a = add(conn, panel["us.analyst"], src, audience=US_ONLY)
        b = add(conn, panel["us.analyst"], src, audience=US_KR)
        c = add(conn, panel["us.analyst"], src, audience=US_KR_JP)
        ids = lambda u: [e.id for e in evidence.list_evidence(conn, u)]  # noqa: E731
        assert ids(panel["us.observer"]) == [a.id, b.id, c.id]
        assert ids(panel["kr.observer"]) == [b.id, c.id]
        assert ids(panel["jp.observer"]) == [c.id]
        assert ids(panel["nz.observer"]) == ids(None) == []
        case = casework.open_case(conn, panel["us.analyst"], "STS", Topic.PETROLEUM, "", US_ONLY)
        for item in (a, b):
            links.link(conn, panel["us.analyst"], case.id, links.LinkKind.EVIDENCE, item.id)
        listed = evidence.list_evidence(conn, panel["us.observer"], case.id)
        assert [e.id for e in listed] == [a.id, b.id]
        with pytest.raises(NotFoundError):
            evidence.list_evidence(conn, panel["kr.observer"], case.id)


def test_non_readers_see_only_a_keyed_commitment(panel: Panel, src: str) -> None:
    with panel.engine.begin() as conn:
        item = add(conn, panel["us.analyst"], src, audience=US_ONLY)
        plain = hashlib.sha256(AIS_CSV).hexdigest()
        full = cited.citation_view(conn, panel["us.observer"], item.id)
        assert (full["id"], full["title"], full["sha256"]) == (item.id, item.title, plain)
        sealed = cited.citation_view(conn, panel["kr.observer"], item.id)
        assert sealed == {"commitment": full["commitment"]}
        assert cited.citation_view(conn, None, item.id) == sealed
        assert sealed["commitment"] != plain and len(sealed["commitment"]) == 64
        assert sealed["commitment"] == evidence.commitment(conn, item)
        same_bytes = add(conn, panel["us.analyst"], src, audience=US_KR)
        assert evidence.commitment(conn, same_bytes) != sealed["commitment"]  # per audience
        with pytest.raises(NotFoundError):
            cited.citation_view(conn, panel["us.observer"], "ev-" + "0" * 32)
    with panel.engine.connect() as conn:  # the key is kept: the commitment is stable
        assert cited.citation_view(conn, panel["nz.analyst"], item.id) == sealed


def test_the_commitment_secret_is_made_by_the_migration_and_is_per_database(
    engine: Engine, tmp_path: Path
) -> None:
    with engine.connect() as conn:  # no evidence yet: the migration made the secret
        stored = conn.execute(select(tables.deployment_secrets.c.value)).scalar_one()
        assert commit.secret(conn) == bytes(stored) and len(stored) == 32
        made = commit.commit(conn, US_ONLY, "0" * 64)
    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}")
    with other.connect() as conn:
        assert commit.commit(conn, US_ONLY, "0" * 64) != made  # each database its own secret
    other.dispose()
    engine.dispose()  # a new pool, as after a restart: the same secret, read again
    with engine.connect() as conn:
        assert commit.commit(conn, US_ONLY, "0" * 64) == made
    with engine.begin() as conn:
        conn.execute(delete(tables.deployment_secrets))
    engine.dispose()
    with engine.connect() as conn, pytest.raises(ConfigError, match="cs_secrets"):
        commit.secret(conn)


def test_obtained_at_is_checked(panel: Panel, src: str) -> None:
    with panel.engine.begin() as conn:
        with pytest.raises(InputError, match="future"):
            add(conn, panel["us.analyst"], src, obtained_at=datetime.now(UTC) + timedelta(days=1))
        with pytest.raises(InputError, match="time zone"):
            add(conn, panel["us.analyst"], src, obtained_at=datetime(2018, 2, 9))


def test_ledger_covers_evidence(panel: Panel, src: str) -> None:
    with panel.engine.begin() as conn:
        item = add(conn, panel["us.analyst"], src, credibility=Credibility.POSSIBLY_TRUE)
        evidence.grade(conn, panel["kr.analyst"], item.id, Credibility.CONFIRMED, "seen")
    with panel.engine.begin() as conn:
        assert verify(conn).ok
        entry = conn.execute(select(tables.evidence.c.entry)).scalar_one()
        conn.execute(text("UPDATE cs_evidence SET title = 'something else'"))
        report = verify(conn)
        assert not report.ok and [p.index for p in report.problems] == [entry]
