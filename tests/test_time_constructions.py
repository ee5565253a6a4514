"""Dates on news, construction by construction (issue 15): durations, weekdays and tense,
times with zones and parts of days, weeks, seasons, quarters, fiscal years and sets,
reference values, elided years, anniversaries and narrative anchoring, and the incident day
of a local report. Every sentence is written for these tests; docs/time.md lists the same
constructions with their TIMEX3 conventions."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from consilience.extract import extract
from consilience.extract.claims import DateClaim
from consilience.extract.nlp import parse
from consilience.extract.temporal import find_dates
from consilience.extract.temporal.patterns import PATTERNS, REQUIRED
from consilience.ingest import iter_inputs
from consilience.ingest.document import Document

from .conftest import text_document


def tagged(text: str, published: str | None) -> list[DateClaim]:
    found = find_dates("t", text, list(parse(text)), published)
    for date in found:
        assert text[date.start : date.end] == date.text
    return found


def reading(text: str, published: str | None, expression: str) -> tuple[str, str | None]:
    """The type and value of the expression written `expression` (the one that covers it)."""
    at = text.index(expression)
    covering = [d for d in tagged(text, published) if d.start <= at < d.end]
    assert covering, f"{expression!r} not found in {[d.text for d in tagged(text, published)]}"
    return covering[0].type, covering[0].value


# (sentence, publication date, expression, TIMEX3 type, TIMEX3 value)
Case = tuple[str, str | None, str, str, str | None]

DURATIONS: list[Case] = [
    ("The curfew in Karsk lasted a month.", "2026-01-20", "a month", "DURATION", "P1M"),
    ("She sat on the harbour board for six years.", "2026-01-20", "six years", "DURATION", "P6Y"),
    ("The new bridge took two years to build.", "2026-01-20", "two years", "DURATION", "P2Y"),
    ("The catch has shrunk over 40 years.", "2026-01-20", "40 years", "DURATION", "P40Y"),
    ("Repairs to the pier will take a week.", "2026-01-20", "a week", "DURATION", "P1W"),
    ("The hearing lasted an hour.", "2026-01-20", "an hour", "DURATION", "PT1H"),
    ("Rents have doubled over a decade.", "2026-01-20", "a decade", "DURATION", "P10Y"),
    (
        "Two years after the flood, the town rebuilt its harbour wall.",
        "2026-01-20",
        "Two years",
        "DURATION",
        "P2Y",
    ),
    ("It was the first frost in 40 years.", "2026-01-20", "40 years", "DURATION", "P40Y"),
    # What makes a point of an amount: ago, later, earlier, and "in" looking ahead.
    ("The cannery closed three years ago.", "2026-01-20", "three years ago", "DATE", "2023"),
    (
        "The dam failed in March 2019. Two years later, the valley was farmed again.",
        "2026-01-20",
        "Two years later",
        "DATE",
        "2021",
    ),
    (
        "The council will open the new school in two years.",
        "2026-01-20",
        "two years",
        "DATE",
        "2028",
    ),
]

WEEKDAYS: list[Case] = [
    # 2026-01-23 is a Friday: "Friday" in a Friday report is that day, not a week on.
    ("The mayor of Karsk spoke on Friday.", "2026-01-23", "Friday", "DATE", "2026-01-23"),
    ("The council met on Tuesday.", "2026-01-23", "Tuesday", "DATE", "2026-01-20"),
    ("The council met last Friday.", "2026-01-23", "last Friday", "DATE", "2026-01-16"),
    ("The council will meet on Tuesday.", "2026-01-23", "Tuesday", "DATE", "2026-01-27"),
    ("The ferry is due to sail on Monday.", "2026-01-23", "Monday", "DATE", "2026-01-26"),
    ("The port could close on Sunday.", "2026-01-23", "Sunday", "DATE", "2026-01-25"),
    ("The harbour master could not be reached on Wednesday.", "2026-01-23", "Wednesday", "DATE",
     "2026-01-21"),
    ("Shares fell following Friday’s losses in Karsk.", "2026-01-26", "Friday", "DATE",
     "2026-01-23"),
    ("Fishermen said on Wednesday the nets were empty.", "2026-01-23", "Wednesday", "DATE",
     "2026-01-21"),
]  # fmt: skip

TIMES: list[Case] = [
    (
        "The tremor struck at 09:45 UTC on Friday.",
        "2026-01-23",
        "09:45 UTC",
        "TIME",
        "2026-01-23T09:45Z",
    ),
    ("Crews arrived on Friday afternoon.", "2026-01-26", "Friday afternoon", "TIME",
     "2026-01-23TAF"),
    ("Polls closed at 18:00 GMT Sunday.", "2026-01-26", "18:00 GMT Sunday", "TIME",
     "2026-01-25T18:00Z"),
    (
        "On 3 March 2019 the Varna dam failed. By 9 PM the lower valley was under water.",
        "2026-01-20",
        "9 PM",
        "TIME",
        "2019-03-03T21:00",
    ),
    ("The rally ended at 5 p.m. EST.", "2026-01-20", "5 p.m. EST", "TIME", "2026-01-20T17:00-05"),
]  # fmt: skip

PERIODS: list[Case] = [
    ("Talks on the port resume this week.", "2026-01-20", "this week", "DATE", "2026-W04"),
    ("The market was quiet over the weekend.", "2026-01-20", "the weekend", "DATE",
     "2026-W03-WE"),
    ("The harvest failed in autumn.", "2026-01-20", "autumn", "DATE", "2025-FA"),
    ("Exports fell in the third quarter.", "2026-01-20", "the third quarter", "DATE",
     "2025-Q3"),
    ("Sales fell 4% in the year ended March 31.", "2026-05-20", "the year", "DURATION",
     "P1Y"),
    ("Spending on roads rose this fiscal year.", "2026-01-20", "this fiscal year", "DATE",
     "2026"),
    ("The salt fair is held annually.", "2026-01-20", "annually", "SET", "P1Y"),
    ("The club hires a coach each season.", "2026-01-20", "each season", "SET", "P3M"),
    ("Prices rose in January this year.", "2026-03-02", "January this year", "DATE", "2026-01"),
]  # fmt: skip

HOLIDAYS: list[Case] = [
    ("The family met on Thanksgiving Day.", "2026-12-01", "Thanksgiving Day", "DATE",
     "2026-11-26"),
    ("The ferry ran late on Christmas Eve.", "2027-01-04", "Christmas Eve", "DATE",
     "2026-12-24"),
    ("They last met on New Year’s Day.", "2026-03-01", "New Year’s Day", "DATE", "2026-01-01"),
    ("The mill shut last Thanksgiving.", "2026-03-01", "last Thanksgiving", "DATE",
     "2025-11-27"),
    ("The parade is held on Memorial Day.", "2026-05-01", "Memorial Day", "DATE",
     "2026-05-25"),
]  # fmt: skip

REFERENCES: list[Case] = [
    ("The coast road is now closed.", "2026-01-20", "now", "DATE", "PRESENT_REF"),
    ("The inquiry into the collapse is ongoing.", "2026-01-20", "ongoing", "DATE",
     "PRESENT_REF"),
    ("At the time, the mill employed 300 people.", "2026-01-20", "At the time", "DATE",
     "PAST_REF"),
    ("Rents have climbed in recent weeks.", "2026-01-20", "recent weeks", "DURATION", "PXW"),
    ("Today, the square still bears the marks of the fire.", "2026-01-20", "Today", "DATE",
     "PRESENT_REF"),
    ("Today the council approved the budget.", "2026-01-20", "Today", "DATE", "2026-01-20"),
]  # fmt: skip

ELIDED_YEARS: list[Case] = [
    ("The mill closed in '79.", "2026-01-20", "'79", "DATE", "1979"),
    ("Born in 1931, she left Karsk in 64.", "2026-01-20", "64", "DATE", "1964"),
    ("It grew up in the '80s.", "2026-01-20", "the '80s", "DATE", "198"),
    ("Trade peaked in the nineties.", "2026-01-20", "the nineties", "DATE", "199"),
]  # fmt: skip

# A story told years later: a ferry that sank on 12 May 1996, in an article of 2026.
STORY = (
    "On 12 May 1996, the ferry Lumen sank off Karsk. The sinking of 12 May 1996 is still "
    "taught in schools. In 2019 a memorial was built on the quay. Thirty years on, survivors "
    "gathered at the harbour. On that tragic day, 41 people drowned. On May 14, divers "
    "reached the wreck. The May 12 disaster changed the rules for ferries."
)

ANCHORING: list[Case] = [
    (STORY, "2026-05-12", "Thirty years on", "DATE", "2026"),
    (STORY, "2026-05-12", "that tragic day", "DATE", "1996-05-12"),
    (STORY, "2026-05-12", "May 12", "DATE", "1996-05-12"),
    (STORY, "2026-05-12", "May 14", "DATE", "1996-05-14"),
    ("It is 30 years since the sinking.", "2026-05-12", "30 years since", "DURATION", "P30Y"),
    (
        "In 1990 the strike began. On January 19 into January 20, troops entered the city.",
        None,
        "January 19 into January 20",
        "DATE",
        "1990-01-19/1990-01-20",
    ),
    (
        "On 4 June 2001 the river rose. The day after, the bridge was closed.",
        "2026-01-20",
        "The day after",
        "DATE",
        "2001-06-05",
    ),
    (
        "On 4 June 2001 the river rose. The next morning, the bridge was closed.",
        "2026-01-20",
        "The next morning",
        "TIME",
        "2001-06-05TMO",
    ),
]

INCIDENT_DAYS: list[Case] = [
    # Local reports: 2026-01-26 is a Monday, 2026-01-21 a Wednesday.
    ("A fire broke out on Saturday at a warehouse in Karsk.", "2026-01-26", "Saturday",
     "DATE", "2026-01-24"),
    ("The blaze started late Tuesday in a bakery.", "2026-01-21", "late Tuesday", "DATE",
     "2026-01-20"),
    ("Two homes burned overnight on Elm Street.", "2026-01-21", "overnight", "TIME",
     "2026-01-20TNI"),
    ("Firefighters were called early this morning.", "2026-01-21", "early this morning",
     "TIME", "2026-01-21TMO"),
    ("A barn burned down last night.", "2026-01-21", "last night", "TIME", "2026-01-20TNI"),
    ("The crash happened yesterday morning.", "2026-01-21", "yesterday morning", "TIME",
     "2026-01-20TMO"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "expression", "kind", "value"),
    DURATIONS
    + WEEKDAYS
    + TIMES
    + PERIODS
    + HOLIDAYS
    + REFERENCES
    + ELIDED_YEARS
    + ANCHORING
    + INCIDENT_DAYS,
)
def test_construction(
    text: str, published: str | None, expression: str, kind: str, value: str | None
) -> None:
    assert reading(text, published, expression) == (kind, value)


def test_a_count_after_in_is_no_elided_year() -> None:
    text = "Born in 1931, she won in 64 races."
    assert all(d.value != "1964" for d in tagged(text, "2026-01-20"))


def test_a_season_word_that_is_a_verb_is_no_date() -> None:
    assert tagged("The old order began to fall apart.", "2026-01-20") == []


def test_late_and_early_are_mods_of_the_incident_day() -> None:
    [late] = tagged("The blaze started late Tuesday.", "2026-01-21")
    [early] = tagged("Firefighters were called early this morning.", "2026-01-21")
    assert (late.mod, early.mod) == ("END", "START")


def test_the_incident_day_dates_the_report_figures() -> None:
    """The day a local report names is the day its figures and statements are about."""
    text = (
        "A fire broke out on Saturday at a warehouse on the quay in Karsk.\n"
        "Two workers were killed and five were injured."
    )
    claims = extract(text_document(text, "2026-01-26"))  # a Monday
    assert {f.time for f in claims.figures} == {"2026-01-24"}
    assert [s.date for s in claims.statements] == ["2026-01-24"]
    assert [i.date for i in claims.incidents] == ["2026-01-24"]


def test_no_seed_statement_is_dated_outside_what_the_texts_state(seeds_dir: Path) -> None:
    """The seeds tell of January 1990 and its commemorations: a month and day without a year
    takes the story's year, never a year that only a nearby sentence names (1988, 1993)."""
    stated: set[str] = set()
    dated: list[tuple[str, str]] = []
    for item in iter_inputs([str(seeds_dir)]):
        if not isinstance(item, Document):
            continue
        claims = extract(item)
        stated |= {d.value[:4] for d in claims.dates if d.value and d.anchor == "none"}
        stated |= {item.published[:4]} if item.published else set()
        dated += [(s.date, s.date_text) for s in claims.statements if s.date[:1].isdigit()]
    month_days = [(date, text) for date, text in dated if len(date) >= 10]
    assert month_days
    for date, text in month_days:
        assert date[:4] in stated, (date, text)
    januaries = {date[:4] for date, text in month_days if date[5:7] == "01" and "20" in text}
    assert januaries <= {"1990", "2026"}, januaries


def test_a_pattern_is_skipped_only_where_it_cannot_match() -> None:
    """A pattern with required words is not searched in a text without them: every example
    of temporal.toml that the pattern matches holds one of its required words."""
    grammar = tomllib.loads(
        files("consilience.resources.en").joinpath("temporal.toml").read_text(encoding="utf-8")
    )
    examples = {entry["name"]: entry["example"] for entry in grammar["patterns"]}
    checked = 0
    for name, pattern in PATTERNS:
        if name not in REQUIRED:
            continue
        for phrase in examples[name].split(";"):
            phrase = phrase.split("(")[0].strip()
            if pattern.search(phrase):
                checked += 1
                assert any(word in phrase.lower() for word in REQUIRED[name]), (name, phrase)
    assert checked >= len(REQUIRED)
