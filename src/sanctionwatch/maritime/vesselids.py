"""Vessel identifiers: what an MMSI says (kind, flag) and whether an MMSI or IMO number is valid.

MMSI structure after ITU-R M.585: a ship station is MIDXXXXXX; 00MIDXXXX is a coast station,
0MIDXXXXX a group of ships, 111MIDXXX a search-and-rescue aircraft, 99MIDXXXX an aid to
navigation, 98MIDXXXX a craft associated with a parent ship, 8MIDXXXXX a handheld VHF, and
970/972/974XXXXXX an AIS-SART / man-overboard / EPIRB-AIS device.
"""

from __future__ import annotations

from sanctionwatch.maritime.mids import MID_COUNTRY

__all__ = ["MID_COUNTRY", "mid", "mmsi_country", "mmsi_kind", "valid_imo", "valid_mmsi"]

_DEVICES = {"970": "sart", "972": "mob", "974": "epirb"}


def _digits(mmsi: int | str) -> str | None:
    text = str(mmsi).strip()
    if not text.isdigit() or len(text) > 9:
        return None
    return text.zfill(9) if isinstance(mmsi, int) else (text if len(text) == 9 else None)


def mmsi_kind(mmsi: int | str) -> str:
    """ "ship", "coast", "group", "sar", "aton", "craft", "handheld", "sart", "mob", "epirb"
    or "invalid" (not nine digits, or a MID that ITU has not allocated)."""
    digits = _digits(mmsi)
    if digits is None:
        return "invalid"
    kind, mid_digits = _kind(digits)
    if kind in _DEVICES.values():
        return kind
    return kind if int(mid_digits) in MID_COUNTRY else "invalid"


def _kind(d: str) -> tuple[str, str]:
    """The kind an MMSI's leading digits announce, and the digits of its MID."""
    if d[:3] in _DEVICES:
        return _DEVICES[d[:3]], ""
    prefixes = (("00", "coast"), ("0", "group"), ("111", "sar"), ("99", "aton"), ("98", "craft"))
    for prefix, kind in prefixes:
        if d.startswith(prefix):
            return kind, d[len(prefix) : len(prefix) + 3]
    if d.startswith("8"):
        return "handheld", d[1:4]
    return "ship", d[:3]


def mid(mmsi: int | str) -> int | None:
    """The Maritime Identification Digits of an MMSI (None for devices and malformed MMSIs)."""
    digits = _digits(mmsi)
    if digits is None:
        return None
    _, mid_digits = _kind(digits)
    return int(mid_digits) if mid_digits else None


def mmsi_country(mmsi: int | str) -> str | None:
    """ISO 3166 alpha-2 code of the administration an MMSI's MID belongs to, or None."""
    number = mid(mmsi)
    return None if number is None else MID_COUNTRY.get(number)


def valid_mmsi(mmsi: int | str) -> bool:
    """Nine digits naming a known kind and, where the kind has one, an allocated MID."""
    return mmsi_kind(mmsi) != "invalid"


def valid_imo(imo: int | str) -> bool:
    """An IMO ship number: seven digits, the last being sum(digit x weight 7..2) mod 10.

    Accepts "IMO 9310953" as well as 9310953. (Company and owner numbers do not follow this.)
    """
    text = str(imo).strip().upper().removeprefix("IMO").strip()
    if len(text) != 7 or not text.isdigit() or text.startswith("0"):
        return False
    total = sum(int(c) * w for c, w in zip(text[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(text[6])
