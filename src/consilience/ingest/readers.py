"""One reader per input format: bytes in, Documents (or problems) out."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from consilience.ingest.decode import decode_bytes
from consilience.ingest.document import Document, Metadata, make_document
from consilience.ingest.html_meta import PageSite, page_site, site_name, web_address
from consilience.ingest.metadata import (
    dateline_date,
    first_line_title,
    markdown_metadata,
    metadata_from_mapping,
    parse_date,
)
from consilience.ingest.naming import url_site_name
from consilience.ingest.problems import IngestProblem, IngestWarning, InputRejected

PLAIN_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = PLAIN_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
# An HTML page whose article text is shorter than this is built, with a warning: the
# extractor may have kept a teaser, a cookie notice or a caption instead of the article.
THIN_PAGE_CHARS = 300


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
    import trafilatura  # here, not at the top: commands that read no page never load it

    markup, encoding = decode_bytes(data)
    # Parsed once: the site is read from the tree before trafilatura prunes it.
    tree = trafilatura.load_html(markup)
    stated = page_site(tree) if tree is not None else PageSite()
    result = trafilatura.bare_extraction(
        markup if tree is None else tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputRejected("no article text found in the HTML")
    url = stated.url or web_address(getattr(result, "url", None))
    found = Metadata(
        title=getattr(result, "title", None),
        publisher=stated.name or _stated_sitename(getattr(result, "sitename", None), url),
        author=getattr(result, "author", None),
        published=_html_date(getattr(result, "date", None)),
        url=url,
    )
    return make_document(
        text=text,
        path=path,
        source_file=path,
        format="html",
        encoding=encoding,
        metadata=overrides.merged_over(found),
    )


def thin_page(document: Document) -> IngestWarning | None:
    """A warning for an HTML page whose article text is under THIN_PAGE_CHARS."""
    chars = len(document.text.strip())
    if document.format != "html" or chars >= THIN_PAGE_CHARS:
        return None
    return IngestWarning(
        document.path,
        f"only {chars} characters of article text extracted; check the page",
    )


def _html_date(value: str | None) -> str | None:
    return parse_date(value) if value else None


def _stated_sitename(value: str | None, url: str | None) -> str | None:
    """Trafilatura's site name when the page states it: not an address, and not the
    URL's host, which it falls back to (the naming rule shows that host anyway)."""
    name = site_name(value)
    if name is None or (url and name.lower() == _bare_host(url)):
        return None
    return name


def _bare_host(url: str) -> str:
    """The host as trafilatura's fallback writes it: without "www." or "w3."."""
    host = url_site_name(url)
    return re.sub(r"^w\d+\.", "", host)


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
