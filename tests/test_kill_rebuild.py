"""A build killed with SIGKILL leaves a usable ledger, and the next build completes it."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from consilience import Ledger

from .conftest import documents_in, run_cli

DOCUMENTS = 300


def write_corpus(root: Path, examples_dir: Path) -> None:
    """Many distinct reports, made by varying the example texts."""
    bases = [path.read_text() for path in sorted(examples_dir.glob("*.txt"))]
    root.mkdir()
    for number in range(DOCUMENTS):
        text = bases[number % len(bases)]
        (root / f"report-{number:04d}.txt").write_text(
            f"Report {number} from the Ostmark desk\n{text}\nFiled by desk {number}.\n"
        )


def test_sigkill_mid_build_then_rebuild_equals_uninterrupted_build(
    tmp_path: Path, examples_dir: Path
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, examples_dir)
    killed_ledger = tmp_path / "killed.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "consilience", "build", str(corpus), "--ledger", str(killed_ledger)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while documents_in(killed_ledger) < 20 and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    # The killed ledger opens, passes SQLite's integrity check, and holds only whole
    # documents: each with exactly the claims a finished extraction gives it.
    db = sqlite3.connect(killed_ledger)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with Ledger(killed_ledger, create=False) as partial:
        held = partial.document_count()
        partial_record = json.loads(partial.to_json())
    assert 20 <= held < DOCUMENTS, f"the kill should land part-way, held {held}"

    clean_ledger = tmp_path / "clean.db"
    assert run_cli("build", str(corpus), "--ledger", str(clean_ledger)).returncode == 0
    with Ledger(clean_ledger, create=False) as clean:
        clean_json = clean.to_json()
    clean_record = json.loads(clean_json)
    for kind in ("entities",):
        by_doc: dict[str, list[dict[str, object]]] = {}
        for claim in clean_record[kind]:
            by_doc.setdefault(str(claim["doc"]), []).append(claim)
        for document in partial_record["documents"]:
            mine = [c for c in partial_record[kind] if c["doc"] == document["id"]]
            assert mine == by_doc.get(document["id"], [])

    result = run_cli("build", str(corpus), "--ledger", str(killed_ledger))
    assert result.returncode == 0, result.stderr
    assert f"{held} unchanged" in result.stdout
    with Ledger(killed_ledger, create=False) as finished:
        assert finished.to_json() == clean_json
