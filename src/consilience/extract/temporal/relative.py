"""Relative expressions: deictic ones against the document date ("yesterday", "last
week", "two years ago", "on Friday"), anaphoric ones against the narrative ("the day
after", "a year later", "that night", "the days following")."""

from __future__ import annotations

import re

from consilience.extract.temporal.context import (
    DAY_PARTS,
    ORDINALS,
    RELATIVE,
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
    unit_key,
    week_of,
    weekday_near,
)
from consilience.lexicon import load_lexicon

_TIME = load_lexicon().time
_QUARTER_IN_SENTENCE = re.compile(_TIME.cues["quarter_in_sentence"], re.I)


def ago_or_later(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    amount = amount_of(groups["amount"])
    unit = unit_of(groups["unit"])
    direction = RELATIVE[" ".join(groups["direction"].lower().split())]
    hedge = " ".join((groups.get("hedge") or "").lower().split())
    mod = "APPROX" if hedge else None
    if direction.duration:  # "two years since"
        return Resolved("DURATION", duration(amount, unit), mod, "none")
    deictic = direction.anchor == "dct"  # "ago", "from now"
    base, anchor = (ctx.dct, "dct") if deictic else narrative_point(ctx)
    if base is None:
        return Resolved("DATE", None, mod, "none")
    sign = 1 if direction.step > 0 else -1
    a_year = unit_key(unit) == "Y" and amount == "1"
    if a_year and ctx.quarterly and ctx.dct is not None:
        # Quarterly results: "up from a year ago" is the reported quarter a year back.
        return Resolved("DATE", shift(ctx.dct, -5, "Q"), mod, "dct")
    if deictic and a_year and _QUARTER_IN_SENTENCE.search(ctx.sentence):
        # Quarterly results: "up from a year ago" is the same quarter a year back.
        return Resolved("DATE", shift(base, -5, "Q"), mod, anchor)
    if amount == "X" and any(ch.isdigit() for ch in groups["amount"]):
        # A number too large to read ("10^400 days later") places nothing on the calendar.
        return Resolved("DATE", None, mod, "none")
    if amount == "X":
        # "several years later": only the decade is known.
        value = shift(base, 0, "DE") if unit_key(unit) == "Y" else None
        return Resolved("DATE", value, mod, anchor)
    value = shift(base, sign * int(float(amount)), unit_key(unit))
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
    # "the following day", "that night", "the next day": against the narrative.
    after_article = match.start("which") > match.start()  # "the" is all that may precede
    word = RELATIVE[which]
    if (word.anchor_after_article if after_article else word.anchor) == "narrative":
        return anaphoric(which, unit, ctx)
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    dct = ctx.dct
    step = RELATIVE[which].step
    if unit in WEEKDAYS:
        ahead = step > 0 or (step == 0 and future)
        return Resolved("DATE", weekday_near(dct, WEEKDAYS[unit], future=ahead), None, "dct")
    if unit in DAY_PARTS:
        return Resolved("DATE", dct.value if step == 0 else shift(dct, step, "D"), None, "dct")
    if unit in SEASONS:
        return Resolved("DATE", f"{dct.year + step:04d}-{SEASONS[unit]}", None, "dct")
    if RELATIVE[which].duration and unit in UNIT_NAMES:  # "the past week"
        return Resolved("DURATION", duration("1", unit), None, "none")
    key = unit_key(unit)
    if step == 0:
        value = {"W": week_of(dct), "M": Point(dct.year, dct.month).value,
                 "Q": quarter_of(dct)}.get(key) or shift(dct, 0, key)  # fmt: skip
        return Resolved("DATE", value, None, "dct")
    return Resolved("DATE", shift(dct, step, key), None, "dct")


def anaphoric(which: str, unit: str, ctx: Context) -> Resolved | None:
    """ "the following day", "that night", "the same year": against the narrative."""
    a_day = unit in DAY_PARTS or (unit in UNIT_NAMES and unit_key(unit) == "D")
    if a_day and RELATIVE[which].step == 0:  # "that night", "the same day"
        if ctx.ref_interval is not None:
            first, last = ctx.ref_interval
            return Resolved("DATE", f"{first.value}/{last.value}", None, "narrative")
        day, anchor = ctx.day_ref(at_end=True)
        return Resolved("DATE", day.value if day is not None else None, None, anchor)
    base, anchor = narrative_point(ctx)
    if base is None or unit not in UNIT_NAMES:
        return Resolved("DATE", None, None, "none")
    return Resolved("DATE", shift(base, RELATIVE[which].step, unit_key(unit)), None, anchor)


def unit_relative(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    unit = groups["unit"].lower()
    after = RELATIVE[groups["direction"].lower()].step > 0
    key = unit_key(unit)
    base, anchor = ctx.day_ref(at_end=after) if key == "D" else narrative_point(ctx)
    if base is None:
        return Resolved("DATE", None, None, "none")
    return Resolved("DATE", shift(base, 1 if after else -1, key), None, anchor)


def days_following(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    direction = (groups.get("direction") or groups.get("direction2") or "").lower()
    after = RELATIVE[direction].step > 0  # "the days following", "the weeks after"
    day, anchor = ctx.day_ref(at_end=after)
    return Resolved("DATE", day.value if day else None, "AFTER" if after else "BEFORE", anchor)


def deictic_day(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    word = " ".join(groups["word"].lower().split())
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    # Parts of a day ("this morning", "tonight") keep the day's value, as TimeBank does.
    return Resolved("DATE", shift(ctx.dct, _TIME.deictic_days[word], "D"), None, "dct")


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
    if (unit in UNIT_NAMES and unit_key(unit) == "Q") or ctx.quarterly:
        return Resolved("DATE", shift(ctx.dct, -5, "Q"), None, "dct")
    return Resolved("DATE", shift(ctx.dct, -1, "Y"), None, "dct")


def anaphoric_period(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "the quarter", "the year", "the weekend": the period the report is about."""
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    key = unit_key(match.group("unit").lower())
    if key == "Q":
        return Resolved("DATE", shift(ctx.dct, -1, "Q"), None, "dct")
    if key == "WE":
        return Resolved("DATE", shift(ctx.dct, 0 if future else -1, "WE"), None, "dct")
    if key == "W":
        return Resolved("DATE", week_of(ctx.dct), None, "dct")
    if key == "M":
        return Resolved("DATE", Point(ctx.dct.year, ctx.dct.month).value, None, "dct")
    return Resolved("DATE", f"{ctx.dct.year:04d}", None, "dct")
