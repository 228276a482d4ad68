"""Write exported entities as FtM JSON lines or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

_CSV_PROPS = (
    "name",
    "alias",
    "birthDate",
    "nationality",
    "country",
    "imoNumber",
    "passportNumber",
    "program",
)


def write_ftm(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count


def write_csv(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(["id", "schema", "caption", "datasets", "referents", *_CSV_PROPS])
    count = 0
    for item in items:
        props = item["properties"]
        writer.writerow(
            [
                item["id"],
                item["schema"],
                item["caption"],
                ";".join(item["datasets"]),
                ";".join(item["referents"]),
                *(";".join(props.get(p, [])) for p in _CSV_PROPS),
            ]
        )
        count += 1
    return count
