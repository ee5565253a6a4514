"""Regular expressions for English temporal expressions, one per construction.

Each pattern is paired with a handler in resolve.py that turns a match into a TIMEX3
type and value. Months and weekdays are matched capitalised only, so "may" and "march"
the verbs are never dates.
"""

from __future__ import annotations

import re

_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
_WEEKDAY_NAMES = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred"
)
_AMOUNT = (
    rf"(?:\d+(?:\.\d+)?|(?:{_NUMBER_WORDS})(?:[\s-](?:{_NUMBER_WORDS}))*"
    r"|a\s+couple\s+of|a\s+few|several|few|many|some|a|an)"
)
_UNIT = r"second|minute|hour|day|night|week|weekend|month|year|decade|century|quarter"
_UNITS = rf"(?:{_UNIT})s?|centuries"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"1[0-9]{3}|20[0-9]{2}"
_DASH = r"\s*(?:-|–|—|to|into|and)\s*"
_WEEKDAY = rf"(?:(?:{_WEEKDAY_NAMES}),?\s+)?"


def _month(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_NAMES})"


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", flags)


# (name, pattern); earlier entries win ties between matches of the same length.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "interval_month_first",  # January 19–20, 1990; January 19 into January 20, 1990
        compile_pattern(
            rf"{_month('month')}\s+(?P<day>{_DAY}){_DASH}(?:{_month('month2')}\s+)?"
            rf"(?P<day2>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?"
        ),
    ),
    (
        "interval_day_first",  # 19-20 January 1990; 19 to 20 January
        compile_pattern(
            rf"(?P<day>{_DAY}){_DASH}(?P<day2>{_DAY})\s+(?:of\s+)?{_month('month')}"
            rf"(?:,?\s+(?P<year>{_YEAR}))?"
        ),
    ),
    (
        "date_month_first",  # Friday, January 20, 1990; Jan. 20 1990
        compile_pattern(rf"{_WEEKDAY}{_month('month')}\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})"),
    ),
    (
        "date_day_first",  # 20 January 1990; 20th of January, 1990
        compile_pattern(
            rf"{_WEEKDAY}(?P<day>{_DAY})\s+(?:of\s+)?{_month('month')},?\s+(?P<year>{_YEAR})"
        ),
    ),
    (
        "date_iso",  # 1990-01-20, 1990-01-20T05:30
        compile_pattern(
            r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:T(?P<hour>\d{2}):(?P<minute>\d{2}))?"
        ),
    ),
    ("date_numeric", compile_pattern(r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})")),
    (
        "month_year_part",  # mid-January 1990; early March 1994; the end of June 2001
        compile_pattern(
            rf"(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
            rf"|the\s+middle\s+of)[\s-]*{_month('month')}(?:\s+of)?,?\s+(?P<year>{_YEAR})",
            re.I,
        ),
    ),
    (
        "month_year",  # February 1994; March of 1994
        compile_pattern(rf"{_month('month')}(?:\s+of)?,?\s+(?P<year>{_YEAR})"),
    ),
    (
        "month_day",  # January 21; 20 January; the 20th of January
        compile_pattern(
            rf"{_WEEKDAY}{_month('month')}\s+(?P<day>{_DAY})(?![\d,]*\s*\d{{4}})"
            rf"|{_WEEKDAY}(?P<day2>{_DAY})\s+(?:of\s+)?{_month('month2')}"
        ),
    ),
    (
        "year_part",  # the end of 1987; early 1990; the first half of 2020
        compile_pattern(
            rf"(?:the\s+)?(?P<part>end|beginning|start|middle|first\s+half|second\s+half|early|mid|late)"
            rf"(?:\s+of)?[\s-]+(?P<year>{_YEAR})(?![\w'’])",
            re.I,
        ),
    ),
    (
        "decade",  # the late 1980s; the 1990s; the '90s
        compile_pattern(
            r"(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>1[0-9]{2}0|20[0-9]0)['’]?s",
            re.I,
        ),
    ),
    (
        "century",  # the 20th century; the 19th–20th centuries
        compile_pattern(
            r"(?:the\s+)?(?P<c1>\d{1,2})(?:st|nd|rd|th)(?:\s*(?:-|–|—|and)\s*(?P<c2>\d{1,2})(?:st|nd|rd|th))?"
            r"\s+centur(?:y|ies)",
            re.I,
        ),
    ),
    (
        "season_year",  # spring 1990; the summer of 2020
        compile_pattern(
            rf"(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<year>{_YEAR})",
            re.I,
        ),
    ),
    (
        "quarter",  # the third quarter; third-quarter; the fourth quarter of 1989
        compile_pattern(
            r"(?:the\s+)?(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest"
            rf"|current|previous|next|past|same)[\s-]+quarter(?:\s+of\s+(?:fiscal\s+)?(?P<year>{_YEAR}))?",
            re.I,
        ),
    ),
    (
        "time_of_day",  # 5:30 a.m.; 9 p.m.; 16:30; noon; midnight
        compile_pattern(
            r"(?P<hour>[012]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm|AM|PM)"
            r"|(?P<hour2>[012]?\d):(?P<minute2>[0-5]\d)(?!\d)|(?P<word>noon|midnight|midday)",
        ),
    ),
    (
        "ago_or_later",  # two years ago; just over a year later; three days earlier
        compile_pattern(
            rf"(?P<hedge>(?:just\s+)?(?:over|more\s+than|nearly|almost|about|some|around|less"
            rf"\s+than|roughly)\s+)?(?P<amount>{_AMOUNT})[\s-]+(?P<unit>{_UNITS})\s+"
            r"(?P<direction>ago|later|earlier|before|after|since|hence|from\s+now|on)",
            re.I,
        ),
    ),
    (
        "relative_unit",  # last week; this year; next month; the following day; that night
        compile_pattern(
            r"(?:the\s+)?(?P<which>this|last|next|past|previous|preceding|coming|following|same"
            r"|that|current|recent)\s+(?:(?:fateful|tragic|very|same|bloody)\s+)?"
            rf"(?P<unit>{_UNIT}|morning|afternoon|evening|spring|summer|autumn|fall|winter"
            rf"|{_WEEKDAY_NAMES.lower()}|{_WEEKDAY_NAMES})",
            re.I,
        ),
    ),
    (
        "unit_relative",  # the day after; the day before; the week before
        compile_pattern(
            r"the\s+(?P<unit>day|night|week|month|year)\s+(?P<direction>after|before)", re.I
        ),
    ),
    (
        "days_following",  # the days following; the following days; the weeks after
        compile_pattern(
            r"the\s+(?:(?P<unit>days|weeks|months|years)\s+(?P<direction>following|after|before"
            r"|preceding)|(?P<direction2>following|preceding)\s+(?P<unit2>days|weeks|months|years))",
            re.I,
        ),
    ),
    (
        "deictic_day",  # yesterday; today; tonight; this morning; last night
        compile_pattern(
            r"(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday"
            r"|today|tomorrow|tonight|last\s+night)"
            r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
            re.I,
        ),
    ),
    (
        "weekday",  # Friday; Monday night
        compile_pattern(
            rf"(?P<weekday>{_WEEKDAY_NAMES})(?:\s+(?P<part>morning|afternoon|evening|night))?"
        ),
    ),
    (
        "reference",  # now; currently; recently; the future; the past
        compile_pattern(
            r"(?P<word>now|nowadays|currently|at\s+present|these\s+days|recently|lately"
            r"|the\s+future|the\s+past|in\s+the\s+past)",
            re.I,
        ),
    ),
    (
        "set",  # every year; each day; annually; daily
        compile_pattern(
            r"(?:every|each)\s+(?P<unit>day|week|month|year|morning|evening|night|summer|winter"
            r"|spring|autumn|weekend)|(?P<word>daily|weekly|monthly|annually|yearly|nightly)",
            re.I,
        ),
    ),
    (
        "duration",  # 36 years; three days; the past 24 hours; two-year; several months
        compile_pattern(
            r"(?:the\s+(?:past|last|next|first|coming|previous|following)\s+)?"
            rf"(?P<amount>{_AMOUNT})[\s-]+(?P<unit>{_UNITS})(?:[\s-]+long)?(?![\s-]+old)"
            r"|(?P<bare>(?:for|over)\s+(?:years|months|decades|weeks|days|hours|centuries))",
            re.I,
        ),
    ),
    (
        "year_relative",  # the year-earlier quarter; year-ago; the year-earlier third quarter
        compile_pattern(
            r"(?:the\s+)?year[\s-](?:earlier|ago)(?:\s+(?P<which>first|second|third|fourth)?\s*"
            r"(?P<unit>quarter|period|month))?",
            re.I,
        ),
    ),
    (
        "anaphoric_period",  # the quarter; the year; the weekend; the fiscal year
        compile_pattern(
            r"the\s+(?:(?:fiscal|full|latest|current|same)\s+)?(?P<unit>quarter|year|week|weekend|month)",
            re.I,
        ),
    ),
    (
        "spelled_year",  # nineteen ninety-six; the year two thousand
        compile_pattern(
            r"(?:the\s+year\s+)?(?P<spelled>nineteen(?:\s+hundred)?\s+(?:and\s+)?(?:(?:twenty|thirty"
            r"|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven"
            r"|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
            r"|nineteen)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight"
            r"|nine|ten))?)",
            re.I,
        ),
    ),
    (
        "month",  # January; last November; late November; mid-November; this September
        compile_pattern(
            r"(?:(?P<which>last|this|next|early|late|mid|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?"
            r"(?P<month>January|February|March|April|May|June|July|August|September|October"
            r"|November|December|Jan\.|Feb\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
        ),
    ),
    (
        "reference_adjective",  # current; recent; future; soon; recent years
        compile_pattern(
            r"(?P<word>recent)\s+(?:years|months|weeks|days|decades)|(?P<adjective>current|recent)",
            re.I,
        ),
    ),
    ("bare_units", compile_pattern(r"(?P<unit>years|months|decades|weeks|days|hours)", re.I)),
    ("year", compile_pattern(rf"(?:fiscal\s+)?(?P<year>{_YEAR})(?!['’]?s)")),
]
