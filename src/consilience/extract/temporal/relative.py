"""Relative expressions: deictic ones against the document date ("yesterday", "last
week", "two years ago", "on Friday"), anaphoric ones against the narrative ("the day
after", "a year later", "that night", "the days following")."""

from __future__ import annotations

import re

from consilience.extract.temporal.context import (
    DAY_PARTS,
    ORDINALS,
    UNIT_NAMES,
    Context,
    Resolved,
    amount_of,
    unit_of,
)
from consilience.extract.temporal.values import (
    SEASONS,
    WEEKDAYS,
    Point,
    duration,
    quarter_of,
    shift,
    week_of,
    weekday_near,
)


def ago_or_later(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    amount = amount_of(groups["amount"])
    unit = unit_of(groups["unit"])
    direction = " ".join(groups["direction"].lower().split())
    hedge = " ".join((groups.get("hedge") or "").lower().split())
    mod = "APPROX" if hedge else None
    if direction == "since":
        return Resolved("DURATION", duration(amount, unit), mod, "none")
    deictic = direction in ("ago", "hence", "from now")
    base, anchor = (ctx.dct, "dct") if deictic else narrative_point(ctx)
    if base is None:
        return Resolved("DATE", None, mod, "none")
    sign = 1 if direction in ("later", "after", "hence", "from now", "on") else -1
    if unit == "year" and amount == "1" and ctx.quarterly and ctx.dct is not None:
        # Quarterly results: "up from a year ago" is the reported quarter a year back.
        return Resolved("DATE", shift(ctx.dct, -5, "quarter"), mod, "dct")
    if (
        deictic
        and unit == "year"
        and amount == "1"
        and re.search(r"\bquarter\b", ctx.sentence, re.I)
    ):
        # Quarterly results: "up from a year ago" is the same quarter a year back.
        return Resolved("DATE", shift(base, -5, "quarter"), mod, anchor)
    if amount == "X" and any(ch.isdigit() for ch in groups["amount"]):
        # A number too large to read ("10^400 days later") places nothing on the calendar.
        return Resolved("DATE", None, mod, "none")
    if amount == "X":
        # "several years later": only the decade is known.
        return Resolved("DATE", shift(base, 0, "decade") if unit == "year" else None, mod, anchor)
    value = shift(base, sign * int(float(amount)), unit)
    return Resolved("DATE", value, mod, anchor)


def narrative_point(ctx: Context) -> tuple[Point | None, str]:
    if ctx.ref_interval is not None:
        return ctx.ref_interval[1], "narrative"
    if ctx.ref is not None:
        return ctx.ref, "narrative"
    return (ctx.dct, "dct") if ctx.dct is not None else (None, "none")


def relative_unit(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    which = groups["which"].lower()
    unit = groups["unit"].lower()
    if which in ("following", "previous", "preceding", "same", "that") or (
        which == "next" and match.group(0).lower().startswith("the")
    ):
        return anaphoric(which, unit, ctx)
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    dct = ctx.dct
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "recent": -1, "next": 1, "coming": 1}[
        which
    ]
    if unit in WEEKDAYS:
        ahead = step > 0 or (step == 0 and future)
        return Resolved("DATE", weekday_near(dct, WEEKDAYS[unit], future=ahead), None, "dct")
    if unit in DAY_PARTS:
        return Resolved("DATE", dct.value if step == 0 else shift(dct, step, "day"), None, "dct")
    if unit in SEASONS:
        return Resolved("DATE", f"{dct.year + step:04d}-{SEASONS[unit]}", None, "dct")
    if which == "past" and unit in UNIT_NAMES:
        return Resolved("DURATION", duration("1", unit), None, "none")
    if step == 0:
        value = {"week": week_of(dct), "month": Point(dct.year, dct.month).value,
                 "quarter": quarter_of(dct)}.get(unit) or shift(dct, 0, unit)  # fmt: skip
        return Resolved("DATE", value, None, "dct")
    return Resolved("DATE", shift(dct, step, unit), None, "dct")


def anaphoric(which: str, unit: str, ctx: Context) -> Resolved | None:
    """ "the following day", "that night", "the same year": against the narrative."""
    if unit in ("night", "day", "morning", "evening", "afternoon") and which in ("that", "same"):
        if ctx.ref_interval is not None:
            first, last = ctx.ref_interval
            return Resolved("DATE", f"{first.value}/{last.value}", None, "narrative")
        day, anchor = ctx.day_ref(at_end=True)
        return Resolved("DATE", day.value if day is not None else None, None, anchor)
    base, anchor = narrative_point(ctx)
    if base is None or unit not in UNIT_NAMES:
        return Resolved("DATE", None, None, "none")
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(which, 0)
    return Resolved("DATE", shift(base, step, unit), None, anchor)


def unit_relative(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    unit = groups["unit"].lower()
    after = groups["direction"].lower() == "after"
    base, anchor = ctx.day_ref(at_end=after) if unit in ("day", "night") else narrative_point(ctx)
    if base is None:
        return Resolved("DATE", None, None, "none")
    return Resolved("DATE", shift(base, 1 if after else -1, unit), None, anchor)


def days_following(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    direction = (groups.get("direction") or groups.get("direction2") or "").lower()
    after = direction in ("following", "after")
    day, anchor = ctx.day_ref(at_end=after)
    return Resolved("DATE", day.value if day else None, "AFTER" if after else "BEFORE", anchor)


def deictic_day(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    word = " ".join(groups["word"].lower().split())
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]  # fmt: skip
    # Parts of a day ("this morning", "tonight") keep the day's value, as TimeBank does.
    return Resolved("DATE", shift(ctx.dct, offset, "day"), None, "dct")


def weekday(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    weekday = WEEKDAYS[groups["weekday"].lower()]
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-WXX-{weekday + 1}", None, "none")
    return Resolved("DATE", weekday_near(ctx.dct, weekday, future), None, "dct")


def year_relative(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "the year-earlier quarter": the reported quarter (the one before the document's) a
    year back; "year-ago" alone: the year before."""
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    groups = match.groupdict()
    unit = (groups.get("unit") or "").lower()
    which = (groups.get("which") or "").lower()
    if which in ORDINALS:
        return Resolved("DATE", f"{ctx.dct.year - 1:04d}-Q{ORDINALS[which]}", None, "dct")
    if unit == "quarter" or ctx.quarterly:
        return Resolved("DATE", shift(ctx.dct, -5, "quarter"), None, "dct")
    return Resolved("DATE", shift(ctx.dct, -1, "year"), None, "dct")


def anaphoric_period(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "the quarter", "the year", "the weekend": the period the report is about."""
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    unit = match.group("unit").lower()
    if unit == "quarter":
        return Resolved("DATE", shift(ctx.dct, -1, "quarter"), None, "dct")
    if unit == "weekend":
        return Resolved("DATE", shift(ctx.dct, 0 if future else -1, "weekend"), None, "dct")
    if unit == "week":
        return Resolved("DATE", week_of(ctx.dct), None, "dct")
    if unit == "month":
        return Resolved("DATE", Point(ctx.dct.year, ctx.dct.month).value, None, "dct")
    return Resolved("DATE", f"{ctx.dct.year:04d}", None, "dct")
