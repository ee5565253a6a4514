"""Score the day a report names an incident by ("on Saturday", "late Tuesday", "overnight",
"yesterday"), resolved from the report's own date, against a hand annotation.

The gold (`tests/data/incident_days/gold.jsonl`) was made by two independent annotators on
items of the 2025 current-events feed (`../shared/data/portal/`) that name such a day, and
adjudicated where they differed; `sample.tsv` says which items are development (January to
August) and which are kept aside (September and October). An expression is right when the
tagger's date that covers it has the gold day (its first ten characters: `2025-03-14TNI` is
the 14th). Expressions the annotators found to name no single day are counted apart.

Usage: python -m consilience.eval.incident_days [--part dev|aside|all] [-v]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from consilience.extract.nlp import parse
from consilience.extract.temporal import find_dates

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "data" / "incident_days"
FEED = ROOT.parent / "shared" / "data" / "portal" / "portal-2025.jsonl"


@dataclass
class DayScore:
    expressions: int = 0  # gold expressions that name one day
    right: int = 0
    undated: int = 0  # gold expressions that name no single day
    undated_right: int = 0  # ... to which the tagger gives no day either
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.expressions if self.expressions else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:<8} days right {self.right}/{self.expressions} = {self.accuracy:.3f}; "
            f"no single day: {self.undated_right}/{self.undated} left without a day"
        )


def read_gold(folder: Path = GOLD) -> tuple[dict[str, str], list[dict[str, str | None]]]:
    """The split of each item, and the gold expressions in file order."""
    rows = (folder / "sample.tsv").read_text(encoding="utf-8").splitlines()[1:]
    splits = dict(row.split("\t") for row in rows)
    with (folder / "gold.jsonl").open(encoding="utf-8") as handle:
        gold = [json.loads(line) for line in handle if line.strip()]
    return splits, gold


def read_items(ids: set[str], feed: Path = FEED) -> dict[str, dict[str, str]]:
    items = {}
    with feed.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item["id"] in ids:
                items[item["id"]] = item
    return items


def score(part: str = "all", folder: Path = GOLD, feed: Path = FEED) -> DayScore:
    splits, gold = read_gold(folder)
    wanted = {row["id"] for row in gold if part in ("all", splits.get(str(row["id"])))}
    items = read_items({str(i) for i in wanted}, feed)
    result = DayScore()
    tagged: dict[str, list[tuple[int, int, str | None]]] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in gold:
        item_id, expression, day = str(row["id"]), row["expression"], row["date"]
        if item_id not in wanted or expression is None:
            continue
        item = items[item_id]
        text = item["text"]
        if item_id not in tagged:
            found = find_dates(item_id, text, list(parse(text)), item["published"])
            tagged[item_id] = [(d.start, d.end, d.value) for d in found]
        # The nth occurrence of the expression in the item, for the nth gold row naming it.
        nth = seen.get((item_id, expression), 0)
        seen[(item_id, expression)] = nth + 1
        start = -1
        for _ in range(nth + 1):
            start = text.find(expression, start + 1)
        if start < 0:
            result.errors.append(f"{item_id}: {expression!r} not in the text")
            continue
        end = start + len(expression)
        covering = [v for s, e, v in tagged[item_id] if s < end and start < e]
        ours = covering[0][:10] if covering and covering[0] else None
        if day is None:
            result.undated += 1
            result.undated_right += ours is None or not ours[:1].isdigit()
            continue
        result.expressions += 1
        if ours == day:
            result.right += 1
        else:
            result.errors.append(
                f"{item_id} ({item['published']}): {expression!r} gold {day}, ours {ours}"
            )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="Score incident days on the portal feed.")
    parser.add_argument("--part", choices=["dev", "aside", "all"], default="all")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = parser.parse_args()
    parts = ["dev", "aside"] if args.part == "all" else [args.part]
    for part in parts:
        result = score(part)
        print(result.line(part))
        if args.verbose:
            for error in result.errors:
                print("  " + error)


if __name__ == "__main__":
    main()
