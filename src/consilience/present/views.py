"""What every view shows, read from the ledger once and shaped as plain dicts: the
terminal, the HTML report and the web UI render these and never recompute extraction
or alignment. Dicts, not classes, because the web UI returns the same records as JSON."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from consilience.extract.claims import CLAIM_KINDS, TOLL_MEASURES
from consilience.ingest.naming import document_title, source_name
from consilience.numbers import number
from consilience.present.highlight import Run, Span, runs
from consilience.present.reuse_view import counted_once
from consilience.present.stated import is_projection, stated_range, stated_rows
from consilience.store import Ledger

# Verdicts where the sources' values differ: these slots get a chart and a conflict entry.
DISPUTED_VERDICTS = ("conflicting", "compatible")
# Explanations a slot shows first, most important first; the rest are folded by kind.
EXPLANATIONS_FIRST = 3
PASSAGE_CONTEXT = 240  # characters of text shown either side of a claim


def named(document: dict[str, Any]) -> dict[str, Any]:
    """`document` as views show it: its `label` by the one naming rule, and its title
    cleaned of site names and dates (the stored title stays in the ledger and exports)."""
    document["label"] = source_name(document)
    document["title"] = document_title(document)
    return document


class Sources:
    """Document metadata by id, looked up once each: views name sources many times."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._known: dict[str, dict[str, Any]] = {}
        self._reuse: list[dict[str, Any]] | None = None
        self._partners: dict[str, set[str]] | None = None
        self._text: tuple[str, str] = ("", "")

    def get(self, doc_id: str) -> dict[str, Any]:
        if doc_id not in self._known:
            document = self.ledger.document(doc_id) or {"id": doc_id, "path": doc_id}
            document.pop("text", None)
            named(document)
            self._known[doc_id] = document
        return self._known[doc_id]

    def label(self, doc_id: str) -> str:
        return str(self.get(doc_id)["label"])

    def text(self, doc_id: str) -> str:
        """A document's text; the last one read is kept, as views read a document's
        claims together."""
        if self._text[0] != doc_id:
            document = self.ledger.document(doc_id) or {}
            self._text = (doc_id, str(document.get("text") or ""))
        return self._text[1]

    def reuse_links(self) -> list[dict[str, Any]]:
        """The stored reuse links, read once."""
        if self._reuse is None:
            self._reuse = self.ledger.reuse()
        return self._reuse

    def reuse_partners(self) -> dict[str, set[str]]:
        """Per document, the documents it shares passages with (worked out once)."""
        if self._partners is None:
            self._partners = {}
            for link in self.reuse_links():
                a, b = str(link["a"]), str(link["b"])
                self._partners.setdefault(a, set()).add(b)
                self._partners.setdefault(b, set()).add(a)
        return self._partners


def overview(ledger: Ledger) -> dict[str, Any]:
    """Sources, their publication dates and claim counts, and totals."""
    counts: dict[str, dict[str, int]] = {kind: {} for kind in CLAIM_KINDS}
    for kind in CLAIM_KINDS:
        counts[kind] = ledger.claim_counts_by_document(kind)
    documents = []
    for document in ledger.documents():
        named(document)
        document["claims"] = {kind: counts[kind].get(document["id"], 0) for kind in CLAIM_KINDS}
        documents.append(document)
    published = sorted(d["published"] for d in documents if d["published"])
    return {
        "ledger": ledger.path.name,
        "documents": documents,
        "published_first": published[0] if published else None,
        "published_last": published[-1] if published else None,
        "claims": {kind: ledger.claim_count(kind) for kind in CLAIM_KINDS},
        "results": {
            table: ledger.result_count(table) for table in ("events", "slots", "timeline", "actors")
        },
        "aligned": ledger.alignment_current(),
    }


def projection_ids(claims: dict[str, list[dict[str, Any]]]) -> list[str]:
    """The ids of the figure claims among `claims` (by kind) that are projections."""
    return [claim["id"] for claim in claims.get("figures", []) if is_projection(claim)]


def claim_ref(ledger: Ledger, sources: Sources, claim_id: str) -> dict[str, Any]:
    """A claim as a link target: its id, kind, document, source name and text."""
    claim = ledger.claim(claim_id)
    if claim is None:
        return {"id": claim_id, "kind": None, "doc": None, "label": "?", "text": ""}
    return {
        "id": claim_id,
        "kind": claim["kind"],
        "doc": claim["doc"],
        "label": sources.label(claim["doc"]),
        "text": claim["text"],
        "start": claim["start"],
        "end": claim["end"],
    }


def slot_view(ledger: Ledger, slot: dict[str, Any], sources: Sources) -> dict[str, Any]:
    """A slot with every value's sources and passages and every explanation's claims."""
    view = dict(slot)
    view["disputed"] = slot.get("verdict") in DISPUTED_VERDICTS
    values = []
    for value in slot.get("values", []):
        shown = dict(value)
        shown["sources"] = [claim_ref(ledger, sources, c) for c in value.get("claims", [])]
        values.append(shown)
    view["values"] = values
    view["explanations"] = [
        {**e, "claims": [claim_ref(ledger, sources, c) for c in e.get("claims", [])]}
        for e in slot.get("explanations", [])
    ]
    view["parts"] = [claim_ref(ledger, sources, c) for c in slot.get("parts", [])]
    view["stated"] = stated_rows(ledger, sources, slot)
    view["stated_low"], view["stated_high"] = stated_range(view["stated"])
    view.setdefault("headline", "")
    view["counted_once"] = counted_once(slot, sources)
    view["explanations_first"] = view["explanations"][:EXPLANATIONS_FIRST]
    view["explanation_groups"] = _by_kind(view["explanations"][EXPLANATIONS_FIRST:])
    view["explanations_folded"] = max(0, len(view["explanations"]) - EXPLANATIONS_FIRST)
    return view


def _by_kind(explanations: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Explanations grouped by kind, the kinds in the order they first come (alignment
    stores them most important first)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for explanation in explanations:
        groups.setdefault(str(explanation.get("kind")), []).append(explanation)
    return list(groups.items())


def slot_views(
    ledger: Ledger, sources: Sources, limit: int = -1, offset: int = 0
) -> list[dict[str, Any]]:
    """Slots in rank order (most reported first), shaped by `slot_view`."""
    page = ledger.results_page("slots", limit, offset)
    return [slot_view(ledger, slot, sources) for slot in page]


def timeline_view(
    ledger: Ledger, sources: Sources, limit: int = -1, offset: int = 0
) -> list[dict[str, Any]]:
    """Timeline entries in order, each span naming its source."""
    entries = []
    for entry in ledger.results_page("timeline", limit, offset):
        shown = dict(entry)
        shown["spans"] = [
            {**span, "label": sources.label(span["doc"])} for span in entry.get("spans", [])
        ]
        shown["sources"] = sorted({span["label"] for span in shown["spans"]})
        entries.append(shown)
    return entries


def passage(ledger: Ledger, claim_id: str, context: int = PASSAGE_CONTEXT) -> dict[str, Any] | None:
    """A claim in its place: the text before it, the claim's own text, the text after,
    cut at word boundaries, with the source named."""
    claim = ledger.claim(claim_id)
    if claim is None:
        return None
    document = ledger.document(claim["doc"])
    if document is None:
        return None
    text: str = document.pop("text")
    start, end = claim["start"], claim["end"]
    before_at = _word_boundary(text, max(0, start - context), forward=True)
    after_at = _word_boundary(text, min(len(text), end + context), forward=False)
    return {
        "claim": claim,
        "document": named(dict(document)),
        "before": ("…" if before_at > 0 else "") + text[before_at:start],
        "text": text[start:end],
        "after": text[end:after_at] + ("…" if after_at < len(text) else ""),
    }


def document_view(ledger: Ledger, doc_id: str) -> dict[str, Any] | None:
    """One document: its metadata, its claims by kind, its text cut into runs for
    highlighting, and the ids of its figures that are projections (marked as such)."""
    document = ledger.document(doc_id)
    if document is None:
        return None
    text: str = document.pop("text")
    claims = ledger.document_claims(doc_id)
    named(document)
    return {
        "document": document,
        "claims": claims,
        "runs": runs(text, claim_spans(claims)),
        "projections": projection_ids(claims),
    }


def claim_spans(claims: dict[str, list[dict[str, Any]]]) -> Iterable[Span]:
    for kind, found in claims.items():
        for claim in found:
            yield Span(claim["id"], kind, claim["start"], claim["end"])


def run_record(run: Run) -> dict[str, Any]:
    """A run as JSON: its text, offset, and covering claims (innermost last)."""
    return {"text": run.text, "start": run.start, "claims": list(run.claims)}


def _word_boundary(text: str, at: int, *, forward: bool) -> int:
    """`at` moved to the nearest whitespace (within 30 characters) so no word is cut."""
    step = 1 if forward else -1
    for moved in range(30):
        i = at + step * moved
        if i <= 0 or i >= len(text):
            return max(0, min(len(text), i))
        if text[i].isspace():
            return i + 1 if forward else i
    return at


PLACE_FIELDS = ("name", "id", "level", "country", "region", "within", "latitude", "longitude")


def toll_measures(event: dict[str, Any]) -> list[str]:
    """The casualty measures an event has a toll of, in TOLL_MEASURES order (its other
    tolls, "damaged" or "arrested", are among its slots)."""
    tolls = event.get("tolls") or {}
    return [measure for measure in TOLL_MEASURES if measure in tolls]


def toll_text(measure: str, toll: dict[str, Any]) -> str:
    """An event's latest toll of one measure as a reader writes it: "killed 14 (12–14)"."""
    latest = toll.get("latest")
    shown = number(latest if latest is not None else toll.get("best"))
    low, high = toll.get("low"), toll.get("high")
    if low is None or low == high:
        return f"{measure} {shown}"
    top = "?" if high is None or high == float("inf") else number(high)
    return f"{measure} {shown} ({number(low)}–{top})"


def event_summary(event: dict[str, Any]) -> dict[str, Any]:
    """An event as one row of a list: its label, kind, incident date, first and last
    report, reports, independent sources and latest tolls. Old ledgers' events may lack
    fields: each is read with a default."""
    when = event.get("date") or {}
    value = str(when.get("value") or when.get("start") or "").replace("/", " – ")
    mod = f" ({str(when['mod']).lower()})" if when.get("mod") else ""
    tolls = event.get("tolls") or {}
    return {
        "id": event.get("id"),
        "label": event.get("label") or event.get("id") or "?",
        "kind": str(event.get("kind") or "").replace("_", " "),
        "date": f"{value}{mod}" if value else "",
        "ongoing": bool(event.get("ongoing")),
        "first_reported": event.get("first_reported"),
        "last_reported": event.get("last_reported"),
        "reports": len(event.get("documents") or []),
        "sources": event.get("sources"),
        "independent_sources": event.get("independent_sources"),
        "tolls": [toll_text(m, tolls[m]) for m in toll_measures(event)],
    }


def toll_points(ledger: Ledger, sources: Sources, claim_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Each figure claim of a toll as a point of the toll-over-time chart: the publication
    date of its document, its value or low–high range, and its source named."""
    points = []
    for claim_id in claim_ids:
        claim = ledger.claim(claim_id)
        if claim is None:
            continue
        document = sources.get(claim["doc"])
        points.append(
            {
                "id": claim_id,
                "doc": claim["doc"],
                "label": document["label"],
                "published": document.get("published"),
                "value": claim.get("value"),
                "low": claim.get("low"),
                "high": claim.get("high"),
                "qualifier": claim.get("qualifier"),
                "number_text": claim.get("number_text"),
                "text": claim["text"],
            }
        )
    return points


def event_view(ledger: Ledger, event: dict[str, Any], sources: Sources) -> dict[str, Any]:
    """An event with its row summary, its reports (documents, oldest first), its slots
    (each in brief, ids the ledger lacks left out) and, per toll measure, the points of
    its toll-over-time chart: every figure claim of the toll's slot."""
    view = dict(event)
    view["summary"] = event_summary(event)
    view["told"] = _after_label(event)
    when = event.get("date") or {}
    view["date"] = {key: when.get(key) for key in ("value", "mod", "start", "end")}
    view["places"] = [
        {key: place.get(key) for key in PLACE_FIELDS} for place in event.get("places") or []
    ]
    reports = [sources.get(doc) for doc in event.get("documents") or []]
    view["reports"] = sorted(
        (
            {
                key: document.get(key)
                for key in ("id", "label", "title", "publisher", "published", "path")
            }
            for document in reports
        ),
        key=lambda d: (d["published"] is None, d["published"] or "", d["label"]),
    )
    slots = {}
    for slot_id in event.get("slots") or []:
        slot = ledger.result("slots", slot_id)
        if slot is not None:
            slots[slot_id] = slot
    view["slot_refs"] = [
        {
            key: slot.get(key)
            for key in (
                "id",
                "measure",
                "subject",
                "verdict",
                "best",
                "best_text",
                "low",
                "high",
                "sources",
                "independent_sources",
            )  # fmt: skip
        }
        for slot in slots.values()
    ]
    tolls = event.get("tolls") or {}
    view["toll_points"] = {}
    for measure in toll_measures(event):
        toll = tolls[measure]
        slot = slots.get(toll.get("slot")) or ledger.result("slots", toll.get("slot") or "")
        claims = slot["claims"] if slot is not None else toll.get("claims") or []
        view["toll_points"][measure] = toll_points(ledger, sources, claims)
    return view


def event_views(
    ledger: Ledger, sources: Sources, limit: int = -1, offset: int = 0
) -> list[dict[str, Any]]:
    """Events in rank order (most reported first), shaped by `event_view`."""
    page = ledger.results_page("events", limit, offset)
    return [event_view(ledger, event, sources) for event in page]


BRIEF_EVENTS = 10  # event headlines the overview opens on
BRIEF_SLOTS = 10  # disputed slot headlines after them


def brief(events: list[dict[str, Any]], slots: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What an overview opens on: the headlines of the most reported events, then those of
    the disputed slots that no event headline already tells. Each item: kind ("event" or
    "slot"), id, label and headline, as stored."""
    items = [
        {
            "kind": "event",
            "id": event["id"],
            "label": event.get("label") or event["id"],
            "headline": _after_label(event),
        }
        for event in events[:BRIEF_EVENTS]
        if event.get("headline")
    ]
    told = {str(event.get("headline")) for event in events}
    for slot in [s for s in slots if s.get("verdict") in DISPUTED_VERDICTS][:BRIEF_SLOTS]:
        headline = str(slot.get("headline") or "")
        if headline and not any(headline in event_told for event_told in told):
            subject = f" · {slot['subject']}" if slot.get("subject") else ""
            where = (slot.get("event") or {}).get("label")
            items.append(
                {
                    "kind": "slot",
                    "id": slot["id"],
                    "label": f"{slot['measure']}{subject}" + (f" ({where})" if where else ""),
                    "headline": headline,
                }
            )
    return items


def _after_label(event: dict[str, Any]) -> str:
    """An event's headline without the label it starts with (the item shows the label)."""
    headline, label = str(event.get("headline") or ""), str(event.get("label") or "")
    return headline.removeprefix(label).removeprefix(":").strip() if label else headline
