"""Score the align stage against the seed annotation's `conflicts` and `agreements`.

For each gold conflict: are the figures it names in one slot (grouped), and does an
explanation of the gold kind cover at least two of the gold values (explained)? A
definition difference may rightly join two slots (killed, recognised), so explanations are
looked for in every slot. Gold kinds map to ours: definition_difference -> subject,
scope_difference -> scope, the rest by name. For each gold agreement: does one value of
one slot list every gold file? The gold lists notable differences, not every pair, so
extra explanations are counted but not scored as errors.

Usage: python -m consilience.eval.align [GOLD_JSON] [SEEDS_DIR] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from consilience.align.figures import MEASURE_FAMILY
from consilience.api import build

CLUSTERS = Path(__file__).resolve().parents[3] / "tests" / "data" / "clusters"
GOLD_KINDS = {"definition_difference": "subject", "scope_difference": "scope"}


@dataclass
class AlignScore:
    conflicts: int = 0
    grouped: int = 0
    explained: int = 0
    agreements: int = 0
    agreements_found: int = 0
    explanations: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        shown = ", ".join(f"{kind} {n}" for kind, n in sorted(self.explanations.items()))
        return (
            f"gold conflicts {self.conflicts}: grouped {self.grouped} "
            f"({_share(self.grouped, self.conflicts)}), explained with the gold kind "
            f"{self.explained} ({_share(self.explained, self.conflicts)}); gold agreements "
            f"{self.agreements}: found {self.agreements_found} "
            f"({_share(self.agreements_found, self.agreements)}); explanations given: {shown}"
        )


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


def score_alignment(
    gold: dict[str, Any],
    slots: list[dict[str, Any]],
    figures: list[dict[str, Any]],
    files: dict[str, str],
) -> AlignScore:
    """Compare stored slots with the gold; `files` maps a document id to its file name."""
    score = AlignScore()
    slot_of: dict[str, dict[str, Any]] = {}
    slots_by_id = {slot["id"]: slot for slot in slots}
    for slot in slots:
        score.explanations.update(item["kind"] for item in slot["explanations"])
        for claim in slot["claims"]:
            slot_of[claim] = slot

    claims_at = partial(_claims_overlapping, figures, files)

    for conflict in gold.get("conflicts", []):
        score.conflicts += 1
        kind = GOLD_KINDS.get(conflict["kind"], conflict["kind"])
        value_claims = [claims_at(v["file"], v["start"], v["end"]) for v in conflict["values"]]
        found = [claims for claims in value_claims if claims]
        homes = {slot_of[c]["id"] for claims in found for c in claims if c in slot_of}
        if len(found) == len(value_claims) and len(homes) == 1:
            score.grouped += 1
        covered = any(
            item["kind"] == kind
            and sum(1 for claims in value_claims if claims & set(item["claims"])) >= 2
            for slot in slots
            for item in slot["explanations"]
        )
        if covered:
            score.explained += 1
        else:
            kinds = sorted({item["kind"] for h in homes for item in slots_by_id[h]["explanations"]})
            score.errors.append(f"no {kind} explanation: {conflict['slot']} (slot has {kinds})")

    for agreement in gold.get("agreements", []):
        score.agreements += 1
        wanted = set(agreement["files"])
        ok = any(
            wanted <= {files.get(doc) for doc in value["documents"]}
            for slot in slots
            if slot["measure"] == MEASURE_FAMILY.get(agreement["measure"], agreement["measure"])
            for value in slot["values"]
        )
        if ok:
            score.agreements_found += 1
        else:
            score.errors.append(f"agreement not found: {agreement['slot']}")
    return score


def score_seeds(gold_path: Path, seeds_dir: Path) -> AlignScore:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        ledger = build([str(seeds_dir)], ledger=Path(folder) / "seeds.db")
        files = {str(d["id"]): Path(str(d["path"])).name for d in ledger.documents()}
        score = score_alignment(gold, ledger.slots(), ledger.figures(), files)
        ledger.close()
    return score


@dataclass
class ClusterScore:
    """Agreement with the held-out report clusters (tests/data/clusters/expected.json)."""

    slots: int = 0
    grouped: int = 0
    verdict: int = 0
    latest: int = 0
    latest_expected: int = 0
    kinds: int = 0
    kinds_found: int = 0
    kept_apart: int = 0
    apart_expected: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"multi-source gold slots {self.slots}: grouped {self.grouped} "
            f"({_share(self.grouped, self.slots)}), verdict equal {self.verdict}; latest "
            f"{self.latest}/{self.latest_expected}; explanation kinds found "
            f"{self.kinds_found}/{self.kinds}; figures kept out of other events' slots "
            f"{self.kept_apart}/{self.apart_expected}"
        )


def _claims_at_text(
    figures: list[dict[str, Any]],
    files: dict[str, str],
    texts: dict[str, str],
    file: str,
    words: str,
) -> set[str]:
    """Figure claims whose clause covers the first occurrence of `words` in `file`."""
    at = texts.get(file, "").find(words)
    return _claims_overlapping(figures, files, file, at, at + len(words)) if at >= 0 else set()


def _claims_overlapping(
    figures: list[dict[str, Any]], files: dict[str, str], file: str, start: int, end: int
) -> set[str]:
    """Figure claims of `file` whose clause overlaps [start, end)."""
    return {
        f["id"]
        for f in figures
        if files.get(f["doc"]) == file and f["start"] < end and start < f["end"]
    }


def score_clusters(clusters_dir: Path) -> ClusterScore:
    """Build each cluster folder and compare its slots with the expected annotation."""
    expected = json.loads((clusters_dir / "expected.json").read_text(encoding="utf-8"))
    score = ClusterScore()
    with tempfile.TemporaryDirectory() as folder:
        for cluster in sorted({item["cluster"] for item in expected["slots"]}):
            ledger = build([str(clusters_dir / cluster)], ledger=Path(folder) / f"{cluster}.db")
            files = {str(d["id"]): Path(str(d["path"])).name for d in ledger.documents()}
            texts = {files[doc]: text for doc, text in ledger.iter_texts()}
            figures, slots = ledger.figures(), ledger.slots()
            ledger.close()
            slot_of = {claim: slot for slot in slots for claim in slot["claims"]}

            claims_for = partial(_claims_at_text, figures, files, texts)

            for item in (i for i in expected["slots"] if i["cluster"] == cluster):
                values = [v for v in item["values"] if v.get("role") != "previous_figure"]
                if len({v["file"] for v in values}) < 2:
                    continue
                score.slots += 1
                found = [claims_for(v["file"], v["text"]) for v in values]
                homes = {slot_of[c]["id"] for claims in found for c in claims if c in slot_of}
                if len(homes) != 1 or not all(found):
                    score.errors.append(
                        f"{cluster}: not grouped: {item['measure']} {item['subject']}"
                    )
                    continue
                score.grouped += 1
                slot = slot_of[next(iter(found[0]))]
                score.verdict += slot["verdict"] == item["verdict"]
                if item.get("latest") is not None:
                    score.latest_expected += 1
                    latest = slot.get("latest") or {}
                    score.latest += latest.get("value") == item["latest"]
                ours = {e["kind"] for e in slot["explanations"]}
                for kind in item["explanations"]:
                    score.kinds += 1
                    if kind in ours:
                        score.kinds_found += 1
                    else:
                        score.errors.append(
                            f"{cluster}: no {kind}: {item['measure']} {item['subject']}"
                        )
            for item in (i for i in expected.get("not_in_slot", []) if i["cluster"] == cluster):
                claims = claims_for(item["file"], item["text"])
                if not claims:
                    continue
                score.apart_expected += 1
                home = slot_of.get(next(iter(claims)))
                if home is None or home["sources"] <= 1:
                    score.kept_apart += 1
                else:
                    score.errors.append(f"{cluster}: joined a slot: {item['text']}")
    return score


def main() -> None:
    root = Path(__file__).resolve().parents[3].parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=root / "gold" / "seeds_gold.json")
    parser.add_argument("seeds", nargs="?", type=Path, default=root / "seeds")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--clusters", type=Path, default=CLUSTERS)
    args = parser.parse_args()
    for score in (score_seeds(args.gold, args.seeds), score_clusters(args.clusters)):
        print(score.line())
        if args.verbose:
            for error in score.errors:
                print(f"  {error}")


if __name__ == "__main__":
    main()
