"""Write the hand-made NMEA fixtures nmea_types.nmea and nmea_junk.nmea (run once, output kept).

nmea_types.nmea: real sentences of message types 18, 19, 24 A+B and 27 (from the pyais test
suite, checksums valid), each given a time in one of the dialects the reader supports: an NMEA 4
tag block `c:`, a leading ISO or UNIX timestamp, a trailing UNIX timestamp.

nmea_junk.nmea: what breaks readers: garbage text, sentences cut mid-payload, a wrong checksum,
a payload too short for its message type, a lone second fragment, a non-AIS sentence, and
pyais-encoded type 1 reports with the "not available" values (lat 91, lon 181, speed 102.3,
course 360, heading 511).

    .venv/bin/python tests/data/ais/make_nmea_fixtures.py
"""

from __future__ import annotations

from functools import reduce
from pathlib import Path

import pyais

HERE = Path(__file__).parent
TYPE_18 = "!AIVDM,1,1,,A,B5NJ;PP005l4ot5Isbl03wsUkP06,0*76"
TYPE_19 = "!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B"
TYPE_24A = "!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D"
TYPE_24B = "!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40"
TYPE_24B_ALONE = "!AIVDM,1,1,,A,H52KMeDU653hhhi0000000000000,0*1A"
TYPE_27 = "!AIVDM,1,1,,B,KC5E2b@U19PFdLbMuc5=ROv62<7m,0*16"


def checksum(text: str) -> str:
    return f"{reduce(lambda a, c: a ^ ord(c), text, 0):02X}"


def tag(fields: str) -> str:
    return f"\\{fields}*{checksum(fields)}\\"


def sentence(body: str) -> str:
    return f"!{body}*{checksum(body)}"


def encoded(**fields: object) -> str:
    return str(pyais.encode_dict({"type": 1, **fields}, talker_id="AI", radio_channel="A")[0])


def types() -> list[str]:
    return [
        "# hand-made: real sentences (pyais tests) with times added; see make_nmea_fixtures.py",
        tag("s:r003669945,c:1685620800") + TYPE_18,  # 2023-06-01T12:00:00Z
        "2023-06-01T12:00:05Z " + TYPE_19,
        "1685620810.5 " + TYPE_24A,
        TYPE_24B + ",1685620815",
        "2023-06-01 12:00:20 " + TYPE_24B_ALONE,
        tag("c:1685620825000") + TYPE_27,  # milliseconds
    ]


def junk() -> list[str]:
    return [
        "# hand-made junk; see make_nmea_fixtures.py",
        "IamNotAnAisMessage1111",  # bad nmea
        "!AIVDM,1,1,,A,15MrVH0000KH<:V",  # cut mid-payload: bad nmea
        "!AIVDM,1,1,,A,15MrVH0000KH<:V:NtBLoqFP2H9:,0*2E",  # wrong checksum
        tag("c:1685620829") + sentence("AIVDM,1,1,,A,15MrVH0000,0"),  # payload too short: bad nmea
        sentence("AIVDM,2,2,7,B,iP`88888880,2"),  # second fragment alone: incomplete message
        "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47",  # not ais
        "\x00\x01\x02 !!!! ,,,, *** \\\\",  # bad nmea
        "2023-13-45T99:00:00 " + TYPE_18,  # bad time
        tag("c:1685620830") + encoded(mmsi=445000001, lat=91, lon=181),  # position n/a
        tag("c:1685620831") + encoded(mmsi=445000002, lat=91, lon=125.5),  # position n/a
        tag("c:1685620832") + encoded(mmsi=445000003, lat=39.0, lon=181),  # position n/a
        tag("c:1685620833")
        + encoded(mmsi=445000004, lat=39.0, lon=125.5, speed=102.3, course=360, heading=511),
    ]


if __name__ == "__main__":
    (HERE / "nmea_types.nmea").write_text("\n".join(types()) + "\n")
    (HERE / "nmea_junk.nmea").write_text("\n".join(junk()) + "\n")
