"""Reading input files: each file's documents, problems and warnings, streamed (the
package's names; loaded when one is first used)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from consilience.defaults import DEFAULT_MAX_BYTES
from consilience.ingest.discover import discover, not_regular_reason
from consilience.ingest.document import Document, Metadata
from consilience.ingest.metadata import read_sidecar
from consilience.ingest.problems import IngestProblem, IngestWarning, InputRejected
from consilience.ingest.readers import (
    format_of,
    read_html,
    read_jsonl,
    read_markdown,
    read_plain,
    thin_page,
)


@dataclass(frozen=True)
class FileRead:
    """Marks the end of one input file: which documents it holds now.

    `complete` is False when part of the file could not be read; the ledger then keeps
    what it held for that file rather than dropping documents it cannot replace.
    """

    source_file: str
    doc_ids: frozenset[str]
    complete: bool


IngestItem = Document | IngestProblem | IngestWarning | FileRead


def ingest_file(
    path: str, overrides: Metadata | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[IngestItem]:
    """Read one file: its documents (or the reason it was skipped), each after the
    warnings about it, then a FileRead."""
    overrides = overrides or Metadata()
    file_path = Path(path)
    file_format = format_of(file_path)
    try:
        sidecar = read_sidecar(file_path)
        status = file_path.stat()
    except InputRejected as rejected:
        yield IngestProblem(path, rejected.reason)
        return
    except OSError as error:
        yield IngestProblem(path, f"cannot read ({error.strerror})")
        return
    # Never open a named pipe, socket or device: reading a FIFO waits for a writer forever.
    not_regular = not_regular_reason(status.st_mode)
    if not_regular is not None:
        yield IngestProblem(path, not_regular)
        return
    size = status.st_size
    overrides = overrides.merged_over(sidecar)
    if file_format == "jsonl":
        yield from _ingest_jsonl(path, overrides, max_bytes)
        return
    if size > max_bytes:
        yield IngestProblem(
            path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)"
        )
        return
    try:
        data = file_path.read_bytes()
        if file_format == "html":
            document = read_html(path, data, overrides)
        elif file_format == "markdown":
            document = read_markdown(path, data, overrides)
        else:
            document = read_plain(path, data, overrides)
    except InputRejected as rejected:
        yield IngestProblem(path, rejected.reason)
        return
    except OSError as error:
        yield IngestProblem(path, f"cannot read ({error.strerror})")
        return
    warning = thin_page(document)
    if warning is not None:
        yield warning
    yield document
    yield FileRead(path, frozenset({document.id}), complete=True)


def _ingest_jsonl(path: str, overrides: Metadata, max_bytes: int) -> Iterator[IngestItem]:
    ids: set[str] = set()
    complete = True
    try:
        with open(path, "rb") as handle:
            for item in read_jsonl(path, _bounded_lines(handle, max_bytes), overrides, max_bytes):
                if isinstance(item, Document):
                    ids.add(item.id)
                else:
                    complete = False
                yield item
    except OSError as error:
        yield IngestProblem(path, f"cannot read ({error.strerror})")
        return
    if not ids and complete:
        yield IngestProblem(path, "empty file (no JSON lines)")
        return
    yield FileRead(path, frozenset(ids), complete=complete)


def _bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """Lines of a binary file, never holding more than `max_bytes` of one line in memory.

    A longer line is yielded as its first `max_bytes + 1` bytes, so the reader reports it
    as over the limit, and the rest of it is skipped.
    """
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:
                rest = handle.readline(1024 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


def iter_inputs(
    paths: list[str], overrides: Metadata | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[IngestItem]:
    """Everything the named paths hold, file by file, streamed."""
    found = discover(paths)
    yield from found.problems
    for path in found.files:
        yield from ingest_file(path, overrides, max_bytes)
