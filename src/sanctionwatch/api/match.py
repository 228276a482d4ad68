"""yente-compatible matching and search endpoints: POST /match/{dataset}, GET /search/{dataset}."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from sanctionwatch.api.schemas import (
    EntityMatches,
    EntityMatchQuery,
    EntityMatchResponse,
    ScoredEntity,
    SearchResponse,
    TotalSpec,
)
from sanctionwatch.screening.model import DEFAULT_THRESHOLD, Match
from sanctionwatch.screening.queries import query_from_example, simple_query
from sanctionwatch.screening.service import Screener

router = APIRouter(tags=["matching"])
MATCHER = {
    "name": {
        "description": "Weighted token alignment of romanization-keyed names",
        "coefficient": 1.0,
    },
    "imo": {
        "description": "Same IMO number (decisive); different IMO rules a vessel out",
        "coefficient": 1.0,
    },
    "birth_date": {
        "description": "Birth date agreement; years apart pull the score down",
        "coefficient": 1.0,
    },
}


def _screener(request: Request) -> Screener:
    screener: Screener = request.app.state.screener
    return screener


def scored(m: Match) -> ScoredEntity:
    c = m.candidate
    props = {"name": [c.caption], "alias": [n for n in c.names if n != c.caption]}
    props |= {
        "birthDate": list(c.birth_dates),
        "country": list(c.countries),
        "imoNumber": list(c.imo),
        "program": list(c.programs),
    }
    return ScoredEntity(
        id=c.id,
        caption=c.caption,
        schema=c.schema,
        properties={k: v for k, v in props.items() if v},
        datasets=list(c.datasets),
        score=round(m.score.score, 4),
        match=m.match,
        features={f.name: round(f.value, 4) for f in m.score.features},
        explanation=m.score.explanation(),
    )


@router.post("/match/{dataset}", response_model=EntityMatchResponse, response_model_by_alias=True)
def match(
    dataset: str,
    body: EntityMatchQuery,
    request: Request,
    limit: int = Query(5, ge=1, le=500),
    threshold: float = Query(DEFAULT_THRESHOLD, ge=0.0, le=1.0),
) -> EntityMatchResponse:
    screener = _screener(request)
    responses = {}
    for key, example in body.queries.items():
        query = query_from_example(example.model_dump(by_alias=True))
        found = [scored(m) for m in screener.match(query, dataset, threshold, limit)]
        responses[key] = EntityMatches(
            results=found, total=TotalSpec(value=len(found)), query=example
        )
    return EntityMatchResponse(responses=responses, matcher=MATCHER, limit=limit)


@router.get("/search/{dataset}", response_model=SearchResponse, response_model_by_alias=True)
def search(
    dataset: str,
    request: Request,
    q: str = Query(..., min_length=1, max_length=1000),
    schema: str = "Thing",
    limit: int = Query(10, ge=1, le=500),
) -> SearchResponse:
    found = _screener(request).match(simple_query(q, schema), dataset, 0.0, limit)
    results = [scored(m) for m in found]
    return SearchResponse(limit=limit, total=TotalSpec(value=len(results)), results=results)
