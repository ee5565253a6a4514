"""The commands that read documents: `build` (into a ledger) and `extract` (one file)."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand

from consilience import exits
from consilience.cli.common import (
    MaxBytesOpt,
    PublishedOpt,
    PublisherOpt,
    TitleOpt,
    app,
    err,
    fail,
    overrides,
)
from consilience.defaults import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_LEDGER,
    DEFAULT_MAX_BYTES,
    LOCAL,
    POOL_THRESHOLD_CHARS,
)
from consilience.exits import ledger_failures, say
from consilience.ingest.problems import printable

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from consilience.api import BuildEvent
    from consilience.scale.partitioned import ClaimsDirectory
    from consilience.store import Ledger

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
        typer.Option(help=f"Ledger file to create or update.  [default: {DEFAULT_LEDGER}]"),
    ] = None,
    publisher: PublisherOpt = None,
    published: PublishedOpt = None,
    title: TitleOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Extract in this many local processes (with --dask alone: the local "
            "cluster's workers, default one per core). Default: this process, then one "
            f"process per core once {POOL_THRESHOLD_CHARS:,} characters of new or changed "
            "text are to be extracted (fewer do not repay starting them).",
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
            help="When another build is writing to the ledger (or --out folder), stop at "
            "once (status 3) instead of waiting for it to finish.",
        ),
    ] = False,
) -> None:
    """Read documents, extract their claims, and store them in a ledger.

    Unchanged documents are not extracted again. Inputs that cannot be read are skipped
    with one line each, and the exit status is then 1 (3: a ledger problem; see the
    README's "Bad inputs"). The result is the same whether extraction ran in one process,
    in several, or on a Dask cluster. One build writes to a ledger at a time: a second
    one waits for the first, or stops with --no-wait.

    Examples:

    \b
      consilience build examples/ --ledger example.db
      consilience build article.txt --publisher "Daily Lantern" --published 2031-03-05
      consilience build corpus/ --workers 4
      consilience build corpus.parquet --dask tcp://scheduler:8786 --out claims/
    """
    from consilience.api import BuildReport, build, build_partitioned
    from consilience.extract import ModelMissingError
    from consilience.scale import ScaleError
    from consilience.store import LedgerError

    metadata = overrides(publisher, published, title)
    if out is not None and ledger is not None:
        raise fail("use --ledger or --out, not both")
    if dask is not None and not _is_address(dask):
        raise fail(f"--dask={dask}: not a scheduler address (tcp://HOST:PORT, or local)")
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
                build_partitioned(paths, out, wait=not no_wait, **options)
                if out is not None
                else build(paths, target, wait=not no_wait, **options)
            )
    except LedgerError as error:
        raise fail(str(error), exits.LEDGER_PROBLEM) from None
    except (ModelMissingError, ScaleError) as error:
        raise fail(str(error)) from None
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
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("[bold]building"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files"),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=err(),
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
        elif event.kind in ("partial", "waiting", "warning"):
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

    Example:

    \b
      consilience extract article.txt --published 2026-01-20
    """
    from consilience.extract import ModelMissingError, extract
    from consilience.ingest import Document, IngestProblem, IngestWarning, ingest_file
    from consilience.present.export import document_claims_record
    from consilience.store import json_text

    metadata = overrides(publisher, published, title)
    items = list(ingest_file(str(file), metadata, max_bytes))
    documents = [item for item in items if isinstance(item, Document)]
    problems = [item for item in items if isinstance(item, IngestProblem)]
    for problem in problems:
        say(f"consilience: skipped {problem}")
    for warning in (item for item in items if isinstance(item, IngestWarning)):
        say(f"consilience: {warning}")
    try:
        extracted = [extract(document) for document in documents]
    except ModelMissingError as error:
        raise fail(str(error)) from None
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
        raise typer.Exit(exits.INPUTS_SKIPPED)
