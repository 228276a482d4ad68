"""One line of an NMEA AIS log: the sentence, and the time the receiver wrote around it.

Lines come in several dialects, all handled here:

    !AIVDM,1,1,,A,15MrVH0000KH<:V:NtBLoqFP2H9:,0*2F                     plain (no time)
    \\s:r003669945,c:1428621738*5F\\!AIVDM,...*hh                        NMEA 4 tag block
    2016-01-12 13:02:11.218 !AIVDM,...*hh   or   1428621738.5 !AIVDM,...   leading timestamp
    !AIVDM,...*hh,1428621738                                          trailing timestamp
    $PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09*17                          Gatehouse: time of the
                                                                      next sentence

The time is the tag block's `c:` (UNIX seconds, or milliseconds when it has 13 digits), else a
leading or trailing timestamp (UNIX time or ISO 8601; naive means UTC).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from pyais.exceptions import UnknownMessageException
from pyais.messages import NMEASentence, NMEASentenceFactory

_START = re.compile(rb"[\\!$]")
_BODY = re.compile(rb"^(.*\*[0-9A-Fa-f]{2})(.*)$", re.DOTALL)
_EPOCH = re.compile(r"^(\d{9,10}(\.\d{1,6})?|\d{13})$")
_SENTENCE_TAG = re.compile(rb"^[!$][A-Z]{5},")
_TAG_TIME = re.compile(rb"^\\(?:[^\\]*?[,])?c:([^,*\\]*)")


class LineError(ValueError):
    """A line that yields no sentence; `reason` is the reject reason it is counted under."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Line:
    sentence: NMEASentence
    time_us: int | None  # from the tag block or a timestamp on the line, if any


def to_us(moment: datetime) -> int:
    """µs since the epoch; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _epoch_us(text: str) -> int:
    """UNIX seconds (with an optional fraction), or milliseconds when it has 13 digits."""
    if text.isdigit() and len(text) == 13:
        return int(text) * 1000
    seconds, _, fraction = text.partition(".")
    return int(seconds) * 1_000_000 + int(fraction.ljust(6, "0"))


def parse_time(text: str) -> int:
    """A timestamp as µs since the epoch: UNIX seconds or milliseconds, or ISO 8601."""
    if _EPOCH.match(text):
        return _epoch_us(text)
    try:
        return to_us(datetime.fromisoformat(text))
    except (ValueError, OverflowError) as err:
        raise LineError("bad time") from err


def _tag_time(body: bytes) -> int | None:
    """The tag block's `c:` time; a tag block without one gives None."""
    found = _TAG_TIME.match(body)
    if found is None:
        return None
    text = found.group(1).decode("ascii", "replace")
    if not text.isdigit() or len(text) > 13:
        raise LineError("bad time")
    return int(text) * 1_000_000 if len(text) <= 11 else int(text) * 1000


def _time_around(prefix: bytes, suffix: bytes) -> int | None:
    text = (prefix or suffix).strip(b" \t,;").decode("ascii", "replace")
    return parse_time(text) if text else None


def parse(raw: bytes) -> Line:
    """The sentence of one stripped, non-empty line and its time; LineError if it has none."""
    start = _START.search(raw)
    if start is None:
        raise LineError("bad nmea")
    prefix, rest = raw[: start.start()].strip(b" \t,;"), raw[start.start() :]
    body, suffix = rest, b""
    if (found := _BODY.match(rest)) is not None:
        body, suffix = found.group(1), found.group(2).strip(b" \t,;")
    if prefix and suffix:
        raise LineError("bad nmea")
    try:
        sentence = NMEASentenceFactory.produce(body)
    except UnknownMessageException as err:
        raise LineError("not ais" if _SENTENCE_TAG.match(body) else "bad nmea") from err
    except Exception as err:  # pyais raises many kinds on junk; all mean the same here
        raise LineError("bad nmea") from err
    time_us = _tag_time(body)
    return Line(sentence, time_us if time_us is not None else _time_around(prefix, suffix))
