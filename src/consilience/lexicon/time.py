"""Calendar and temporal words (`resources/<lang>/calendar.toml`) and the temporal
expressions built from them (`resources/<lang>/temporal.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from consilience.lexicon.files import read_toml, words


@dataclass(frozen=True)
class MonthAbbreviation:
    month: int
    dot_required: bool  # "Mar." needs its period even beside a day or a year
    alone: bool  # "Nov." by itself is a month


@dataclass(frozen=True)
class Unit:
    timex: str  # the TIMEX3 unit letter(s): "D", "WE", "H"
    clock: bool  # written after "T" in a duration: PT24H
    idiom: bool  # "a second", "a minute": rarely a duration
    plural: str | None  # only where it is not the word plus the plural suffix


@dataclass(frozen=True)
class RelativeWord:
    step: int  # units from the anchor: -1 before, 1 after, 0 the anchor's own
    anchor: str  # "dct" (the document's date) or "narrative" (the date the text is at)
    anchor_after_article: str  # the anchor after "the": "next week", but "the next day"
    duration: bool  # the expression is a length: "the past week", "two years since"
    needs_article: bool  # a date only after "the": "following Friday's losses" is no date


@dataclass(frozen=True)
class Holiday:
    month: int
    day: int | None  # a fixed day of the month
    weekday: int | None  # else the nth such weekday (Python's: Monday 0)
    nth: int  # 1 the first, -1 the last


@dataclass(frozen=True)
class PatternTemplate:
    name: str  # the handler in extract.temporal.resolve
    regex: str  # with {placeholders} for word lists and fragments
    ignore_case: bool
    requires: tuple[str, ...]  # one of these must be in the text, or it is not searched


@dataclass(frozen=True)
class TimeWords:
    months: dict[str, int]  # "January" -> 1, as written (capitalised)
    month_abbreviations: dict[str, MonthAbbreviation]  # "Jan" -> its month, as written
    month_numbers: dict[str, int]  # lower-case names and abbreviations, each name first
    ambiguous_months: frozenset[str]  # "may", "march": a month alone only after a cue
    month_cues: frozenset[str]  # "in", "since": a month name after them is the month
    weekdays: dict[str, int]  # "Monday" -> 0 (Python's weekday()), as written
    weekday_abbreviations: tuple[str, ...]  # "Mon", "Tue", in week order
    seasons: dict[str, str]  # "fall" -> "FA"
    units: dict[str, Unit]  # "day" -> its TIMEX3 unit, in pattern order
    plural_suffix: str  # "s": the regular plural of a unit word
    unit_forms: dict[str, str]  # "days" -> "day", "centuries" -> "century", "day" -> "day"
    day_parts: dict[str, str]  # "morning" -> "MO"
    parts: dict[str, str]  # "the end" of a period: "end" -> "END"
    relative_words: dict[str, RelativeWord]  # "last", "ago", "following"
    deictic_days: dict[str, int]  # "yesterday" -> -1, "the day after tomorrow" -> 2
    set_words: dict[str, str]  # "daily" -> "P1D"
    references: dict[str, str]  # "now" -> "PRESENT_REF"
    reference_adjectives: dict[str, str]  # "recent" -> "PAST_REF"
    clock_words: dict[str, str]  # "noon" -> "12:00"
    meridiems: dict[str, str]  # "p.m." -> "PM", case as written
    amounts: dict[str, str]  # "a couple of" -> "2", "several" -> "X"
    ordinal_suffixes: tuple[str, ...]  # "st", "nd": "21st"
    on_or_after_cues: tuple[str, ...]  # "since": a date after it holds from then on
    duration_cues: frozenset[str]  # "for": "for years" is a duration
    dateline_labels: tuple[str, ...]  # "published", "last updated"
    date_words: frozenset[str]  # "day", "ago": date words besides month and weekday names
    future_auxiliaries: frozenset[str]  # "will": its verb looks ahead of the document date
    possible_auxiliaries: frozenset[str]  # "could": "could go dark on Sunday" looks ahead
    future_heads: frozenset[str]  # "plan": its complement looks ahead ("plans to meet")
    zones: dict[str, str]  # "UTC" -> "Z", "EST" -> "-05", as written
    incident_parts: dict[str, str]  # "late" Tuesday -> "END"
    deictic_parts: dict[str, str]  # "tonight" -> "NI": a deictic day word naming a part
    scheduling_verbs: frozenset[str]  # "plan": "planned a rally on Saturday" looks ahead
    generic_present_cues: frozenset[str]  # "still": "today" is the present in general
    generic_days: dict[str, str]  # "today" -> "PRESENT_REF", in a generic present
    holidays: dict[str, Holiday]  # "Christmas Day" -> 12-25, as written
    anniversary_adjectives: frozenset[str]  # "that tragic day" is the story's day
    decade_words: dict[str, int]  # "nineties" -> 1990
    season_cues: frozenset[str]  # "in": "in autumn" is a date
    elided_year_cues: frozenset[str]  # "in": "in 64" may be a year
    future_point_cues: frozenset[str]  # "in": "will open in two years" is a point
    duration_signals: frozenset[str]  # "after": "twenty years after the war" is a duration
    anniversary_signals: frozenset[str]  # "on": "Thirty years on," counts from the story
    fragments: dict[str, str]  # pattern pieces several patterns share
    patterns: tuple[PatternTemplate, ...]  # in priority order
    cues: dict[str, str]  # regular expressions the tagger tests around a match


def _lower_keys(table: dict[str, Any]) -> dict[str, Any]:
    return {str(key).lower(): value for key, value in table.items()}


def _joined(regex: str | list[str]) -> str:
    return regex if isinstance(regex, str) else "".join(regex)


def load_time(folder: Traversable) -> TimeWords:
    table = read_toml(folder, "calendar.toml")
    grammar = read_toml(folder, "temporal.toml")
    months = {str(name): int(number) for name, number in table["months"].items()}
    abbreviations = {
        str(word): MonthAbbreviation(
            month=int(entry["month"]),
            dot_required=entry["dot"] == "required",
            alone=bool(entry["alone"]),
        )
        for word, entry in table["month_abbreviations"].items()
    }
    month_numbers: dict[str, int] = {}
    for name, number in months.items():
        month_numbers[name.lower()] = number
        for word, abbreviation in abbreviations.items():
            if abbreviation.month == number:
                month_numbers[word.lower()] = number
    suffix = str(table["plural_suffix"])
    units = {
        str(word).lower(): Unit(
            timex=str(entry["timex"]),
            clock=bool(entry.get("clock", False)),
            idiom=bool(entry.get("idiom", False)),
            plural=entry.get("plural"),
        )
        for word, entry in table["units"].items()
    }
    unit_forms: dict[str, str] = {}
    for word, unit in units.items():
        unit_forms[word] = unit_forms[word + suffix] = word
        if unit.plural:
            unit_forms[unit.plural.lower()] = word
    return TimeWords(
        months=months,
        month_abbreviations=abbreviations,
        month_numbers=month_numbers,
        ambiguous_months=words(table, "ambiguous_months"),
        month_cues=words(table, "month_cues"),
        weekdays={str(name): int(entry["iso"]) - 1 for name, entry in table["weekdays"].items()},
        weekday_abbreviations=tuple(
            str(entry["abbreviation"]) for entry in table["weekdays"].values()
        ),
        seasons=_lower_keys(table["seasons"]),
        units=units,
        plural_suffix=suffix,
        unit_forms=unit_forms,
        day_parts=_lower_keys(table["day_parts"]),
        parts=_lower_keys(table["parts"]),
        relative_words={
            str(word).lower(): RelativeWord(
                step=int(entry["step"]),
                anchor=str(entry["anchor"]),
                anchor_after_article=str(entry.get("anchor_after_article", entry["anchor"])),
                duration=bool(entry.get("duration", False)),
                needs_article=bool(entry.get("article", False)),
            )
            for word, entry in table["relative_words"].items()
        },
        deictic_days={str(k).lower(): int(v) for k, v in table["deictic_days"].items()},
        set_words=_lower_keys(table["set_words"]),
        references=_lower_keys(table["references"]),
        reference_adjectives=_lower_keys(table["reference_adjectives"]),
        clock_words=_lower_keys(table["clock_words"]),
        meridiems={str(sign): str(half) for sign, half in table["meridiems"].items()},
        amounts=_lower_keys(table["amounts"]),
        ordinal_suffixes=tuple(str(s) for s in table["ordinal_suffixes"]),
        on_or_after_cues=tuple(str(w).lower() for w in table["on_or_after_cues"]),
        duration_cues=words(table, "duration_cues"),
        dateline_labels=tuple(str(w).lower() for w in table["dateline_labels"]),
        date_words=words(table, "date_words"),
        future_auxiliaries=words(table, "future_auxiliaries"),
        possible_auxiliaries=words(table, "possible_auxiliaries"),
        future_heads=words(table, "future_heads"),
        zones={str(k): str(v) for k, v in table["zones"].items()},
        incident_parts=_lower_keys(table["incident_parts"]),
        deictic_parts=_lower_keys(table["deictic_parts"]),
        scheduling_verbs=words(table, "scheduling_verbs"),
        generic_present_cues=words(table, "generic_present_cues"),
        generic_days=_lower_keys(table["generic_days"]),
        holidays={
            str(name): Holiday(
                month=int(entry["month"]),
                day=int(entry["day"]) if "day" in entry else None,
                weekday=int(entry["weekday"]) - 1 if "weekday" in entry else None,
                nth=int(entry.get("nth", 1)),
            )
            for name, entry in table["holidays"].items()
        },
        anniversary_adjectives=words(table, "anniversary_adjectives"),
        decade_words={str(k).lower(): int(v) for k, v in table["decade_words"].items()},
        season_cues=words(table, "season_cues"),
        elided_year_cues=words(table, "elided_year_cues"),
        future_point_cues=words(table, "future_point_cues"),
        duration_signals=words(table, "duration_signals"),
        anniversary_signals=words(table, "anniversary_signals"),
        fragments={str(k): _joined(v) for k, v in grammar["fragments"].items()},
        patterns=tuple(
            PatternTemplate(
                name=str(entry["name"]),
                regex=_joined(entry["regex"]),
                ignore_case=bool(entry["ignore_case"]),
                requires=tuple(str(word) for word in entry.get("requires", [])),
            )
            for entry in grammar["patterns"]
        ),
        cues={str(k): str(v) for k, v in grammar["cues"].items()},
    )
