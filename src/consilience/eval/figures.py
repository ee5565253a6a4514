"""Score the figure extractor against a gold annotation (the seeds' `seeds_gold.json`).

A predicted figure matches a gold figure when its number span lies inside the gold claim
span and its value matches (the same value; for vague and range figures, the same low and
high). Gold figures marked optional are neither required nor penalised: a prediction that
matches one is not counted at all. Matched pairs are then checked for measure, qualifier
and low/high.

Usage: python -m consilience.eval.figures [GOLD_JSON] [SEEDS_DIR] [--verbose]
       python -m consilience.eval.figures --dev [--part PART] [--verbose]

`--dev` scores the development gold on real news (`tests/data/figure_dev/`, see
`consilience.eval.figure_gold`) part by part, with and without the measure required, and
prints its two annotators' agreement.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from consilience.extract import extract
from consilience.ingest import Document, ingest_file


@dataclass
class FigureScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    measure_correct: int = 0
    qualifier_correct: int = 0
    interval_correct: int = 0
    modality_correct: int = 0
    matched: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, correct: int) -> float:
        return correct / self.matched if self.matched else 0.0


def _same_value(predicted: dict[str, Any], gold: dict[str, Any]) -> bool:
    if gold["value"] is not None:
        return bool(predicted["value"] == gold["value"])
    return bool(predicted["low"] == gold["low"] and predicted["high"] == gold["high"])


def _matches(predicted: dict[str, Any], gold: dict[str, Any], overlap: bool = False) -> bool:
    if overlap:
        placed = predicted["number_start"] < gold["end"] and gold["start"] < predicted["number_end"]
    else:
        placed = (
            gold["start"] <= predicted["number_start"] and predicted["number_end"] <= gold["end"]
        )
    return placed and _same_value(predicted, gold)


def score_documents(
    gold_figures: list[dict[str, Any]],
    predictions: dict[str, list[dict[str, Any]]],
    overlap: bool = False,
) -> FigureScore:
    """Score predictions (file name -> figure records) against gold figures."""
    score = FigureScore()
    by_file: dict[str, list[dict[str, Any]]] = {}
    for item in gold_figures:
        by_file.setdefault(item["file"], []).append(item)
    for name in sorted(set(by_file) | set(predictions)):
        gold = by_file.get(name, [])
        predicted = list(predictions.get(name, []))
        used: set[int] = set()
        for item in gold:
            match = next(
                (
                    i
                    for i, p in enumerate(predicted)
                    if i not in used and _matches(p, item, overlap)
                ),
                None,
            )
            if match is None:
                if not item.get("optional"):
                    score.false_negatives += 1
                    score.errors.append(
                        f"{name}: missed {item['number_text']!r} in {item['span']!r}"
                    )
                continue
            used.add(match)
            if item.get("optional"):
                continue
            found = predicted[match]
            score.true_positives += 1
            score.matched += 1
            if found["measure"] == item["measure"]:
                score.measure_correct += 1
            else:
                score.errors.append(
                    f"{name}: measure {found['measure']} for {item['measure']} in {item['span']!r}"
                )
            if found["qualifier"] == item["qualifier"]:
                score.qualifier_correct += 1
            else:
                score.errors.append(
                    f"{name}: qualifier {found['qualifier']} for {item['qualifier']}"
                    f" in {item['span']!r}"
                )
            if found.get("modality", "asserted") == item.get("modality", "asserted"):
                score.modality_correct += 1
            else:
                score.errors.append(
                    f"{name}: modality {found.get('modality')} for {item.get('modality')}"
                    f" in {item['span']!r}"
                )
            if (found["low"], found["high"]) == (item["low"], item["high"]):
                score.interval_correct += 1
            else:
                score.errors.append(
                    f"{name}: interval {found['low']}..{found['high']} for "
                    f"{item['low']}..{item['high']} in {item['span']!r}"
                )
        for index, found in enumerate(predicted):
            if index not in used:
                score.false_positives += 1
                extra = f"extra {found['number_text']!r} ({found['measure']})"
                score.errors.append(f"{name}: {extra} in {found['text']!r}")
    return score


def predict(seeds_dir: Path, names: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Run the extractor on each named file."""
    predictions: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        documents = [
            item for item in ingest_file(str(seeds_dir / name)) if isinstance(item, Document)
        ]
        predictions[name] = [claim.to_dict() for claim in extract(documents[0]).figures]
    return predictions


def score_seeds(gold_path: Path, seeds_dir: Path) -> FigureScore:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    names = sorted({document["file"] for document in gold["documents"]})
    return score_documents(gold["figures"], predict(seeds_dir, names))


def score_sentences(path: Path) -> FigureScore:
    """Score against sentence-level annotations (JSONL: `text` and its `figures`).

    A predicted figure matches when its number text overlaps the gold number text's
    occurrence in the sentence and its value (or, for vague and range, its interval) matches.
    """
    from consilience.ingest import Metadata, make_document

    gold_figures: list[dict[str, Any]] = []
    predictions: dict[str, list[dict[str, Any]]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        record = json.loads(line)
        name = f"{path.name}:{number + 1}:{record.get('id', '')}"
        text = record["text"]
        searched = 0
        for item in record["figures"]:
            start = text.find(item["number_text"], searched)
            if start < 0:
                start = text.find(item["number_text"])
            searched = start + 1
            gold_figures.append(
                {**item, "file": name, "start": start, "end": start + len(item["number_text"]),
                 "span": text}
            )  # fmt: skip
        document = make_document(
            text=text, path=name, source_file=name, format="text", encoding="utf-8",
            metadata=Metadata(),
        )  # fmt: skip
        predictions[name] = [claim.to_dict() for claim in extract(document).figures]
    return score_documents(gold_figures, predictions, overlap=True)


def quantulum_predictions(seeds_dir: Path, names: list[str]) -> dict[str, list[dict[str, Any]]]:
    """What a user would otherwise pick: quantulum3's dimensionless quantities as figures.

    quantulum3 finds numbers with units but says nothing of what happened to what is
    counted, so every figure it gives has measure `other` and qualifier `exact`.
    """
    from quantulum3 import parser as quantulum

    predictions: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        text = (seeds_dir / name).read_text(encoding="utf-8")
        found = []
        for quantity in quantulum.parse(text):
            if quantity.unit.name != "dimensionless":
                continue
            start, end = quantity.span
            value = quantity.value
            found.append(
                {"number_start": start, "number_end": end, "number_text": text[start:end],
                 "text": text[start:end], "value": value, "low": value, "high": value,
                 "qualifier": "exact", "measure": "other"}
            )  # fmt: skip
        predictions[name] = found
    return predictions


def format_score(label: str, score: FigureScore) -> str:
    return (
        f"{label:<14} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}  "
        f"(tp {score.true_positives}, fp {score.false_positives}, fn {score.false_negatives})  "
        f"measure {score.accuracy(score.measure_correct):.3f}  "
        f"qualifier {score.accuracy(score.qualifier_correct):.3f}  "
        f"low/high {score.accuracy(score.interval_correct):.3f}  "
        f"modality {score.accuracy(score.modality_correct):.3f}"
    )


def main() -> None:
    root = Path(__file__).resolve().parents[3]
    shared = root.parent / "shared"
    parser = argparse.ArgumentParser(description="Score figure extraction against gold.")
    parser.add_argument("gold", nargs="?", type=Path, default=shared / "gold" / "seeds_gold.json")
    parser.add_argument("seeds", nargs="?", type=Path, default=shared / "seeds")
    data = root / "tests" / "data"
    parser.add_argument(
        "--sentences",
        type=Path,
        nargs="*",
        default=[
            data / "figure_sentences.jsonl",
            data / "figure_heldout.jsonl",
            data / "figure_heldout2.jsonl",
        ],
        help="sentence-level annotation files (JSONL) to score as well",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error")
    parser.add_argument("--dev", action="store_true", help="score the real-news gold")
    parser.add_argument("--part", action="append", help="with --dev: only this part")
    args = parser.parse_args()
    if args.dev:
        _score_development(shared / "data", args.part, args.verbose)
        return
    print(f"seeds ({args.gold.name}):")
    score = score_seeds(args.gold, args.seeds)
    print(format_score("consilience", score))
    if args.verbose:
        for error in score.errors:
            print("  " + error)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    names = sorted({document["file"] for document in gold["documents"]})
    try:
        baseline = score_documents(gold["figures"], quantulum_predictions(args.seeds, names))
        print(format_score("quantulum3", baseline))
    except ImportError:
        print("quantulum3      not installed (pip install quantulum3 stemming scikit-learn)")
    for path in args.sentences:
        if not path.is_file():
            continue
        print(f"{path.name}:")
        sentence_score = score_sentences(path)
        print(format_score("consilience", sentence_score))
        if args.verbose:
            for error in sentence_score.errors:
                print("  " + error)


def _score_development(data_dir: Path, parts: list[str] | None, verbose: bool) -> None:
    from consilience.eval import figure_gold

    gold_dir = figure_gold.GOLD_DIR
    first = figure_gold.read_annotation(gold_dir / "annotator1.jsonl")
    second = figure_gold.read_annotation(gold_dir / "annotator2.jsonl")
    agreed = figure_gold.agreement(first, second)
    print("annotators: " + figure_gold.format_agreement(agreed))
    gold = figure_gold.read_annotation(gold_dir / "gold.jsonl")
    items = figure_gold.load_items(data_dir)
    if parts:
        items = [item for item in items if item.part in parts]
    for part, score in figure_gold.score_parts(items, gold).items():
        if parts and part not in parts:
            continue
        strict = score.true_positives - (score.matched - score.measure_correct)
        wanted = score.true_positives + score.false_negatives
        found = score.true_positives + score.false_positives
        strict_f1 = 2 * strict / (wanted + found) if wanted + found else 0.0
        print(format_score(part, score) + f"  F1 with measure {strict_f1:.3f}")
        if verbose:
            for error in score.errors:
                print("  " + error)


if __name__ == "__main__":
    main()
