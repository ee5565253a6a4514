"""Which figure claims answer the same question: same measure family, same class of thing
counted, same event in time.

Blocking keeps the cost near-linear: figures are first split by (measure family, subject
class), and inside a block they are sorted by time and swept once. Place is not part of the
key, because sources name the same area at different granularities ("Baku", "Azerbaijan");
a difference in place is reported as a `scope` explanation instead.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable

from consilience.align.figures import Figure
from consilience.align.timespan import MONTH, Span

# Figures dated a few days apart still count the same event (reports a day or two after an
# earthquake date it "on Monday"; the toll of a night spans two dates).
MERGE_SLACK_DAYS = 7
# A chain of overlapping dates may not run on for longer than this from its first day:
# daily reports of a long conflict would otherwise chain into one "event" of years. A toll
# revised for weeks after a disaster still fits.
MAX_EVENT_DAYS = 31


def group_figures(
    figures: Iterable[Figure], doc_places: dict[str, frozenset[str]] | None = None
) -> list[list[Figure]]:
    """Figure claims grouped into slot candidates, in a deterministic order.

    `doc_places` holds the names each document mentions (actors.name_key form); figures of one
    period whose documents share no name are different events (two storms in the same
    week, in towns no report names together).
    """
    blocks: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        blocks[(figure.family, figure.subject_class)].append(figure)
    places = doc_places or {}
    groups: list[list[Figure]] = []
    for key in sorted(blocks):
        for group in _split(blocks[key], places):
            groups.append(sorted(group, key=lambda figure: figure.order))
    return groups


def _split(figures: list[Figure], doc_places: dict[str, frozenset[str]]) -> list[list[Figure]]:
    """Events by time, then by place; a group that place splits is swept by time again,
    since the chain of dates that held it together may be broken."""
    events: list[list[Figure]] = []
    for event in _events_in_block(figures):
        parts = _place_components(event, doc_places)
        if len(parts) == 1:
            events.append(event)
        else:
            for part in parts:
                events.extend(_split(part, doc_places))
    return events


def _place_components(
    figures: list[Figure], doc_places: dict[str, frozenset[str]]
) -> list[list[Figure]]:
    """Figures whose documents are connected by a place name both mention (see
    `_places_by_document` in align/__init__.py). Figures of documents that name no place
    stay with the largest component."""
    docs = sorted({figure.doc for figure in figures})
    parent = {doc: doc for doc in docs}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    holder: dict[str, str] = {}
    named = set()
    for doc in docs:
        for place in doc_places.get(doc, frozenset()):
            named.add(doc)
            if place in holder:
                parent[root(doc)] = root(holder[place])
            else:
                holder[place] = doc
    components: dict[str, list[Figure]] = defaultdict(list)
    unplaced: list[Figure] = []
    for figure in figures:
        if figure.doc in named:
            components[root(figure.doc)].append(figure)
        else:
            unplaced.append(figure)
    if not components:
        return [figures]
    groups = sorted(components.values(), key=lambda group: (-len(group), group[0].order))
    groups[0].extend(unplaced)
    return groups


def _events_in_block(figures: list[Figure]) -> list[list[Figure]]:
    """Split one block into events.

    Finely dated figures (a day, a week, a month, or a publication date) are swept in time
    order and chained while they overlap. A coarsely dated one ("in 1990") joins a fine
    event that its year contains, and otherwise groups with figures of the same coarse
    date: a year must not chain together every event that happened in it. A figure with no
    date at all joins the event its own document's other figures belong to, else the event
    most documents report.
    """
    fine = [f for f in figures if f.event_span is not None and f.event_span.granularity <= MONTH]
    coarse = [f for f in figures if f.event_span is not None and f.event_span.granularity > MONTH]
    floating = [f for f in figures if f.event_span is None]

    events: list[list[Figure]] = []
    reach = anchor = 0
    for figure in sorted(fine, key=_time_order):
        span = figure.event_span
        assert span is not None
        if (
            events
            and span.first - MERGE_SLACK_DAYS <= reach
            and span.first - anchor <= MAX_EVENT_DAYS
        ):
            events[-1].append(figure)
            reach = max(reach, span.last)
        else:
            events.append([figure])
            reach, anchor = span.last, span.first

    starts = [_first_span(event).first for event in events]
    by_coarse_time: dict[str | None, list[Figure]] = defaultdict(list)
    for figure in coarse:
        outer = figure.event_span
        assert outer is not None
        inside = [
            event
            for event in events[bisect_left(starts, outer.first) : bisect_right(starts, outer.last)]
            if outer.contains(_first_span(event))
        ]
        host = _widest_supported(inside)
        if host is not None:
            host.append(figure)
        else:
            by_coarse_time[figure.time].append(figure)
    events.extend(by_coarse_time[time] for time in sorted(by_coarse_time, key=str))

    if floating:
        largest = _widest_supported(events)
        figures_per_event: dict[str, Counter[int]] = defaultdict(Counter)
        for index, event in enumerate(events):
            for figure in event:
                figures_per_event[figure.doc][index] += 1
        home_of_doc = {
            doc: events[counts.most_common(1)[0][0]] for doc, counts in figures_per_event.items()
        }
        for figure in floating:
            host = home_of_doc.get(figure.doc, largest)
            if host is None:
                host = []
                events.append(host)
                largest = host
            host.append(figure)
    return events


def _time_order(figure: Figure) -> tuple[int, int, int]:
    span = figure.event_span
    assert span is not None
    return span.first, span.last, figure.order


def _first_span(event: list[Figure]) -> Span:
    span = event[0].event_span
    assert span is not None
    return span


def _widest_supported(events: list[list[Figure]]) -> list[Figure] | None:
    """The event reported by the most documents (ties: the earliest listed)."""
    best: list[Figure] | None = None
    best_docs = 0
    for event in events:
        docs = len({f.doc for f in event})
        if docs > best_docs:
            best, best_docs = event, docs
    return best
