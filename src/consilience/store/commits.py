"""Transactions of the ledger: one per write, or one shared by many writes of a build.

A commit costs far more than a short document's statements (the WAL append, the
full-text index's new segment), so a build stores its documents in a `CommitGroup`:
writes join one open transaction, committed every so many writes or seconds. What a
build reports as stored must be stored, so a group holds back the build's reports
(`after_commit`) until the writes before them are committed, and keeps its writes
until then so that it can store them one transaction each when the shared transaction
is lost (a full disk: SQLite rolls it back whole).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

T = TypeVar("T")

# A build commits after this many writes (documents stored or followed, files finished).
# Larger groups save little more (1,500 portal items stored in 1.8 s one per commit,
# 0.54 s at 50, 0.44 s at 200, 0.36 s at 1,000); the writes kept for a retry stay a few
# MB, and a killed build extracts at most this many documents again.
DEFAULT_MAX_WRITES = 200
# ... or after this long: another writer waiting for the ledger (SQLite's busy timeout
# is 10 s) waits about this long, and progress is shown at least this often.
DEFAULT_MAX_SECONDS = 1.0


class Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self._db.execute("COMMIT")
        elif self._db.in_transaction:
            # SQLite may have rolled back already (a full disk does): then there is
            # nothing to undo, and the original error is the one to report.
            self._db.execute("ROLLBACK")


class CommitGroup:
    """One transaction that many writes join, committed after `max_writes` writes or
    `max_seconds`, whichever comes first, when `commit` is called (before waiting for
    something), and when the group ends.

    A killed process loses the writes not yet committed, never consistency: the ledger
    holds what the last commit held. A write that fails (an error, or a stop signal in
    the middle of it) is undone alone: the writes before it are stored, one transaction
    each, and their held-back reports made, before its error goes on. A commit that
    fails is retried the same way, one write at a time. An `after_commit` callback runs
    once every write before it is committed, and never for writes that were lost.
    """

    def __init__(
        self,
        db: sqlite3.Connection,
        max_writes: int = DEFAULT_MAX_WRITES,
        max_seconds: float = DEFAULT_MAX_SECONDS,
    ) -> None:
        if max_writes < 1 or max_seconds < 0:
            raise ValueError("max_writes must be at least 1, max_seconds at least 0")
        self._db = db
        self.max_writes = max_writes
        self.max_seconds = max_seconds
        # In order: the writes in the open transaction (functions of no argument) and the
        # reports held back behind them, as (is a write, function).
        self._pending: list[tuple[bool, Callable[[], object]]] = []
        self._writes = 0
        self._began = 0.0

    def run(self, write: Callable[[], T]) -> T:
        """Run `write` (statements, no transaction of their own) in the open transaction,
        opening one if none is open; commit when the group is due."""
        if not self._db.in_transaction:
            self._release()  # committed, and a stop came before its reports were made
            self._db.execute("BEGIN IMMEDIATE")
            self._began = time.monotonic()
        try:
            result = write()
        except BaseException:
            self._store_one_by_one()
            raise
        self._pending.append((True, write))
        self._writes += 1
        self.commit_if_due()
        return result

    def after_commit(self, callback: Callable[[], object]) -> None:
        """Call `callback` now if nothing is waiting to be committed, else once it is."""
        if self._pending or self._db.in_transaction:
            self._pending.append((False, callback))
        else:
            callback()

    def commit_if_due(self) -> None:
        if self._db.in_transaction and (
            self._writes >= self.max_writes or time.monotonic() - self._began >= self.max_seconds
        ):
            self.commit()

    def commit(self) -> None:
        """Commit the open transaction, then make the reports held back behind it; if the
        commit fails, store its writes one transaction each."""
        if self._db.in_transaction:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error:
                self._store_one_by_one()
                return
        self._release()

    def close(self, failed: bool = False) -> None:
        """End the group: commit what it holds. After a failure (`failed`) the error that
        ended the build is the one to report, so a commit that fails too (it is retried
        one write at a time first) is not raised."""
        try:
            self.commit()
        except sqlite3.Error:
            if not failed:
                raise

    def _release(self) -> None:
        pending, self._pending, self._writes = self._pending, [], 0
        for is_write, callback in pending:
            if not is_write:
                callback()

    def _store_one_by_one(self) -> None:
        """Undo the open transaction (if SQLite has not already), then store its writes
        again, one transaction each, making each held-back report once the writes before
        it are stored. The first write that fails raises its error; the reports after it
        are dropped, like the writes."""
        pending, self._pending, self._writes = self._pending, [], 0
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")
        for is_write, callback in pending:
            if is_write:
                with Transaction(self._db):
                    callback()
            else:
                callback()


class Immediate:
    """What a writer that keeps no transaction open offers in place of a CommitGroup
    (a claims folder, written at its end): reports are made at once."""

    def after_commit(self, callback: Callable[[], object]) -> None:
        callback()

    def commit_if_due(self) -> None:
        pass

    def commit(self) -> None:
        pass
