"""Cut a document's text into runs, each covered by the same set of claims, so every claim
can be highlighted in place even where claims overlap or nest."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A claim's place in the text: its id, its kind, and its character offsets."""

    claim: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Run:
    """A stretch of text and the claims covering all of it (innermost claim last)."""

    text: str
    start: int
    claims: tuple[str, ...]
    kinds: tuple[str, ...]


def runs(text: str, spans: Iterable[Span]) -> list[Run]:
    """The text cut at every claim boundary. Spans outside the text are clipped; empty
    spans are dropped. Runs with no claim are returned too, so joining the runs' text
    gives back the whole text."""
    kept = [
        Span(s.claim, s.kind, max(0, s.start), min(len(text), s.end))
        for s in spans
        if min(len(text), s.end) > max(0, s.start)
    ]
    cuts = sorted({0, len(text), *(s.start for s in kept), *(s.end for s in kept)})
    starting: dict[int, list[Span]] = {}
    for span in kept:
        starting.setdefault(span.start, []).append(span)
    active: list[Span] = []
    result: list[Run] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start in starting or any(s.end == start for s in active):
            active = [s for s in active if s.end > start] + starting.get(start, [])
            # Longest spans first, so the innermost (shortest) claim comes last.
            active.sort(key=lambda s: (-(s.end - s.start), s.start, s.claim))
        covering = active
        result.append(
            Run(
                text=text[start:end],
                start=start,
                claims=tuple(s.claim for s in covering),
                kinds=tuple(s.kind for s in covering),
            )
        )
    return result
