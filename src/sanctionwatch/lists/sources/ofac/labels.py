"""OFAC's own words, shared by its CSV and XML parsers.

Both publications come out of one OFAC database, so a fact carries the same
label in a CSV Remarks segment (``Vessel Flag Iran``), a classic XML ``idType``
and an advanced XML feature type. `PROPERTIES` maps the labels that name a
plain property of the designated entity. Each parser reads the value its own
way (the CSV from free text, the XML from an element) and adds the labels it
alone knows, so that neither parser's output changes.
"""

from __future__ import annotations

PREFIX = "ofac"
AUTHORITY = "Office of Foreign Assets Control"
DETAIL_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={uid}"

PROPERTIES: dict[str, str] = {
    "Gender": "gender",
    "Email Address": "email",
    "Website": "website",
    "Phone Number": "phone",
    "Organization Established Date": "incorporationDate",
    "Target Type": "legalForm",
    "Nationality of Registration": "jurisdiction",
    "SWIFT/BIC": "swiftBic",
    "D-U-N-S Number": "dunsCode",
    "BIK (RU)": "bikCode",
    "BIK": "bikCode",
    "ISIN": "isinCode",
    "Equity Ticker": "ticker",
    "MMSI": "mmsi",
    "Vessel Flag": "flag",
    "Former Vessel Flag": "pastFlags",
    "Other Vessel Flag": "pastFlags",
    "Other Vessel Type": "type",
    "Vessel Call Sign": "callSign",
    "Other Vessel Call Sign": "callSign",
    "Vessel Year of Build": "buildDate",
    "Aircraft Model": "model",
    "Aircraft Manufacture Date": "buildDate",
    "Aircraft Manufacturer's Serial Number (MSN)": "serialNumber",
    "Aircraft Construction Number (also called L/N or S/N or F/N)": "serialNumber",
    "Aircraft Serial Identification": "serialNumber",
    "Aircraft Tail Number": "registrationNumber",
    "Previous Aircraft Tail Number": "registrationNumber",
}
