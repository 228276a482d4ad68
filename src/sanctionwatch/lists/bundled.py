"""The real lists shipped inside the package, so `make run` works offline."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "lists"


def paths() -> list[Path]:
    """The bundled list files in load order: the UN list, then the OFAC SDN extract."""
    return [
        DATA / "un" / "consolidated-2026-02-27.xml",
        DATA / "ofac-sdn-2024-05-03" / "sdn.csv",
    ]
