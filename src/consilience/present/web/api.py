"""The JSON API: the same records the pages show, described by /openapi.json.

Every id is looked up as an SQL parameter and nothing else (never a file path); an id the
ledger does not hold answers 404 with `{"detail": ...}`. Each route's `response_model`
documents its shape in /openapi.json; the records are serialized as they come from the
ledger (the tests check them against the spec), because validating large slot records on
every request cut throughput by two thirds.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from consilience.ingest.naming import source_name
from consilience.present.views import (
    Sources,
    document_view,
    event_view,
    passage,
    run_record,
    slot_view,
    timeline_view,
)
from consilience.present.web import queries
from consilience.present.web.common import (
    SEARCH_LIMIT,
    Offset,
    SearchQuery,
    borrowed,
    json_body,
    not_found,
    snippet_matches,
    summary,
)
from consilience.present.web.models import (
    DocumentDetail,
    DocumentPage,
    Error,
    EventDetail,
    EventPage,
    FigurePage,
    FigureSearchResults,
    Overview,
    Passage,
    SearchResults,
    SlotDetail,
    SlotPage,
    TimelinePage,
)

router = APIRouter(prefix="/api", tags=["api"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Error, "description": "Unknown id"}}
Limit = Annotated[int, Query(ge=1, le=500, description="Rows to return (1-500).")]


@router.get("/overview", response_model=Overview)
def api_overview(request: Request) -> Response:
    """Totals: documents, publication range, claims by kind, alignment results."""
    with borrowed(request) as ledger:
        return json_body(summary(request, ledger))


@router.get("/events", response_model=EventPage)
def api_events(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Events (incidents resolved across documents) in rank order, most reported first."""
    return _results_page(request, "events", limit, offset)


@router.get("/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND)
def api_event(request: Request, event_id: str) -> Response:
    """One event with its reports, its slots in brief, and its toll-over-time points."""
    with borrowed(request) as ledger:
        event = ledger.result("events", event_id)
        if event is None:
            raise not_found("event", event_id)
        return json_body(event_view(ledger, event, Sources(ledger)))


@router.get("/slots", response_model=SlotPage)
def api_slots(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Slots (figures lined up across sources) in rank order, most reported first."""
    return _results_page(request, "slots", limit, offset)


def _results_page(request: Request, table: str, limit: int, offset: int) -> Response:
    """One page of a result table in rank order, with the table's total."""
    with borrowed(request) as ledger:
        items = ledger.results_page(table, limit, offset)
        total = summary(request, ledger)["results"][table]
    return json_body({"total": total, "limit": limit, "offset": offset, "items": items})


@router.get("/slots/{slot_id}", response_model=SlotDetail, responses=NOT_FOUND)
def api_slot(request: Request, slot_id: str) -> Response:
    """One slot, every claim it cites resolved to its source and text."""
    with borrowed(request) as ledger:
        slot = ledger.result("slots", slot_id)
        if slot is None:
            raise not_found("slot", slot_id)
        return json_body(slot_view(ledger, slot, Sources(ledger)))


@router.get("/documents", response_model=DocumentPage)
def api_documents(request: Request, limit: Limit = 50, offset: Offset = 0) -> Response:
    """Documents in export order (path, then id), with claim counts by kind."""
    with borrowed(request) as ledger:
        items = queries.documents_page(ledger, limit, offset)
        total = summary(request, ledger)["documents"]
    return json_body({"total": total, "limit": limit, "offset": offset, "items": items})


@router.get("/documents/{doc_id}", response_model=DocumentDetail, responses=NOT_FOUND)
def api_document(request: Request, doc_id: str) -> Response:
    """One document: metadata, text, claims by kind, and the text cut into runs."""
    with borrowed(request) as ledger:
        view = document_view(ledger, doc_id)
        text = ledger.document_text(doc_id) if view is not None else None
    if view is None or text is None:
        raise not_found("document", doc_id)
    return json_body(
        {
            "document": view["document"],
            "text": text,
            "claims": view["claims"],
            "runs": [run_record(run) for run in view["runs"]],
        }
    )


@router.get("/claims/{claim_id}", response_model=Passage, responses=NOT_FOUND)
def api_claim(request: Request, claim_id: str) -> Response:
    """One claim in its passage: the text around it and its source."""
    with borrowed(request) as ledger:
        found = passage(ledger, claim_id)
    if found is None:
        raise not_found("claim", claim_id)
    return json_body(found)


@router.get("/figures", response_model=FigurePage)
def api_figures(
    request: Request,
    measure: Annotated[str, Query(max_length=100, description="killed, wounded, ...")],
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    """Figures of one measure, in document order."""
    with borrowed(request) as ledger:
        items = ledger.figures_of_measure(measure, limit, offset)
    return json_body({"measure": measure, "limit": limit, "offset": offset, "items": items})


@router.get("/timeline", response_model=TimelinePage)
def api_timeline(request: Request, limit: Limit = 100, offset: Offset = 0) -> Response:
    """The merged timeline, in date order, each span naming its source."""
    with borrowed(request) as ledger:
        items = timeline_view(ledger, Sources(ledger), limit, offset)
        total = summary(request, ledger)["results"]["timeline"]
    return json_body({"total": total, "limit": limit, "offset": offset, "items": items})


@router.get("/search", response_model=SearchResults)
def api_search(
    request: Request,
    q: SearchQuery = "",
    limit: Annotated[int, Query(ge=1, le=SEARCH_LIMIT)] = 20,
) -> Response:
    """Full-text search over the documents: every word must occur; best matches first."""
    with borrowed(request) as ledger:
        hits = ledger.search(q, limit)
        stemmed = ledger.search_stemmed
    items = []
    for hit in hits:
        text, matches = snippet_matches(hit["snippet"])
        items.append({**hit, "label": source_name(hit), "snippet": text, "matches": matches})
    return json_body({"query": q, "stemmed": stemmed, "items": items})


def _value_query(alias: str, description: str) -> Any:
    """A finite number parameter of the figure search (NaN and infinities are 422)."""
    return Query(alias=alias, allow_inf_nan=False, description=description)


@router.get("/search/figures", response_model=FigureSearchResults)
def api_search_figures(
    request: Request,
    measure: Annotated[str, Query(max_length=100, description="killed, wounded, ...")],
    value: Annotated[float | None, _value_query("value", "The value stated.")] = None,
    low: Annotated[float | None, _value_query("min", "The smallest value.")] = None,
    high: Annotated[float | None, _value_query("max", "The largest value.")] = None,
    limit: Annotated[int, Query(ge=1, le=SEARCH_LIMIT)] = 20,
    offset: Offset = 0,
) -> Response:
    """Figure claims of one measure by the value they state: exactly `value`, or between
    `min` and `max` (each condition given must hold), by value; with none, every figure
    of the measure in document order. Each names its source."""
    low, high = queries.value_bounds(value, low, high)
    with borrowed(request) as ledger:
        found = queries.figure_search(ledger, measure, low, high, limit + 1, offset)
    return json_body(
        {
            "measure": measure,
            "min": low,
            "max": high,
            "limit": limit,
            "offset": offset,
            "more": len(found) > limit,
            "items": found[:limit],
        }
    )
