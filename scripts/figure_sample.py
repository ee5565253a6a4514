"""Draw the figure development sample from ../shared/data (ids only; the text stays there).

Portal items that state a number, stratified by the portal's section (used only to draw the
sample, never as input): January-August is development, September-October is kept aside.
ECB+ articles from topics about violence and disasters, a few from others for precision;
the kept-aside articles come from topics the development part does not use.

Usage: python scripts/figure_sample.py > tests/data/figure_dev/sample.tsv
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"hundreds?|thousands?|millions?|several|scores)\b",
    re.IGNORECASE,
)
_SECTIONS = {
    "Armed conflicts and attacks": 60,
    "Disasters and accidents": 50,
    "Law and crime": 25,
    "other": 15,
}
_ECB_DEV = {"8": 3, "12": 3, "14": 3, "18": 3, "19": 3, "24": 1, "29": 1}
_ECB_ASIDE = {"38": 2, "21": 2, "32": 2, "30": 1}


def _portal(rng: random.Random) -> list[tuple[str, str, str]]:
    items = [json.loads(line) for line in (SHARED / "portal" / "portal-2025.jsonl").open()]
    rows = []
    for split, months, share in (("dev", range(1, 9), 1.0), ("aside", range(9, 11), 0.5)):
        for section, wanted in _SECTIONS.items():
            pool = [
                item["id"]
                for item in items
                if int(item["published"][5:7]) in months
                and _NUMBER.search(item["text"])
                and (item["section"] == section or (section == "other" and item["section"]
                     not in _SECTIONS))
            ]  # fmt: skip
            for item_id in sorted(rng.sample(pool, round(wanted * share))):
                rows.append((split, "portal", item_id))
    return rows


def _ecbplus(rng: random.Random) -> list[tuple[str, str, str]]:
    rows = []
    for split, topics in (("dev", _ECB_DEV), ("aside", _ECB_ASIDE)):
        for topic, wanted in topics.items():
            names = sorted(path.name for path in (SHARED / "ecbplus-dev" / topic).glob("*.txt"))
            for name in sorted(rng.sample(names, wanted)):
                rows.append((split, "ecbplus", f"{topic}/{name}"))
    return rows


def main() -> None:
    rng = random.Random(14)
    print("split\tsource\tid")
    for row in _portal(rng) + _ecbplus(rng):
        print("\t".join(row))


if __name__ == "__main__":
    main()
