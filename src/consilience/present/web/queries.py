"""The web UI's page of documents (with labels and claim counts), the figure search, and
the totals behind the overview. The page queries walk an index (documents by path, claims
by document, figures by measure and value), so a page costs the same on any size of
ledger; the totals read whole tables and are cached by the caller (`LedgerPool.summary`)
per state of the ledger file.
"""

from __future__ import annotations

from typing import Any

from consilience.extract.claims import CLAIM_KINDS
from consilience.lexicon import load_lexicon
from consilience.present.views import Sources, named
from consilience.store import Ledger

SUMMARY_RESULTS = ("events", "slots", "timeline", "actors", "reuse")


def documents_page(ledger: Ledger, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """Documents `offset` .. `offset + limit` in the export order (path, then id), each with
    its source label and its claim counts by kind."""
    documents = ledger.documents_page(limit, offset)
    counts = ledger.claim_counts_of([d["id"] for d in documents])
    for document in documents:
        named(document)
        document["claims"] = counts[document["id"]]
    return documents


def summary(ledger: Ledger) -> dict[str, Any]:
    """Totals: documents, claims by kind, result rows by table, the publication range."""
    first, last = ledger.published_range()
    return {
        "ledger": ledger.path.name,
        "documents": ledger.document_count(),
        "published_first": first,
        "published_last": last,
        "claims": {kind: ledger.claim_count(kind) for kind in CLAIM_KINDS},
        "results": {table: ledger.result_count(table) for table in SUMMARY_RESULTS},
    }


def measures(ledger: Ledger) -> list[str]:
    """The measures of the schema (killed, wounded ...) that the ledger's figures have, in
    the schema's order: what the search form offers."""
    return ledger.measures_held(load_lexicon().measures.measures)


def figure_search(
    ledger: Ledger,
    measure: str,
    low: float | None = None,
    high: float | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Figure claims of one measure whose stated value lies between `low` and `high`, by
    value (with no bound: every figure of the measure, in document order), each with its
    source's `label` and publication date."""
    if low is None and high is None:
        figures = ledger.figures_of_measure(measure, limit, offset)
    else:
        figures = ledger.figures_of_value(measure, low, high, limit, offset)
    sources = Sources(ledger)
    for figure in figures:
        source = sources.get(figure["doc"])
        figure["label"] = source["label"]
        figure["published"] = source.get("published")
    return figures


def value_bounds(
    value: float | None, low: float | None, high: float | None
) -> tuple[float | None, float | None]:
    """The range a figure search asks for: `value` is both bounds, and with `low` or
    `high` given too every condition must hold (the narrowest range; an empty one finds
    nothing)."""
    lows = [bound for bound in (low, value) if bound is not None]
    highs = [bound for bound in (high, value) if bound is not None]
    return (max(lows) if lows else None, min(highs) if highs else None)
