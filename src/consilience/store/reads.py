"""Reading a ledger whole: documents, claims and result tables in the export order, and
the JSON contract (docs/schema.md) they make together. `ContractRecord` builds that
contract over any store that lists the three, a ledger or a Parquet claims folder alike."""

from __future__ import annotations

import json
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import Any

from consilience.extract.claims import CLAIM_KINDS
from consilience.ingest.document import Document
from consilience.store.lookups import claim_record
from consilience.store.schema import RESULT_TABLES

JSON_SCHEMA_ID = "consilience/2"
DOCUMENT_COLUMNS = (
    "id", "path", "title", "publisher", "author", "published", "url",
    "sha256", "format", "encoding", "chars",
)  # fmt: skip


class ContractRecord(ABC):
    """Documents, claims and result rows in the export order, and the whole record."""

    @abstractmethod
    def documents(self) -> list[dict[str, Any]]:
        """Documents in a stable order (path, then id), without their text."""

    @abstractmethod
    def iter_claims(self, kind: str) -> Iterator[dict[str, Any]]:
        """Claims of one kind, one at a time: by document path, id, then position."""

    @abstractmethod
    def results(self, table: str) -> list[dict[str, Any]]:
        """One alignment result table, by rank."""

    def claims(self, kind: str) -> list[dict[str, Any]]:
        return list(self.iter_claims(kind))

    def entities(self) -> list[dict[str, Any]]:
        return self.claims("entities")

    def figures(self) -> list[dict[str, Any]]:
        return self.claims("figures")

    def dates(self) -> list[dict[str, Any]]:
        return self.claims("dates")

    def statements(self) -> list[dict[str, Any]]:
        return self.claims("statements")

    def incidents(self) -> list[dict[str, Any]]:
        return self.claims("incidents")

    def quotes(self) -> list[dict[str, Any]]:
        return self.claims("quotes")

    def slots(self) -> list[dict[str, Any]]:
        return self.results("slots")

    def events(self) -> list[dict[str, Any]]:
        return self.results("events")

    def reuse(self) -> list[dict[str, Any]]:
        return self.results("reuse")

    def timeline(self) -> list[dict[str, Any]]:
        return self.results("timeline")

    def actors(self) -> list[dict[str, Any]]:
        return self.results("actors")

    def to_dict(self) -> dict[str, Any]:
        """The whole record in the JSON contract documented in docs/schema.md."""
        record: dict[str, Any] = {"schema": JSON_SCHEMA_ID, "documents": self.documents()}
        for kind in CLAIM_KINDS:
            record[kind] = self.claims(kind)
        for table in RESULT_TABLES:
            record[table] = self.results(table)
        _add_events_to_figures(record)
        return record

    def to_json(self) -> str:
        """Deterministic JSON: the same content always gives the same bytes."""
        return json_text(self.to_dict())


def _add_events_to_figures(record: dict[str, Any]) -> None:
    """Each figure's `event`: the event of the incident it counts, else of its slot (a
    figure of a document that names no incident), else None (a figure in no slot)."""
    of_incident = {m: e["id"] for e in record.get("events", []) for m in e.get("mentions", [])}
    of_claim = {
        claim: slot["event"].get("id")
        for slot in record.get("slots", [])
        for claim in slot.get("claims", [])
    }
    for figure in record.get("figures", []):
        incident = figure.get("incident")
        figure["event"] = of_incident.get(incident) if incident else None
        figure["event"] = figure["event"] or of_claim.get(figure["id"])


class LedgerReads(ContractRecord):
    """The read side used by exports and by align: whole tables, in a stable order."""

    _db: sqlite3.Connection

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def alignment_current(self) -> bool:
        """True when the alignment results were computed after the last change."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'aligned'").fetchone()
        return row is not None and row[0] == "1"

    def iter_texts(self) -> Iterator[tuple[str, str]]:
        """(document id, text) for every document, in the export order."""
        for row in self._db.execute("SELECT id, text FROM documents ORDER BY path, id"):
            yield str(row[0]), str(row[1])

    def document_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def claim_count(self, kind: str) -> int:
        _check_kind(kind)
        return int(self._db.execute(f"SELECT count(*) FROM {kind}").fetchone()[0])

    def claim_counts_by_document(self, kind: str) -> dict[str, int]:
        _check_kind(kind)
        rows = self._db.execute(f"SELECT doc_id, count(*) FROM {kind} GROUP BY doc_id")
        return {str(row[0]): int(row[1]) for row in rows}

    def documents(self) -> list[dict[str, Any]]:
        rows = self._db.execute(
            "SELECT id, path, title, publisher, author, published, url, sha256, format, "
            "encoding, length(text) AS chars FROM documents ORDER BY path, id"
        )
        # The SELECT above lists DOCUMENT_COLUMNS in order.
        return [dict(row) for row in rows]

    def document_text(self, doc_id: str) -> str | None:
        row = self._db.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return None if row is None else str(row[0])

    def iter_claims(self, kind: str) -> Iterator[dict[str, Any]]:
        """The claims of `claims(kind)`, one at a time, for corpora too big to list."""
        _check_kind(kind)
        extra = "c.label" if kind == "entities" else "c.attrs"
        rows = self._db.execute(
            f'SELECT c.id, c.doc_id, c.start, c."end", c.text, {extra} AS extra '
            f"FROM {kind} c JOIN documents d ON d.id = c.doc_id "
            f'ORDER BY d.path, d.id, c.start, c."end", c.id'
        )
        for row in rows:
            yield claim_record(kind, row)

    def results(self, table: str) -> list[dict[str, Any]]:
        if table not in RESULT_TABLES:
            raise ValueError(f"unknown result table {table!r}")
        rows = self._db.execute(f"SELECT data FROM {table} ORDER BY rank, id")
        return [json.loads(row[0]) for row in rows]


def result_json(row: dict[str, Any]) -> str:
    """How one result row is stored: compact JSON, keys in the order the row gives them."""
    return json.dumps(row, ensure_ascii=False)


def json_text(record: dict[str, Any]) -> str:
    """The one JSON serialisation every export uses: UTF-8 text, indented, newline-ended."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def document_record(document: Document) -> dict[str, Any]:
    """A document as the JSON contract shows it (no text)."""
    record: dict[str, Any] = {
        "id": document.id,
        "path": document.path,
        "title": document.metadata.title,
        "publisher": document.metadata.publisher,
        "author": document.metadata.author,
        "published": document.metadata.published,
        "url": document.metadata.url,
        "sha256": document.sha256,
        "format": document.format,
        "encoding": document.encoding,
        "chars": len(document.text),
    }
    return record


def _check_kind(kind: str) -> None:
    if kind not in CLAIM_KINDS:
        raise ValueError(f"unknown claim kind {kind!r}")
