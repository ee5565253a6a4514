"""TIMEX3 values: calendar points at some precision, and the arithmetic that relative
expressions need ("the day after", "two years ago", "last week")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from consilience.lexicon import load_lexicon

_TIME = load_lexicon().time

MONTHS = _TIME.month_numbers  # "january" -> 1, "sept" -> 9
WEEKDAYS = {name.lower(): number for name, number in _TIME.weekdays.items()}  # "monday" -> 0
SEASONS = _TIME.seasons  # "fall" -> "FA"
# The months each TIMEX3 season spans, first and last (winter runs into the next year: 14
# is February).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def unit_key(unit: str) -> str:
    """A duration unit word as the calendar arithmetic names it: its TIMEX3 letter(s),
    after "T" for a unit of the clock ("TM" a minute, "M" a month)."""
    found = _TIME.units[unit]
    return "T" + found.timex if found.clock else found.timex


@dataclass(frozen=True)
class Point:
    """A calendar point known to a precision: year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def value(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


def from_date(day: dt.date) -> Point:
    return Point(day.year, day.month, day.day)


def point_of(day: str) -> Point:
    """The point of a day's value, "2026-01-20"."""
    year, month, number = (int(part) for part in day.split("-"))
    return Point(year, month, number)


def make_point(year: int, month: int | None = None, day: int | None = None) -> Point | None:
    """A point, or None when the day does not exist (31 February)."""
    if month is not None and not 1 <= month <= 12:
        return None
    if (
        day is not None
        and month is not None
        and not 1 <= day <= calendar.monthrange(year, month)[1]
    ):
        return None
    return Point(year, month, day)


def shift(point: Point, amount: int, unit: str) -> str | None:
    """The value `amount` units after `point` (negative: before), at the unit's precision;
    None when it falls outside the calendar TIMEX3 writes (years 0001 to 9999). `unit` is
    a unit_key: "D", "W", "WE", "M", "Q", "Y", "DE", "CE" (a clock unit keeps the point)."""
    try:
        value = _shifted(point, amount, unit)
    except (OverflowError, ValueError):  # beyond what datetime.date can hold
        return None
    return value if in_calendar(value) else None


def _shifted(point: Point, amount: int, unit: str) -> str:
    base = point.as_date()
    if unit == "D":
        return from_date(base + dt.timedelta(days=amount)).value
    if unit in ("W", "WE"):
        shifted = base + dt.timedelta(weeks=amount)
        year, week, _ = shifted.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        index = base.year * 12 + (base.month - 1) + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "Q":
        quarter = (base.month - 1) // 3 + amount
        year = base.year + quarter // 4
        return f"{year:04d}-Q{quarter % 4 + 1}"
    if unit == "Y":
        return f"{base.year + amount:04d}"
    if unit == "DE":
        return f"{(base.year // 10 + amount):03d}"
    if unit == "CE":
        return f"{(base.year // 100 + amount):02d}"
    return point.value


# The year a calendar value starts with, or its decade ("199", "199X") or century ("19").
_LEADING_YEAR = re.compile(r"\d{4}|\d{3}X?(?!\d)|\d{2}(?!\d)")


def in_calendar(value: str) -> bool:
    """Whether every calendar point in a TIMEX3 value (both ends of an interval) lies in
    years 0001 to 9999; values that name no year ("XXXX-01-05", "P36Y", "PAST_REF") do."""
    for part in value.split("/"):
        if part.startswith("-"):
            return False  # a year before the calendar
        if not part[:1].isdigit():
            continue
        found = _LEADING_YEAR.match(part)
        if found is None or part[found.end() : found.end() + 1].isdigit():
            return False  # a year of five digits or more
        if found.group() == "0000":
            return False
    return True


def week_of(point: Point) -> str:
    year, week, _ = point.as_date().isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(point: Point) -> str:
    return f"{point.year:04d}-Q{((point.month or 1) - 1) // 3 + 1}"


def weekday_near(dct: Point, weekday: int, future: bool) -> str | None:
    """The weekday closest to the document date in the direction the text looks: "said on
    Friday" is the last Friday up to the document date; "will meet on Friday" the next.
    None when that day is outside the calendar (a Friday before 0001-01-01)."""
    base = dct.as_date()
    ahead = (weekday - base.weekday()) % 7 or 7
    delta = ahead if future else -((base.weekday() - weekday) % 7)
    try:
        return from_date(base + dt.timedelta(days=delta)).value
    except OverflowError:
        return None


def duration(amount: str, unit: str) -> str:
    """P36Y, PT24H, PXM (amount "X" when unknown) for a unit word ("years", as unit_of
    gives it: "year")."""
    found = _TIME.units[unit]
    if found.timex == "DE" and amount != "X":
        return f"P{int(amount) * 10}Y" if amount.isdigit() else "P10Y"
    if found.timex == "CE" and amount.isdigit():
        return f"P{int(amount) * 100}Y"
    return f"PT{amount}{found.timex}" if found.clock else f"P{amount}{found.timex}"
