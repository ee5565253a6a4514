"""How the command line ends: one line on stderr and an exit status a script can act on.

Every failure a user can meet (a bad input, a corrupted or read-only ledger, a full disk,
an output folder that cannot be written, a stop signal) ends in one line naming the file
and the problem, never a traceback, and in its own status (README, "Bad inputs").
"""

from __future__ import annotations

import errno
import signal
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from consilience.ingest.problems import printable

OK = 0
INPUTS_SKIPPED = 1  # some inputs were skipped, each named on stderr; the rest was built
USAGE = 2  # the command line was wrong
LEDGER_PROBLEM = 3  # the ledger cannot be opened, read, written, locked, or failed `check`
OUTPUT_PROBLEM = 4  # an output file or folder cannot be written
INTERNAL_ERROR = 70  # a bug in consilience (EX_SOFTWARE): please report it
INTERRUPTED = 128  # plus the signal's number: 130 for Ctrl-C, 143 for TERM

EXIT_STATUSES = {
    OK: "done",
    INPUTS_SKIPPED: "done, but some inputs were skipped (one line each on stderr)",
    USAGE: "the command line was wrong",
    LEDGER_PROBLEM: "the ledger cannot be opened, read or written, or `check` found a problem",
    OUTPUT_PROBLEM: "an output file or folder cannot be written",
    INTERNAL_ERROR: "a bug in consilience (CONSILIENCE_DEBUG=1 prints the traceback)",
    INTERRUPTED + signal.SIGINT: "stopped by Ctrl-C (SIGINT); what was stored is kept",
    INTERRUPTED + signal.SIGTERM: "stopped by SIGTERM; what was stored is kept",
}


class CommandFailed(Exception):
    """A failure already put into words: `message` names the file, `status` is the exit."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class Stopped(KeyboardInterrupt):
    """A stop signal arrived: raised in the main thread so that every `with` and `finally`
    on the way out runs (workers are stopped, open transactions rolled back)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)


# The stop signal that arrived, if one did: the command line framework turns the
# exception into a status of its own, so the signal is remembered here.
_received: list[int] = []


def stop_on_signals() -> None:
    """Turn SIGTERM (and SIGINT) into `Stopped`, so a stopped build unwinds like Ctrl-C."""

    def stop(signum: int, frame: FrameType | None) -> None:
        _received.append(signum)
        raise Stopped(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)


def received_signal() -> int | None:
    """The first stop signal received by this process, or None."""
    return _received[0] if _received else None


def say(message: str) -> None:
    """One plain line on stderr: never wrapped, never styled, controls escaped."""
    print(printable(message), file=sys.stderr, flush=True)


def os_reason(error: OSError) -> str:
    """An OSError as a short reason (its strerror, without the path Python appends)."""
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    return str(error.strerror or error)


@contextmanager
def ledger_failures(path: Path | str) -> Iterator[None]:
    """Turn SQLite and OS errors met while using the ledger at `path` into CommandFailed."""
    try:
        yield
    except sqlite3.Error as error:
        from consilience.store.ledger import sqlite_problem  # loads the store: only on failure

        raise CommandFailed(f"{path}: {sqlite_problem(error)}", LEDGER_PROBLEM) from None
    except OSError as error:
        if error.filename is not None and not _within(Path(str(error.filename)), Path(path)):
            raise
        raise CommandFailed(f"{path}: {os_reason(error)}", LEDGER_PROBLEM) from None


def _within(file: Path, target: Path) -> bool:
    """`file` is the target (a ledger) or lies in it (an --out folder)."""
    file, target = file.resolve(), target.resolve()
    return file == target or target in file.parents


@contextmanager
def output_failures(path: Path | str) -> Iterator[None]:
    """Turn an OSError met while writing the output `path` into CommandFailed."""
    try:
        yield
    except OSError as error:
        raise CommandFailed(f"{path}: cannot write ({os_reason(error)})", OUTPUT_PROBLEM) from None
