"""Score event grouping on ECB+ topics: each topic holds articles about two similar events
(two bank bombings, two earthquakes), told apart by the file name (`N_Mecb.txt` for one,
`N_Mecbplus.txt` for the other). Killed and wounded figures of the two must never share
an event; those of one should.

Usage: python -m consilience.eval.ecbplus [TOPICS_DIR] [--topics 1,3,5] [--ledger PATH]
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from pathlib import Path, PurePath

from consilience.eval.portal import SCORED_MEASURES, ClusterScore, figure_clusters, score_clusters
from consilience.store import Ledger


def subtopic(path: str) -> str | None:
    """ "3/3_7ecbplus.txt" -> "3/ecbplus"; None for a file outside the naming."""
    name = PurePath(path).name
    topic = PurePath(path).parent.name
    if name.endswith("ecbplus.txt"):
        return f"{topic}/ecbplus"
    if name.endswith("ecb.txt"):
        return f"{topic}/ecb"
    return None


def score_ledger(ledger: Ledger) -> tuple[dict[str, ClusterScore], int, int]:
    """Per measure the ClusterScore; and the events holding figures of both events of one
    topic (the similar pair that must stay apart), out of all events with scored figures."""
    gold_of = {
        str(doc["id"]): label
        for doc in ledger.documents()
        if (label := subtopic(str(doc.get("path") or ""))) is not None
    }
    clusters = figure_clusters(ledger)
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    members: dict[str, set[str]] = defaultdict(set)
    for figure in ledger.iter_claims("figures"):
        measure = str(figure.get("measure"))
        gold = gold_of.get(str(figure["doc"]))
        if measure not in SCORED_MEASURES or gold is None:
            continue
        predicted = clusters.get(str(figure["id"]), f"unslotted:{figure['id']}")
        pairs[measure].append((gold, predicted))
        members[predicted].add(gold)
    mixed = sum(
        len(labels) != len({label.split("/")[0] for label in labels}) for labels in members.values()
    )
    return {m: score_clusters(pairs[m]) for m in SCORED_MEASURES}, mixed, len(members)


def main() -> None:
    shared = Path(__file__).resolve().parents[3].parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topics_dir", nargs="?", type=Path, default=shared / "data" / "ecbplus-dev")
    parser.add_argument("--topics", help="comma-separated topic folders (default: all)")
    parser.add_argument("--ledger", type=Path, help="keep the built ledger here")
    parser.add_argument("--built", action="store_true", help="score --ledger as it is")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    chosen = args.topics.split(",") if args.topics else None
    folders = sorted(
        str(p) for p in args.topics_dir.iterdir() if p.is_dir() and (not chosen or p.name in chosen)
    )
    with tempfile.TemporaryDirectory() as folder:
        path = args.ledger or Path(folder) / "ecbplus.db"
        if not args.built:
            from consilience.api import build

            build(folders, path, workers=args.workers).close()
        with Ledger(path, readonly=True) as ledger:
            scores, mixed, total = score_ledger(ledger)
    for measure, score in scores.items():
        print(f"{measure}: {score.line()}")
    print(f"events mixing the two events of a topic: {mixed} of {total}")


if __name__ == "__main__":
    main()
