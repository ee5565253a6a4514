"""One writer at a time: a build holds its ledger's writer lock from start to finish.

Documents are written in transactions (a few hundred, or a second's worth, at a time:
store.commits), so SQLite alone keeps two builds from corrupting a ledger, but not from
leaving stale results: a build that aligns while
another adds documents would mark results current that miss them. The lock is an
exclusive `flock` on a file beside the ledger (LEDGER.lock). The kernel releases it when
its holder exits, however it exits, so a killed build never leaves a ledger locked.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from consilience.store.ledger import LedgerError


class LedgerBusy(LedgerError):
    """Another build holds the ledger's writer lock and the caller would not wait."""


def lock_path(target: Path) -> Path:
    """The lock file of a ledger: beside the ledger file itself, so a ledger reached through
    a symbolic link or another relative path has one lock; of a claims folder (--out):
    inside it, hidden, as the folder holds only its own tables."""
    real = target.resolve()
    if real.is_dir():
        return real / ".writer.lock"
    return real.with_name(real.name + ".lock")


class WriterLock:
    """The writer lock of the ledger (or claims folder) at `ledger`, as a context manager.

    When another process holds it, `wait=True` calls `on_wait` with one line saying so and
    blocks until it is free; `wait=False` raises LedgerBusy at once.
    """

    def __init__(
        self,
        ledger: Path,
        *,
        wait: bool = True,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.ledger = ledger
        self.path = lock_path(ledger)
        self.wait = wait
        self.on_wait = on_wait or (lambda message: None)
        self._fd: int | None = None

    def __enter__(self) -> WriterLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            writable = True
        except PermissionError:
            # Another user's lock file: flock needs only a descriptor, not write access.
            fd, writable = self._open_read_only(), False
        except OSError as error:
            raise self._cannot_create(error) from None
        try:
            self._acquire(fd)
            if writable:
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return self

    def _open_read_only(self) -> int:
        try:
            return os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError as error:
            raise self._cannot_create(error) from None

    def _cannot_create(self, error: OSError) -> LedgerError:
        return LedgerError(
            f"{self.ledger}: cannot create its lock file {self.path.name} ({error.strerror})"
        )

    def _acquire(self, fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = _holder(fd)
        if not self.wait:
            raise LedgerBusy(
                f"{self.ledger}: another build{holder} is writing to this ledger "
                "(not waiting: --no-wait)"
            )
        self.on_wait(
            f"{self.ledger}: another build{holder} is writing to this ledger; "
            "waiting for it to finish"
        )
        fcntl.flock(fd, fcntl.LOCK_EX)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            os.close(self._fd)  # releases the lock
            self._fd = None


def _holder(fd: int) -> str:
    """' (pid N)' for the process that wrote its pid into the lock file, else ''."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (pid {text})" if text.isdigit() else ""
