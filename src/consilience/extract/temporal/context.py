"""What the tagger knows while reading a document (its date, the narrative's reference
time), the reading it gives each expression, and the small parsers they share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from consilience.extract.figures.numbers import word_value
from consilience.extract.temporal.tense import Tense
from consilience.extract.temporal.values import MONTHS, Point
from consilience.lexicon import load_lexicon

_LEXICON = load_lexicon()
_TIME = _LEXICON.time

PARTS = _TIME.parts  # "the end" of a period: "end" -> "END"
DAY_PARTS = _TIME.day_parts  # "morning" -> "MO"
ORDINALS = _LEXICON.numbers.ordinals  # "third" -> 3, "3rd" -> 3
UNIT_NAMES = frozenset(_TIME.units)  # the duration unit words, singular: "day", "century"
RELATIVE = _TIME.relative_words  # "last", "ago", "following": step and anchor


# How far back (characters) a bare year stays the reference for "on January 21" when the
# document has a date of its own; without one, any earlier year is better than none.
_YEAR_REACH = 150
# How far a month with its year ("in November 1959") stays the reference in a dated report.
_MONTH_REACH = 600
# How many days a date may lie on the other side of the document's date from where its
# clause's tense puts it (a month alone is taken at its middle).
_TENSE_SLACK = 45


@dataclass(frozen=True)
class Resolved:
    type: str
    value: str | None
    mod: str | None
    anchor: str
    end: int | None = None  # where the expression ends when it is shorter than its match
    start: int | None = None  # where it starts when its match holds a cue before it


@dataclass
class Context:
    """What a reader knows at this point of the document."""

    dct: Point | None
    sentence: str = ""  # the sentence being read
    sentence_start: int = 0
    tense: Tense | None = None  # of the clause the expression being read hangs on
    named: bool = False  # the expression names an event ("the January 20 tragedy")
    quarterly: bool = False  # a report on quarterly results: year-ago means that quarter
    ref: Point | None = None  # the latest explicit date the text talks about
    ref_at: int = -(10**9)
    ref_interval: tuple[Point, Point] | None = None
    # The story's day: the day the document states most often with its year (the event it
    # is about), and for each month and day the years the document states it with.
    story: Point | None = None
    stated: dict[tuple[int, int], list[int]] = field(default_factory=dict)

    def remember(self, point: Point, at: int, interval: tuple[Point, Point] | None = None) -> None:
        self.ref, self.ref_at, self.ref_interval = point, at, interval

    def year_for(self, at: int, month: int, day: int | None) -> tuple[int | None, str]:
        """The year of a month (and day) written without one.

        A document that tells of another time (its dates two years or more from its own
        date) continues in the year the narrative is in; a news report about its own days
        means the occurrence nearest to its date ("Nov. 25" in an article of December
        1999 is 1999, "January" is January 2000)."""
        history = self.dct is None or (
            self.ref is not None and abs(self.ref.year - self.dct.year) >= 2
        )
        stated = self.stated.get((month, day)) if day is not None else None
        story_day = self.story is not None and (self.story.month, self.story.day) == (month, day)
        if stated and (history or self.named or (story_day and len(stated) >= 2)):
            # A day the document states with its year elsewhere ("January 20, 1990"), told
            # again without it, naming the event ("the January 20 tragedy"), or the story's
            # own day: the year of its first occurrence, the one later ones commemorate.
            return min(stated), "narrative"
        in_sentence = self.ref_at >= self.sentence_start
        recent = self.ref is not None and (
            (self.ref.month is not None and (at - self.ref_at < _MONTH_REACH or self.dct is None))
            or (at - self.ref_at < _YEAR_REACH and (in_sentence or self.dct is None))
        )
        if self.ref is not None and history and (recent or self.dct is None):
            return self.ref.year, "narrative"
        if self.dct is not None:
            return nearest_year(self.dct, month, day, self.tense), "dct"
        if self.ref is not None:
            return self.ref.year, "narrative"
        return None, "none"

    def day_ref(self, at_end: bool) -> tuple[Point | None, str]:
        """The day the narrative is on: the end (or start) of an interval it talks about."""
        if self.ref_interval is not None:
            return self.ref_interval[1 if at_end else 0], "narrative"
        if self.ref is not None and self.ref.day is not None:
            return self.ref, "narrative"
        if self.dct is not None:
            return self.dct, "dct"
        return None, "none"


def nearest_year(dct: Point, month: int, day: int | None, tense: Tense | None = None) -> int:
    """The year for a month/day near the document date. A clause in the past tense means
    the latest occurrence up to the document date, one in the future the next from it.
    Otherwise news looks back more than ahead: a date up to two months after the document
    date is this year's, a later one last year's; one more than eight months before is
    next year's."""

    reference = dct.as_date()
    try:
        candidate = dt.date(dct.year, month, min(day or 15, 28))  # a month alone: its middle
    except ValueError:
        return dct.year
    # A clause's tense outweighs distance, but not by a few weeks: a report may name the
    # coming Monday in a past clause ("the vote was set for Monday, Oct. 26").
    if tense == "past":
        return dct.year if (candidate - reference).days <= _TENSE_SLACK else dct.year - 1
    if tense == "future":
        return dct.year if (reference - candidate).days <= _TENSE_SLACK else dct.year + 1
    if (candidate - reference).days > 60:
        return dct.year - 1
    if (reference - candidate).days > 240:
        return dct.year + 1
    return dct.year


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def amount_of(text: str) -> str:
    """ "two" -> "2", "a" -> "1", "several" -> "X"."""
    words = text.lower().replace("-", " ").split()
    if " ".join(words) in _TIME.amounts:
        return _TIME.amounts[" ".join(words)]
    value = word_value(words)
    if value is None:
        return "X"
    return str(int(value)) if float(value).is_integer() else str(value)


def unit_of(text: str) -> str:
    """The unit word of a singular or plural: "years" -> "year", "centuries" -> "century"."""
    word = text.lower()
    return _TIME.unit_forms.get(word, word)
