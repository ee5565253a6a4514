"""The ledger: versioned schema, incremental builds, and replacement of changed files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import consilience.api
from consilience import Ledger, LedgerError, build
from consilience.store import SCHEMA_VERSION
from consilience.store.schema import SCHEMA_V1, SCHEMA_V3

CLAIM_TABLES = ("entities", "figures", "dates", "statements", "incidents", "quotes")


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
    assert {"documents", *CLAIM_TABLES, "slots", "events", "reuse", "timeline"} <= tables
    for table in CLAIM_TABLES:
        columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        assert {"doc_id", "start", "end"} <= columns
    assert {row[1] for row in db.execute("PRAGMA table_info(events)")} == {"id", "rank", "data"}
    db.close()


def old_ledger(current: Path, path: Path, schema: list[str], version: int) -> None:
    """At `path`, the ledger an older consilience (schema `version`, whose tables the SQL
    of `schema` makes) would hold for the corpus of the ledger `current`: its documents,
    extracted by an older extractor, the claims of the kinds that version had (dated
    statements in `events`), and its results."""
    db = sqlite3.connect(path)
    for statement in schema:
        db.execute(statement)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    db.execute("ATTACH DATABASE ? AS current", (str(current),))
    for table in ("meta", "documents", "document_sources", "entities", "figures", "dates",
                  "quotes", "slots", "reuse", "timeline", "actors"):  # fmt: skip
        if table in tables:
            db.execute(f"INSERT INTO main.{table} SELECT * FROM current.{table}")
    db.execute("INSERT INTO main.events SELECT * FROM current.statements")
    db.execute("UPDATE main.documents SET extractor_version = '10'")
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()


def schema_names(path: Path) -> set[tuple[str, str]]:
    db = sqlite3.connect(path)
    names = {
        (str(row[0]), str(row[1])) for row in db.execute("SELECT type, name FROM sqlite_master")
    }
    db.close()
    return names


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
    current = tmp_path / "current.db"
    with build([str(corpus)], current) as ledger:
        slots_before = ledger.slots()
        statements = ledger.statements()
        assert ledger.actors() and statements
    path = tmp_path / "l.db"
    old_ledger(current, path, SCHEMA_V1, 1)  # the version-1 file an older consilience wrote
    with Ledger(path) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        assert upgraded.statements() == statements
        assert upgraded.actors() == []
        assert not upgraded.alignment_current()
        assert upgraded.search("the")  # the full-text index was built from the old rows
    with build([str(corpus)], path) as rebuilt:
        # Extracted again: the extractor changed with the schema (incidents are new).
        assert rebuilt.last_build is not None and rebuilt.last_build.extracted == 6
        assert rebuilt.actors()
        assert rebuilt.slots() == slots_before


def test_version_3_ledger_is_upgraded_and_extracted_again_on_next_build(
    tmp_path: Path, corpus: Path
) -> None:
    current = tmp_path / "current.db"
    with build([str(corpus)], current) as ledger:
        expected = ledger.to_dict()
        kinds = ("entities", "figures", "dates", "statements", "quotes")
        stored = {kind: ledger.claims(kind) for kind in kinds}  # the export adds `event`
    assert expected["statements"] and expected["slots"]
    path = tmp_path / "l.db"
    old_ledger(current, path, SCHEMA_V3, 3)
    with Ledger(path) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION
        assert not upgraded.alignment_current()
        assert upgraded.documents() == expected["documents"]
        for kind in kinds:
            assert upgraded.claims(kind) == stored[kind]
        assert upgraded.incidents() == [] and upgraded.events() == []
        assert upgraded.slots() == expected["slots"]
        assert upgraded.search("the")
        findings = {finding.check: finding for finding in upgraded.check()}
        assert all(f.ok for name, f in findings.items() if name != "results")
        assert findings["results"].warning  # aligned again by the next build
    assert schema_names(path) == schema_names(current)
    with build([str(corpus)], path) as rebuilt:
        # A new extractor version: every document is extracted again.
        assert rebuilt.last_build is not None and rebuilt.last_build.extracted == 6
        assert rebuilt.alignment_current()
        assert rebuilt.to_dict() == expected


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
