"""Quotes and reported speech: who said what, with exact spans into the document text.

Direct quotes are found by their quotation marks and attributed from the parse around
them; reported speech ("X said that ...", "as emphasized by X", "according to X, ...") is
found from the dependency parse alone. A quote split by its attribution ("We will
rebuild," the mayor said, "within a year.") is one claim whose content runs from the
first word of the first part to the last word of the second, the attribution between
included: content is always one exact slice of the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from consilience.extract.claims import QuoteClaim, claim_id
from consilience.extract.speech import (
    Person,
    as_phrase,
    clause_head,
    clause_words,
    complement,
    host_words,
    is_speech_verb,
    people,
    phrase_bounds,
    resolve,
    subject_of,
    trim,
)
from consilience.extract.syntax import MARKERS, SPEAKER_LABELS
from consilience.lexicon import load_lexicon

if TYPE_CHECKING:  # spaCy itself is imported by nlp.load_nlp, when it is first needed
    from spacy.tokens import Doc, Token

_SPEECH = load_lexicon().speech

# A pair of quotation marks on one line; ‘…’ only after a space or line start, and an
# apostrophe followed by a letter ("won’t") does not close it.
_QUOTED = re.compile(
    r'"[^"\n]+"|“[^“”\n]+”|«[^«»\n]+»|‹[^‹›\n]+›|„[^„“”\n]+[“”]'
    r"|(?:(?<=[\s(\[—–])|^)‘(?:[^‘’\n]|’(?=\w))+’(?!\w)",
    re.MULTILINE,
)
_MARK_CHARS = frozenset("\"“”«»‹›„‘’`'")
_MIN_WORDS = 3
_SMALL_WORDS = load_lexicon().text.small_words
_SPLIT_GAP = 100  # most characters an attribution between two parts of one quote takes
_AFTER_TOKENS = 12


class DateLike(Protocol):
    """A date claim as far as quotes need one."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def value(self) -> str | None: ...
    @property
    def type(self) -> str: ...


class _Marked(NamedTuple):
    """One pair of quotation marks: outer span and the words inside."""

    start: int
    content_start: int
    content_end: int
    end: int


class _Attribution(NamedTuple):
    """A cue ("said", "according to") at [cue_start, cue_end) and its speaker's head."""

    cue_start: int
    cue_end: int
    speaker: Token | None
    offset: int  # the document offset of the speaker's chunk


class _Found(NamedTuple):
    """A quote before its speaker is resolved: spans, and the attribution it has."""

    kind: str
    start: int
    end: int
    content_start: int
    content_end: int
    said: tuple[tuple[int, int], ...]  # spans of the words attributed, for the date
    attribution: _Attribution | None


class _Tokens:
    """Tokens of all chunks by document offset."""

    def __init__(self, parsed: list[tuple[int, Doc]]) -> None:
        self.items = [(offset + t.idx, offset, t) for offset, doc in parsed for t in doc]
        self.starts = [at for at, _, _ in self.items]

    def at(self, pos: int) -> tuple[int, Token] | None:
        """(chunk offset, token) of the token covering or last starting before `pos`."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return None if i < 0 else (self.items[i][1], self.items[i][2])


def find_quotes(
    doc_id: str, text: str, parsed: list[tuple[int, Doc]], dates: Sequence[DateLike] = ()
) -> list[QuoteClaim]:
    """Direct quotes and reported speech of one document, in text order."""
    mentions = people(parsed)
    tokens = _Tokens(parsed)
    found = _direct(text, tokens)
    # The words in quotation marks: a reported clause over them is the direct quote again.
    quoted = [(s - 1, e + 1) for f in found for s, e in f.said]
    seen: set[tuple[int, int]] = set()
    for offset, doc in parsed:
        for item in _reported(offset, doc):
            span = (item.content_start, item.content_end)
            if span in seen or any(s < span[1] and span[0] < e for s, e in quoted):
                continue
            seen.add(span)
            found.append(item)
    found.sort(key=lambda f: (f.start, f.content_start))
    return [_claim(doc_id, text, i, item, tokens, mentions, dates) for i, item in enumerate(found)]


def _marked_spans(text: str) -> list[_Marked]:
    """Every pair of quotation marks, the spaces just inside them left out of the words."""
    spans = []
    for match in _QUOTED.finditer(text):
        inner = match.group(0)[1:-1]
        content_start = match.start() + 1 + len(inner) - len(inner.lstrip())
        content_end = match.end() - 1 - (len(inner) - len(inner.rstrip()))
        if content_start < content_end:
            spans.append(_Marked(match.start(), content_start, content_end, match.end()))
    return spans


def _direct(text: str, tokens: _Tokens) -> list[_Found]:
    """Quotes in quotation marks, a quote split by its attribution joined into one."""
    marked = _marked_spans(text)
    found: list[_Found] = []
    i = 0
    while i < len(marked):
        parts = [marked[i]]
        attribution = _before(text, tokens, marked[i]) if _colon_before(text, marked[i]) else None
        if attribution is None:
            attribution = _after(text, tokens, marked[i])
            if attribution and i + 1 < len(marked) and _splits(text, marked[i], marked[i + 1]):
                parts.append(marked[i + 1])
                i += 1
        i += 1
        attribution = attribution or _before(text, tokens, parts[0])
        first, last = parts[0], parts[-1]
        words = " ".join(text[p.content_start : p.content_end] for p in parts)
        if not _is_speech(words, attribution is not None):
            continue
        edges = [first.start, last.end]
        if attribution is None and found and "\n" not in text[found[-1].end : first.start]:
            # A second quote after an attributed one: the same speaker, no cue of its own.
            previous = found[-1].attribution
            if previous is not None:
                attribution = previous._replace(cue_end=previous.cue_start)
        elif attribution is not None:
            edges += [attribution.cue_start, attribution.cue_end]
            edges += list(_speaker_edges(attribution))
        found.append(
            _Found(
                "direct", min(edges), max(edges), first.content_start, last.content_end,
                tuple((p.content_start, p.content_end) for p in parts), attribution,
            )
        )  # fmt: skip
    return found


def _is_speech(words: str, attributed: bool) -> bool:
    """Enough words to be said, not a name in marks ("Black January", "Alley of Martyrs"),
    and either attributed or a whole sentence."""
    tokens = words.split()
    if len(tokens) < _MIN_WORDS:
        return False
    ends_sentence = words.rstrip("'\"’”»›").endswith((".", "!", "?", "…"))
    title_case = all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in tokens)
    if title_case and not ends_sentence:
        return False
    return attributed or ends_sentence


def _colon_before(text: str, marked: _Marked) -> bool:
    """A colon before the opening mark: the attribution is before the quote."""
    return text[: marked.start].rstrip(" \t").endswith(":")


def _splits(text: str, first: _Marked, second: _Marked) -> bool:
    """ "We will rebuild," the mayor said, "within a year.": the first part ends with a
    comma or dash and the attribution between ends with a comma."""
    between = text[first.end : second.start]
    return (
        text[first.content_start : first.content_end].endswith((",", "—", "–", "-"))
        and "\n" not in between
        and len(between) <= _SPLIT_GAP
        and between.strip().endswith((",", "—", "–"))
    )


def _after(text: str, tokens: _Tokens, marked: _Marked) -> _Attribution | None:
    """ "...," the mayor said / said the mayor / according to the ministry: the speech verb
    in the few words after the closing mark, before the sentence ends."""
    content = text[marked.content_start : marked.content_end]
    rest = text[marked.end :].lstrip(" \t")
    if content.endswith(".") and rest[:1].isupper():
        return None  # the quote ends its sentence; what follows is not its attribution
    located = tokens.at(marked.end)
    if located is None:
        return None
    offset, token = located
    doc = token.doc
    begin = token.i + 1 if offset + token.idx < marked.end else token.i
    for t in doc[begin : begin + _AFTER_TOKENS]:
        if "\n" in t.text or t.text in _MARK_CHARS or t.text in (".", "!", "?", ";"):
            return None
        if _source_cue(t):
            to = doc[t.i + 1]
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            return _Attribution(offset + t.idx, offset + to.idx + len(to), source, offset)
        if is_speech_verb(t):
            return _Attribution(offset + t.idx, offset + t.idx + len(t), subject_of(t), offset)
    return None


def _before(text: str, tokens: _Tokens, marked: _Marked) -> _Attribution | None:
    """ "X said: «...»", "..., stating: “...”", "X: «...»", or a line "X said:" before the
    quote: the speech verb nearest before the opening mark in its sentence."""
    located = tokens.at(marked.start)
    if located is None:
        return None
    offset, opener = located
    doc = opener.doc
    sent = opener.sent
    window = [t for t in doc[sent.start : opener.i] if not t.is_space]
    if not window and sent.start > 0:
        previous = doc[sent.start - 1].sent
        window = [t for t in previous if not t.is_space]
        if not window or window[-1].text != ":":
            return None
    for t in reversed(window):
        if t.text in _MARK_CHARS:
            break  # another quote: its attribution is not this one's
        if is_speech_verb(t):
            return _Attribution(offset + t.idx, offset + t.idx + len(t), subject_of(t), offset)
    if window and window[-1].text == ":":
        # "Morel: «...»": the name before the colon speaks, with no verb.
        named = [t for t in window[:-1] if t.ent_type_ in SPEAKER_LABELS or t.pos_ == "PROPN"]
        if named:
            colon = window[-1]
            return _Attribution(offset + colon.idx, offset + colon.idx, named[-1], offset)
    return None


def _source_cue(token: Token) -> bool:
    """Whether `token` starts "according to", a source named without a verb of saying."""
    first, second = _SPEECH.source_cue
    doc = token.doc
    return token.lower_ == first and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == second


def _speaker_edges(attribution: _Attribution) -> Iterator[int]:
    """Document offsets of the speaker's phrase, when it is one the claim should cover."""
    head = attribution.speaker
    if head is None:
        return
    first, last = phrase_bounds(head)
    doc = head.doc
    yield attribution.offset + doc[first].idx
    yield attribution.offset + doc[last].idx + len(doc[last])


def _reported(offset: int, doc: Doc) -> Iterator[_Found]:
    """Reported speech in one chunk: "X said (that) ...", "as emphasized by X", "according
    to X, ..."."""
    for token in doc:
        if _source_cue(token):
            source = next((c for c in token.nbor(1).children if c.dep_ == "pobj"), None)
            host = clause_head(token)
            if host.i == token.i or source is None:
                continue
            cue = (token.idx, token.nbor(1).idx + len(token.nbor(1)))
            words = host_words(host, {t.i for t in token.subtree})
            yield from _reported_claim(offset, words, cue, source)
        elif is_speech_verb(token) and not any(c.dep_ == "neg" for c in token.children):
            cue = (token.idx, token.idx + len(token))
            marks = [
                c
                for c in token.children
                if c.dep_ in MARKERS and c.lower_ in _SPEECH.inserted_markers
            ]
            if marks and token.head.i != token.i:
                phrase = as_phrase(token)
                speaker = subject_of(token)
                words = host_words(clause_head(token), phrase)
                yield from _reported_claim(offset, words, cue, speaker, marks[0])
                continue
            clause = complement(token)
            if clause is None:
                continue
            words = clause_words(clause)
            yield from _reported_claim(offset, words, cue, subject_of(token))


def _reported_claim(
    offset: int,
    words: list[Token],
    cue: tuple[int, int],
    speaker: Token | None,
    opener: Token | None = None,
) -> Iterator[_Found]:
    """One reported statement; the claim covers the words, the cue, the speaker and the
    word that opens an inserted attribution ("as")."""
    words = trim(sorted(words, key=lambda t: t.i))
    if len([t for t in words if not t.is_punct]) < 2:
        return
    content_start = offset + words[0].idx
    content_end = offset + words[-1].idx + len(words[-1])
    attribution = _Attribution(offset + cue[0], offset + cue[1], speaker, offset)
    edges = [content_start, content_end, attribution.cue_start, attribution.cue_end]
    edges += list(_speaker_edges(attribution))
    if opener is not None:
        edges.append(offset + opener.idx)
    yield _Found(
        "reported", min(edges), max(edges), content_start, content_end,
        ((content_start, content_end),), attribution,
    )  # fmt: skip


def _claim(
    doc_id: str,
    text: str,
    index: int,
    item: _Found,
    tokens: _Tokens,
    mentions: list[Person],
    dates: Sequence[DateLike],
) -> QuoteClaim:
    speaker = speaker_text = cue = None
    if item.attribution is not None:
        a = item.attribution
        cue = text[a.cue_start : a.cue_end] or None
        if a.speaker is not None:
            speaker, speaker_text = resolve(a.speaker, a.offset + a.speaker.idx, mentions)
    return QuoteClaim(
        id=claim_id(doc_id, "quotes", index),
        doc=doc_id,
        start=item.start,
        end=item.end,
        text=text[item.start : item.end],
        type=item.kind,
        content=text[item.content_start : item.content_end],
        content_start=item.content_start,
        content_end=item.content_end,
        speaker=speaker,
        speaker_text=speaker_text,
        cue=cue,
        date=_date(item, tokens, dates),
    )


def _date(item: _Found, tokens: _Tokens, dates: Sequence[DateLike]) -> str | None:
    """The value of a DATE or TIME in the quote's sentence, outside the words said: a date
    inside them is what the statement is about, not when it was made."""
    first, last = tokens.at(item.start), tokens.at(item.end - 1)
    if first is None or last is None:
        return None
    sent_start = first[0] + first[1].sent[0].idx
    end_token = last[1].sent[-1]
    sent_end = last[0] + end_token.idx + len(end_token)
    for date in dates:
        if date.type not in ("DATE", "TIME") or not date.value:
            continue
        if not (sent_start <= date.start and date.end <= sent_end):
            continue
        if any(s < date.end and date.start < e for s, e in item.said):
            continue
        return date.value
    return None
