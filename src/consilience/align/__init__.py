"""Align: the whole-corpus stage. Reads the ledger, writes its results back to it.

It never reads input files. Text reuse is the one step that needs words rather than claims,
and it takes them from the document text the ledger stores.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePath
from typing import Any

from consilience.align.actors import build_actor_index, name_key
from consilience.align.figures import Figure, load_figures
from consilience.align.grouping import group_figures
from consilience.align.independence import ReuseIndex
from consilience.align.reuse import ReuseLink, find_reuse
from consilience.align.slots import Slot, build_slot, explain_across_slots
from consilience.align.timeline import build_timeline
from consilience.extract.figures.scope import PLACE_LABELS
from consilience.store import Ledger

__all__ = ["ReuseLink", "Slot", "align", "align_slots", "find_reuse"]


def align(ledger: Ledger) -> None:
    """Recompute every corpus-wide result from what the ledger holds: text reuse first (the
    slots need it to count independent sources), then slots, the merged timeline and the
    index of actors and places."""
    links = [link.to_dict() for link in find_reuse(ledger.iter_texts())]
    ledger.replace_results("reuse", links)
    slots = align_slots(ledger, links)
    ledger.replace_results("slots", [slot.to_dict() for slot in slots])
    timeline = build_timeline(ledger.iter_claims("events"))
    ledger.replace_results("timeline", [entry.to_dict() for entry in timeline])
    actors = build_actor_index(ledger.iter_claims("entities"), ledger.iter_texts())
    ledger.replace_results("actors", [entry.to_dict() for entry in actors])


def align_slots(ledger: Ledger, links: list[dict[str, Any]] | None = None) -> list[Slot]:
    """Slots for every figure claim in the ledger, most-reported first."""
    documents = ledger.documents()
    published = {str(doc["id"]): doc.get("published") for doc in documents}
    names = {str(doc["id"]): _document_name(doc) for doc in documents}
    reuse = ReuseIndex(ledger.reuse() if links is None else links)
    figures = list(load_figures(ledger.iter_claims("figures"), published))
    groups = group_figures(figures, _places_by_document(ledger, figures))

    def name(doc_id: str) -> str:
        return names.get(doc_id, doc_id)

    slots = [build_slot(group, reuse, name) for group in groups]
    explain_across_slots(slots, groups, name)
    order = sorted(
        range(len(slots)),
        key=lambda i: (
            -slots[i].sources,
            slots[i].event["start"] or "",
            slots[i].measure,
            slots[i].id,
        ),
    )
    return [slots[i] for i in order]


def _places_by_document(ledger: Ledger, figures: list[Figure]) -> dict[str, frozenset[str]]:
    """Every place name each document mentions: its place entities, its figures' places,
    and entities of other labels whose name some figure gives as its place (the small NER
    model often calls a town an organisation or a person). Other names are left out: two
    unrelated reports both naming a ministry would otherwise be linked."""
    places: dict[str, set[str]] = defaultdict(set)
    for figure in figures:
        places[figure.doc].update(figure.places)
    figure_places = {place for names in places.values() for place in names}
    for entity in ledger.iter_claims("entities"):
        name = name_key(str(entity["text"]))
        if entity["label"] in PLACE_LABELS or name in figure_places:
            places[str(entity["doc"])].add(name)
    return {doc: frozenset(names) for doc, names in places.items()}


def _document_name(document: dict[str, Any]) -> str:
    """How explanations name a document: its publisher, else its file name."""
    publisher = document.get("publisher")
    if publisher:
        return str(publisher)
    return PurePath(str(document.get("path") or document["id"])).name
