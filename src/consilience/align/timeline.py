"""The merged timeline: dated event claims from many documents, grouped into one entry per
happening and put in calendar order.

Two event claims become one entry when their dates can name the same days and their clauses
name the same happening. Dates are compared as day intervals (`1994-03` contains
`1994-03-29`; `198` with mod END covers 1987-1989), so a report that says "in March 1994"
and one that says "on March 29, 1994" line up. Words are compared as crude stems of the
content words of `what` plus the actor and place names. A coarse date says little about
which happening is meant, so the further apart two granularities are, the more words the
clauses must share (see `_THRESHOLDS`); otherwise "the 1990s" would swallow every event of
that decade.

Only statements the text dates take part: those whose date says when their verb happened
(read at extraction, extract.statement_labels, and stored on each statement). A date that
qualifies a noun ("commemorate the tragedy of January 20"), a date that is the subject
("January 20 remains in history"), a clause without a verb of its own ("including the 20
January tragedy"), a mere saying ("officials said on Sunday") and a report's dateline
("BAKU, Jan. 20 (Reuters) -", "Published: 18 October 2023") are left out. A dateline is
the report's own date, not a happening: however many reports carry the same one, it makes
no entry. A statement whose date is relative ("on Sunday", "the day after") is kept: the
text states its day, counted from the report's date or the story's.

Each entry is labelled with the short label of one of its statements (its `label`: who
acted, the verb, what it acted on, " · place"), the one whose words the members share
most; a statement whose actor is a pronoun ("he arrived") joins an entry but cannot label
it, and an entry no statement of which names an actor is left out, since it has no label
that reads.

Left out on purpose: recurring dates (`XXXX-01-20`, an anniversary kept every year) and
values that name no calendar days (durations, `PRESENT_REF`, None) have no place on a
calendar line, so they get no entry. BEFORE, AFTER and APPROX keep the interval of the date
they qualify (the entry carries the mod); START, MID and END narrow it to a calendar third.

Cost: claims that are copies of each other (the same days and the same words, as a story
syndicated to many outlets repeats them) are one node from the start: any two of them
would link at full strength, so they join first anyway. The remaining claims are blocked by
month, year, decade or century according to how coarse their own date is, and within a
block only claims that share an informative word are compared, so the work grows with the
number of claims, not with its square. Near-copies (the same days, nearly the same words:
one outlet's edit of the story) are found through MinHash buckets, a bounded number of
comparisons each, and link; where eight or more of them share a word, one stands for them
all, and a word with more than a hundred claims in a block, so counted, proposes no pairs.
Links are then applied strongest first through a union-find that refuses any union whose
members would no longer share a common day: one vague "1990" cannot chain January and
November into one entry.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any

from consilience.align import words
from consilience.align.timespan import parse_span
from consilience.extract.statement_labels import Reading
from consilience.lexicon import load_lexicon

# (longest interval in days, words shared at least, overlap coefficient at least), looked up
# with the longer of two intervals when it is at least twice the shorter. Day against day, a
# two-day night, a week or a month, and any two dates of the same granularity: two shared
# content words name the same happening. A day or month against a year: three, covering
# half the shorter clause. Against a decade or a century: four, covering most of it.
_THRESHOLDS = ((31.0, 2, 0.25), (366.0, 3, 0.5), (math.inf, 4, 0.6))
_LEAST_SHARED = min(least for _, least, _ in _THRESHOLDS)  # a claim of fewer words links to none
# A word found in more claims of one block than this proposes no comparisons (it still
# counts when two claims are compared); it keeps the cost linear on one-topic corpora.
# Near-copies link and count once: claims of the same days whose shorter clause shares
# _NEAR_COPY of its words with the other link as a family, and a family of _FAMILY or more
# claims of a word is one of them for that word. Candidate near-copies meet in a MinHash
# band (_BANDS bands of _ROWS rows: sets sharing 75% of their words meet in one with
# p > 0.96, sets sharing 20% with p < 0.05), each claim compared with at most _PEERS claims
# before it in the band's bucket.
_MAX_POSTING = 100
_NEAR_COPY = 0.8
_FAMILY = 8
_BANDS, _ROWS = 6, 3
_PEERS = 4
_PRIME = (1 << 61) - 1
_LEVEL_MONTHS = (1, 12, 120, 1200)  # block widths: month, year, decade, century

# Words of dates and times: the dates are compared apart, so they must not count as the
# happening's words.
_TIME = load_lexicon().time
_DATE_WORDS = (
    _TIME.date_words
    | {month.lower() for month in _TIME.months}
    | {weekday.lower() for weekday in _TIME.weekdays}
)


def content_words(event: dict[str, Any]) -> frozenset[str]:
    """Stems of the content words of an event's clause and of its actor and place names."""
    return words.content_words(_clause(event), _DATE_WORDS)


def _clause(event: dict[str, Any]) -> str:
    return " ".join([event.get("what") or "", *event.get("actors", []), *event.get("places", [])])


@dataclass(frozen=True)
class _Claim:
    event: dict[str, Any]
    first: int
    last: int
    words: frozenset[str]

    @property
    def days(self) -> int:
        return self.last - self.first + 1

    @property
    def level(self) -> int:
        """How wide a block this claim needs: 0 month, 1 year, 2 decade, 3 century."""
        return sum(self.days > limit for limit in (31, 366, 3653))


def same_happening(a: _Claim, b: _Claim) -> float | None:
    """How strongly two claims name the same happening (their overlap coefficient), or None
    when their dates are disjoint or they share too few words for how far apart their
    granularities are."""
    if a.first > b.last or b.first > a.last or not a.words or not b.words:
        return None
    shared = len(a.words & b.words)
    if shared < _LEAST_SHARED:
        return None
    overlap = shared / min(len(a.words), len(b.words))
    longer, shorter = max(a.days, b.days), min(a.days, b.days)
    width = longer if longer >= 2 * shorter else 1
    _, least, coefficient = next(t for t in _THRESHOLDS if width <= t[0])
    return overlap if shared >= least and overlap >= coefficient else None


@dataclass(frozen=True)
class TimelineEntry:
    """One happening on the timeline, with every claim and span that dates it."""

    id: str
    date: str
    mod: str | None
    start: str
    end: str
    what: str
    events: tuple[str, ...]
    documents: tuple[str, ...]
    spans: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "mod": self.mod,
            "start": self.start,
            "end": self.end,
            "what": self.what,
            "events": list(self.events),
            "documents": list(self.documents),
            "spans": [dict(span) for span in self.spans],
        }


def _links(claims: list[_Claim]) -> list[tuple[float, str, str]]:
    """Candidate pairs that pass `same_happening`, found block by block. A claim sits in the
    blocks of its own level and of every coarser one; a block compares only pairs whose
    coarser member belongs to that level, so each pair is weighed in one kind of block.
    Near-copies link first, found through `_near_copies` whatever their words."""
    blocks: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        if len(claim.words) < _LEAST_SHARED:
            continue
        first, last = (date.fromordinal(day) for day in (claim.first, claim.last))
        first_month, last_month = (d.year * 12 + d.month - 1 for d in (first, last))
        for level in range(claim.level, len(_LEVEL_MONTHS)):
            width = _LEVEL_MONTHS[level]
            for bucket in range(first_month // width, last_month // width + 1):
                blocks[(level, bucket)].append(index)
    levels = [claim.level for claim in claims]
    weighed: dict[tuple[int, int], float | None] = {}  # by index, smaller first

    def weigh(left: int, right: int) -> float | None:
        pair = (left, right) if left < right else (right, left)
        if pair not in weighed:
            weighed[pair] = same_happening(claims[left], claims[right])
        return weighed[pair]

    def compare(level: int, indices: list[int]) -> None:
        own = [index for index in indices if levels[index] == level]
        finer = [index for index in indices if levels[index] < level]
        for i, left in enumerate(own):
            for right in chain(own[i + 1 :], finer):
                weigh(left, right)

    # Near-copies (the same days, most words in common) make families; in a word's claims,
    # a family of _FAMILY or more counts once, its first claim standing for all.
    family = list(range(len(claims)))

    def root(index: int) -> int:
        while family[index] != index:
            family[index] = family[family[index]]
            index = family[index]
        return index

    linkable = sorted({index for members in blocks.values() for index in members})
    for left, right in _near_copies(claims, linkable):
        strength = same_happening(claims[left], claims[right])
        if strength is not None and strength >= _NEAR_COPY:
            weighed[(left, right) if left < right else (right, left)] = strength
            a, b = root(left), root(right)
            family[max(a, b)] = min(a, b)

    def fewer(indices: list[int]) -> list[int]:
        heads = [root(index) for index in indices]
        sizes = Counter(heads)
        if max(sizes.values()) < _FAMILY:
            return indices
        kept, seen = [], set()
        for index, head in zip(indices, heads, strict=True):
            if sizes[head] < _FAMILY or head not in seen:
                kept.append(index)
                seen.add(head)
        return kept

    for (level, _), members in sorted(blocks.items()):
        postings: dict[str, list[int]] = defaultdict(list)
        for index in members:
            for word in claims[index].words:
                postings[word].append(index)
        for indices in postings.values():
            if len(indices) >= _FAMILY:
                indices = fewer(indices)
            if len(indices) <= _MAX_POSTING:
                compare(level, indices)
    found = []
    for (left, right), strength in weighed.items():
        if strength is not None:
            a, b = sorted((claims[left].event["id"], claims[right].event["id"]))
            found.append((strength, a, b))
    return sorted(found, key=lambda x: (-x[0], x[1], x[2]))


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


_SALTS = [(_word_hash(f"a{i}") | 1, _word_hash(f"b{i}")) for i in range(_BANDS * _ROWS)]


def _near_copies(claims: list[_Claim], indices: list[int]) -> Iterable[tuple[int, int]]:
    """Pairs of `claims[i]` for i in `indices` with the same days that meet in a MinHash
    band of their words, each paired with at most `_PEERS` of the claims before it in
    the band's bucket: linear in the number of claims however many copies share a bucket."""
    permuted: dict[str, tuple[int, ...]] = {}  # a word's place in each permutation
    buckets: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for index in indices:
        claim = claims[index]
        for word in claim.words:
            if word not in permuted:
                hashed = _word_hash(word)
                permuted[word] = tuple((a * hashed + b) % _PRIME for a, b in _SALTS)
        places = [permuted[word] for word in claim.words]
        signature = [min(column) for column in zip(*places, strict=True)]
        for band in range(_BANDS):
            rows = tuple(signature[band * _ROWS : (band + 1) * _ROWS])
            buckets[(claim.first, claim.last, band, *rows)].append(index)
    for bucket in buckets.values():
        for i, right in enumerate(bucket):
            for left in bucket[max(0, i - _PEERS) : i]:
                yield left, right


def _copies(claims: list[_Claim]) -> list[list[_Claim]]:
    """The claims by copy, each list in id order: claims with the same days and the same
    words, enough of them that two such claims name the same happening, together; any other
    claim alone."""
    copies: dict[object, list[_Claim]] = defaultdict(list)
    for claim in claims:
        alike = same_happening(claim, claim) is not None
        copies[(claim.first, claim.last, claim.words) if alike else claim.event["id"]].append(claim)
    return [sorted(members, key=lambda m: m.event["id"]) for members in copies.values()]


def _cluster(claims: list[_Claim]) -> list[list[_Claim]]:
    """Union-find over the links, strongest first; each group keeps the days all its
    members share and a union that would leave none is refused. Copies are one node: the
    claim of the smallest id stands for them all."""
    copies = _copies(claims)
    claims = [members[0] for members in copies]
    parent = {c.event["id"]: c.event["id"] for c in claims}
    common = {c.event["id"]: (c.first, c.last) for c in claims}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for _, a, b in _links(claims):
        ra, rb = root(a), root(b)
        low = max(common[ra][0], common[rb][0])
        high = min(common[ra][1], common[rb][1])
        if ra != rb and low <= high:
            parent[max(ra, rb)] = min(ra, rb)
            common[min(ra, rb)] = (low, high)
    groups: dict[str, list[_Claim]] = defaultdict(list)
    for members in copies:
        groups[root(members[0].event["id"])].extend(members)
    return list(groups.values())


def _label(members: list[_Claim], readings: dict[str, Reading]) -> str:
    """Of the labels the members' clauses give (those that name an actor), the one whose words
    the members share most (`label_scores`), a name's before another's at equal score;
    "" when no member names an actor."""
    labels = sorted({readings[m.event["id"]] for m in members if readings[m.event["id"]].label})
    if not labels:
        return ""
    scores = label_scores([r.label for r in labels], Counter(m.words for m in members))
    best = max(labels, key=lambda r: (round(scores[r.label], 9), r.named, r.label))
    return best.label


def label_scores(labels: list[str], counts: Counter[frozenset[str]]) -> dict[str, float]:
    """For each label, the summed cosine of its content words with every member clause's
    (`counts` says how many clauses have each word set), summed through each word's share
    so that the time is linear in the words however many near-copies an entry holds."""
    share: dict[str, float] = defaultdict(float)
    for other, n in counts.items():
        for word in other:
            share[word] += n / math.sqrt(len(other))
    scores = {}
    for label in labels:
        mine = words.content_words(label, _DATE_WORDS)
        scores[label] = math.fsum(share[w] for w in mine) / math.sqrt(len(mine)) if mine else 0.0
    return scores


def _entry(members: list[_Claim], readings: dict[str, Reading]) -> TimelineEntry | None:
    """The entry of a group of claims; None when no member's clause can label it."""
    members = sorted(members, key=lambda m: m.event["id"])
    label = _label(members, readings)
    if not label:
        return None
    counts = Counter(m.event["date"] for m in members)
    # The date most members state; among dates stated as often, the narrowest.
    dated = min(members, key=lambda m: (-counts[m.event["date"]], m.days, m.event["date"]))
    ids = tuple(sorted(m.event["id"] for m in members))
    spans = sorted(
        (
            {
                "doc": m.event["doc"],
                "event": m.event["id"],
                "start": m.event.get("start"),
                "end": m.event.get("end"),
                "date_text": m.event.get("date_text"),
            }
            for m in members
        ),
        key=lambda s: (s["doc"], s["start"] or 0, s["event"]),
    )
    return TimelineEntry(
        id="t" + hashlib.sha1("\n".join(ids).encode()).hexdigest()[:12],
        date=dated.event["date"],
        mod=dated.event.get("mod"),
        start=date.fromordinal(dated.first).isoformat(),
        end=date.fromordinal(dated.last).isoformat(),
        what=label,
        events=ids,
        documents=tuple(sorted({m.event["doc"] for m in members})),
        spans=tuple(spans),
    )


def build_timeline(events: Iterable[dict[str, Any]]) -> list[TimelineEntry]:
    """Merge dated statements (as `Ledger.statements()` gives them) into timeline entries,
    sorted by the first day of their interval, then the last, then id: of two dates that
    start on the same day the narrower comes first (`1987`, then `198` END, which is
    1987-89; January 1990 before the year 1990), and a vague date sits where it begins.
    Only statements whose date dates their verb take part (`dates_verb`, read at
    extraction: not a dateline, not a date that qualifies a noun, not a saying), and an
    entry none of whose statements names an actor is left out. Statements whose date names
    no calendar days (None, recurring `XXXX-..`, durations) are left out too."""
    placed = [
        (event, span)
        for event in events
        if (span := parse_span(event.get("date"), event.get("mod"))) is not None
    ]
    readings = {
        str(event["id"]): Reading(str(event.get("label") or ""), bool(event.get("actor_named")))
        for event, _ in placed
        if event.get("dates_verb")
    }
    claims: dict[str, _Claim] = {}
    known: dict[str, frozenset[str]] = {}  # the copies of a story share their clauses
    for event, span in placed:
        if event["id"] not in readings:
            continue
        clause = _clause(event)
        if clause not in known:
            known[clause] = words.content_words(clause, _DATE_WORDS)
        claims[event["id"]] = _Claim(event, span.first, span.last, known[clause])
    ordered = [claims[key] for key in sorted(claims)]
    entries = [_entry(group, readings) for group in _cluster(ordered)]
    return sorted((e for e in entries if e is not None), key=lambda e: (e.start, e.end, e.id))
