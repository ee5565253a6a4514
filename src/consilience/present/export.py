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
CSV_TABLES = ("documents", *CLAIM_KINDS, *RESULT_TABLES, "slot_values")

# slots.csv is flat, for spreadsheets: one row per slot with these columns in this order
# (docs/schema.md); the nested record stays in the JSON export.
SLOT_COLUMNS = [
    "id", "measure", "subject", "event", "event_time", "places", "verdict",
    "best", "best_text", "low", "high", "latest", "sources", "independent_sources",
    "values", "explanation_kinds", "best_rule", "headline",
]  # fmt: skip
# slot_values.csv: one row per source stating a value in a slot.
SLOT_VALUE_COLUMNS = [
    "slot", "measure", "subject", "verdict", "value", "low", "high", "text",
    "independent_sources", "claim", "doc",
]  # fmt: skip

# events-csv: one row per event, the shape conflict-event datasets (UCDP GED, ACLED) take,
# for analysts' tools; these columns in this order (docs/schema.md, "events-csv").
EVENT_TOLL_MEASURES = ("killed", "wounded", "missing")
EVENT_COLUMNS = [
    "id", "kind", "label", "name", "date_start", "date_end", "country", "region", "place",
    "latitude", "longitude", "ongoing", "first_reported", "last_reported", "sources",
    "independent_sources",
    *(f"{measure}_{field}" for measure in EVENT_TOLL_MEASURES
      for field in ("best", "low", "high", "latest", "claims")),
    "documents", "headline",
]  # fmt: skip
# Most specific first: the place an event row gives is the first of its places at the
# finest level the gazetteer resolved (a city, else a region, else a country).
PLACE_LEVELS = ("city", "region", "country")


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
    if table == "slots":
        return [slot_row(slot) for slot in ledger.slots()]
    if table == "slot_values":
        return [row for slot in ledger.slots() for row in slot_value_rows(slot)]
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
    if table == "slots":
        return list(SLOT_COLUMNS)
    if table == "slot_values":
        return list(SLOT_VALUE_COLUMNS)
    return ["id"]


def slot_row(slot: dict[str, Any]) -> dict[str, Any]:
    """A slot flattened to SLOT_COLUMNS: values as "text (n independent)" joined by "; "."""
    event = slot.get("event") or {}
    latest = slot.get("latest") or {}
    return {
        "id": slot["id"],
        "measure": slot["measure"],
        "subject": slot.get("subject"),
        "event": event.get("label"),
        "event_time": event.get("time"),
        "places": "; ".join(event.get("places") or []),
        "verdict": slot["verdict"],
        "best": slot.get("best"),
        "best_text": slot.get("best_text"),
        "low": slot.get("low"),
        "high": _bound(slot.get("high")),
        "latest": latest.get("text"),
        "sources": slot.get("sources"),
        "independent_sources": slot.get("independent_sources"),
        "values": "; ".join(
            f"{value['text']} ({value['independent_sources']} independent)"
            for value in slot.get("values", [])
        ),
        "explanation_kinds": "; ".join(sorted({e["kind"] for e in slot.get("explanations", [])})),
        "best_rule": slot.get("best_rule"),
        "headline": slot.get("headline", ""),
    }


def slot_value_rows(slot: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per claim stating a value of the slot (SLOT_VALUE_COLUMNS)."""
    return [
        {
            "slot": slot["id"],
            "measure": slot["measure"],
            "subject": slot.get("subject"),
            "verdict": slot["verdict"],
            "value": value.get("value"),
            "low": value.get("low"),
            "high": _bound(value.get("high")),
            "text": value.get("text"),
            "independent_sources": value.get("independent_sources"),
            "claim": claim,
            "doc": doc,
        }
        for value in slot.get("values", [])
        for claim, doc in zip(value.get("claims", []), _claim_docs(value), strict=False)
    ]


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """An event flattened to EVENT_COLUMNS: its most specific place, its dates, and per
    casualty measure its toll (claims `;`-joined); empty where it has none."""
    when = event.get("date") or {}
    place = most_specific_place(event.get("places") or [])
    row: dict[str, Any] = {
        "id": event.get("id"),
        "kind": event.get("kind"),
        "label": event.get("label"),
        "name": event.get("name"),
        "date_start": when.get("start"),
        "date_end": when.get("end"),
        "country": place.get("country"),
        "region": place.get("region"),
        "place": place.get("name"),
        "latitude": place.get("latitude"),
        "longitude": place.get("longitude"),
        "ongoing": "true" if event.get("ongoing") else "false",
        "first_reported": event.get("first_reported"),
        "last_reported": event.get("last_reported"),
        "sources": event.get("sources"),
        "independent_sources": event.get("independent_sources"),
    }
    tolls = event.get("tolls") or {}
    for measure in EVENT_TOLL_MEASURES:
        toll = tolls.get(measure) or {}
        for field in ("best", "low", "high", "latest"):
            row[f"{measure}_{field}"] = _bound(toll.get(field))
        row[f"{measure}_claims"] = ";".join(toll.get("claims") or [])
    row["documents"] = ";".join(event.get("documents") or [])
    row["headline"] = event.get("headline", "")
    return row


def most_specific_place(places: list[dict[str, Any]]) -> dict[str, Any]:
    """The first place at the finest level resolved (city, region, country); else the
    first place named; else nothing."""
    for level in PLACE_LEVELS:
        for place in places:
            if place.get("level") == level:
                return place
    return places[0] if places else {}


def events_csv(ledger: Ledger) -> str:
    """The events-csv export: one row per event, most reported first."""
    return to_csv([event_row(event) for event in ledger.results("events")], EVENT_COLUMNS)


def _claim_docs(value: dict[str, Any]) -> list[str]:
    """The document of each claim of a value (claim ids begin with their document id)."""
    return [str(claim).rsplit("-", 1)[0] for claim in value.get("claims", [])]


def _bound(value: Any) -> Any:
    """An open upper bound is stored as null; a spreadsheet reads an empty cell the same."""
    return None if isinstance(value, float) and value == float("inf") else value


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
        write_whole(path, to_csv(table_rows(ledger, table), base_columns(table)))
        written.append(path)
    return written


def write_whole(path: Path, text: str) -> None:
    """Write `path` (UTF-8) so that it is whole or untouched: a full disk or a stop
    never leaves half a file under the name a reader opens."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
