"""Incident mentions in one sentence: a word of the incident vocabulary, its kind, its
name, and the date the parse ties to it (extract.incidents merges them per document)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from consilience.extract.claims import DateClaim
from consilience.extract.syntax import NAME_LABELS, NOUN_MODIFIERS, PHRASE_MODIFIERS
from consilience.lexicon.incidents import IncidentVocabulary, load_vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    Parsed = list[tuple[int, Doc]]

_NAME_CODE = re.compile(r"^[A-Z0-9][A-Za-z0-9-]*$")
# TIMEX3 values that place something on the calendar: a year, month, week or day (or a
# range of them), not a duration, a set or a reference like PRESENT_REF.
_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-(?:\d{2}|W\d{2}|Q\d|SU|SP|FA|WI))?")
# Dependencies that keep a word inside its head noun's phrase.


@dataclass
class Mention:
    kind: str
    sentence: int  # index in the document's sentence list
    trigger: tuple[int, int]  # characters in the document text
    sentence_span: tuple[int, int]
    rank: int
    ongoing: bool
    family: str
    date: DateClaim | None = None
    name: str | None = None
    token: Token | None = None  # the trigger's first token, while the parse is at hand
    generic: bool = False  # named by a generic word ("the incident", "the crash")


def mentions_in(
    sentence: Span, offset: int, index: int, words: IncidentVocabulary
) -> list[Mention]:
    """Each vocabulary word or phrase of the sentence; generic words ("crash") only where a
    kind's context word ("bus") is in the sentence, as the most specific such kind."""
    tokens = list(sentence)
    forms = [(t.lower_, t.lemma_.lower()) for t in tokens]
    context_kinds = {k for form in forms for word in form for k in words.context.get(word, ())}
    found: list[Mention] = []
    i = 0
    span = (offset + sentence.start_char, offset + sentence.end_char)
    while i < len(tokens):
        matched = 0
        kind = ""
        generic = False
        verb = tokens[i].pos_ == "VERB"
        if verb and forms[i][1] in words.verbs:
            matched, kind = 1, words.verbs[forms[i][1]]
        # A one-word entry of `words` never matches a verb (see incidents.toml).
        for size in range(min(words.longest, len(tokens) - i), 1 if verb else 0, -1):
            if matched:
                break
            window = forms[i : i + size]
            for key in (tuple(f[0] for f in window), tuple(f[1] for f in window)):
                if key in words.phrases:
                    matched, kind = size, words.phrases[key]
                    break
        if (
            not matched
            and context_kinds
            and (forms[i][0] in words.generic or forms[i][1] in words.generic)
        ):
            matched = 1
            kind = max(sorted(context_kinds), key=lambda k: words.kind(k).rank)
            generic = True
        if matched and not _is_name_part(tokens[i + matched - 1], words):
            info = words.kind(kind)
            first, last = tokens[i], tokens[i + matched - 1]
            found.append(
                Mention(
                    kind=kind,
                    sentence=index,
                    trigger=(offset + first.idx, offset + last.idx + len(last.text)),
                    sentence_span=span,
                    rank=info.rank,
                    ongoing=info.ongoing,
                    family=info.family,
                    name=_name_at(tokens, i, matched, words),
                    token=first,
                    generic=generic,
                )
            )
        i += max(matched, 1)
    return found


def _is_name_part(token: Token, words: IncidentVocabulary) -> bool:
    """A vocabulary word inside an organisation's or a person's name ("Fire Department",
    "Storm Lake") or modifying a role ("the fire chief") names no incident; a storm's own
    name ("Cyclone Mira") does."""
    if any(token.text == title[0] for title in words.name_titles):
        return False
    if token.dep_ in NOUN_MODIFIERS and token.head.lemma_.lower() in words.modified_heads:
        return True  # "the fire chief", "flood defences"
    return token.ent_type_ in NAME_LABELS


def _name_at(tokens: list[Token], i: int, size: int, words: IncidentVocabulary) -> str | None:
    """The incident's own name around its word: "Cyclone Mira", "Flight 018"."""
    for title in words.name_titles:
        for start in range(max(0, i - len(title) + 1), i + size):
            end = start + len(title)
            if end >= len(tokens) or tuple(t.text for t in tokens[start:end]) != title:
                continue
            following = tokens[end]
            if following.is_title or _NAME_CODE.match(following.text):
                return f"{' '.join(title)} {following.text}"
    return None


def attach_dates(mentions: list[Mention], dates: Sequence[DateClaim], parsed: Parsed) -> None:
    """Each mention's date: a calendar date of its sentence that the parse ties to its
    word: inside the word's phrase ("the March 3 earthquake"), governed by it ("attacked
    Baku on the night of ..."), or governed by the verb it is the subject or object of
    ("an earthquake struck on Monday"). A date elsewhere in the sentence ("in its
    resolution of 1994, the assembly named those responsible for the crackdown") dates
    something else."""
    relative_endings = load_vocabulary().relative_endings
    ordered = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in ordered]
    for mention in mentions:
        token = mention.token
        if token is None:
            continue
        first, last = mention.sentence_span
        offset = next(o for o, doc in parsed if doc is token.doc)
        tied = []
        # Only the dates of its own sentence: a long document costs no more per mention.
        for date in ordered[bisect_left(starts, first) : bisect_right(starts, last)]:
            if date.end > last:
                continue
            if date.type not in ("DATE", "TIME") or date.value is None:
                continue
            if _CALENDAR_VALUE.match(date.value) is None:
                continue
            if date.text.split()[-1:] and date.text.split()[-1].lower() in relative_endings:
                continue
            anchor = token.doc.char_span(
                date.start - offset, date.end - offset, alignment_mode="expand"
            )
            if anchor is not None and _tied(token, anchor.root):
                tied.append(date)
        if tied:
            mention.date = min(tied, key=lambda d: abs(d.start - mention.trigger[0]))


def _tied(trigger: Token, date: Token) -> bool:
    node = trigger
    # From a word inside a name or phrase ("Cyclone" of "Cyclone Mira") to its head noun.
    while node.dep_ in PHRASE_MODIFIERS and node.head.i != node.i:
        node = node.head
    if node in date.ancestors or date in node.subtree:
        return True
    head = node.head
    return head.pos_ in ("VERB", "AUX") and head in date.ancestors
