"""Point lookups over a ledger for the report and the web UI.

Every query here is answered from an index (a primary key, `doc_id`, the figures'
measure and value, the result tables' rank, or the full-text index), so a page costs the
same on a ledger of five documents and of a million.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from consilience.extract.claims import CLAIM_KINDS, kind_of_claim_id
from consilience.store.schema import (
    MEASURE_EXPRESSION,
    RESULT_TABLES,
    STEMMED_SINCE,
    VALUE_EXPRESSION,
)

# Markers FTS5 puts around matched words in a snippet: control characters that never
# occur in stored text (decoding drops them), so they survive HTML escaping unambiguously.
MATCH_START = "\x02"
MATCH_END = "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)


class LedgerLookups:
    """The read side used by views: one document, one claim, one result row, one page."""

    _db: sqlite3.Connection

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One document's metadata and text, or None."""
        row = self._db.execute(
            "SELECT id, path, title, publisher, author, published, url, sha256, format, "
            "encoding, length(text) AS chars, text FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        return None if row is None else dict(row)

    def documents_page(self, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        """Documents `offset` .. `offset + limit` in the export order (path, then id),
        without their text."""
        rows = self._db.execute(
            "SELECT id, path, title, publisher, author, published, url, sha256, format, "
            "encoding, length(text) AS chars FROM documents ORDER BY path, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [dict(row) for row in rows]

    def claim_counts_of(self, doc_ids: list[str]) -> dict[str, dict[str, int]]:
        """{document id: {kind: number of claims}} for the given documents only."""
        counts = {doc_id: dict.fromkeys(CLAIM_KINDS, 0) for doc_id in doc_ids}
        if not doc_ids:
            return counts
        marks = ",".join("?" * len(doc_ids))
        for kind in CLAIM_KINDS:
            rows = self._db.execute(
                f"SELECT doc_id, count(*) FROM {kind} WHERE doc_id IN ({marks}) GROUP BY doc_id",
                doc_ids,
            )
            for doc_id, count in rows:
                counts[doc_id][kind] = int(count)
        return counts

    def published_range(self) -> tuple[str | None, str | None]:
        """The first and last publication dates of the corpus."""
        first, last = self._db.execute(
            "SELECT min(published), max(published) FROM documents WHERE published IS NOT NULL"
        ).fetchone()
        return first, last

    def document_claims(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        """Every claim of one document, by kind, in text order."""
        return {kind: self._claim_rows(kind, "doc_id = ?", (doc_id,)) for kind in CLAIM_KINDS}

    def claim(self, claim_id: str) -> dict[str, Any] | None:
        """One claim by id, with its claim kind added as `kind`, or None. An incident's
        own `kind` (what happened) is given as `incident_kind` here."""
        kind = kind_of_claim_id(claim_id)
        if kind is None:
            return None
        rows = self._claim_rows(kind, "id = ?", (claim_id,))
        if not rows:
            return None
        record = rows[0]
        if "kind" in record:
            record["incident_kind"] = record.pop("kind")
        return {**record, "kind": kind}

    def figures_of_measure(
        self, measure: str, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Figures with one measure ("killed", "injured" ...), in ledger order."""
        return self._claim_rows(
            "figures", f"{MEASURE_EXPRESSION} = ?", (measure,), limit=limit, offset=offset
        )

    def figures_of_value(
        self,
        measure: str,
        low: float | None,
        high: float | None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Figures with one measure whose stated value (`value`) lies between `low` and
        `high` (either may be None: unbounded), by value, then in ledger order. A figure
        that states no single number ("hundreds") has no value, so it is never found here.
        """
        where = [f"{MEASURE_EXPRESSION} = ?"]
        params: list[Any] = [measure]
        if low is not None:
            where.append(f"{VALUE_EXPRESSION} >= ?")
            params.append(low)
        if high is not None:
            where.append(f"{VALUE_EXPRESSION} <= ?")
            params.append(high)
        if low is None and high is None:
            where.append(f"{VALUE_EXPRESSION} IS NOT NULL")
        return self._claim_rows(
            "figures",
            " AND ".join(where),
            tuple(params),
            limit=limit,
            offset=offset,
            order=f"{VALUE_EXPRESSION}, doc_id, start, id",
        )

    def measures_held(self, measures: Iterable[str]) -> list[str]:
        """Those of `measures` that at least one figure has, in the order given: one index
        lookup each, so the cost does not grow with the ledger."""
        return [
            measure
            for measure in measures
            if self._db.execute(
                f"SELECT 1 FROM figures WHERE {MEASURE_EXPRESSION} = ? LIMIT 1", (measure,)
            ).fetchone()
        ]

    def result(self, table: str, row_id: str) -> dict[str, Any] | None:
        _check_table(table)
        row = self._db.execute(f"SELECT data FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def results_page(self, table: str, limit: int, offset: int = 0) -> list[dict[str, Any]]:
        """Rows `offset` .. `offset + limit` of a result table, in rank order."""
        _check_table(table)
        rows = self._db.execute(
            f"SELECT data FROM {table} ORDER BY rank, id LIMIT ? OFFSET ?", (limit, offset)
        )
        return [json.loads(row[0]) for row in rows]

    def result_holding_claim(self, table: str, claim_id: str) -> dict[str, Any] | None:
        """The first result (in rank order) whose record names `claim_id`: the slot a
        figure is in, for a claim panel that links to it. A scan of the table's JSON: one
        claim's lookup, not a loop's."""
        _check_table(table)
        row = self._db.execute(
            f"SELECT data FROM {table} WHERE instr(data, ?) > 0 ORDER BY rank, id LIMIT 1",
            (json.dumps(claim_id),),
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def result_count(self, table: str) -> int:
        _check_table(table)
        return int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    @property
    def search_stemmed(self) -> bool:
        """True when `search` matches words by their stem ("killed" finds "killing"); False
        on a ledger read before its migration to STEMMED_SINCE, which matches words as
        written (diacritics and case aside)."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0]) >= STEMMED_SINCE

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Documents matching every word of `query`, best first, each with a snippet whose
        matched words sit between MATCH_START and MATCH_END. The index stems words (see
        `search_stemmed`), and it stems the query's words the same way.

        The query is read as plain words, never as FTS5 syntax, so no input is an error.
        """
        words = _WORD.findall(query)
        if not words:
            return []
        match = " ".join('"' + word.replace('"', '""') + '"' for word in words)
        rows = self._db.execute(
            "SELECT d.id, d.title, d.publisher, d.published, d.path, d.url, "
            f"snippet(documents_fts, 1, '{MATCH_START}', '{MATCH_END}', '…', 24) AS snippet "
            "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [dict(row) for row in rows]

    def _claim_rows(
        self,
        kind: str,
        where: str,
        params: tuple[Any, ...],
        limit: int = -1,
        offset: int = 0,
        order: str = "doc_id, start, id",
    ) -> list[dict[str, Any]]:
        extra = "label" if kind == "entities" else "attrs"
        rows = self._db.execute(
            f'SELECT id, doc_id, start, "end", text, {extra} AS extra FROM {kind} '
            f"WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [claim_record(kind, row) for row in rows]


def claim_record(kind: str, row: Any) -> dict[str, Any]:
    """A stored claim row (id, doc_id, start, end, text, extra: the entity label or the
    kind's JSON attributes) as the claim record the JSON contract shows."""
    claim: dict[str, Any] = {
        "id": row["id"],
        "doc": row["doc_id"],
        "start": row["start"],
        "end": row["end"],
        "text": row["text"],
    }
    if kind == "entities":
        claim["label"] = row["extra"]
    else:
        claim.update(json.loads(row["extra"]))
    return claim


def _check_table(table: str) -> None:
    if table not in RESULT_TABLES:
        raise ValueError(f"unknown result table {table!r}")
