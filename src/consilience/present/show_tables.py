"""What `consilience show` prints, as data: the record `--json` writes, and each table's
columns and rows, which the terminal view draws with Rich (`present.terminal`) and
`present.tsv` writes as tab-separated text. Nothing here imports Rich, so `show --json`
and `--format tsv` start without it."""

from __future__ import annotations

from typing import Any

from consilience.numbers import number
from consilience.present.reuse_view import reuse_pairs
from consilience.present.stated import value_span
from consilience.present.views import DISPUTED_VERDICTS, Sources, brief, event_summary, overview
from consilience.store import Ledger

EVENTS_SHOWN = 20  # the most reported; the rest are in --json, the report and the export
# Each table's columns: header, then how Rich draws it on a terminal (`_table` lifts the
# caps that cut a value when the output is not a terminal).
Columns = tuple[tuple[str, dict[str, Any]], ...]
Row = tuple[str, ...]  # one table row, each value as shown
SOURCE_COLUMNS: Columns = (
    ("document", {"no_wrap": True, "overflow": "ellipsis"}),
    ("publisher", {"no_wrap": True, "overflow": "ellipsis"}),
    ("published", {"no_wrap": True, "min_width": 10}),
    ("claims", {"justify": "right", "no_wrap": True}),
)
# Labels and tolls wrap rather than lose their end; the dates keep whole lines.
EVENT_COLUMNS: Columns = (
    ("event", {"overflow": "fold", "min_width": 16, "ratio": 3}),
    ("kind", {"overflow": "ellipsis", "no_wrap": True, "max_width": 12}),
    ("date", {"overflow": "fold", "min_width": 10, "max_width": 12}),
    ("first", {"no_wrap": True, "min_width": 10, "max_width": 10}),
    ("last", {"no_wrap": True, "min_width": 10, "max_width": 10}),
    ("reports", {"justify": "right", "no_wrap": True}),
    ("indep.", {"justify": "right", "no_wrap": True}),
    ("toll: latest (low–high)", {"overflow": "fold", "min_width": 14, "ratio": 2}),
)
SLOT_COLUMNS: Columns = (
    ("measure", {"no_wrap": True, "min_width": 9}),
    ("of", {"overflow": "ellipsis", "no_wrap": True, "max_width": 16}),
    ("event", {"overflow": "ellipsis", "no_wrap": True, "max_width": 30}),
    ("best", {"justify": "right", "no_wrap": True, "overflow": "ellipsis", "max_width": 22}),
    ("low–high", {"justify": "right", "no_wrap": True}),
    ("verdict", {"no_wrap": True, "min_width": 13}),
    ("sources", {"justify": "right", "no_wrap": True, "min_width": 7}),
)
TIMELINE_COLUMNS: Columns = (
    ("date", {"no_wrap": True}),
    ("what", {"overflow": "ellipsis", "no_wrap": True, "max_width": 70}),
    ("sources", {"justify": "right", "no_wrap": True}),
)
CONFLICT_COLUMNS = ("slot", "measure", "of", "verdict", "value", "sources")
EXPLANATION_COLUMNS = ("slot", "kind", "explanation")
TOTAL_COLUMNS = ("of", "name", "count")


def show_record(ledger: Ledger, limit: int) -> dict[str, Any]:
    """What `consilience show --json` prints: the overview, the first `limit` events, slots
    and timeline entries as the ledger stores them, and the conflicts with their
    explanations."""
    slots = ledger.results_page("slots", limit)
    events = ledger.results_page("events", limit)
    return {
        "brief": brief(events, slots),
        "overview": overview(ledger),
        "events": events,
        "slots": slots,
        "conflicts": [
            {
                "slot": slot["id"],
                "measure": slot["measure"],
                "subject": slot.get("subject"),
                "verdict": slot["verdict"],
                "headline": slot.get("headline", ""),
                "values": [value["text"] for value in slot["values"]],
                "explanations": slot["explanations"],
            }
            for slot in slots
            if slot.get("verdict") in DISPUTED_VERDICTS
        ],
        "timeline": ledger.results_page("timeline", limit),
        "reuse": reuse_pairs(ledger, Sources(ledger))[:limit],
    }


def source_rows(summary: dict[str, Any]) -> list[Row]:
    """The sources table: title (or path), publisher, publication date, claims."""
    return [
        (
            str(document["title"] or document["path"]),
            str(document["publisher"] or "-"),
            str(document["published"] or "-"),
            str(sum(document["claims"].values())),
        )
        for document in summary["documents"]
    ]


def event_rows(events: list[dict[str, Any]]) -> list[Row]:
    rows: list[Row] = []
    for event in events:
        row = event_summary(event)
        independent = row["independent_sources"]
        rows.append(
            (
                str(row["label"]),
                str(row["kind"]),
                str(row["date"]) + (" (ongoing)" if row["ongoing"] else "") or "-",
                str(row["first_reported"] or "-"),
                str(row["last_reported"] or "-"),
                str(row["reports"]),
                str(independent) if independent is not None else "-",
                "; ".join(row["tolls"]),
            )
        )
    return rows


def slot_rows(slots: list[dict[str, Any]]) -> list[Row]:
    return [
        (
            str(slot["measure"]),
            str(slot.get("subject") or ""),
            str((slot.get("event") or {}).get("label", "")),
            str(slot.get("best_text") or number(slot.get("best"))),
            value_span(slot),
            str(slot["verdict"]).replace("_", " "),
            f"{slot.get('independent_sources')} of {slot.get('sources')}",
        )
        for slot in slots
    ]


def timeline_rows(entries: list[dict[str, Any]]) -> list[Row]:
    rows: list[Row] = []
    for entry in entries:
        mod = f" ({str(entry['mod']).lower()})" if entry.get("mod") else ""
        rows.append(
            (
                f"{entry.get('date')}{mod}",
                str(entry.get("what") or ""),
                str(len(entry.get("documents", []))),
            )
        )
    return rows


def value_sources(value: dict[str, Any], sources: Sources) -> str:
    """The sources that state one value of a slot, named and sorted."""
    return ", ".join(sorted({sources.label(doc) for doc in value["documents"]}))


def column_headers(columns: Columns) -> tuple[str, ...]:
    return tuple(header for header, _ in columns)
