"""OFAC SDN and Consolidated (non-SDN) lists in OFAC's legacy CSV format.

Two sets share one format and one id space (OFAC's UID, ``ent_num``):

- SDN: ``sdn.csv`` (primary) with ``add.csv``, ``alt.csv`` and
  ``sdn_comments.csv`` beside it; source ``ofac-sdn``.
- Consolidated non-SDN: ``cons_prim.csv`` with ``cons_add.csv``,
  ``cons_alt.csv`` and ``cons_comments.csv``; source ``ofac-cons``.

Companions are optional; a comments file continues Remarks that OFAC cut
at 1,000 characters. The files carry no publication date, so `version` is
None. Entity ids are ``ofac-<UID>`` so the OFAC XML parser yields the same
ids. Remarks are parsed by `remarks`, records built by `records`.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.model import ParsedList, Record
from sanctionwatch.lists.sources.ofac.files import (
    BOM,
    Row,
    ends_with_eof_mark,
    read_table,
    sibling,
)
from sanctionwatch.lists.sources.ofac.links import NameIndex
from sanctionwatch.lists.sources.ofac.records import Entry, ListData, build_record
from sanctionwatch.lists.sources.ofac.remarks import Prop, parse_remarks

REMARKS_LIMIT = 1000
_FIRST_LINE = re.compile(r'^\d+,"')
_ALIAS_PROPS = frozenset({"alias", "weakAlias", "previousName"})


@dataclass(frozen=True)
class ListFiles:
    """The file names and source of one OFAC CSV set."""

    source: str
    addresses: str
    aliases: str
    comments: str
    url: str


_SETS = {
    "sdn.csv": ListFiles(
        "ofac-sdn",
        "add.csv",
        "alt.csv",
        "sdn_comments.csv",
        "https://www.treasury.gov/ofac/downloads/sdn.csv",
    ),
    "cons_prim.csv": ListFiles(
        "ofac-cons",
        "cons_add.csv",
        "cons_alt.csv",
        "cons_comments.csv",
        "https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv",
    ),
}
_MISSING = {
    "addresses": "records carry no addresses",
    "aliases": "records carry only the weak aliases quoted in the remarks",
    "comments": "remarks longer than 1,000 characters are cut off",
}
_WIDTHS = {"primary": 12, "addresses": 6, "aliases": 5, "comments": 2}


class OfacCsvFormat:
    name = "ofac-csv"

    def sniff(self, path: Path, head: bytes) -> bool:
        """True for ``sdn.csv`` / ``cons_prim.csv`` whose first line has 12 columns."""
        if path.name.lower() not in _SETS:
            return False
        first = head.removeprefix(BOM).split(b"\n", 1)[0].rstrip(b"\r").decode("latin-1")
        if not _FIRST_LINE.match(first):
            return False
        try:
            fields = next(csv.reader((first,), strict=True))
        except csv.Error:
            return False
        return len(fields) == _WIDTHS["primary"]

    def parse(self, path: Path) -> ParsedList:
        files = _SETS.get(path.name.lower())
        if files is None:
            raise ParseError(path, None, "not an OFAC primary file (sdn.csv or cons_prim.csv)")
        companions = {
            kind: sibling(path, getattr(files, kind))
            for kind in ("addresses", "aliases", "comments")
        }
        present = tuple(p for p in companions.values() if p is not None)
        return ParsedList(
            source=files.source,
            format=self.name,
            paths=(path, *present),
            version=None,
            records=_records(path, files, companions),
            url=files.url,
            notes=_notes(path, files, companions),
        )


def _notes(path: Path, files: ListFiles, companions: dict[str, Path | None]) -> list[str]:
    """Warnings for the loader: missing companions, a file that may be cut short."""
    notes = [
        f"{getattr(files, kind)} not found beside {path.name}: {_MISSING[kind]}"
        for kind, companion in companions.items()
        if companion is None
    ]
    if path.is_file() and not ends_with_eof_mark(path):
        notes.append(f"{path.name} does not end with OFAC's end-of-file mark: it may be truncated")
    return notes


def _records(path: Path, files: ListFiles, companions: dict[str, Path | None]) -> Iterator[Record]:
    data = load(path, files, companions)
    for entry in data.entries:
        yield build_record(entry, data)


def load(path: Path, files: ListFiles, companions: dict[str, Path | None]) -> ListData:
    """Read the primary file and its companions; index every name."""
    rows = read_table(path, _WIDTHS["primary"])
    if not rows:
        raise ParseError(path, None, "no records")
    uids = _unique_uids(path, rows)
    extra = {
        kind: _grouped(companion, _WIDTHS[kind], uids, path.name)
        for kind, companion in companions.items()
        if companion is not None
    }
    comments_missing = companions["comments"] is None
    entries = [_entry(row, extra, comments_missing) for row in rows]
    note = f"{files.comments} was not found beside {path.name}" if comments_missing else ""
    return ListData(
        path=path,
        source=files.source,
        entries=entries,
        index=_index(entries),
        missing_comments=note,
    )


def _unique_uids(path: Path, rows: list[Row]) -> set[str]:
    seen: set[str] = set()
    for row in rows:
        uid = uid_of(row)
        if uid in seen:
            raise ParseError(path, row.where, f"duplicate ent_num {uid}")
        seen.add(uid)
    return seen


def uid_of(row: Row) -> str:
    return str(int(row.value(0)))


def _grouped(path: Path, width: int, uids: set[str], primary: str) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in read_table(path, width):
        uid = uid_of(row)
        if uid not in uids:
            raise ParseError(path, row.where, f"ent_num {uid} is not listed in {primary}")
        grouped[uid].append(row)
    return grouped


def _entry(row: Row, extra: dict[str, dict[str, list[Row]]], comments_missing: bool) -> Entry:
    uid = uid_of(row)
    continuation = extra.get("comments", {}).get(uid, [])
    remarks = row.raw(11) + "".join(c.raw(1) for c in continuation)
    truncated = comments_missing and len(row.raw(11)) >= REMARKS_LIMIT
    return Entry(
        row=row,
        uid=uid,
        remarks=remarks.strip(),
        truncated=truncated,
        facts=tuple(parse_remarks(remarks, truncated)),
        addresses=tuple(extra.get("addresses", {}).get(uid, [])),
        aliases=tuple(extra.get("aliases", {}).get(uid, [])),
    )


def _index(entries: list[Entry]) -> NameIndex:
    index = NameIndex()
    for entry in entries:
        index.add(entry.row.value(1), entry.uid, primary=True)
        for alias in entry.aliases:
            index.add(alias.value(3), entry.uid, primary=False)
        for fact in entry.facts:
            if isinstance(fact, Prop) and fact.name in _ALIAS_PROPS:
                index.add(fact.value, entry.uid, primary=False)
    return index


FORMAT = OfacCsvFormat()
