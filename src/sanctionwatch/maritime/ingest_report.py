"""What one ingest into the positions store did."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from sanctionwatch.maritime.model import Rejects
from sanctionwatch.maritime.validate import merge_rejects

Kind = Literal["positions", "identities"]


def _add(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    total = Counter(a)
    total.update(b)
    return dict(sorted(total.items()))


@dataclass(frozen=True)
class IngestReport:
    """Rows added per kind and day, rows skipped as already stored, rows refused by reason."""

    added: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> day -> rows
    duplicates: dict[str, int] = field(default_factory=dict)  # kind -> rows already stored
    rejects: Rejects = field(default_factory=Rejects)
    files: tuple[str, ...] = ()  # new partition files, relative to the store root
    inputs: int = 1  # files read

    def rows_added(self, kind: Kind = "positions") -> int:
        return sum(self.added.get(kind, {}).values())

    @property
    def nothing_new(self) -> bool:
        """True when the ingest added no row (e.g. the same file ingested again)."""
        return not self.files

    def merge(self, other: IngestReport) -> IngestReport:
        kinds = sorted(set(self.added) | set(other.added))
        return IngestReport(
            added={k: _add(self.added.get(k, {}), other.added.get(k, {})) for k in kinds},
            duplicates=_add(self.duplicates, other.duplicates),
            rejects=merge_rejects(self.rejects, other.rejects),
            files=self.files + other.files,
            inputs=self.inputs + other.inputs,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "added": self.added,
            "rows_added": {k: self.rows_added(k) for k in ("positions", "identities")},
            "duplicates": self.duplicates,
            "rejects": self.rejects.counts,
            "files": list(self.files),
        }

    def summary(self) -> str:
        """One line for people, e.g. "3 files: 18,620 positions and 0 identities added ..."."""
        if self.nothing_new:
            head = f"{self.inputs} file(s): nothing new (all rows already stored)"
        else:
            head = (
                f"{self.inputs} file(s): {self.rows_added('positions'):,} positions and "
                f"{self.rows_added('identities'):,} identities added "
                f"over {len(self.added.get('positions', {}))} day(s)"
            )
        skipped = sum(self.duplicates.values())
        refused = ", ".join(f"{reason} {n:,}" for reason, n in self.rejects.counts.items())
        return f"{head}; {skipped:,} already stored; rejected: {refused or 'none'}"
