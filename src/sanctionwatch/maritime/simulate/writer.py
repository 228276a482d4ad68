"""Write a scenario as positions.parquet, identities.parquet and truth.json, atomically."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from sanctionwatch.maritime.atomic import write_file
from sanctionwatch.maritime.simulate.model import Scenario


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def write_scenario(scenario: Scenario, out_dir: Path | str) -> dict[str, Path]:
    """Write the three files into out_dir (created if needed); returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / name for name in ("positions.parquet", "identities.parquet", "truth.json")}
    write_file(paths["positions.parquet"], lambda p: pq.write_table(scenario.positions, p))
    write_file(paths["identities.parquet"], lambda p: pq.write_table(scenario.identities, p))
    truth = {
        "synthetic": True,
        "scenario": scenario.name,
        "seed": scenario.seed,
        "source": scenario.source,
        "parameters": scenario.parameters,
        "events": [event.to_json() for event in scenario.truth],
    }
    text = json.dumps(truth, indent=2, ensure_ascii=False) + "\n"
    write_file(paths["truth.json"], lambda p: _write_text(p, text))
    return paths
