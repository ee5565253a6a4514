"""The terminal summary of a ledger, drawn with Rich."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from consilience.extract.claims import CLAIM_KINDS
from consilience.store import Ledger
from consilience.store.schema import RESULT_TABLES


def print_summary(ledger: Ledger, console: Console) -> None:
    """Sources with their metadata and claim counts, then totals per claim kind."""
    documents = ledger.documents()
    per_document: dict[str, int] = {}
    for kind in CLAIM_KINDS:
        for doc_id, count in ledger.claim_counts_by_document(kind).items():
            per_document[doc_id] = per_document.get(doc_id, 0) + count
    table = Table(title=f"{ledger.path}: {len(documents)} documents", title_justify="left")
    table.add_column("document", no_wrap=True, overflow="ellipsis")
    table.add_column("publisher", no_wrap=True, overflow="ellipsis")
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("claims", justify="right", no_wrap=True)
    for document in documents:
        # Titles and publishers come from untrusted sources and may hold Rich markup.
        table.add_row(
            escape(document["title"] or document["path"]),
            escape(document["publisher"] or "-"),
            document["published"] or "-",
            str(per_document.get(document["id"], 0)),
        )
    console.print(table)
    totals = ", ".join(f"{ledger.claim_count(kind)} {kind}" for kind in CLAIM_KINDS)
    console.print(f"claims: {totals}")
    results = ", ".join(f"{len(ledger.results(name))} {name}" for name in RESULT_TABLES)
    console.print(f"alignment: {results}")
