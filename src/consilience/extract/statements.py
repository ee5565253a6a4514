"""Dated statements: each statement the text anchors in time, with who, where and what,
and how it reads on a timeline (extract.statement_labels)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from consilience.extract.claims import DateClaim, EntityClaim, StatementClaim, claim_id
from consilience.extract.nlp import trim_tokens
from consilience.extract.statement_labels import read_statements
from consilience.extract.syntax import (
    ACTOR_LABELS,
    DATE_PHRASE,
    DATE_PHRASE_HEADS,
    LEADING_LINKS,
    OTHER_STATEMENT,
    PLACE_LABELS,
)

if TYPE_CHECKING:  # spaCy itself is imported by nlp.load_nlp, when it is first needed
    from spacy.tokens import Doc, Token

# Values that place nothing on a calendar.
_UNPLACED = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def find_statements(
    doc_id: str,
    text: str,
    parsed: list[tuple[int, Doc]],
    dates: Sequence[DateClaim],
    entities: Sequence[EntityClaim],
) -> list[StatementClaim]:
    """One statement per date that anchors one: the clause the date modifies; not yet
    read for the timeline (`with_readings`)."""
    tokens = {offset + token.idx: (offset, token) for offset, doc in parsed for token in doc}
    statements: list[StatementClaim] = []
    for date in dates:
        if date.type not in ("DATE", "TIME") or date.value is None or date.value in _UNPLACED:
            continue
        located = tokens.get(date.start)
        if located is None:
            continue
        offset, token = located
        date_tokens = []
        for following in token.doc[token.i :]:
            if offset + following.idx >= date.end:
                break  # tokens come in text order: none after this one is in the date
            date_tokens.append(following)
        predicate = _predicate(token, date_tokens)
        first, last = _statement(predicate, date_tokens)
        start = offset + token.doc[first].idx
        end = offset + token.doc[last].idx + len(token.doc[last].text)
        inside = [e for e in entities if start <= e.start and e.end <= end]
        statements.append(
            StatementClaim(
                id=claim_id(doc_id, "statements", len(statements)),
                doc=doc_id,
                start=start,
                end=end,
                text=text[start:end],
                date=date.value,
                mod=date.mod,
                date_start=date.start,
                date_end=date.end,
                date_text=date.text,
                what=_what(text, offset, predicate, date_tokens, first, last),
                actors=_unique(e.text for e in inside if e.label in ACTOR_LABELS),
                places=_unique(e.text for e in inside if e.label in PLACE_LABELS),
                dates_verb=False,
                label="",
                actor_named=False,
            )
        )
    return statements


def with_readings(statements: Sequence[StatementClaim]) -> list[StatementClaim]:
    """The statements, each with how it reads on a timeline (`dates_verb`, `label`,
    `actor_named`; extract.statement_labels). Given the statements of many documents at
    once, their clauses are parsed as one stream, which costs a third of parsing each
    document's apart."""
    readings = read_statements(statement.to_dict() for statement in statements)
    return [
        replace(statement, dates_verb=True, label=reading.label, actor_named=reading.named)
        if (reading := readings.get(statement.id)) is not None
        else statement
        for statement in statements
    ]


def _predicate(token: Token, date_tokens: list[Token]) -> Token:
    """The verb the date phrase modifies; else the noun it belongs to."""
    inside = {t.i for t in date_tokens}
    node = token
    while node.i in inside and node.head.i != node.i:
        node = node.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        if node.dep_ in ("ROOT",):
            break
        node = node.head
    return node


def _statement(predicate: Token, date_tokens: list[Token]) -> tuple[int, int]:
    """The clause of the predicate, without the clauses coordinated or subordinated to it."""
    indices = [predicate.i]
    for child in predicate.children:
        if child.dep_ in OTHER_STATEMENT:
            continue
        indices.extend(t.i for t in child.subtree)
    indices.extend(t.i for t in date_tokens)
    return trim_tokens(predicate.doc, min(indices), max(indices))


def _what(
    text: str, offset: int, predicate: Token, date_tokens: list[Token], first: int, last: int
) -> str:
    """The statement without its date: "Heydar Aliyev spoke at the mission in Moscow"."""
    doc = predicate.doc
    skip = {t.i for t in date_tokens}
    # Drop the whole phrase that carries the date ("on the night of January 19-20").
    node = date_tokens[0] if date_tokens else predicate
    while node.head.i != predicate.i and node.head.i != node.i and node.dep_ in DATE_PHRASE:
        node = node.head
    if node.i != predicate.i and node.dep_ in DATE_PHRASE_HEADS:
        skip.update(t.i for t in node.subtree)
    words = [doc[i] for i in range(first, last + 1) if i not in skip and not doc[i].is_space]
    while (
        words and (words[0].is_punct or words[0].dep_ in LEADING_LINKS) and words[0].i < predicate.i
    ):
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    return "".join(w.text_with_ws for w in words).strip()


def _unique(names: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen
