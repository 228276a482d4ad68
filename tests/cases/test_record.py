"""Every change of the context is in the ledger: a direct SQL edit, deletion or insertion fails
`ledger verify`, naming the entry of the row."""

from __future__ import annotations

from sqlalchemy import select, text

from sanctionwatch.cases import tables
from sanctionwatch.cases.record import as_payload, subject
from sanctionwatch.ledger.verify import verify
from tests.cases.conftest import Panel


def _role_row(panel: Panel, user: str) -> dict[str, object]:
    with panel.engine.connect() as conn:
        row = (
            conn.execute(select(tables.roles).where(tables.roles.c.user_name == user))
            .mappings()
            .one()
        )
    return dict(row)


def test_edited_row_names_its_entry(panel: Panel) -> None:
    row = _role_row(panel, "jp.observer")
    with panel.engine.begin() as conn:
        conn.execute(
            text("UPDATE cs_roles SET role = 'delegate' WHERE id = :id"), {"id": row["id"]}
        )
        report = verify(conn)
    assert not report.ok
    assert report.first_bad_entry == row["entry"]


def test_deleted_row_names_its_entry(panel: Panel) -> None:
    row = _role_row(panel, "au.reviewer")
    with panel.engine.begin() as conn:
        conn.execute(text("DELETE FROM cs_roles WHERE id = :id"), {"id": row["id"]})
        report = verify(conn)
    assert report.first_bad_entry == row["entry"]


def test_unlogged_row_is_reported(panel: Panel) -> None:
    row = _role_row(panel, "nz.analyst")
    with panel.engine.begin() as conn:
        forged = {**row, "id": "role-forged", "entry": None, "role": "admin"}
        conn.execute(tables.roles.insert().values(**forged))
        report = verify(conn)
    assert not report.ok
    assert any("role-forged" in str(p) for p in report.problems)


def test_payload_and_subject_are_stable() -> None:
    from datetime import UTC, datetime

    row = {
        "id": "x",
        "created_at": datetime(2026, 1, 1, tzinfo=UTC),
        "created_by": "a",
        "user_name": "u",
        "role": "admin",
        "granted": 1,
    }
    naive = {**row, "created_at": datetime(2026, 1, 1)}
    assert as_payload(tables.roles, row) == as_payload(tables.roles, naive)
    assert (
        subject(tables.roles, "x").startswith("cs:") and "x" not in subject(tables.roles, "x")[3:4]
    )


def test_the_public_sees_only_leaf_hashes_of_investigation_entries(panel: Panel) -> None:
    from fastapi.testclient import TestClient

    from sanctionwatch.api.app import create_app
    from sanctionwatch.cases import auth

    row = _role_row(panel, "kr.delegate")
    with panel.engine.begin() as conn:
        token = auth.issue(conn, "jp.observer", "test", None)
    client = TestClient(create_app(panel.engine))
    public = client.get(f"/ledger/entries/{row['entry']}").json()
    assert set(public) == {"index", "leaf_hash"}
    member = client.get(
        f"/ledger/entries/{row['entry']}", headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert member["leaf_hash"] == public["leaf_hash"]
    assert member["statement"]["kind"] == "cases.change"
    assert member["statement"]["author"] == "kr.admin" and member["payload"] is None
