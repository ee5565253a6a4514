"""Figures on real news nobody here wrote: the development gold of 249 items of
../shared/data (tests/data/figure_dev/, two independent annotators, disputes adjudicated),
scored part by part. Floors are pinned from the measured figures (BENCHMARKS.md,
"Figures on real news") and raised as the extractor improves, never silently lowered."""

from __future__ import annotations

import pytest

from consilience.eval import figure_gold
from consilience.eval.figures import FigureScore, format_score

from .conftest import SHARED

DATA = SHARED / "data"

# (detection F1, precision) floors per part. Measured on 2026-12-01, first run before any
# change / final: portal dev F1 0.902 / 0.934 (P 0.975), portal aside 0.856 / 0.878
# (P 0.988), ECB+ dev 0.554 / 0.635 (P 0.767), ECB+ aside 0.182 / 0.182 (P 0.250; 14 gold
# figures in 7 articles of topics the development part does not use).
FLOORS = {
    "portal dev": (0.92, 0.95),
    "portal aside": (0.86, 0.95),
    "ecbplus dev": (0.60, 0.72),
    "ecbplus aside": (0.15, 0.20),
}
ANNOTATOR_AGREEMENT_FLOOR = 0.90  # detection F1 of one annotator against the other


@pytest.fixture(scope="module")
def scores() -> dict[str, FigureScore]:
    if not (DATA / "portal" / "portal-2025.jsonl").is_file():
        pytest.skip(f"development data not found at {DATA} (clone with ../shared beside)")
    gold = figure_gold.read_annotation(figure_gold.GOLD_DIR / "gold.jsonl")
    return figure_gold.score_parts(figure_gold.load_items(DATA), gold)


@pytest.mark.parametrize("part", figure_gold.PARTS)
def test_real_news_figures_meet_the_floors(scores: dict[str, FigureScore], part: str) -> None:
    score = scores[part]
    f1_floor, precision_floor = FLOORS[part]
    report = format_score(part, score) + "\n" + "\n".join(score.errors)
    assert score.f1 >= f1_floor, report
    assert score.precision >= precision_floor, report


def test_the_annotators_agree() -> None:
    first = figure_gold.read_annotation(figure_gold.GOLD_DIR / "annotator1.jsonl")
    second = figure_gold.read_annotation(figure_gold.GOLD_DIR / "annotator2.jsonl")
    agreed = figure_gold.agreement(first, second)
    assert agreed.f1 >= ANNOTATOR_AGREEMENT_FLOOR, figure_gold.format_agreement(agreed)
    assert agreed.kappa_measure >= 0.9, figure_gold.format_agreement(agreed)


def test_agreement_counts_misses_both_ways() -> None:
    """The agreement scorer itself, on two tiny annotations of our own."""
    first = {"k": [{"number_text": "12", "occurrence": 1, "measure": "killed", "low": 12,
                    "high": 12}]}  # fmt: skip
    second = {"k": [{"number_text": "12", "occurrence": 1, "measure": "wounded", "low": 12,
                     "high": 12},
                    {"number_text": "3", "occurrence": 1, "measure": "missing", "low": 3,
                     "high": 3}]}  # fmt: skip
    agreed = figure_gold.agreement(first, second)
    assert (agreed.both, agreed.only_first, agreed.only_second) == (1, 0, 1)
    assert agreed.same_measure == 0
