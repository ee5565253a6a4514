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
from pathlib import Path
from typing import Any

from consilience.align.figures import MEASURE_FAMILY

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

    def claims_at(file: str, start: int, end: int) -> set[str]:
        return {
            f["id"]
            for f in figures
            if files.get(f["doc"]) == file and f["start"] < end and start < f["end"]
        }

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
    from consilience.api import build

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        ledger = build([str(seeds_dir)], ledger=Path(folder) / "seeds.db")
        files = {str(d["id"]): Path(str(d["path"])).name for d in ledger.documents()}
        score = score_alignment(gold, ledger.slots(), ledger.figures(), files)
        ledger.close()
    return score


def main() -> None:
    root = Path(__file__).resolve().parents[3].parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=root / "gold" / "seeds_gold.json")
    parser.add_argument("seeds", nargs="?", type=Path, default=root / "seeds")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    score = score_seeds(args.gold, args.seeds)
    print(score.line())
    if args.verbose:
        for error in score.errors:
            print(f"  {error}")


if __name__ == "__main__":
    main()
