"""The terminal view's tables as tab-separated text (`consilience show --format tsv`):
every value whole, one section per table, so a script or a spreadsheet reads them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from consilience.ingest.problems import printable
from consilience.present.reuse_view import reuse_pairs
from consilience.present.show_tables import (
    CONFLICT_COLUMNS,
    EVENT_COLUMNS,
    EXPLANATION_COLUMNS,
    SLOT_COLUMNS,
    SOURCE_COLUMNS,
    TIMELINE_COLUMNS,
    TOTAL_COLUMNS,
    Row,
    column_headers,
    event_rows,
    slot_rows,
    source_rows,
    timeline_rows,
    value_sources,
)
from consilience.present.views import DISPUTED_VERDICTS, Sources, brief, overview
from consilience.store import Ledger

HEADLINE_COLUMNS = ("kind", "id", "label", "headline")
REUSE_COLUMNS = ("source", "other source", "score", "shared passages")


@dataclass(frozen=True)
class Section:
    """One table of `show --format tsv`: its name, header and rows."""

    name: str
    columns: Sequence[str]
    rows: list[Row]


def tsv_sections(ledger: Ledger, limit: int) -> list[Section]:
    """The tables of the terminal view, each with every value whole: the first `limit`
    events, slots and timeline entries (as `--json`), and every explanation."""
    summary = overview(ledger)
    sources = Sources(ledger)
    slots = ledger.results_page("slots", limit)
    events = ledger.results_page("events", limit)
    disputed = [slot for slot in slots if slot.get("verdict") in DISPUTED_VERDICTS]
    totals: list[Row] = [("claims", kind, str(count)) for kind, count in summary["claims"].items()]
    totals += [("alignment", name, str(count)) for name, count in summary["results"].items()]
    return [
        Section(
            "headlines",
            HEADLINE_COLUMNS,
            [
                (item["kind"], str(item["id"]), str(item["label"]), str(item["headline"]))
                for item in brief(events, slots)
            ],
        ),
        Section("sources", column_headers(SOURCE_COLUMNS), source_rows(summary)),
        Section("events", column_headers(EVENT_COLUMNS), event_rows(events)),
        Section("slots", column_headers(SLOT_COLUMNS), slot_rows(slots)),
        Section(
            "conflicts",
            CONFLICT_COLUMNS,
            [
                (
                    str(slot["id"]),
                    str(slot["measure"]),
                    str(slot.get("subject") or ""),
                    str(slot["verdict"]),
                    str(value["text"]),
                    value_sources(value, sources),
                )
                for slot in disputed
                for value in slot["values"]
            ],
        ),
        Section(
            "explanations",
            EXPLANATION_COLUMNS,
            [
                (str(slot["id"]), str(explanation["kind"]), str(explanation["text"]))
                for slot in disputed
                for explanation in slot.get("explanations", [])
            ],
        ),
        Section(
            "timeline",
            column_headers(TIMELINE_COLUMNS),
            timeline_rows(ledger.results_page("timeline", limit)),
        ),
        Section(
            "reuse",
            REUSE_COLUMNS,
            [
                (
                    pair["a"]["label"],
                    pair["b"]["label"],
                    str(pair["score"]),
                    str(len(pair["passages"]) + pair["more_passages"]),
                )
                for pair in reuse_pairs(ledger, sources)[:limit]
            ],
        ),
        Section("totals", TOTAL_COLUMNS, totals),
    ]


def tsv_text(sections: list[Section]) -> str:
    """Sections as tab-separated text: "# name", the header line, one line per row, and a
    blank line between sections."""
    blocks = []
    for section in sections:
        lines = [f"# {section.name}", "\t".join(map(tsv_value, section.columns))]
        lines += ["\t".join(map(tsv_value, row)) for row in section.rows]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def tsv_value(value: str) -> str:
    """One value on one line of a TSV: a backslash doubled, then tabs, newlines and other
    control characters written as escapes (\\t, \\n, \\x1b) by `printable`."""
    return printable(value.replace("\\", "\\\\"))
