"""Named actors, organisations, groups and places, as spaCy's recogniser finds them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from consilience.extract.claims import EntityClaim, claim_id
from consilience.extract.syntax import ENTITY_LABELS

if TYPE_CHECKING:  # spaCy itself is imported by nlp.load_nlp, when it is first needed
    from spacy.tokens import Doc


def find_entities(doc_id: str, text: str, parsed: list[tuple[int, Doc]]) -> list[EntityClaim]:
    """One claim per entity mention, with the span it covers in the document text."""
    found: list[EntityClaim] = []
    for offset, doc in parsed:
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            start = offset + ent.start_char
            end = offset + ent.end_char
            # Trim whitespace and stray punctuation spaCy sometimes leaves at the edges.
            while start < end and not text[start].isalnum():
                start += 1
            while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
                end -= 1
            if start >= end:
                continue
            found.append(
                EntityClaim(
                    id=claim_id(doc_id, "entities", len(found)),
                    doc=doc_id,
                    start=start,
                    end=end,
                    text=text[start:end],
                    label=ent.label_,
                )
            )
    return found
