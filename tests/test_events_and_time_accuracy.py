"""Dated statements: each date anchors one statement; accuracy gates on the seed annotation and
the TimeML scorer on real TimeBank text."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.eval.events import score_statements
from consilience.eval.timeml import ours, read_timeml, score
from consilience.extract import extract

from .conftest import SHARED, text_document

# Floor, measured 2026-11-24 at 0.952 (BENCHMARKS.md): raise it as the tagger improves.
SEED_STATEMENT_VALUE_FLOOR = 0.95
TIMEBANK = SHARED / "data" / "tempeval3" / "TimeBank"


def test_seed_dated_statements_meet_the_floor(seeds_dir: Path) -> None:
    result = score_statements(SHARED / "gold" / "seeds_gold.json", seeds_dir)
    assert result.value_accuracy >= SEED_STATEMENT_VALUE_FLOOR, (
        result.line() + "\n" + "\n".join(result.errors)
    )


def test_a_statement_gets_its_clause_actors_and_places() -> None:
    text = (
        "On January 21, 1990, Heydar Aliyev spoke at the Permanent Mission of Azerbaijan in Moscow."
    )
    document = text_document(text, "2026-01-20")
    [statement] = extract(document).statements
    assert statement.date == "1990-01-21"
    assert statement.text == text.rstrip(".")
    assert statement.what == "Heydar Aliyev spoke at the Permanent Mission of Azerbaijan in Moscow"
    assert "Heydar Aliyev" in statement.actors
    assert "Moscow" in statement.places
    assert text[statement.date_start : statement.date_end] == "January 21, 1990"


def test_figures_take_their_time_from_the_tagger() -> None:
    text = "On the night of March 3–4, 1921, the garrison rose.\nAt least 40 sailors were killed."
    document = text_document(text)
    [figure] = extract(document).figures
    assert (figure.time, figure.time_inherited) == ("1921-03-03/1921-03-04", True)


def test_timeml_scorer_reads_timebank_and_scores_it() -> None:
    if not TIMEBANK.is_dir():
        pytest.skip(f"TimeBank not found at {TIMEBANK} (clone with ../shared beside the repo)")
    documents = [read_timeml(path) for path in sorted(TIMEBANK.glob("*.tml"))[:15]]
    assert all(d.dct and d.timexes for d in documents)
    for document in documents:
        for timex in document.timexes:
            assert document.text[timex.start : timex.end].strip()
    result = score(documents, ours)
    assert result.gold > 50
    # Floors well under the full-corpus figures (BENCHMARKS.md), to catch a broken tagger.
    assert result.relaxed_f1 >= 0.85 and result.value_f1 >= 0.6, result.line("consilience")
