"""The constructions real reports use (docs/figures.md, "Constructions handled"), each on
several sentences written for this project (tests/data/figure_constructions.jsonl): every
figure found with its value, interval, measure and modality, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consilience.eval.figures import format_score, score_sentences

DATA = Path(__file__).parent / "data" / "figure_constructions.jsonl"


def _constructions() -> list[str]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return sorted({json.loads(line)["construction"] for line in lines if line.strip()})


@pytest.mark.parametrize("construction", _constructions())
def test_each_construction_is_read(construction: str, tmp_path: Path) -> None:
    chosen = [
        line
        for line in DATA.read_text(encoding="utf-8").splitlines()
        if line.strip() and json.loads(line)["construction"] == construction
    ]
    assert len(chosen) >= 2, f"{construction}: fewer than two sentences"
    subset = tmp_path / "subset.jsonl"
    subset.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    score = score_sentences(subset)
    report = format_score(construction, score) + "\n" + "\n".join(score.errors)
    assert score.false_negatives == 0 and score.false_positives == 0, report
    assert score.measure_correct == score.matched, report
    assert score.interval_correct == score.matched, report
    assert score.modality_correct == score.matched, report
