"""The commands that read a ledger: `show`, `cite`, `export`, `report`, `check` and
`serve`. Each imports what it uses when it runs, so that one starts fast (cli.common)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from consilience import exits
from consilience.cli.common import app, fail, open_ledger
from consilience.exits import CommandFailed, ledger_failures, output_failures, say
from consilience.present.export import CSV_TABLES

SHOW_FORMATS = ("text", "json", "tsv")
CITE_FORMATS = ("wikipedia", "csl")


@app.command("export")
def export_command(
    ledger: Annotated[Path, typer.Argument(help="Ledger file.")],
    format: Annotated[
        str, typer.Option("--format", "-f", help="json, csv or events-csv.")
    ] = "json",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File (json, events-csv), or folder for all CSV tables (csv).",
        ),
    ] = None,
    table: Annotated[
        str | None,
        typer.Option(help=f"With csv and no -o: one table to print ({', '.join(CSV_TABLES)})."),
    ] = None,
) -> None:
    """Export a ledger as JSON (the whole record), CSV (one table per claim kind), or
    events-csv (one row per event with its place, dates and tolls; docs/schema.md).

    Examples:

    \b
      consilience export example.db --format json -o example.json
      consilience export example.db --format csv -o tables/
      consilience export example.db --format csv --table entities
      consilience export example.db --format events-csv -o events.csv
    """
    from consilience.present.export import (
        base_columns,
        events_csv,
        table_rows,
        to_csv,
        write_csv_tables,
        write_whole,
    )

    if format not in ("json", "csv", "events-csv"):
        raise fail(f"unknown format {format!r}; use json, csv or events-csv")
    if format != "csv" and table is not None:
        raise fail("--table is for --format csv")
    if format == "csv" and output is None and table is None:
        raise fail("csv needs -o FOLDER for all tables, or --table NAME for one")
    if table is not None and table not in CSV_TABLES:
        raise fail(f"unknown table {table!r}; choose from {', '.join(CSV_TABLES)}")
    with open_ledger(ledger) as opened, ledger_failures(ledger):
        if format in ("json", "events-csv"):
            text = opened.to_json() if format == "json" else events_csv(opened)
            if output is None:
                sys.stdout.write(text)
            else:
                with output_failures(output):
                    write_whole(output, text)
        elif output is not None:
            with output_failures(output):
                for path in write_csv_tables(opened, output):
                    say(f"wrote {path}")
        elif table is not None:
            sys.stdout.write(to_csv(table_rows(opened, table), base_columns(table)))


@app.command("show")
def show_command(
    ledger: Annotated[Path, typer.Argument(help="Ledger file.")],
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="text (tables to read), json (for scripts) or tsv (the tables, "
            "tab-separated, every value whole).",
        ),
    ] = "text",
    as_json: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
    limit: Annotated[
        int, typer.Option(help="Show at most this many slots and timeline entries.", min=1)
    ] = 40,
) -> None:
    """Print a ledger: its sources, the events they report (most reported first, with
    their tolls), the figure slots with their verdicts, where the sources differ and why,
    and the timeline. Printed to a file or a pipe, no value is cut short.

    Examples:

    \b
      consilience show example.db
      consilience show example.db --json | jq '.conflicts'
      consilience show example.db --format tsv > tables.tsv
    """
    if format not in SHOW_FORMATS:
        raise fail(f"unknown format {format!r}; use {', '.join(SHOW_FORMATS)}")
    if as_json and format not in ("text", "json"):
        raise fail(f"--json and --format {format}: choose one")
    if as_json:
        format = "json"
    with open_ledger(ledger) as opened, ledger_failures(ledger):
        if format == "json":
            from consilience.present.show_tables import show_record
            from consilience.store import json_text

            sys.stdout.write(json_text(show_record(opened, limit)))
        elif format == "tsv":
            from consilience.present.tsv import tsv_sections, tsv_text

            sys.stdout.write(tsv_text(tsv_sections(opened, limit)))
        else:
            from rich.console import Console

            from consilience.present.terminal import WHOLE_WIDTH, print_summary

            # In a file or a pipe nothing is cut: each row is one line, however long.
            width = None if sys.stdout.isatty() else WHOLE_WIDTH
            print_summary(opened, Console(highlight=False, emoji=False, width=width), limit)


@app.command("cite")
def cite_command(
    ledger: Annotated[Path, typer.Argument(help="Ledger file.")],
    claim_id: Annotated[
        str,
        typer.Argument(metavar="CLAIM-ID", help="A claim's id, as export and show --json give it."),
    ],
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="wikipedia ({{cite news}}) or csl (CSL-JSON, for Zotero)."
        ),
    ] = "wikipedia",
) -> None:
    """Print a citation of the document that makes a claim, quoting the sentence that
    holds it: Wikipedia's {{cite news}}, or CSL-JSON for reference managers.

    Examples:

    \b
      consilience cite example.db f2fbf1750273b98c-f0
      consilience cite example.db f2fbf1750273b98c-f0 --format csl
    """
    from consilience.ingest.problems import printable
    from consilience.present.cite import cite_news, csl_json, ledger_citation

    if format not in CITE_FORMATS:
        raise fail(f"unknown format {format!r}; use {', '.join(CITE_FORMATS)}")
    with open_ledger(ledger) as opened, ledger_failures(ledger):
        citation = ledger_citation(opened, claim_id)
    if citation is None:
        raise fail(f"{ledger}: no claim {claim_id!r}")
    # One line, or JSON lines: anything a terminal would act on is written as an escape.
    if format == "csl":
        import json

        text = json.dumps([csl_json(citation, claim_id)], ensure_ascii=False, indent=2)
        print("\n".join(printable(line) for line in text.splitlines()))
    else:
        print(printable(cite_news(citation)))


@app.command("report")
def report_command(
    ledger: Annotated[Path, typer.Argument(help="Ledger file.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path(
        "report.html"
    ),
) -> None:
    """Write one self-contained HTML report: overview, figures by slot with charts and
    explanations, timeline, and every document with its claims highlighted. It opens
    in any browser with no network access.

    Example:

    \b
      consilience report example.db -o report.html
    """
    from consilience.present.report import write_report

    with open_ledger(ledger) as opened, ledger_failures(ledger), output_failures(output):
        written = write_report(opened, output)
    say(f"wrote {written}")


@app.command("check")
def check_command(
    ledger: Annotated[Path, typer.Argument(help="Ledger file.")],
) -> None:
    """Check that a ledger is sound: SQLite's integrity check, the full-text index, and
    the ledger's own rules (every claim's span holds its text, every text matches its
    hash). One line per check; exit status 3 if any fails. Results out of date (after a
    stopped build) are a warning: `consilience build` aligns again.

    Example:

    \b
      consilience check example.db
    """
    from consilience.ingest.problems import printable
    from consilience.store import Ledger
    from consilience.store.ledger import CHECK_HINT

    try:
        checked = open_ledger(ledger)
    except CommandFailed as failure:  # this is the command such messages point to
        raise fail(failure.message.replace(CHECK_HINT, ""), failure.status) from None
    if not checked.immutable and os.access(ledger, os.W_OK):
        # A writable connection lets FTS5 compare its index with the texts (it writes
        # nothing); read-only, only the index's row counts are compared.
        checked.close()
        checked = Ledger(ledger, create=False)
    failed = warned = 0
    with checked, ledger_failures(ledger):
        for finding in checked.check():
            mark = "ok  " if finding.ok else "warn" if finding.warning else "FAIL"
            failed += mark == "FAIL"
            warned += mark == "warn"
            print(printable(f"{mark}  {finding.check}: {finding.detail}"))
    if failed:
        raise fail(f"{ledger}: {failed} checks failed", exits.LEDGER_PROBLEM)
    say(
        f"{ledger}: no damage found ({warned} warning)"
        if warned
        else f"{ledger}: every check passed"
    )


@app.command("serve")
def serve_command(
    ledger: Annotated[Path, typer.Argument(help="Ledger file (opened read-only).")],
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default is this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Browse a ledger in a web browser, and query it as JSON (/api/..., /openapi.json).

    Read-only. Listens on 127.0.0.1 (this machine only) unless --host says otherwise.

    Examples:

    \b
      consilience serve example.db
      consilience serve example.db --port 8080
    """
    import ipaddress
    import socket

    import uvicorn

    from consilience.present.web import LOOPBACK_HOSTS, create_app
    from consilience.store import LedgerError

    host = host.strip("[]")
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    open_ledger(ledger).close()  # one clear line for a missing or damaged ledger, and a note
    try:
        web = create_app(ledger, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    except LedgerError as error:
        raise fail(str(error), exits.LEDGER_PROBLEM) from None
    try:  # bound here, so a taken port is one clear line, then handed to uvicorn
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listening = socket.create_server((host, port), family=family)
    except OSError as error:
        reason = str(error.strerror or error).split(" (while")[0]
        raise fail(f"cannot listen on {host} port {port}: {reason}") from None
    if not loopback:
        say(
            f"consilience: listening on {host}, not loopback: anyone who can reach this "
            "machine can read the ledger"
        )
    shown = f"[{host}]" if ":" in host else host
    say(f"serving {ledger} at http://{shown}:{port}/ (Ctrl+C stops)")
    config = uvicorn.Config(web, host=host, port=port, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[listening])
