"""Turn a matched temporal expression into a TIMEX3 type, value and modifier.

Relative expressions are anchored the way a reader anchors them: deictic ones
("yesterday", "last week", "two years ago", "on Friday") against the document's creation
date (DCT); anaphoric ones ("the day after", "a year later", "that night", "on January
21" without a year) against the narrative's reference time, the latest fully stated date
the text is talking about.
"""

from __future__ import annotations

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
from consilience.extract.temporal.named import decade, elided_year, holiday, season
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
    make_point,
    quarter_of,
    shift,
    unit_key,
)
from consilience.lexicon import load_lexicon

_TIME = load_lexicon().time
_NUMBERS = load_lexicon().numbers
_PART_FRAME = re.compile(_TIME.cues["part_frame"])  # "the end of": the part is "end"
_ARTICLE = re.compile(_TIME.cues["article"], re.I)  # "the next two years" is no "in" point


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
        and not _ARTICLE.match(match.group(0))
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
    "decade": decade,
    "century": _century,
    "season_year": _season_year,
    "season": season,
    "holiday": holiday,
    "elided_year": elided_year,
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
