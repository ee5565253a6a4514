"""A document's own publication date is read from a dateline, never from a headline."""

from __future__ import annotations

import pytest

from consilience.ingest.metadata import dateline_date, first_line_title, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2019-06-03 3 June 2019 08:15 (UTC+02:00)\n\nBody.", "2019-06-03"),
        ("Published: 14 March 2018\nHeadline\nBody.", "2018-03-14"),
        ("Headline here\nUpdated: March 14, 2018, 10:02 a.m. EST\nBody.", "2018-03-14"),
        ("Posted on Tuesday, 2 February 2021 | 16:40\nText.", "2021-02-02"),
        ("2017-11-30T09:00:00+01:00\nText follows.", "2017-11-30"),
        ("Sept. 9, 2015\nText.", "2015-09-09"),
        ("09.04.2016 12:00\nText.", "2016-04-09"),
    ],
)
def test_datelines_are_read(text: str, expected: str) -> None:
    assert dateline_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "March 3, 1999: the day the river changed course\nBody.",
        "On 14 March 2018 the council met and voted.\nBody.",
        "Remembering 2 May 2001 in Vell\nBody.",
        "No date at all in this text.\n",
        "Line one\nLine two\nLine three\nLine four\nLine five\nPublished: 1 May 2020\n",
        "Published: 31 February 2020\nBody.",
    ],
)
def test_headlines_and_sentences_with_dates_are_not_datelines(text: str) -> None:
    assert dateline_date(text) is None


def test_parse_date_takes_the_earliest_date_in_text() -> None:
    assert parse_date("Updated 5 May 2020, first published 2020-05-01") == "2020-05-05"
    assert parse_date("nothing") is None


def test_title_skips_datelines_and_list_markers() -> None:
    assert (
        first_line_title("Published: 1 May 2020\n- Big storm hits Orr\nBody.")
        == "Big storm hits Orr"
    )
