"""What the JSON routes and the HTML pages share: borrowing a ledger, paging bounds, claim
URLs and search snippets."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any
from urllib.parse import quote

import pydantic_core
from fastapi import HTTPException, Query, Request, Response

from consilience.store import Ledger
from consilience.store.lookups import MATCH_END, MATCH_START

# Paging bounds: a page is never unbounded, and an offset never overflows SQLite's integers.
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="Rows to skip.")]
SearchQuery = Annotated[
    str, Query(max_length=500, description="Words to find; read as plain words, not syntax.")
]
SEARCH_LIMIT = 50


@contextmanager
def borrowed(request: Request) -> Iterator[Ledger]:
    """A read-only ledger connection for the length of one request."""
    with request.app.state.pool.ledger() as ledger:
        yield ledger


def summary(request: Request, ledger: Ledger) -> dict[str, Any]:
    """The cached totals (documents, claims, result rows), plus whether alignment is current."""
    totals: dict[str, Any] = request.app.state.pool.summary(ledger)
    return {**totals, "aligned": ledger.alignment_current()}


def json_body(record: Any) -> Response:
    """A record as JSON, serialized directly (non-finite numbers as null, which JSON lacks)."""
    return Response(
        pydantic_core.to_json(record, inf_nan_mode="null"), media_type="application/json"
    )


def not_found(what: str, ident: str) -> HTTPException:
    return HTTPException(404, f"no {what} with id {ident!r}")


def document_href(doc_id: str) -> str:
    return "/documents/" + quote(doc_id, safe="")


def claim_href(ref: dict[str, Any]) -> str:
    """Where a claim link goes: its document's page with the claim marked, scrolled to it."""
    claim = quote(str(ref.get("id") or ""), safe="")
    return f"{document_href(str(ref.get('doc') or ''))}?claim={claim}#claim-{claim}"


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as (text, matched) pieces, its match markers removed."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        before, found, after = rest.partition(MATCH_START)
        if before:
            parts.append((before, False))
        if not found:
            break
        matched, _, rest = after.partition(MATCH_END)
        if matched:
            parts.append((matched, True))
    return parts


def snippet_matches(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """A search snippet as plain text and the [start, end) offsets of its matched words."""
    text = ""
    matches = []
    for part, matched in snippet_parts(snippet):
        if matched:
            matches.append((len(text), len(text) + len(part)))
        text += part
    return text, matches
