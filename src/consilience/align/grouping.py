"""Which figure claims answer the same question: the same event (align.events), the same
family of measure, the same class of thing counted.

A projection ("the toll could rise to 500") is not a count: it answers no question, so it
is in no slot, never a slot's best value, never part of an event's toll and never makes a
verdict conflicting. It stays a claim in the ledger and the exports.

An event already says where and when; so a figure's slot is its event's, and no time
window splits a toll revised for months. Place differences inside one event (a city and
its country) are reported by the slot's explanations (`scope`, `contradiction`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from consilience.align.figures import Figure


def group_figures(figures: Iterable[Figure], event_of: dict[str, str]) -> list[list[Figure]]:
    """Figure claims grouped into slot candidates, in a deterministic order. `event_of`
    maps a figure's incident claim id (or its document's stand-in, see align) to its event
    id. Projections are left out: they answer no slot."""
    blocks: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.projection:
            continue
        event = event_of_figure(figure, event_of)
        blocks[(event, figure.family, figure.subject_class)].append(figure)
    return [sorted(blocks[key], key=lambda figure: figure.order) for key in sorted(blocks)]


def event_of_figure(figure: Figure, event_of: dict[str, str]) -> str:
    """The event of the incident the figure counts, else of its document's stand-in."""
    return event_of.get(figure.incident or "", "") or event_of.get(figure.doc, "")
