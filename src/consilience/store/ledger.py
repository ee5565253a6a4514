"""The ledger: one SQLite file that holds documents, claims and alignment results.

Every write of a document is atomic, and a build commits its writes at least every
second (`Ledger.grouped_commits`), so a build killed at any moment leaves a ledger that
opens and holds each document committed before; the others are extracted next time.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from consilience.extract.claims import CLAIM_KINDS, Claim, DocumentClaims
from consilience.ingest.document import Document
from consilience.store.check import LedgerChecks
from consilience.store.commits import (
    DEFAULT_MAX_SECONDS,
    DEFAULT_MAX_WRITES,
    CommitGroup,
    Transaction,
)
from consilience.store.lookups import LedgerLookups
from consilience.store.reads import (
    DOCUMENT_COLUMNS,
    JSON_SCHEMA_ID,
    document_record,
    json_text,
    result_json,
)
from consilience.store.schema import (
    LEDGER_KIND,
    MIGRATIONS,
    READABLE_SINCE,
    RESULT_TABLES,
    SCHEMA,
    SCHEMA_VERSION,
)

__all__ = [
    "DOCUMENT_COLUMNS",
    "JSON_SCHEMA_ID",
    "Ledger",
    "LedgerError",
    "document_record",
    "json_text",
    "result_json",
    "sqlite_problem",
]

T = TypeVar("T")


class LedgerError(Exception):
    """The file cannot be used as a ledger (not SQLite, not ours, or too new)."""


class Ledger(LedgerLookups, LedgerChecks):
    """Read and write access to one ledger file.

    `readonly=True` opens an existing ledger for views: nothing can be written through it,
    and a connection may be used from any thread (one at a time). A writable open migrates
    an older ledger; a read-only one reads a ledger since `READABLE_SINCE` unmigrated.
    """

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False) -> None:
        self.path = Path(path)
        if (readonly or not create) and not self.path.exists():
            raise LedgerError(f"{self.path}: no such ledger")
        self.last_build: Any = None  # set by consilience.build to its BuildReport
        self.readonly = readonly
        self._group: CommitGroup | None = None  # the writes sharing one transaction
        # True when the file could only be opened as an unchanging snapshot (a read-only
        # filesystem, where SQLite cannot create the -shm file WAL readers need).
        self.immutable = False
        try:
            self._db = self._connect()
            self._prepare()
        except sqlite3.DatabaseError as error:
            raise LedgerError(f"{self.path}: {sqlite_problem(error)}") from None

    def _connect(self) -> sqlite3.Connection:
        if not self.readonly:
            db = sqlite3.connect(self.path, isolation_level=None)
        else:
            uri = self.path.resolve().as_uri()
            try:
                db = self._configure(
                    sqlite3.connect(
                        f"{uri}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
                    )
                )
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return db
            except sqlite3.OperationalError as error:
                if not _cannot_share(error):
                    raise
            self._check_snapshot_safe()
            # Nobody can write to a file on a read-only filesystem, so reading it as an
            # immutable snapshot (no locks, no -shm) sees what it holds.
            db = sqlite3.connect(
                f"{uri}?immutable=1", uri=True, isolation_level=None, check_same_thread=False
            )
            self.immutable = True
        return self._configure(db)

    def _check_snapshot_safe(self) -> None:
        """An immutable snapshot ignores the -wal file and every other writer, so it is
        read only where it shows the whole ledger: on a read-only filesystem, with no
        commits left in a -wal file (a build killed before its last checkpoint)."""
        wal = self.path.with_name(self.path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise LedgerError(
                f"{self.path}: cannot be read here: it has commits still in {wal.name} and "
                "SQLite cannot open it read-only in this folder; copy the ledger with its "
                "-wal file to a writable folder and open it there"
            )
        if not os.statvfs(self.path).f_flag & os.ST_RDONLY:
            raise LedgerError(
                f"{self.path}: cannot be opened read-only: SQLite needs to create "
                f"{self.path.name}-shm beside it and this user may not write in its folder"
            )

    def _configure(self, db: sqlite3.Connection) -> sqlite3.Connection:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 10000")
        if not self.readonly:
            # In WAL mode NORMAL survives a killed process; only a power cut may lose
            # the last commits, never consistency.
            db.execute("PRAGMA synchronous = NORMAL")
        return db

    # -- lifecycle -------------------------------------------------------------------

    def _prepare(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master")}
        if version == 0 and not tables and not self.readonly:
            self._db.execute("PRAGMA journal_mode = WAL")
            with self._transaction():
                for statement in SCHEMA:
                    self._db.execute(statement)
                self._db.execute("INSERT INTO meta VALUES ('kind', ?)", (LEDGER_KIND,))
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            return
        kind = None
        if "meta" in tables:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'kind'").fetchone()
            kind = row[0] if row else None
        if kind != LEDGER_KIND:
            raise LedgerError(f"{self.path}: an SQLite file, but not a consilience ledger")
        if version > SCHEMA_VERSION:
            raise LedgerError(
                f"{self.path}: ledger schema {version} is newer than this consilience "
                f"understands ({SCHEMA_VERSION}); upgrade consilience"
            )
        if self.readonly and version < READABLE_SINCE:
            raise LedgerError(
                f"{self.path}: ledger schema {version} is older than this consilience's "
                f"({SCHEMA_VERSION}); run `consilience build` on it once to upgrade it"
            )
        # Read-only, a ledger since READABLE_SINCE is read as it is (its search unstemmed).
        while version < SCHEMA_VERSION and not self.readonly:
            with self._transaction():
                for statement in MIGRATIONS[version]:
                    self._db.execute(statement)
                version += 1
                self._db.execute(f"PRAGMA user_version = {version}")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _transaction(self) -> Transaction:
        """A transaction of its own: a write of another kind ends a group's open one."""
        if self._group is not None:
            self._group.commit()
        return Transaction(self._db)

    @contextmanager
    def grouped_commits(
        self, max_writes: int = DEFAULT_MAX_WRITES, max_seconds: float = DEFAULT_MAX_SECONDS
    ) -> Iterator[CommitGroup]:
        """Within the block, `write_document`, `update_path` and `finish_file` share one
        transaction, committed after `max_writes` of them or `max_seconds`, on the
        group's `commit()`, and when the block ends (however it ends: a stop signal
        too). Each write stays atomic. A process killed in the block loses the writes
        not yet committed (a build extracts those documents again next time) and
        nothing else; reads through this Ledger see every write. A report queued with
        the group's `after_commit` is made once the writes before it are committed.
        """
        if self._group is not None:  # nested: the outer group goes on
            yield self._group
            return
        group = self._group = CommitGroup(self._db, max_writes, max_seconds)
        try:
            yield group
        except BaseException:
            self._group = None
            group.close(failed=True)
            raise
        self._group = None
        group.close()

    def _write(self, write: Callable[[], T]) -> T:
        """Run one write's statements atomically: alone, or in the open group."""
        if self._group is not None:
            return self._group.run(write)
        with Transaction(self._db):
            return write()

    # -- writing ---------------------------------------------------------------------

    def is_current(self, doc_id: str, extractor_version: str) -> bool:
        """True when this document is already extracted by this extractor version."""
        row = self._db.execute(
            "SELECT 1 FROM documents WHERE id = ? AND extractor_version = ?",
            (doc_id, extractor_version),
        ).fetchone()
        return row is not None

    def update_path(self, document: Document) -> None:
        """Follow a document that moved within its file (a JSONL line now on another line)."""
        self._write(
            partial(
                self._db.execute,
                "UPDATE documents SET path = ? WHERE id = ? AND source_file = ? AND path != ?",
                (document.path, document.id, document.source_file, document.path),
            )
        )

    def write_document(self, claims: DocumentClaims, extractor_version: str) -> None:
        """Store one document and all its claims, replacing what it had, atomically."""
        self._write(partial(self._store_document, claims, extractor_version))

    def _store_document(self, claims: DocumentClaims, extractor_version: str) -> None:
        document = claims.document
        self._db.execute("DELETE FROM documents WHERE id = ?", (document.id,))
        self._db.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                document.id,
                document.path,
                document.source_file,
                document.format,
                document.metadata.title,
                document.metadata.publisher,
                document.metadata.author,
                document.metadata.published,
                document.metadata.url,
                document.sha256,
                document.encoding,
                document.text,
                extractor_version,
            ),
        )
        self._db.execute(
            "INSERT OR IGNORE INTO document_sources VALUES (?, ?)",
            (document.source_file, document.id),
        )
        self._mark_unaligned()
        self._db.executemany(
            'INSERT INTO entities (id, doc_id, start, "end", text, label) VALUES (?,?,?,?,?,?)',
            [(c.id, c.doc, c.start, c.end, c.text, c.label) for c in claims.entities],
        )
        for kind in CLAIM_KINDS[1:]:
            self._db.executemany(
                f'INSERT INTO {kind} (id, doc_id, start, "end", text, attrs) VALUES (?,?,?,?,?,?)',
                [
                    (c.id, c.doc, c.start, c.end, c.text, _attrs_json(c))
                    for c in claims.claims_of(kind)
                ],
            )

    def finish_file(self, source_file: str, doc_ids: Iterable[str]) -> int:
        """Record that `source_file` now holds exactly `doc_ids`; drop what it no longer holds.

        A document is removed only when no other input file still holds it. Returns the
        number of documents removed.
        """
        return self._write(partial(self._finish_file, source_file, frozenset(doc_ids)))

    def _finish_file(self, source_file: str, keep: frozenset[str]) -> int:
        self._db.executemany(
            "INSERT OR IGNORE INTO document_sources VALUES (?, ?)",
            [(source_file, doc_id) for doc_id in sorted(keep)],
        )
        stale = [
            row[0]
            for row in self._db.execute(
                "SELECT doc_id FROM document_sources WHERE source_file = ?", (source_file,)
            )
            if row[0] not in keep
        ]
        removed = 0
        for doc_id in stale:
            self._db.execute(
                "DELETE FROM document_sources WHERE source_file = ? AND doc_id = ?",
                (source_file, doc_id),
            )
            cursor = self._db.execute(
                "DELETE FROM documents WHERE id = ? AND NOT EXISTS "
                "(SELECT 1 FROM document_sources WHERE doc_id = ?)",
                (doc_id, doc_id),
            )
            removed += cursor.rowcount
        if removed:
            self._mark_unaligned()
        return removed

    def _mark_unaligned(self) -> None:
        """Inside a write transaction: the corpus changed, its alignment is out of date,
        and its generation (a count of changes) moves on."""
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('aligned', '0')")
        self._db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('generation', "
            "(SELECT coalesce(max(CAST(value AS INTEGER)), 0) + 1 FROM meta "
            "WHERE key = 'generation'))"
        )

    def generation(self) -> int:
        """How many times the corpus has changed: align reads it before it starts."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return 0 if row is None else int(row[0])

    def mark_aligned(self, generation: int | None = None) -> bool:
        """Record that the results are current, unless the corpus changed since
        `generation` (another writer added documents while they were computed): then
        nothing is marked and False is returned."""
        with self._transaction():
            if generation is not None and self.generation() != generation:
                return False
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('aligned', '1')")
        return True

    def replace_results(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Store one alignment result table whole, in one transaction, in the given order."""
        self.replace_sorted_results(
            table, ((rank, str(row["id"]), result_json(row)) for rank, row in enumerate(rows))
        )

    def replace_sorted_results(self, table: str, rows: Iterable[tuple[Any, str, str]]) -> None:
        """Store one result table whole, in one transaction, from (sort key, id, JSON text)
        rows in any order: each row is written as it comes, so only the keys are held, and
        the rows are ranked by their keys at the end."""
        if table not in RESULT_TABLES:
            raise ValueError(f"unknown result table {table!r}")
        keys: list[tuple[Any, str]] = []

        def written() -> Iterator[tuple[str, int, str]]:
            for key, row_id, text in rows:
                keys.append((key, row_id))
                yield row_id, len(keys) - 1, text

        with self._transaction():
            self._db.execute(f"DELETE FROM {table}")
            self._db.executemany(
                f"INSERT INTO {table} (id, rank, data) VALUES (?, ?, ?)", written()
            )
            ranked = sorted(keys)
            if ranked == keys:
                return  # written in their order already
            keys = ranked
            self._db.executemany(
                f"UPDATE {table} SET rank = ? WHERE id = ?",
                ((rank, row_id) for rank, (_, row_id) in enumerate(keys)),
            )


def _cannot_share(error: sqlite3.OperationalError) -> bool:
    """True when a read-only open failed because SQLite could not set up shared memory
    beside the file (a read-only filesystem or folder)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY) or "open" in str(error)


# What a message about a damaged ledger suggests doing next.
CHECK_HINT = "; run `consilience check` on it"


def sqlite_problem(error: sqlite3.Error) -> str:
    """What an SQLite error means for the person whose ledger it is, in a few words."""
    text = str(error)
    code = getattr(error, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return "the disk is full (what was stored before is kept)"
    if code == sqlite3.SQLITE_CORRUPT or "malformed" in text:
        return f"the ledger file is corrupted ({text}){CHECK_HINT}"
    if code == sqlite3.SQLITE_NOTADB or "not a database" in text:
        return f"not a consilience ledger ({text})"
    if code == sqlite3.SQLITE_READONLY or "readonly" in text:
        return "the ledger cannot be written (a read-only file, folder or filesystem)"
    if code == sqlite3.SQLITE_BUSY or "locked" in text:
        return "the ledger is locked by another process"
    if code == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        return "cannot be opened (a missing or read-only folder, or no permission)"
    if code == sqlite3.SQLITE_IOERR or "I/O error" in text:
        return f"cannot be read or written ({text}: a full disk or a failing device?)"
    return text


def _attrs_json(claim: Claim) -> str:
    return json.dumps(claim.non_span_fields(), ensure_ascii=False, sort_keys=True)
