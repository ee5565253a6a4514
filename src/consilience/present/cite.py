"""A citation of the document that makes a claim: Wikipedia's {{cite news}} and CSL-JSON.

Plain functions over the ledger's records, shared by `consilience cite` and the views that
offer a citation. Everything cited comes from untrusted documents: each value is made one
line without control characters (`Citation` holds it so), and `cite_news` escapes what
would end or break the template.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from consilience.ingest.naming import document_title, source_name
from consilience.store import Ledger

# The longest quotation, in characters, unless the claim itself is longer.
QUOTE_CHARS = 400
# How far before and after a claim its sentence's bounds are looked for.
SENTENCE_REACH = 2000
# A sentence ends at . ! ? or … (with any closing quotes or brackets) before a space,
# or at a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s)|\n")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
ELLIPSIS = "…"


@dataclass(frozen=True)
class Citation:
    """What a citation states, each value one line without control characters; "" when
    the ledger does not know it."""

    title: str
    publisher: str
    date: str  # the document's publication date, YYYY-MM-DD
    url: str
    quote: str


def citation_fields(claim: Mapping[str, Any], document: Mapping[str, Any], quote: str) -> Citation:
    """The citation of `document` (a ledger document record) for `claim`, quoting `quote`
    (the claim's own text when `quote` is empty).

        The title is the document's, without the site name a page title carries; without a
        title, the name `source_name` gives. The publisher is the name `source_name` gives,
        left out when that is only the title again or the file name (which name no publisher).
    """
    title = one_line(document_title(document) or document.get("title") or "")
    name = one_line(source_name(document))
    if not title:
        title = name
    files = {PurePath(str(document.get(key) or "")).name for key in ("path", "id")}
    publisher = "" if name == title or name in files else name
    published = _DATE.match(str(document.get("published") or ""))
    return Citation(
        title=title,
        publisher=publisher,
        date=published.group(0) if published else "",
        url=one_line(document.get("url") or ""),
        quote=one_line(quote or claim.get("text") or ""),
    )


def ledger_citation(ledger: Ledger, claim_id: str) -> Citation | None:
    """The citation for one claim of `ledger`, quoting the sentence that holds it; None
    when the ledger holds no such claim."""
    claim = ledger.claim(claim_id)
    if claim is None:
        return None
    document = ledger.document(claim["doc"])
    if document is None:
        return None
    quote = claim_sentence(document["text"], claim["start"], claim["end"])
    return citation_fields(claim, document, quote)


def claim_sentence(text: str, start: int, end: int, limit: int = QUOTE_CHARS) -> str:
    """The sentence of `text` that holds the claim at `start`..`end`, whole.

    A sentence runs from the last sentence end (or line break) before the claim to the
    first after it. One longer than `limit` characters is cut around the claim at word
    bounds, marked with "…"; the claim itself is never cut.
    """
    window = max(0, start - SENTENCE_REACH)
    ends_before = list(_SENTENCE_END.finditer(text, window, start))
    first = ends_before[-1].end() if ends_before else window
    after = _SENTENCE_END.search(text, end, end + SENTENCE_REACH)
    if after is None:
        last = min(len(text), end + SENTENCE_REACH)
    else:
        last = after.start() if after.group() == "\n" else after.end()
    while first < start and text[first].isspace():
        first += 1
    if last - first <= limit:
        return text[first:last].strip()
    room = max(0, limit - (end - start))
    left = max(first, start - room // 2)
    right = min(last, end + room - (start - left))
    left = max(first, start - (room - (right - end)))
    if left > first:  # begin at a word: after the first space past the cut
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else start
    if right < last:  # end at a word: before the last space ahead of the cut
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else end
    head = ELLIPSIS if left > first else ""
    tail = ELLIPSIS if right < last else ""
    return f"{head}{text[left:right].strip()}{tail}"


def cite_news(citation: Citation) -> str:
    """Wikipedia's {{cite news}} for `citation`, empty parameters left out.

    In a template parameter "|" would start the next parameter and "}}" end the template
    early, "{{" open another, "[" and "]" make a link, "<" a tag, and "~~~" a signature:
    "|" is written {{!}}, the others as HTML character references. "=" needs nothing: in a
    named parameter only the first "=" separates the name.
    """
    parameters = (
        ("title", citation.title),
        ("publisher", citation.publisher),
        ("date", citation.date),
        ("url", citation.url),
        ("quote", citation.quote),
    )
    written = [f"|{name}={wiki_value(value)}" for name, value in parameters if value]
    return "{{cite news " + " ".join(written) + "}}"


_WIKI_ESCAPES = {"{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;", "<": "&lt;"}


def wiki_value(value: str) -> str:
    """`value` safe as the value of a named template parameter (see `cite_news`)."""
    text = "".join(_WIKI_ESCAPES.get(char, char) for char in one_line(value))
    text = re.sub(r"~{3,}", lambda run: "&#126;" * len(run.group()), text)
    return text.replace("|", "{{!}}")


def csl_json(citation: Citation, claim_id: str) -> dict[str, Any]:
    """`citation` as one CSL-JSON item (for Zotero, Pandoc, citeproc), keyed by the claim.

    The newspaper is `container-title`; the quotation goes in `note`, the variable CSL
    gives to descriptive text printed with an entry (CSL has no quotation variable, and
    `abstract` would misstate it as the article's summary). Empty fields are left out.
    """
    item: dict[str, Any] = {"id": claim_id, "type": "article-newspaper"}
    if citation.title:
        item["title"] = citation.title
    if citation.publisher:
        item["container-title"] = citation.publisher
    if citation.date:
        year, month, day = (int(part) for part in citation.date.split("-"))
        item["issued"] = {"date-parts": [[year, month, day]]}
    if citation.url:
        item["URL"] = citation.url
    if citation.quote:
        item["note"] = citation.quote
    return item


def one_line(value: object) -> str:
    """`value` as one line: whitespace runs (line breaks, tabs) made one space, control
    characters dropped."""
    text = " ".join(str(value).split())
    if text.isprintable():
        return text
    return "".join(char for char in text if unicodedata.category(char) not in ("Cc", "Cs"))
