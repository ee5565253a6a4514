"""Align: the whole-corpus stage. Reads the ledger, writes its results back to it.

It never reads input files. Text reuse is the one step that needs words rather than claims,
and it takes them from the document text the ledger stores.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from consilience.align.actors import build_actor_index, name_key
from consilience.align.figures import Figure, load_figures
from consilience.align.grouping import group_figures
from consilience.align.independence import ReuseIndex
from consilience.align.reuse import ReuseLink, find_reuse
from consilience.align.slots import SameValueIndex, Slot, build_slot
from consilience.align.timeline import build_timeline
from consilience.extract.figures.scope import PLACE_LABELS
from consilience.store import Ledger
from consilience.store.ledger import result_json

__all__ = ["ReuseLink", "Slot", "align", "align_slots", "find_reuse", "iter_slots", "store_slots"]


def align(ledger: Ledger) -> None:
    """Recompute every corpus-wide result from what the ledger holds: text reuse first (the
    slots need it to count independent sources), then slots, the merged timeline and the
    index of actors and places."""
    links = [link.to_dict() for link in find_reuse(ledger.iter_texts())]
    ledger.replace_results("reuse", links)
    store_slots(ledger, links)
    timeline = build_timeline(ledger.iter_claims("events"))
    ledger.replace_results("timeline", [entry.to_dict() for entry in timeline])
    actors = build_actor_index(ledger.iter_claims("entities"), ledger.iter_texts())
    ledger.replace_results("actors", [entry.to_dict() for entry in actors])


def store_slots(ledger: Ledger, links: list[dict[str, Any]] | None = None) -> int:
    """Compute the slots and store them, most-reported first. Each slot is written as soon
    as it is built, so memory holds only the sort keys, not every slot."""
    count = 0

    def rows() -> Iterator[tuple[tuple[int, str, str, str], str, str]]:
        nonlocal count
        for slot in iter_slots(ledger, links):
            count += 1
            yield _slot_order(slot), slot.id, result_json(slot.to_dict())

    ledger.replace_sorted_results("slots", rows())
    return count


def align_slots(ledger: Ledger, links: list[dict[str, Any]] | None = None) -> list[Slot]:
    """Slots for every figure claim in the ledger, most-reported first."""
    return sorted(iter_slots(ledger, links), key=_slot_order)


def iter_slots(ledger: Ledger, links: list[dict[str, Any]] | None = None) -> Iterator[Slot]:
    """Slots for every figure claim in the ledger, block by block. Python's cyclic garbage
    collector is paused meanwhile: the records hold no cycles, and its full passes over a
    million live records would make the run grow faster than the corpus."""
    documents = ledger.documents()
    published = {str(doc["id"]): doc.get("published") for doc in documents}
    names = {str(doc["id"]): _document_name(doc) for doc in documents}
    reuse = ReuseIndex(ledger.reuse() if links is None else links)
    collecting = gc.isenabled()
    gc.disable()
    try:
        figures = list(load_figures(ledger.iter_claims("figures"), published))
        groups = group_figures(figures, _places_by_document(ledger, figures))
        del figures
        same_value = SameValueIndex(groups)

        def name(doc_id: str) -> str:
            return names.get(doc_id, doc_id)

        for index, group in enumerate(groups):
            slot = build_slot(group, reuse, name)
            same_value.explain(slot, group, index, name)
            yield slot
    finally:
        if collecting:
            gc.enable()


def _slot_order(slot: Slot) -> tuple[int, str, str, str]:
    return (-slot.sources, slot.event["start"] or "", slot.measure, slot.id)


def _places_by_document(ledger: Ledger, figures: list[Figure]) -> dict[str, frozenset[str]]:
    """The place names each document mentions: its place entities, its figures' places, and
    entities of other labels whose name some figure gives as its place (the small NER model
    often calls a town an organisation or a person).

    Only documents with at least one place entity are listed: a document whose places come
    from figures alone ("near the mill bridge") says too little to be set apart as another
    event, so grouping keeps it with the main one."""
    names: dict[str, set[str]] = defaultdict(set)
    for figure in figures:
        names[figure.doc].update(figure.places)
    figure_places = {place for found in names.values() for place in found}
    placed: set[str] = set()
    for entity in ledger.iter_claims("entities"):
        name = name_key(str(entity["text"]))
        if entity["label"] in PLACE_LABELS:
            placed.add(str(entity["doc"]))
            names[str(entity["doc"])].add(name)
        elif name in figure_places:
            names[str(entity["doc"])].add(name)
    return {doc: frozenset(found) for doc, found in names.items() if doc in placed}


def _document_name(document: dict[str, Any]) -> str:
    """How explanations name a document: its publisher, else its file name."""
    publisher = document.get("publisher")
    if publisher:
        return str(publisher)
    return PurePath(str(document.get("path") or document["id"])).name
