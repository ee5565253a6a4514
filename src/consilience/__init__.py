"""consilience: one source-grounded record from many documents about the same events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from consilience.lazy import load_name

if TYPE_CHECKING:
    from consilience.api import BuildReport, build
    from consilience.extract.claims import DocumentClaims
    from consilience.ingest import Document, Metadata
    from consilience.store import Ledger, LedgerBusy, LedgerError

__version__ = "0.1.0"


__all__ = [
    "BuildReport",
    "Document",
    "DocumentClaims",
    "Ledger",
    "LedgerBusy",
    "LedgerError",
    "Metadata",
    "build",
]


# Where each name lives: loaded on first use, so `consilience --help` and the commands
# that only read a ledger do not load extraction (spaCy, trafilatura) at all.
_HOMES = {
    "BuildReport": "consilience.api",
    "build": "consilience.api",
    "DocumentClaims": "consilience.extract.claims",
    "Document": "consilience.ingest",
    "Metadata": "consilience.ingest",
    "Ledger": "consilience.store",
    "LedgerBusy": "consilience.store",
    "LedgerError": "consilience.store",
}


def __getattr__(name: str) -> Any:
    return load_name(_HOMES, __name__, name)
