"""Is the ledger sound? SQLite's own checks and the ledger's consistency rules.

`consilience check` runs them all and reports one line per check; `build` runs the quick
one first, so a corrupted ledger is named before anything is written to it.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from consilience.extract.claims import CLAIM_KINDS
from consilience.store.reads import LedgerReads
from consilience.store.schema import LEDGER_KIND, READABLE_SINCE, SCHEMA_VERSION

# How many offending rows a line names before it only counts them.
NAMED = 3


@dataclass(frozen=True)
class Finding:
    """The outcome of one check: its name, whether it passed, and what it saw. A failed
    check that is a `warning` names a state a build repairs (results out of date after a
    stopped build), not damage."""

    check: str
    ok: bool
    detail: str
    warning: bool = False


# What one check returns: whether it passed, and what it saw.
Outcome = tuple[bool, str]


class LedgerChecks(LedgerReads):
    """The checks, over the ledger's connection."""

    def quick_check(self) -> str | None:
        """SQLite's quick check of the file's structure: None when sound, else its first
        complaint. Linear in the file's size; no index is compared with its table."""
        rows = [str(row[0]) for row in self._db.execute(f"PRAGMA quick_check({NAMED})")]
        return None if rows == ["ok"] else _one_line(rows)

    def check(self) -> Iterator[Finding]:
        """Every check, in order, each run even when an earlier one failed (a corrupted
        page is reported by the check that meets it). Only stale results are a warning."""
        checks: list[tuple[str, Callable[[], Outcome], bool]] = [
            ("schema", self._check_schema, False),
            ("integrity", self._check_integrity, False),
            ("foreign keys", self._check_foreign_keys, False),
            ("full-text index", self._check_fts, False),
            ("claim spans", self._check_spans, False),
            ("document hashes", self._check_hashes, False),
            ("results", self._check_results, True),
        ]
        for name, run, warning in checks:
            try:
                ok, detail = run()
            except sqlite3.DatabaseError as error:
                ok, detail, warning = False, f"could not be run ({error})", False
            yield Finding(name, ok, detail, warning=warning and not ok)

    def _check_schema(self) -> Outcome:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'kind'").fetchone()
        if row is None or row[0] != LEDGER_KIND:
            return False, "not marked as a consilience ledger"
        if READABLE_SINCE <= self.schema_version < SCHEMA_VERSION:
            # Only opened read-only: a writable open migrates it first.
            return True, (
                f"consilience ledger, schema {self.schema_version} (read as it is; "
                f"`consilience build` upgrades it to {SCHEMA_VERSION})"
            )
        if self.schema_version != SCHEMA_VERSION:
            return False, f"version {self.schema_version}, this consilience uses {SCHEMA_VERSION}"
        return True, f"consilience ledger, schema {SCHEMA_VERSION}"

    def _check_integrity(self) -> Outcome:
        rows = [str(row[0]) for row in self._db.execute(f"PRAGMA integrity_check({NAMED})")]
        if rows == ["ok"]:
            return True, "SQLite integrity_check passed"
        return False, _one_line(rows)

    def _check_foreign_keys(self) -> Outcome:
        rows = self._db.execute("PRAGMA foreign_key_check").fetchall()
        if not rows:
            return True, "every claim and source row has its document"
        tables = sorted({str(row[0]) for row in rows})
        return False, f"{len(rows)} rows point at a missing document (in {', '.join(tables)})"

    def _check_fts(self) -> Outcome:
        """FTS5's integrity-check compares the index with the documents. It is issued as
        an INSERT, so on a read-only connection only the row counts are compared."""
        try:
            self._db.execute(
                "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_READONLY:
                return False, str(error)
        else:
            return True, "FTS5 integrity-check passed"
        indexed = self._db.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0]
        stored = self.document_count()
        if indexed != stored:
            return False, f"{indexed} documents indexed, {stored} stored"
        return True, f"{stored} documents indexed (counts only: read-only)"

    def _check_spans(self) -> Outcome:
        bad = 0
        named: list[str] = []
        for kind in CLAIM_KINDS:
            rows = self._db.execute(
                f"SELECT c.id FROM {kind} c JOIN documents d ON d.id = c.doc_id WHERE c.start < 0 "
                f'OR c."end" < c.start OR c."end" > length(d.text) '
                f'OR substr(d.text, c.start + 1, c."end" - c.start) != c.text'
            ).fetchall()
            bad += len(rows)
            named += [f"{kind} {row[0]}" for row in rows[: NAMED - len(named)]]
        if bad:
            return (
                False,
                f"{bad} claims do not match their document's text (first: {', '.join(named)})",
            )
        return True, "every claim's span holds its text"

    def _check_hashes(self) -> Outcome:
        bad: list[str] = []
        count = 0
        # As bytes: a text damaged on disk may no longer decode.
        rows = self._db.execute("SELECT id, CAST(text AS BLOB), sha256 FROM documents")
        for doc_id, data, sha256 in rows:
            count += 1
            if hashlib.sha256(bytes(data)).hexdigest() != sha256:
                bad.append(str(doc_id))
        if bad:
            first = ", ".join(bad[:NAMED])
            return False, f"{len(bad)} document texts differ from their hash (first: {first})"
        return True, f"{count} document texts match their hashes"

    def _check_results(self) -> Outcome:
        if self.alignment_current():
            return True, "alignment results are current"
        return False, (
            "alignment results are out of date (documents changed after the last "
            "alignment); `consilience build` aligns again"
        )


def _one_line(rows: list[str]) -> str:
    """SQLite's complaints (some hold line breaks) joined into one line."""
    return "; ".join(part for row in rows for part in row.splitlines() if part.strip())
