"""Random bytes and hostile Unicode never crash ingest or extract, and spans stay valid."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from consilience.extract import extract
from consilience.extract.nlp import chunk_offsets
from consilience.ingest import Document, FileRead, IngestProblem, ingest_file

from .conftest import text_document

# Characters that break naive text handling: right-to-left scripts and marks, combining
# marks, zero-width joiners and spaces, emoji with modifiers, line and paragraph separators.
HOSTILE = st.sampled_from(
    list("\u05d0\u05e9\u0627\u0644\u200f\u200e\u202e\u0301\u0308\u20dd\u200b\u200c\u200d\ufeff")
    + ["\U0001f469\u200d\U0001f467", "\U0001f44d\U0001f3fd", "\u2028", "\u2029", "\r\n", "\t"]
)
WORDS = st.sampled_from(
    [
        "killed 12",
        "no one",
        "a man was shot",
        "more than 66,000",
        "hundreds of",
        "\u201c",
        "\u201d",
        '"',
        "\u00ab",
        "said that",
        "January 19\u201320, 1990",
        "the day after",
        "last Friday",
        "Baku",
        "Marrowby",
        "147",
        "killed",
        "people",
        "were",
        "the",
        "of",
        "Aliyev",
        "said",
        ".",
        ",",
        "January",
        "20",
        "1990",
        "\u201c",
        "\u201d",
        "approximately",
        "Soviet",
        "army",
        " ",
        "\n",
    ]
)
TEXT = st.lists(st.one_of(WORDS, HOSTILE, st.text(max_size=8)), min_size=1, max_size=80).map(
    " ".join
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_ingest_never_crashes_on_random_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random{suffix}"
        path.write_bytes(data)
        items = list(ingest_file(str(path), max_bytes=2000))
    assert items, "every input yields a document or a reason"
    for item in items:
        assert isinstance(item, (Document, IngestProblem, FileRead))
        if isinstance(item, IngestProblem):
            assert item.reason and "\n" not in item.reason
        if isinstance(item, Document):
            assert item.text.strip()


def assert_valid_spans(document: Document) -> None:
    claims = extract(document)
    for kind in ("entities", "figures", "dates", "statements", "incidents", "quotes"):
        for claim in claims.claims_of(kind):
            assert 0 <= claim.start < claim.end <= len(document.text)
            assert document.text[claim.start : claim.end] == claim.text
            assert claim.doc == document.id
    for figure in claims.figures:
        assert claim_inside(figure.start, figure.number_start, figure.number_end, figure.end)
        assert document.text[figure.number_start : figure.number_end] == figure.number_text
    for statement in claims.statements:
        assert document.text[statement.date_start : statement.date_end] == statement.date_text
    for incident in claims.incidents:
        assert claim_inside(
            incident.start, incident.trigger_start, incident.trigger_end, incident.end
        )
        assert document.text[incident.trigger_start : incident.trigger_end] == incident.trigger
    for quote in claims.quotes:
        assert claim_inside(quote.start, quote.content_start, quote.content_end, quote.end)
        assert document.text[quote.content_start : quote.content_end] == quote.content


def claim_inside(start: int, number_start: int, number_end: int, end: int) -> bool:
    return start <= number_start < number_end <= end


@SETTINGS
@given(text=TEXT)
@example(text="killed 12 \x10\x08\x85X\U00029d2f\x1f/")  # a number token past its clause
def test_extract_spans_stay_valid_on_hostile_unicode(text: str) -> None:
    document = text_document(text)
    assert_valid_spans(document)


@settings(max_examples=2, deadline=None)
@given(line=TEXT, length=st.integers(min_value=120_000, max_value=180_000))
def test_extract_handles_very_long_lines(line: str, length: int) -> None:
    """One line longer than a parse chunk: it must be cut, and spans must survive the cut."""
    unit = line.replace("\n", " ").replace("\r", " ") + " President Ilham Aliyev visited Baku. "
    text = unit * (length // len(unit) + 1)
    assert "\n" not in text.replace("\u2028", "").replace("\u2029", "")
    document = text_document(text)
    assert_valid_spans(document)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=3000), size=st.integers(min_value=1, max_value=500))
def test_chunks_cover_the_text_exactly(text: str, size: int) -> None:
    pieces = chunk_offsets(text, size)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (_, end), (start, _) in zip(pieces, pieces[1:], strict=False):
        assert end == start
    assert all(0 < end - start <= size for start, end in pieces if text)
