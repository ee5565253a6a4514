"""The words of a terse line: where the line begins and ends, its list marker, the label
before a separator, the heading over a list, and what each word measures.

`lines` reads list, table and infobox lines with these to find their figures. A line break
always ends a sentence in this extractor (see `nlp.load_nlp`) and the parser often cuts a
short line further, so a line is read here token by token rather than along the parse.
A measure word is one the lexicon maps to a measure: a state ("missing"), a noun or head
noun ("deaths", "refugees"), or a past participle of a verb ("killed", "arrested").
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from consilience.extract.figures.lexicon import (
    HEAD_NOUN_MEASURES,
    NOUN_MEASURES,
    STATE_MEASURES,
    VERB_MEASURES,
    WORDS,
)
from consilience.extract.figures.numbers import NumberMention, find_numbers
from consilience.extract.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "MAX_LINE_WORDS",
    "MAX_SUBJECT_WORDS",
    "SEPARATORS",
    "SUBJECT_POS",
    "Measure",
    "NotACount",
    "content_start",
    "count_words",
    "item_label",
    "label_before",
    "line_at",
    "list_heading",
    "measure_of",
    "modifies_another",
    "noun_phrase_after",
    "subject_words",
    "verbless",
]

# The extractor's check for numbers that are no count (years, dates, money, ages, ...).
NotACount = Callable[["Doc", NumberMention], bool]

MAX_LINE_WORDS = 12  # a longer line is prose
MAX_LABEL_WORDS = 6  # "Northern province", "Civilians killed", "Displaced people, total"
MAX_SUBJECT_WORDS = 4  # between a number and its participle: "civilians", "armed men"
# Between a label and its number, or a number and its measure word.
SEPARATORS = frozenset({":", "-", "--", "\u2013", "\u2014"})
BULLETS = frozenset({"-", "*", "\u2022", "\u2013", "\u2014", "\u00b7", "\u25aa", "\u25cf"})
# Punctuation that separates the fields of one infobox line: "Killed: 12; Wounded: 63".
FIELD_BREAKS = frozenset({",", ";", "|", "/", "(", "["})
SENTENCE_ENDS = frozenset({".", "!", "?"})
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
SUBJECT_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_HEADINGS = "consilience.figures.lines.headings"  # Doc.user_data: item line -> heading word
# Verbs whose measure needs a word the terse line cannot give ("recognised as martyrs").
_QUALIFIED = frozenset(WORDS.qualified_verbs)


# --- what a word measures --------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """What a measure word counts, and whether it is a participle or a state, which a
    subject may precede ("civilians killed") where a noun takes none."""

    measure: str
    verbal: bool  # a participle or a state ("killed", "missing"): a subject may precede it


def measure_of(token: Token) -> Measure | None:
    """What a word of a terse line measures: a state ("missing", "dead"), a participle
    ("killed", "shot", "kidnapped"), a noun ("deaths", "arrests", "refugees"). A verb's
    base form is no measure word here ("Level: 3", "Station - 4")."""
    if not token.is_alpha:
        return None
    word = token.lower_
    state = STATE_MEASURES.get(word)
    if state is not None:
        return Measure(state, verbal=True)
    verb = _participle_lemma(token)
    if verb is not None:
        return Measure(VERB_MEASURES[verb], verbal=True)
    for noun in dict.fromkeys((token.lemma_.lower(), word, WORDS.singular(word))):
        measure = NOUN_MEASURES.get(noun) or HEAD_NOUN_MEASURES.get(noun)
        if measure is not None:
            return Measure(measure, verbal=False)
    return None


def _participle_lemma(token: Token) -> str | None:
    """The measure verb whose past participle `token` is, read by spaCy's own lemma rules
    for verbs, so that a capitalised label the tagger calls a proper noun ("Killed",
    "Shot", "Kidnapped") is read as the participle it is."""
    word = token.lower_
    candidates: list[str] = []
    if token.tag_ in ("VBN", "VBD") and token.lemma_.lower() != word:
        candidates.append(token.lemma_.lower())
    exceptions, rules = _verb_lemma_tables()
    candidates.extend(exceptions.get(word, ()))
    for old, new in rules:
        if old and word.endswith(old) and len(word) > len(old) + 1:
            candidates.append(word[: len(word) - len(old)] + new)
    for lemma in candidates:
        if lemma != word and lemma in VERB_MEASURES and lemma not in _QUALIFIED:
            return lemma
    return None


@functools.cache
def _verb_lemma_tables() -> tuple[dict[str, tuple[str, ...]], tuple[tuple[str, str], ...]]:
    """spaCy's irregular verb forms of past tense ("shot" -> "shoot", "fled" -> "flee",
    "kidnapped" -> "kidnap") and its suffix rules for the regular ones ("ed" -> "", "ed" ->
    "e"); empty where the pipeline has no rule lemmatizer."""
    try:
        lookups = load_nlp().get_pipe("lemmatizer").lookups
        exceptions = lookups.get_table("lemma_exc")["verb"]
        rules = lookups.get_table("lemma_rules")["verb"]
    except (KeyError, AttributeError, ValueError):  # pragma: no cover - another pipeline
        return {}, ()
    past = {
        str(form): tuple(str(lemma) for lemma in lemmas)
        for form, lemmas in exceptions.items()
        if not str(form).endswith(WORDS.other_verb_endings)
    }
    regular = tuple((str(old), str(new)) for old, new in rules if str(old) in WORDS.past_endings)
    return past, regular


# --- the shape of a line ---------------------------------------------------------------


def count_words(tokens: Span, limit: int) -> int:
    """The words in `tokens`, counted up to `limit`."""
    count = 0
    for token in tokens:
        if not token.is_punct and not token.is_space:
            count += 1
            if count >= limit:
                break
    return count


def _breaks_after(token: Token) -> bool:
    return "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)


def line_at(doc: Doc, index: int) -> tuple[int, int] | None:
    """Tokens [start, end) of the line holding token `index`, without its line breaks; None
    when it has more than MAX_LINE_WORDS words (prose), found without reading all of it."""
    budget = 4 * MAX_LINE_WORDS  # tokens read either way, punctuation included
    start = index
    while start > 0 and not _breaks_after(doc[start - 1]):
        start -= 1
        budget -= 1
        if budget <= 0:
            return None
    end = index
    while end < len(doc) and not _breaks_after(doc[end]):
        end += 1
        budget -= 1
        if budget <= 0:
            return None
    end = min(end + 1, len(doc))  # the token that holds the break, trimmed below if a space
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if start >= end or count_words(doc[start:end], MAX_LINE_WORDS + 1) > MAX_LINE_WORDS:
        return None
    return start, end


def _lines_before(doc: Doc, start: int) -> Iterator[tuple[int, int] | None]:
    """The lines before the one starting at token `start`, nearest first (None for one
    too long to be a list line, which ends the search)."""
    i = start - 1
    while i >= 0:
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 0:
            return
        line = line_at(doc, i)
        yield line
        if line is None:
            return
        i = line[0] - 1


def content_start(doc: Doc, start: int, end: int) -> int:
    """Where a line's content begins after a list marker: "1.", "2)", "-", "*", "•"."""
    first = doc[start]
    if first.text in BULLETS and start + 1 < end:
        return start + 1
    if first.text[:-1].isdigit() and len(first.text) <= 4 and first.text[-1] in ".)":
        return start + 1  # "1." as one token
    if (
        first.text.isdigit()
        and len(first.text) <= 3
        and not first.whitespace_
        and start + 2 < end
        and doc[start + 1].text in (".", ")")
        and doc[start + 1].whitespace_
    ):
        return start + 2  # "1" "." and "2" ")"
    return start


# --- labels and their words ------------------------------------------------------------


def verbless(doc: Doc, start: int, end: int, trigger: Token) -> bool:
    """No finite verb in the line but measure words: "3,000 homes destroyed", not "12
    killed as storm hits Orvik"."""
    for token in doc[start:end]:
        if token.i == trigger.i or measure_of(token) is not None:
            continue
        if token.pos_ == "AUX" or token.tag_ in FINITE_TAGS:
            return False
    return True


def subject_words(words: Span) -> bool:
    """Whether `words` of a label name what is counted: nouns and adjectives, ending in a
    noun, no participle ("Confirmed dead") and no total ("Total killed")."""
    return (
        len(words) > 0
        and words[-1].pos_ in ("NOUN", "PROPN")
        and all(
            token.is_alpha
            and token.pos_ in SUBJECT_POS
            and not token.lower_.endswith(WORDS.past_endings)
            and token.lemma_.lower() not in WORDS.running_totals
            for token in words
        )
    )


def modifies_another(label: Span, trigger: Token) -> bool:
    """Whether the measure word of a label only qualifies the noun it is counted by:
    "Cause of death", "Date of arrest" (but "Number of deaths" counts them)."""
    for token in label:
        if token.i >= trigger.i:
            return False
        if token.pos_ == "ADP":
            before = label[: token.i - label.start]
            return not all(word.lemma_.lower() in WORDS.running_totals for word in before)
    return False


def label_before(doc: Doc, separator: int, content: int) -> Span | None:
    """The words before a separator back to the line's content start or a field break:
    "Killed" of "Killed: 12", "Wounded" of "Killed: 12; Wounded: 63"."""
    first = separator
    while first > content and doc[first - 1].is_alpha:
        first -= 1
    if first == separator or separator - first > MAX_LABEL_WORDS:
        return None
    if first > content and doc[first - 1].text not in FIELD_BREAKS:
        return None
    return doc[first:separator]


def noun_phrase_after(doc: Doc, first: int, end: int) -> Span | None:
    """ "civilians" of "Killed: 12 civilians": adjectives and nouns right after the number
    in the line (tokens before `end`), up to punctuation."""
    last = first
    limit = min(end, first + MAX_SUBJECT_WORDS)
    while last < limit and doc[last].is_alpha and doc[last].pos_ in SUBJECT_POS:
        last += 1
    phrase = doc[first:last]
    if not phrase or phrase[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    return phrase


# --- list items and their heading ------------------------------------------------------


def item_label(doc: Doc, content: int, end: int, mention: NumberMention) -> Span | None:
    """The label of an item line "[marker] LABEL: NUMBER" whose number is `mention`: a few
    words and no number."""
    separator = mention.first - 1
    if separator <= content or doc[separator].text not in SEPARATORS:
        return None
    if any(not token.is_punct for token in doc[mention.last + 1 : end]):
        return None
    label = doc[content:separator]
    if not any(token.is_alpha for token in label) or len(label) > MAX_LABEL_WORDS:
        return None
    if any(token.like_num or token.text in SEPARATORS for token in label):
        return None
    return label


def _item(doc: Doc, start: int, end: int) -> Span | None:
    """The label of a line of the shape "[marker] LABEL: NUMBER", None for another line."""
    content = content_start(doc, start, end)
    mentions = find_numbers(doc, content, end)
    return item_label(doc, content, end, mentions[0]) if len(mentions) == 1 else None


def list_heading(doc: Doc, start: int, not_a_count: NotACount) -> Token | None:
    """The measure word of the heading over the list item starting at token `start`: the
    nearest line above that is no item. What each item's heading is stays in the Doc's
    `user_data`, so a long list is read once, not once per item."""
    known: dict[int, int | None] = doc.user_data.setdefault(_HEADINGS, {})
    items = [start]
    heading: int | None = None
    for line in _lines_before(doc, start):
        if line is None:
            break
        first, end = line
        if first in known:
            heading = known[first]
            break
        if _item(doc, first, end) is None:
            heading = _heading_word(doc, first, end, not_a_count)
            break
        items.append(first)
    for first in items:
        known[first] = heading
    return doc[heading] if heading is not None else None


def _heading_word(doc: Doc, first: int, end: int, not_a_count: NotACount) -> int | None:
    """The measure word of a heading line, when the line names one measure, states no
    count and ends as no sentence does ("Deaths by province", "Displaced, by district:").
    A heading that points to those it counts ("The dead", "Those missing") heads a list
    of people, whose numbers are ages: it gives none."""
    if doc[end - 1].text in SENTENCE_ENDS:
        return None
    if any(not not_a_count(doc, mention) for mention in find_numbers(doc, first, end)):
        return None
    named = [(token, measure_of(token)) for token in doc[first:end]]
    measures = {measure.measure for _, measure in named if measure is not None}
    if len(measures) != 1:
        return None
    trigger = next(token for token, measure in named if measure is not None)
    if trigger.i > first and doc[trigger.i - 1].tag_ == "DT":
        return None
    return int(trigger.i)
