"""What every command shares: the Typer app, one-line failures, opening a ledger to read.

Every command module is imported on each run (Typer builds all commands to parse any one),
so module level holds only Typer and constants; what a command uses is imported in it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consilience import exits
from consilience.exits import CommandFailed, ledger_failures, say

if TYPE_CHECKING:
    from rich.console import Console

    from consilience.ingest import Metadata
    from consilience.store import Ledger

app = typer.Typer(
    help="Build one source-grounded record from many documents about the same events.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@cache
def err() -> Console:
    """The stderr console (progress bars), made when first needed."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def fail(message: str, code: int = exits.USAGE) -> CommandFailed:
    return CommandFailed(message, code)


def overrides(publisher: str | None, published: str | None, title: str | None) -> Metadata:
    from consilience.ingest import Metadata
    from consilience.ingest.metadata import normalize_published
    from consilience.ingest.problems import InputRejected

    if published is not None:
        try:
            published = normalize_published(published, "--published")
        except InputRejected as rejected:
            raise fail(rejected.reason) from None
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


def open_ledger(path: Path) -> Ledger:
    """The ledger opened read-only for a view; on a read-only filesystem as a snapshot."""
    from consilience.store import Ledger, LedgerError

    try:
        with ledger_failures(path):
            opened = Ledger(path, readonly=True)
    except LedgerError as error:
        raise fail(str(error), exits.LEDGER_PROBLEM) from None
    if opened.immutable:
        say(
            f"consilience: {path}: on a read-only filesystem or folder; read as an "
            "unchanging snapshot"
        )
    return opened
