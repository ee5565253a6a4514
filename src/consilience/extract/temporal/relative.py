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
    point_of,
    quarter_of,
    shift,
    unit_key,
    week_of,
    weekday_near,
)
from consilience.lexicon import load_lexicon

_TIME = load_lexicon().time
_QUARTER_IN_SENTENCE = re.compile(_TIME.cues["quarter_in_sentence"], re.I)
_PERIOD_ENDING = re.compile(_TIME.cues["period_ending"], re.I)  # "the year ended June 30"


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
    following = match.string[match.end() : match.end() + 2].lstrip()
    direction_word = " ".join(groups["direction"].lower().split())
    closes = not following[:1].isalnum()  # "a year later." / "a year after," / "Ten years on,"
    if direction_word in _TIME.duration_signals and not closes:
        # "twenty years after the war", "five hours on the run": the amount is a duration
        # that the word relates to an event (TimeML).
        return Resolved("DURATION", duration(amount, unit), mod, "none", match.end("unit"))
    deictic = direction.anchor == "dct"  # "ago", "from now"
    base, anchor = (ctx.dct, "dct") if deictic else narrative_point(ctx)
    if direction_word in _TIME.anniversary_signals and ctx.story is not None:
        # "Thirty years on, ...": thirty years after the event the text is about.
        base, anchor = ctx.story, "narrative"
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
    edge = _TIME.incident_parts.get((groups.get("edge") or "").lower())
    adjective = (groups.get("adjective") or "").lower()
    if adjective in _TIME.anniversary_adjectives and ctx.story is not None:
        # "that tragic day", "that fateful night": the day the story is about, unless the
        # narrative is on it already (the night of an interval that holds it).
        told = anaphoric(which, unit, ctx)
        if told is not None and told.value is not None and ctx.story.value in told.value:
            return told
        ctx.remember(ctx.story, match.end())  # the text is back on that day
        return Resolved("DATE", ctx.story.value, None, "narrative")
    # "the following day", "that night", "the next day": against the narrative.
    before_which = match.end("edge") if groups.get("edge") else match.start()
    after_article = bool(match.string[before_which : match.start("which")].strip())
    word = RELATIVE[which]
    if word.needs_article and not after_article:
        return None  # "following Friday's losses": a preposition; the weekday is read alone
    if (word.anchor_after_article if after_article else word.anchor) == "narrative":
        return anaphoric(which, unit, ctx)
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    dct = ctx.dct
    step = RELATIVE[which].step
    if unit in WEEKDAYS:
        ahead = step > 0 or (step == 0 and future)
        if step < 0 and dct.as_date().weekday() == WEEKDAYS[unit]:
            # "last Wednesday" in a Wednesday report is the one a week before.
            return Resolved("DATE", shift(dct, -7, "D"), None, "dct")
        return Resolved("DATE", weekday_near(dct, WEEKDAYS[unit], future=ahead), None, "dct")
    if unit in DAY_PARTS:  # "this morning", "early this morning": the part of that day
        day = dct.value if step == 0 else shift(dct, step, "D")
        return with_part(day, DAY_PARTS[unit], edge, "dct")
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
    if unit in DAY_PARTS:  # "the next morning": that part of the day after
        day, anchor = ctx.day_ref(at_end=True)
        if day is None or day.day is None:
            return Resolved("TIME", None, None, "none")
        return with_part(shift(day, RELATIVE[which].step, "D"), DAY_PARTS[unit], None, anchor)
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
    edge = _TIME.incident_parts.get((groups.get("edge") or "").lower())
    if word in _TIME.generic_days and _generic_present(ctx):
        # "Today, the memory still unites the nation": the present, not the day.
        return Resolved("DATE", _TIME.generic_days[word], None, "none")
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    day = shift(ctx.dct, _TIME.deictic_days[word], "D")
    part = DAY_PARTS.get((groups.get("part") or "").lower()) or _TIME.deictic_parts.get(word)
    if day is not None:
        ctx.remember(point_of(day), match.end())
    if part:  # "tonight", "yesterday morning", "overnight": that part of the day
        return with_part(day, part, edge, "dct")
    return Resolved("DATE", day, edge, "dct")


def with_part(day: str | None, part: str, edge: str | None, anchor: str) -> Resolved:
    """A part of a day as TIMEX3 writes it: a TIME, 2026-01-20TAF."""
    return Resolved("TIME", f"{day}T{part}" if day else None, edge, anchor)


def _generic_present(ctx: Context) -> bool:
    """A clause in the present that speaks of the present in general: it holds a word such
    as "still" or "continue" ("Today, the memory still unites")."""
    if ctx.tense != "present":
        return False
    words = {word.strip(".,;:!?\"'“”").lower() for word in ctx.sentence.split()}
    return bool(words & _TIME.generic_present_cues)


def weekday(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    """ "on Friday", "late Tuesday", "Friday afternoon": the publication day when it is that
    weekday; otherwise the latest one before it, or the next one when the clause looks
    ahead. The day becomes the narrative's, so "9 p.m." after it is on that day."""
    groups = match.groupdict()
    weekday = WEEKDAYS[groups["weekday"].lower()]
    edge = _TIME.incident_parts.get((groups.get("edge") or "").lower())
    part = DAY_PARTS.get((groups.get("part") or "").lower())
    if ctx.dct is None:
        value = f"XXXX-WXX-{weekday + 1}"
        if part:
            return with_part(value, part, edge, "none")
        return Resolved("DATE", value, edge, "none")
    if ctx.dct.as_date().weekday() == weekday:
        day: str | None = ctx.dct.value
    else:
        day = weekday_near(ctx.dct, weekday, future)
    if day is not None:
        ctx.remember(point_of(day), match.end())
    if part:
        return with_part(day, part, edge, "dct")
    return Resolved("DATE", day, edge, "dct")


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
    key = unit_key(match.group("unit").lower())
    if _PERIOD_ENDING.match(match.string, match.end()):
        # "the year ended March 31": a reporting period, a length of one unit (TimeML).
        return Resolved("DURATION", duration("1", match.group("unit").lower()), None, "none")
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    if key == "Q":
        return Resolved("DATE", shift(ctx.dct, -1, "Q"), None, "dct")
    if key == "WE":
        return Resolved("DATE", shift(ctx.dct, 0 if future else -1, "WE"), None, "dct")
    if key == "W":
        return Resolved("DATE", week_of(ctx.dct), None, "dct")
    if key == "M":
        return Resolved("DATE", Point(ctx.dct.year, ctx.dct.month).value, None, "dct")
    return Resolved("DATE", f"{ctx.dct.year:04d}", None, "dct")
