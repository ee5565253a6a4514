"""Response shapes of the JSON API, so /openapi.json describes what clients really get.

The records are the ledger's own (docs/schema.md); the fields every record of a kind has
are declared, and kind-specific fields (a figure's `measure`, a quote's `speaker` ...) pass
through as additional properties.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

Number = int | float


class Record(BaseModel):
    """A ledger record: the declared fields, and whatever else the record holds."""

    model_config = ConfigDict(extra="allow")


class Error(BaseModel):
    detail: str = Field(description="What was not found or not allowed.")


class Claim(Record):
    """A claim: its span in its document; kind-specific fields are additional properties."""

    id: str
    doc: str
    start: int
    end: int
    text: str


class ClaimOfKind(Claim):
    kind: str = Field(
        description="entities, figures, dates, statements, incidents or quotes (an "
        "incident's own kind is `incident_kind`)"
    )


class ClaimRef(BaseModel):
    """A claim named where a slot cites it: its source's label and its text."""

    id: str
    kind: str | None
    doc: str | None
    label: str
    text: str
    start: int | None = None
    end: int | None = None


class DocumentMeta(Record):
    id: str
    path: str
    title: str | None
    publisher: str | None
    author: str | None
    published: str | None
    url: str | None
    sha256: str
    format: str
    encoding: str
    chars: int
    label: str = Field(description="How the source is named: publisher, else title, else file.")


class DocumentSummary(DocumentMeta):
    claims: dict[str, int] = Field(description="Number of claims by kind.")


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class TextRun(BaseModel):
    """A stretch of the text covered by the same claims (innermost last)."""

    text: str
    start: int
    claims: list[str]


class DocumentDetail(BaseModel):
    document: DocumentMeta
    text: str
    claims: dict[str, list[Claim]] = Field(description="Claims by kind, in text order.")
    runs: list[TextRun] = Field(description="The text cut at every claim boundary.")


class Passage(BaseModel):
    """A claim in its place: the text before it, its own text, and the text after."""

    claim: ClaimOfKind
    document: DocumentMeta
    before: str
    text: str
    after: str


class SlotEvent(Record):
    label: str
    id: str | None = None
    kind: str | None = None
    time: str | None = None
    start: str | None = None
    end: str | None = None
    places: list[str] = []


class SlotValue(Record):
    value: Number | None
    low: Number | None
    high: Number | None
    text: str
    claims: list[str]
    documents: list[str]
    independent_sources: int


class Explanation(Record):
    kind: str
    text: str
    claims: list[str]


class Slot(Record):
    """One question several figures answer, with every value and the verdict."""

    id: str
    measure: str
    measures: list[str]
    event: SlotEvent | None
    subject: str | None
    claims: list[str]
    parts: list[str]
    sources: int
    independent_sources: int
    verdict: str = Field(description="agreed, compatible, conflicting or single_source")
    low: Number | None
    high: Number | None
    best: Number | None
    best_text: str | None
    best_rule: str | None
    latest: dict[str, Any] | None
    values: list[SlotValue]
    explanations: list[Explanation]


class SlotPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Slot]


class SlotValueDetail(SlotValue):
    sources: list[ClaimRef]


class ExplanationDetail(Record):
    kind: str
    text: str
    claims: list[ClaimRef]


class SlotDetail(Slot):
    """A slot with every claim it cites resolved to its source and text."""

    disputed: bool
    values: list[SlotValueDetail]  # type: ignore[assignment]
    explanations: list[ExplanationDetail]  # type: ignore[assignment]
    parts: list[ClaimRef]  # type: ignore[assignment]


class FigurePage(BaseModel):
    measure: str
    limit: int
    offset: int
    items: list[Claim]


class TimelineSpan(Record):
    doc: str
    event: str
    start: int
    end: int
    label: str
    date_text: str | None = None


class TimelineEntry(Record):
    id: str
    date: str | None
    mod: str | None
    start: str | None
    end: str | None
    what: str | None
    events: list[str]
    documents: list[str]
    spans: list[TimelineSpan]
    sources: list[str] = Field(description="The labels of the sources that report it.")


class TimelinePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[TimelineEntry]


class EventPlace(Record):
    """A place of an event, with its gazetteer id where the gazetteer knows it."""

    name: str
    id: str | None = Field(None, description="geonames:N, iso3166:CC or iso3166-2:CC-RR")
    level: str | None = Field(None, description="city, region or country; null if unknown")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    region: str | None = None
    within: list[Any] = []
    latitude: Number | None = None
    longitude: Number | None = None


class EventDate(Record):
    value: str | None = None
    mod: str | None = None
    start: str | None = None
    end: str | None = None


class EventToll(Record):
    """An event's toll of one measure: its slot's best, range and latest value."""

    slot: str | None = None
    best: Number | None = None
    low: Number | None = None
    high: Number | None = None
    latest: Number | None = None
    claims: list[str] = []


class Event(Record):
    """One real-world event resolved across documents, with its slots and tolls."""

    id: str
    kind: str | None = None
    label: str
    name: str | None = None
    places: list[EventPlace] = []
    date: EventDate | None = None
    ongoing: bool = False
    first_reported: str | None = None
    last_reported: str | None = None
    documents: list[str] = []
    sources: int | None = None
    independent_sources: int | None = None
    mentions: list[str] = []
    slots: list[str] = []
    tolls: dict[str, EventToll] = {}


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Event]


class EventSlot(BaseModel):
    """A slot of an event, in brief (the whole slot is at /api/slots/{id})."""

    id: str
    measure: str | None
    subject: str | None
    verdict: str | None
    best: Number | None
    best_text: str | None
    low: Number | None
    high: Number | None
    sources: int | None
    independent_sources: int | None


class EventReport(BaseModel):
    """A document reporting an event."""

    id: str
    label: str
    title: str | None
    publisher: str | None
    published: str | None
    path: str | None


class TollPoint(BaseModel):
    """One figure claim of a toll, as the toll-over-time chart draws it."""

    id: str
    doc: str
    label: str = Field(description="The source: publisher, else title, else file.")
    published: str | None = Field(description="When the claim's document was published.")
    value: Number | None
    low: Number | None
    high: Number | None
    qualifier: str | None
    number_text: str | None
    text: str


class EventDetail(Event):
    """An event with its reports, its slots in brief, and per casualty measure the points
    of its toll over time."""

    summary: dict[str, Any] = Field(description="The event as one row of a list.")
    reports: list[EventReport] = Field(description="Its documents, oldest first.")
    slot_refs: list[EventSlot]
    toll_points: dict[str, list[TollPoint]]


class SearchHit(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: str | None
    path: str
    url: str | None
    label: str = Field(description="The source: publisher, else site, title or file name.")
    snippet: str = Field(description="A passage around the matched words, as plain text.")
    matches: list[tuple[int, int]] = Field(
        description="[start, end) character offsets of the matched words in `snippet`."
    )


class SearchResults(BaseModel):
    query: str
    stemmed: bool = Field(
        description='True when words match by their stem ("killed" finds "killing"); '
        "false on a ledger not yet upgraded by a build, which matches words as written."
    )
    items: list[SearchHit]


class FigureHit(Claim):
    """A figure claim found by measure and value, with its source."""

    measure: str
    value: Number | None = Field(description='The number stated; null for "hundreds".')
    low: Number | None
    high: Number | None
    number_text: str | None = Field(description='The number as written: "approximately 150".')
    qualifier: str | None = Field(description="exact, approximately, at_least, more_than, ...")
    label: str = Field(description="The source: publisher, else site, title or file name.")
    published: str | None = Field(description="When the claim's document was published.")


class FigureSearchResults(BaseModel):
    measure: str
    min: Number | None = Field(description="The smallest value asked for (null: none).")
    max: Number | None = Field(description="The largest value asked for (null: none).")
    limit: int
    offset: int
    more: bool = Field(description="True when another page of figures follows.")
    items: list[FigureHit]


class Overview(BaseModel):
    ledger: str
    documents: int
    published_first: str | None
    published_last: str | None
    claims: dict[str, int]
    results: dict[str, int]
    aligned: bool = Field(description="False when the corpus changed after the last alignment.")
