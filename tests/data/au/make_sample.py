"""Build ``regulation8_consolidated-2026-02-27.xlsx``: a HAND-WRITTEN sample of DFAT's list.

No real DFAT workbook is available offline, so this script writes one by hand in
the published layout (one sheet, the header row of ``regulation8_consolidated.xlsx``
as read by public parsers of it, one row per name: ``5801`` the primary name,
``5801a``... the other names). The designations are real UN 1718 (DPRK)
designations: names, aliases and their quality, dates of birth, passport numbers,
UN reference numbers and addresses are copied from the real UN consolidated list
of 2026-02-27 (tests/data/un/consolidated-2026-02-27.xml); the ship YU JONG 2
(IMO 8604917) and its registered owner are those of the UN 1718 Committee
designation of 30 March 2018. DFAT's own reference numbers and the wording of the
free-text cells are illustrative, not copied from the DFAT file.

The output is byte-for-byte reproducible: zip timestamps and the workbook's
created/modified dates are fixed (modified = the list's publication date).

    .venv/bin/python tests/data/au/make_sample.py
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl

OUT = Path(__file__).with_name("regulation8_consolidated-2026-02-27.xlsx")
PUBLISHED = "2026-02-27T06:00:00Z"
ZIP_TIME = (2026, 2, 27, 6, 0, 0)
HEADER = [
    "Reference", "Name of Individual or Entity", "Type", "Name Type", "Alias Strength",
    "Date of Birth", "Place of Birth", "Citizenship", "Address", "Additional Information",
    "Listing Information", "IMO Number", "Committees", "Control Date",
    "Instrument of Designation", "Targeted Financial Sanction", "Travel Ban", "Arms Embargo",
    "Maritime Restriction",
]  # fmt: skip
DPRK = "Democratic People's Republic of Korea"
UN_1718 = "1718 (DPRK)"
INSTRUMENT = "Charter of the United Nations (Sanctions—Democratic People's Republic of Korea) Regulations 2008"  # noqa: E501
NOTE = "Hand-written sample in the DFAT consolidated list layout (see make_sample.py)."


def row(reference: str, name: str, kind: str, name_type: str, **cells: object) -> list[object]:
    values = {"Reference": reference, "Name of Individual or Entity": name, "Type": kind}
    values |= {"Name Type": name_type, "Committees": UN_1718}
    values |= {key.replace("_", " "): value for key, value in cells.items()}
    return [values.get(column) for column in HEADER]


def alias(reference: str, name: str, kind: str, strength: str = "Strong") -> list[object]:
    return row(reference, name, kind, "aka", Alias_Strength=strength)


def rows() -> list[list[object]]:
    kim = {
        "Date_of_Birth": datetime(1962, 2, 18),
        "Citizenship": DPRK,
        "Additional_Information": "KOMID Representative. Served as the KOMID representative "
        "in Iran. Passport no: 472310168. UN Ref KPi.024",
        "Listing_Information": datetime(2016, 3, 2),
        "Control_Date": datetime(2022, 7, 26),
        "Instrument_of_Designation": INSTRUMENT,
        "Targeted_Financial_Sanction": "Yes",
        "Travel_Ban": "Yes",
    }
    choe = {
        "Date_of_Birth": "25/07/1978",
        "Citizenship": DPRK,
        "Additional_Information": "Former overseas Foreign Trade Bank representative. "
        "Gender: male. UN Ref KPi.064",
        "Listing_Information": datetime(2017, 12, 22),
        "Control_Date": datetime(2023, 6, 29),
        "Instrument_of_Designation": INSTRUMENT,
        "Targeted_Financial_Sanction": True,
        "Travel_Ban": True,
    }
    komid = {
        "Address": f"Central District, Pyongyang, {DPRK}",
        "Additional_Information": "Primary arms dealer and main exporter of goods and "
        "equipment related to ballistic missiles and conventional weapons. UN Ref KPe.001",
        "Listing_Information": datetime(2009, 4, 24),
        "Control_Date": datetime(2009, 4, 24),
        "Instrument_of_Designation": INSTRUMENT,
        "Targeted_Financial_Sanction": "Yes",
    }
    ship = {
        "Additional_Information": "DPRK-flagged tanker. Registered owner: Korea Yujong "
        "Shipping Co Ltd.",
        "Listing_Information": datetime(2018, 3, 30),
        "IMO_Number": 8604917,
        "Control_Date": datetime(2018, 3, 30),
        "Instrument_of_Designation": INSTRUMENT,
        "Targeted_Financial_Sanction": "Yes",
        "Maritime_Restriction": "Yes",
    }
    return [
        row("5770", "Korea Mining Development Trading Corporation", "Entity", "Primary Name",
            **komid),
        alias("5770a", "KOMID", "Entity"),
        alias("5770b", "Changgwang Sinyong Corporation", "Entity"),
        alias("5770c", "External Technology General Corporation", "Entity"),
        alias("5770d", "DPRKN Mining Development Trading Cooperation", "Entity"),
        row("5801", "KIM YONG CHOL", "Individual", "Primary Name", **kim),
        alias("5801a", "Kim Yong-Chol", "Individual"),
        alias("5801b", "Kim Young-Chol", "Individual"),
        alias("5801c", "Kim Young-Cheol", "Individual"),
        alias("5801d", "Young-Chul", "Individual"),
        row("5812", "CH'OE SO'K MIN", "Individual", "Primary Name", **choe),
        alias("5812a", "Choe Sok Min", "Individual", strength="Weak"),
        row("5890", "YU JONG 2", "Entity", "Primary Name", **ship),
    ]  # fmt: skip


def build() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Consolidated List"
    sheet.append(HEADER)
    for values in rows():
        sheet.append(values)
    book.properties.description = NOTE
    raw = io.BytesIO()
    book.save(raw)
    return _reproducible(raw.getvalue())


def _reproducible(data: bytes) -> bytes:
    """Fix zip timestamps and the core properties' dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = content.decode("utf-8")
                for tag in ("created", "modified"):
                    pattern = rf"(<dcterms:{tag}[^>]*>)[^<]*(</dcterms:{tag}>)"
                    text = re.sub(pattern, rf"\g<1>{PUBLISHED}\g<2>", text)
                content = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, content)
    return out.getvalue()


if __name__ == "__main__":
    OUT.write_bytes(build())
