"""Align: the whole-corpus stage. Reads the ledger, writes its results back to it.

It never reads input files. Text reuse is the one step that needs words rather than claims,
and it takes them from the document text the ledger stores.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from consilience.lazy import load_name

if TYPE_CHECKING:
    from consilience.align.reuse import ReuseLink, find_reuse
    from consilience.align.run import align, align_slots, iter_slots, store_slots
    from consilience.align.slots import Slot


__all__ = ["ReuseLink", "Slot", "align", "align_slots", "find_reuse", "iter_slots", "store_slots"]


# Where each name lives, loaded on first use: a view that imports one light module of the
# package does not load every stage.
_HOMES = {
    "ReuseLink": "consilience.align.reuse",
    "find_reuse": "consilience.align.reuse",
    "Slot": "consilience.align.slots",
    "align": "consilience.align.run",
    "align_slots": "consilience.align.run",
    "iter_slots": "consilience.align.run",
    "store_slots": "consilience.align.run",
}


def __getattr__(name: str) -> Any:
    return load_name(_HOMES, __name__, name)
