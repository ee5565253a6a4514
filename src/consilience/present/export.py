"""JSON and CSV exports of a ledger, and the JSON record of one extracted document."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields
from pathlib import Path
from typing import Any

from consilience.extract.claims import CLAIM_KINDS, CLAIM_RECORDS, SPAN_FIELDS, DocumentClaims
from consilience.store import DOCUMENT_COLUMNS, JSON_SCHEMA_ID, Ledger, document_record
from consilience.store.schema import RESULT_TABLES

# Tables written by the CSV export, one file each.
CSV_TABLES = ("documents", *CLAIM_KINDS, *RESULT_TABLES)


def document_claims_record(claims: DocumentClaims) -> dict[str, Any]:
    """One document's claims in the same shape as a ledger export, `document` singular."""
    record: dict[str, Any] = {
        "schema": JSON_SCHEMA_ID,
        "document": document_record(claims.document),
    }
    for kind in CLAIM_KINDS:
        record[kind] = [claim.to_dict() for claim in claims.claims_of(kind)]
    for table in RESULT_TABLES:
        record[table] = []
    return record


def table_rows(ledger: Ledger, table: str) -> list[dict[str, Any]]:
    if table == "documents":
        return ledger.documents()
    if table in CLAIM_KINDS:
        return ledger.claims(table)
    if table in RESULT_TABLES:
        return ledger.results(table)
    raise ValueError(f"unknown table {table!r}; choose from {', '.join(CSV_TABLES)}")


def base_columns(table: str) -> list[str]:
    """Columns every row of `table` has, so even an empty table gets its header."""
    if table == "documents":
        return list(DOCUMENT_COLUMNS)
    if table == "entities":
        return [*SPAN_FIELDS, "label"]
    if table in CLAIM_RECORDS:
        return [field.name for field in fields(CLAIM_RECORDS[table])]
    if table in CLAIM_KINDS:
        return list(SPAN_FIELDS)
    return ["id"]


def to_csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    """Rows as CSV; given columns first, then others in first-seen order; lists as JSON."""
    columns = list(columns or [])
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(row.get(key)) for key in columns})
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else value


def write_csv_tables(ledger: Ledger, directory: Path) -> list[Path]:
    """One CSV file per table in `directory`; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in CSV_TABLES:
        path = directory / f"{table}.csv"
        path.write_text(to_csv(table_rows(ledger, table), base_columns(table)), encoding="utf-8")
        written.append(path)
    return written
