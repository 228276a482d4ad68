"""Derive later versions of the real UN list by editing its XML text, as the UN would."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import UN


def _block(xml: str, ref: str) -> re.Match[str]:
    pattern = (
        r"<INDIVIDUAL>(?:(?!</INDIVIDUAL>).)*?"
        rf"<REFERENCE_NUMBER>{re.escape(ref)}</REFERENCE_NUMBER>.*?</INDIVIDUAL>\s*"
    )
    match = re.search(pattern, xml, flags=re.DOTALL)
    assert match, ref
    return match


def next_version(tmp: Path, date: str) -> Path:
    """The real list, a month on: KPi.066 delisted, KPi.067 gains an alias, KPi.999 added."""
    xml = UN.read_text(encoding="utf-8")
    xml = re.sub(r'dateGenerated="[^"]+"', f'dateGenerated="{date}T00:00:00Z"', xml, count=1)
    removed = _block(xml, "KPi.066")
    xml = xml[: removed.start()] + xml[removed.end() :]
    amended = _block(xml, "KPi.067")
    text = amended.group(0).replace(
        "<INDIVIDUAL_ALIAS>",
        "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>KIM KYONG-IL</ALIAS_NAME>"
        "</INDIVIDUAL_ALIAS><INDIVIDUAL_ALIAS>",
        1,
    )
    added = text.replace("KPi.067", "KPi.999").replace("KYONG IL", "SONG CHOL")
    xml = xml[: amended.start()] + text + added + xml[amended.end() :]
    path = tmp / f"un-{date}.xml"
    path.write_text(xml, encoding="utf-8")
    return path
