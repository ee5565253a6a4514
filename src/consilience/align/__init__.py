"""Align: the whole-corpus stage. Reads the ledger, writes its results back to it.

It never reads input files. Text reuse is the one step that needs words rather than claims,
and it takes them from the document text the ledger stores.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from consilience.align.run import (
        ReuseLink,
        Slot,
        align,
        align_slots,
        find_reuse,
        iter_slots,
        store_slots,
    )

__all__ = ["ReuseLink", "Slot", "align", "align_slots", "find_reuse", "iter_slots", "store_slots"]


def __getattr__(name: str) -> Any:
    """The package's names, loaded on first use (`consilience.align.run`): a view that
    imports one light module of the package (figures) does not load every stage."""
    if name in __all__:
        return getattr(importlib.import_module("consilience.align.run"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
