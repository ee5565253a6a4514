"""Metadata a document states about itself, and metadata a user supplies.

Three sources, weakest first: what the text says (a title line, a dateline, Markdown
front matter, HTML meta tags), a sidecar `NAME.meta.json`, and command-line flags.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from consilience.ingest.document import METADATA_FIELDS, Metadata
from consilience.ingest.problems import InputRejected
from consilience.lexicon import load_lexicon

_TIME = load_lexicon().time
_MONTHS = _TIME.month_numbers  # "january" -> 1, "sept" -> 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = "(?:" + "|".join(map(re.escape, _TIME.ordinal_suffixes)) + ")?"  # "21st"
_DATE_PATTERNS = (
    re.compile(
        r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
    ),
    re.compile(r"(?P<day>\d{1,2})" + _ORDINAL + r"\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.I),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})" + _ORDINAL + r",?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})"),
)
_LABELS = "|".join(r"\s+".join(map(re.escape, label.split())) for label in _TIME.dateline_labels)
_WEEKDAYS = "|".join(
    re.escape(abbreviation.lower()) for abbreviation in _TIME.weekday_abbreviations
)
# "a.m.", "am", "a.m": each letter of a meridiem sign with its period or without.
_MERIDIEMS = "|".join(
    sorted(
        {
            "".join(re.escape(c) + r"\.?" for c in sign.replace(".", "").lower())
            for sign in _TIME.meridiems
        }
    )
)
# What may stand beside a date on a dateline without making it a sentence.
_DATELINE_FILLER = re.compile(
    "|".join(
        [
            rf"\b(?:{_LABELS})\b",  # "Published:", "last updated"
            rf"\b(?:{_WEEKDAYS})[a-z]*\b",  # "Mon", "Monday"
            rf"\b\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:{_MERIDIEMS})?",
            r"\b(?:utc|gmt)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?",
            r"(?-i:\b[A-Z]{3,4}\b)",  # time-zone abbreviations such as EST, CEST
            r"[\s|,;:/()\[\]·•\-–—]+",
        ]
    ),
    re.I,
)
_DATELINE_SEARCH_LINES = 5
# Other fields a record (a JSONL line, a Parquet row, a sidecar) may name its publisher
# in, read in this order when it has no `publisher`: a string, or an object with a
# `name` string (`"source": {"name": ...}`, as news APIs write it). Any other value is
# not a name and is passed over, not rejected.
PUBLISHER_ALIASES = ("site_name", "source", "site")


def parse_date(text: str) -> str | None:
    """The first calendar date in `text` as YYYY-MM-DD, or None."""
    best: tuple[int, str] | None = None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        iso = _iso_from_match(match)
        if iso is not None and (best is None or match.start() < best[0]):
            best = (match.start(), iso)
    return best[1] if best else None


def _iso_from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
    try:
        return dt.date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None


def dateline_date(text: str) -> str | None:
    """The publication date from a dateline near the top of a text, if it has one.

    A dateline is a short line that holds a date and nothing else of substance: a label
    ("date", "Published:"), times, a time zone, weekdays and separators may stand around
    it. A title that merely contains a date ("January 20, 1990: a tragedy") is not one.
    """
    lines = [line for line in text.splitlines() if line.strip()][:_DATELINE_SEARCH_LINES]
    for line in lines:
        if len(line) > 120:
            continue
        for pattern in _DATE_PATTERNS:
            match = pattern.search(line)
            if match is None:
                continue
            rest = line[: match.start()] + " " + line[match.end() :]
            for other in _DATE_PATTERNS:
                rest = other.sub(" ", rest)
            if _DATELINE_FILLER.sub("", rest).strip() == "":
                return _iso_from_match(match)
    return None


def first_line_title(text: str) -> str | None:
    """A plain text's first line, when it reads as a headline rather than a paragraph."""
    for line in text.splitlines():
        candidate = line.strip().lstrip("-*•#").strip()
        if not candidate:
            continue
        if dateline_date(candidate) is not None:
            continue
        if len(candidate) > 160 or candidate[-1] in ".;,":
            return None
        return candidate
    return None


def markdown_metadata(text: str) -> Metadata:
    """Title, date and author from simple `key: value` front matter or the first heading."""
    values: dict[str, str] = {}
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        for line in lines[1:]:
            if line.strip() in ("---", "..."):
                break
            key, sep, value = line.partition(":")
            if sep and value.strip():
                values[key.strip().lower()] = value.strip().strip("\"'")
    title = values.get("title")
    if title is None:
        heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
        title = heading.group(1) if heading else None
    date_text = values.get("date") or values.get("published")
    return Metadata(
        title=title,
        author=values.get("author"),
        publisher=values.get("publisher") or values.get("source"),
        published=parse_date(date_text) if date_text else None,
        url=values.get("url"),
    )


def normalize_published(value: str, where: str) -> str:
    """A user-given publication date as YYYY-MM-DD; anything else is an error."""
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?", value.strip())
    if match:
        try:
            return dt.date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            pass
    raise InputRejected(f"{where}: published date {value!r} is not YYYY-MM-DD")


def sidecar_path(path: Path) -> Path | None:
    """`NAME.meta.json` (or `NAME.EXT.meta.json`) beside `path`, if present."""
    for candidate in (
        path.with_name(path.stem + ".meta.json"),
        path.with_name(path.name + ".meta.json"),
    ):
        if candidate.is_file():
            return candidate
    return None


def metadata_from_mapping(values: object, where: str) -> Metadata:
    """Metadata from a decoded JSON object (a sidecar or a JSONL record): the fields of
    METADATA_FIELDS, and the publisher under another name (PUBLISHER_ALIASES)."""
    if not isinstance(values, dict):
        raise InputRejected(f"{where}: expected a JSON object, got {type(values).__name__}")
    fields: dict[str, str | None] = {}
    for name in METADATA_FIELDS:
        value = values.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputRejected(f"{where}: field {name!r} must be a string")
        fields[name] = value.strip() or None
    if fields.get("published"):
        fields["published"] = normalize_published(str(fields["published"]), where)
    if not fields.get("publisher"):
        fields["publisher"] = _alias_publisher(values)
    return Metadata(**fields)


def _alias_publisher(values: dict[object, object]) -> str | None:
    """The publisher a record names under another field name, if any."""
    for alias in PUBLISHER_ALIASES:
        value = values.get(alias)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def read_sidecar(path: Path) -> Metadata:
    """Metadata from the sidecar of `path`; none if there is no sidecar."""
    sidecar = sidecar_path(path)
    if sidecar is None:
        return Metadata()
    try:
        values = json.loads(sidecar.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputRejected(f"sidecar {sidecar.name} is not UTF-8") from None
    except json.JSONDecodeError as error:
        raise InputRejected(
            f"sidecar {sidecar.name}: malformed JSON ({error.msg} at line {error.lineno}"
            f" column {error.colno})"
        ) from None
    return metadata_from_mapping(values, f"sidecar {sidecar.name}")
