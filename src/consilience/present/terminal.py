"""The terminal summary of a ledger, drawn with Rich."""

from __future__ import annotations

from typing import Any

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
    print_figures(ledger, console, {d["id"]: d for d in documents})
    totals = ", ".join(f"{ledger.claim_count(kind)} {kind}" for kind in CLAIM_KINDS)
    console.print(f"claims: {totals}")
    results = ", ".join(f"{len(ledger.results(name))} {name}" for name in RESULT_TABLES)
    console.print(f"alignment: {results}")


def print_figures(ledger: Ledger, console: Console, documents: dict[str, dict[str, Any]]) -> None:
    """Every figure, grouped by measure, with the interval it commits to and its source."""
    figures = sorted(ledger.figures(), key=lambda f: (f["measure"], f["low"] or 0, f["doc"]))
    if not figures:
        return
    table = Table(title=f"{len(figures)} figures", title_justify="left")
    table.add_column("measure", no_wrap=True)
    table.add_column("as written", no_wrap=True, overflow="ellipsis", max_width=24)
    table.add_column("low–high", no_wrap=True, justify="right")
    table.add_column("what", overflow="ellipsis", no_wrap=True, max_width=28)
    table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=24)
    for figure in figures:
        document = documents.get(figure["doc"], {})
        source = document.get("publisher") or document.get("title") or document.get("path", "")
        table.add_row(
            figure["measure"],
            escape(figure["number_text"]),
            _interval(figure["low"], figure["high"]),
            escape(figure["subject"] or ""),
            escape(source),
        )
    console.print(table)


def _interval(low: float | None, high: float | None) -> str:
    def show(value: float | None) -> str:
        return "?" if value is None else f"{value:,}"

    return show(low) if low == high else f"{show(low)}–{show(high)}"
