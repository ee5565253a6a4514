"""Store: the ledger, the single source of truth between stages."""

from consilience.store.ledger import (
    DOCUMENT_COLUMNS,
    JSON_SCHEMA_ID,
    Ledger,
    LedgerError,
    document_record,
    json_text,
)
from consilience.store.lock import LedgerBusy
from consilience.store.schema import SCHEMA_VERSION

__all__ = [
    "DOCUMENT_COLUMNS",
    "json_text",
    "JSON_SCHEMA_ID",
    "SCHEMA_VERSION",
    "Ledger",
    "LedgerBusy",
    "LedgerError",
    "document_record",
]
