"""List formats: one module per official format, found through a plain registry.

`FORMAT_MODULES` names the modules relative to this package; a publisher with
several formats or helper modules has a subpackage (``ofac.sdn_csv``,
``uk.fcdo_xml``). Each format module exposes a `FORMAT` object with:

- `name`: short format id (``un-xml``, ``ofac-csv``, ...);
- `sniff(path, head) -> bool`: True when `path` is the *primary* file of this
  format (`head` holds its first 4 KiB); companion files (OFAC ``add.csv``...)
  are not primary;
- `parse(path) -> ParsedList`: parse the primary file, reading companions
  beside it.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Protocol

from sanctionwatch.lists.model import ParsedList


class ListFormat(Protocol):
    name: str

    def sniff(self, path: Path, head: bytes) -> bool: ...

    def parse(self, path: Path) -> ParsedList: ...


FORMAT_MODULES = (
    "un",
    "ofac.sdn_csv",
    "ofac.sdn_xml",
    "eu",
    "uk.fcdo_xml",
    "au",
    "ftm",
)


def formats() -> list[ListFormat]:
    """Every available list format, in sniffing order."""
    modules = [importlib.import_module(f"{__name__}.{name}") for name in FORMAT_MODULES]
    return [module.FORMAT for module in modules]
