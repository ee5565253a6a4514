"""Plain records passed from extract to store: every claim carries its exact span."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from consilience.ingest.document import Document

# Claim kinds in the order they appear in the JSON contract.
CLAIM_KINDS = ("entities", "figures", "dates", "events", "quotes")
SPAN_FIELDS = ("id", "doc", "start", "end", "text")


@dataclass(frozen=True)
class Claim:
    """What every claim has: where it is (`doc`, `start`, `end`) and the text there."""

    id: str
    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The claim as the JSON contract shows it: span fields first, the rest sorted."""
        values = asdict(self)
        record = {key: values.pop(key) for key in SPAN_FIELDS}
        record.update(sorted(values.items()))
        return record


@dataclass(frozen=True)
class EntityClaim(Claim):
    """A named actor, organisation, group or place mentioned in a document."""

    label: str  # PERSON, ORG, GPE, LOC or NORP


@dataclass(frozen=True)
class FigureClaim(Claim):
    """A count a source states: how many of what, how sure, where, when, on whose word.

    `start`/`end` cover the smallest clause that states the figure; `number_start` and
    `number_end` cover the number as written (its qualifier included) inside it.
    """

    number_text: str
    number_start: int
    number_end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    measure: str
    subject: str | None
    subject_inherited: bool
    trigger: str | None
    implicit: bool
    place: list[str]
    place_inherited: bool
    time: str | None
    time_inherited: bool
    attribution: str | None


@dataclass
class DocumentClaims:
    """Everything extracted from one document, and nothing from any other."""

    document: Document
    entities: list[EntityClaim] = field(default_factory=list)
    figures: list[FigureClaim] = field(default_factory=list)
    dates: list[Claim] = field(default_factory=list)
    events: list[Claim] = field(default_factory=list)
    quotes: list[Claim] = field(default_factory=list)

    def claims_of(self, kind: str) -> list[Claim]:
        if kind not in CLAIM_KINDS:
            raise ValueError(f"unknown claim kind {kind!r}")
        claims: list[Claim] = list(getattr(self, kind))
        return claims


def claim_id(doc_id: str, kind: str, index: int) -> str:
    """A stable id: the document id, the claim kind's letter, and the claim's rank."""
    return f"{doc_id}-{kind[0]}{index}"
