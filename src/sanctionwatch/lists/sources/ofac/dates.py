"""Dates as OFAC writes them: ``12 Jul 1986``, ``Feb 1962``, ``circa 1957``,
``1960 to 1962``, ``01 Jan 1973 to 31 Dec 1973``.

A fast path for these spellings (tens of thousands per file, where the
shared `parse_date` would try a dozen `strptime` formats each); anything
else still goes through `parse_date`. Every result is a valid ISO date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from sanctionwatch.lists.sources.common import parse_date

_DATE = re.compile(
    r"^(?:(?:circa|approximately|about)\s+)?(?:(?P<iso>\d{4}-\d\d(?:-\d\d)?)|"
    r"(?:(?P<day>\d{1,2})\s+)?(?:(?P<month>[A-Za-z]{3,9})\.?\s+)?(?P<year>\d{4}))$",
    re.IGNORECASE,
)
_RANGE = re.compile(
    r"^(?:circa\s+|between\s+)?(.+?)(?:\s+to\s+|\s+and\s+|(?<=\d{4})\s*-\s*(?=\d{4}$))(.+)$",
    re.IGNORECASE,
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
MAX_YEARS = 20  # a longer range stays two end points


def ofac_date(text: str) -> str | None:
    """ISO form (with the precision given) of one date, None when unreadable."""
    match = _DATE.match(text.strip())
    if match is None:
        return _checked(parse_date(text))
    if match.group("iso"):
        return _checked(match.group("iso"))
    day, month, year = match.group("day"), match.group("month"), match.group("year")
    if month is None:
        return year if day is None else None
    number = _MONTHS.get(month[:3].lower())
    if number is None:
        return _checked(parse_date(text))
    iso = f"{year}-{number:02d}" if day is None else f"{year}-{number:02d}-{int(day):02d}"
    return _checked(iso)


def _checked(iso: str | None) -> str | None:
    if iso is None or not re.fullmatch(r"\d{4}(-\d\d){0,2}", iso):
        return None
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    return iso if 1000 <= parts[0] <= 2999 else None


def dates_of(text: str) -> list[str]:
    """ISO dates of a date or a range; empty when unreadable.

    >>> dates_of("1960 to 1962"), dates_of("01 Feb 1960 to 29 Feb 1960")
    (['1960', '1961', '1962'], ['1960-02'])
    """
    match = _RANGE.match(text)
    if match is None:
        single = ofac_date(text)
        return [single] if single else []
    start, end = ofac_date(match.group(1)), ofac_date(match.group(2))
    if start is None or end is None:
        return []
    return _expand(start, end)


def _expand(start: str, end: str) -> list[str]:
    """Whole years become each year, a whole month that month, else both ends."""
    if start[5:] in ("", "01-01") and end[5:] in ("", "12-31"):
        first, last = int(start[:4]), int(end[:4])
        if 0 <= last - first <= MAX_YEARS:
            return [str(year) for year in range(first, last + 1)]
    if len(start) == len(end) == 10 and start[:7] == end[:7] and start[8:] == "01":
        year, month = int(end[:4]), int(end[5:7])
        if int(end[8:]) == calendar.monthrange(year, month)[1]:
            return [start[:7]]
    return [start, end]
