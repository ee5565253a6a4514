"""The terminal view of a ledger, drawn with Rich: sources, figure slots, where sources
differ and why, and the timeline. The tables' columns and rows are `present.show_tables`,
which `show --json` and `present.tsv` use without Rich.

Everything a ledger holds came from untrusted documents: titles, publishers, values and
labels are drawn as plain `Text` (never parsed as Rich markup or emoji codes) and passed
through `printable`, so no control character or escape sequence reaches the terminal.

On a terminal, long values in narrow columns end in an ellipsis, to keep one row a line.
Anywhere else (a file, a pipe, `less`) nothing may be lost: no column is capped, and the
caller gives the console room for the widest row (`WHOLE_WIDTH`)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from consilience.ingest.problems import printable
from consilience.present.reuse_view import reuse_pairs
from consilience.present.show_tables import (
    EVENT_COLUMNS,
    EVENTS_SHOWN,
    SLOT_COLUMNS,
    SOURCE_COLUMNS,
    TIMELINE_COLUMNS,
    Columns,
    event_rows,
    slot_rows,
    source_rows,
    timeline_rows,
)
from consilience.present.stated import stated_rows
from consilience.present.views import (
    DISPUTED_VERDICTS,
    EXPLANATIONS_FIRST,
    Sources,
    brief,
    overview,
)
from consilience.store import Ledger

VERDICT_STYLES = {
    "conflicting": "bold red",
    "compatible": "yellow",
    "agreed": "green",
    "single_source": "dim",
}
# Console width for output that is not a terminal: wider than any row, so none is cut.
WHOLE_WIDTH = 100_000


def plain(value: object, style: str = "") -> Text:
    """Untrusted `value` as Text: "[bold red]" in a title shows as typed, ESC as \\x1b."""
    return Text(printable(str(value)), style=style)


def print_summary(ledger: Ledger, console: Console, limit: int = 40) -> None:
    """The headlines first, then sources, events (the first EVENTS_SHOWN), slots,
    conflicts, reuse and timeline (each cut at `limit` rows), then totals. Values are
    whole unless `console` is a terminal."""
    whole = not console.is_terminal
    summary = overview(ledger)
    events = ledger.results_page("events", EVENTS_SHOWN)
    slots = ledger.results_page("slots", limit)
    print_brief(brief(events, slots), console)
    print_sources(summary, console, whole)
    sources = Sources(ledger)
    print_events(events, ledger.result_count("events"), console, whole)
    print_slots(slots, ledger.result_count("slots"), console, whole)
    print_conflicts(slots, sources, console)
    print_reuse(reuse_pairs(ledger, sources), console)
    print_timeline(
        ledger.results_page("timeline", limit), ledger.result_count("timeline"), console, whole
    )
    totals = ", ".join(f"{count} {kind}" for kind, count in summary["claims"].items())
    console.print(plain(f"claims: {totals}"))
    results = ", ".join(f"{count} {name}" for name, count in summary["results"].items())
    console.print(plain(f"alignment: {results}"))
    if not summary["aligned"]:
        console.print("[bold]the alignment is older than the corpus: run consilience build[/]")


def _table(title: str | Text, columns: Columns, whole: bool) -> Table:
    """A Rich table with `columns`; with `whole`, no width cap and no ellipsis."""
    table = Table(title=title, title_justify="left")
    for header, drawn in columns:
        if whole:
            drawn = {key: value for key, value in drawn.items() if key != "max_width"}
            drawn["overflow"] = "fold"
        table.add_column(header, **drawn)
    return table


def print_sources(summary: dict[str, Any], console: Console, whole: bool = False) -> None:
    documents = summary["documents"]
    title = plain(f"{summary['ledger']}: {len(documents)} documents", "table.title")
    table = _table(title, SOURCE_COLUMNS, whole)
    for row in source_rows(summary):
        table.add_row(*map(plain, row))
    console.print(table)


def print_events(
    events: list[dict[str, Any]], total: int, console: Console, whole: bool = False
) -> None:
    """The events the documents report, most reported first, each with its latest tolls."""
    if not events:
        return
    title = (
        f"{total} event{'' if total == 1 else 's'} "
        "(first and last: the dates of the first and last report)"
    )
    table = _table(title, EVENT_COLUMNS, whole)
    for row in event_rows(events):
        table.add_row(*map(plain, row))
    console.print(table)
    if total > len(events):
        console.print(
            plain(f"… {total - len(events)} more events (show --json, or the HTML report)")
        )


def print_slots(
    slots: list[dict[str, Any]], total: int, console: Console, whole: bool = False
) -> None:
    if not slots:
        return
    shown = f" (first {len(slots)})" if total > len(slots) else ""
    table = _table(f"{total} figure slots{shown}", SLOT_COLUMNS, whole)
    for slot, row in zip(slots, slot_rows(slots), strict=True):
        style = VERDICT_STYLES.get(str(slot["verdict"]), "")
        table.add_row(*(plain(value, style if at == 5 else "") for at, value in enumerate(row)))
    console.print(table)


def print_brief(items: list[dict[str, Any]], console: Console) -> None:
    """The answer first: each event's headline, then each disputed slot's."""
    if not items:
        return
    console.print("[bold]in brief[/]")
    for item in items:
        console.print(
            Text.assemble("  ", plain(item["label"], "bold"), ": ", plain(item["headline"]))
        )
    console.print()


def print_conflicts(slots: list[dict[str, Any]], sources: Sources, console: Console) -> None:
    """Each disputed slot: its headline, each value as stated with its source, who it is
    attributed to and the date, then the explanations that matter most."""
    disputed = [slot for slot in slots if slot.get("verdict") in DISPUTED_VERDICTS]
    if not disputed:
        return
    console.print(f"[bold]where the sources differ ({len(disputed)} slots)[/]")
    for slot in disputed:
        subject = f" of {slot['subject']}" if slot.get("subject") else ""
        verdict = str(slot["verdict"])
        console.print()
        console.print(
            Text.assemble(
                plain(f"{slot['measure']}{subject}", "bold"),
                " ",
                plain(verdict, VERDICT_STYLES.get(verdict, "")),
            )
        )
        if slot.get("headline"):
            console.print(Text.assemble("  ", plain(slot["headline"])))
        for row in stated_rows(sources.ledger, sources, slot):
            console.print(Text.assemble("  ", plain(stated_line(row))))
        explanations = slot.get("explanations", [])
        for explanation in explanations[:EXPLANATIONS_FIRST]:
            console.print(
                Text.assemble(
                    "  ",
                    plain(str(explanation["kind"]).replace("_", " "), "italic"),
                    ": ",
                    plain(explanation["text"]),
                )
            )
        if len(explanations) > EXPLANATIONS_FIRST:
            console.print(
                f"  … {len(explanations) - EXPLANATIONS_FIRST} more explanations "
                "(show --json, or the HTML report)"
            )
    console.print()


def stated_line(row: dict[str, Any]) -> str:
    """ "about 30: Northwind Wire Service, according to local officials, 2023-10-15"."""
    said = f", according to {'; '.join(row['attributions'])}" if row["attributions"] else ""
    published = str(row["published"] or "undated")[:10]
    return f"{row['form']}: {row['label']}{said}, {published}"


def print_reuse(pairs: list[dict[str, Any]], console: Console) -> None:
    """Who shares passages with whom: each pair, its score and its first shared passage."""
    if not pairs:
        return
    count = f"{len(pairs)} pair{'' if len(pairs) == 1 else 's'}"
    console.print(f"[bold]sources that share passages ({count})[/]")
    for pair in pairs:
        count = len(pair["passages"]) + pair["more_passages"]
        console.print(
            Text.assemble(
                "  ",
                plain(f"{pair['a']['label']} and {pair['b']['label']}", "bold"),
                plain(f": score {pair['score']}, {count} shared passages"),
            )
        )
        if pair["passages"]:
            first = pair["passages"][0]
            console.print(
                Text.assemble("    ", plain(f"{pair['a']['label']}: "), plain(first["a"]))
            )
            console.print(
                Text.assemble("    ", plain(f"{pair['b']['label']}: "), plain(first["b"]))
            )
    console.print()


def print_timeline(
    entries: list[dict[str, Any]], total: int, console: Console, whole: bool = False
) -> None:
    if not entries:
        return
    shown = f" (first {len(entries)})" if total > len(entries) else ""
    table = _table(f"timeline: {total} entries{shown}", TIMELINE_COLUMNS, whole)
    for row in timeline_rows(entries):
        table.add_row(*map(plain, row))
    console.print(table)
