"""First pass over ``sdn_advanced.xml``: the tables a DistinctParty refers to.

The advanced publication is normalised: a party points by id into
``ReferenceValueSets`` (feature types, countries, name part types...),
``Locations``, ``IDRegDocuments`` (by identity), ``SanctionsEntries`` and
``ProfileRelationships`` (by profile). The last two come *after* the parties in
the file, so one streaming pass collects these compact tables and a second
pass reads the parties (see `advanced`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.sources.common import iter_xml, local, text_of
from sanctionwatch.lists.sources.ofac.entry import strip_namespaces

TABLE_TAGS = {
    "ReferenceValueSets",
    "Location",
    "IDRegDocument",
    "SanctionsEntry",
    "ProfileRelationship",
}


@dataclass(frozen=True)
class Document:
    kind_id: str
    number: str | None
    country_id: str | None
    dates: tuple[tuple[str, str | None], ...]  # (IDRegDocDateTypeID, ISO date)


@dataclass(frozen=True)
class Measures:
    """What the SanctionsEntries of one profile say."""

    list_ids: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    provisions: list[str] = field(default_factory=list)
    listed: list[str] = field(default_factory=list)
    basis_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Relation:
    to_profile: str
    type_id: str


@dataclass
class Tables:
    path: Path
    refs: dict[tuple[str, str], Element] = field(default_factory=dict)
    locations: dict[str, Element] = field(default_factory=dict)
    documents: dict[str, list[Document]] = field(default_factory=lambda: defaultdict(list))
    entries: dict[str, Measures] = field(default_factory=lambda: defaultdict(Measures))
    relations: dict[str, list[Relation]] = field(default_factory=lambda: defaultdict(list))
    profiles: dict[str, str] = field(default_factory=dict)  # Profile ID -> FixedRef

    def ref(self, kind: str, ref_id: str | None, where: str) -> str:
        """Text of reference value `kind` #`ref_id` (``FeatureType`` 8 -> ``Birthdate``)."""
        node = self.ref_node(kind, ref_id, where)
        return " ".join((node.text or "").split())

    def ref_node(self, kind: str, ref_id: str | None, where: str) -> Element:
        node = self.refs.get((kind, ref_id or ""))
        if node is None:
            raise ParseError(self.path, where, f"unknown {kind} reference {ref_id!r}")
        return node


def read_tables(path: Path) -> Tables:
    tables = Tables(path=path)
    for _, element in iter_xml(path, TABLE_TAGS | {"DistinctParty"}):
        node = strip_namespaces(element)
        if node.tag == "DistinctParty":  # read in the second pass; here only its ids
            profile = node.find("Profile")
            if profile is not None and node.get("FixedRef"):
                tables.profiles[profile.get("ID", "")] = node.get("FixedRef", "")
            continue
        if node.tag == "ReferenceValueSets":
            _refs(tables, node)
        elif node.tag == "Location":
            tables.locations[node.get("ID", "")] = _detached(node)
        elif node.tag == "IDRegDocument":
            tables.documents[node.get("IdentityID", "")].append(_document(node))
        elif node.tag == "SanctionsEntry":
            _entry(tables, node)
        else:
            relation = Relation(node.get("To-ProfileID", ""), node.get("RelationTypeID", ""))
            tables.relations[node.get("From-ProfileID", "")].append(relation)
    return tables


def _detached(node: Element) -> Element:
    """A copy that survives `iter_xml` clearing the original."""
    copy = Element(node.tag, dict(node.attrib))
    copy.text = node.text
    copy.extend(_detached(child) for child in node)
    return copy


def _refs(tables: Tables, node: Element) -> None:
    for group in node:
        for value in group:
            tables.refs[(local(value.tag), value.get("ID", ""))] = _detached(value)


def _document(node: Element) -> Document:
    dates = tuple(
        (date.get("IDRegDocDateTypeID", ""), period_dates(date.find("DatePeriod"))[0])
        for date in node.findall("DocumentDate")
    )
    return Document(
        kind_id=node.get("IDRegDocTypeID", ""),
        number=text_of(node, "IDRegistrationNo"),
        country_id=node.get("IssuedBy-CountryID"),
        dates=dates,
    )


def _entry(tables: Tables, node: Element) -> None:
    measures = tables.entries[node.get("ProfileID", "")]
    measures.list_ids.append(node.get("ListID", ""))
    for event in node.findall("EntryEvent"):
        measures.listed.extend(d for d in [date_of(event.find("Date"))] if d)
        measures.basis_ids.extend(b for b in [event.get("LegalBasisID")] if b)
    for measure in node.findall("SanctionsMeasure"):
        kind = tables.ref("SanctionsType", measure.get("SanctionsTypeID"), _where(node))
        comment = text_of(measure, "Comment")
        if kind.lower() == "program" and comment:
            measures.programs.append(comment)
        else:
            measures.provisions.append(kind)


def _where(node: Element) -> str:
    return f"SanctionsEntry {node.get('ID')} (profile {node.get('ProfileID')})"


def date_of(node: Element | None) -> str | None:
    """ISO date (with the precision given) of an element holding Year/Month/Day."""
    if node is None:
        return None
    year, month, day = (text_of(node, tag) for tag in ("Year", "Month", "Day"))
    if not year:
        return None
    parts = [year, *([month, *([day] if day else [])] if month else [])]
    if all(p.isdigit() for p in parts):
        parts = [parts[0], *(f"{int(p):02d}" for p in parts[1:])]
    return "-".join(parts)  # a non-numeric part stays visible (put() keeps it as a note)


def period_dates(period: Element | None) -> list[str | None]:
    """The dates a DatePeriod stands for: one date, a run of years, or start and end."""
    if period is None:
        return [None]
    start = date_of(period.find("Start/From")) or date_of(period.find("Start/To"))
    end = date_of(period.find("End/To")) or date_of(period.find("End/From"))
    if start is None or end is None or start == end:
        return [start or end]
    first, last = start[:4], end[:4]
    whole_years = start.endswith("-01-01") and end.endswith("-12-31")
    if whole_years and first.isdigit() and last.isdigit() and 0 <= int(last) - int(first) <= 20:
        return [str(year) for year in range(int(first), int(last) + 1)]
    return [start, end]
