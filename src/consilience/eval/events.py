"""Score dated statements against the seed annotation: is each gold date found, and is its
normalized TIMEX3 value right?

A gold statement is found when a predicted statement's date words overlap the gold date
words; its value is right when the TIMEX3 values are equal. Optional gold statements
(headlines, recurring observances) are reported apart and do not count. The gold file keeps
them under `events`, the name the claims had when it was written.

Usage: python -m consilience.eval.events [GOLD_JSON] [SEEDS_DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from consilience.extract import extract
from consilience.ingest import Document, ingest_file


@dataclass
class StatementScore:
    required: int = 0
    found: int = 0
    value_correct: int = 0
    mod_correct: int = 0
    optional_found: int = 0
    optional: int = 0
    predicted: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.required if self.required else 0.0

    def line(self) -> str:
        return (
            f"required dated statements {self.required}: found {self.found}, "
            f"value correct {self.value_correct} (accuracy {self.value_accuracy:.3f}), "
            f"mod correct {self.mod_correct}; "
            f"optional found {self.optional_found}/{self.optional}; "
            f"{self.predicted} statements predicted"
        )


def score_statements(gold_path: Path, seeds_dir: Path) -> StatementScore:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    score = StatementScore()
    by_file: dict[str, list[dict[str, Any]]] = {}
    for item in gold["events"]:
        by_file.setdefault(item["file"], []).append(item)
    for name, items in sorted(by_file.items()):
        documents = [d for d in ingest_file(str(seeds_dir / name)) if isinstance(d, Document)]
        statements = [s.to_dict() for s in extract(documents[0]).statements]
        score.predicted += len(statements)
        for item in items:
            overlapping = [
                s
                for s in statements
                if s["date_start"] < item["date_end"] and item["date_start"] < s["date_end"]
            ]
            best = max(
                overlapping,
                key=lambda s: (
                    min(s["date_end"], item["date_end"]) - max(s["date_start"], item["date_start"])
                ),
                default=None,
            )
            if item.get("optional"):
                score.optional += 1
                score.optional_found += best is not None
                continue
            score.required += 1
            if best is None:
                score.errors.append(f"{name}: missed {item['date_text']!r} ({item['value']})")
                continue
            score.found += 1
            if best["date"] == timex3(item["value"]):
                score.value_correct += 1
            else:
                score.errors.append(
                    f"{name}: {item['date_text']!r} gold {item['value']}, ours {best['date']} "
                    f"({best['date_text']!r})"
                )
            score.mod_correct += best["mod"] == item["mod"]
    return score


def timex3(value: str) -> str:
    """The gold's decades are written the TIMEX2 way ("198X"); TIMEX3, which the tagger
    writes, gives the same decade as its three digits ("198")."""
    return value[:3] if re.fullmatch(r"\d{3}X", value) else value


def main() -> None:
    root = Path(__file__).resolve().parents[3]
    shared = root.parent / "shared"
    parser = argparse.ArgumentParser(description="Score dated statements against gold.")
    parser.add_argument("gold", nargs="?", type=Path, default=shared / "gold" / "seeds_gold.json")
    parser.add_argument("seeds", nargs="?", type=Path, default=shared / "seeds")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    score = score_statements(args.gold, args.seeds)
    print(score.line())
    if args.verbose:
        for error in score.errors:
            print("  " + error)


if __name__ == "__main__":
    main()
