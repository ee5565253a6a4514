"""Turn a matched temporal expression into a TIMEX3 type, value and modifier.

Relative expressions are anchored the way a reader anchors them: deictic ones
("yesterday", "last week", "two years ago", "on Friday") against the document's creation
date (DCT); anaphoric ones ("the day after", "a year later", "that night", "on January
21" without a year) against the narrative's reference time, the latest fully stated date
the text is talking about.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from consilience.extract.temporal.context import (
    DAY_PARTS,
    ORDINALS,
    PARTS,
    RELATIVE,
    Context,
    Resolved,
    amount_of,
    day_number,
    month_number,
    unit_of,
)
from consilience.extract.temporal.relative import (
    ago_or_later,
    anaphoric_period,
    days_following,
    deictic_day,
    relative_unit,
    unit_relative,
    weekday,
    year_relative,
)
from consilience.extract.temporal.values import (
    SEASONS,
    Point,
    duration,
    from_date,
    make_point,
    quarter_of,
    shift,
    unit_key,
)
from consilience.lexicon import load_lexicon
from consilience.lexicon.time import Holiday

_TIME = load_lexicon().time
_NUMBERS = load_lexicon().numbers
_PART_FRAME = re.compile(_TIME.cues["part_frame"])  # "the end of": the part is "end"
_YEAR_IN_SENTENCE = re.compile(_TIME.cues["year_in_sentence"])
_OF = re.compile(_TIME.cues["of_what"])
_ARTICLE_WORDS = tuple(_TIME.cues["article"].split("|"))
# The month each season starts in, for the year it falls in.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def resolve(
    name: str, match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """The TIMEX3 reading of one match, updating the narrative reference when the match
    states a date in full."""
    handler = _HANDLERS[name]
    return handler(match, ctx, future, preceding)


def _interval(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    month = month_number(groups["month"])
    month2 = month_number(groups["month2"]) if groups.get("month2") else month
    if groups.get("year"):
        year, anchor = int(groups["year"]), "none"
    else:
        found, anchor = ctx.year_for(match.start(), month, day_number(groups["day"]))
        if found is None:
            return Resolved(
                "DATE", f"XXXX-{month:02d}-{day_number(groups['day']):02d}", None, "none"
            )
        year = found
    first = make_point(year, month, day_number(groups["day"]))
    last = make_point(year, month2, day_number(groups["day2"]))
    if first is None or last is None or last.as_date() <= first.as_date():
        return None
    if groups.get("year"):
        ctx.remember(last, match.end(), (first, last))
    else:
        ctx.remember(last, match.end(), (first, last))
    return Resolved("DATE", f"{first.value}/{last.value}", None, anchor)


def _full_date(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    month = int(groups["month"]) if groups["month"].isdigit() else month_number(groups["month"])
    year = int(groups["year"])
    if year < 100:
        year += 1900 if year >= 30 else 2000
    point = make_point(year, month, day_number(groups["day"]))
    if point is None:
        return None
    ctx.remember(point, match.end())
    if groups.get("hour"):
        return Resolved("TIME", f"{point.value}T{groups['hour']}:{groups['minute']}", None, "none")
    return Resolved("DATE", point.value, _since(preceding), "none")


def _since(preceding: str) -> str | None:
    """ "since 2020" holds from that date on."""
    since = any(preceding.lower().endswith(cue) for cue in _TIME.on_or_after_cues)
    return "ON_OR_AFTER" if since else None


def _month_year(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    point = Point(int(groups["year"]), month_number(groups["month"]))
    ctx.remember(point, match.end())
    part = groups.get("part")
    mod = PARTS.get(_PART_FRAME.sub("", part.lower())) if part else None
    return Resolved("DATE", point.value, mod or _since(preceding), "none")


def _month_day(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    month = month_number(groups["month"] or groups["month2"])
    day = day_number(groups["day"] or groups["day2"])
    year, anchor = ctx.year_for(match.start(), month, day)
    if year is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", None, "none")
    point = make_point(year, month, day)
    if point is None:
        return None
    if anchor == "narrative":
        ctx.remember(point, match.end())
    return Resolved("DATE", point.value, None, anchor)


def _year_part(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    year = int(groups["year"])
    ctx.remember(Point(year), match.end())
    return Resolved(
        "DATE", f"{year:04d}", PARTS.get(" ".join(groups["part"].lower().split())), "none"
    )


def _decade(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    """ "the 1980s", "the '80s", "the eighties": TIMEX3 writes a decade as its first three
    digits (198). A decade elided to two digits is the latest one up to the document's date;
    a spelled one only after an article ("in his forties" is an age)."""
    groups = match.groupdict()
    if groups.get("decade"):
        first = int(groups["decade"])
    elif groups.get("short"):
        first = _latest_year(int(groups["short"]), ctx)
    else:
        if not match.group(0)[:1].isalpha() or match.group(0).lower() == groups["word"].lower():
            return None
        first = _TIME.decade_words[groups["word"].lower()]
    value = f"{first // 10:03d}"
    part = groups.get("part")
    return Resolved("DATE", value, PARTS.get(part.lower()) if part else None, "none")


def _century(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    first = int(groups["c1"]) - 1
    if groups.get("c2"):
        return Resolved("DATE", f"{first:02d}/{int(groups['c2']) - 1:02d}", None, "none")
    return Resolved("DATE", f"{first:02d}", None, "none")


def _season_year(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    return Resolved("DATE", f"{groups['year']}-{SEASONS[groups['season'].lower()]}", None, "none")


def _holiday(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    """ "Thanksgiving Day", "last Christmas": a named day, in the year a month and day
    written without one would take ("last", "next": the one before or after the document's
    date)."""
    groups = match.groupdict()
    holiday = _TIME.holidays[groups["holiday"].replace("’", "'")]
    which = (groups.get("which") or "").lower()
    if which and ctx.dct is not None:
        step = RELATIVE[which].step
        year = ctx.dct.year + step
        if step < 0 and holiday_in(ctx.dct.year, holiday) < ctx.dct.as_date():
            year = ctx.dct.year  # "last Thanksgiving" in December is this year's
        if step > 0 and holiday_in(ctx.dct.year, holiday) > ctx.dct.as_date():
            year = ctx.dct.year
        anchor = "dct"
    else:
        found, anchor = ctx.year_for(match.start(), holiday.month, holiday.day or 15)
        if found is None:
            day = holiday.day
            value = f"XXXX-{holiday.month:02d}-{day:02d}" if day else f"XXXX-{holiday.month:02d}"
            return Resolved("DATE", value, None, "none")
        year = found
    return Resolved("DATE", from_date(holiday_in(year, holiday)).value, None, anchor)


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


def _season(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    """ "in autumn", "by the spring": a season alone, only after a word that introduces a
    date ("spring" and "fall" are also a noun and a verb). Its year: the document's, or the
    one before when the clause is past and the season has not yet begun; the narrative's in
    a document about another time."""
    if preceding.lower() not in _TIME.season_cues or _OF.match(match.string, match.end()):
        return None  # "began to fall apart"; "the winter of 1994" is read whole elsewhere
    groups = match.groupdict()
    code = SEASONS[groups["season"].lower()]
    part = groups.get("part")
    mod = PARTS.get(part.lower()) if part else None
    first_month = _SEASON_START[code]
    year, anchor = ctx.year_for(match.start(), first_month, None)
    if year is None:
        return Resolved("DATE", f"XXXX-{code}", mod, "none")
    if anchor == "dct" and ctx.dct is not None:
        year = ctx.dct.year
        if ctx.tense == "past" and first_month > (ctx.dct.month or 1):
            year -= 1
    return Resolved("DATE", f"{year:04d}-{code}", mod, anchor)


def _elided_year(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "'79", and "in 64" where the sentence speaks of years ("born in 1931, she left in
    64"): a year written with its last two digits."""
    groups = match.groupdict()
    if groups.get("short"):
        year = _latest_year(int(groups["short"]), ctx)
    else:
        following = match.string[match.end() : match.end() + 2].lstrip()
        context_year = _YEAR_IN_SENTENCE.search(ctx.sentence)
        if (
            preceding.lower() not in _TIME.elided_year_cues
            or context_year is None
            or (following[:1].isalpha() or following[:1] in "%$")
        ):
            return None
        year = int(context_year.group(0)) // 100 * 100 + int(groups["bare"])
    ctx.remember(Point(year), match.end())
    return Resolved("DATE", f"{year:04d}", None, "none")


def _latest_year(last_digits: int, ctx: Context) -> int:
    """The latest year ending in these two digits up to the document's date ('79: 1979)."""
    now = ctx.dct.year if ctx.dct is not None else 1999
    year = now // 100 * 100 + last_digits
    return year if year <= now else year - 100


def _quarter(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    which = groups["which"].lower()
    if groups.get("year") and which in ORDINALS:
        return Resolved("DATE", f"{groups['year']}-Q{ORDINALS[which]}", None, "none")
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    if which in ORDINALS:
        # "the third quarter" in a report is the latest one: last year's if not yet over.
        number = ORDINALS[which]
        current = ((ctx.dct.month or 1) - 1) // 3 + 1
        year = ctx.dct.year if number <= current or future else ctx.dct.year - 1
        return Resolved("DATE", f"{year:04d}-Q{number}", None, "dct")
    step = RELATIVE[which].step  # "last quarter" -1, "next quarter" 1, "this quarter" 0
    if step:
        return Resolved("DATE", shift(ctx.dct, step, "Q"), None, "dct")
    return Resolved("DATE", quarter_of(ctx.dct), None, "dct")


def _time_of_day(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    if groups.get("word"):
        clock = _TIME.clock_words[groups["word"].lower()]
    else:
        hour = int(groups.get("hour") or groups.get("hour2") or 0)
        minute = int(groups.get("minute") or groups.get("minute2") or 0)
        half = _TIME.meridiems.get(groups.get("ampm") or "")  # "AM", "PM" or None
        if hour > 24 or (half and hour > 12):
            return None
        if half == "PM" and hour < 12:
            hour += 12
        if half == "AM" and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    if groups.get("zone"):
        clock += _TIME.zones[groups["zone"]]  # "09:45 UTC": 09:45Z
    day, anchor = ctx.day_ref(at_end=False)
    if day is None or day.day is None:
        return Resolved("TIME", f"XXXX-XX-XXT{clock}", None, "none")
    return Resolved("TIME", f"{day.value}T{clock}", None, anchor)


def _reference(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    word = " ".join(match.group("word").lower().split())
    return Resolved("DATE", _TIME.references[word], None, "none")


def _set(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    if groups.get("word"):
        return Resolved("SET", _TIME.set_words[groups["word"].lower()], None, "none")
    unit = groups["unit"].lower()
    if unit in DAY_PARTS:
        return Resolved("SET", f"XXXX-XX-XXT{DAY_PARTS[unit]}", None, "none")
    if unit in SEASONS:
        return Resolved("SET", f"XXXX-{SEASONS[unit]}", None, "none")
    return Resolved("SET", duration("1", unit_of(unit)), None, "none")


def _duration(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    if groups.get("bare"):
        unit = unit_of(groups["bare"].split()[-1])
        return Resolved("DURATION", duration("X", unit), None, "none")
    amount, unit = amount_of(groups["amount"]), unit_of(groups["unit"])
    if (
        preceding.lower() in _TIME.future_point_cues
        and ctx.tense == "future"
        and ctx.dct is not None
        and amount.isdigit()
        and not match.group(0).lower().startswith(_ARTICLE_WORDS)
    ):
        # "will open in two years": a point that far from the document's date.
        return Resolved("DATE", shift(ctx.dct, int(amount), unit_key(unit)), None, "dct")
    return Resolved("DURATION", duration(amount, unit), None, "none")


def _year(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    year = int(match.group("year"))
    if not 1000 <= year <= 2100:
        return None
    ctx.remember(Point(year), match.end())
    return Resolved("DATE", f"{year:04d}", _since(preceding), "none")


def _spelled_year(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "nineteen ninety-six" (1996), "two thousand and one" (2001), as spoken on air: the
    first number times its scale (a hundred unless a larger one is said), plus the rest.
    Words that are no number ("and") and the scale of a hundred count nothing."""
    cardinals, scales = _NUMBERS.cardinals, _NUMBERS.scales
    words = [
        w
        for w in re.split(r"[\s-]+", match.group("spelled").lower())
        if w in cardinals or scales.get(w, 0) > 100
    ]
    if words[1:2] and words[1] in scales:
        year = cardinals[words[0]] * scales[words[1]] + sum(cardinals[w] for w in words[2:])
    else:
        year = cardinals[words[0]] * 100 + sum(cardinals[w] for w in words[1:])
    ctx.remember(Point(year), match.end())
    return Resolved("DATE", f"{year:04d}", None, "none")


def _month_alone(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "January", "last November", "late November": the month in the year the context
    gives; "last" is its latest occurrence before the document date, "next" the coming one."""
    groups = match.groupdict()
    month = month_number(groups["month"])
    which = " ".join((groups.get("which") or "").lower().split())
    ambiguous = groups["month"].lower() in _TIME.ambiguous_months
    if ambiguous and not which and preceding.lower() not in _TIME.month_cues:
        return None  # "May" and "March" alone are more often a verb or a name
    mod = PARTS.get(_PART_FRAME.sub("", which)) if which else None
    relative = (groups.get("relative") or "").lower()
    if relative and ctx.dct is not None:  # "January this year", "July last year"
        year = ctx.dct.year + RELATIVE[relative].step
        return Resolved("DATE", Point(year, month).value, mod, "dct")
    if which in RELATIVE and ctx.dct is not None:  # "last", "next", "this" November
        year = ctx.dct.year
        if RELATIVE[which].step < 0 and month >= (ctx.dct.month or 1):
            year -= 1
        if RELATIVE[which].step > 0 and month <= (ctx.dct.month or 1):
            year += 1
        return Resolved("DATE", Point(year, month).value, None, "dct")
    found, anchor = ctx.year_for(match.start(), month, None)
    if found is None:
        return Resolved("DATE", f"XXXX-{month:02d}", mod, "none")
    return Resolved("DATE", Point(found, month).value, mod, anchor)


def _reference_adjective(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    if match.group("unit"):  # "recent weeks", "coming months": a stretch of unknown length
        return Resolved("DURATION", duration("X", unit_of(match.group("unit"))), None, "none")
    word = (match.group("adjective") or "").lower()
    return Resolved("DATE", _TIME.reference_adjectives.get(word, "FUTURE_REF"), None, "none")


def _bare_units(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "for years", "in weeks": a duration of unknown length, only after such a preposition."""
    if preceding.lower() not in _TIME.duration_cues:
        return None
    return Resolved("DURATION", duration("X", unit_of(match.group("unit"))), None, "none")


_HANDLERS = {
    "year_relative": year_relative,
    "anaphoric_period": anaphoric_period,
    "spelled_year": _spelled_year,
    "month": _month_alone,
    "reference_adjective": _reference_adjective,
    "bare_units": _bare_units,
    "interval_month_first": _interval,
    "interval_day_first": _interval,
    "date_month_first": _full_date,
    "date_day_first": _full_date,
    "date_iso": _full_date,
    "date_numeric": _full_date,
    "month_year_part": _month_year,
    "month_year": _month_year,
    "month_day": _month_day,
    "year_part": _year_part,
    "decade": _decade,
    "century": _century,
    "season_year": _season_year,
    "season": _season,
    "holiday": _holiday,
    "elided_year": _elided_year,
    "quarter": _quarter,
    "time_of_day": _time_of_day,
    "ago_or_later": ago_or_later,
    "relative_unit": relative_unit,
    "unit_relative": unit_relative,
    "days_following": days_following,
    "deictic_day": deictic_day,
    "weekday": weekday,
    "reference": _reference,
    "set": _set,
    "duration": _duration,
    "year": _year,
}
