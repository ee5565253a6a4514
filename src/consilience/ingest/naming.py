"""One rule for naming a source to a reader, used by every view and explanation.

A source is named by its publisher; failing that by the site name of its URL; failing
that by its title with site suffixes cleaned away; the file name is the last resort
(the document view still shows it)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from urllib.parse import urlsplit


def source_name(document: Mapping[str, object]) -> str:
    """The name a reader sees for `document` (a ledger document record or metadata)."""
    publisher = _text(document.get("publisher"))
    if publisher:
        return publisher
    site = url_site_name(_text(document.get("url")))
    if site:
        return site
    title = _text(document.get("title"))
    if title:
        return title
    return PurePath(_text(document.get("path")) or _text(document.get("id")) or "?").name


def url_site_name(url: str) -> str:
    """ "www.example-news.org/a/b" -> "example-news.org"; "" when there is no host."""
    if not url:
        return ""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.")


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value else ""
