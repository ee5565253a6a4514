"""Align: the whole-corpus stage. Reads the ledger, writes its results back to it.

It never reads input files. Text reuse is the one step that needs words rather than claims,
and it takes them from the document text the ledger stores.
"""

from __future__ import annotations

from consilience.align.reuse import ReuseLink, find_reuse
from consilience.store import Ledger

__all__ = ["ReuseLink", "align", "find_reuse"]


def align(ledger: Ledger) -> None:
    """Recompute the corpus-wide results from what the ledger holds: text reuse for now
    (slots, verdicts and the merged timeline are the next step of this stage)."""
    links = find_reuse(ledger.iter_texts())
    ledger.replace_results("reuse", [link.to_dict() for link in links])
