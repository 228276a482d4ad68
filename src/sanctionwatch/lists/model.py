"""Domain types of the designations registry: what a parser hands to the store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from followthemoney.proxy import EntityProxy


@dataclass(frozen=True)
class Record:
    """Everything one list record says: the designated thing plus its satellites.

    `record_id` is the list's own id for the record (UN reference number such as
    ``KPi.066``, OFAC UID ``17069``, EU logical id, ...). `main` is the designated
    person, organization, vessel...; `others` are the Sanction, Passport,
    Identification, Address, CryptoWallet, Ownership/UnknownLink entities that
    hang off it. Every statement of every entity here carries `record_id` as
    provenance.
    """

    record_id: str
    main: EntityProxy
    others: tuple[EntityProxy, ...] = ()

    def entities(self) -> Iterator[EntityProxy]:
        yield self.main
        yield from self.others


@dataclass
class ParsedList:
    """One published version of one list, parsed lazily.

    `source` is the registry's name of the list (``un``, ``ofac-sdn``,
    ``ofac-cons``, ``eu``, ``uk``, ``au`` or an FtM dataset name); `version` is
    the publication date as ISO ``YYYY-MM-DD`` (None when the file does not
    say; the loader then asks the caller or the path). `records` is a
    generator: parsing errors surface as `ParseError` while iterating.
    """

    source: str
    format: str
    paths: tuple[Path, ...]
    version: str | None
    records: Iterator[Record]
    url: str | None = None
    notes: list[str] = field(default_factory=list)
