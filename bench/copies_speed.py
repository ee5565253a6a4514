"""Timeline of near-copies: `build_timeline` on one wire story syndicated N times should cost
about linearly in N. Prints seconds, the ratio to the previous size and the entries found.

Usage: python bench/copies_speed.py [--copies 30 60 120 240] [--repeat 3] [--export X.json]

The dated statements come from one extraction of the seed articles (a build of the seeds
folder into a temporary ledger, or the `statements` of a `consilience export --format json`
given with --export), then are replicated N times under new document ids, as N outlets
carrying the same five articles would give them: in each copy of an article the first
statement with a clause ends with the name of its outlet ("... (Holmarbridgekelvenash)"),
and one or two other statements of the copy have one word changed into a made-up one (a
word that other statements shared would chain different happenings together). Copy k is
the same whatever N, so each corpus holds the smaller ones. Only `build_timeline` is timed
(no spaCy, no ledger), in CPU seconds of this process (less disturbed than wall time on a
shared machine), the best of --repeat runs.

A timeline that merges the copies keeps the seeds' entries, each listing N times their
documents (`widest`: the documents of the largest entry), plus one entry per copy of each
statement with fewer than two content words, and an entry for each edited copy of a short
statement left with fewer than two words in common with the others.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from consilience import build
from consilience.align.timeline import build_timeline

SEEDS = Path(os.environ.get("CONSILIENCE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEEDS = SEEDS / "seeds"
_SYLLABLES = ["hol", "mar", "row", "bridge", "kel", "ost", "ven", "brae", "dun", "ash", "wick"]
_WORD = re.compile(r"[^\W\d_]{4,}")


def seed_statements(export: Path | None) -> list[dict[str, Any]]:
    """The dated statements of the seed articles, from an export or a fresh build."""
    if export is not None:
        record = json.loads(export.read_text(encoding="utf-8"))
        # an export written before the claim kind was renamed calls them events
        return list(record["statements"] if "statements" in record else record["events"])
    with (
        tempfile.TemporaryDirectory() as folder,
        build([str(SEEDS)], Path(folder) / "seeds.db") as ledger,
    ):
        return ledger.claims("statements")


def made_up(rng: random.Random) -> str:
    """A word no seed article has and no other copy, such as an outlet's name."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(6)).capitalize()


def copies(statements: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """`count` copies of every seed document, each under its own outlet, with small edits."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for statement in sorted(statements, key=lambda s: s["id"]):
        by_doc.setdefault(statement["doc"], []).append(statement)
    corpus = []
    for number in range(count):
        for doc, originals in sorted(by_doc.items()):
            rng = random.Random(f"{doc}:{number}")
            copy_id = hashlib.sha1(f"{doc}:{number}".encode()).hexdigest()[:16]
            edited = [dict(s, doc=copy_id, id=copy_id + s["id"][len(doc) :]) for s in originals]
            with_text = [s for s in edited if _WORD.search(s.get("what") or "")]
            if with_text:
                with_text[0]["what"] += f" ({made_up(rng)})"
                others = with_text[1:]
                for statement in rng.sample(others, min(len(others), rng.randint(1, 2))):
                    words = _WORD.findall(statement["what"])
                    changed = rng.choice(words)
                    statement["what"] = statement["what"].replace(changed, made_up(rng).lower(), 1)
            corpus.extend(edited)
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[30, 60, 120, 240])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--export", type=Path, help="take the seed statements from this export")
    args = parser.parse_args()
    statements = seed_statements(args.export)
    documents = len({s["doc"] for s in statements})
    alone = build_timeline(statements)
    print(f"seeds: {documents} documents, {len(statements)} statements, {len(alone)} entries")
    print(f"{'copies':>6} {'statements':>10} {'seconds':>8} {'ratio':>6} {'entries':>8}", end="")
    print(f" {'widest':>7}")
    previous = None
    for count in args.copies:
        corpus = copies(statements, count)
        elapsed = math.inf
        for _ in range(args.repeat):
            started = time.process_time()
            timeline = build_timeline(corpus)
            elapsed = min(elapsed, time.process_time() - started)
        ratio = f"{elapsed / previous:6.2f}" if previous else f"{'':>6}"
        widest = max(len(entry.documents) for entry in timeline)
        print(
            f"{count:>6} {len(corpus):>10} {elapsed:>8.2f} {ratio} {len(timeline):>8} {widest:>7}"
        )
        previous = elapsed


if __name__ == "__main__":
    main()
