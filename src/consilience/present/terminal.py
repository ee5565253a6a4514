"""The terminal view of a ledger, drawn with Rich: sources, figure slots, where sources
differ and why, and the timeline. `show_record` is the same content as JSON for scripts.

Everything a ledger holds came from untrusted documents: titles, publishers, values and
labels are drawn as plain `Text` (never parsed as Rich markup or emoji codes) and passed
through `printable`, so no control character or escape sequence reaches the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from consilience.ingest.problems import printable
from consilience.present.render import number
from consilience.present.views import DISPUTED_VERDICTS, Sources, event_summary, overview
from consilience.store import Ledger

EXPLANATIONS_SHOWN = 6  # per disputed slot; the rest are in --json and the report
EVENTS_SHOWN = 20  # the most reported; the rest are in --json, the report and the export
VERDICT_STYLES = {
    "conflicting": "bold red",
    "compatible": "yellow",
    "agreed": "green",
    "single_source": "dim",
}


def plain(value: object, style: str = "") -> Text:
    """Untrusted `value` as Text: "[bold red]" in a title shows as typed, ESC as \\x1b."""
    return Text(printable(str(value)), style=style)


def show_record(ledger: Ledger, limit: int) -> dict[str, Any]:
    """What `consilience show --json` prints: the overview, the first `limit` events, slots
    and timeline entries as the ledger stores them, and the conflicts with their
    explanations."""
    slots = ledger.results_page("slots", limit)
    return {
        "overview": overview(ledger),
        "events": ledger.results_page("events", limit),
        "slots": slots,
        "conflicts": [
            {
                "slot": slot["id"],
                "measure": slot["measure"],
                "subject": slot.get("subject"),
                "verdict": slot["verdict"],
                "values": [value["text"] for value in slot["values"]],
                "explanations": slot["explanations"],
            }
            for slot in slots
            if slot.get("verdict") in DISPUTED_VERDICTS
        ],
        "timeline": ledger.results_page("timeline", limit),
    }


def print_summary(ledger: Ledger, console: Console, limit: int = 40) -> None:
    """Sources, events (the first EVENTS_SHOWN), then slots, conflicts and timeline (each
    cut at `limit` rows), then totals."""
    summary = overview(ledger)
    print_sources(summary, console)
    sources = Sources(ledger)
    print_events(
        ledger.results_page("events", EVENTS_SHOWN), ledger.result_count("events"), console
    )
    slots = ledger.results_page("slots", limit)
    print_slots(slots, ledger.result_count("slots"), console)
    print_conflicts(slots, sources, console)
    print_timeline(ledger.results_page("timeline", limit), ledger.result_count("timeline"), console)
    totals = ", ".join(f"{count} {kind}" for kind, count in summary["claims"].items())
    console.print(plain(f"claims: {totals}"))
    results = ", ".join(f"{count} {name}" for name, count in summary["results"].items())
    console.print(plain(f"alignment: {results}"))
    if not summary["aligned"]:
        console.print("[bold]the alignment is older than the corpus: run consilience build[/]")


def print_sources(summary: dict[str, Any], console: Console) -> None:
    documents = summary["documents"]
    table = Table(
        title=plain(f"{summary['ledger']}: {len(documents)} documents", "table.title"),
        title_justify="left",
    )
    table.add_column("document", no_wrap=True, overflow="ellipsis")
    table.add_column("publisher", no_wrap=True, overflow="ellipsis")
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("claims", justify="right", no_wrap=True)
    for document in documents:
        table.add_row(
            plain(document["title"] or document["path"]),
            plain(document["publisher"] or "-"),
            plain(document["published"] or "-"),
            str(sum(document["claims"].values())),
        )
    console.print(table)


def print_events(events: list[dict[str, Any]], total: int, console: Console) -> None:
    """The events the documents report, most reported first, each with its latest tolls."""
    if not events:
        return
    table = Table(
        title=f"{total} event{'' if total == 1 else 's'} "
        "(first and last: the dates of the first and last report)",
        title_justify="left",
    )
    # Labels and tolls wrap rather than lose their end; the dates keep whole lines.
    table.add_column("event", overflow="fold", min_width=16, ratio=3)
    table.add_column("kind", overflow="ellipsis", no_wrap=True, max_width=12)
    table.add_column("date", overflow="fold", min_width=10, max_width=12)
    table.add_column("first", no_wrap=True, min_width=10, max_width=10)
    table.add_column("last", no_wrap=True, min_width=10, max_width=10)
    table.add_column("reports", justify="right", no_wrap=True)
    table.add_column("indep.", justify="right", no_wrap=True)
    table.add_column("toll: latest (low–high)", overflow="fold", min_width=14, ratio=2)
    for event in events:
        row = event_summary(event)
        table.add_row(
            plain(row["label"]),
            plain(row["kind"]),
            plain(row["date"] + (" (ongoing)" if row["ongoing"] else "") or "-"),
            plain(row["first_reported"] or "-"),
            plain(row["last_reported"] or "-"),
            str(row["reports"]),
            plain(row["independent_sources"] if row["independent_sources"] is not None else "-"),
            plain("; ".join(row["tolls"])),
        )
    console.print(table)
    if total > len(events):
        console.print(
            plain(f"… {total - len(events)} more events (show --json, or the HTML report)")
        )


def print_slots(slots: list[dict[str, Any]], total: int, console: Console) -> None:
    if not slots:
        return
    shown = f" (first {len(slots)})" if total > len(slots) else ""
    table = Table(title=f"{total} figure slots{shown}", title_justify="left")
    table.add_column("measure", no_wrap=True, min_width=9)
    table.add_column("of", overflow="ellipsis", no_wrap=True, max_width=16)
    table.add_column("event", overflow="ellipsis", no_wrap=True, max_width=30)
    table.add_column("best", justify="right", no_wrap=True, overflow="ellipsis", max_width=22)
    table.add_column("low–high", justify="right", no_wrap=True)
    table.add_column("verdict", no_wrap=True, min_width=13)
    table.add_column("sources", justify="right", no_wrap=True, min_width=7)
    for slot in slots:
        verdict = str(slot["verdict"])
        table.add_row(
            plain(slot["measure"]),
            plain(slot.get("subject") or ""),
            plain((slot.get("event") or {}).get("label", "")),
            plain(slot.get("best_text") or number(slot.get("best"))),
            plain(_interval(slot.get("low"), slot.get("high"))),
            plain(verdict.replace("_", " "), VERDICT_STYLES.get(verdict, "")),
            plain(f"{slot.get('independent_sources')} of {slot.get('sources')}"),
        )
    console.print(table)


def print_conflicts(slots: list[dict[str, Any]], sources: Sources, console: Console) -> None:
    """Each disputed slot: who states which value, then every explanation."""
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
        for value in slot["values"]:
            names = ", ".join(sorted({sources.label(doc) for doc in value["documents"]}))
            console.print(Text.assemble("  ", plain(f"{value['text']}: {names}")))
        explanations = slot.get("explanations", [])
        for explanation in explanations[:EXPLANATIONS_SHOWN]:
            console.print(
                Text.assemble(
                    "  ", plain(explanation["kind"], "italic"), ": ", plain(explanation["text"])
                )
            )
        if len(explanations) > EXPLANATIONS_SHOWN:
            console.print(
                f"  … {len(explanations) - EXPLANATIONS_SHOWN} more explanations "
                "(show --json, or the HTML report)"
            )
    console.print()


def print_timeline(entries: list[dict[str, Any]], total: int, console: Console) -> None:
    if not entries:
        return
    shown = f" (first {len(entries)})" if total > len(entries) else ""
    table = Table(title=f"timeline: {total} entries{shown}", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("what", overflow="ellipsis", no_wrap=True, max_width=70)
    table.add_column("sources", justify="right", no_wrap=True)
    for entry in entries:
        mod = f" ({str(entry['mod']).lower()})" if entry.get("mod") else ""
        table.add_row(
            plain(f"{entry.get('date')}{mod}"),
            plain(entry.get("what") or ""),
            str(len(entry.get("documents", []))),
        )
    console.print(table)


def _interval(low: float | None, high: float | None) -> str:
    if low == high:
        return number(low)
    shown_high = "?" if high is None or high == float("inf") else number(high)
    return f"{number(low)}–{shown_high}"
