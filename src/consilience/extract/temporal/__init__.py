"""Temporal expressions: find them, give each a TIMEX3 type and value, anchored as a reader
would anchor it (see resolve.py)."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from consilience.extract.claims import DateClaim, claim_id
from consilience.extract.syntax import MEASURE_LABELS, TEMPORAL_LABELS, TITLED_NAME_LABELS
from consilience.extract.temporal.context import Context, Resolved, day_number, month_number
from consilience.extract.temporal.patterns import PATTERNS, REQUIRED
from consilience.extract.temporal.resolve import resolve
from consilience.extract.temporal.tense import tense_of
from consilience.extract.temporal.values import Point, in_calendar, make_point
from consilience.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["construction_of", "find_dates", "parse_dct"]

_PRIORITY = {name: index for index, (name, _) in enumerate(PATTERNS)}
_TIME = load_lexicon().time
_FUTURE = re.compile(_TIME.cues["future"], re.I)  # "will meet on Friday"
_TIME_THEN_DATE = re.compile(_TIME.cues["time_then_date"])  # "5:30 a.m. on January 20"
_QUARTERLY = re.compile(_TIME.cues["quarterly"], re.I)
_NUMBER_SIGN = re.compile(_TIME.cues["number_sign"])  # "No. 1990"
_AGE = re.compile(_TIME.cues["age"])  # "52 years old"
_ARTICLE = re.compile(_TIME.cues["article"])  # "the day after"


@dataclass
class _Found:
    start: int
    end: int
    reading: Resolved


def parse_dct(published: str | None) -> Point | None:
    """The document creation time from a YYYY-MM-DD publication date."""
    if not published:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", published)
    if match is None:
        return None
    point = make_point(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    # A date the calendar lacks (0000-01-01, 2021-02-30) anchors nothing.
    return point if point is not None and in_calendar(point.value) else None


def find_dates(
    doc_id: str, text: str, parsed: list[tuple[int, Doc]], published: str | None
) -> list[DateClaim]:
    """Every temporal expression of one document, in text order."""
    tokens = _TokenAt(parsed)
    sentences = _sentence_bounds(parsed)
    ctx = Context(dct=parse_dct(published))
    ctx.quarterly = len(_QUARTERLY.findall(text)) >= 2
    candidates = _candidates(text)
    selected = _select(candidates)
    ctx.story, ctx.stated = _story(selected, sentences)
    found: list[_Found] = []
    queue = deque(selected)
    while queue:
        name, start, end, match = queue.popleft()
        token = tokens.get(start)
        if name == "year" and not _is_year(token, text, start, end):
            continue
        if name == "duration" and _not_a_duration(match, text):
            continue
        if name == "month" and _month_in_a_name(token, match):
            continue
        if _inside_a_name(token, match):
            continue
        ctx.sentence_start, sentence_end = _sentence_bounds_at(sentences, start)
        sentence = text[ctx.sentence_start : sentence_end]
        ctx.sentence = sentence
        ctx.tense = tense_of(token)
        ctx.named = _names_an_event(token, tokens.get(end + 1))
        looks_ahead = ctx.tense == "future" or (
            ctx.tense != "past" and bool(_FUTURE.search(sentence))
        )
        preceding = text[max(0, start - 16) : start].split()[-1:] or [""]
        reading = resolve(name, match, ctx, looks_ahead, preceding[0])
        if reading is not None:
            found.append(_Found(reading.start or start, reading.end or end, reading))
        else:
            # A match its handler rejects ("following Friday" where "following" is a
            # preposition) leaves its words to the shorter matches inside it.
            inside = [
                c for c in candidates if start <= c[1] and c[2] <= end and c[2] - c[1] < end - start
            ]
            queue.extendleft(reversed(_select(inside)))
    found = _join_time_and_date(text, found)
    found = _appositions(text, found)
    return [
        DateClaim(
            id=claim_id(doc_id, "dates", index),
            doc=doc_id,
            start=item.start,
            end=item.end,
            text=text[item.start : item.end],
            type=item.reading.type,
            value=_in_range(item.reading.value),
            mod=item.reading.mod,
            anchor=item.reading.anchor,
        )
        for index, item in enumerate(found)
    ]


def construction_of(expression: str) -> str:
    """The construction an expression is written in: the name of the pattern that covers most
    of it ("weekday", "ago_or_later"), or "uncovered" when none matches it. Scorers group
    errors by it."""
    matches = _select(_candidates(expression))
    if not matches:
        return "uncovered"
    return max(matches, key=lambda m: m[2] - m[1])[0]


def _in_range(value: str | None) -> str | None:
    """No value for a date outside years 0001-9999 ("Yesterday" in a text dated
    0001-01-01): TIMEX3 cannot write it, and no source means it."""
    return value if value is None or in_calendar(value) else None


Candidate = tuple[str, int, int, re.Match[str]]  # pattern name, start, end, match


def _candidates(text: str) -> list[Candidate]:
    """Every match of every pattern, longest first (earlier patterns first among equals).
    A pattern whose required words are all absent from the text is not searched."""
    lowered = text.lower()
    searched = [
        (name, pattern)
        for name, pattern in PATTERNS
        if name not in REQUIRED or any(word in lowered for word in REQUIRED[name])
    ]
    candidates = [
        (name, match.start(), match.end(), match)
        for name, pattern in searched
        for match in pattern.finditer(text)
        if match.end() > match.start()
    ]
    candidates.sort(key=lambda c: (-(c[2] - c[1]), _PRIORITY[c[0]], c[1]))
    return candidates


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """The longest matches that do not overlap one already kept, in text order."""
    taken: list[tuple[int, int]] = []
    kept = []
    for name, start, end, match in candidates:
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        taken.append((start, end))
        kept.append((name, start, end, match))
    kept.sort(key=lambda c: c[1])
    return kept


class _TokenAt:
    """The token that starts at a text offset, looked up where a match starts rather than
    indexed for every token of the document (a document has far more tokens than dates)."""

    def __init__(self, parsed: list[tuple[int, Doc]]) -> None:
        self.parsed = parsed
        self.offsets = [offset for offset, _ in parsed]

    def get(self, at: int) -> Token | None:
        index = bisect_right(self.offsets, at) - 1
        if index < 0:
            return None
        offset, doc = self.parsed[index]
        local = at - offset
        if not len(doc) or not 0 <= local < doc[-1].idx + len(doc[-1]):
            return None
        span = doc.char_span(local, local + 1, alignment_mode="expand")
        if span is None or not len(span) or span[0].idx != local:
            return None
        return span[0]


def _sentence_bounds(parsed: list[tuple[int, Doc]]) -> list[tuple[int, int]]:
    return [
        (offset + s.start_char, offset + s.end_char) for offset, doc in parsed for s in doc.sents
    ]


def _sentence_bounds_at(bounds: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The sentence (start, end) that holds offset `at`; bounds are in text order."""
    index = bisect_right(bounds, (at, math.inf)) - 1
    if index >= 0 and bounds[index][0] <= at < bounds[index][1]:
        return bounds[index]
    return at, at


def _story(
    selected: list[Candidate], sentences: list[tuple[int, int]]
) -> tuple[Point | None, dict[tuple[int, int], list[int]]]:
    """The day the document is about (the one it states most often with its year; the
    earliest of those stated as often) and, for each month and day, the years the document
    states it with: in a full date, or in a sentence that writes the year before it ("In
    1990, the night of January 19 to 20")."""
    stated: dict[tuple[int, int], list[int]] = {}
    counts: dict[Point, int] = {}
    sentence_year: tuple[int, int] | None = None  # (sentence start, year)
    for name, start, _end, match in selected:
        groups = match.groupdict()
        bounds = _sentence_bounds_at(sentences, start)
        if name == "year":
            sentence_year = (bounds[0], int(groups["year"]))
            continue
        if name not in _STATED_DAYS:
            continue
        year_text = groups.get("year")
        if year_text and len(year_text) == 4:
            year, explicit = int(year_text), True
        elif sentence_year is not None and sentence_year[0] == bounds[0]:
            year, explicit = sentence_year[1], False
        else:
            continue
        for month_key, day_key in (("month", "day"), ("month2", "day2")):
            month_text = groups.get(month_key) or groups.get("month")
            day_text = groups.get(day_key)
            if not month_text or not day_text:
                continue
            month = int(month_text) if month_text.isdigit() else month_number(month_text)
            point = make_point(year, month, day_number(day_text))
            if point is None:
                continue
            stated.setdefault((month, point.day or 0), []).append(year)
            if explicit:
                counts[point] = counts.get(point, 0) + 1
    story = min(counts, key=lambda p: (-counts[p], p.as_date())) if counts else None
    return story, stated


# The constructions that state a month and day, with or without a year.
_STATED_DAYS = frozenset(
    {
        "date_month_first",
        "date_day_first",
        "date_iso",
        "interval_month_first",
        "interval_day_first",
        "month_day",
    }
)


def _names_an_event(first: Token | None, after: Token | None) -> bool:
    """ "the January 20 tragedy": a date between an article and a noun names an event."""
    if first is None or after is None or first.i == 0:
        return False
    return first.nbor(-1).pos_ == "DET" and after.pos_ == "NOUN"


def _is_year(token: Token | None, text: str, start: int, end: int) -> bool:
    """A four-digit number is a year unless it counts something ("1500 troops"), is money
    or a percentage, or is an identifier ("No. 1990", "Route 2001")."""
    before = text[max(0, start - 4) : start]
    after = text[end : end + 2]
    if "$" in before or re.match(r"%|[,.]\d", after) or _NUMBER_SIGN.search(before):
        return False
    if token is None:
        return True
    if token.ent_type_ in TEMPORAL_LABELS:
        return True
    if token.dep_ == "nummod" and token.head.tag_ == "NNS":
        return False
    return token.ent_type_ not in MEASURE_LABELS


def _inside_a_name(token: Token | None, match: re.Match[str]) -> bool:
    """ "the Estrovia Daily Ledger", "Today FM": a time word that is part of a name."""
    if token is None or any(ch.isdigit() for ch in match.group(0)):
        return False
    return token.ent_type_ in TITLED_NAME_LABELS and token.is_title


def _month_in_a_name(token: Token | None, match: re.Match[str]) -> bool:
    """ "Bloody January", "the January events": a month alone that names or qualifies."""
    if token is None or match.group("which"):
        return False
    before = token.nbor(-1) if token.i > 0 else None
    if (
        before is not None
        and before.is_title
        and not before.is_sent_start
        and before.pos_ in ("PROPN", "ADJ", "NOUN")
    ):
        return True
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return after is not None and after.pos_ == "NOUN" and after.is_lower


def _not_a_duration(match: re.Match[str], text: str) -> bool:
    """Ages ("a 6-year-old", "52 years old") and "a second time" are no durations."""
    amount = (match.groupdict().get("amount") or "").lower()
    unit = (match.groupdict().get("unit") or "").lower()
    if _AGE.match(text[match.end() : match.end() + 6]):
        return True
    one = _TIME.amounts.get(amount) == "1"  # "a", "an"
    return one and unit in _TIME.units and _TIME.units[unit].idiom


def _appositions(text: str, found: list[_Found]) -> list[_Found]:
    """ "On January 21, the day after the massacre": an apposition renames the date before
    it; it is not a day later than that date."""
    for index in range(1, len(found)):
        item, before = found[index], found[index - 1]
        relative = item.reading.anchor == "narrative" and bool(
            _ARTICLE.match(text[item.start : item.end].lower())
        )
        if (
            relative
            and before.reading.value is not None
            and text[before.end : item.start].strip() == ","
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", before.reading.value)
        ):
            found[index] = _Found(
                item.start, item.end, Resolved("DATE", before.reading.value, None, "narrative")
            )
    return found


def _join_time_and_date(text: str, found: list[_Found]) -> list[_Found]:
    """ "5:30 a.m. on January 20, 1990" is one TIME: 1990-01-20T05:30."""
    joined: list[_Found] = []
    index = 0
    while index < len(found):
        item = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        clock = (
            item.reading.value.split("T", 1)[1]
            if item.reading.value and "T" in item.reading.value
            else None
        )
        if (
            item.reading.type == "TIME"
            and following is not None
            and clock is not None
            and following.reading.value is not None
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", following.reading.value)
            and _TIME_THEN_DATE.fullmatch(text[item.end : following.start])
            and len(text[item.end : following.start]) <= 5
        ):
            value = f"{following.reading.value}T{clock}"
            reading = Resolved("TIME", value, None, following.reading.anchor)
            joined.append(_Found(item.start, following.end, reading))
            index += 2
            continue
        joined.append(item)
        index += 1
    return joined
