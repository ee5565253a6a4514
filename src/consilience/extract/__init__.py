"""Extract: one document in, its claims out. Knows nothing of other documents or the ledger."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from consilience.extract.claims import CLAIM_KINDS, Claim, DocumentClaims, EntityClaim
from consilience.extract.entities import find_entities
from consilience.extract.events import find_events
from consilience.extract.figures import find_figures
from consilience.extract.nlp import ModelMissingError, load_nlp, parse, parse_many
from consilience.extract.quotes import find_quotes
from consilience.extract.temporal import find_dates
from consilience.ingest.document import Document

# Bump when extraction output changes, so ledgers re-extract documents they already hold.
EXTRACTOR_VERSION = "9"

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


def extract(document: Document) -> DocumentClaims:
    """All claims of one document. A pure function of the document and its metadata (its
    publication date anchors relative dates)."""
    return extract_parsed(document, list(parse(document.text)))


def extract_many(documents: Sequence[Document]) -> list[DocumentClaims]:
    """`extract` of each document, their texts parsed together (faster, same claims)."""
    parses = parse_many([document.text for document in documents])
    return [
        extract_parsed(document, parsed) for document, parsed in zip(documents, parses, strict=True)
    ]


def extract_parsed(document: Document, parsed: list[tuple[int, Any]]) -> DocumentClaims:
    """All claims of one document from its parse (`parse(document.text)`)."""
    entities = find_entities(document.id, document.text, parsed)
    dates = find_dates(document.id, document.text, parsed, document.published)
    return DocumentClaims(
        document=document,
        entities=entities,
        figures=find_figures(document.id, document.text, parsed, dates),
        dates=dates,
        events=find_events(document.id, document.text, parsed, dates, entities),
        quotes=find_quotes(document.id, document.text, parsed, dates),
    )
