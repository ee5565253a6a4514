"""Extraction never fails a build for one document: a fixed-budget fuzz of `extract`, the
guarded extractors, and `extract_batch`'s fallback to one document at a time."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import consilience.extract.run as extract_module
from consilience import build
from consilience.extract import CLAIM_KINDS, DocumentClaims, extract
from consilience.scale import ExtractionFailed, claims_of, extract_batch

from .conftest import text_document

SENTENCES = [
    "At least 147 people were killed and 744 wounded in Baku on January 20, 1990.",
    "Two days later, police said 35 protesters had been arrested.",
    "“We will rebuild,” said Mayor Ana Morel on Friday.",
    "The flood destroyed more than 200 houses, 80 vehicles and three bridges.",
    "Yesterday, officials said nearly 1,500 troops were deployed to the region.",
    "The death toll rose from 12 to 34 the following week.",
]
HUGE = ["9" * 320, "1" + "0" * 400, "9" * 309 + ".5", "12-" + "9" * 320]
FAR = [
    "3000000 days later", "in 90000 years", "9999999 years ago", "90000 years later",
    "the following century", "Yesterday", "Tomorrow", "last week", "next year",
    "on Friday", "December 5", "the day after",
]  # fmt: skip
ODD = ["\u200b", "\u202e", "\ufeff", "\U0001f600", "e\u0301", "\u00a0", "\x00", "\t\n\n", "—"]
EDGE_DATES = ["0001-01-01", "9999-12-31", "2030-05-03", "2021-02-30", "0000-01-01", None]

ordinary = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join)
hostile_piece = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(HUGE).map(lambda n: f"A storm. {n} people were killed."),
    st.sampled_from(FAR).map(lambda w: f"{w}, 12 people were killed."),
    st.sampled_from(ODD),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20
    ),  # no lone surrogates: ingest rejects those
)
hostile = st.lists(hostile_piece, min_size=1, max_size=5).map(" ".join)


def assert_exact(text: str, claims: DocumentClaims) -> None:
    for kind in CLAIM_KINDS:
        ids = [claim.id for claim in claims.claims_of(kind)]
        assert len(set(ids)) == len(ids)
        for claim in claims.claims_of(kind):
            assert 0 <= claim.start <= claim.end <= len(text)
            assert text[claim.start : claim.end] == claim.text


@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=hostile, published=st.sampled_from(EDGE_DATES))
def test_hostile_text_never_raises_and_spans_stay_exact(text: str, published: str | None) -> None:
    claims = extract(text_document(text, published=published))
    assert claims.problems == ()  # each crash found so far is fixed at its root
    assert_exact(text, claims)
    for date in claims.dates:
        assert date.value is None or not date.value.startswith(("0000", "-", "10000"))
    for figure in claims.figures:
        for number in (figure.value, figure.low, figure.high):
            assert number is None or number < float("inf")


@settings(max_examples=15, derandomize=True, deadline=None)
@given(text=ordinary, published=st.sampled_from(EDGE_DATES[2:3] + [None]))
def test_ordinary_text_has_no_problems(text: str, published: str | None) -> None:
    claims = extract(text_document(text, published=published))
    assert claims.problems == ()
    assert claims.entities or claims.figures
    assert_exact(text, claims)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("A storm. " + "9" * 320 + " people were killed.", "2020-01-01"),
        ("The flood came. 3000000 days later, 12 people were killed.", "2030-05-03"),
        ("Yesterday 12 people were killed.", "0001-01-01"),
        ("Next year 12 people will be evacuated.", "9999-12-31"),
    ],
)
def test_the_crashes_of_issue_12(text: str, published: str) -> None:
    claims = extract(text_document(text, published=published))
    assert claims.problems == ()
    assert all(figure.value is None or figure.value < 1e300 for figure in claims.figures)
    assert [d.value for d in claims.dates if d.text != "12"] in ([], [None])


def test_a_failing_extractor_loses_only_its_own_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SENTENCES[0] + " " + SENTENCES[2]
    document = text_document(text, published="2020-01-21")
    sound = extract(document)
    assert sound.figures and sound.entities and sound.dates and sound.quotes

    def broken(*args: object) -> list[object]:
        raise OverflowError("cannot convert float infinity to integer")

    monkeypatch.setattr(extract_module, "find_figures", broken)
    claims = extract(document)
    assert claims.figures == []
    assert claims.problems == (
        "figures not extracted (OverflowError: cannot convert float infinity to integer); "
        "other claims kept",
    )
    for kind in ("entities", "dates", "statements", "incidents", "quotes"):
        assert claims.claims_of(kind) == sound.claims_of(kind)


def test_a_failing_date_tagger_leaves_its_dependents_without_dates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = text_document(SENTENCES[0], published="2020-01-21")

    def broken(*args: object) -> list[object]:
        raise ValueError("year 0 is out of range")

    monkeypatch.setattr(extract_module, "find_dates", broken)
    claims = extract(document)
    assert claims.dates == [] and claims.statements == []  # statements hang on dates
    assert claims.figures and claims.entities
    assert all(figure.time is None for figure in claims.figures)
    assert len(claims.problems) == 1 and claims.problems[0].startswith("dates not extracted")


def test_extract_batch_falls_back_to_one_document_at_a_time() -> None:
    good = text_document(SENTENCES[0], published="2020-01-21")
    # Ingest rejects lone surrogates; a document made past it still must not stop a batch.
    unparsable = replace(good, id="bad", text="Officials said \ud800 five people were killed.")
    results = extract_batch([good, unparsable, good])
    assert isinstance(results[1], ExtractionFailed)
    assert "UnicodeEncodeError" in results[1].reason
    for result in (results[0], results[2]):
        assert not isinstance(result, ExtractionFailed)
        claims = claims_of(good, result)
        assert claims.figures == extract(good).figures and claims.problems == ()
    assert results[1].reason.startswith("not extracted (UnicodeEncodeError: ")


def test_extract_batch_carries_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(extract_module, "find_quotes", broken)
    document = text_document(SENTENCES[2], published="2020-01-21")
    (result,) = extract_batch([document])
    assert not isinstance(result, ExtractionFailed)
    assert len(result) == 7 and result[6] == [
        "quotes not extracted (RuntimeError: boom); other claims kept"
    ]
    claims = claims_of(document, result)
    assert claims.quotes == [] and claims.problems == tuple(result[6])
    assert claims.entities == extract_module.extract(document).entities


@settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    corpus=st.lists(
        st.tuples(hostile, st.sampled_from(EDGE_DATES[:3] + [None])), min_size=1, max_size=4
    )
)
def test_a_build_of_hostile_documents_aligns_and_checks_clean(
    tmp_path_factory: pytest.TempPathFactory, corpus: list[tuple[str, str | None]]
) -> None:
    """The whole flow, not extraction alone: alignment met dates that extraction let
    through (a report window before year 1), so hostile documents go through a build and
    the ledger it leaves must pass every check."""
    folder = tmp_path_factory.mktemp("fuzz")
    feed = folder / "feed.jsonl"
    lines = [
        json.dumps({"text": text, "published": published} if published else {"text": text})
        for text, published in corpus
        if text.strip() and "\x00" not in text
    ]
    feed.write_text("".join(line + "\n" for line in lines) or "\n", encoding="utf-8")
    with build([str(feed)], folder / "l.db") as ledger:
        assert ledger.last_build.partial == []
        assert [f.check for f in ledger.check() if not f.ok] == []
