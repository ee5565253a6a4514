"""Text reuse between documents: which passages one source shares with another, even when
lightly reworded, so that agreement between copies is not counted as corroboration.

Each sentence is reduced to its content words (lower-cased, crudely stemmed, stop words
dropped). Candidate pairs of sentences from different documents come from MinHash
signatures banded for locality-sensitive hashing, so the cost grows with the number of
sentences, not its square; a candidate is kept when the two sentences share most of their
content words.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from consilience.align.words import content_words

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_MIN_WORDS = 5
_PERMUTATIONS = 32
_BANDS = 16  # of 2 rows: sentences sharing half their words meet in some band (p > 0.98)
_PRIME = (1 << 61) - 1
_MIN_SHARED = 6
_MIN_CONTAINMENT = 0.6
_MIN_JACCARD = 0.3
_LARGE_BUCKET = 50


@dataclass(frozen=True)
class Passage:
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass
class ReuseLink:
    """Two documents that share passages; `score` is the share of the shorter document's
    content words that lie in shared passages."""

    a: str
    b: str
    score: float
    passages: list[Passage] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": f"{self.a}~{self.b}",
            "a": self.a,
            "b": self.b,
            "score": round(self.score, 3),
            "passages": [p.__dict__ for p in self.passages],
        }


@dataclass(frozen=True)
class _Sentence:
    doc: str
    start: int
    end: int
    words: frozenset[str]


def sentences(doc_id: str, text: str) -> list[_Sentence]:
    found = []
    for match in _SENTENCE.finditer(text):
        words = content_words(match.group(0))
        if len(words) >= _MIN_WORDS:
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            found.append(_Sentence(doc_id, start, match.end(), words))
    return found


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


_SALTS = [
    (int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest(), "big") | 1,
     int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest(), "big"))
    for i in range(_PERMUTATIONS)
]  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def _permuted(word: str) -> tuple[int, ...]:
    """The word's hash under each permutation: a corpus repeats its words, so each is
    hashed once, not once per sentence."""
    hashed = _word_hash(word)
    return tuple((a * hashed + b) % _PRIME for a, b in _SALTS)


def _signature(words: frozenset[str]) -> tuple[int, ...]:
    """The MinHash signature: per permutation, the least hash of the sentence's words."""
    return tuple(map(min, zip(*map(_permuted, words), strict=True)))


def find_reuse(documents: Iterable[tuple[str, str]]) -> list[ReuseLink]:
    """Reuse links between documents given as (id, text), in a stable order."""
    all_sentences: list[_Sentence] = []
    sizes: dict[str, int] = {}
    for doc_id, text in documents:
        found = sentences(doc_id, text)
        all_sentences.extend(found)
        sizes[doc_id] = sum(len(s.words) for s in found) or 1
    rows = _PERMUTATIONS // _BANDS
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for index, sentence in enumerate(all_sentences):
        signature = _signature(sentence.words)
        for band in range(_BANDS):
            buckets[(band, signature[band * rows : (band + 1) * rows])].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > _LARGE_BUCKET:
            # A sentence repeated in hundreds of documents (a wire story): link each copy to
            # the first, not every copy to every other, so the cost stays linear.
            candidates = [(members[0], other) for other in members[1:]]
        else:
            candidates = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
        for first, second in candidates:
            if all_sentences[first].doc != all_sentences[second].doc:
                pairs.add((first, second))
    links: dict[tuple[str, str], ReuseLink] = {}
    shared_words: dict[tuple[str, str], int] = defaultdict(int)
    for first, second in sorted(pairs):
        one, two = all_sentences[first], all_sentences[second]
        common = len(one.words & two.words)
        containment = common / min(len(one.words), len(two.words))
        jaccard = common / len(one.words | two.words)
        if common < _MIN_SHARED or containment < _MIN_CONTAINMENT or jaccard < _MIN_JACCARD:
            continue
        if one.doc > two.doc:
            one, two = two, one
        key = (one.doc, two.doc)
        link = links.setdefault(key, ReuseLink(one.doc, two.doc, 0.0))
        link.passages.append(Passage(one.start, one.end, two.start, two.end))
        shared_words[key] += common
    for key, link in links.items():
        link.passages.sort(key=lambda p: (p.a_start, p.b_start))
        link.score = min(1.0, shared_words[key] / min(sizes[key[0]], sizes[key[1]]))
    return sorted(links.values(), key=lambda link: (-link.score, link.a, link.b))
