"""Slots: one question that several figure claims answer, with its verdict, its range and
the explanation of every difference.

Rules shown to the user (docs/alignment.md):
- `low`/`high` are the lowest and highest values any source states for the slot;
- `best` is the value stated by the most independent sources, ties going to the lower value
  (the conservative choice ACLED makes); when the figures are revisions over time, `best`
  is the latest figure instead;
- the verdict is `single_source` when one independent source answers, `agreed` when every
  answer states the same value, `compatible` when all ranges overlap, else `conflicting`.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from consilience.align.explain import (
    Explanation,
    Namer,
    arithmetic,
    explain_values,
    number,
    stated,
)
from consilience.align.figures import Figure
from consilience.align.independence import ReuseIndex, independent_sources
from consilience.align.timespan import DAY, Span

BEST_RULE = (
    "the value stated by the most independent sources, ties to the lower value; "
    "the latest figure when reports revise each other"
)

# Figures this many days apart may still count one event (reports a day or two after an
# earthquake date it "on Monday"; the toll of a night spans two dates).
MERGE_SLACK_DAYS = 7


@dataclass
class ValueGroup:
    """Every answer that states one value, and how many independent sources state it."""

    value: float | None
    low: float | None
    high: float | None
    text: str
    claims: list[str]
    documents: list[str]
    independent_sources: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "text": self.text,
            "claims": self.claims,
            "documents": self.documents,
            "independent_sources": self.independent_sources,
        }


@dataclass
class Slot:
    id: str
    measure: str
    measures: list[str]
    event: dict[str, Any]
    subject: str
    subject_terms: list[str]
    claims: list[str]
    parts: list[str]
    sources: int
    independent_sources: int
    verdict: str
    low: float | None
    high: float | None
    best: float | None
    best_text: str
    best_rule: str
    latest: dict[str, Any] | None
    values: list[ValueGroup]
    explanations: list[Explanation] = field(default_factory=list)
    headline: str = ""  # the answer first, in words (align.headline)

    def to_dict(self) -> dict[str, Any]:
        record = dict(self.__dict__)
        record["values"] = [group.to_dict() for group in self.values]
        record["explanations"] = [item.to_dict() for item in self.explanations]
        return record


def _breakdowns(figures: Sequence[Figure]) -> dict[str, tuple[list[Figure], list[Figure]]]:
    """Per document: (parts, totals) where the document gives a breakdown."""
    by_doc: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_doc[figure.doc].append(figure)
    found = {}
    for doc, own in by_doc.items():
        exact = [f for f in own if f.value is not None and f.qualifier == "exact"]
        if len(exact) < 3 or any(f.revision for f in own):
            continue
        top = max(f.value or 0 for f in exact)
        parts = [f for f in exact if (f.value or 0) < top]
        if len(parts) >= 2:
            found[doc] = (parts, [f for f in exact if f.value == top])
    return found


def build_slot(figures: Sequence[Figure], reuse: ReuseIndex, name: Namer) -> Slot:
    """The slot of one group of figures (see grouping.group_figures)."""
    breakdowns = _breakdowns(figures)
    part_ids = {f.id for parts, _ in breakdowns.values() for f in parts}
    answers = [f for f in figures if f.id not in part_ids]
    explanations = [
        arithmetic(parts, totals, name)
        for parts, totals in breakdowns.values()
        if sum(part.value or 0 for part in parts) != totals[0].value
    ]

    groups_by_key: dict[tuple[float | None, float | None, float | None], list[Figure]] = {}
    for figure in answers:
        groups_by_key.setdefault(figure.key, []).append(figure)
    groups = sorted(groups_by_key.values(), key=lambda group: _sort_value(group[0]))
    explanations += explain_values(groups, reuse, name)
    explanations += _wording_within_values(groups, name)

    values = [_value_group(group, reuse) for group in groups]
    independent = independent_sources(answers, reuse)
    documents = {f.doc for f in answers}
    latest = _latest(answers) if any(e.kind == "update" for e in explanations) else None
    best_group = max(
        zip(values, groups, strict=True),
        key=lambda pair: (pair[0].independent_sources, -_sort_value(pair[1][0])),
    )[0]
    best = best_group.value if best_group.value is not None else best_group.low
    best_text = best_group.text
    if latest is not None:
        best, best_text = latest["value"], latest["text"]
    lows = [f.low for f in answers]
    highs = [f.high for f in answers if f.high != float("inf")]
    return Slot(
        id=_slot_id(figures),
        measure=Counter(f.family for f in figures).most_common(1)[0][0],
        measures=sorted({f.measure for f in figures}),
        event=_event(answers),
        subject=figures[0].subject_class,
        subject_terms=sorted({f.head for f in figures if f.head}),
        claims=[f.id for f in figures],
        parts=[f.id for f in figures if f.id in part_ids],
        sources=len(documents),
        independent_sources=independent,
        verdict=_verdict(answers, independent),
        low=min(lows) if lows else None,
        high=max(highs) if highs else None,
        best=best,
        best_text=best_text,
        best_rule=BEST_RULE,
        latest=latest,
        values=values,
        explanations=explanations,
    )


def _wording_within_values(groups: Sequence[Sequence[Figure]], name: Namer) -> list[Explanation]:
    """Sources that agree on a number but name what happened differently (damaged vs
    destroyed, arrested vs detained) are shown, since the same number may count different
    things."""
    found = []
    for group in groups:
        measures = {f.measure for f in group}
        if len(measures) > 1 and len({f.doc for f in group}) > 1:
            firsts = list({f.measure: f for f in reversed(group)}.values())[::-1]
            shown = "; ".join(stated(f, name) for f in firsts)
            found.append(
                Explanation(
                    "subject",
                    [f.id for f in group],
                    f"The sources agree on {number(group[0].value)} but use different "
                    f"words for it: {' and '.join(sorted(measures))}. {shown}.",
                )
            )
    return found


def _verdict(answers: Sequence[Figure], independent: int) -> str:
    if independent <= 1:
        return "single_source"
    if len({f.key for f in answers}) == 1:
        return "agreed"
    if max(f.low for f in answers) <= min(f.high for f in answers):
        return "compatible"
    return "conflicting"


def _latest(answers: Sequence[Figure]) -> dict[str, Any]:
    """The figure of the latest report: the most recently published document, and inside a
    document the figure it presents as a revision (else its largest)."""
    newest = max(answers, key=lambda f: (f.published or 0.0, f.revision, f.low, -f.order))
    return {
        "value": newest.value if newest.value is not None else newest.low,
        "text": newest.number_text,
        "claims": [newest.id],
        "document": newest.doc,
        "published": None
        if newest.published is None
        else datetime.fromtimestamp(newest.published, UTC).isoformat(),
    }


def _value_group(group: Sequence[Figure], reuse: ReuseIndex) -> ValueGroup:
    first = group[0]
    highs = [f.high for f in group]
    return ValueGroup(
        value=first.value,
        low=min(f.low for f in group),
        high=None if float("inf") in highs else max(highs),
        text=first.number_text,
        claims=[f.id for f in group],
        documents=sorted({f.doc for f in group}),
        independent_sources=independent_sources(group, reuse),
    )


def _event(answers: Sequence[Figure]) -> dict[str, Any]:
    """A readable label of the event: the most stated period and places."""
    times = Counter(f.time for f in answers if f.time)
    places = Counter(p for f in answers for p in f.places)
    time = times.most_common(1)[0][0] if times else None
    top_places = [p for p, _ in places.most_common(3)]
    label = " · ".join(
        part for part in (answers[0].family, ", ".join(top_places), time or "") if part
    )
    spans = [f.event_span for f in answers if f.event_span is not None]
    return {
        "label": label,
        "time": time,
        "start": date.fromordinal(min(s.first for s in spans)).isoformat() if spans else None,
        "end": date.fromordinal(max(s.last for s in spans)).isoformat() if spans else None,
        "places": top_places,
    }


def _sort_value(figure: Figure) -> float:
    return figure.value if figure.value is not None else figure.low


def _slot_id(figures: Sequence[Figure]) -> str:
    digest = hashlib.sha1("\n".join(sorted(f.id for f in figures)).encode()).hexdigest()
    return f"s{digest[:12]}"


class SameValueIndex:
    """Figures by (value, 30-day bucket), so that a disputed value is looked up only among
    the other slots' figures of the same weeks: "150 killed" in one source and "150
    recognised as martyrs" in another may be one number counting different things."""

    def __init__(self, groups: Sequence[Sequence[Figure]]) -> None:
        self._figures: dict[tuple[float, int], list[tuple[int, Figure]]] = defaultdict(list)
        for index, group in enumerate(groups):
            for figure in group:
                if figure.value is not None and figure.event_span is not None:
                    key = (figure.value, figure.event_span.first // _BUCKET_DAYS)
                    self._figures[key].append((index, figure))

    def explain(self, slot: Slot, group: Sequence[Figure], index: int, name: Namer) -> None:
        """Add to a conflicting slot (group `index`) one `subject` explanation per value
        that other slots state for another measure or group."""
        spans = [f.event_span for f in group if f.event_span is not None]
        if slot.verdict != "conflicting" or not spans:
            return
        slack = MERGE_SLACK_DAYS
        event = Span(min(s.first for s in spans), max(s.last for s in spans), DAY)
        first = (event.first - slack) // _BUCKET_DAYS
        buckets = range(first, min((event.last + slack) // _BUCKET_DAYS, first + _MAX_BUCKETS) + 1)
        for values in slot.values:
            if values.value is None:
                continue
            others: dict[int, list[Figure]] = defaultdict(list)
            for bucket in buckets:
                for other_index, other in self._figures.get((values.value, bucket), ()):
                    span = other.event_span
                    if other_index == index or span is None or not span.overlaps(event, slack):
                        continue
                    if (other.family, other.subject_class) == (group[0].family, slot.subject):
                        continue  # the same question: a different event, not another thing
                    others[other_index].append(other)
            found = [figure for figures in others.values() for figure in figures]
            if found:
                slot.explanations.append(_counts_other_thing(values, group, slot, found, name))


def _counts_other_thing(
    values: ValueGroup,
    group: Sequence[Figure],
    slot: Slot,
    others: Sequence[Figure],
    name: Namer,
) -> Explanation:
    """One explanation per value: each other thing the same number counts in these weeks,
    each stated once, the first few named."""
    docs = {f.doc for f in others}
    same_doc = [f.id for f in group if f.doc in docs and f.id not in slot.parts]
    said = list(dict.fromkeys(stated(f, name) for f in others))
    shown = "; ".join(said[:_OTHERS_SHOWN])
    if len(said) > _OTHERS_SHOWN:
        shown += f"; and {len(said) - _OTHERS_SHOWN} more"
    value = number(values.value)
    return Explanation(
        "subject",
        [*values.claims, *same_doc, *(f.id for f in others)],
        f"{value} is also a number given in the same weeks for other things: {shown}. The "
        f"sources stating {value} here may count one of those instead.",
    )


# Other things a value also counts that are named in its explanation; the rest are counted.
_OTHERS_SHOWN = 3


# Figures are looked up by the 30-day period their event starts in, over at most three
# years of a slot's event.
_BUCKET_DAYS = 30
_MAX_BUCKETS = 37
