"""Number mentions in a parsed sentence: what is written, its value, and its interval.

A mention is a run of tokens that states a count ("147", "more than 66,000", "thirty-six",
"1.5 million", "a dozen", "hundreds of thousands", "between 120 and 150", "several"). Its
interval follows the rules in docs/figures.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from consilience.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LEXICON = load_lexicon()
_WORDS = _LEXICON.numbers
UNITS = _WORDS.cardinals
SCALES = _WORDS.scales
# Vague plurals and quantifiers, with the interval each stands for (value is null).
VAGUE = _WORDS.vague
# Words before a number that set its qualifier; the longest match wins.
QUALIFIERS = _WORDS.qualifiers
# "nearly N" is reported as fewer_than, but with a band below N rather than an open end
# (qualifier names, not words).
_REPORTED = {"nearly": "fewer_than"}
# Verbs of change: "rose from 12 to 34" states two figures, not a range.
CHANGE_VERBS = _LEXICON.measures.change_verbs
_DASHES = ("-", "–")  # between two numbers, a range: "120-150"
_NUMERIC = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_RANGE_TOKEN = re.compile(r"^(\d[\d,]*)[-–](\d[\d,]*)$")


@dataclass(frozen=True)
class NumberMention:
    """A count as written: token range [first, last] (inclusive) in the spaCy Doc."""

    first: int  # first token, qualifier included
    last: int
    head: int  # the token that carries the mention's syntactic role
    value: float | None
    low: float | None
    high: float | None
    qualifier: str


def word_value(words: list[str]) -> float | None:
    """The value of a written number: "147", "66,000", "thirty-six", "1.5 million", "a dozen"."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        word = raw.lower()
        if word == "-" or word in _WORDS.joiners or word in _WORDS.articles:
            if word in _WORDS.articles:
                current = current or 1
            continue
        if _NUMERIC.match(word):
            current += float(word.replace(",", ""))
        elif word in UNITS:
            current += UNITS[word]
        elif word in _WORDS.fractions:
            current = _WORDS.fractions[word]
        elif word in _WORDS.groups:
            current = (current or 1) * _WORDS.groups[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    if not seen or not math.isfinite(total + current):
        return None  # a number too large for a float ("9" * 320) is no count anyone states
    return total + current


def interval(value: float, qualifier: str) -> tuple[float | None, float | None]:
    """The (low, high) a qualified number stands for; see docs/figures.md."""
    whole = value == int(value)
    step = 1 if whole else 0
    if qualifier == "approximately":
        return math.floor(0.95 * value), math.ceil(1.05 * value)
    if qualifier == "more_than":
        return value + step, None
    if qualifier == "at_least":
        return value, None
    if qualifier == "nearly":
        return math.floor(0.9 * value), value - step
    if qualifier == "fewer_than":
        return None, value - step
    if qualifier in ("at_most", "up_to"):
        return None, value
    return value, value


def _is_number_word(token: Token) -> bool:
    text = token.lower_
    if text in UNITS or text in SCALES or text in _WORDS.groups:
        return True
    if text in _WORDS.fractions and token.i + 2 < len(token.doc):
        # "half a million"
        return token.nbor(1).lower_ in _WORDS.articles and token.nbor(2).lower_ in SCALES
    return bool(_NUMERIC.match(text))


def _qualifier_before(doc: Doc, first: int) -> tuple[int, str]:
    """Extend a mention leftwards over a qualifier phrase; returns (new first, qualifier)."""
    for width in (3, 2, 1):
        start = first - width
        if start < 0:
            continue
        phrase = " ".join(token.lower_ for token in doc[start:first])
        if phrase in QUALIFIERS:
            return start, QUALIFIERS[phrase]
    return first, "exact"


# VAGUE's keys as words, longest first, and the words they start with.
_VAGUE_WORDS = [(key, key.split()) for key in sorted(VAGUE, key=lambda k: -len(k.split()))]
_VAGUE_FIRST = frozenset(words[0] for _, words in _VAGUE_WORDS)


def _vague_at(doc: Doc, i: int) -> tuple[int, str] | None:
    """A vague count starting at token i: returns (last token, key in VAGUE)."""
    if doc[i].lower_ not in _VAGUE_FIRST:
        return None
    words = [token.lower_ for token in doc[i : i + 3]]
    for key, parts in _VAGUE_WORDS:
        if words[: len(parts)] == parts:
            return i + len(parts) - 1, key
    return None


def find_numbers(doc: Doc, start: int, end: int) -> list[NumberMention]:
    """Every number mention in tokens [start, end) of `doc` (one sentence)."""
    mentions: list[NumberMention] = []
    i = start
    while i < end:
        token = doc[i]
        vague = _vague_at(doc, i)
        if vague is not None and (
            vague[1] not in _WORDS.vague_needs_noun or _counts_noun(doc, vague[0], end)
        ):
            last, key = vague
            # "hundreds of thousands" is one mention, but "hundreds of people" stops at "hundreds".
            low, high = VAGUE[key]
            mentions.append(
                NumberMention(i, last, _syntactic_head(doc, i, last), None, low, high, "vague")
            )
            i = last + 1
            continue
        match = _RANGE_TOKEN.match(token.text)
        if match:
            low_v = float(match.group(1).replace(",", ""))
            high_v = float(match.group(2).replace(",", ""))
            if low_v < high_v < math.inf:
                mentions.append(NumberMention(i, i, i, None, low_v, high_v, "range"))
            i += 1
            continue
        if not _is_number_word(token) and not (
            token.lower_ in _WORDS.articles
            and i + 1 < end
            and doc[i + 1].lower_ in _WORDS.article_starts
        ):
            i += 1
            continue
        last = i
        while last + 1 < end and (
            _is_number_word(doc[last + 1])
            or (doc[last].lower_ in _WORDS.fractions and doc[last + 1].lower_ in _WORDS.articles)
            or (doc[last + 1].text in _DASHES and last + 2 < end and doc[last + 2].lower_ in UNITS)
            or (
                doc[last + 1].lower_ in _WORDS.joiners
                and last + 2 < end
                and doc[last].lower_ in SCALES
                and doc[last + 2].lower_ in UNITS
            )
        ):
            last += 1
        words = [t.text for t in doc[i : last + 1]]
        value = word_value(words)
        if value is None:
            i = last + 1
            continue
        first, qualifier = _qualifier_before(doc, i)
        if first > start and doc[first - 1].lower_ in _WORDS.range_openers and qualifier == "exact":
            first -= 1
        bounds = interval(value, qualifier)
        reported = _REPORTED.get(qualifier, qualifier)
        mention = NumberMention(
            first, last, _syntactic_head(doc, i, last), value, bounds[0], bounds[1], reported
        )
        mentions.append(mention)
        i = last + 1
    return _join_ranges(doc, mentions)


def _counts_noun(doc: Doc, last: int, end: int) -> bool:
    """ "several"/"a few" count only when a noun follows ("several people", not "a few of")."""
    return last + 1 < end and doc[last + 1].pos_ in ("NOUN", "PROPN", "ADJ")


def _syntactic_head(doc: Doc, first: int, last: int) -> int:
    """The token of [first, last] that carries the run's role: the last whose head lies
    outside the run ("A few protesters": "few", the modifier of "protesters")."""
    outside = [
        token.i for token in doc[first : last + 1]
        if not first <= token.head.i <= last or token.head.i == token.i
    ]  # fmt: skip
    return int(outside[-1]) if outside else last


def _join_ranges(doc: Doc, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "between 120 and 150", "120 to 150", "from 120 to 150": one range mention."""
    joined: list[NumberMention] = []
    for mention in mentions:
        if joined:
            previous = joined[-1]
            between = [t.lower_ for t in doc[previous.last + 1 : mention.first]]
            opened = doc[previous.first].lower_ in _WORDS.range_openers
            # "rose from 12 to 34" is a change, not a range; "range from 12 to 34" is one.
            changed = (
                previous.first > 0
                and doc[previous.first - 1].lower_ in _WORDS.change_starts
                and doc[previous.first - 1].head.lemma_.lower() in CHANGE_VERBS
            )
            if (
                not changed
                and previous.value is not None
                and mention.value is not None
                and previous.qualifier in ("exact",)
                and mention.qualifier == "exact"
                and previous.value < mention.value
                and len(between) == 1
                and (
                    between[0] in _DASHES
                    or between[0] in _WORDS.range_links
                    or (between[0] in _WORDS.range_closers and opened)
                )
            ):
                joined[-1] = NumberMention(
                    previous.first, mention.last, _range_head(doc, previous, mention),
                    None, previous.value, mention.value, "range",
                )  # fmt: skip
                continue
        joined.append(mention)
    return joined


def _range_head(doc: Doc, first: NumberMention, second: NumberMention) -> int:
    """The range's role is that of whichever end attaches outside the range."""
    for index in (first.head, second.head):
        head = doc[index].head
        if not first.first <= head.i <= second.last or head.lower_ in _WORDS.range_openers:
            return index
    return second.head
