"""Extraction in several processes and on Dask: the same result byte for byte, nothing lost
or stored twice when a worker dies, Parquet in and out, and the build command's flags."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from consilience import Ledger, build
from consilience.api import BuildEvent, build_partitioned
from consilience.ingest import Document, iter_inputs
from consilience.scale import OrderedExtraction, PoolRunner, extract_batch, partitioned
from consilience.scale.partitioned import ClaimsDirectory, ClaimsDirectoryError

from .conftest import run_cli

distributed = pytest.importorskip("distributed")
ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "src/consilience/schema/consilience-2.schema.json").read_text())


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A real Dask cluster of two worker processes on loopback, shared by this module."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


def serial_json(paths: list[str], ledger: Path) -> str:
    with build(paths, ledger, workers=1) as built:
        return built.to_json()


def write_reports(path: Path, examples_dir: Path, count: int) -> list[str]:
    """A JSONL file of `count` distinct short reports; returns their texts."""
    bases = [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("*.txt"))]
    texts = [
        f"Report {number} from the Ostmark desk\n{bases[number % len(bases)]}"
        for number in range(count)
    ]
    with path.open("w", encoding="utf-8") as handle:
        for number, text in enumerate(texts):
            record = {"text": text, "publisher": f"Desk {number % 3}", "published": "2023-10-16"}
            handle.write(json.dumps(record) + "\n")
    return texts


def test_one_process_pool_and_dask_give_the_same_json(
    tmp_path: Path, examples_dir: Path, cluster: Any
) -> None:
    paths = [str(examples_dir)]
    expected = serial_json(paths, tmp_path / "serial.db")
    events: dict[str, list[BuildEvent]] = {}
    for name, options in {
        "pool": {"workers": 2, "batch_size": 2},
        "dask": {"dask": cluster.scheduler_address, "batch_size": 1},
    }.items():
        seen: list[BuildEvent] = []
        with build(paths, tmp_path / f"{name}.db", on_event=seen.append, **options) as built:
            assert built.last_build.extracted == 6
            assert built.to_json() == expected, name
        events[name] = seen
    # Progress events come in input order, whatever order the batches finished in.
    assert events["pool"] == events["dask"]
    assert [event.kind for event in events["pool"]][:2] == ["start", "document"]


def test_seed_articles_on_dask_match_one_process(
    tmp_path: Path, seeds_dir: Path, examples_dir: Path, cluster: Any
) -> None:
    paths = [str(seeds_dir), str(examples_dir)]
    expected = serial_json(paths, tmp_path / "serial.db")
    with build(paths, tmp_path / "dask.db", dask=cluster.scheduler_address) as built:
        assert built.to_json() == expected


class ShuffledRunner:
    """Runs batches here but hands them back in a random order, several at a time."""

    window = 6

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.pending: list[tuple[int, list[Document]]] = []

    def submit(self, index: int, documents: list[Document]) -> None:
        self.pending.append((index, documents))

    def wait(self, block: bool) -> list[tuple[int, list[Any]]]:
        if not self.pending or (not block and self.random.random() < 0.5):
            return []
        self.random.shuffle(self.pending)
        taken = self.pending[: self.random.randint(1, len(self.pending))]
        self.pending = self.pending[len(taken) :]
        # A batch may also come back twice (a task Dask ran again): it is taken once.
        return [(index, extract_batch(docs)) for index, docs in taken + taken[:1]]

    def close(self) -> None:
        pass


def test_order_of_completion_changes_nothing(tmp_path: Path, examples_dir: Path) -> None:
    corpus = tmp_path / "reports.jsonl"
    write_reports(corpus, examples_dir, 12)
    items = list(iter_inputs([str(corpus), str(examples_dir)]))
    for seed in range(3):
        stream = OrderedExtraction(ShuffledRunner(seed), batch_size=1 + seed)
        released: list[object] = []
        for item in items:
            released += [done for done, _ in stream.feed(item, isinstance(item, Document))]
        released += [done for done, _ in stream.finish()]
        assert released == items
    # The same, end to end: a duplicated document, and batches done out of order.
    (tmp_path / "copy.jsonl").write_text(corpus.read_text().splitlines()[0] + "\n")
    paths = [str(corpus), str(tmp_path / "copy.jsonl")]
    expected = serial_json(paths, tmp_path / "serial.db")
    with build(paths, tmp_path / "pool.db", workers=2, batch_size=3) as built:
        assert built.last_build.unchanged == 1
        assert built.to_json() == expected


def test_a_document_moved_to_a_later_file_is_extracted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read while its old file was still in the ledger, it looked unchanged; by its turn
    that file had dropped it, so it is extracted then, as a one-process build would."""
    late: list[str] = []
    extract_now = OrderedExtraction.extract_now

    def recorded(self: OrderedExtraction, document: Document) -> Any:
        late.append(document.path)
        return extract_now(self, document)

    monkeypatch.setattr(OrderedExtraction, "extract_now", recorded)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    moved = {"text": "At least 12 people were killed in Karsk on Monday.", "publisher": "A"}
    staying = {"text": "Police said 40 people were arrested in Velden.", "publisher": "B"}
    (corpus / "a.jsonl").write_text(json.dumps(moved) + "\n")
    build([str(corpus)], tmp_path / "l.db").close()
    (corpus / "a.jsonl").write_text(json.dumps(staying) + "\n")
    (corpus / "b.jsonl").write_text(json.dumps(moved) + "\n")
    with build([str(corpus)], tmp_path / "l.db", workers=2) as built:
        report = built.last_build
        assert (report.extracted, report.unchanged, report.removed) == (2, 0, 1)
        assert late == [f"{corpus / 'b.jsonl'}#1"]
        assert built.to_json() == serial_json([str(corpus)], tmp_path / "fresh.db")


def test_a_worker_killed_mid_build_loses_and_duplicates_nothing(
    tmp_path: Path, examples_dir: Path, cluster: Any
) -> None:
    corpus = tmp_path / "reports.jsonl"
    texts = write_reports(corpus, examples_dir, 24)
    expected = serial_json([str(corpus)], tmp_path / "serial.db")
    killed: list[int] = []
    with distributed.Client(cluster.scheduler_address) as client:

        def kill_a_busy_worker(event: BuildEvent) -> None:
            if event.kind != "document" or killed:
                return
            pids = client.run(os.getpid)
            busy = [address for address, keys in client.processing().items() if keys]
            victim = (busy or sorted(pids))[0]
            os.kill(pids[victim], signal.SIGKILL)
            killed.append(pids[victim])

        with build(
            [str(corpus)],
            tmp_path / "dask.db",
            dask=cluster.scheduler_address,
            batch_size=2,
            on_event=kill_a_busy_worker,
        ) as built:
            assert killed, "no worker was killed"
            assert built.last_build.extracted == len(texts)
            stored = [document["path"] for document in built.documents()]
            assert sorted(stored) == sorted(f"{corpus}#{n}" for n in range(1, len(texts) + 1))
            assert built.to_json() == expected
        client.wait_for_workers(2, timeout=60)  # the nanny restarts the killed worker


def die_once(documents: list[Document]) -> list[int]:
    """A pool job whose first call kills its worker process."""
    marker = Path(os.environ["CONSILIENCE_TEST_MARKER"])
    if not marker.exists():
        marker.write_text("died")
        os._exit(1)
    return [len(document.text) for document in documents]


def test_a_pool_worker_that_dies_is_replaced_and_its_batches_sent_again(
    tmp_path: Path, examples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSILIENCE_TEST_MARKER", str(tmp_path / "died"))
    documents = [d for d in iter_inputs([str(examples_dir)]) if isinstance(d, Document)]
    runner = PoolRunner(die_once, 2)
    try:
        stream = OrderedExtraction(runner, batch_size=2)
        results = [found for d in documents for _, found in stream.feed(d, extract=True)]
        results += [found for _, found in stream.finish()]
    finally:
        runner.close()
    assert (tmp_path / "died").exists() and runner.restarts == 1
    assert results == [len(d.text) for d in documents]


def write_parquet(path: Path, rows: list[dict[str, Any]]) -> None:
    schema = pa.schema(
        [("text", pa.string()), ("publisher", pa.string()), ("published", pa.date32())]
    )
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, row_group_size=2)


def test_parquet_input_is_read_in_row_groups_like_jsonl(tmp_path: Path) -> None:
    rows = [
        {"text": "At least 12 people were killed in Karsk on Monday.", "publisher": "A"},
        {"text": "Police said 40 people were arrested.", "published": dt.date(2024, 3, 5)},
        {"text": "   ", "publisher": "B"},
        {"text": "The fire destroyed 17 homes, the mayor said.", "publisher": "C"},
    ]
    write_parquet(tmp_path / "corpus.parquet", rows)
    with (tmp_path / "corpus.jsonl").open("w") as handle:
        for row in rows:
            published = row.get("published")
            record = {**row, "published": published.isoformat() if published else None}
            handle.write(json.dumps(record) + "\n")
    (tmp_path / "notes.parquet").write_bytes(b"not parquet")
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "nocolumn.parquet")
    parquet = [str(tmp_path / name) for name in ("corpus.parquet", "notes.parquet")]
    with build([*parquet, str(tmp_path)], tmp_path / "p.db") as built:
        report = built.last_build
        documents = built.documents()
        from_parquet = built.to_dict()
    assert sorted(str(problem) for problem in report.problems) == [
        f"{tmp_path}/corpus.jsonl:3: empty 'text'",
        f"{tmp_path}/corpus.parquet:3: empty 'text'",
        f"{tmp_path}/nocolumn.parquet: no 'text' column in the Parquet file",
        f"{tmp_path}/notes.parquet: not a readable Parquet file "
        "(Parquet magic bytes not found in footer. Either the file is corrupted or this "
        "is not a parquet file.)",
    ]
    # Each document once, though two files hold it: the Parquet rows, read first.
    assert [d["path"] for d in documents] == [f"{tmp_path}/corpus.parquet#{n}" for n in (1, 2, 4)]
    assert {d["format"] for d in documents} == {"parquet"}
    assert documents[1]["published"] == "2024-03-05"
    # The same records as JSONL are the same documents with the same claims.
    with build([str(tmp_path / "corpus.jsonl")], tmp_path / "j.db") as built:
        from_jsonl = built.to_dict()
    for kind in ("entities", "figures", "dates", "statements", "incidents", "quotes"):
        assert from_parquet[kind] == from_jsonl[kind]
    assert from_parquet["figures"]
    jsonschema.validate(from_parquet, SCHEMA)


def test_out_dir_round_trip_matches_the_ledger(
    tmp_path: Path, examples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small parts and row groups, so that several of each are written and read.
    monkeypatch.setattr(partitioned, "DOCUMENTS_PER_PART", 4)
    monkeypatch.setattr(partitioned, "DOCUMENTS_PER_ROW_GROUP", 3)
    corpus = tmp_path / "reports.jsonl"
    write_reports(corpus, examples_dir, 8)
    paths = [str(examples_dir), str(corpus)]
    expected = serial_json(paths, tmp_path / "serial.db")
    out = tmp_path / "claims"
    with build_partitioned(paths, out, workers=2, batch_size=3) as claims:
        assert claims.last_build.extracted == 14
        assert claims.to_json() == expected
    assert len(list((out / "figures").glob("part-*.parquet"))) == 4
    figures = pq.read_table(out / "figures").to_pylist()
    assert {"doc_id", "measure", "low", "high", "attrs"} <= set(figures[0])
    assert json.loads((out / "manifest.json").read_text())["documents"] == 14

    # Again: nothing extracted; the unchanged documents are carried over as they were.
    with build_partitioned(paths, out) as claims:
        assert (claims.last_build.extracted, claims.last_build.unchanged) == (0, 14)
        assert claims.to_json() == expected
    # A smaller corpus: the folder then holds exactly its documents.
    with build_partitioned([str(examples_dir)], out) as claims:
        assert (claims.last_build.unchanged, claims.last_build.removed) == (6, 8)
        assert claims.to_json() == serial_json([str(examples_dir)], tmp_path / "small.db")
    assert ClaimsDirectory(out).document_count() == 6

    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "thesis.txt").write_text("mine")
    with pytest.raises(ClaimsDirectoryError, match="not a consilience claims directory"):
        build_partitioned(paths, tmp_path / "other")


def test_out_dir_of_format_1_is_extracted_again_and_rewritten(
    tmp_path: Path, examples_dir: Path
) -> None:
    out = tmp_path / "claims"
    build_partitioned([str(examples_dir)], out).close()
    expected = serial_json([str(examples_dir)], tmp_path / "serial.db")
    # What a format-1 build left: dated statements in events/, no incidents/.
    (out / "statements").rename(out / "events")
    shutil.rmtree(out / "incidents")
    manifest = json.loads((out / "manifest.json").read_text())
    (out / "manifest.json").write_text(json.dumps({**manifest, "format": 1}))
    with pytest.raises(ClaimsDirectoryError, match="format 1 is older"):
        ClaimsDirectory(out)
    with build_partitioned([str(examples_dir)], out) as claims:
        assert (claims.last_build.extracted, claims.last_build.unchanged) == (6, 0)
        assert claims.to_json() == expected
    assert not (out / "events").exists()
    assert json.loads((out / "manifest.json").read_text())["format"] == partitioned.FORMAT_VERSION


def test_build_flags(tmp_path: Path, examples_dir: Path) -> None:
    expected = serial_json([str(examples_dir)], tmp_path / "serial.db")
    pooled = run_cli(
        "build", str(examples_dir), "--workers", "2", "--ledger", str(tmp_path / "w.db")
    )
    assert pooled.returncode == 0, pooled.stderr
    assert "6 documents (6 extracted" in pooled.stdout
    # --dask alone, before the paths, starts a local cluster.
    dasked = run_cli(
        "build", "--dask", str(examples_dir), "--workers", "2", "--ledger", str(tmp_path / "d.db")
    )
    assert dasked.returncode == 0, dasked.stderr
    out = run_cli("build", str(examples_dir), "--out", str(tmp_path / "claims"))
    assert out.returncode == 0, out.stderr
    assert f"built {tmp_path / 'claims'}: 6 documents" in out.stdout
    for name in ("w.db", "d.db"):
        with Ledger(tmp_path / name) as ledger:
            assert ledger.to_json() == expected
    assert ClaimsDirectory(tmp_path / "claims").to_json() == expected

    both = run_cli("build", str(examples_dir), "--out", "o", "--ledger", "l.db", cwd=tmp_path)
    assert both.returncode == 2 and "use --ledger or --out, not both" in both.stderr
    bad = run_cli("build", str(examples_dir), "--dask=nowhere")
    assert bad.returncode == 2 and "not a scheduler address" in bad.stderr
    assert not (tmp_path / "l.db").exists()
