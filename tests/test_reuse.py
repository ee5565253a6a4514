"""Text reuse: shared, lightly reworded passages between documents are found with both
spans, and unrelated documents are not linked."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience import build
from consilience.align.reuse import find_reuse

from .conftest import EXAMPLES


def test_reworded_passage_between_two_outlets_is_found(tmp_path: Path) -> None:
    with build([str(EXAMPLES)], tmp_path / "l.db") as ledger:
        documents = {d["id"]: d for d in ledger.documents()}
        texts = {doc_id: ledger.document_text(doc_id) or "" for doc_id in documents}
        [link] = ledger.reuse()
    names = {Path(documents[link["a"]]["path"]).name, Path(documents[link["b"]]["path"]).name}
    assert names == {"harbour-gazette.txt", "northwind-wire.html"}
    shared = [
        (texts[link["a"]][p["a_start"] : p["a_end"]], texts[link["b"]][p["b_start"] : p["b_end"]])
        for p in link["passages"]
    ]
    assert any(
        "rose by more than two metres" in a + b and "rose more than two metres" in a + b
        for a, b in shared
    )
    assert 0 < link["score"] <= 1


def test_rewording_is_caught_but_different_stories_are_not() -> None:
    documents = [
        (
            "a" * 16,
            "Troops of the former army attacked the civilian population of Dellow from both land and sea on the night of May 3. Shops were closed.",
        ),
        (
            "b" * 16,
            "On the night of May 3, the former army troops attacked Dellow by the land and sea and carried out punitive raids.",
        ),
        (
            "c" * 16,
            "A new bridge over the Kell river opened to traffic on Monday after four years of construction work.",
        ),
    ]
    [link] = find_reuse(documents)
    assert (link.a, link.b) == ("a" * 16, "b" * 16)
    [passage] = link.passages
    assert documents[0][1][passage.a_start : passage.a_end].startswith("Troops of the former army")
    assert documents[1][1][passage.b_start : passage.b_end].startswith("On the night of May 3")


def test_the_seed_copies_are_linked(seeds_dir: Path, tmp_path: Path) -> None:
    with build([str(seeds_dir)], tmp_path / "seeds.db") as ledger:
        names = {d["id"]: Path(d["path"]).name[:3] for d in ledger.documents()}
        texts = {doc_id: ledger.document_text(doc_id) or "" for doc_id in names}
        links = ledger.reuse()
    pair = next(link for link in links if {names[link["a"]], names[link["b"]]} == {"000", "002"})
    passages = " ".join(
        texts[pair["a"]][p["a_start"] : p["a_end"]]
        + " | "
        + texts[pair["b"]][p["b_start"] : p["b_end"]]
        for p in pair["passages"]
    )
    assert "from both land and sea" in passages and "by the land and sea" in passages


def test_reuse_is_deterministic() -> None:
    texts = [(f"{i:016x}", (EXAMPLES / name).read_text(encoding="utf-8")) for i, name in enumerate(
        ["harbour-gazette.txt", "marrowby-courier.txt"]
    )]  # fmt: skip
    assert [link.to_dict() for link in find_reuse(texts)] == [
        link.to_dict() for link in find_reuse(texts)
    ]


def test_alignment_is_redone_only_when_the_corpus_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import consilience.api

    path = tmp_path / "l.db"
    build([str(EXAMPLES)], path).close()
    calls: list[int] = []
    real_align = consilience.api.align
    monkeypatch.setattr(
        consilience.api, "align", lambda ledger: calls.append(1) or real_align(ledger)
    )
    build([str(EXAMPLES)], path).close()
    assert calls == []
    extra = tmp_path / "extra.txt"
    extra.write_text(
        "The river rose by more than two metres in less than an hour, ripping cars from the streets of the lower town.\n"
    )
    with build([str(EXAMPLES), str(extra)], path) as ledger:
        assert calls == [1]
        assert len(ledger.reuse()) >= 2
