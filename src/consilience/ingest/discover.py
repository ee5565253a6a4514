"""Turn the paths a user names into the list of input files, in a stable order.

Input folders are untrusted: they may hold named pipes (opening one for reading blocks
forever), sockets, device files, broken links and symbolic link loops. Discovery only
ever stats and lists; each such entry becomes one problem line, and the build goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from consilience.ingest.problems import IngestProblem
from consilience.ingest.readers import format_of

SYMLINK_LOOP = "symbolic link loop"


@dataclass
class Discovery:
    files: list[str] = field(default_factory=list)
    problems: list[IngestProblem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def not_regular_reason(mode: int) -> str | None:
    """Why a file of this `st_mode` cannot be read as a document; None for a regular file.

    Callers must ask before opening: reading a named pipe waits for a writer forever.
    """
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a regular file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    if stat.S_ISCHR(mode):
        return "a character device, not a regular file"
    if stat.S_ISBLK(mode):
        return "a block device, not a regular file"
    return "not a regular file"


def stat_failure_reason(path: str, error: OSError) -> str:
    """Why `os.stat(path)` failed, in words: a loop and a broken link are named as such."""
    if error.errno == errno.ELOOP:
        return SYMLINK_LOOP
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        try:
            target = os.readlink(path)
        except OSError:
            return "no such file or directory"
        return f"broken symbolic link (to {target})"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot read (permission denied)"
    return f"cannot read ({error.strerror or error})"


def _is_sidecar(path: Path) -> bool:
    return path.name.endswith(".meta.json")


def _identity(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


class _Walk:
    """One discovery: what was found, and which folders and files were already met.

    Files and folders are known by device and inode, so a folder reached again through a
    symbolic link is not walked again (and a link back to a folder above it is not walked
    forever), and a file reached through several links is listed once.
    """

    def __init__(self) -> None:
        self.found = Discovery()
        self.files: set[tuple[int, int]] = set()
        self.folders: set[tuple[int, int]] = set()

    def problem(self, path: Path | str, reason: str) -> None:
        self.found.problems.append(IngestProblem(str(path), reason))

    def add(self, path: Path, status: os.stat_result) -> None:
        key = _identity(status)
        if key not in self.files:
            self.files.add(key)
            self.found.files.append(str(path))

    def named(self, name: str) -> None:
        """A path the user named: a folder to walk, or a file that must be supported."""
        path = Path(name)
        try:
            status = os.stat(path)
        except OSError as error:
            self.problem(name, stat_failure_reason(name, error))
            return
        if stat.S_ISDIR(status.st_mode):
            self.folder(path, status)
            return
        reason = not_regular_reason(status.st_mode)
        if reason is not None:
            self.problem(name, reason)
        elif format_of(path) is None:
            suffix = path.suffix or "no extension"
            self.problem(name, f"unsupported format ({suffix}); use .txt, .md, .html or .jsonl")
        else:
            self.add(path, status)

    def folder(self, top: Path, status: os.stat_result) -> None:
        """Walk `top` depth first, each folder's entries sorted by name.

        That is the order of sorting every path under `top` by its parts, the order
        discovery has always given. Hidden entries are skipped without a look.
        """
        key = _identity(status)
        if key in self.folders:
            return
        self.folders.add(key)
        entries = self.listing(top)
        if entries is None:
            return
        # Each level: the entries still to visit, and the folders above them, by identity.
        stack: list[tuple[Iterator[str], Path, dict[tuple[int, int], Path]]] = [
            (entries, top, {key: top})
        ]
        while stack:
            names, parent, above = stack[-1]
            name = next(names, None)
            if name is None:
                stack.pop()
                continue
            if name.startswith("."):
                continue
            child = parent / name
            try:
                child_status = os.stat(child)
            except OSError as error:
                self.problem(child, stat_failure_reason(str(child), error))
                continue
            mode = child_status.st_mode
            if stat.S_ISDIR(mode):
                child_key = _identity(child_status)
                if child_key in above:
                    self.problem(child, f"{SYMLINK_LOOP} (leads back to {above[child_key]})")
                    continue
                if child_key in self.folders:
                    continue
                self.folders.add(child_key)
                listing = self.listing(child)
                if listing is not None:
                    stack.append((listing, child, {**above, child_key: child}))
            elif stat.S_ISREG(mode):
                if format_of(child) is not None:
                    self.add(child, child_status)
                elif not _is_sidecar(child):
                    self.found.ignored.append(str(child))
            else:
                self.problem(child, not_regular_reason(mode) or "not a regular file")

    def listing(self, folder: Path) -> Iterator[str] | None:
        """The names in `folder`, sorted; None (and a problem) when it cannot be listed."""
        try:
            with os.scandir(folder) as entries:
                names = sorted(entry.name for entry in entries)
        except PermissionError:
            self.problem(folder, "cannot list folder (permission denied)")
            return None
        except OSError as error:
            self.problem(folder, f"cannot list folder ({error.strerror or error})")
            return None
        return iter(names)


def discover(paths: list[str]) -> Discovery:
    """Files named directly, plus supported files found recursively in directories.

    A file named directly in an unsupported format is a problem; one met inside a
    directory is only listed as ignored (folders hold READMEs and images too). Anything
    that is not a regular file or folder (a named pipe, a socket, a device, a broken link,
    a symbolic link loop) is a problem wherever it is met. Hidden files and folders are
    skipped. Symbolic links are followed; each file and each folder is taken once.
    """
    walk = _Walk()
    for name in paths:
        walk.named(name)
    return walk.found
