"""Claims as partitioned Parquet (`build --out DIR`): for corpora too large for one SQLite
file's writer, and for tools that read Parquet (Dask, pandas, DuckDB, Spark).

    DIR/manifest.json             what the folder is, written last
    DIR/documents/part-NNNNN.parquet   one row per document, with its text
    DIR/entities/part-NNNNN.parquet    one row per claim: id, doc_id, start, end, text, ...
    DIR/figures/ dates/ statements/ incidents/ quotes/
    DIR/results/slots.parquet     alignment results: rank, id, data (JSON)
    DIR/results/events.parquet reuse.parquet timeline.parquet actors.parquet

Each part holds the claims of the same run of documents in every table. A claim row has
its kind's fields as typed columns, for querying, and `attrs`, the same JSON the ledger
stores, from which the JSON export is made, so it is the same byte for byte.

A build writes a new generation beside the old one and swaps it in at the end: documents
the old one holds, extracted by the same extractor version, are copied, not extracted
again; documents no longer among the inputs are dropped. `ClaimsDirectory` reads the
folder with the methods the align stage and the JSON export use on a ledger. A folder of an
older format is read only by a build, which extracts its documents again and rewrites it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from consilience.extract.claims import CLAIM_KINDS, CLAIM_RECORDS, SPAN_FIELDS, DocumentClaims
from consilience.ingest.document import Document
from consilience.store.ledger import DOCUMENT_COLUMNS, JSON_SCHEMA_ID, LedgerError, result_json
from consilience.store.lookups import claim_record
from consilience.store.reads import ContractRecord
from consilience.store.schema import RESULT_TABLES

MANIFEST = "manifest.json"
KIND = "consilience-claims"
# 2: dated statements are in `statements/` (format 1 called them `events/`), and the
# events a document reports in `incidents/`. 3: `figures/` has the column `modality`.
FORMAT_VERSION = 3
# Claim folders of older formats, replaced when a build rewrites the folder.
_RETIRED = ("events",)
# Documents per part file (parts of a few tens of MB, as Parquet readers like them), and
# per row group: rows are held as Python objects only until a row group is written.
DOCUMENTS_PER_PART = 5_000
DOCUMENTS_PER_ROW_GROUP = 500
ROWS_PER_READ = 10_000

_TYPES = {
    "str": pa.string(),
    "str | None": pa.string(),
    "int": pa.int64(),
    "float | None": pa.float64(),
    "bool": pa.bool_(),
    "list[str]": pa.list_(pa.string()),
}
_SPAN_SCHEMA = [
    ("id", pa.string()),
    ("doc_id", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("text", pa.string()),
]
_DOCUMENT_SCHEMA = pa.schema(
    [(name, pa.string()) for name in ("id", "path", "source_file", "format")]
    + [(name, pa.string()) for name in ("title", "publisher", "author", "published", "url")]
    + [(name, pa.string()) for name in ("sha256", "encoding", "text", "extractor_version")]
)
_RESULT_SCHEMA = pa.schema([("rank", pa.int64()), ("id", pa.string()), ("data", pa.string())])


class ClaimsDirectoryError(LedgerError):
    """The folder is not a claims directory, or one this consilience cannot read (a kind
    of LedgerError: it stands where a ledger would)."""


def _claim_schema(kind: str) -> pa.Schema:
    extra = [
        (field.name, _TYPES[str(field.type)])
        for field in fields(CLAIM_RECORDS[kind])
        if field.name not in SPAN_FIELDS and str(field.type) in _TYPES
    ]
    attrs = [] if kind == "entities" else [("attrs", pa.string())]
    return pa.schema(_SPAN_SCHEMA + extra + attrs)


TABLES: dict[str, pa.Schema] = {
    "documents": _DOCUMENT_SCHEMA,
    **{kind: _claim_schema(kind) for kind in CLAIM_KINDS},
}


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.parquet"))


def _read(folder: Path, columns: list[str] | None = None) -> pa.Table:
    parts = _parts(folder)
    if not parts:
        return TABLES[folder.name].empty_table().select(columns or TABLES[folder.name].names)
    return pa.concat_tables(pq.read_table(part, columns=columns) for part in parts)


class ClaimsWriter:
    """The single writer of a build into DIR: documents in, parts out, swapped in at the end.

    It answers `is_current`, `update_path`, `write_document` and `finish_file` as a
    ledger does, so a build drives it the same way.
    """

    def __init__(self, root: str | Path, extractor_version: str) -> None:
        self.root = Path(root)
        self.version = extractor_version
        old_format = _check_manifest(self.root) if (self.root / MANIFEST).exists() else None
        if old_format is None and self.root.exists():
            # Never write over a folder that is not ours. One holding only our tables and
            # no manifest is ours, left by a build killed while swapping generations.
            foreign = [
                entry.name
                for entry in self.root.iterdir()
                if not entry.name.startswith(".")
                and entry.name not in (*TABLES, *_RETIRED, "results")
            ]
            if foreign:
                raise ClaimsDirectoryError(
                    f"{self.root}: not a consilience claims directory (it holds "
                    f"{foreign[0]!r} and no {MANIFEST}); name a new or empty folder"
                )
        self._next = self.root / ".next"
        shutil.rmtree(self._next, ignore_errors=True)  # left by a build that was killed
        self._next.mkdir(parents=True)
        self._old_ids: set[str] = set()
        self._old_current: set[str] = set()
        if old_format is not None:
            old = _read(self.root / "documents", ["id", "extractor_version"])
            self._old_ids = set(old["id"].to_pylist())
            if old_format == FORMAT_VERSION:  # an older format's claims are not carried
                current = pc.equal(old["extractor_version"], extractor_version)
                self._old_current = set(old.filter(current)["id"].to_pylist())
        self._written: set[str] = set()
        self._carried: set[str] = set()
        self._rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._part = 0
        self._in_part = 0

    def is_current(self, doc_id: str, extractor_version: str) -> bool:
        if extractor_version != self.version:
            return False
        return doc_id in self._written or doc_id in self._old_current

    def update_path(self, document: Document) -> None:
        """An unchanged document: carried over from the old generation as it was."""
        if document.id not in self._written:
            self._carried.add(document.id)

    def finish_file(self, source_file: str, doc_ids: Iterable[str]) -> int:
        return 0  # documents no longer read are dropped when the generation is swapped in

    def write_document(self, claims: DocumentClaims, extractor_version: str) -> None:
        """Buffer one document and its claims; a document id is written once."""
        document = claims.document
        if document.id in self._written:
            return
        self._written.add(document.id)
        self._carried.discard(document.id)
        record = {name: getattr(document, name, None) for name in _DOCUMENT_SCHEMA.names}
        record.update(
            {name: getattr(document.metadata, name) for name in DOCUMENT_COLUMNS[2:7]},
            extractor_version=extractor_version,
        )
        self._rows["documents"].append(record)
        for kind in CLAIM_KINDS:
            for claim in claims.claims_of(kind):
                row = claim.to_dict()
                row["doc_id"] = row.pop("doc")
                if kind != "entities":
                    attrs = {k: v for k, v in row.items() if k not in SPAN_FIELDS + ("doc_id",)}
                    row["attrs"] = json.dumps(attrs, ensure_ascii=False, sort_keys=True)
                self._rows[kind].append(row)
        self._in_part += 1
        if len(self._rows["documents"]) >= DOCUMENTS_PER_ROW_GROUP:
            self._write_row_group()
        if self._in_part >= DOCUMENTS_PER_PART:
            self._close_part()

    def _write_row_group(self) -> None:
        """The buffered rows of every table, as one row group of the current part."""
        if not self._rows["documents"]:
            return
        for table, schema in TABLES.items():
            writer = self._writers.get(table)
            if writer is None:
                folder = self._next / table
                folder.mkdir(exist_ok=True)
                path = folder / f"part-{self._part:05d}.parquet"
                writer = self._writers[table] = pq.ParquetWriter(path, schema)
            writer.write_table(pa.Table.from_pylist(self._rows[table], schema=schema))
            self._rows[table] = []

    def _close_part(self) -> None:
        self._write_row_group()
        for writer in self._writers.values():
            writer.close()
        if self._writers:
            self._part += 1
        self._writers = {}
        self._in_part = 0

    def commit(self) -> int:
        """Write the last part, copy the unchanged documents, swap the new generation in.
        Returns how many documents of the old generation were dropped."""
        self._close_part()
        carried = self._carried - self._written
        if carried:
            self._copy_carried(carried)
        for table in TABLES:
            (self._next / table).mkdir(exist_ok=True)
        manifest = {
            "kind": KIND,
            "format": FORMAT_VERSION,
            "schema": JSON_SCHEMA_ID,
            "documents": len(self._written) + len(carried),
        }
        (self._next / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        old = self.root / ".old"
        shutil.rmtree(old, ignore_errors=True)
        old.mkdir()
        for name in [MANIFEST, *TABLES, *_RETIRED, "results"]:  # manifest first, back last
            if (self.root / name).exists():
                (self.root / name).rename(old / name)
        for name in [*TABLES, MANIFEST]:
            (self._next / name).rename(self.root / name)
        shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(self._next, ignore_errors=True)
        return len(self._old_ids - self._written - carried)

    def _copy_carried(self, carried: set[str]) -> None:
        """The rows of unchanged documents, part by part, from the old generation."""
        keep = pa.array(sorted(carried), type=pa.string())
        for table in TABLES:
            key = "id" if table == "documents" else "doc_id"
            for number, part in enumerate(_parts(self.root / table)):
                rows = pq.read_table(part)
                rows = rows.filter(pc.is_in(rows[key], value_set=keep))
                if rows.num_rows:
                    folder = self._next / table
                    folder.mkdir(exist_ok=True)
                    pq.write_table(rows, folder / f"part-{self._part + number:05d}.parquet")


def _check_manifest(root: Path) -> int:
    """The format of the claims directory at `root`; refuses what is not one, or one of a
    newer format."""
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ClaimsDirectoryError(
            f"{root}: not a consilience claims directory (no {MANIFEST}); "
            "name a new or empty folder"
        ) from None
    if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
        raise ClaimsDirectoryError(f"{root}: {MANIFEST} is not a consilience claims manifest")
    version = manifest.get("format", 0)
    if not isinstance(version, int):
        raise ClaimsDirectoryError(f"{root}: {MANIFEST} is not a consilience claims manifest")
    if version > FORMAT_VERSION:
        raise ClaimsDirectoryError(f"{root}: written by a newer consilience; upgrade it")
    return version


class ClaimsDirectory(ContractRecord):
    """A claims directory read (and aligned) as a ledger is: documents, claims and results
    in the ledger's order, and the same JSON export."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        found = _check_manifest(self.root)
        if found < FORMAT_VERSION:
            raise ClaimsDirectoryError(
                f"{self.root}: claims directory format {found} is older "
                f"than this consilience's ({FORMAT_VERSION}); run `consilience build --out` "
                "on it once to upgrade it"
            )
        self.last_build: Any = None

    def close(self) -> None:
        """Nothing is held open; here so a directory can stand where a ledger does."""

    def __enter__(self) -> ClaimsDirectory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _documents(self, columns: list[str]) -> pa.Table:
        table = _read(self.root / "documents", ["id", "path", *columns])
        return table.sort_by([("path", "ascending"), ("id", "ascending")])

    def document_count(self) -> int:
        return int(_read(self.root / "documents", ["id"]).num_rows)

    def documents(self) -> list[dict[str, Any]]:
        """Documents in the ledger's order (path, then id), without their text."""
        table = self._documents([c for c in DOCUMENT_COLUMNS[2:] if c != "chars"] + ["text"])
        chars = pc.utf8_length(table["text"])
        table = table.drop_columns(["text"]).append_column("chars", chars)
        return [{name: row[name] for name in DOCUMENT_COLUMNS} for row in _rows(table.to_batches())]

    def iter_texts(self) -> Iterator[tuple[str, str]]:
        for row in _rows(self._documents(["text"]).to_batches(ROWS_PER_READ)):
            yield str(row["id"]), str(row["text"])

    def iter_claims(self, kind: str) -> Iterator[dict[str, Any]]:
        """Claims of one kind in the ledger's order: document path, id, then position."""
        if kind not in CLAIM_KINDS:
            raise ValueError(f"unknown claim kind {kind!r}")
        extra = "label" if kind == "entities" else "attrs"
        claims = _read(self.root / kind, ["id", "doc_id", "start", "end", "text", extra])
        paths = _read(self.root / "documents", ["id", "path"]).rename_columns(["doc_id", "path"])
        claims = claims.join(paths, "doc_id", join_type="inner")
        order = [("path", "ascending"), ("doc_id", "ascending")]
        order += [(name, "ascending") for name in ("start", "end", "id")]
        for row in _rows(claims.sort_by(order).to_batches(ROWS_PER_READ)):
            yield claim_record(kind, {**row, "extra": row[extra]})

    def results(self, table: str) -> list[dict[str, Any]]:
        if table not in RESULT_TABLES:
            raise ValueError(f"unknown result table {table!r}")
        path = self.root / "results" / f"{table}.parquet"
        if not path.exists():
            return []
        rows = pq.read_table(path).sort_by([("rank", "ascending"), ("id", "ascending")])
        return [json.loads(text) for text in rows["data"].to_pylist()]

    def replace_results(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Store one result table whole, in the given order (as the ledger does)."""
        self.replace_sorted_results(
            table, ((rank, str(row["id"]), result_json(row)) for rank, row in enumerate(rows))
        )

    def replace_sorted_results(self, table: str, rows: Iterable[tuple[Any, str, str]]) -> None:
        """Store one result table from (sort key, id, JSON text) rows in any order, ranked
        by key; the texts are held as Arrow strings, not Python objects."""
        if table not in RESULT_TABLES:
            raise ValueError(f"unknown result table {table!r}")
        keys: list[tuple[Any, str]] = []
        chunks: list[pa.Array] = []
        texts: list[str] = []
        for key, row_id, text in rows:
            keys.append((key, row_id))
            texts.append(text)
            if len(texts) >= ROWS_PER_READ:
                chunks.append(pa.array(texts, type=pa.string()))
                texts = []
        chunks.append(pa.array(texts, type=pa.string()))
        order = sorted(range(len(keys)), key=keys.__getitem__)
        data = pa.chunked_array(chunks, type=pa.string()).take(pa.array(order, type=pa.int64()))
        ids = pa.array([keys[index][1] for index in order], type=pa.string())
        result = pa.Table.from_arrays(
            [pa.array(range(len(order)), type=pa.int64()), ids, data], schema=_RESULT_SCHEMA
        )
        folder = self.root / "results"
        folder.mkdir(exist_ok=True)
        partial = folder / f".{table}.parquet"
        pq.write_table(result, partial)
        partial.replace(folder / f"{table}.parquet")


def _rows(batches: Iterable[pa.RecordBatch]) -> Iterator[dict[str, Any]]:
    for batch in batches:
        yield from batch.to_pylist()
