"""The `consilience` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from typer.core import TyperCommand

from consilience import exits
from consilience.api import DEFAULT_LEDGER, BuildEvent, BuildReport, build, build_partitioned
from consilience.exits import CommandFailed, ledger_failures, output_failures, say
from consilience.extract import ModelMissingError, extract
from consilience.ingest import DEFAULT_MAX_BYTES, Document, IngestProblem, Metadata, ingest_file
from consilience.ingest.metadata import normalize_published
from consilience.ingest.problems import InputRejected, printable
from consilience.present.export import (
    CSV_TABLES,
    base_columns,
    document_claims_record,
    table_rows,
    to_csv,
    write_csv_tables,
    write_whole,
)
from consilience.present.report import write_report
from consilience.present.terminal import print_summary, show_record
from consilience.scale import DEFAULT_BATCH_SIZE, LOCAL, ScaleError
from consilience.store import Ledger, LedgerError, json_text

if TYPE_CHECKING:
    from consilience.scale.partitioned import ClaimsDirectory

app = typer.Typer(
    help="Build one source-grounded record from many documents about the same events.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)
err = Console(stderr=True, highlight=False)


def main() -> None:
    """The `consilience` command: every failure ends in one line on stderr and the exit
    status that names its kind (consilience.exits), never in a traceback."""
    exits.stop_on_signals()
    try:
        status = app(standalone_mode=False)
    except CommandFailed as failure:
        say(f"consilience: {failure.message}")
        sys.exit(failure.status)
    except (click.exceptions.Abort, KeyboardInterrupt):
        status = exits.INTERRUPTED + signal.SIGINT
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except Exception as error:  # a bug: still one line, and a status of its own
        if os.environ.get("CONSILIENCE_DEBUG"):
            traceback.print_exc()
        say(
            f"consilience: internal error ({type(error).__name__}: {error}); this is a bug, "
            "please report it (CONSILIENCE_DEBUG=1 prints the traceback)"
        )
        sys.exit(exits.INTERNAL_ERROR)
    # Typer turns an interrupt into status 130 whatever the signal; the handler knows it.
    signum = exits.received_signal()
    if signum is None and status == exits.INTERRUPTED + signal.SIGINT:
        signum = signal.SIGINT
    if signum is not None:
        say(
            f"consilience: stopped by {signal.Signals(signum).name}; "
            "what was already stored is kept"
        )
        sys.exit(exits.INTERRUPTED + signum)
    sys.exit(status if isinstance(status, int) else exits.OK)


def _fail(message: str, code: int = exits.USAGE) -> CommandFailed:
    return CommandFailed(message, code)


def _overrides(publisher: str | None, published: str | None, title: str | None) -> Metadata:
    if published is not None:
        try:
            published = normalize_published(published, "--published")
        except InputRejected as rejected:
            raise _fail(rejected.reason) from None
    return Metadata(title=title, publisher=publisher, published=published)


PublisherOpt = Annotated[
    str | None, typer.Option(help="Publisher of every input (overrides metadata).")
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(help="Publication date YYYY-MM-DD of every input (overrides metadata)."),
]
TitleOpt = Annotated[str | None, typer.Option(help="Title of every input (overrides metadata).")]
MaxBytesOpt = Annotated[
    int, typer.Option(help="Skip files (or JSONL lines) larger than this many bytes.", min=1)
]


# A Dask scheduler address: a URL (tcp://host:8786, tls://...) or host:port.
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S+|[\w.-]+:\d+)$", re.I)


def _is_address(value: str) -> bool:
    return value == LOCAL or _ADDRESS.match(value) is not None


class _BuildCommand(TyperCommand):
    """The build command, whose `--dask` takes an optional value: alone, or followed by
    something that is not a scheduler address (a path, another option), it means a local
    cluster. Typer cannot declare such an option, so the arguments are read here first."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        fixed: list[str] = []
        for position, arg in enumerate(args):
            if arg == "--":
                fixed.extend(args[position:])
                break
            following = args[position + 1] if position + 1 < len(args) else None
            if arg == "--dask" and (following is None or not _is_address(following)):
                arg = f"--dask={LOCAL}"
            fixed.append(arg)
        result: list[str] = super().parse_args(ctx, fixed)
        return result


@app.command("build", cls=_BuildCommand)
def build_command(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (.txt .md .html .jsonl .parquet).")
    ],
    ledger: Annotated[
        Path | None,
        typer.Option(help=f"Ledger file to create or update.  \\[default: {DEFAULT_LEDGER}]"),
    ] = None,
    publisher: PublisherOpt = None,
    published: PublishedOpt = None,
    title: TitleOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Extract in this many local processes (with --dask alone: the local "
            "cluster's workers; default: one per core).",
            min=1,
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            metavar="[ADDRESS]",
            help="Extract on Dask: alone, a local cluster; with tcp://HOST:PORT, the "
            "cluster that scheduler runs.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Write claims as partitioned Parquet in this folder instead of a ledger.",
            file_okay=False,
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option(help="Documents sent to a worker at a time.", min=1)
    ] = DEFAULT_BATCH_SIZE,
    no_wait: Annotated[
        bool,
        typer.Option(
            "--no-wait",
            help="When another build is writing to the ledger, stop at once (status 3) "
            "instead of waiting for it to finish.",
        ),
    ] = False,
) -> None:
    """Read documents, extract their claims, and store them in a ledger.

    Unchanged documents are not extracted again. Inputs that cannot be read are skipped
    with one line each, and the exit status is then 1 (3: a ledger problem; see the
    README's "Bad inputs"). The result is the same whether extraction ran in one process,
    in several, or on a Dask cluster. One build writes to a ledger at a time: a second
    one waits for the first, or stops with --no-wait.

    **Examples**

      consilience build examples/ --ledger example.db

      consilience build article.txt --publisher "Daily Lantern" --published 2031-03-05

      consilience build corpus/ --workers 4

      consilience build corpus.parquet --dask tcp://scheduler:8786 --out claims/
    """
    metadata = _overrides(publisher, published, title)
    if out is not None and ledger is not None:
        raise _fail("use --ledger or --out, not both")
    if dask is not None and not _is_address(dask):
        raise _fail(f"--dask={dask}: not a scheduler address (tcp://HOST:PORT, or local)")
    if workers is None:
        workers = (os.cpu_count() or 1) if dask == LOCAL else 1
    target = out if out is not None else ledger or Path(DEFAULT_LEDGER)
    display = _BuildDisplay(sys.stderr.isatty())
    options: dict[str, Any] = {
        "overrides": metadata,
        "max_bytes": max_bytes,
        "on_event": display.on_event,
        "workers": workers,
        "dask": dask,
        "batch_size": batch_size,
    }
    try:
        with display, ledger_failures(target):
            result: Ledger | ClaimsDirectory = (
                build_partitioned(paths, out, **options)
                if out is not None
                else build(paths, target, wait=not no_wait, **options)
            )
    except LedgerError as error:
        raise _fail(str(error), exits.LEDGER_PROBLEM) from None
    except (ModelMissingError, ScaleError) as error:
        raise _fail(str(error)) from None
    report: BuildReport = result.last_build
    result.close()
    ignored = f", {len(report.ignored)} files of other formats ignored" if report.ignored else ""
    partial = f", {len(report.partial)} claim sets not extracted" if report.partial else ""
    print(
        printable(
            f"built {target}: {report.documents} documents ({report.extracted} extracted, "
            f"{report.unchanged} unchanged, {report.removed} removed), "
            f"{report.skipped} inputs skipped{partial}{ignored}"
        )
    )
    if report.skipped or report.partial:
        raise typer.Exit(exits.INPUTS_SKIPPED)


class _BuildDisplay:
    """A progress bar on a terminal; plain lines when output is not a terminal."""

    def __init__(self, interactive: bool) -> None:
        self.interactive = interactive
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.documents = 0
        self.started = time.monotonic()

    def __enter__(self) -> _BuildDisplay:
        if self.interactive:
            self.progress = Progress(
                TextColumn("[bold]building"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files"),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=err,
                transient=True,
            )
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def on_event(self, event: BuildEvent) -> None:
        if event.kind == "problem":
            say(f"consilience: skipped {event.where}")
        elif event.kind in ("partial", "waiting"):
            say(f"consilience: {event.where}")
        elif event.kind == "start" and self.progress is not None:
            self.task = self.progress.add_task("build", total=event.total_files, rate="")
        elif event.kind == "document":
            self.documents += 1
            if self.progress is None:
                say(f"{event.status} {event.where}")
        elif event.kind == "file" and self.progress is not None and self.task is not None:
            rate = self.documents / max(time.monotonic() - self.started, 1e-6)
            self.progress.update(self.task, advance=1, rate=f"{rate:.1f} docs/s")


@app.command("extract")
def extract_command(
    file: Annotated[Path, typer.Argument(help="One input file.")],
    publisher: PublisherOpt = None,
    published: PublishedOpt = None,
    title: TitleOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Print one document's claims as JSON, without touching any ledger.

    A JSONL file prints one JSON object per line, one per document.

    **Example**

      consilience extract article.txt --published 2026-01-20
    """
    metadata = _overrides(publisher, published, title)
    items = list(ingest_file(str(file), metadata, max_bytes))
    documents = [item for item in items if isinstance(item, Document)]
    problems = [item for item in items if isinstance(item, IngestProblem)]
    for problem in problems:
        say(f"consilience: skipped {problem}")
    try:
        extracted = [extract(document) for document in documents]
    except ModelMissingError as error:
        raise _fail(str(error)) from None
    partial = [(claims.document, reason) for claims in extracted for reason in claims.problems]
    for document, reason in partial:
        say(f"consilience: {document.path}: {reason}")
    records = [document_claims_record(claims) for claims in extracted]
    if str(file).lower().endswith((".jsonl", ".ndjson")):
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
    elif records:
        sys.stdout.write(json_text(records[0]))
    if problems or partial or not records:
        raise typer.Exit(1)


@app.command("export")
def export_command(
    ledger: Annotated[Path, typer.Argument(help="Ledger file.")],
    format: Annotated[str, typer.Option("--format", "-f", help="json or csv.")] = "json",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File (json), or folder for all CSV tables (csv)."),
    ] = None,
    table: Annotated[
        str | None,
        typer.Option(help=f"With csv and no -o: one table to print ({', '.join(CSV_TABLES)})."),
    ] = None,
) -> None:
    """Export a ledger as JSON (the whole record) or CSV (one table per claim kind).

    **Examples**

      consilience export example.db --format json -o example.json

      consilience export example.db --format csv -o tables/

      consilience export example.db --format csv --table entities
    """
    if format not in ("json", "csv"):
        raise _fail(f"unknown format {format!r}; use json or csv")
    if format == "csv" and output is None and table is None:
        raise _fail("csv needs -o FOLDER for all tables, or --table NAME for one")
    if table is not None and table not in CSV_TABLES:
        raise _fail(f"unknown table {table!r}; choose from {', '.join(CSV_TABLES)}")
    with _open(ledger) as opened, ledger_failures(ledger):
        if format == "json":
            text = opened.to_json()
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
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the same content as JSON, for scripts.")
    ] = False,
    limit: Annotated[
        int, typer.Option(help="Show at most this many slots and timeline entries.", min=1)
    ] = 40,
) -> None:
    """Print a ledger: its sources, the figure slots with their verdicts, where the sources
    differ and why, and the timeline.

    **Examples**

      consilience show example.db

      consilience show example.db --json | jq '.conflicts'
    """
    with _open(ledger) as opened, ledger_failures(ledger):
        if as_json:
            sys.stdout.write(json_text(show_record(opened, limit)))
            return
        # Piped output is read by people too (in logs, in CI): give it a useful width.
        width = None if sys.stdout.isatty() else 120
        print_summary(opened, Console(highlight=False, width=width), limit)


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

    **Example**

      consilience report example.db -o report.html
    """
    with _open(ledger) as opened, ledger_failures(ledger), output_failures(output):
        written = write_report(opened, output)
    say(f"wrote {written}")


@app.command("check")
def check_command(
    ledger: Annotated[Path, typer.Argument(help="Ledger file.")],
) -> None:
    """Check that a ledger is sound: SQLite's integrity check, the full-text index, and
    the ledger's own rules (every claim's span holds its text, every text matches its
    hash, results are current). One line per check; exit status 3 if any fails.

    **Example**

      consilience check example.db
    """
    checked = _open(ledger)
    if not checked.immutable and os.access(ledger, os.W_OK):
        # A writable connection lets FTS5 compare its index with the texts (it writes
        # nothing); read-only, only the index's row counts are compared.
        checked.close()
        checked = Ledger(ledger, create=False)
    failed = 0
    with checked, ledger_failures(ledger):
        for finding in checked.check():
            failed += not finding.ok
            print(
                printable(f"{'ok  ' if finding.ok else 'FAIL'}  {finding.check}: {finding.detail}")
            )
    if failed:
        raise _fail(f"{ledger}: {failed} checks failed", exits.LEDGER_PROBLEM)
    say(f"{ledger}: every check passed")


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

    **Examples**

      consilience serve example.db

      consilience serve example.db --port 8080
    """
    import ipaddress
    import socket

    import uvicorn

    from consilience.present.web import LOOPBACK_HOSTS, create_app

    host = host.strip("[]")
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    _open(ledger).close()  # one clear line for a missing or damaged ledger, and a note
    try:
        web = create_app(ledger, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    except LedgerError as error:
        raise _fail(str(error), exits.LEDGER_PROBLEM) from None
    try:  # bound here, so a taken port is one clear line, then handed to uvicorn
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listening = socket.create_server((host, port), family=family)
    except OSError as error:
        reason = str(error.strerror or error).split(" (while")[0]
        raise _fail(f"cannot listen on {host} port {port}: {reason}") from None
    if not loopback:
        say(
            f"consilience: listening on {host}, not loopback: anyone who can reach this "
            "machine can read the ledger"
        )
    shown = f"[{host}]" if ":" in host else host
    say(f"serving {ledger} at http://{shown}:{port}/ (Ctrl+C stops)")
    config = uvicorn.Config(web, host=host, port=port, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[listening])


def _open(path: Path) -> Ledger:
    """The ledger opened read-only for a view; on a read-only filesystem as a snapshot."""
    try:
        with ledger_failures(path):
            opened = Ledger(path, readonly=True)
    except LedgerError as error:
        raise _fail(str(error), exits.LEDGER_PROBLEM) from None
    if opened.immutable:
        say(
            f"consilience: {path}: on a read-only filesystem or folder; read as an "
            "unchanging snapshot"
        )
    return opened


if __name__ == "__main__":
    main()
