"""The peer: OpenSanctions nomenklatura's `logic-v2` matcher, scoring FtM-shaped pairs.

    from bench.peer_nomenklatura import logic_v2_scorer
    score = logic_v2_scorer()  # raises PeerMissing without nomenklatura
    score({"schema": "Person", "properties": {"name": ["Kim Jong Un"]}}, candidate)

nomenklatura is optional (`pip install -e '.[bench]'`) and imported only when
a scorer is made, so this module imports without it.

Each side becomes a followthemoney entity whose id is a digest of its content.
The id matters: logic-v2 caches name analysis per entity id (an `lru_cache` on
the entity, which hashes by id), so scoring many pairs with a constant id such
as "query" silently reuses the first pair's names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

ALGORITHM = "logic-v2"
# nomenklatura's own name benchmark (contrib/name_bench/run.py DEFAULT_THRESHOLD)
# and yente (SCORE_THRESHOLD) both call a logic-v2 score of 0.7 or more a match.
THRESHOLD = 0.7
INSTALL = "pip install -e '.[bench]'  (nomenklatura>=4.17)"

Entity = Mapping[str, Any]
Scorer = Callable[[Entity, Entity], float]


class PeerMissing(ImportError):
    """nomenklatura is not installed, so the peer cannot run."""


def logic_v2_scorer() -> Scorer:
    """A function scoring a query entity against a candidate with logic-v2 (0..1)."""
    try:
        from followthemoney import ValueEntity, model
        from nomenklatura.matching import get_algorithm
    except ImportError as exc:
        raise PeerMissing(f"nomenklatura is not installed ({exc}); {INSTALL}") from exc
    algorithm = get_algorithm(ALGORITHM)
    if algorithm is None:
        raise PeerMissing(f"this nomenklatura has no {ALGORITHM!r} matcher; {INSTALL}")

    def entity(data: Entity) -> Any:
        schema = model.get(str(data.get("schema") or "Thing"))
        proxy = ValueEntity(schema, {"id": content_id(data)})
        for prop, values in (data.get("properties") or {}).items():
            proxy.add(prop, values)  # cleaned by followthemoney: "North Korea" -> kp
        return proxy

    def score(query: Entity, candidate: Entity) -> float:
        config = algorithm.default_config()
        return float(algorithm.compare(entity(query), entity(candidate), config).score)

    return score


def peer_version() -> str:
    from importlib.metadata import version

    return f"nomenklatura {version('nomenklatura')} {ALGORITHM}"


def content_id(data: Entity) -> str:
    body = {"schema": data.get("schema"), "properties": data.get("properties")}
    return hashlib.sha1(json.dumps(body, sort_keys=True).encode()).hexdigest()
