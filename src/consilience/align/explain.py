"""Why the figures in one slot differ, as typed explanations a person reads.

Each pair of differing figures is tested in a fixed order, and the first kinds that apply
are reported: `approximation` (their ranges overlap), `update` (a later report revises an
earlier one), `scope` (they cover different places or periods, in a way that could account
for the gap), `subject` (they count different things), and `contradiction` when none does.
Inside one document, `arithmetic` (stated parts that do not add up to the stated total) and
`same_source_inconsistency` (two values for one question) are checked first.

What a reader gets is one explanation per kind and pair of distinct values, however many
passages state them: its claims are every claim of those passages, and its text names each
value once with the sources stating it, then says in plain words what differs. A document
that states both values itself (`same_source_inconsistency`) and a document whose parts do
not add up (`arithmetic`) keep an explanation each, since each is about that one source.

Importance: a slot's explanations are stored in the order a reader should meet them
(`ranked`), by kind as in KIND_ORDER (the disagreements first, the differences that are no
disagreement last), then by how many sources each involves; views show the first few and
fold the rest.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from consilience.align.actors import name_key
from consilience.align.figures import CUMULATIVE, GENERIC_HEADS, Figure
from consilience.align.independence import ReuseIndex
from consilience.align.nesting import nested
from consilience.align.timespan import Span
from consilience.lexicon import load_lexicon
from consilience.lexicon.incidents import load_vocabulary

# The most documents of each value compared with each other value, so that a slot stated by
# thousands of documents costs a bounded number of comparisons.
MAX_DOCS_COMPARED = 40
# With many distinct values, each is compared with the most-reported ones only.
MAX_VALUES_COMPARED = 8
# How a slot's explanations are ordered, most important first: sources that disagree, a
# source that disagrees with itself or with its own sum, then differences that account for
# the gap (a revision, other ground, other things counted) and last figures that agree.
KIND_ORDER = (
    "contradiction",
    "same_source_inconsistency",
    "arithmetic",
    "update",
    "scope",
    "subject",
    "approximation",
)
# Sources named for one value before the rest are counted ("and 4 other sources").
MAX_NAMED = 3
# Distinct reasons worded for one explanation; the rest are counted.
MAX_REASONS = 3


_THE = re.compile(r"the\s", re.IGNORECASE)


class Names:
    """How explanations name sources and places: a document by the name the caller gives
    (consilience.ingest.naming.source_name), a place key as the texts most often write it
    ("the mill bridge", "Baku") rather than the folded key."""

    def __init__(
        self, documents: Mapping[str, str], places: Mapping[str, str] | None = None
    ) -> None:
        self._documents = documents
        self._places = places or {}

    def __call__(self, doc_id: str) -> str:
        return self._documents.get(doc_id, doc_id)

    def place(self, key: str) -> str:
        shown = self._places.get(key) or key.title()
        if key in load_vocabulary().document_country and not _THE.match(shown):
            return f"the {shown}"  # "Republic" stands for "the Republic"
        return shown


# Kept under its old name: slots.py and its callers type the namer as `Namer`.
Namer = Names


class PlaceSpellings:
    """The spellings of each place key, counted while figure claims are read (`read` passes
    the claims through), so that `Names` can show a place as its sources write it."""

    def __init__(self) -> None:
        self._seen: dict[str, Counter[str]] = defaultdict(Counter)

    def read(self, claims: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for claim in claims:
            for place in claim.get("place") or ():
                self._seen[name_key(str(place))][" ".join(str(place).split())] += 1
            yield claim

    def shown(self) -> dict[str, str]:
        """Per key the most written spelling, preferring one with its article ("the Soviet
        Union" reads in a sentence, "Soviet Union" does not); ties to the first seen."""
        shown = {}
        for key, spellings in self._seen.items():
            with_article = [s for s, _ in spellings.most_common() if _THE.match(s)]
            best = with_article[0] if with_article else spellings.most_common(1)[0][0]
            shown[key] = f"the {best[4:]}" if best.startswith("The ") else best
        return shown


@dataclass
class Explanation:
    kind: str
    claims: list[str]
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "claims": self.claims, "text": self.text}


@dataclass
class _Finding:
    """Explanations of one kind between two values (and, for a document that states both,
    that document), gathered before they are worded. `low` and `high` hold per document the
    first figure stating the lower and the higher value; `pairs` the figure pairs compared,
    each with the code of its reason."""

    kind: str
    claims: dict[str, Figure] = field(default_factory=dict)
    low: dict[str, Figure] = field(default_factory=dict)
    high: dict[str, Figure] = field(default_factory=dict)
    pairs: list[tuple[str, Figure, Figure]] = field(default_factory=list)


def number(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def wording(figure: Figure) -> str:
    """The figure as its source writes it, inside a sentence: "About 30" -> "about 30"."""
    text = " ".join(figure.number_text.split()) or number(figure.value)
    if text[:1].isupper() and text[1:2].islower():
        return text[0].lower() + text[1:]
    return text


def stated(figure: Figure, name: Names) -> str:
    """Who states what, about whom: "The Harbour Gazette reports 12 people killed"."""
    said = " ".join(part for part in (wording(figure), figure.subject, figure.measure) if part)
    return f"{name(figure.doc)} reports {' '.join(said.split())}"


def arithmetic(doc_parts: Sequence[Figure], totals: Sequence[Figure], name: Names) -> Explanation:
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


# Reason codes: what `compare` found between two figures, worded by `_reason`.
OVERLAP, ROUNDING, LATER = "overlap", "rounding", "later"
WITHIN, PLACES, PERIODS = "within", "places", "periods"
MEASURES, GROUPS = "measures", "groups"
SAME, COPIES, PART_LARGER, SAME_DOCUMENT = "same", "copies", "part_larger", "same_document"


def scope_reason(first: Figure, second: Figure) -> str | None:
    """Why the two figures may cover different ground (WITHIN, PLACES or PERIODS), or None
    when their stated places and periods do not account for the gap (a wider scope with a
    smaller count does not)."""
    places_1, places_2 = set(first.places), set(second.places)
    if inside := nested(first, second):
        inner, outer = inside
        if _larger(inner, outer):
            return None  # a part larger than its whole: see compare
        return WITHIN
    if places_1 and places_2 and places_1 != places_2:
        if places_1 < places_2 and _larger(second, first):
            return PLACES
        if places_2 < places_1 and _larger(first, second):
            return PLACES
        if not (places_1 < places_2 or places_2 < places_1):
            return PLACES
    span_1, span_2 = first.time_span, second.time_span
    if span_1 is not None and span_2 is not None and span_1 != span_2:
        if not span_1.overlaps(span_2):
            return PERIODS
        if span_1.contains(span_2) and _larger(first, second):
            return PERIODS
        if span_2.contains(span_1) and _larger(second, first):
            return PERIODS
    return None


def measure_reason(first: Figure, second: Figure) -> str | None:
    """Two words for what happened (damaged, destroyed) may count different things."""
    return MEASURES if first.measure != second.measure else None


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
    return GROUPS


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
    """The explanation kinds, with a reason code each, for two figures with different
    values."""
    low_1, high_1 = first.low, first.high
    low_2, high_2 = second.low, second.high
    order = update_order(first, second)
    open_ended = high_1 == float("inf") or high_2 == float("inf")
    overlap = low_1 <= high_2 and low_2 <= high_1
    if overlap and not (order and open_ended):
        return [("approximation", OVERLAP)]
    if _near_rounding(first, second):
        return [("approximation", ROUNDING)]
    if order is not None:
        update = ("update", LATER)
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
        return [("same_source_inconsistency", scope or SAME_DOCUMENT)]
    if (inside := nested(first, second)) and _larger(*inside):
        return [("contradiction", PART_LARGER)]
    if scope := scope_reason(first, second):
        found.append(("scope", scope))
    if subject := subject_reason(first, second):
        found.append(("subject", subject))
    return found or [("contradiction", SAME)]


def explain_values(
    groups: Sequence[Sequence[Figure]], reuse: ReuseIndex, name: Names
) -> list[Explanation]:
    """One explanation per kind and pair of distinct values of a slot (per document for a
    document that states both values)."""
    findings: dict[tuple[str, int, int, str], _Finding] = {}
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
                            reason = COPIES
                        own = first.doc if kind == "same_source_inconsistency" else ""
                        finding = findings.setdefault((kind, i, j, own), _Finding(kind))
                        finding.claims.setdefault(first.id, first)
                        finding.claims.setdefault(second.id, second)
                        finding.low.setdefault(first.doc, first)
                        finding.high.setdefault(second.doc, second)
                        finding.pairs.append((reason, first, second))
    return [_worded(finding, name) for finding in findings.values()]


def ranked(explanations: Iterable[Explanation], documents: Mapping[str, str]) -> list[Explanation]:
    """The explanations in the order a reader should meet them: by kind (KIND_ORDER), then
    the ones involving more sources first; `documents` maps a claim id to its document.
    The sort is stable, so equal ones keep the order they were found in."""

    def importance(explanation: Explanation) -> tuple[int, int]:
        kind = explanation.kind
        priority = KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
        sources = {documents[claim] for claim in explanation.claims if claim in documents}
        return priority, -len(sources)

    return sorted(explanations, key=importance)


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


def _worded(finding: _Finding, name: Names) -> Explanation:
    figures = sorted(finding.claims.values(), key=lambda figure: figure.order)
    if finding.kind == "same_source_inconsistency":
        [(doc, low)] = finding.low.items()
        high = finding.high[doc]
        said = f"{name(doc)} gives both {wording(low)} and {wording(high)}."
    else:
        said = _who_says(finding, name)
    reasons = list(dict.fromkeys(filter(None, (_reason(*pair, name) for pair in finding.pairs))))
    shown = reasons[:MAX_REASONS]
    if len(reasons) > len(shown):
        more = len(reasons) - len(shown)
        shown.append(f"Other passages differ in {more} more way{'s' if more > 1 else ''}.")
    return Explanation(finding.kind, [figure.id for figure in figures], " ".join([said, *shown]))


def _who_says(finding: _Finding, name: Names) -> str:
    """Each value once with the sources stating it: "The Harbour Gazette and Radio Kelvara
    say 29; Estrovia Daily Ledger says 34." A source that states both values is said to."""
    said: dict[str, list[str | None]] = {}
    for side, figures in enumerate((finding.low, finding.high)):
        for figure in figures.values():
            words = said.setdefault(name(figure.doc), [None, None])
            if words[side] is None:
                words[side] = wording(figure)
    by_words: dict[tuple[str | None, ...], list[str]] = defaultdict(list)
    for source, words in said.items():
        by_words[tuple(words)].append(source)
    clauses = []
    for (low, high), sources in sorted(
        by_words.items(), key=lambda item: (item[0][0] is None, item[0][1] is not None)
    ):
        verb = "says" if len(sources) == 1 else "say"
        what = f"both {low} and {high}" if low and high else (low or high)
        clauses.append(f"{_listed(sources)} {verb} {what}")
    return f"{'; '.join(clauses)}."  # as it starts: a source's name is written as it is


def _listed(names: Sequence[str], most: int = MAX_NAMED) -> str:
    """ "A", "A and B", "A, B and C", "A, B, C and 2 other sources"."""
    if len(names) > most + 1:
        return f"{', '.join(names[:most])} and {len(names) - most} other sources"
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _reason(code: str, first: Figure, second: Figure, name: Names) -> str | None:
    """One plain sentence on why `first` and `second` (the lower value first) differ."""
    a, b = wording(first), wording(second)
    if code == OVERLAP:
        ranged_1, ranged_2 = first.low < first.high, second.low < second.high
        if ranged_1 != ranged_2:
            ranged, exact = (a, b) if ranged_1 else (b, a)
            return _sentence(f"{ranged} allows {exact}.")
        return _sentence(f"{a} and {b} overlap.")
    if code == ROUNDING:
        approximate, other = (a, b) if first.qualifier == "approximately" else (b, a)
        return _sentence(
            f"{approximate} is approximate, and {other} is within "
            f"{APPROXIMATE_TOLERANCE:.0%} of it."
        )
    if code == LATER:
        order = update_order(first, second)
        earlier, later = (a, b) if order is None or order[0] is first else (b, a)
        return _sentence(f"{later} is the later figure and may revise {earlier}.")
    if code in (WITHIN, PLACES, PART_LARGER):
        return _places_reason(code, first, second, name)
    if code == PERIODS:
        if first.time_span is None or second.time_span is None:
            return None
        period_1, period_2 = period(first.time_span), period(second.time_span)
        if period_1 == period_2:
            return _sentence(f"{a} and {b} are dated differently.")
        return _sentence(f"{a} is for {period_1}, {b} for {period_2}.")
    if code == MEASURES:
        return f"The passages count different things: {a} {first.measure}, {b} {second.measure}."
    if code == GROUPS:
        return f"The passages count different groups: {a} {_group(first)}, {b} {_group(second)}."
    if code == COPIES:
        return "The passages giving them are near-copies of each other."
    if code == SAME:
        return "No difference of place, period or what is counted accounts for the gap."
    return None  # SAME_DOCUMENT: the lead sentence says it


def _places_reason(code: str, first: Figure, second: Figure, name: Names) -> str | None:
    """Where the two figures are for, each place named on one side only: places both
    passages name say nothing about the difference and are left out."""
    shared = set(first.places) & set(second.places)
    only_1 = [place for place in first.places if place not in shared]
    only_2 = [place for place in second.places if place not in shared]
    a, b = wording(first), wording(second)
    if code == PART_LARGER:
        inside = nested(first, second)
        if inside is None:
            return None
        inner, outer = (a, b) if inside[0] is first else (b, a)
        inner_only, outer_only = (only_1, only_2) if inside[0] is first else (only_2, only_1)
        if not inner_only:  # "150 for Baku" against "147 for Baku and Sumgayit"
            return _sentence(
                f"{inner} is more than {outer}, though the passage giving {outer} also "
                f"names {_place_list(outer_only, name)}."
            )
        them = "them" if len(inner_only) > 1 else "it"
        return _sentence(
            f"{inner} for {_place_list(inner_only, name)} is more than {outer} for "
            f"{_place_list(outer_only, name)}, which contains {them}."
        )
    if not only_1 and not only_2:
        return None
    if not only_1:
        return _sentence(f"The passage giving {b} also names {_place_list(only_2, name)}.")
    if not only_2:
        return _sentence(f"The passage giving {a} also names {_place_list(only_1, name)}.")
    inside = nested(first, second) if code == WITHIN else None
    if inside is not None:
        inner, outer = (a, b) if inside[0] is first else (b, a)
        inner_only, outer_only = (only_1, only_2) if inside[0] is first else (only_2, only_1)
        them = "them" if len(inner_only) > 1 else "it"
        return _sentence(
            f"{inner} is for {_place_list(inner_only, name)}, {outer} for "
            f"{_place_list(outer_only, name)} as a whole, which contains {them}."
        )
    return _sentence(
        f"{a} is for {_place_list(only_1, name)}, {b} for {_place_list(only_2, name)}."
    )


def _place_list(keys: Sequence[str], name: Names) -> str:
    return _listed([name.place(key) for key in keys], most=len(keys))


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _group(figure: Figure) -> str:
    """The group a figure counts, as its source writes the head noun: "civilians"."""
    if not figure.head:
        return "people"
    singular = load_lexicon().measures.singular
    for word in _WORD.findall(figure.subject):
        if singular(str(word).lower()) == figure.head:
            return str(word)
    return figure.head


def period(span: Span) -> str:
    """A day range as a reader writes it: "15 October 2023", "14–15 October 2023",
    "October 2023", "2023", "1980–1989" (month names from the lexicon's calendar)."""
    first, last = date.fromordinal(span.first), date.fromordinal(span.last)
    month = {number: word for word, number in load_lexicon().time.months.items()}
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    month_end = date.fromordinal(last.toordinal() + 1).day == 1
    if first.day == 1 and month_end and (first.year, first.month) == (last.year, last.month):
        return f"{month[first.month]} {first.year}"
    if first == last:
        return f"{first.day} {month[first.month]} {first.year}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {month[first.month]} {first.year}"
    if first.year == last.year:
        return f"{first.day} {month[first.month]} – {last.day} {month[last.month]} {last.year}"
    return (
        f"{first.day} {month[first.month]} {first.year} – "
        f"{last.day} {month[last.month]} {last.year}"
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


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
