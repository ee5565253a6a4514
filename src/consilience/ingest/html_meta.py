"""What an HTML page states about its site: its name and its address.

Trafilatura reads most of this, but it takes `article:publisher` (often a Facebook
address) as the site's name and falls back to the URL's host, which is no name the page
states; here each field is read in a fixed order, only from what the page says.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

# <meta> keys that hold a site's name, strongest first: OpenGraph's (as a property, or
# as a name, as some pages write it), then the JSON-LD publisher, then the publisher
# fields of Dublin Core and plain HTML, then the web application's name, then the site's
# account name on X/Twitter ("@examplenews").
_NAME_PROPERTIES = ("og:site_name",)
_PUBLISHER_NAMES = ("publisher", "dc.publisher", "dc:publisher", "dcterms.publisher")
_APPLICATION_NAMES = ("application-name",)
_ACCOUNT_NAMES = ("twitter:site",)
# A name longer than this is a description, not a name.
_NAME_CHARS = 120
# JSON-LD is walked this deep and this wide at most: the page is untrusted.
_JSON_LD_DEPTH = 6
_JSON_LD_NODES = 2000


class Element(Protocol):
    """The part of an lxml element read here (lxml ships no type hints)."""

    tag: object
    text: str | None

    def get(self, key: str) -> str | None: ...

    def iter(self, *tags: str) -> Iterator[Element]: ...


@dataclass(frozen=True)
class PageSite:
    """The site's name and the page's address, as the page states them; None when not."""

    name: str | None = None
    url: str | None = None


def page_site(tree: Element) -> PageSite:
    """The site name and URL a parsed page states in its meta tags, links and JSON-LD."""
    properties: dict[str, str] = {}
    names: dict[str, str] = {}
    canonical: str | None = None
    json_ld: list[str] = []
    for element in tree.iter("meta", "link", "script"):
        if element.tag == "meta":
            content = element.get("content") or ""
            for key, found in (("property", properties), ("name", names)):
                value = (element.get(key) or "").strip().lower()
                if value and content.strip():
                    found.setdefault(value, content)
        elif element.tag == "link":
            relations = (element.get("rel") or "").lower().split()
            if "canonical" in relations and canonical is None:
                canonical = web_address(element.get("href"))
        elif (element.get("type") or "").strip().lower() == "application/ld+json":
            json_ld.append(element.text or "")
    candidates = [
        *(properties.get(key) or names.get(key) for key in _NAME_PROPERTIES),
        *(_json_ld_publisher(text) for text in json_ld),
        *(names.get(key) for key in _PUBLISHER_NAMES),
        *(names.get(key) for key in _APPLICATION_NAMES),
        *((names.get(key) or "").lstrip("@") for key in _ACCOUNT_NAMES),
    ]
    return PageSite(
        name=next((name for name in map(site_name, candidates) if name), None),
        url=canonical or web_address(properties.get("og:url") or names.get("og:url")),
    )


def site_name(value: str | None) -> str | None:
    """`value` as a site's name, whitespace collapsed; None when it is an address (the
    `article:publisher` of many pages is a Facebook page) or too long to be a name."""
    text = " ".join((value or "").split())
    if not text or len(text) > _NAME_CHARS or "/" in text or text.lower().startswith("www."):
        return None
    return text


def web_address(value: str | None) -> str | None:
    """An absolute http(s) address, or None (a relative link names no site)."""
    text = (value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) and len(text) > 8 else None


def _json_ld_publisher(text: str) -> str | None:
    """The publisher's name in one JSON-LD block: `"publisher": "X"`,
    `"publisher": {"name": "X"}`, or `"publisher": {"@id": ...}` naming a node that has
    the name (as WordPress sites write it), at any depth (inside `@graph` too)."""
    try:
        data: object = json.loads(text)
    except (ValueError, RecursionError):
        return None
    nodes = _json_ld_nodes(data)
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    for node in nodes:
        publisher = node.get("publisher")
        if isinstance(publisher, list):
            publisher = publisher[0] if publisher else None
        if isinstance(publisher, dict) and "name" not in publisher:
            reference = publisher.get("@id")
            publisher = by_id.get(reference) if isinstance(reference, str) else None
        if isinstance(publisher, dict):
            publisher = publisher.get("name")
        name = site_name(publisher) if isinstance(publisher, str) else None
        if name:
            return name
    return None


def _json_ld_nodes(data: object) -> list[dict[str, object]]:
    """The objects of a JSON-LD document, outermost first, within the walk's bounds."""
    nodes: list[dict[str, object]] = []
    pending: deque[tuple[object, int]] = deque([(data, 0)])
    seen = 0
    while pending and seen < _JSON_LD_NODES:
        node, depth = pending.popleft()
        seen += 1
        if depth > _JSON_LD_DEPTH:
            continue
        if isinstance(node, list):
            pending.extend((item, depth + 1) for item in node)
        elif isinstance(node, dict):
            nodes.append(node)
            pending.extend((value, depth + 1) for value in node.values())
    return nodes
