"""Score event grouping on a real current-events feed against the feed's own filing.

The portal files each item under a chain of article titles (`topics`). Items filed under
the same article about one incident (an earthquake, a crash, a shooting) report the same
event. Which titles name one incident was decided by two independent annotators from the
titles alone (tests/data/portal_topics/annotator*.tsv); a title is gold when both say
`incident`. Their agreement is printed.

The tool never reads `topics` or `section`: the feed is rewritten without them before it is
built. Only killed and wounded figures of items filed under a gold incident are scored, as
pairs (two figures in one event) and B-cubed, per measure.

Usage: python -m consilience.eval.portal [FEED] [--since DAY] [--until DAY] [--ledger PATH]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from consilience.store import Ledger

ANNOTATIONS = Path(__file__).resolve().parents[3] / "tests" / "data" / "portal_topics"
SCORED_MEASURES = ("killed", "wounded")
# The fields the tool may read; the filing stays with the scorer.
TOOL_FIELDS = ("id", "text", "published", "publisher", "url")


@dataclass
class ClusterScore:
    """Pairwise and B-cubed precision and recall of a clustering against gold labels."""

    items: int
    gold_pairs: int
    predicted_pairs: int
    pair_precision: float
    pair_recall: float
    bcubed_precision: float
    bcubed_recall: float

    @property
    def pair_f1(self) -> float:
        return _f1(self.pair_precision, self.pair_recall)

    @property
    def bcubed_f1(self) -> float:
        return _f1(self.bcubed_precision, self.bcubed_recall)

    def line(self) -> str:
        return (
            f"{self.items} figures, {self.gold_pairs} gold pairs, {self.predicted_pairs} "
            f"predicted: pairwise P {self.pair_precision:.3f} R {self.pair_recall:.3f} "
            f"F1 {self.pair_f1:.3f}; B-cubed P {self.bcubed_precision:.3f} "
            f"R {self.bcubed_recall:.3f} F1 {self.bcubed_f1:.3f}"
        )


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_clusters(pairs: Iterable[tuple[str, str]]) -> ClusterScore:
    """(gold label, predicted cluster) per item."""
    items = list(pairs)
    gold = Counter(g for g, _ in items)
    predicted = Counter(p for _, p in items)
    both = Counter(items)

    def pairs_of(counts: Counter[str] | Counter[tuple[str, str]]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    gold_pairs, predicted_pairs, shared = pairs_of(gold), pairs_of(predicted), pairs_of(both)
    n = len(items)
    bp = sum(both[item] / predicted[item[1]] for item in items) / n if n else 0.0
    br = sum(both[item] / gold[item[0]] for item in items) / n if n else 0.0
    return ClusterScore(
        items=n,
        gold_pairs=gold_pairs,
        predicted_pairs=predicted_pairs,
        pair_precision=shared / predicted_pairs if predicted_pairs else 1.0,
        pair_recall=shared / gold_pairs if gold_pairs else 1.0,
        bcubed_precision=bp,
        bcubed_recall=br,
    )


def annotator_agreement(folder: Path = ANNOTATIONS) -> tuple[set[str], str]:
    """Titles both annotators call an incident, and a line on their agreement."""
    labels = []
    for path in sorted(folder.glob("annotator*.tsv")):
        rows = [line.rstrip("\n").split("\t") for line in path.read_text("utf-8").splitlines()]
        labels.append(dict((title, label) for title, label in rows))
    first, second = labels[0], labels[1]
    titles = sorted(first)
    n = len(titles)
    observed = sum(first[t] == second[t] for t in titles) / n
    one, two = Counter(first.values()), Counter(second.values())
    expected = sum(one[k] * two[k] for k in one) / (n * n)
    kappa = (observed - expected) / (1 - expected)
    incidents = {t for t in titles if first[t] == second[t] == "incident"}
    line = (
        f"gold: {n} titles, annotators agree on {observed:.1%} (Cohen's kappa {kappa:.3f}); "
        f"{len(incidents)} titles both call one incident"
    )
    return incidents, line


def tool_feed(feed: Path, out: Path, since: str, until: str) -> dict[int, dict[str, object]]:
    """Write the items published in [since, until) without the filing; return each kept
    item (filing included) by its line number in the written file."""
    kept: dict[int, dict[str, object]] = {}
    with feed.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as sink:
        for line in source:
            item = json.loads(line)
            if not since <= str(item["published"]) < until:
                continue
            sink.write(json.dumps({k: item[k] for k in TOOL_FIELDS if k in item}) + "\n")
            kept[len(kept) + 1] = item
    return kept


def figure_clusters(ledger: Ledger) -> dict[str, str]:
    """The event each figure claim was put in: its event when the ledger has events, else
    its slot (ledgers from before events)."""
    cluster: dict[str, str] = {}
    for slot in ledger.slots():
        event = slot.get("event") or {}
        label = str(event.get("id") or slot["id"])
        for claim in slot.get("claims") or []:
            cluster[str(claim)] = label
    return cluster


def score_ledger(
    ledger: Ledger, items: dict[int, dict[str, object]], incidents: set[str]
) -> dict[str, ClusterScore]:
    """Per measure, the ClusterScore of killed and wounded figures of gold incidents."""
    line_of = {}
    for document in ledger.documents():
        path = str(document.get("path") or "")
        if "#" in path:
            line_of[str(document["id"])] = int(path.rsplit("#", 1)[1])
    clusters = figure_clusters(ledger)
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for figure in ledger.iter_claims("figures"):
        measure = str(figure.get("measure"))
        if measure not in SCORED_MEASURES:
            continue
        item = items.get(line_of.get(str(figure["doc"]), -1))
        topics = item.get("topics") if item else None
        if not topics or not isinstance(topics, list) or topics[-1] not in incidents:
            continue
        predicted = clusters.get(str(figure["id"]), f"unslotted:{figure['id']}")
        pairs[measure].append((str(topics[-1]), predicted))
    return {measure: score_clusters(pairs[measure]) for measure in SCORED_MEASURES}


def pair_errors(
    ledger: Ledger, items: dict[int, dict[str, object]], incidents: set[str], measure: str
) -> list[str]:
    """Killed (or other `measure`) figures put together across gold incidents, and gold
    incidents split across events: one line each, with the items' text."""
    line_of = {
        str(d["id"]): int(str(d["path"]).rsplit("#", 1)[1])
        for d in ledger.documents()
        if "#" in str(d.get("path") or "")
    }
    clusters = figure_clusters(ledger)
    by_event: dict[str, set[tuple[str, int]]] = defaultdict(set)
    by_gold: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for figure in ledger.iter_claims("figures"):
        if figure.get("measure") != measure:
            continue
        number = line_of.get(str(figure["doc"]), -1)
        topics = items.get(number, {}).get("topics")
        if not isinstance(topics, list) or not topics or topics[-1] not in incidents:
            continue
        event = clusters.get(str(figure["id"]), "?")
        by_event[event].add((str(topics[-1]), number))
        by_gold[str(topics[-1])].add((event, number))
    lines = []
    for event, members in sorted(by_event.items()):
        if len({gold for gold, _ in members}) > 1:
            lines.append(f"merged {event}:")
            lines += [f"    [{gold}] {str(items[n]['text'])[:110]}" for gold, n in sorted(members)]
    for gold, members in sorted(by_gold.items()):
        if len({event for event, _ in members}) > 1:
            lines.append(f"split {gold}:")
            lines += [f"    {ev} {str(items[n]['text'])[:110]}" for ev, n in sorted(members)]
    return lines


def main() -> None:
    shared = Path(__file__).resolve().parents[3].parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "feed", nargs="?", type=Path, default=shared / "data" / "portal" / "portal-2025.jsonl"
    )
    parser.add_argument("--since", default="0000", help="first publication day kept")
    parser.add_argument("--until", default="9999", help="first publication day left out")
    parser.add_argument("--ledger", type=Path, help="keep the built ledger here")
    parser.add_argument(
        "--built", action="store_true", help="score the ledger at --ledger as it is, unbuilt"
    )
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--verbose", "-v", action="store_true", help="list wrong pairs")
    args = parser.parse_args()
    incidents, agreement = annotator_agreement()
    print(agreement)
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "feed.jsonl"
        items = tool_feed(args.feed, feed, args.since, args.until)
        path = args.ledger or Path(folder) / "feed.db"
        if not args.built:
            from consilience.api import build

            build([str(feed)], path, workers=args.workers).close()
        with Ledger(path, readonly=True) as ledger:
            for measure, score in score_ledger(ledger, items, incidents).items():
                print(f"{measure}: {score.line()}")
            if args.verbose:
                for line in pair_errors(ledger, items, incidents, "killed"):
                    print("  " + line)


if __name__ == "__main__":
    main()
