"""TIMEX3 values as day intervals, so that claims dated at different granularities can be
compared and sorted: `1990-01` contains `1990-01-20`; `198` (the 1980s) contains `1987`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache

from consilience.extract.temporal.values import SEASON_MONTHS

# Granularities from finest to coarsest; a claim dated coarser than YEAR says little about
# which event a figure belongs to.
DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY = range(7)

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")  # TIMEX3 "198"; "198X" as TIMEX2 and older output wrote it
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
_SEASON_MONTHS = {
    "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
    **SEASON_MONTHS, "AU": SEASON_MONTHS["FA"],
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Span:
    """An inclusive range of days (proleptic Gregorian ordinals) and how coarse it is."""

    first: int
    last: int
    granularity: int

    def overlaps(self, other: Span, slack: int = 0) -> bool:
        return self.first - slack <= other.last and other.first - slack <= self.last

    def contains(self, other: Span) -> bool:
        return self.first <= other.first and other.last <= self.last

    @property
    def days(self) -> int:
        return self.last - self.first + 1

    def iso(self) -> tuple[str, str]:
        return date.fromordinal(self.first).isoformat(), date.fromordinal(self.last).isoformat()


def _month_span(year: int, first_month: int, last_month: int, granularity: int) -> Span:
    last_year = year + (last_month - 1) // 12
    last_month = (last_month - 1) % 12 + 1
    last_day = calendar.monthrange(last_year, last_month)[1]
    return Span(
        date(year, first_month, 1).toordinal(),
        date(last_year, last_month, last_day).toordinal(),
        granularity,
    )


def _single(value: str) -> Span | None:
    try:
        if match := _DAY.match(value):
            day = date(int(match[1]), int(match[2]), int(match[3])).toordinal()
            return Span(day, day, DAY)
        if match := _MONTH.match(value):
            month = int(match[2])
            return _month_span(int(match[1]), month, month, MONTH)
        if match := _WEEK.match(value):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1).toordinal()
            return Span(monday, monday + 6, WEEK)
        if match := _QUARTER.match(value):
            first, last = _SEASON_MONTHS[match[2]]
            return _month_span(int(match[1]), first, last, QUARTER)
        if match := _YEAR.match(value):
            return _month_span(int(match[1]), 1, 12, YEAR)
        if match := _DECADE.match(value):
            start = int(match[1]) * 10
            return Span(date(start, 1, 1).toordinal(), date(start + 9, 12, 31).toordinal(), DECADE)
        if match := _CENTURY.match(value):
            start = max(int(match[1]) * 100, 1)
            return Span(
                date(start, 1, 1).toordinal(), date(start + 99, 12, 31).toordinal(), CENTURY
            )
    except ValueError:  # a month 13, a week 54, year 0: not a date we can place
        return None
    return None


def _apply_mod(span: Span, mod: str | None) -> Span:
    """Narrow a span to the calendar third a TIMEX3 mod names: days 1-10, 11-20 and 21-end
    of a month; four months of a year; 1980-82, 1983-86 and 1987-89 of the 1980s. Weeks,
    quarters and intervals are cut into thirds of their days."""
    if mod not in ("START", "MID", "END") or span.days < 3:
        return span
    first = date.fromordinal(span.first)
    if span.granularity == MONTH:
        low, high = {"START": (0, 9), "MID": (10, 19)}.get(mod, (20, span.days - 1))
        return Span(span.first + low, span.first + high, span.granularity)
    if span.granularity == YEAR:
        low, high = _third(12, mod)
        return _month_span(first.year, low + 1, high + 1, YEAR)
    if span.granularity in (DECADE, CENTURY):
        years = date.fromordinal(span.last).year - first.year + 1
        low, high = _third(years, mod)
        return Span(
            date(first.year + low, 1, 1).toordinal(),
            date(first.year + high, 12, 31).toordinal(),
            span.granularity,
        )
    low, high = _third(span.days, mod)
    return Span(span.first + low, span.first + high, span.granularity)


def _third(count: int, mod: str) -> tuple[int, int]:
    """Unit indices (inclusive) of the early, middle or late third of `count` units."""
    third = count // 3
    return {"START": (0, third - 1), "MID": (third, count - third - 1)}.get(
        mod, (count - third, count - 1)
    )


@lru_cache(maxsize=65536)
def parse_span(value: str | None, mod: str | None = None) -> Span | None:
    """The days a TIMEX3 value covers, or None for recurring (XXXX), durations and the
    unparseable. An interval `A/B` covers A's first day to B's last."""
    if not value or value.startswith(("XXXX", "P")):
        return None
    if "/" in value:
        left, _, right = value.partition("/")
        first, last = _single(left), _single(right)
        if first is None or last is None or last.last < first.first:
            return None
        return _apply_mod(Span(first.first, last.last, max(first.granularity, DAY)), mod)
    span = _single(value)
    return None if span is None else _apply_mod(span, mod)


def published_day(published: str | None) -> int | None:
    """A document's publication date as a day ordinal (date or full timestamp)."""
    moment = published_moment(published)
    return None if moment is None else datetime.fromtimestamp(moment, UTC).toordinal()


def published_moment(published: str | None) -> float | None:
    """A document's publication time as seconds since the epoch, for ordering reports; a
    bare date counts as its midnight (UTC)."""
    if not published:
        return None
    text = published.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()
