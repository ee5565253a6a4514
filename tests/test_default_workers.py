"""A build left to choose extracts in this process when there is little to extract, and in a
pool of one process per core when there is enough to repay starting it; `workers` given
always wins, and the result is the same either way."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from consilience import build
from consilience.ingest import Document, iter_inputs
from consilience.scale import (
    POOL_THRESHOLD_CHARS,
    AutoRunner,
    OrderedExtraction,
    default_workers,
)

from .conftest import run_cli, text_document

CORES = os.cpu_count() or 1
needs_cores = pytest.mark.skipif(CORES < 2, reason="a pool needs two cores or more")


def text_chars(paths: list[str]) -> int:
    """Characters of document text a build of `paths` extracts."""
    return sum(len(item.text) for item in iter_inputs(paths) if isinstance(item, Document))


def one_process_json(paths: list[str], ledger: Path) -> str:
    with build(paths, ledger, workers=1) as built:
        return built.to_json()


def test_the_pool_starts_from_the_threshold() -> None:
    assert default_workers(0, 8) == 1
    assert default_workers(POOL_THRESHOLD_CHARS - 1, 8) == 1
    assert default_workers(POOL_THRESHOLD_CHARS, 8) == 8
    assert default_workers(50 * POOL_THRESHOLD_CHARS, 2) == 2
    assert default_workers(50 * POOL_THRESHOLD_CHARS, 1) == 1  # one core: no pool
    assert default_workers(300, 4, threshold=200) == 4
    assert default_workers(100, 4, threshold=200) == 1


def test_a_small_build_stays_in_this_process(tmp_path: Path, examples_dir: Path) -> None:
    paths = [str(examples_dir)]
    assert text_chars(paths) < POOL_THRESHOLD_CHARS
    with build(paths, tmp_path / "l.db") as built:
        assert built.last_build.extracted == 6
        assert built.last_build.workers == 1
    with build(paths, tmp_path / "l.db") as rebuilt:  # nothing to extract: nothing started
        assert rebuilt.last_build.unchanged == 6
        assert rebuilt.last_build.workers == 0


@needs_cores
def test_a_build_over_the_threshold_uses_one_process_per_core(
    tmp_path: Path, examples_dir: Path
) -> None:
    paths = [str(examples_dir)]
    with build(paths, tmp_path / "pool.db", pool_threshold=1) as built:
        assert built.last_build.workers == CORES
        assert built.to_json() == one_process_json(paths, tmp_path / "one.db")


@needs_cores
def test_workers_given_always_win(tmp_path: Path, examples_dir: Path) -> None:
    paths = [str(examples_dir)]
    with build(paths, tmp_path / "one.db", workers=1, pool_threshold=1) as built:
        assert built.last_build.workers == 1
    big = 10 * text_chars(paths)
    with build(paths, tmp_path / "two.db", workers=2, pool_threshold=big) as built:
        assert built.last_build.workers == 2


def test_unchanged_documents_do_not_count(tmp_path: Path, examples_dir: Path) -> None:
    """What counts is what is left to extract once the ledger's unchanged documents are
    skipped: one new report beside six unchanged ones is extracted here, although the
    inputs hold more than the threshold."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in sorted(examples_dir.iterdir()):
        (corpus / source.name).write_bytes(source.read_bytes())
    build([str(corpus)], tmp_path / "l.db", workers=1).close()
    new = "Rescuers said 14 people were missing after the ferry sank near Velden on Sunday."
    (corpus / "new.jsonl").write_text(json.dumps({"text": new}) + "\n")
    threshold = text_chars([str(corpus)]) // 2
    with build([str(corpus)], tmp_path / "l.db", pool_threshold=threshold) as built:
        assert (built.last_build.extracted, built.last_build.unchanged) == (1, 6)
        assert built.last_build.workers == 1


@needs_cores
def test_the_pool_takes_over_mid_build(tmp_path: Path) -> None:
    """With more batches than are held back before one must run, the first are extracted
    here; once the threshold is passed the pool takes the rest, and the ledger is the
    same as one process makes."""
    corpus = tmp_path / "items.jsonl"
    texts = [
        f"Officials said {number} people were hurt when a bus overturned in Karsk."
        for number in range(80)
    ]
    corpus.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts))
    threshold = sum(len(text) for text in texts[:70])
    paths = [str(corpus)]
    with build(paths, tmp_path / "auto.db", batch_size=1, pool_threshold=threshold) as built:
        assert built.last_build.extracted == 80
        assert built.last_build.workers == CORES
        assert built.to_json() == one_process_json(paths, tmp_path / "one.db")


def lengths(documents: list[Document]) -> list[int]:
    return [len(document.text) for document in documents]


def test_items_behind_a_held_batch_do_not_pile_up() -> None:
    """A batch kept back while the runner counts what there is to extract is run here
    once too many items wait behind it, so a long run of unchanged documents is not all
    held in memory until the end."""
    runner = AutoRunner(lengths, cores=2, threshold=10**12)
    stream = OrderedExtraction(runner, batch_size=1)
    document = text_document("Two ferries collided off Velden on Sunday.")
    released = list(stream.feed(document, extract=True))
    for number in range(5000):
        released += stream.feed(f"unchanged {number}")
    assert len(released) > 4000
    assert released[0] == (document, len(document.text))
    assert len(released) + len(list(stream.finish())) == 5001
    assert runner.workers == 1


def test_build_help_says_what_the_default_does() -> None:
    shown = run_cli("build", "--help")
    assert shown.returncode == 0, shown.stderr
    words = " ".join(shown.stdout.replace("│", " ").split())
    assert "one process per core once" in words
    assert f"{POOL_THRESHOLD_CHARS:,} characters" in words
