"""Named periods and years written short: decades ("the '80s", "the eighties"), seasons
alone ("in autumn"), holidays ("Thanksgiving Day"), and years elided to two digits ("'79",
"in 64"). Each handler turns a match into a TIMEX3 reading, as in resolve.py."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from consilience.extract.temporal.context import PARTS, RELATIVE, Context, Resolved
from consilience.extract.temporal.values import SEASON_MONTHS, SEASONS, Point, from_date
from consilience.lexicon import load_lexicon
from consilience.lexicon.time import Holiday

_TIME = load_lexicon().time
_YEAR_IN_SENTENCE = re.compile(_TIME.cues["year_in_sentence"])
_OF = re.compile(_TIME.cues["of_what"])


def decade(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    """ "the 1980s", "the '80s", "the eighties": TIMEX3 writes a decade as its first three
    digits (198). A decade elided to two digits is the latest one up to the document's date;
    a spelled one only after an article ("in his forties" is an age)."""
    groups = match.groupdict()
    if groups.get("decade"):
        first = int(groups["decade"])
    elif groups.get("short"):
        first = latest_year(int(groups["short"]), ctx)
    else:
        if match.group(0).lower() == groups["word"].lower():
            return None  # a spelled decade needs its article: "in his forties" is an age
        first = _TIME.decade_words[groups["word"].lower()]
    value = f"{first // 10:03d}"
    part = groups.get("part")
    return Resolved("DATE", value, PARTS.get(part.lower()) if part else None, "none")


def holiday(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    """ "Thanksgiving Day", "last Christmas": a named day, in the year a month and day
    written without one would take ("last", "next": the one before or after the document's
    date)."""
    groups = match.groupdict()
    named = _TIME.holidays[groups["holiday"].replace("’", "'")]
    which = (groups.get("which") or "").lower()
    if which and ctx.dct is not None:
        step = RELATIVE[which].step
        year = ctx.dct.year + step
        if step < 0 and holiday_in(ctx.dct.year, named) < ctx.dct.as_date():
            year = ctx.dct.year  # "last Thanksgiving" in December is this year's
        if step > 0 and holiday_in(ctx.dct.year, named) > ctx.dct.as_date():
            year = ctx.dct.year
        anchor = "dct"
    else:
        found, anchor = ctx.year_for(match.start(), named.month, named.day or 15)
        if found is None:
            day = named.day
            value = f"XXXX-{named.month:02d}-{day:02d}" if day else f"XXXX-{named.month:02d}"
            return Resolved("DATE", value, None, "none")
        year = found
    return Resolved("DATE", from_date(holiday_in(year, named)).value, None, anchor)


def holiday_in(year: int, holiday: Holiday) -> dt.date:
    """The day a holiday falls on in a year."""
    if holiday.day is not None:
        return dt.date(year, holiday.month, holiday.day)
    weekday = holiday.weekday or 0
    if holiday.nth > 0:
        first = dt.date(year, holiday.month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (holiday.nth - 1))
    last = dt.date(year, holiday.month, calendar.monthrange(year, holiday.month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-holiday.nth - 1))


def season(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    """ "in autumn", "by the spring": a season alone, matched only after a word that
    introduces a date (calendar.toml's season_cues: "spring" and "fall" are also a noun and
    a verb). Its year: the document's, or the one before when the clause is past and the
    season has not yet begun; the narrative's in a document about another time."""
    if _OF.match(match.string, match.end()):
        return None  # "the winter of 1994" is read whole elsewhere
    body = match.start("body")  # the expression, without the cue word before it
    groups = match.groupdict()
    code = SEASONS[groups["season"].lower()]
    part = groups.get("part")
    mod = PARTS.get(part.lower()) if part else None
    first_month = SEASON_MONTHS[code][0]
    year, anchor = ctx.year_for(match.start(), first_month, None)
    if year is None:
        return Resolved("DATE", f"XXXX-{code}", mod, "none", start=body)
    if anchor == "dct" and ctx.dct is not None:
        year = ctx.dct.year
        if ctx.tense == "past" and first_month > (ctx.dct.month or 1):
            year -= 1
    return Resolved("DATE", f"{year:04d}-{code}", mod, anchor, start=body)


def elided_year(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "'79", and "in 64" (matched only after calendar.toml's elided_year_cues) where the
    sentence speaks of years ("born in 1931, she left in 64"): a year written with its last
    two digits."""
    groups = match.groupdict()
    if groups.get("short"):
        year = latest_year(int(groups["short"]), ctx)
    else:
        following = match.string[match.end() : match.end() + 2].lstrip()
        context_year = _YEAR_IN_SENTENCE.search(ctx.sentence)
        if context_year is None or following[:1].isalpha() or following[:1] in "%$":
            return None
        year = int(context_year.group(0)) // 100 * 100 + int(groups["bare"])
    ctx.remember(Point(year), match.end())
    start = match.start("bare") if groups.get("bare") else None  # without the cue word
    return Resolved("DATE", f"{year:04d}", None, "none", start=start)


def latest_year(last_digits: int, ctx: Context) -> int:
    """The latest year ending in these two digits up to the document's date ('79: 1979)."""
    now = ctx.dct.year if ctx.dct is not None else 1999
    year = now // 100 * 100 + last_digits
    return year if year <= now else year - 100
