"""One rule for naming a source to a reader, used by every view and explanation.

A source is named by its publisher; failing that by the site name of its URL (the host,
without "www."); failing that by its title, with the site's name and a date cut from its
end, or by the site a "Welcome to X" title names; the file name is the last resort (the
document view still shows it)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePath
from urllib.parse import urlsplit

from consilience.lexicon import load_lexicon

# " | ", " :: ", " - ", " – ", " — " between a title and its site's name, or a date.
_SEPARATOR = re.compile(r"(\s+(?:\||::|-|\u2013|\u2014)\s+)")
# A site's name or a section follows these; a headline itself rarely holds one.
_STRONG_SEPARATORS = frozenset({"|", "::"})
# A title's tail of at most this many words can be a site's name ("Example News").
SITE_NAME_WORDS = 4
# "example-news.org", "Caliber.Az": a site's name written as its domain.
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}", re.I)
# What a host must look like to be shown: labels joined by dots ("news.example.org").
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)+")


def source_name(document: Mapping[str, object]) -> str:
    """The name a reader sees for `document` (a ledger document record or metadata)."""
    publisher = _text(document.get("publisher"))
    if publisher:
        return publisher
    site = url_site_name(_text(document.get("url")))
    if site:
        return site
    title = _text(document.get("title"))
    named = welcome_site(title) or clean_title(title)
    if named:
        return named
    return PurePath(_text(document.get("path")) or _text(document.get("id")) or "?").name


def document_title(document: Mapping[str, object]) -> str | None:
    """The title a reader sees for `document`: its own title, cleaned, knowing the names
    of its site (publisher, URL host), so that those are cut at either end."""
    sites = [_text(document.get("publisher")), url_site_name(_text(document.get("url")))]
    return clean_title(_text(document.get("title")), sites)


def url_site_name(url: str) -> str:
    """ "https://www.example-news.org/a/b" -> "example-news.org": the host, lower-cased,
    without a leading "www."; "" when there is no host that looks like one."""
    if not url:
        return ""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # "http://[::1": a malformed address
        return ""
    host = host.removeprefix("www.")
    return host if _HOST.fullmatch(host) else ""


def clean_title(title: str | None, sites: Iterable[str] = ()) -> str | None:
    """A page title without what is not the article's: "Baku massacre | Site | 20 January
    2020" -> "Baku massacre". None when no title is left ("Welcome to X", "Home").

    From the end, a part after a separator is cut while it is a date, one of `sites`
    (the document's publisher or host), a domain, a short part after " | " or " :: ", or
    a short part holding a site word after a dash; from the start, only one of `sites`
    or a domain is cut. The first part always stays.
    """
    text = _text(title)
    if not text:
        return None
    cleaned = _without_site_parts(text, {key for site in sites for key in _site_keys(site)})
    if welcome_site(cleaned) or cleaned.lower() in load_lexicon().sources.placeholder_titles:
        return None
    return cleaned


def welcome_site(title: str | None) -> str | None:
    """ "Welcome to Example News" -> "Example News": the site a greeting title names."""
    text = _text(title)
    lowered = text.lower()
    for phrase in load_lexicon().sources.welcome_phrases:
        if lowered.startswith(phrase + " "):
            return _without_site_parts(text[len(phrase) :].strip(" !."), set()) or None
    return None


def _without_site_parts(text: str, known: set[str]) -> str:
    pieces = _SEPARATOR.split(text)  # part, separator, part, ..., part
    first, last = 0, len(pieces) - 1
    while first < last and _names_site(pieces[first], known):
        first += 2
    while first < last and _is_site_tail(pieces[last], pieces[last - 1].strip(), known):
        last -= 2
    return "".join(pieces[first : last + 1])


def _is_site_tail(part: str, separator: str, known: set[str]) -> bool:
    # The dateline patterns load the calendar words: only a title with a tail needs them.
    from consilience.ingest.metadata import dateline_date

    if dateline_date(part) is not None or _names_site(part, known):
        return True
    words = part.split()
    if len(words) > SITE_NAME_WORDS:
        return False
    if separator in _STRONG_SEPARATORS:
        return True
    return any(word.lower().strip(".,") in load_lexicon().sources.site_words for word in words)


def _names_site(part: str, known: set[str]) -> bool:
    return _key(part) in known or _DOMAIN.fullmatch(part) is not None


def _site_keys(site: str) -> set[str]:
    """How a site may be written in a title: "example-news.org" is "Example News" too."""
    keys = {_key(site)}
    if _HOST.fullmatch(site):
        keys.add(_key(site.rsplit(".", 1)[0]))
    return keys - {""}


def _key(text: str) -> str:
    """A name compared without case, spaces or punctuation."""
    return "".join(char for char in text.lower() if char.isalnum())


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value else ""
