"""Extract: one document in, its claims out. Knows nothing of other documents or the ledger.

A long document is read section by section (sections end at a paragraph or sentence
boundary, see `sections`), each section parsed, read by every extractor and dropped before
the next, so memory stays flat in the document's length and time grows linearly with it.
Each extractor runs guarded: one that fails on a document loses its own claims for that
document (or section) and says so in `DocumentClaims.problems`; the others are kept.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from consilience.extract.run import (
        CLAIM_KINDS,
        EXTRACTOR_VERSION,
        Claim,
        DocumentClaims,
        EntityClaim,
        ModelMissingError,
        extract,
        extract_many,
        extract_parsed,
        load_nlp,
    )

__all__ = [
    "CLAIM_KINDS",
    "EXTRACTOR_VERSION",
    "Claim",
    "DocumentClaims",
    "EntityClaim",
    "ModelMissingError",
    "extract",
    "extract_many",
    "extract_parsed",
    "load_nlp",
]


def __getattr__(name: str) -> Any:
    """The package's names, loaded on first use (`consilience.extract.run`): importing a
    light module of the package (claims, for the ledger) does not load every extractor,
    so commands that only read a ledger start fast."""
    if name in __all__:
        return getattr(importlib.import_module("consilience.extract.run"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
