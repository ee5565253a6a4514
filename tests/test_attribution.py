"""Quotes and reported speech, with speakers, on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consilience.extract import extract
from consilience.extract.claims import QuoteClaim
from consilience.ingest import Document, ingest_file

from .conftest import SHARED, text_document


def quotes(text: str) -> list[QuoteClaim]:
    document = text_document(text, "2026-01-20")
    found = extract(document).quotes
    for quote in found:
        assert text[quote.start : quote.end] == quote.text
        assert text[quote.content_start : quote.content_end] == quote.content
        assert quote.start <= quote.content_start < quote.content_end <= quote.end
    return found


def summary(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(q.type, q.content, q.speaker, q.cue) for q in quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        'Mayor Ana Morel said: "We will rebuild every house in this town."',
        "“We will rebuild every house in this town,” said Mayor Ana Morel.",
        "Mayor Ana Morel told reporters: «We will rebuild every house in this town.»",
        "“We will rebuild every house in this town,” Mayor Ana Morel told reporters on Monday.",
    ],
)
def test_direct_quotes_in_any_marks_with_the_speaker_on_either_side(text: str) -> None:
    [quote] = quotes(text)
    assert (quote.type, quote.speaker) == ("direct", "Ana Morel")
    assert quote.content.startswith("We will rebuild every house in this town")


def test_a_quote_split_by_its_attribution_is_one_quote() -> None:
    [quote] = quotes("“We will rebuild,” the mayor, Ana Morel, said, “within a year.”")
    assert quote.type == "direct"
    assert quote.content.startswith("We will rebuild,") and quote.content.endswith("within a year.")
    assert quote.cue == "said"


def test_a_colon_after_a_participle_introduces_the_quote() -> None:
    text = "President Ana Morel posted a message on Sunday, stating: “Our thoughts are with the families tonight.”"
    [quote] = quotes(text)
    assert (quote.speaker, quote.cue, quote.date) == ("Ana Morel", "stating", "2026-01-18")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Governor Tomas Reyl said that the dam had held through the night.",
            "the dam had held through the night",
            "said",
        ),
        (
            "Governor Tomas Reyl warned that more rain was expected on Friday.",
            "more rain was expected on Friday",
            "warned",
        ),
        (
            "Governor Tomas Reyl told reporters that the road would reopen.",
            "the road would reopen",
            "told",
        ),
        (
            "Governor Tomas Reyl insisted the evacuation had been orderly.",
            "the evacuation had been orderly",
            "insisted",
        ),
    ],
)
def test_reported_speech_with_a_complement_clause(text: str, content: str, cue: str) -> None:
    [quote] = quotes(text)
    assert (quote.type, quote.content, quote.speaker, quote.cue) == (
        "reported",
        content,
        "Tomas Reyl",
        cue,
    )


def test_a_pronoun_speaker_is_the_person_named_before() -> None:
    text = "Lena Farro arrived in Orvik on Tuesday.\n\nShe stated that the camps were full."
    assert summary(text) == [("reported", "the camps were full", "Lena Farro", "stated")]


def test_a_title_speaker_is_the_person_named_with_that_title() -> None:
    text = (
        "Defence Minister Otto Rask met President Ana Morel in Karsk.\n\n"
        "The border, as stressed by the head of state, remains closed."
    )
    [quote] = quotes(text)
    assert (quote.speaker, quote.speaker_text) == ("Ana Morel", "the head of state")


def test_a_surname_speaker_is_the_full_name_given_before() -> None:
    text = "Otto Rask toured the border.\n\nRask said that the troops would stay until spring."
    [quote] = quotes(text)
    assert quote.speaker == "Otto Rask"


def test_according_to_attributes_the_clause() -> None:
    [quote] = quotes(
        "According to the regional ministry, 40 people were evacuated from the valley."
    )
    assert (quote.type, quote.speaker) == ("reported", "the regional ministry")
    assert quote.content == "40 people were evacuated from the valley"


def test_names_and_titles_in_quotation_marks_are_not_quotes() -> None:
    text = 'The events known as “Black January” were debated in a session titled "On the Events of Winter".'
    assert quotes(text) == []


def test_every_seed_gold_quote_is_found_with_its_speaker(seeds_dir: Path) -> None:
    gold = json.loads((SHARED / "gold" / "seeds_gold.json").read_text(encoding="utf-8"))
    for item in gold["quotes"]:
        [document] = [
            d for d in ingest_file(str(seeds_dir / item["file"])) if isinstance(d, Document)
        ]
        found = extract(document).quotes
        matches = [
            q for q in found
            if q.content_start < item["end"] and item["start"] < q.content_end and q.speaker == item["speaker"]
        ]  # fmt: skip
        assert matches, (item["file"], item["text"], [(q.content, q.speaker) for q in found])
