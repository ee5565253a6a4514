"""Turn a matched temporal expression into a TIMEX3 type, value and modifier.

Relative expressions are anchored the way a reader anchors them: deictic ones
("yesterday", "last week", "two years ago", "on Friday") against the document's creation
date (DCT); anaphoric ones ("the day after", "a year later", "that night", "on January
21" without a year) against the narrative's reference time, the latest fully stated date
the text is talking about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consilience.extract.figures.numbers import word_value
from consilience.extract.temporal.values import (
    MONTHS,
    SEASONS,
    WEEKDAYS,
    Point,
    duration,
    make_point,
    quarter_of,
    shift,
    week_of,
    weekday_near,
)

_PARTS = {
    "early": "START", "beginning": "START", "start": "START", "first half": "START",
    "mid": "MID", "middle": "MID", "late": "END", "end": "END", "second half": "END",
}  # fmt: skip
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}  # fmt: skip
_SET_WORDS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
}
_REFERENCE = {
    "now": "PRESENT_REF", "nowadays": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "these days": "PRESENT_REF", "recently": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF",
    "formerly": "PAST_REF", "previously": "PAST_REF", "the future": "FUTURE_REF",
}  # fmt: skip
# How far back (characters) a bare year stays the reference for "on January 21" when the
# document has a date of its own; without one, any earlier year is better than none.
_YEAR_REACH = 150


@dataclass(frozen=True)
class Resolved:
    type: str
    value: str | None
    mod: str | None
    anchor: str


@dataclass
class Context:
    """What a reader knows at this point of the document."""

    dct: Point | None
    sentence: str = ""  # the sentence being read
    quarterly: bool = False  # a report on quarterly results: year-ago means that quarter
    ref: Point | None = None  # the latest explicit date the text talks about
    ref_at: int = -(10**9)
    ref_interval: tuple[Point, Point] | None = None

    def remember(self, point: Point, at: int, interval: tuple[Point, Point] | None = None) -> None:
        self.ref, self.ref_at, self.ref_interval = point, at, interval

    def year_for(self, at: int, month: int = 1, day: int = 1) -> tuple[int | None, str]:
        """The year of a month (and day) written without one.

        A document that tells of another time (its dates two years or more from its own
        date) continues in the year the narrative is in; a news report about its own days
        means the occurrence nearest to its date ("Nov. 25" in an article of December
        1999 is 1999, "January" is January 2000)."""
        history = self.dct is None or (
            self.ref is not None and abs(self.ref.year - self.dct.year) >= 2
        )
        recent = self.ref is not None and (
            self.ref.month is not None or at - self.ref_at < _YEAR_REACH
        )
        if self.ref is not None and history and (recent or self.dct is None):
            return self.ref.year, "narrative"
        if self.dct is not None:
            return _nearest_year(self.dct, month, day), "dct"
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


def _nearest_year(dct: Point, month: int, day: int) -> int:
    """The year for a month/day near the document date. News looks back more than ahead:
    a date up to two months after the document date is this year's, a later one last
    year's; one more than eight months before is next year's."""
    import datetime as dt

    reference = dct.as_date()
    try:
        candidate = dt.date(dct.year, month, min(day, 28))
    except ValueError:
        return dct.year
    if (candidate - reference).days > 60:
        return dct.year - 1
    if (reference - candidate).days > 240:
        return dct.year + 1
    return dct.year


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _amount(text: str) -> str:
    """ "two" -> "2", "a" -> "1", "several" -> "X"."""
    words = text.lower().replace("-", " ").split()
    if words in (["a", "couple", "of"],):
        return "2"
    if words in (["a"], ["an"]):
        return "1"
    value = word_value(words)
    if value is None or words[0] in ("several", "few", "many", "some") or words[:2] == ["a", "few"]:
        return "X"
    return str(int(value)) if float(value).is_integer() else str(value)


def _unit(text: str) -> str:
    word = text.lower()
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in _UNIT_NAMES else word


_UNIT_NAMES = frozenset({
    "second", "minute", "hour", "day", "night", "week", "weekend", "month", "year", "decade",
    "century", "quarter",
})  # fmt: skip


def resolve(
    name: str, match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """The TIMEX3 reading of one match, updating the narrative reference when the match
    states a date in full."""
    handler = _HANDLERS[name]
    return handler(match, ctx, future, preceding)


def _interval(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    month = _month(groups["month"])
    month2 = _month(groups["month2"]) if groups.get("month2") else month
    if groups.get("year"):
        year, anchor = int(groups["year"]), "none"
    else:
        found, anchor = ctx.year_for(match.start(), month, _day(groups["day"]))
        if found is None:
            return Resolved("DATE", f"XXXX-{month:02d}-{_day(groups['day']):02d}", None, "none")
        year = found
    first = make_point(year, month, _day(groups["day"]))
    last = make_point(year, month2, _day(groups["day2"]))
    if first is None or last is None or last.as_date() <= first.as_date():
        return None
    if groups.get("year"):
        ctx.remember(last, match.end(), (first, last))
    else:
        ctx.remember(last, match.end(), (first, last))
    return Resolved("DATE", f"{first.value}/{last.value}", None, anchor)


def _full_date(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    month = int(groups["month"]) if groups["month"].isdigit() else _month(groups["month"])
    year = int(groups["year"])
    if year < 100:
        year += 1900 if year >= 30 else 2000
    point = make_point(year, month, _day(groups["day"]))
    if point is None:
        return None
    ctx.remember(point, match.end())
    if groups.get("hour"):
        return Resolved("TIME", f"{point.value}T{groups['hour']}:{groups['minute']}", None, "none")
    return Resolved("DATE", point.value, _since(preceding), "none")


def _since(preceding: str) -> str | None:
    """ "since 2020" holds from that date on."""
    return "ON_OR_AFTER" if preceding.lower().endswith("since") else None


def _month_year(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    point = Point(int(groups["year"]), _month(groups["month"]))
    ctx.remember(point, match.end())
    part = groups.get("part")
    mod = _PARTS.get(re.sub(r"^the\s+|\s+of$", "", part.lower())) if part else None
    return Resolved("DATE", point.value, mod or _since(preceding), "none")


def _month_day(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    month = _month(groups["month"] or groups["month2"])
    day = _day(groups["day"] or groups["day2"])
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
        "DATE", f"{year:04d}", _PARTS.get(" ".join(groups["part"].lower().split())), "none"
    )


def _decade(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    value = groups["decade"][:3] + "X"
    part = groups.get("part")
    return Resolved("DATE", value, _PARTS.get(part.lower()) if part else None, "none")


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
    if groups.get("year") and which in _ORDINALS:
        return Resolved("DATE", f"{groups['year']}-Q{_ORDINALS[which]}", None, "none")
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    if which in _ORDINALS:
        # "the third quarter" in a report is the latest one: last year's if not yet over.
        number = _ORDINALS[which]
        current = ((ctx.dct.month or 1) - 1) // 3 + 1
        year = ctx.dct.year if number <= current or future else ctx.dct.year - 1
        return Resolved("DATE", f"{year:04d}-Q{number}", None, "dct")
    if which in ("last", "latest", "previous", "past", "final"):
        return Resolved("DATE", shift(ctx.dct, -1, "quarter"), None, "dct")
    if which == "next":
        return Resolved("DATE", shift(ctx.dct, 1, "quarter"), None, "dct")
    return Resolved("DATE", quarter_of(ctx.dct), None, "dct")


def _time_of_day(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    if groups.get("word"):
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[groups["word"].lower()]
    else:
        hour = int(groups.get("hour") or groups.get("hour2") or 0)
        minute = int(groups.get("minute") or groups.get("minute2") or 0)
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        if hour > 24 or (ampm and hour > 12):
            return None
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    day, anchor = ctx.day_ref(at_end=False)
    if day is None or day.day is None:
        return Resolved("TIME", f"XXXX-XX-XXT{clock}", None, "none")
    return Resolved("TIME", f"{day.value}T{clock}", None, anchor)


def _ago_or_later(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    amount = _amount(groups["amount"])
    unit = _unit(groups["unit"])
    direction = " ".join(groups["direction"].lower().split())
    hedge = " ".join((groups.get("hedge") or "").lower().split())
    mod = "APPROX" if hedge else None
    if direction == "since":
        return Resolved("DURATION", duration(amount, unit), mod, "none")
    deictic = direction in ("ago", "hence", "from now")
    base, anchor = (ctx.dct, "dct") if deictic else _narrative_point(ctx)
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
    if amount == "X":
        # "several years later": only the decade is known.
        return Resolved("DATE", shift(base, 0, "decade") if unit == "year" else None, mod, anchor)
    value = shift(base, sign * int(float(amount)), unit)
    return Resolved("DATE", value, mod, anchor)


def _narrative_point(ctx: Context) -> tuple[Point | None, str]:
    if ctx.ref_interval is not None:
        return ctx.ref_interval[1], "narrative"
    if ctx.ref is not None:
        return ctx.ref, "narrative"
    return (ctx.dct, "dct") if ctx.dct is not None else (None, "none")


def _relative_unit(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    which = groups["which"].lower()
    unit = groups["unit"].lower()
    if which in ("following", "previous", "preceding", "same", "that") or (
        which == "next" and match.group(0).lower().startswith("the")
    ):
        return _anaphoric(which, unit, ctx)
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    dct = ctx.dct
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "recent": -1, "next": 1, "coming": 1}[
        which
    ]
    if unit in WEEKDAYS:
        ahead = step > 0 or (step == 0 and future)
        return Resolved("DATE", weekday_near(dct, WEEKDAYS[unit], future=ahead), None, "dct")
    if unit in _DAY_PARTS:
        return Resolved("DATE", dct.value if step == 0 else shift(dct, step, "day"), None, "dct")
    if unit in SEASONS:
        return Resolved("DATE", f"{dct.year + step:04d}-{SEASONS[unit]}", None, "dct")
    if which == "past" and unit in _UNIT_NAMES:
        return Resolved("DURATION", duration("1", unit), None, "none")
    if step == 0:
        value = {"week": week_of(dct), "month": Point(dct.year, dct.month).value,
                 "quarter": quarter_of(dct)}.get(unit) or shift(dct, 0, unit)  # fmt: skip
        return Resolved("DATE", value, None, "dct")
    return Resolved("DATE", shift(dct, step, unit), None, "dct")


def _anaphoric(which: str, unit: str, ctx: Context) -> Resolved | None:
    """ "the following day", "that night", "the same year": against the narrative."""
    if unit in ("night", "day", "morning", "evening", "afternoon") and which in ("that", "same"):
        if ctx.ref_interval is not None:
            first, last = ctx.ref_interval
            return Resolved("DATE", f"{first.value}/{last.value}", None, "narrative")
        day, anchor = ctx.day_ref(at_end=True)
        return Resolved("DATE", day.value if day is not None else None, None, anchor)
    base, anchor = _narrative_point(ctx)
    if base is None or unit not in _UNIT_NAMES:
        return Resolved("DATE", None, None, "none")
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(which, 0)
    return Resolved("DATE", shift(base, step, unit), None, anchor)


def _unit_relative(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    unit = groups["unit"].lower()
    after = groups["direction"].lower() == "after"
    base, anchor = ctx.day_ref(at_end=after) if unit in ("day", "night") else _narrative_point(ctx)
    if base is None:
        return Resolved("DATE", None, None, "none")
    return Resolved("DATE", shift(base, 1 if after else -1, unit), None, anchor)


def _days_following(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    groups = match.groupdict()
    direction = (groups.get("direction") or groups.get("direction2") or "").lower()
    after = direction in ("following", "after")
    day, anchor = ctx.day_ref(at_end=after)
    return Resolved("DATE", day.value if day else None, "AFTER" if after else "BEFORE", anchor)


def _deictic_day(
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


def _weekday(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    weekday = WEEKDAYS[groups["weekday"].lower()]
    if ctx.dct is None:
        return Resolved("DATE", f"XXXX-WXX-{weekday + 1}", None, "none")
    return Resolved("DATE", weekday_near(ctx.dct, weekday, future), None, "dct")


def _reference(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    word = " ".join(match.group("word").lower().split())
    return Resolved("DATE", _REFERENCE[word], None, "none")


def _set(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    if groups.get("word"):
        return Resolved("SET", _SET_WORDS[groups["word"].lower()], None, "none")
    unit = groups["unit"].lower()
    if unit in _DAY_PARTS:
        return Resolved("SET", f"XXXX-XX-XXT{_DAY_PARTS[unit]}", None, "none")
    if unit in SEASONS:
        return Resolved("SET", f"XXXX-{SEASONS[unit]}", None, "none")
    return Resolved("SET", duration("1", unit), None, "none")


def _duration(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    groups = match.groupdict()
    if groups.get("bare"):
        unit = _unit(groups["bare"].split()[-1])
        return Resolved("DURATION", duration("X", unit), None, "none")
    return Resolved(
        "DURATION", duration(_amount(groups["amount"]), _unit(groups["unit"])), None, "none"
    )


def _year(match: re.Match[str], ctx: Context, future: bool, preceding: str) -> Resolved | None:
    year = int(match.group("year"))
    if not 1000 <= year <= 2100:
        return None
    ctx.remember(Point(year), match.end())
    return Resolved("DATE", f"{year:04d}", _since(preceding), "none")


def _year_relative(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "the year-earlier quarter": the reported quarter (the one before the document's) a
    year back; "year-ago" alone: the year before."""
    if ctx.dct is None:
        return Resolved("DATE", None, None, "none")
    groups = match.groupdict()
    unit = (groups.get("unit") or "").lower()
    which = (groups.get("which") or "").lower()
    if which in _ORDINALS:
        return Resolved("DATE", f"{ctx.dct.year - 1:04d}-Q{_ORDINALS[which]}", None, "dct")
    if unit == "quarter" or ctx.quarterly:
        return Resolved("DATE", shift(ctx.dct, -5, "quarter"), None, "dct")
    return Resolved("DATE", shift(ctx.dct, -1, "year"), None, "dct")


def _anaphoric_period(
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


_SPELLED = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "one": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip


def _spelled_year(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "nineteen ninety-six" (1996), "two thousand and one" (2001), as spoken on air."""
    words = [
        w
        for w in re.split(r"[\s-]+", match.group("spelled").lower())
        if w not in ("and", "hundred")
    ]
    if words[:2] == ["two", "thousand"]:
        year = 2000 + sum(_SPELLED.get(w, 0) for w in words[2:])
    else:
        year = 1900 + sum(_SPELLED.get(w, 0) for w in words[1:])
    ctx.remember(Point(year), match.end())
    return Resolved("DATE", f"{year:04d}", None, "none")


def _month_alone(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "January", "last November", "late November": the month in the year the context
    gives; "last" is its latest occurrence before the document date, "next" the coming one."""
    groups = match.groupdict()
    month = _month(groups["month"])
    which = " ".join((groups.get("which") or "").lower().split())
    if month in (3, 5) and not which and preceding.lower() not in _MONTH_CUES:
        return None  # "May" and "March" alone are more often a verb or a name
    mod = _PARTS.get(re.sub(r"^the\s+|\s+of$", "", which)) if which else None
    if which in ("last", "next", "this") and ctx.dct is not None:
        year = ctx.dct.year
        if which == "last" and month >= (ctx.dct.month or 1):
            year -= 1
        if which == "next" and month <= (ctx.dct.month or 1):
            year += 1
        return Resolved("DATE", Point(year, month).value, None, "dct")
    found, anchor = ctx.year_for(match.start(), month, 15)
    if found is None:
        return Resolved("DATE", f"XXXX-{month:02d}", mod, "none")
    return Resolved("DATE", Point(found, month).value, mod, anchor)


_MONTH_CUES = frozenset({
    "in", "since", "by", "until", "till", "of", "during", "before", "after", "from", "through",
    "early", "late", "mid", "last", "this", "next", "on", "to", "and",
})  # fmt: skip


def _reference_adjective(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    word = (match.group("word") or match.group("adjective") or "").lower()
    if word == "recent":
        return Resolved("DATE", "PAST_REF", None, "none")
    if word == "current":
        return Resolved("DATE", "PRESENT_REF", None, "none")
    return Resolved("DATE", "FUTURE_REF", None, "none")


def _bare_units(
    match: re.Match[str], ctx: Context, future: bool, preceding: str
) -> Resolved | None:
    """ "for years", "in weeks": a duration of unknown length, only after such a preposition."""
    if preceding.lower() not in ("for", "in", "over", "within", "of", "after", "recent"):
        return None
    return Resolved("DURATION", duration("X", _unit(match.group("unit"))), None, "none")


_HANDLERS = {
    "year_relative": _year_relative,
    "anaphoric_period": _anaphoric_period,
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
    "quarter": _quarter,
    "time_of_day": _time_of_day,
    "ago_or_later": _ago_or_later,
    "relative_unit": _relative_unit,
    "unit_relative": _unit_relative,
    "days_following": _days_following,
    "deictic_day": _deictic_day,
    "weekday": _weekday,
    "reference": _reference,
    "set": _set,
    "duration": _duration,
    "year": _year,
}
