"""Draw the incident-day sample from the 2025 portal feed (ids only; the text stays in
../shared/data): every item whose text names a day by a weekday or a deictic day word
("Tuesday", "yesterday", "overnight"), which a reader resolves from the item's date.
January-August is development, September-October is kept aside.

Usage: python scripts/incident_day_sample.py > tests/data/incident_days/sample.tsv
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from consilience.extract.temporal.patterns import alternatives
from consilience.lexicon import load_lexicon

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
_TIME = load_lexicon().time
_DAY_WORDS = re.compile(
    r"\b(?:" + alternatives([*_TIME.weekdays, *_TIME.deictic_days]) + r")\b", re.IGNORECASE
)


def main() -> None:
    print("id\tsplit")
    for line in (SHARED / "portal" / "portal-2025.jsonl").open(encoding="utf-8"):
        item = json.loads(line)
        if _DAY_WORDS.search(item["text"]):
            split = "dev" if int(item["published"][5:7]) <= 8 else "aside"
            print(f"{item['id']}\t{split}")


if __name__ == "__main__":
    main()
