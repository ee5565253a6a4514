"""Which agreeing claims are really one source: documents that share the passage stating a
figure (a wire story reprinted, a press release reworded) count once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from consilience.align.figures import Figure


class ReuseIndex:
    """The passages each document shares with others, looked up by document."""

    def __init__(self, links: Iterable[dict[str, Any]]) -> None:
        self._passages: dict[str, list[tuple[int, int, str, int, int]]] = defaultdict(list)
        for link in links:
            a, b = str(link["a"]), str(link["b"])
            for passage in link.get("passages", []):
                a_span = int(passage["a_start"]), int(passage["a_end"])
                b_span = int(passage["b_start"]), int(passage["b_end"])
                self._passages[a].append((*a_span, b, *b_span))
                self._passages[b].append((*b_span, a, *a_span))

    def partners(self, figure: Figure) -> Iterable[tuple[str, int, int]]:
        """(other document, start, end) of every passage shared with the text around
        `figure`'s clause."""
        for start, end, other, other_start, other_end in self._passages.get(figure.doc, ()):
            if start < figure.end and figure.start < end:
                yield other, other_start, other_end

    def independent_count(self, documents: Iterable[str]) -> int:
        """The number of `documents`, counting once every set of them linked by shared
        passages (copies of one story count as one source)."""
        docs = set(documents)
        sets = _DocumentSets(docs)
        for doc in docs:
            for _, _, other, _, _ in self._passages.get(doc, ()):
                if other in docs:
                    sets.join(doc, other)
        return sets.count()

    def shared(self, first: Figure, second: Figure) -> bool:
        """True when the two figures' clauses lie in passages their documents share."""
        return any(
            other == second.doc and start < second.end and second.start < end
            for other, start, end in self.partners(first)
        )


def independent_sources(figures: Sequence[Figure], reuse: ReuseIndex) -> int:
    """The number of documents among `figures`, counting once every set of documents that
    state the same value in a shared passage."""
    sets = _DocumentSets(figure.doc for figure in figures)
    by_doc: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        by_doc[figure.doc].append(figure)
    for figure in figures:
        for other, start, end in reuse.partners(figure):
            for match in by_doc.get(other, ()):
                if match.key == figure.key and start < match.end and match.start < end:
                    sets.join(figure.doc, other)
    return sets.count()


class _DocumentSets:
    """Documents joined into sets (union-find): sources that copy each other count once."""

    def __init__(self, documents: Iterable[str]) -> None:
        self._parent = {doc: doc for doc in documents}

    def _root(self, doc: str) -> str:
        parent = self._parent
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    def join(self, one: str, other: str) -> None:
        self._parent[self._root(one)] = self._root(other)

    def count(self) -> int:
        return len({self._root(doc) for doc in self._parent})
