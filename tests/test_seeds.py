"""The five seed articles about Baku, January 1990, ingest and build as a user expects."""

from __future__ import annotations

from pathlib import Path

from consilience import build
from consilience.ingest import Document, IngestProblem, iter_inputs


def test_the_five_seeds_ingest_with_their_stated_dates(seeds_dir: Path) -> None:
    items = list(iter_inputs([str(seeds_dir)]))
    assert not [item for item in items if isinstance(item, IngestProblem)]
    documents = {Path(d.path).name: d for d in items if isinstance(d, Document)}
    assert len(documents) == 5
    assert documents["004_221156d4983b2923.txt"].published == "2026-01-20"
    # A headline that contains a date is not a publication date.
    assert documents["000_11b93566269a3dbc.txt"].published is None
    for name, document in documents.items():
        assert document.text == (seeds_dir / name).read_text(encoding="utf-8")


def test_seed_ledger_spans_point_into_the_files(seeds_dir: Path, tmp_path: Path) -> None:
    with build([str(seeds_dir)], tmp_path / "seeds.db") as ledger:
        assert ledger.last_build.extracted == 5
        paths = {d["id"]: Path(d["path"]) for d in ledger.documents()}
        entities = ledger.entities()
    assert {"Baku", "Azerbaijan"} <= {e["text"] for e in entities}
    for claim in entities:
        text = paths[claim["doc"]].read_text(encoding="utf-8")
        assert text[claim["start"] : claim["end"]] == claim["text"]
