"""Where and when a figure applies, and on whose word: from its sentence, else from before."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SAY_VERBS = frozenset({
    "say", "tell", "report", "announce", "confirm", "state", "claim", "add", "estimate",
    "declare", "note", "write", "explain", "stress", "emphasise", "emphasize", "cite",
})  # fmt: skip


@dataclass(frozen=True)
class Scope:
    place: list[str]
    place_inherited: bool
    time: str | None
    time_inherited: bool


def _places(ents: list[Any]) -> list[str]:
    names: list[str] = []
    for ent in ents:
        if ent.label_ in PLACE_LABELS and ent.text not in names:
            names.append(ent.text)
    return names


_TIME_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "yesterday", "today", "tonight", "tomorrow", "overnight",
})  # fmt: skip


def _dates(ents: list[Any]) -> list[str]:
    """Date expressions that place a claim in time ("January 20, 1990", "on Monday"), not
    vague ones ("present-day", "the days")."""
    return [
        ent.text
        for ent in ents
        if ent.label_ == "DATE"
        and (any(ch.isdigit() for ch in ent.text) or any(t.lower_ in _TIME_WORDS for t in ent))
    ]


class ScopeTracker:
    """Remembers the places and dates of the sentences read so far in one document."""

    def __init__(self) -> None:
        self.last_places: list[str] = []
        self.last_time: str | None = None

    def scope_for(self, sentence: Any, first: int, last: int) -> Scope:
        """Scope of a claim over tokens [first, last] of `sentence`."""
        ents = list(sentence.ents)
        inside = [ent for ent in ents if ent.start >= first and ent.end - 1 <= last]
        places = _places(inside) or _places(ents)
        dates = _dates(inside) or _dates(ents)
        return Scope(
            place=places or list(self.last_places),
            place_inherited=not places and bool(self.last_places),
            time=dates[0] if dates else self.last_time,
            time_inherited=not dates and self.last_time is not None,
        )

    def read(self, sentence: Any) -> None:
        """Update the context after a sentence has been used."""
        ents = list(sentence.ents)
        places = _places(ents)
        if places:
            self.last_places = places
        dates = _dates(ents)
        if dates:
            self.last_time = dates[-1]


def attribution(sentence: Any, anchor: Any) -> str | None:
    """Who the sentence says the figure comes from: "according to X", "X said", "officially"."""
    for token in sentence:
        if (
            token.lower_ == "according"
            and token.i + 1 < sentence.end
            and token.nbor(1).lower_ == "to"
        ):
            objects = [child for child in token.nbor(1).children if child.dep_ == "pobj"]
            if objects:
                subtree = list(objects[0].subtree)
                return str(sentence.doc[subtree[0].i : subtree[-1].i + 1].text)
    node = anchor
    while node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in SAY_VERBS and node.pos_ == "VERB":
            speakers = [child for child in node.children if child.dep_ == "nsubj"]
            if speakers:
                subtree = list(speakers[0].subtree)
                return str(sentence.doc[subtree[0].i : subtree[-1].i + 1].text)
    for token in anchor.subtree:
        if token.lower_ == "officially":
            return "officially"
    for child in anchor.children:
        if child.lower_ == "officially":
            return "officially"
    return None
