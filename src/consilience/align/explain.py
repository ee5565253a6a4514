"""Why the figures in one slot differ, as typed explanations that point at the claims.

Each pair of differing figures is tested in a fixed order, and the first kinds that apply
are reported: `approximation` (their ranges overlap), `update` (a later report revises an
earlier one), `scope` (they cover different places or periods, in a way that could account
for the gap), `subject` (they count different things), and `contradiction` when none does.
Inside one document, `arithmetic` (stated parts that do not add up to the stated total) and
`same_source_inconsistency` (two values for one question) are checked first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from consilience.align.figures import CUMULATIVE, GENERIC_HEADS, Figure
from consilience.align.independence import ReuseIndex
from consilience.align.nesting import nested

# The most documents of each value compared with each other value, so that a slot stated by
# thousands of documents costs a bounded number of comparisons.
MAX_DOCS_COMPARED = 40
# With many distinct values, each is compared with the most-reported ones only.
MAX_VALUES_COMPARED = 8

Namer = Callable[[str], str]


@dataclass
class Explanation:
    kind: str
    claims: list[str]
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "claims": self.claims, "text": self.text}


@dataclass
class _Finding:
    """Explanations of one kind between two values, gathered before they are worded."""

    kind: str
    claims: dict[str, Figure] = field(default_factory=dict)
    reasons: dict[str, None] = field(default_factory=dict)


def number(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def stated(figure: Figure, name: Namer) -> str:
    """How a figure is shown in an explanation: who states what, about whom."""
    what = figure.number_text or number(figure.value)
    subject = f" {figure.subject}" if figure.subject else ""
    return f"{name(figure.doc)}: {what}{subject} ({figure.measure})"


def arithmetic(doc_parts: Sequence[Figure], totals: Sequence[Figure], name: Namer) -> Explanation:
    parts_sum = sum(part.value or 0 for part in doc_parts)
    terms = " + ".join(number(part.value) for part in doc_parts)
    total = totals[0]
    relation = "fewer than" if parts_sum < (total.value or 0) else "more than"
    gap = abs((total.value or 0) - parts_sum)
    return Explanation(
        "arithmetic",
        [figure.id for figure in (*doc_parts, *totals)],
        f"{name(total.doc)} gives parts {terms} = {number(parts_sum)}, which is "
        f"{number(gap)} {relation} the total of {number(total.value)} it states.",
    )


def scope_reason(first: Figure, second: Figure) -> str | None:
    """Why the two figures may cover different ground, or None when their stated places
    and periods do not account for the gap (a wider scope with a smaller count does not)."""
    places_1, places_2 = set(first.places), set(second.places)
    if inside := nested(first, second):
        inner, outer = inside
        if _larger(inner, outer):
            return None  # a part larger than its whole: see compare
        return f"{', '.join(inner.places)} lie within {', '.join(outer.places)}"
    if places_1 and places_2 and places_1 != places_2:
        shown = f"places differ ({', '.join(first.places)} vs {', '.join(second.places)})"
        if places_1 < places_2 and _larger(second, first):
            return shown
        if places_2 < places_1 and _larger(first, second):
            return shown
        if not (places_1 < places_2 or places_2 < places_1):
            return shown
    span_1, span_2 = first.time_span, second.time_span
    if span_1 is not None and span_2 is not None and span_1 != span_2:
        shown = f"periods differ ({first.time} vs {second.time})"
        if not span_1.overlaps(span_2):
            return shown
        if span_1.contains(span_2) and _larger(first, second):
            return shown
        if span_2.contains(span_1) and _larger(second, first):
            return shown
    return None


def measure_reason(first: Figure, second: Figure) -> str | None:
    """Two words for what happened (damaged, destroyed) may count different things."""
    if first.measure != second.measure:
        return f"different things reported ({first.measure} vs {second.measure})"
    return None


def subject_reason(first: Figure, second: Figure) -> str | None:
    if measure := measure_reason(first, second):
        return measure
    if first.head == second.head or {first.head, second.head} <= GENERIC_HEADS:
        return None
    # "people" includes "civilians": a generic count can explain a gap only by being larger.
    if first.head in GENERIC_HEADS and not _larger(first, second):
        return None
    if second.head in GENERIC_HEADS and not _larger(second, first):
        return None
    return f"different groups counted ({first.head or 'people'} vs {second.head or 'people'})"


def update_order(first: Figure, second: Figure) -> tuple[Figure, Figure] | None:
    """(earlier, later) when the later report reads as a revision of the earlier one."""
    if first.doc == second.doc:
        if first.revision != second.revision:
            return (second, first) if first.revision else (first, second)
        if first.revision and first.family in CUMULATIVE:  # "rose to 41 from 27"
            return (first, second) if _larger(second, first) else (second, first)
        return None
    if first.published is None or second.published is None:
        return None
    if first.published == second.published:
        return None
    earlier, later = (first, second) if first.published < second.published else (second, first)
    if later.revision:
        return earlier, later
    rising = (later.low > earlier.high) and later.family in CUMULATIVE
    return (earlier, later) if rising else None


def compare(first: Figure, second: Figure) -> list[tuple[str, str]]:
    """The explanation kinds, with a reason each, for two figures with different values."""
    low_1, high_1 = first.low, first.high
    low_2, high_2 = second.low, second.high
    order = update_order(first, second)
    open_ended = high_1 == float("inf") or high_2 == float("inf")
    overlap = low_1 <= high_2 and low_2 <= high_1
    if overlap and not (order and open_ended):
        return [("approximation", "the stated ranges overlap")]
    if _near_rounding(first, second):
        return [("approximation", "an approximate figure close to the other")]
    if order is not None:
        update = ("update", f"{number(order[1].value)} is the later figure")
        places_1, places_2 = set(first.places), set(second.places)
        if places_1 <= places_2 or places_2 <= places_1:
            return [update]
        scope = scope_reason(first, second)
        return [update, ("scope", scope)] if scope else [update]
    found = []
    if first.doc == second.doc:
        scope = scope_reason(first, second)
        if measure := measure_reason(first, second):
            return [("subject", measure)]
        if scope and not set(first.places) & set(second.places):
            return [("scope", scope)]
        return [("same_source_inconsistency", scope or "same document")]
    if (inside := nested(first, second)) and _larger(*inside):
        inner, outer = inside
        return [
            (
                "contradiction",
                f"more are counted in {', '.join(inner.places)} than in "
                f"{', '.join(outer.places)}, which contains them",
            )
        ]
    if scope := scope_reason(first, second):
        found.append(("scope", scope))
    if subject := subject_reason(first, second):
        found.append(("subject", subject))
    return found or [("contradiction", "same event, place and subject")]


def explain_values(
    groups: Sequence[Sequence[Figure]], reuse: ReuseIndex, name: Namer
) -> list[Explanation]:
    """Explanations between every two distinct values of a slot."""
    findings: dict[tuple[str, int, int], _Finding] = {}
    leading = set(
        sorted(range(len(groups)), key=lambda i: -len({f.doc for f in groups[i]}))[
            :MAX_VALUES_COMPARED
        ]
    )
    for i, group_1 in enumerate(groups):
        for j in range(i + 1, len(groups)):
            if i not in leading and j not in leading:
                continue
            for first in _per_document(group_1):
                for second in _per_document(groups[j]):
                    for kind, reason in compare(first, second):
                        if kind == "contradiction" and reuse.shared(first, second):
                            reason = "the passages are near-copies of each other"
                        finding = findings.setdefault((kind, i, j), _Finding(kind))
                        finding.claims.setdefault(first.id, first)
                        finding.claims.setdefault(second.id, second)
                        finding.reasons.setdefault(reason)
    return [_worded(finding, name) for finding in findings.values()]


def _per_document(group: Sequence[Figure]) -> list[Figure]:
    """The first figure each document states this value with, for at most a bounded number
    of documents."""
    seen: dict[str, Figure] = {}
    for figure in group:
        if figure.doc not in seen:
            seen[figure.doc] = figure
            if len(seen) >= MAX_DOCS_COMPARED:
                break
    return list(seen.values())


_LEADS = {
    "approximation": "The values are compatible: one is approximate or a range",
    "update": "A later report revises the figure",
    "scope": "The figures may cover different ground",
    "subject": "The figures may count different things",
    "contradiction": "The sources give different values for the same question",
    "same_source_inconsistency": "One document gives two different values",
}


def _worded(finding: _Finding, name: Namer) -> Explanation:
    figures = sorted(finding.claims.values(), key=lambda figure: figure.order)
    reasons = "; ".join(finding.reasons)
    statements = "; ".join(stated(figure, name) for figure in figures)
    return Explanation(
        finding.kind,
        [figure.id for figure in figures],
        f"{_LEADS[finding.kind]} ({reasons}). {statements}.",
    )


def _larger(first: Figure, second: Figure) -> bool:
    """True when `first` states a larger count than `second` (their ranges do not overlap
    when this is asked)."""
    return first.low > second.low


# "About 20" and 18 differ by no more than a rounding of the approximate figure hides.
APPROXIMATE_TOLERANCE = 0.10


def _near_rounding(first: Figure, second: Figure) -> bool:
    if "approximately" not in (first.qualifier, second.qualifier):
        return False
    if first.value is None or second.value is None:
        return False
    larger = max(first.value, second.value)
    return larger > 0 and abs(first.value - second.value) / larger <= APPROXIMATE_TOLERANCE
