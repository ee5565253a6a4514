"""The web UI's page of documents (with labels and claim counts) and the totals behind
the overview. The page queries walk an index (documents by path, claims by document), so
a page costs the same on any size of ledger; the totals read whole tables and are cached
by the caller (`LedgerPool.summary`) per state of the ledger file.
"""

from __future__ import annotations

from typing import Any

from consilience.extract.claims import CLAIM_KINDS
from consilience.present.views import source_label
from consilience.store import Ledger

SUMMARY_RESULTS = ("events", "slots", "timeline", "actors", "reuse")


def documents_page(ledger: Ledger, limit: int, offset: int = 0) -> list[dict[str, Any]]:
    """Documents `offset` .. `offset + limit` in the export order (path, then id), each with
    its source label and its claim counts by kind."""
    documents = ledger.documents_page(limit, offset)
    counts = ledger.claim_counts_of([d["id"] for d in documents])
    for document in documents:
        document["label"] = source_label(document)
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
