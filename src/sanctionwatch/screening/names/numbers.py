"""Number words in organisation and vessel names as digits: Forty-Four -> 44, First -> 1."""

from __future__ import annotations

from collections.abc import Sequence

# fmt: off
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}
_SUFFIXES = ("st", "nd", "rd", "th")
# fmt: on


def digits(tokens: Sequence[str]) -> tuple[str, ...]:
    """The tokens with number words and ordinals (1st, First) written as digits."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        value, size = _number_at(tokens, i)
        out.append(tokens[i] if value is None else str(value))
        i += size
    return tuple(out)


def _number_at(tokens: Sequence[str], i: int) -> tuple[int | None, int]:
    token = tokens[i]
    if token in _TENS:
        unit = _UNITS.get(tokens[i + 1]) if i + 1 < len(tokens) else None
        if unit is not None and 0 < unit < 10:
            return _TENS[token] + unit, 2
        return _TENS[token], 1
    if token in _UNITS or token in _ORDINALS:
        return _UNITS.get(token, _ORDINALS.get(token)), 1
    if token[:-2].isdigit() and token.endswith(_SUFFIXES):
        return int(token[:-2]), 1
    return None, 1
