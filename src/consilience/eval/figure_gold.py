"""The figure development gold on real news (`tests/data/figure_dev/`), and the agreement
of its two annotators.

The gold names items of `../shared/data` by id (a portal item's `id`, an ECB+ article's
`topic/file`) and each figure by its number as written and which occurrence of that string
it is; the text itself stays in `../shared/data`. `sample.tsv` says which items are
development and which are kept aside (`scripts/figure_sample.py` drew them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consilience.eval.figures import FigureScore, score_documents
from consilience.extract import extract_many
from consilience.ingest import Document, Metadata, ingest_file, make_document

GOLD_DIR = Path(__file__).resolve().parents[3] / "tests" / "data" / "figure_dev"
PARTS = ("portal dev", "portal aside", "ecbplus dev", "ecbplus aside")


@dataclass(frozen=True)
class GoldItem:
    part: str  # "portal dev", "ecbplus aside", ...
    key: str  # "portal:2025-01-01-000", "ecbplus:8/8_1ecb.txt"
    document: Document


def read_sample(gold_dir: Path = GOLD_DIR) -> dict[str, str]:
    """key -> part, from sample.tsv."""
    parts: dict[str, str] = {}
    lines = (gold_dir / "sample.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        split, source, ident = line.split("\t")
        parts[f"{source}:{ident}"] = f"{source} {split}"
    return parts


def load_items(data_dir: Path, gold_dir: Path = GOLD_DIR) -> list[GoldItem]:
    """The sampled items as the tool reads them: a portal item with its published day, an
    ECB+ article as its file."""
    parts = read_sample(gold_dir)
    portal: dict[str, dict[str, Any]] = {}
    wanted = {key.split(":", 1)[1] for key in parts if key.startswith("portal:")}
    with (data_dir / "portal" / "portal-2025.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                portal[record["id"]] = record
    items = []
    for key, part in parts.items():
        source, ident = key.split(":", 1)
        if source == "portal":
            record = portal[ident]
            document = make_document(
                text=record["text"], path=key, source_file=key, format="jsonl",
                encoding="utf-8", metadata=Metadata(published=record["published"]),
            )  # fmt: skip
        else:
            found = ingest_file(str(data_dir / "ecbplus-dev" / ident))
            document = next(item for item in found if isinstance(item, Document))
        items.append(GoldItem(part, key, document))
    return items


def read_annotation(path: Path) -> dict[str, list[dict[str, Any]]]:
    """key -> figures, from an annotation file (JSONL: `key`, `figures`)."""
    figures: dict[str, list[dict[str, Any]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            figures[record["key"]] = record["figures"]
    return figures


def _occurrence_start(text: str, number_text: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.find(number_text, start + 1)
        if start < 0:
            raise ValueError(f"{number_text!r} does not occur {occurrence} time(s)")
    return start


def placed(item: GoldItem, figures: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Gold figures with their character span in the document's text."""
    text = item.document.text
    for figure in figures:
        start = _occurrence_start(text, figure["number_text"], figure.get("occurrence", 1))
        end = start + len(figure["number_text"])
        yield {**figure, "file": item.key, "start": start, "end": end,
               "span": text[max(0, start - 60):end + 60]}  # fmt: skip


def score_parts(
    items: list[GoldItem], gold: dict[str, list[dict[str, Any]]]
) -> dict[str, FigureScore]:
    """Extract every item once and score each part."""
    claims = extract_many([item.document for item in items])
    predictions = {
        item.key: [claim.to_dict() for claim in found.figures]
        for item, found in zip(items, claims, strict=True)
    }
    scores = {}
    for part in PARTS:
        chosen = [item for item in items if item.part == part]
        gold_figures = [f for item in chosen for f in placed(item, gold.get(item.key, []))]
        scores[part] = score_documents(
            gold_figures, {item.key: predictions[item.key] for item in chosen}, overlap=True
        )
    return scores


@dataclass(frozen=True)
class Agreement:
    both: int  # figures both annotators list (same item, number and occurrence)
    only_first: int
    only_second: int
    same_measure: int  # of `both`
    same_interval: int  # of `both`
    kappa_measure: float  # Cohen's kappa of the measure on `both`

    @property
    def f1(self) -> float:
        """Detection agreement: F1 of one annotator scored against the other."""
        total = 2 * self.both + self.only_first + self.only_second
        return 2 * self.both / total if total else 1.0


def agreement(
    first: dict[str, list[dict[str, Any]]], second: dict[str, list[dict[str, Any]]]
) -> Agreement:
    def keyed(figures: list[dict[str, Any]]) -> dict[tuple[str, int], dict[str, Any]]:
        return {(f["number_text"], f.get("occurrence", 1)): f for f in figures}

    both = only_first = only_second = same_measure = same_interval = 0
    pairs: list[tuple[str, str]] = []
    for key in sorted(set(first) | set(second)):
        a, b = keyed(first.get(key, [])), keyed(second.get(key, []))
        only_first += len(a.keys() - b.keys())
        only_second += len(b.keys() - a.keys())
        for shared in a.keys() & b.keys():
            both += 1
            pairs.append((a[shared]["measure"], b[shared]["measure"]))
            same_measure += a[shared]["measure"] == b[shared]["measure"]
            same_interval += (a[shared]["low"], a[shared]["high"]) == (
                b[shared]["low"], b[shared]["high"]
            )  # fmt: skip
    return Agreement(both, only_first, only_second, same_measure, same_interval, _kappa(pairs))


def _kappa(pairs: list[tuple[str, str]]) -> float:
    if not pairs:
        return 1.0
    observed = sum(a == b for a, b in pairs) / len(pairs)
    labels = {label for pair in pairs for label in pair}
    expected = sum(
        (sum(a == label for a, _ in pairs) / len(pairs))
        * (sum(b == label for _, b in pairs) / len(pairs))
        for label in labels
    )
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def format_agreement(agreed: Agreement) -> str:
    return (
        f"both {agreed.both}, only first {agreed.only_first}, only second "
        f"{agreed.only_second}: detection F1 {agreed.f1:.3f}; on figures both list, measure "
        f"{agreed.same_measure / max(agreed.both, 1):.3f} (kappa {agreed.kappa_measure:.3f}), "
        f"low/high {agreed.same_interval / max(agreed.both, 1):.3f}"
    )
