"""OFAC's date spellings (``dates.dates_of``), as the CSV Remarks write them."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.sources.ofac.dates import dates_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Jul 1986", ["1986-07-12"]),
        ("circa 1957", ["1957"]),
        ("Feb 1962", ["1962-02"]),
        ("1960 to 1962", ["1960", "1961", "1962"]),
        ("between 1960 and 1962", ["1960", "1961", "1962"]),
        ("circa 1979-1982", ["1979", "1980", "1981", "1982"]),
        ("01 Jan 1973 to 31 Dec 1973", ["1973"]),
        ("01 Feb 1960 to 29 Feb 1960", ["1960-02"]),
        ("01 Mar 1960 to 28 Mar 1960", ["1960-03-01", "1960-03-28"]),
        ("26 Sep 1946 to 07 Dec 1946", ["1946-09-26", "1946-12-07"]),
        ("31 Feb 1960", []),
        ("1960s", []),
    ],
)
def test_dates(text: str, expected: list[str]) -> None:
    assert dates_of(text) == expected
