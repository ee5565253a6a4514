"""Extract: one document in, its claims out. Knows nothing of other documents or the ledger."""

from __future__ import annotations

from consilience.extract.claims import CLAIM_KINDS, Claim, DocumentClaims, EntityClaim
from consilience.extract.entities import find_entities
from consilience.extract.figures import find_figures
from consilience.extract.nlp import ModelMissingError, load_nlp, parse
from consilience.ingest.document import Document

# Bump when extraction output changes, so ledgers re-extract documents they already hold.
EXTRACTOR_VERSION = "3"

__all__ = [
    "CLAIM_KINDS",
    "EXTRACTOR_VERSION",
    "Claim",
    "DocumentClaims",
    "EntityClaim",
    "ModelMissingError",
    "extract",
    "load_nlp",
]


def extract(document: Document) -> DocumentClaims:
    """All claims of one document. A pure function of the document and its metadata."""
    parsed = list(parse(document.text))
    return DocumentClaims(
        document=document,
        entities=find_entities(document.id, document.text, parsed),
        figures=find_figures(document.id, document.text, parsed),
    )
