"""consilience: one source-grounded record from many documents about the same events."""

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
