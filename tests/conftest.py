"""Shared fixtures: the project's example corpus, the seed articles, and a CLI runner."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from consilience.ingest import Document, Metadata, make_document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("CONSILIENCE_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (clone with ../shared beside the repo)")
    return SEEDS


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


def text_document(text: str, published: str | None = None) -> Document:
    """A plain-text document as ingest makes it, for tests that extract from a sentence."""
    return make_document(
        text=text,
        path="t.txt",
        source_file="t.txt",
        format="text",
        encoding="utf-8",
        metadata=Metadata(published=published),
    )


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `consilience ARGS` in a real subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "consilience", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def queries_run(client: Any, urls: list[str]) -> list[str]:
    """The SQL a web app's ledger runs while answering `urls` (each must answer 200), for
    tests that check the query plans a page uses."""
    statements: list[str] = []
    pool = client.app.state.pool
    with pool.ledger() as pooled:
        pooled._db.set_trace_callback(statements.append)
    try:
        for url in urls:
            assert client.get(url).status_code == 200, url
    finally:
        with pool.ledger() as pooled:
            pooled._db.set_trace_callback(None)
    return statements


def documents_in(ledger: Path) -> int:
    """Documents a ledger holds, read as another process would while a build writes it
    (0 while the file is not yet a ledger)."""
    try:
        db = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0
