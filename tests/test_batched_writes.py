"""A build stores many documents per commit, and still keeps what it reports as stored.

Real items of the 2025 portal feed and the seed articles, real SQLite ledgers, real
`consilience` processes: a build commits far fewer times than it stores documents and
stores exactly what it stores one commit at a time; a build stopped by SIGTERM, or failing
in the middle of one document's write, has reported exactly the documents its ledger
holds, each whole, the ledger passes `check`, and the next build stores the rest. The
claims' JSON in the ledger is byte for byte what `dataclasses.asdict` gave.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest

import consilience.api
from consilience import Ledger, build
from consilience.exits import Stopped
from consilience.extract import EXTRACTOR_VERSION, extract
from consilience.extract.claims import CLAIM_KINDS, SPAN_FIELDS, Claim, DocumentClaims
from consilience.ingest import Document, ingest_file
from consilience.store.commits import Immediate
from consilience.store.ledger import _attrs_json

from .conftest import SHARED, documents_in, run_cli

PORTAL = SHARED / "data" / "portal" / "portal-2025.jsonl"
# Documents stored before the failure in the middle of a build; fewer than a batch of
# extraction (32), so they are all in the open transaction when it comes.
FAIL_AT = 12


@pytest.fixture
def portal_items(tmp_path: Path) -> Callable[[int], Path]:
    """The first `count` items of the portal feed, as a JSONL file of their own."""
    if not PORTAL.is_file():
        pytest.skip(f"the portal feed is not at {PORTAL}")

    def first(count: int) -> Path:
        path = tmp_path / f"portal-{count}.jsonl"
        with PORTAL.open(encoding="utf-8") as feed:
            path.write_text("".join(next(feed) for _ in range(count)), encoding="utf-8")
        return path

    return first


def documents_of(path: Path) -> list[Document]:
    return [item for item in ingest_file(str(path)) if isinstance(item, Document)]


def claim_ids(ledger: Path) -> dict[str, dict[str, list[str]]]:
    """Each stored document's claim ids, by kind."""
    with Ledger(ledger, readonly=True) as opened:
        record = json.loads(opened.to_json())
    found: dict[str, dict[str, list[str]]] = {
        document["id"]: {kind: [] for kind in CLAIM_KINDS} for document in record["documents"]
    }
    for kind in CLAIM_KINDS:
        for claim in record[kind]:
            found[claim["doc"]][kind].append(claim["id"])
    return found


def extracted_ids(claims: DocumentClaims) -> dict[str, list[str]]:
    return {kind: [claim.id for claim in claims.claims_of(kind)] for kind in CLAIM_KINDS}


def assert_whole_and_checked(ledger: Path, documents: list[Document]) -> None:
    """Every document the ledger holds has exactly the claims extraction gives it, and
    `consilience check` passes (alignment aside: a stopped build did not align)."""
    stored = claim_ids(ledger)
    by_id = {document.id: document for document in documents}
    for doc_id, ids in stored.items():
        assert ids == extracted_ids(extract(by_id[doc_id])), doc_id
    with Ledger(ledger, create=False) as opened:
        failed = [f for f in opened.check() if not f.ok and f.check != "results"]
    assert not failed, failed


# -- the JSON of claims ----------------------------------------------------------------


def asdict_record(claim: Claim) -> dict[str, object]:
    """`Claim.to_dict` as it was: `asdict`, span fields first, the rest sorted."""
    values = asdict(claim)
    record = {key: values.pop(key) for key in SPAN_FIELDS}
    record.update(sorted(values.items()))
    return record


def test_claims_are_stored_as_the_json_asdict_gave(seeds_dir: Path, tmp_path: Path) -> None:
    documents = [doc for path in sorted(seeds_dir.iterdir()) for doc in documents_of(path)]
    found = [extract(document) for document in documents]
    claims = [claim for one in found for kind in CLAIM_KINDS for claim in one.claims_of(kind)]
    assert all(any(one.claims_of(kind) for one in found) for kind in CLAIM_KINDS)
    for claim in claims:
        old = asdict_record(claim)
        new = claim.to_dict()
        assert list(new.items()) == list(old.items()), claim.id  # keys, order and values
        text = json.dumps(
            {key: value for key, value in old.items() if key not in SPAN_FIELDS},
            ensure_ascii=False,
            sort_keys=True,
        )
        assert _attrs_json(claim) == text, claim.id
    # The ledger holds that very text.
    with Ledger(tmp_path / "seeds.db") as ledger:
        for one in found:
            ledger.write_document(one, EXTRACTOR_VERSION)
        stored = {
            claim_id: attrs
            for kind in CLAIM_KINDS[1:]
            for claim_id, attrs in ledger._db.execute(f"SELECT id, attrs FROM {kind}")
        }
    attributed = [claim for claim in claims if claim.id in stored]
    assert len(attributed) == len(stored) > 0
    assert all(stored[claim.id] == _attrs_json(claim) for claim in attributed)


def test_to_dict_copies_what_a_caller_could_change(seeds_dir: Path) -> None:
    (document,) = documents_of(sorted(seeds_dir.iterdir())[0])
    figure = next(claim for claim in extract(document).figures if claim.place)
    record = figure.to_dict()
    record["place"].append("elsewhere")
    assert "elsewhere" not in figure.place


@dataclass(frozen=True)
class _Located:
    name: str
    ids: tuple[str, ...]


@dataclass(frozen=True)
class _NestedClaim(Claim):
    """A record with fields no claim has today: to_dict must copy them as asdict does."""

    where: _Located
    notes: dict[str, list[str]]
    tags: tuple[str, ...]


def test_to_dict_handles_nested_records_as_asdict_does() -> None:
    claim = _NestedClaim(
        "d-x0", "d", 0, 4, "Baku", _Located("Baku", ("geonames:587084",)), {"a": ["b"]}, ("t",)
    )
    record = claim.to_dict()
    assert list(record.items()) == list(asdict_record(claim).items())
    assert record["where"] == {"name": "Baku", "ids": ("geonames:587084",)}
    record["notes"]["a"].append("c")
    assert claim.notes == {"a": ["b"]}


# -- fewer commits, the same ledger ------------------------------------------------------


def test_a_build_commits_far_fewer_times_than_it_stores_documents(
    tmp_path: Path, portal_items: Callable[[int], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = portal_items(150)
    ledger = Ledger(tmp_path / "grouped.db")
    statements: list[str] = []
    ledger._db.set_trace_callback(statements.append)
    build([str(feed)], ledger, workers=1)
    ledger._db.set_trace_callback(None)
    stored = ledger.document_count()
    grouped = ledger.to_json()
    ledger.close()
    commits = statements.count("COMMIT")
    # Alignment commits once per result table; storing, about once per extraction batch.
    assert stored == 150
    assert commits <= stored // 8, commits

    # One commit per document (as before grouping) stores the very same ledger.
    monkeypatch.setattr(
        consilience.api, "_grouped_commits", lambda target: nullcontext(Immediate())
    )
    one_by_one = build([str(feed)], tmp_path / "one-by-one.db", workers=1)
    assert one_by_one.to_json() == grouped
    one_by_one.close()


def test_an_unchanged_rebuild_commits_rarely(
    tmp_path: Path, portal_items: Callable[[int], Path]
) -> None:
    feed = portal_items(150)
    path = tmp_path / "l.db"
    build([str(feed)], path, workers=1).close()
    with Ledger(path) as ledger:
        statements: list[str] = []
        ledger._db.set_trace_callback(statements.append)
        build([str(feed)], ledger, workers=1)
        assert ledger.last_build.unchanged == 150
        assert statements.count("COMMIT") <= 2, statements.count("COMMIT")


# -- a build that fails or stops keeps what it reported --------------------------------


def sqlite_error(db: sqlite3.Connection) -> BaseException:
    return sqlite3.OperationalError("disk I/O error")


def sqlite_error_rolled_back(db: sqlite3.Connection) -> BaseException:
    """As a full disk does: SQLite rolls the whole transaction back, then reports."""
    db.execute("ROLLBACK")
    return sqlite3.OperationalError("database or disk is full")


def stop_signal(db: sqlite3.Connection) -> BaseException:
    return Stopped(signal.SIGTERM)


@pytest.mark.parametrize(
    ("failure", "lasting", "kept"),
    [
        pytest.param(sqlite_error, False, FAIL_AT - 1, id="sqlite-error"),
        pytest.param(sqlite_error_rolled_back, False, FAIL_AT - 1, id="transaction-lost"),
        pytest.param(stop_signal, False, FAIL_AT - 1, id="SIGTERM"),
        # The disk stays full: the documents of the open transaction cannot be stored
        # either, and are not reported.
        pytest.param(sqlite_error_rolled_back, True, 0, id="disk-stays-full"),
    ],
)
def test_a_failure_inside_one_write_keeps_every_document_reported_before(
    tmp_path: Path,
    portal_items: Callable[[int], Path],
    monkeypatch: pytest.MonkeyPatch,
    failure: Callable[[sqlite3.Connection], BaseException],
    lasting: bool,
    kept: int,
) -> None:
    feed = portal_items(40)
    documents = documents_of(feed)
    path = tmp_path / "failed.db"
    ledger = Ledger(path)
    store = Ledger._store_document
    writes = 0

    def failing(self: Ledger, claims: DocumentClaims, version: str) -> None:
        nonlocal writes
        writes += 1
        store(self, claims, version)  # the document's statements all ran: still undone
        if writes == FAIL_AT or (lasting and writes > FAIL_AT):
            raise failure(self._db)

    monkeypatch.setattr(Ledger, "_store_document", failing)
    reported: list[str] = []

    def on_event(event: consilience.api.BuildEvent) -> None:
        if event.kind == "document":
            reported.append(event.where)

    with pytest.raises((sqlite3.Error, Stopped)):
        build([str(feed)], ledger, workers=1, on_event=on_event)
    ledger.close()
    monkeypatch.undo()

    # Reported, stored, and the same: the documents before the failing one, each whole.
    assert reported == [document.path for document in documents[:kept]]
    assert sorted(claim_ids(path)) == sorted(document.id for document in documents[:kept])
    assert_whole_and_checked(path, documents)
    rebuilt = build([str(feed)], path, workers=1)
    report = rebuilt.last_build
    rebuilt.close()
    assert (report.unchanged, report.extracted) == (kept, 40 - kept)
    assert run_cli("check", str(path)).returncode == 0


def test_a_build_stopped_by_sigterm_keeps_what_it_reported_and_a_rebuild_ends_it(
    tmp_path: Path, portal_items: Callable[[int], Path]
) -> None:
    feed = portal_items(400)
    ledger = tmp_path / "stopped.db"
    with (tmp_path / "stderr.txt").open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "consilience", "build", str(feed), "--ledger", str(ledger)]
            + ["--workers", "1", "--batch-size", "4"],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        deadline = time.monotonic() + 120
        while documents_in(ledger) < 20:
            assert process.poll() is None, "the build ended before it was stopped"
            assert time.monotonic() < deadline, "the build stored nothing in time"
            time.sleep(0.02)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        process.kill()
        process.wait()
    lines = (tmp_path / "stderr.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1].startswith("consilience: "), lines[-3:]
    reported = [line for line in lines if line.startswith("extracted ")]
    held = documents_in(ledger)
    assert 20 <= held < 400
    assert len(reported) == held
    assert run_cli("check", str(ledger)).returncode == 0  # results out of date: a warning
    assert_whole_and_checked(ledger, documents_of(feed))

    rebuilt = run_cli("build", str(feed), "--ledger", str(ledger), "--workers", "1")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert f"400 documents ({400 - held} extracted, {held} unchanged" in rebuilt.stdout
    checked = run_cli("check", str(ledger))
    assert checked.returncode == 0, checked.stdout


def test_another_writer_gets_the_ledger_within_seconds_during_a_build(
    tmp_path: Path, portal_items: Callable[[int], Path]
) -> None:
    """The build's open transaction blocks other writers: it is committed often enough
    that one waits about a second, far below SQLite's busy timeout."""
    feed = portal_items(400)
    ledger = tmp_path / "shared.db"
    Ledger(ledger).close()
    waits: list[float] = []
    done = threading.Event()

    def write_meanwhile() -> None:
        other = sqlite3.connect(ledger, timeout=30, isolation_level=None)
        while not done.is_set():
            asked = time.monotonic()
            other.execute("BEGIN IMMEDIATE")
            waits.append(time.monotonic() - asked)
            other.execute("COMMIT")
            time.sleep(0.05)
        other.close()

    process = subprocess.Popen(
        [sys.executable, "-m", "consilience", "build", str(feed), "--ledger", str(ledger)]
        + ["--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    while documents_in(ledger) == 0 and process.poll() is None:
        time.sleep(0.02)
    writer = threading.Thread(target=write_meanwhile)
    writer.start()
    try:
        _, stderr = process.communicate(timeout=300)
    finally:
        done.set()
        writer.join()
    assert process.returncode == 0, stderr[-2000:]
    assert len(waits) > 10 and max(waits) < 3, (len(waits), max(waits))
