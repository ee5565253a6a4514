"""The ledger: versioned schema, incremental builds, and replacement of changed files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import consilience.api
from consilience import Ledger, LedgerError, build
from consilience.store import SCHEMA_VERSION


@pytest.fixture
def corpus(tmp_path: Path, examples_dir: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(examples_dir, target)
    return target


def test_new_ledger_is_wal_and_records_its_schema_version(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "l.db"
    with build([str(corpus)], path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "entities", "figures", "dates", "events", "quotes"} <= tables
    for table in ("entities", "figures", "dates", "events", "quotes"):
        columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        assert {"doc_id", "start", "end"} <= columns
    db.close()


def test_ledger_from_a_newer_version_is_refused(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "l.db"
    build([str(corpus)], path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(LedgerError, match="newer than this consilience understands"):
        Ledger(path)


def test_version_1_ledger_is_upgraded_and_realigned_on_next_build(
    tmp_path: Path, corpus: Path
) -> None:
    path = tmp_path / "l.db"
    with build([str(corpus)], path) as ledger:
        slots_before = ledger.slots()
        assert ledger.actors()
    db = sqlite3.connect(path)  # make it the version-1 file an older consilience wrote
    for kind, name in db.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'index') "
        "AND (name LIKE 'documents_fts%' OR name LIKE '%_rank' OR name = 'figures_measure' OR name = 'documents_published')"
    ).fetchall():
        db.execute(f"DROP {kind} {name}")
    db.execute("DROP TABLE documents_fts")
    db.execute("DROP TABLE actors")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Ledger(path) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        assert upgraded.actors() == []
        assert not upgraded.alignment_current()
        assert upgraded.search("the")  # the full-text index was built from the old rows
    with build([str(corpus)], path) as rebuilt:
        assert rebuilt.last_build is not None and rebuilt.last_build.extracted == 0
        assert rebuilt.actors()
        assert rebuilt.slots() == slots_before


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE customers (name TEXT)")
    db.commit()
    db.close()
    with pytest.raises(LedgerError, match="not a consilience ledger"):
        Ledger(path)


def test_rebuild_of_unchanged_corpus_does_no_extraction(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "l.db"
    first = build([str(corpus)], path)
    assert first.last_build.extracted == 6
    before = first.to_json()
    first.close()

    def refuse(document: object) -> None:
        raise AssertionError("an unchanged document was extracted again")

    monkeypatch.setattr(consilience.api, "extract_batch", refuse)
    second = build([str(corpus)], path)
    assert (second.last_build.extracted, second.last_build.unchanged) == (0, 6)
    assert second.to_json() == before
    second.close()


def test_changed_file_replaces_its_old_claims(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "l.db"
    build([str(corpus)], path).close()
    courier = corpus / "marrowby-courier.txt"
    courier.write_text(courier.read_text().replace("Ilsa Montreve", "Karin Vostok"))
    with build([str(corpus)], path) as ledger:
        assert (ledger.last_build.extracted, ledger.last_build.removed) == (1, 1)
        documents = [d for d in ledger.documents() if d["path"].endswith("marrowby-courier.txt")]
        assert len(documents) == 1
        names = {e["text"] for e in ledger.entities() if e["doc"] == documents[0]["id"]}
        assert "Karin Vostok" in names and "Ilsa Montreve" not in names
        assert all("Ilsa Montreve" not in e["text"] for e in ledger.entities())


def test_jsonl_line_removed_from_a_file_leaves_the_ledger(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "l.db"
    build([str(corpus)], path).close()
    feed = corpus / "radio-kelvara.jsonl"
    feed.write_text(feed.read_text().splitlines()[1] + "\n")
    with build([str(corpus)], path) as ledger:
        paths = [d["path"] for d in ledger.documents() if "radio-kelvara" in d["path"]]
        assert paths == [f"{feed}#1"]
        assert (ledger.last_build.removed, ledger.last_build.extracted) == (1, 0)
        assert ledger.document_count() == 5


def test_identical_copies_in_two_files_are_kept_while_either_holds_them(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = "Wire copy: a tremor shook Ostvel and 3 people were hurt.\n"
    (corpus / "a.txt").write_text(text)
    (corpus / "b.txt").write_text(text)
    path = tmp_path / "l.db"
    with build([str(corpus)], path) as ledger:
        assert ledger.document_count() == 1
    (corpus / "a.txt").write_text("A different story about 9 goats.\n")
    with build([str(corpus)], path) as ledger:
        texts = sorted(ledger.document_text(d["id"]) or "" for d in ledger.documents())
        assert texts == ["A different story about 9 goats.\n", text]


def test_claims_carry_spans_into_the_stored_text(tmp_path: Path, corpus: Path) -> None:
    with build([str(corpus)], tmp_path / "l.db") as ledger:
        texts = {d["id"]: ledger.document_text(d["id"]) for d in ledger.documents()}
        entities = ledger.entities()
        assert entities
        for claim in entities:
            assert texts[claim["doc"]][claim["start"] : claim["end"]] == claim["text"]


def test_stored_slots_are_ranked_most_reported_first(tmp_path: Path, corpus: Path) -> None:
    from consilience.align import align_slots

    with build([str(corpus)], tmp_path / "l.db") as ledger:
        stored = ledger.slots()
        assert [slot["id"] for slot in stored] == [slot.id for slot in align_slots(ledger)]
    sources = [slot["sources"] for slot in stored]
    assert len(stored) > 3 and sources == sorted(sources, reverse=True)
