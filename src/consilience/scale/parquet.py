"""Parquet input: a file (or a folder of part files) with one document per row.

Columns: `text`, and optional `title`, `publisher`, `author`, `published`, `url`, as in
JSONL (the publisher may be in a `site_name`, `source` or `site` column instead). The
file is read one row group at a time, so a corpus of millions of rows never sits in
memory whole. A row is a document as a JSONL line is: its path is `FILE#ROW`
(rows counted from 1), and a bad row is skipped with its row number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from consilience.ingest import FileRead, IngestProblem, Metadata
from consilience.ingest.document import METADATA_FIELDS, Document
from consilience.ingest.metadata import PUBLISHER_ALIASES, read_sidecar
from consilience.ingest.problems import InputRejected
from consilience.ingest.readers import record_document

PARQUET_SUFFIXES = (".parquet", ".parq")
# The columns read besides `text`.
RECORD_FIELDS = METADATA_FIELDS + PUBLISHER_ALIASES
# Rows decoded at once: a slice of one row group, so memory stays flat however large the
# file's row groups are.
ROWS_PER_READ = 512


def is_parquet(path: str | Path) -> bool:
    return str(path).lower().endswith(PARQUET_SUFFIXES)


def ingest_parquet(
    path: str, overrides: Metadata | None, max_bytes: int
) -> Iterator[Document | IngestProblem | FileRead]:
    """The documents of one Parquet file, row group by row group, then a FileRead."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    overrides = overrides or Metadata()
    try:
        overrides = overrides.merged_over(read_sidecar(Path(path)))
        table = pq.ParquetFile(path)
    except InputRejected as rejected:
        yield IngestProblem(path, rejected.reason)
        return
    except OSError as error:
        yield IngestProblem(path, f"cannot read ({error.strerror or error})")
        return
    except pa.ArrowException as error:
        yield IngestProblem(path, f"not a readable Parquet file ({error})")
        return
    names = table.schema_arrow.names
    if "text" not in names:
        yield IngestProblem(path, "no 'text' column in the Parquet file")
        return
    columns = ["text", *(name for name in RECORD_FIELDS if name in names)]
    ids: set[str] = set()
    complete = True
    number = 0
    try:
        for batch in table.iter_batches(batch_size=ROWS_PER_READ, columns=columns):
            for record in batch.to_pylist():
                number += 1
                try:
                    document = _row_document(path, number, record, overrides, max_bytes)
                except InputRejected as rejected:
                    complete = False
                    yield IngestProblem(f"{path}:{number}", rejected.reason)
                    continue
                ids.add(document.id)
                yield document
    except (OSError, pa.ArrowException) as error:
        yield IngestProblem(f"{path}:{number + 1}", f"cannot read the rest of the file ({error})")
        complete = False
    if not ids and complete:
        yield IngestProblem(path, "no rows in the Parquet file")
        return
    yield FileRead(path, frozenset(ids), complete=complete)


def _row_document(
    path: str, number: int, record: dict[str, Any], overrides: Metadata, max_bytes: int
) -> Document:
    text = record.get("text")
    if not isinstance(text, str):
        raise InputRejected("no 'text' string in the row")
    if len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InputRejected(f"text is over the {max_bytes:,}-byte limit (--max-bytes)")
    fields = {name: _as_text(record.get(name)) for name in RECORD_FIELDS}
    return record_document(text, fields, "row", path, number, "parquet", overrides)


def _as_text(value: object) -> object:
    """Dates stored as Parquet dates or timestamps count as written dates."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
