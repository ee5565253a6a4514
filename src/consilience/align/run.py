"""The alignment run: reuse, slots, events, timeline and actors from what the ledger
holds (the package's docstring says how). Loaded when one of its names is first used."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from consilience.align.actors import build_actor_index
from consilience.align.event_records import event_record
from consilience.align.events import Mention, mention_from_claim, resolve_events
from consilience.align.explain import Names, PlaceSpellings, ranked
from consilience.align.figures import NOT_TOLLS, Figure, load_figures
from consilience.align.grouping import event_of_figure, group_figures
from consilience.align.headline import event_headline, slot_headline
from consilience.align.independence import ReuseIndex
from consilience.align.reuse import find_reuse
from consilience.align.slots import SameValueIndex, Slot, build_slot
from consilience.align.timeline import build_timeline
from consilience.extract.claims import TOLL_MEASURES
from consilience.ingest.naming import source_name
from consilience.lexicon.incidents import OTHER, load_vocabulary
from consilience.places import load_gazetteer
from consilience.store import Ledger
from consilience.store.ledger import result_json


def align(ledger: Ledger) -> None:
    """Recompute every corpus-wide result from what the ledger holds: text reuse first (the
    slots need it to count independent sources), then slots, the merged timeline and the
    index of actors and places."""
    links = [link.to_dict() for link in find_reuse(ledger.iter_texts())]
    ledger.replace_results("reuse", links)
    store_slots(ledger, links)
    timeline = build_timeline(ledger.iter_claims("statements"))
    ledger.replace_results("timeline", [entry.to_dict() for entry in timeline])
    actors = build_actor_index(ledger.iter_claims("entities"), ledger.iter_texts())
    ledger.replace_results("actors", [entry.to_dict() for entry in actors])


def store_slots(ledger: Ledger, links: list[dict[str, Any]] | None = None) -> int:
    """Compute the events and their slots and store them, most-reported first. Each slot is
    written as soon as it is built, so memory holds only the sort keys, not every slot."""
    count = 0

    events: list[dict[str, Any]] = []

    def rows() -> Iterator[tuple[tuple[int, str, str, str], str, str]]:
        nonlocal count
        for slot in iter_slots(ledger, links, events):
            count += 1
            yield _slot_order(slot), slot.id, result_json(slot.to_dict())

    ledger.replace_sorted_results("slots", rows())
    events.sort(key=lambda event: (-event["sources"], event["date"]["start"] or "", event["id"]))
    ledger.replace_results("events", events)
    return count


def align_slots(ledger: Ledger, links: list[dict[str, Any]] | None = None) -> list[Slot]:
    """Slots for every figure claim in the ledger, most-reported first."""
    return sorted(iter_slots(ledger, links), key=_slot_order)


def iter_slots(
    ledger: Ledger,
    links: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
) -> Iterator[Slot]:
    """Slots for every figure claim in the ledger, event by event. When `events` is a list,
    the event records are appended to it, each with its slots and tolls. Python's cyclic
    garbage collector is paused meanwhile: the records hold no cycles, and its full passes
    over a million live records would make the run grow faster than the corpus."""
    documents = ledger.documents()
    published = {str(doc["id"]): doc.get("published") for doc in documents}
    names = {str(doc["id"]): _document_name(doc) for doc in documents}
    spellings = PlaceSpellings()
    reuse = ReuseIndex(ledger.reuse() if links is None else links)
    collecting = gc.isenabled()
    gc.disable()
    try:
        figures = list(load_figures(spellings.read(ledger.iter_claims("figures")), published))
        resolved = resolve_events(_mentions(ledger, figures, published))
        gazetteer = load_gazetteer()
        event_of = {m.id: event.id for event in resolved for m in event.mentions}
        records = {event.id: event_record(event, gazetteer) for event in resolved}
        groups = group_figures(figures, event_of)
        del figures
        same_value = SameValueIndex(groups)
        # Per event: its slot ids, and per measure the toll slot so far (its rank and
        # summary); slots themselves are not kept, so memory holds no more than before.
        slot_ids: dict[str, list[str]] = defaultdict(list)
        tolls: dict[str, dict[str, tuple[tuple[bool, int, str], dict[str, Any]]]]
        tolls = defaultdict(dict)

        name = Names(names, spellings.shown())
        for index, group in enumerate(groups):
            slot = build_slot(group, reuse, name)
            same_value.explain(slot, group, index, name)
            slot.explanations = ranked(slot.explanations, {f.id: f.doc for f in group})
            approximate = {f.doc for f in group if f.qualifier != "exact"}
            slot.headline = slot_headline(slot.to_dict(), name, approximate)
            event_id = event_of_figure(group[0], event_of)
            record = records.get(event_id)
            if record is not None:
                slot.event.update(id=event_id, kind=record["kind"], label=record["label"])
                slot_ids[event_id].append(slot.id)
                rank = (slot.subject != "people", -slot.sources, slot.id)
                held = tolls[event_id].get(slot.measure)
                if slot.measure not in NOT_TOLLS and (held is None or rank < held[0]):
                    tolls[event_id][slot.measure] = (rank, _toll(slot))
            yield slot
        if events is not None:
            for event in resolved:
                record = records[event.id]
                record["slots"] = slot_ids.get(event.id, [])
                record["sources"] = len(record["documents"])
                record["independent_sources"] = reuse.independent_count(record["documents"])
                held_tolls = tolls.get(event.id, {})
                record["tolls"] = {m: held_tolls[m][1] for m in sorted(held_tolls)}
                main = next((m for m in TOLL_MEASURES if m in held_tolls), None)
                toll_headline = held_tolls[main][1]["headline"] if main else ""
                record["headline"] = event_headline(record, toll_headline)
                events.append(record)
    finally:
        if collecting:
            gc.enable()


def _mentions(
    ledger: Ledger, figures: list[Figure], published: dict[str, str | None]
) -> Iterator[Mention]:
    """Every incident claim, and a stand-in for each document with figures that count no
    incident (its document names none): kind `other`, its figures' places, its day. The
    figures' places are name keys (folded): the gazetteer still resolves them, but an
    unknown one no longer shows it was written with a capital, so it places nothing."""
    gazetteer = load_gazetteer()
    vocabulary = load_vocabulary()
    for claim in ledger.iter_claims("incidents"):
        yield mention_from_claim(claim, published.get(str(claim["doc"])), gazetteer, vocabulary)
    unlinked: dict[str, list[str]] = defaultdict(list)
    for figure in figures:
        if figure.incident is None:
            unlinked[figure.doc].extend(figure.places)
    for doc, places in unlinked.items():
        day = published.get(doc)
        stand_in = {
            "id": doc,
            "doc": doc,
            "kind": OTHER,
            "places": list(dict.fromkeys(places)),
            "place_ids": [
                place.id for name in dict.fromkeys(places) if (place := gazetteer.resolve(name))
            ],
            "date": day[:10] if day else None,
            "date_source": "published",
            "text": "",
        }
        yield mention_from_claim(stand_in, day, gazetteer, vocabulary)


def _toll(slot: Slot) -> dict[str, Any]:
    """An event's toll for one measure, from the slot of that measure that counts people
    (else any) with the most sources. Its low and high are the lowest and highest value
    a source states (a bound counts as its number, "hundreds" as its words' range), never
    the margins an approximate value ("about 30") is read with."""
    latest = slot.latest or {}
    lows = [v.value if v.value is not None else v.low for v in slot.values]
    highs = [v.value if v.value is not None else v.high for v in slot.values]
    stated_lows = [low for low in lows if low is not None]
    stated_highs = [high for high in highs if high is not None]
    return {
        "slot": slot.id,
        "best": slot.best,
        "low": min(stated_lows) if stated_lows else slot.low,
        "high": max(stated_highs) if stated_highs else slot.high,
        "latest": latest.get("value"),
        "claims": list(slot.claims),
        "headline": slot.headline,
    }


def _slot_order(slot: Slot) -> tuple[int, str, str, str]:
    return (-slot.sources, slot.event["start"] or "", slot.measure, slot.id)


def _document_name(document: dict[str, Any]) -> str:
    """How explanations name a document: the one rule every view uses (ingest.naming)."""
    return source_name(document)
