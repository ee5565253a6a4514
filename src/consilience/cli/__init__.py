"""The `consilience` command: a thin layer that parses arguments and calls the library.

`common` holds the Typer app the commands register on; `documents` the commands that read
documents (build, extract), `ledger` those that read a ledger (show, cite, export, report,
check, serve). Typer builds every command to run any one, so these modules import at their
top only what declaring the commands needs, and each command imports the rest when it
runs: `--help` need not load the extractors (bench/startup.py times it).
"""

from __future__ import annotations

import os
import signal
import sys
import traceback

import typer

from consilience import exits
from consilience.cli import documents, ledger
from consilience.cli.common import app
from consilience.exits import CommandFailed, say

__all__ = ["app", "documents", "ledger", "main"]


def main() -> None:
    """The `consilience` command: every failure ends in one line on stderr and the exit
    status that names its kind (consilience.exits), never in a traceback."""
    exits.stop_on_signals()
    try:
        status = app(standalone_mode=False)
    except CommandFailed as failure:
        say(f"consilience: {failure.message}")
        sys.exit(failure.status)
    except (typer.Abort, KeyboardInterrupt):
        status = exits.INTERRUPTED + signal.SIGINT
    except typer.TyperException as error:  # a usage error: Typer prints it as it always does
        show = getattr(error, "show", None)
        if show is not None:
            show()
        else:
            say(f"consilience: {error.format_message()}")
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


if __name__ == "__main__":
    main()
