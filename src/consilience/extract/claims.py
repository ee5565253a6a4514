"""Plain records passed from extract to store: every claim carries its exact span."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from consilience.ingest.document import Document

# Claim kinds in the order they appear in the JSON contract.
CLAIM_KINDS = ("entities", "figures", "dates", "statements", "incidents", "quotes")
# Casualty measures an event's toll is told by, in the order headlines and views take them.
TOLL_MEASURES = ("killed", "wounded", "missing", "displaced")
SPAN_FIELDS = ("id", "doc", "start", "end", "text")
# A figure's modality: a count the source states as fact, or one it says may, could or is
# expected to be reached ("the toll could rise to 500").
ASSERTED, PROJECTION = "asserted", "projection"
MODALITIES = (ASSERTED, PROJECTION)


@dataclass(frozen=True)
class Claim:
    """What every claim has: where it is (`doc`, `start`, `end`) and the text there."""

    id: str
    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The claim as the JSON contract shows it: span fields first, the rest sorted.

        The dict `dataclasses.asdict` would give, in that order, without its cost: values
        of plain types are shared (they cannot change), a list of them is copied, and
        anything else (a nested record) goes through `asdict`'s own deep copy.
        """
        return {name: _plain(getattr(self, name)) for name in _field_order(type(self))}

    def non_span_fields(self) -> dict[str, Any]:
        """The fields past the span ones, sorted, as `to_dict` has them but not copied: for
        a caller that only reads them (the ledger stores them as JSON, once per claim)."""
        names = _field_order(type(self))[len(SPAN_FIELDS) :]
        return {name: getattr(self, name) for name in names}


# Each claim record's field names in `to_dict` order, found once per record type (so a
# field added to a record needs no change here).
_FIELD_ORDERS: dict[type[Claim], tuple[str, ...]] = {}
# Values that are never copied: immutable, and `asdict` returns them as they are.
_ATOMIC = frozenset({str, int, float, bool, type(None)})


def _field_order(record: type[Claim]) -> tuple[str, ...]:
    order = _FIELD_ORDERS.get(record)
    if order is None:
        names = [spec.name for spec in fields(record)]
        rest = sorted(name for name in names if name not in SPAN_FIELDS)
        order = _FIELD_ORDERS[record] = (*SPAN_FIELDS, *rest)
    return order


def _plain(value: Any) -> Any:
    """`value` as `asdict` gives it: a copy where it could change, the same object where
    it cannot."""
    kind = type(value)
    if kind in _ATOMIC:
        return value
    if kind is list and all(type(item) in _ATOMIC for item in value):
        return list(value)
    # Anything else (a nested record, a tuple, a dict: no claim field holds one today)
    # is copied by asdict itself, exactly as it copies a field.
    return asdict(_Box(value))["value"]


@dataclass(frozen=True)
class _Box:
    """One value as a dataclass field, for `asdict` to copy."""

    value: Any


@dataclass(frozen=True)
class EntityClaim(Claim):
    """A named actor, organisation, group or place mentioned in a document."""

    label: str  # PERSON, ORG, GPE, LOC or NORP


@dataclass(frozen=True)
class FigureClaim(Claim):
    """A count a source states: how many of what, how sure, where, when, on whose word.

    `start`/`end` cover the smallest clause that states the figure; `number_start` and
    `number_end` cover the number as written (its qualifier included) inside it.
    `modality` says whether the source states the count as fact (`asserted`) or as one
    that may, could or is expected to be reached (`projection`: "the toll could rise to
    500"); a projection is kept as a claim but never answers a slot.
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
    modality: str  # MODALITIES: asserted or projection
    incident: str | None  # id of the IncidentClaim of the same document the figure counts


@dataclass(frozen=True)
class DateClaim(Claim):
    """A temporal expression with its TIMEX3 type and normalized value.

    `anchor` says what a relative or underspecified expression was resolved against: the
    document's creation date (`dct`), the date the narrative is talking about
    (`narrative`), or nothing (`none`, for absolute dates and unresolved ones).
    """

    type: str  # DATE, TIME, DURATION or SET
    value: str | None  # TIMEX3 value: 1990-01-20, 1990-01-19/1990-01-20, 198, P36Y, ...
    mod: str | None  # TIMEX3 mod: START, MID, END, BEFORE, AFTER, APPROX, ...
    anchor: str


@dataclass(frozen=True)
class StatementClaim(Claim):
    """A statement the text anchors in time: what happened, who, where, and when."""

    date: str | None  # the normalized value of the date it is anchored by
    mod: str | None
    date_start: int
    date_end: int
    date_text: str
    what: str
    actors: list[str]
    places: list[str]
    # How it reads on a timeline (extract.statement_labels): whether its date says when
    # its verb happened (not a dateline, not a date that qualifies a noun, not a saying);
    # if so, a short label (actor, action, place; "" when the clause names no actor), and
    # whether that actor is a name.
    dates_verb: bool
    label: str
    actor_named: bool


@dataclass(frozen=True)
class IncidentClaim(Claim):
    """An event a document reports: what happened (`kind`, from the language's incident
    vocabulary), where, when, and its name. `start`/`end` cover the sentence that mentions
    it; `trigger_start`/`trigger_end` the words that name it ("earthquake", "blast")."""

    kind: str  # earthquake, flood, ..., other (resources/<lang>/incidents.toml)
    trigger: str
    trigger_start: int
    trigger_end: int
    name: str | None  # "Cyclone Mira", "Flight 018", "Black January"
    places: list[str]  # place names as written
    # gazetteer ids of the names resolved ("geonames:587084", "iso3166:AZ",
    # "iso3166-2:TW-HUA")
    place_ids: list[str]
    date: str | None  # TIMEX3 value of the incident date
    mod: str | None
    date_text: str | None
    # "text" (the document states it), "published" (taken from the publication date),
    # "none"
    date_source: str
    ongoing: bool  # a long-running situation (a war, a season) whose tolls are cumulative


@dataclass(frozen=True)
class QuoteClaim(Claim):
    """Who said what. `start`/`end` cover the quote with its attribution; `content_*` the
    words attributed (without quotation marks)."""

    type: str  # direct or reported
    content: str
    content_start: int
    content_end: int
    speaker: str | None  # the nearest named mention of the speaker
    speaker_text: str | None  # the speaker as this sentence gives it ("he", "the mayor")
    cue: str | None  # the reporting verb ("said", "stated", "emphasized")
    date: str | None  # normalized value of the date the text anchors the statement to


@dataclass
class DocumentClaims:
    """Everything extracted from one document, and nothing from any other."""

    document: Document
    entities: list[EntityClaim] = field(default_factory=list)
    figures: list[FigureClaim] = field(default_factory=list)
    dates: list[DateClaim] = field(default_factory=list)
    statements: list[StatementClaim] = field(default_factory=list)
    incidents: list[IncidentClaim] = field(default_factory=list)
    quotes: list[QuoteClaim] = field(default_factory=list)
    # One line per extractor that failed on this document: "figures not extracted
    # (OverflowError: ...); other claims kept". Empty when everything was extracted.
    problems: tuple[str, ...] = ()

    def claims_of(self, kind: str) -> list[Claim]:
        if kind not in CLAIM_KINDS:
            raise ValueError(f"unknown claim kind {kind!r}")
        claims: list[Claim] = list(getattr(self, kind))
        return claims


# The record of each claim kind, for exports that need its columns.
CLAIM_RECORDS: dict[str, type[Claim]] = {
    "entities": EntityClaim,
    "figures": FigureClaim,
    "dates": DateClaim,
    "statements": StatementClaim,
    "incidents": IncidentClaim,
    "quotes": QuoteClaim,
}


# One letter per claim kind, distinct, so a claim id names its kind across the ledger.
# Statements keep "e", the letter of their kind's first name (events), so ids never change.
CLAIM_LETTERS = {
    "entities": "n",
    "figures": "f",
    "dates": "d",
    "statements": "e",
    "incidents": "i",
    "quotes": "q",
}
KIND_OF_LETTER = {letter: kind for kind, letter in CLAIM_LETTERS.items()}


def claim_id(doc_id: str, kind: str, index: int) -> str:
    """A stable id: the document id, the claim kind's letter, and the claim's rank."""
    return f"{doc_id}-{CLAIM_LETTERS[kind]}{index}"


def kind_of_claim_id(claim: str) -> str | None:
    """The claim kind an id names, or None when it is not a claim id."""
    _, dash, rest = claim.rpartition("-")
    return KIND_OF_LETTER.get(rest[:1]) if dash and rest[1:].isdigit() else None
