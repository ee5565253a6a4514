"""The HTML pages: the views of the HTML report, one URL each, rendered on the server with
the shared macros (autoescaped: every document and claim text is shown as text)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from consilience.ingest.naming import source_name
from consilience.present.charts import slot_chart, timeline_chart, toll_charts
from consilience.present.claim_card import CARD_KINDS, claim_card
from consilience.present.render import environment, script_json
from consilience.present.reuse_view import reuse_pairs
from consilience.present.stated import figure_value_text
from consilience.present.views import (
    DISPUTED_VERDICTS,
    Sources,
    brief,
    document_view,
    event_summary,
    event_view,
    slot_view,
    slot_views,
    timeline_view,
)
from consilience.present.web import queries
from consilience.present.web.common import (
    Offset,
    SearchQuery,
    borrowed,
    claim_href,
    document_href,
    not_found,
    snippet_parts,
    summary,
)

TEMPLATES = Path(__file__).with_name("templates")
router = APIRouter(tags=["pages"], default_response_class=HTMLResponse)
HTML_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "Unknown id", "content": {"text/html": {}}}
}
OVERVIEW_SLOTS = 20
OVERVIEW_EVENTS = 10
# What the claim lists on a document page show of each kind, besides the claim's text (a
# figure's number as `figure_value_text` writes it: a projection is marked).
CLAIM_COLUMNS = {
    "figures": ("number_text", "measure", "subject", "attribution"),
    "dates": ("type", "value"),
    "statements": ("date", "what"),
    "incidents": ("kind", "name", "date"),
    "quotes": ("speaker", "type"),
    "entities": ("label",),
}


def templates() -> jinja2.Environment:
    """The pages' templates first, then the shared macros, with URL helpers."""
    env = environment(TEMPLATES)
    env.globals.update(
        href=claim_href,
        document_href=document_href,
        event_href=event_href,
        event_links=EVENT_LINKS,
        page_url=page_url,
        claim_columns=CLAIM_COLUMNS,
        figure_value=figure_value_text,
    )
    return env


def event_href(event_id: str) -> str:
    return "/events/" + quote(str(event_id), safe="")


# Where an event page's links go: the event, slot and document pages (see macros).
EVENT_LINKS: dict[str, Any] = {
    "event": event_href,
    "slot": lambda slot_id: "/slots/" + quote(str(slot_id), safe=""),
    "doc": document_href,
    "slot_view": "",
}


def page_url(path: str, **params: Any) -> str:
    """`path` with the given query parameters, leaving out the empty ones."""
    kept = {key: value for key, value in params.items() if value not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    page = request.app.state.templates.get_template(name).render(**context)
    return HTMLResponse(page)


def charts(slots: list[dict[str, Any]]) -> dict[str, Any]:
    """A chart per disputed slot, its points linking to the claims' passages."""
    return {slot["id"]: slot_chart(slot, claim_href) for slot in slots if slot["disputed"]}


PageLimit = Annotated[int, Query(ge=1, le=100, description="Rows per page (1-100).")]


@router.get("/")
def overview_page(request: Request) -> HTMLResponse:
    """Sources, their dates and claim counts, and the most reported figures."""
    with borrowed(request) as ledger:
        totals = summary(request, ledger)
        documents = queries.documents_page(ledger, 50)
        slots = ledger.results_page("slots", OVERVIEW_SLOTS)
        events = ledger.results_page("events", OVERVIEW_EVENTS)
    for slot in slots:
        slot["disputed"] = slot.get("verdict") in DISPUTED_VERDICTS
    return render(
        request,
        "overview.html.j2",
        active="overview",
        overview=totals,
        documents=documents,
        brief=brief(events, slots),
        slots=slots,
        events=[event_summary(event) for event in events],
    )


@router.get("/events")
def events_page(request: Request, limit: PageLimit = 50, offset: Offset = 0) -> HTMLResponse:
    """Events resolved across documents, most reported first, with their latest tolls."""
    with borrowed(request) as ledger:
        events = ledger.results_page("events", limit, offset)
        total = summary(request, ledger)["results"]["events"]
    return render(
        request,
        "events.html.j2",
        active="events",
        events=[event_summary(event) for event in events],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get("/events/{event_id}", responses=HTML_NOT_FOUND)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    """One event: its places, date, reports, slots and toll-over-time charts."""
    with borrowed(request) as ledger:
        stored = ledger.result("events", event_id)
        if stored is None:
            raise not_found("event", event_id)
        event = event_view(ledger, stored, Sources(ledger))
    return render(
        request,
        "event.html.j2",
        active="events",
        event=event,
        charts=toll_charts(event, claim_href),
    )


@router.get("/slots")
def slots_page(request: Request, limit: PageLimit = 20, offset: Offset = 0) -> HTMLResponse:
    """Figures by slot: a table, then each slot with its values, chart and explanations."""
    with borrowed(request) as ledger:
        slots = slot_views(ledger, Sources(ledger), limit, offset)
        total = summary(request, ledger)["results"]["slots"]
    return render(
        request,
        "slots.html.j2",
        active="slots",
        slots=slots,
        charts=charts(slots),
        total=total,
        limit=limit,
        offset=offset,
    )


@router.get("/slots/{slot_id}", responses=HTML_NOT_FOUND)
def slot_page(request: Request, slot_id: str) -> HTMLResponse:
    """One slot with its chart."""
    with borrowed(request) as ledger:
        stored = ledger.result("slots", slot_id)
        if stored is None:
            raise not_found("slot", slot_id)
        slot = slot_view(ledger, stored, Sources(ledger))
    return render(request, "slot.html.j2", active="slots", slot=slot, chart=charts([slot]))


@router.get("/documents")
def documents_page(request: Request, limit: PageLimit = 50, offset: Offset = 0) -> HTMLResponse:
    """Every source, paged, with its claim counts."""
    with borrowed(request) as ledger:
        documents = queries.documents_page(ledger, limit, offset)
        totals = summary(request, ledger)
    return render(
        request,
        "documents.html.j2",
        active="documents",
        documents=documents,
        kinds=list(totals["claims"]),
        total=totals["documents"],
        limit=limit,
        offset=offset,
    )


@router.get("/documents/{doc_id}", responses=HTML_NOT_FOUND)
def document_page(
    request: Request,
    doc_id: str,
    claim: Annotated[str | None, Query(max_length=200, description="Claim to mark.")] = None,
) -> HTMLResponse:
    """One document with every claim highlighted; `claim` is marked and scrolled to."""
    with borrowed(request) as ledger:
        view = document_view(ledger, doc_id)
        if view is None:
            raise not_found("document", doc_id)
        sources = Sources(ledger)
        cards = {
            found["id"]: claim_card(ledger, sources, found, kind)
            for kind, found_of_kind in view["claims"].items()
            if kind in CARD_KINDS
            for found in found_of_kind
        }
    label = view["document"]["label"]
    claims = {
        kind: [{**found, "label": label} for found in found_of_kind]
        for kind, found_of_kind in view["claims"].items()
    }
    focus_kind = next(
        (k for k, found in claims.items() if any(c["id"] == claim for c in found)), None
    )
    return render(
        request,
        "document.html.j2",
        active="documents",
        document=view["document"],
        runs=view["runs"],
        claims=claims,
        focus=claim if focus_kind else None,
        focus_kind=focus_kind,
        projections=view["projections"],
        cards_json=script_json(cards),
    )


@router.get("/reuse")
def reuse_page(request: Request) -> HTMLResponse:
    """Document pairs that share passages, with the passages side by side."""
    with borrowed(request) as ledger:
        pairs = reuse_pairs(ledger, Sources(ledger))
    return render(request, "reuse.html.j2", active="reuse", pairs=pairs)


@router.get("/timeline")
def timeline_page(request: Request, limit: PageLimit = 100, offset: Offset = 0) -> HTMLResponse:
    """The merged timeline: a chart and every entry with the sources that report it."""
    with borrowed(request) as ledger:
        entries = timeline_view(ledger, Sources(ledger), limit, offset)
        total = summary(request, ledger)["results"]["timeline"]
    return render(
        request,
        "timeline.html.j2",
        active="timeline",
        entries=entries,
        chart=timeline_chart(entries, claim_href),
        total=total,
        limit=limit,
        offset=offset,
    )


FIGURES_PER_PAGE = 50
# A number typed into the figure search form: the form sends what was typed, or nothing.
FormNumber = Annotated[str, Query(max_length=40, description="A number, or empty.")]


@router.get("/search")
def search_page(
    request: Request,
    q: SearchQuery = "",
    measure: Annotated[str, Query(max_length=100, description="killed, wounded, ...")] = "",
    value: FormNumber = "",
    low: Annotated[str, Query(alias="min", max_length=40)] = "",
    high: Annotated[str, Query(alias="max", max_length=40)] = "",
    offset: Offset = 0,
) -> HTMLResponse:
    """Full-text search over the documents' titles and text, and figure claims by measure
    and stated value."""
    typed = {"value": value, "min": low, "max": high}
    numbers, problem = _form_numbers(typed)
    figures: list[dict[str, Any]] = []
    with borrowed(request) as ledger:
        hits = ledger.search(q, 50) if q.strip() else []
        stemmed = ledger.search_stemmed
        measures = queries.measures(ledger)
        if measure and problem is None:
            bounds = queries.value_bounds(numbers["value"], numbers["min"], numbers["max"])
            figures = queries.figure_search(ledger, measure, *bounds, FIGURES_PER_PAGE + 1, offset)
    for hit in hits:
        hit["parts"] = snippet_parts(hit["snippet"])
        hit["label"] = source_name(hit)
    return render(
        request,
        "search.html.j2",
        active="search",
        query=q,
        hits=hits,
        stemmed=stemmed,
        measures=measures,
        measure=measure,
        typed=typed,
        problem=problem,
        figures=figures[:FIGURES_PER_PAGE],
        more=len(figures) > FIGURES_PER_PAGE,
        offset=offset,
        per_page=FIGURES_PER_PAGE,
    )


def _form_numbers(typed: dict[str, str]) -> tuple[dict[str, float | None], str | None]:
    """The form's numbers (None where left empty), and what is wrong with one that is not
    a number, if any: the page says so rather than failing."""
    numbers: dict[str, float | None] = {}
    for name, text in typed.items():
        numbers[name] = None
        if not text.strip():
            continue
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            return numbers, f"The {name} field takes a number, like 147 or 2.5."
        numbers[name] = number
    return numbers, None
