"""Figure claims as the align stage needs them: small records with their event time,
the family of their measure and the class of what they count.

Align reads claims from the ledger, never raw text; these records keep only what slotting,
verdicts and explanations use, so that a million claims fit in memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from sys import intern
from typing import Any

from consilience.align.actors import name_key
from consilience.align.timespan import YEAR, Span, parse_span, published_day, published_moment
from consilience.extract.claims import ASSERTED, PROJECTION
from consilience.lexicon import load_lexicon

# Measures that answer the same question in different words. Different words inside one
# family are still reported (a `subject` explanation), but they are lined up together.
MEASURE_FAMILY = {
    "detained": "arrested",
    "destroyed": "damaged",
    "evacuated": "displaced",
}
# Counts that only grow as reports come in, so a later, higher figure reads as an update.
# Not `munitions`: a later report of more drones is another salvo, not an update.
CUMULATIVE = frozenset({
    "killed", "wounded", "arrested", "missing", "kidnapped", "displaced", "evacuated",
    "damaged", "imprisoned",
})  # fmt: skip
# Measures that are no toll of an event: what was fired counts no harm. Their slots are
# among the event's slots, never its `tolls`.
NOT_TOLLS = frozenset({"munitions"})
# Person measures: a figure without a stated subject counts people (not `munitions`,
# `damaged`, `destroyed`, `deployed`, `other`).
PERSON_MEASURES = (CUMULATIVE - {"damaged"}) | {"protesters", "recognised"}

_WORDS = load_lexicon().measures
# What is counted, coarsely: figures about soldiers and about civilians answer different
# questions; "people", "civilians" and "residents" are lined up and their difference shown.
_SUBJECT_CLASS = _WORDS.subject_classes
# Head nouns that say nothing beyond "people" (or nothing at all): differences between
# them are not reported.
GENERIC_HEADS = _WORDS.generic_heads | {""}
_HEAD_END = re.compile(
    r",|;|\(|\s(?:" + "|".join(re.escape(word) for word in _WORDS.head_end) + r")\s",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Words that make a figure's clause a revision of an earlier figure ("rose to").
_REVISION = re.compile(
    r"\b(?:" + "|".join(re.escape(word) for word in _WORDS.revision) + r")\b", re.IGNORECASE
)
# An event time found only by inheritance from earlier text and coarser than this is
# background (a decade named paragraphs before), not the time of the figure.
_COARSEST_INHERITED = YEAR
# A figure with no date in its text counts what was known when it was published: it is
# placed in the fortnight before the publication date.
_PUBLISHED_WINDOW_DAYS = 14


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure claim, reduced to what alignment compares."""

    id: str
    doc: str
    order: int  # position in the ledger's claim order, for stable output
    start: int
    end: int
    number_text: str
    value: float | None
    low: float  # the values the figure allows: "more than 100" is 101 to inf,
    high: float  # "up to 50" is 0 to 50, an exact 12 is 12 to 12
    qualifier: str
    measure: str
    family: str
    subject: str
    head: str
    subject_class: str
    places: tuple[str, ...]
    time: str | None  # the figure's own normalized time, if it has a usable one
    time_span: Span | None
    event_span: Span | None  # the time used to find the event: own time or publication
    published: float | None
    revision: bool  # its clause says it revises an earlier figure ("rose to")
    incident: str | None  # the incident claim of its document it counts
    modality: str  # "asserted", or "projection": a count that may be reached, not a count

    @property
    def projection(self) -> bool:
        """A count the source says may, could or is expected to be reached ("the toll
        could rise to 500"): it answers no slot (see grouping.group_figures)."""
        return self.modality == PROJECTION

    @property
    def key(self) -> tuple[float | None, float | None, float | None]:
        """Figures with the same key state the same value: 150 and "approximately 150"
        both state 150; "hundreds" states only its range."""
        if self.value is not None:
            return self.value, None, None
        return None, self.low, self.high


def subject_head(subject: str | None) -> str:
    """The head noun of a subject phrase, singular and lower-cased:
    "innocent civilians including the children" -> "civilian"."""
    if not subject:
        return ""
    words = _WORD.findall(_HEAD_END.split(f" {subject} ", maxsplit=1)[0])
    return _WORDS.singular(words[-1].lower()) if words else ""


def subject_class(head: str, measure: str, subject: str | None) -> str:
    if head in _SUBJECT_CLASS:
        return _SUBJECT_CLASS[head]
    if not head and measure in PERSON_MEASURES:
        return "people"
    if subject and subject[:1].isupper() and head.endswith(_WORDS.demonym_endings):
        return "people"  # a demonym: "Azerbaijanis", "Ardavians"
    return head or "unspecified"


def figure_from_claim(claim: dict[str, Any], order: int, published: str | None) -> Figure | None:
    """The align record of one stored figure claim, or None for a figure that counts
    nothing comparable (no value and no range).

    Repeated strings (document ids, measures, subjects, places) are interned, so a million
    records share them instead of holding a copy each."""
    value, low, high = claim.get("value"), claim.get("low"), claim.get("high")
    if value is None and low is None and high is None:
        return None
    qualifier = intern(str(claim.get("qualifier") or "exact"))
    if value is not None and qualifier == "exact":
        low = high = value
    measure = intern(str(claim.get("measure") or "other"))
    subject = intern(str(claim.get("subject") or ""))
    head = intern(subject_head(subject))
    time = claim.get("time")
    time_span = parse_span(time) if time else None
    if (
        time_span is not None
        and claim.get("time_inherited")
        and (time_span.granularity > _COARSEST_INHERITED)
    ):
        time, time_span = None, None
    day = _published_day(published)
    event_span = time_span
    if event_span is None and day is not None:
        # Never before 1 January of year 1, the first day a date can name.
        event_span = Span(max(1, day - _PUBLISHED_WINDOW_DAYS), day, 0)
    return Figure(
        id=str(claim["id"]),
        doc=intern(str(claim["doc"])),
        order=order,
        start=int(claim["start"]),
        end=int(claim["end"]),
        number_text=str(claim.get("number_text") or ""),
        value=value,
        low=0 if low is None else low,
        high=float("inf") if high is None else high,
        qualifier=qualifier,
        measure=measure,
        family=MEASURE_FAMILY.get(measure, measure),
        subject=subject,
        head=head,
        subject_class=intern(subject_class(head, measure, subject)),
        places=tuple(dict.fromkeys(intern(name_key(p)) for p in claim.get("place") or [])),
        time=None if time is None else intern(str(time)),
        time_span=time_span,
        event_span=event_span,
        published=_published_moment(published),
        revision=bool(_REVISION.search(str(claim.get("text") or ""))),
        incident=None if claim.get("incident") is None else intern(str(claim["incident"])),
        modality=intern(str(claim.get("modality") or ASSERTED)),
    )


_published_day = lru_cache(maxsize=65536)(published_day)
_published_moment = lru_cache(maxsize=65536)(published_moment)


def load_figures(
    claims: Iterable[dict[str, Any]], published: dict[str, str | None]
) -> Iterator[Figure]:
    """Align records for stored figure claims, given each document's publication date."""
    for order, claim in enumerate(claims):
        figure = figure_from_claim(claim, order, published.get(str(claim["doc"])))
        if figure is not None:
            yield figure
