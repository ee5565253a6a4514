"""The temporal tagger, construction by construction, on sentences written for these tests."""

from __future__ import annotations

import pytest

from consilience.extract.claims import DateClaim
from consilience.extract.nlp import parse
from consilience.extract.temporal import find_dates


def dates(text: str, published: str | None = "2026-01-20") -> list[DateClaim]:
    found = find_dates("t", text, list(parse(text)), published)
    for date in found:
        assert text[date.start : date.end] == date.text
    return found


def values(
    text: str, published: str | None = "2026-01-20"
) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.value, d.mod) for d in dates(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The flood struck on March 3, 2004, at dawn.", ("March 3, 2004", "2004-03-03")),
        ("It began on 3 March 2004.", ("3 March 2004", "2004-03-03")),
        ("It began on the 3rd of March, 2004.", ("3rd of March, 2004", "2004-03-03")),
        ("The order is dated 2004-03-03.", ("2004-03-03", "2004-03-03")),
        ("The council met in February 1994.", ("February 1994", "1994-02")),
        ("Fighting resumed in 1993.", ("1993", "1993")),
        ("Tension grew in the late 1980s.", ("the late 1980s", "198")),
        ("It was built in the 19th century.", ("the 19th century", "18")),
        ("Settlers came in the 19th–20th centuries.", ("the 19th–20th centuries", "18/19")),
        ("Talks resumed in spring 1998.", ("spring 1998", "1998-SP")),
    ],
)
def test_absolute_dates(text: str, expected: tuple[str, str]) -> None:
    [date] = dates(text)
    assert (date.text, date.value, date.anchor) == (*expected, "none")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The siege lasted the night of March 3–4, 2004.",
            ("March 3–4, 2004", "2004-03-03/2004-03-04"),
        ),
        ("The siege lasted from 3-4 March 2004.", ("3-4 March 2004", "2004-03-03/2004-03-04")),
        (
            "It ran from March 3 into March 4, 2004.",
            ("March 3 into March 4, 2004", "2004-03-03/2004-03-04"),
        ),
    ],
)
def test_intervals_keep_both_ends(text: str, expected: tuple[str, str]) -> None:
    [date] = dates(text)
    assert (date.text, date.value) == expected


def test_parts_of_periods_set_the_modifier() -> None:
    assert values("Troops arrived in mid-March 2004 and left at the end of 2005.") == [
        ("mid-March 2004", "2004-03", "MID"), ("the end of 2005", "2005", "END")
    ]  # fmt: skip
    assert values("Sanctions have applied since 2020.") == [("2020", "2020", "ON_OR_AFTER")]


def test_time_on_a_date_is_one_time() -> None:
    [date] = dates("The blast came at 5:30 a.m. on March 3, 2004, witnesses said.")
    assert (date.type, date.value) == ("TIME", "2004-03-03T05:30")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He spoke yesterday.", ("yesterday", "2026-01-19")),
        ("Voting ends today.", ("today", "2026-01-20")),
        ("Police said on Friday that two men were held.", ("Friday", "2026-01-16")),
        ("The talks will resume on Friday.", ("Friday", "2026-01-23")),
        ("Prices rose last week.", ("last week", "2026-W03")),
        ("Prices rose last year.", ("last year", "2025")),
        ("Prices will rise next month.", ("next month", "2026-02")),
        ("The bridge opened two years ago.", ("two years ago", "2024")),
        ("Thirty-six years ago the city mourned.", ("Thirty-six years ago", "1990")),
    ],
)
def test_deictic_expressions_resolve_from_the_document_date(
    text: str, expected: tuple[str, str]
) -> None:
    [date] = dates(text)
    assert (date.text, date.value, date.anchor) == (*expected, "dct")


def test_narrative_reference_anchors_history() -> None:
    text = (
        "On the night of March 3–4, 1921, the garrison rose. On March 6, the day after the "
        "assault, envoys met. Just over a year later, the treaty was signed. In the days "
        "following, the city was quiet. Several years later, a monument was built."
    )
    assert values(text) == [
        ("March 3–4, 1921", "1921-03-03/1921-03-04", None),
        ("March 6", "1921-03-06", None),
        ("the day after", "1921-03-06", None),
        ("Just over a year later", "1922", "APPROX"),
        ("the days following", "1921-03-06", "AFTER"),
        ("Several years later", "192", None),
    ]
    assert [d.anchor for d in dates(text)][1:] == ["narrative"] * 5


def test_a_month_and_day_in_news_take_the_nearest_year() -> None:
    assert values("The vote was held on Dec. 28.", "2026-01-20") == [
        ("Dec. 28", "2025-12-28", None)
    ]
    assert values("The vote will be held on Feb. 3.", "2026-01-20") == [
        ("Feb. 3", "2026-02-03", None)
    ]


def test_without_a_document_date_relative_dates_stay_open() -> None:
    assert values("He spoke yesterday and again on January 21.", None) == [
        ("yesterday", None, None), ("January 21", "XXXX-01-21", None)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war lasted 44 days.", ("44 days", "DURATION", "P44D")),
        ("Rescuers worked for the past 24 hours.", ("the past 24 hours", "DURATION", "PT24H")),
        ("It is a two-year programme.", ("two-year", "DURATION", "P2Y")),
        ("They have waited for years.", ("for years", "DURATION", "PXY")),
        ("The ceremony is held every year.", ("every year", "SET", "P1Y")),
        ("Food is delivered daily.", ("daily", "SET", "P1D")),
        ("Shops are open now.", ("now", "DATE", "PRESENT_REF")),
        ("Prices have risen recently.", ("recently", "DATE", "PAST_REF")),
    ],
)
def test_durations_sets_and_references(text: str, expected: tuple[str, str, str]) -> None:
    [date] = dates(text)
    assert (date.text, date.type, date.value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "May God rest their souls.",
        "Veterans march through Bloody January square.",
        "A 6-year-old girl was found.",
        "The 1500 troops left.",
        "Prices rose 1990% in a decade of chaos.",
        "He lives at No. 1984 Canal Road.",
    ],
)
def test_things_that_are_not_dates(text: str) -> None:
    assert [d.text for d in dates(text) if d.text not in ("a decade",)] == []


def test_time_words_inside_names_are_not_dates() -> None:
    found = values("The Washington Daily Post reported the flood on Monday.", "2026-01-20")
    assert [text for text, _, _ in found] == ["Monday"]
