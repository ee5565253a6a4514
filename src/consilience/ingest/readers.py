"""One reader per input format: bytes in, Documents (or problems) out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import trafilatura

from consilience.ingest.decode import decode_bytes
from consilience.ingest.document import Document, Metadata, make_document
from consilience.ingest.metadata import (
    dateline_date,
    first_line_title,
    markdown_metadata,
    metadata_from_mapping,
    parse_date,
)
from consilience.ingest.problems import IngestProblem, InputRejected

PLAIN_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = PLAIN_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES


def read_plain(path: str, data: bytes, overrides: Metadata) -> Document:
    """A text file; its content, unchanged, is the document text."""
    text, encoding = decode_bytes(data)
    found = Metadata(title=first_line_title(text), published=dateline_date(text))
    return make_document(
        text=text,
        path=path,
        source_file=path,
        format="text",
        encoding=encoding,
        metadata=overrides.merged_over(found),
    )


def read_markdown(path: str, data: bytes, overrides: Metadata) -> Document:
    """A Markdown file; kept as written so offsets match the file on disk."""
    text, encoding = decode_bytes(data)
    found = markdown_metadata(text)
    if found.published is None:
        found = replace(found, published=dateline_date(text))
    return make_document(
        text=text,
        path=path,
        source_file=path,
        format="markdown",
        encoding=encoding,
        metadata=overrides.merged_over(found),
    )


def read_html(path: str, data: bytes, overrides: Metadata) -> Document:
    """An HTML page; the document text is its main text, without navigation or comments."""
    markup, encoding = decode_bytes(data)
    result = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputRejected("no article text found in the HTML")
    found = Metadata(
        title=getattr(result, "title", None),
        publisher=getattr(result, "sitename", None),
        author=getattr(result, "author", None),
        published=_html_date(getattr(result, "date", None)),
        url=getattr(result, "url", None),
    )
    return make_document(
        text=text,
        path=path,
        source_file=path,
        format="html",
        encoding=encoding,
        metadata=overrides.merged_over(found),
    )


def _html_date(value: str | None) -> str | None:
    return parse_date(value) if value else None


def read_jsonl(
    path: str, lines: Iterator[bytes], overrides: Metadata, max_bytes: int
) -> Iterator[Document | IngestProblem]:
    """One document per line: `text` plus optional title, publisher, author, published, url.

    A bad line is reported with its line number and the rest of the file still read.
    """
    for number, raw in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield IngestProblem(
                where, f"line is {len(raw):,} bytes, over the {max_bytes:,}-byte limit"
            )
            continue
        try:
            yield _jsonl_document(path, number, raw, overrides)
        except InputRejected as rejected:
            yield IngestProblem(where, rejected.reason)


def _jsonl_document(path: str, number: int, raw: bytes, overrides: Metadata) -> Document:
    try:
        record: Any = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputRejected("line is not valid UTF-8") from None
    except json.JSONDecodeError as error:
        raise InputRejected(f"malformed JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputRejected(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputRejected("no 'text' string in the record")
    return record_document(text, record, "record", path, number, "jsonl", overrides)


def record_document(
    text: str,
    record: dict[str, Any],
    what: str,
    path: str,
    number: int,
    format: str,
    overrides: Metadata,
) -> Document:
    """One document of a many-document file (a JSONL line, a Parquet row): its text checked,
    its metadata read from the record's fields (else a dateline), flags over both."""
    if not text.strip():
        raise InputRejected("empty 'text'")
    if "\x00" in text:
        raise InputRejected("'text' contains NUL characters")
    found = metadata_from_mapping(record, what)
    if found.published is None:
        found = replace(found, published=dateline_date(text))
    return make_document(
        text=text,
        path=f"{path}#{number}",
        source_file=path,
        format=format,
        encoding="utf-8",
        metadata=overrides.merged_over(found),
    )


def format_of(path: Path) -> str | None:
    """The reader name for a file suffix, or None when the format is not supported."""
    suffix = path.suffix.lower()
    for name, suffixes in (
        ("text", PLAIN_SUFFIXES),
        ("markdown", MARKDOWN_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
    ):
        if suffix in suffixes:
            return name
    return None
