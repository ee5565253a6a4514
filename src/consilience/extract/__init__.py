"""Extract: one document in, its claims out. Knows nothing of other documents or the ledger.

A long document is read section by section (sections end at a paragraph or sentence
boundary, see `sections`), each section parsed, read by every extractor and dropped before
the next, so memory stays flat in the document's length and time grows linearly with it.
Each extractor runs guarded: one that fails on a document loses its own claims for that
document (or section) and says so in `DocumentClaims.problems`; the others are kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from consilience.lazy import load_name

if TYPE_CHECKING:
    from consilience.extract.claims import CLAIM_KINDS, Claim, DocumentClaims, EntityClaim
    from consilience.extract.nlp import ModelMissingError, load_nlp
    from consilience.extract.run import EXTRACTOR_VERSION, extract, extract_many, extract_parsed


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


# Where each name lives, loaded on first use: importing a light module of the package
# (claims, for the ledger) does not load every extractor, so commands that only read a
# ledger start fast.
_HOMES = {
    "CLAIM_KINDS": "consilience.extract.claims",
    "Claim": "consilience.extract.claims",
    "DocumentClaims": "consilience.extract.claims",
    "EntityClaim": "consilience.extract.claims",
    "ModelMissingError": "consilience.extract.nlp",
    "load_nlp": "consilience.extract.nlp",
    "EXTRACTOR_VERSION": "consilience.extract.run",
    "extract": "consilience.extract.run",
    "extract_many": "consilience.extract.run",
    "extract_parsed": "consilience.extract.run",
}


def __getattr__(name: str) -> Any:
    return load_name(_HOMES, __name__, name)
