"""Figures in terse lines: lists, tables and infoboxes, where no clause states the count.

The line is read word by word (`line_words`), not along the parse. A line of more than
MAX_LINE_WORDS words is prose and is left to the dependency rules. The forms:

(a) NUMBER SEPARATOR MEASURE-WORD: "212 - injured", "1,200: displaced";
(b) MEASURE-WORD SEPARATOR NUMBER: "Killed: 12", "Missing: at least 7", "Injured - 40",
    also in a longer label ("Civilians killed: 12", "Death toll: 34");
(c) a line without a verb of its own, NUMBER [SUBJECT WORDS] PARTICIPLE: "120-160
    civilians killed", "3,000 homes destroyed";
(d) items "[marker] LABEL: NUMBER" under a heading line that names one measure ("Deaths by
    province", then "1. Northern province: 4,512"): the label is what is counted.

Numbers are read by `numbers.find_numbers`, so qualifiers and intervals are those of every
figure, and the extractor's check for numbers that are no count (years, dates, money,
percentages, ages, identifiers) applies to them too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from consilience.extract.figures.found import Found
from consilience.extract.figures.lexicon import WORDS
from consilience.extract.figures.line_words import (
    MAX_LINE_WORDS,
    MAX_SUBJECT_WORDS,
    SEPARATORS,
    SUBJECT_POS,
    NotACount,
    content_start,
    count_words,
    item_label,
    label_before,
    line_at,
    list_heading,
    measure_of,
    modifies_another,
    noun_phrase_after,
    subject_words,
    verbless,
)
from consilience.extract.figures.numbers import NumberMention, find_numbers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["line_figures"]

MAX_AGE = 120  # "Tomas Vell: 51" in a list of people is an age
# What may follow the participle of "3,000 homes destroyed": where, when ("in Orvik",
# "overnight"), not an object ("killed 12 villagers") nor another verb ("shot and wounded").
AFTER_POS = frozenset({"ADP", "ADV"})


def line_figures(
    doc: Doc, sentence: Span, found: list[Found], not_a_count: NotACount
) -> list[Found]:
    """Figures of the terse line `sentence` lies in whose number starts in `sentence` and
    is not already a figure in `found` (the sentence's figures from the dependency rules).
    `not_a_count` is the extractor's check for numbers that are no count."""
    if count_words(sentence, MAX_LINE_WORDS + 1) > MAX_LINE_WORDS:
        return []
    line = line_at(doc, sentence.start)
    if line is None:
        return []
    start, end = line
    content = content_start(doc, start, end)
    used = {i for item in found for i in range(item.number_first, item.number_last + 1)}
    figures: list[Found] = []
    for mention in find_numbers(doc, content, end):
        if mention.first < sentence.start or mention.last >= sentence.end:
            continue  # another sentence's, or across two, where either part may be a figure
        if used.intersection(range(mention.first, mention.last + 1)):
            continue
        if _no_count(doc, mention, start, end, not_a_count):
            continue
        figure = (
            _measure_after(doc, mention, start, end)
            or _measure_before(doc, mention, content, end)
            or _listed_item(doc, mention, start, content, end, not_a_count)
        )
        if figure is not None:
            figures.append(figure)
            used.update(range(mention.first, mention.last + 1))
    return figures


def _measure_after(doc: Doc, mention: NumberMention, start: int, end: int) -> Found | None:
    """(a) and (c): "212 - injured", "120-160 civilians killed", "over 40 wounded"."""
    first = mention.last + 1
    separated = first < end and doc[first].text in SEPARATORS
    if separated:
        first += 1
    for i in range(first, min(end, first + MAX_SUBJECT_WORDS + 1)):
        trigger = doc[i]
        measure = measure_of(trigger)
        if measure is not None:
            break
        if not trigger.is_alpha or trigger.pos_ not in SUBJECT_POS:
            return None
    else:
        return None
    subject = doc[first : trigger.i]
    if not measure.verbal and (subject or not separated):
        return None  # "12 deaths": a noun with its number is the dependency rules' work
    following = doc[trigger.i + 1] if trigger.i + 1 < end else None
    if following is not None and not following.is_punct and following.pos_ not in AFTER_POS:
        return None  # "Three gunmen killed 12 villagers": a verb with its object
    if not verbless(doc, start, end, trigger):
        return None
    text = subject.text if subject else None
    return _found(doc, mention, mention.first, trigger.i, measure.measure, text, trigger)


def _measure_before(doc: Doc, mention: NumberMention, content: int, end: int) -> Found | None:
    """(b): "Killed: 12", "Missing: at least 7", "Civilians killed - 40", "Deaths: 1,200"."""
    separator = mention.first - 1
    if separator < content or doc[separator].text not in SEPARATORS:
        return None
    label = label_before(doc, separator, content)
    if label is None:
        return None
    measures = [(token, measure_of(token)) for token in label]
    named = [(token, measure) for token, measure in measures if measure is not None]
    if not named or len({measure.measure for _, measure in named}) != 1:
        return None
    trigger, measure = named[-1]
    if modifies_another(label, trigger):
        return None
    subject: str | None = None
    before, behind = label[: trigger.i - label.start], label[trigger.i - label.start + 1 :]
    if measure.verbal and subject_words(before):
        subject = before.text  # "Civilians killed: 12"
    elif measure.verbal and subject_words(behind):
        subject = behind.text  # "Displaced people: 4,000"
    last = mention.last
    if subject is None:
        after = noun_phrase_after(doc, mention.last + 1, end)  # "Killed: 12 civilians"
        if after is not None:
            subject, last = after.text, after.end - 1
    return _found(doc, mention, label[0].i, last, measure.measure, subject, trigger)


def _listed_item(
    doc: Doc, mention: NumberMention, start: int, content: int, end: int, not_a_count: NotACount
) -> Found | None:
    """(d): "1. Northern province: 4,512" under a heading "Deaths by province"."""
    label = item_label(doc, content, end, mention)
    if label is None:
        return None
    trigger = list_heading(doc, start, not_a_count)
    if trigger is None:
        return None
    measure = measure_of(trigger)
    if measure is None:  # pragma: no cover - the heading was chosen for its measure word
        return None
    if _a_person_and_age(label, mention):
        return None
    # "Total: 2,000" counts what the heading counts; the label names no subject.
    totals = all(token.lemma_.lower() in WORDS.running_totals for token in label if token.is_alpha)
    subject = None if totals else label.text
    return _found(doc, mention, label.start, mention.last, measure.measure, subject, trigger)


def _found(
    doc: Doc,
    mention: NumberMention,
    first: int,
    last: int,
    measure: str,
    subject: str | None,
    trigger: Token,
) -> Found:
    return Found(
        first=min(first, mention.first),
        last=max(last, mention.last),
        number_first=mention.first,
        number_last=mention.last,
        value=mention.value,
        low=mention.low,
        high=mention.high,
        qualifier=mention.qualifier,
        measure=measure,
        subject=subject,
        subject_inherited=False,
        trigger=trigger,
        implicit=False,
        anchor=trigger,
    )


def _a_person_and_age(label: Span, mention: NumberMention) -> bool:
    """ "Tomas Vell: 51": a label the recogniser calls a person, with a number no greater
    than a person's age, is an age."""
    return (
        all(token.ent_type_ == "PERSON" for token in label if token.is_alpha)
        and mention.qualifier == "exact"
        and mention.value is not None
        and mention.value <= MAX_AGE
    )


def _no_count(
    doc: Doc, mention: NumberMention, start: int, end: int, not_a_count: NotACount
) -> bool:
    """The extractor's check for numbers that are no count, on the part of the line that
    holds the number. Across a separator the words around it are no part of it: a label
    before it makes no name with it ("Injured - 52" is not "Route 9"), and a word after a
    spaced dash makes no compound modifier with it ("212 - injured" is not "44-day")."""
    before = mention.first - 1
    after = mention.last + 1
    left = mention.first if before >= start and doc[before].text in SEPARATORS else start
    spaced = after < end and doc[after].text in SEPARATORS and doc[mention.last].whitespace_
    right = after if spaced else end
    if left == start and right == end:
        return not_a_count(doc, mention)
    shifted = replace(
        mention,
        first=mention.first - left,
        last=mention.last - left,
        head=mention.head - left,
    )
    return not_a_count(_alone(doc, left, right), shifted)


def _alone(doc: Doc, left: int, right: int) -> Doc:
    """Tokens [left, right) of `doc` as a Doc of their own, with their tags, parse and
    entities; a head outside them becomes a root. (`Span.as_doc` reads the whole Doc.)"""
    from spacy.tokens import Doc as SpacyDoc  # spaCy is imported where it is used

    tokens = doc[left:right]
    entities = []
    for token in tokens:
        if not token.ent_type_:
            entities.append("O")
        elif token.ent_iob_ == "B" or token.i == left:
            entities.append(f"B-{token.ent_type_}")
        else:
            entities.append(f"I-{token.ent_type_}")
    inside = range(left, right)
    return SpacyDoc(
        doc.vocab,
        words=[token.text for token in tokens],
        spaces=[bool(token.whitespace_) for token in tokens],
        tags=[token.tag_ for token in tokens],
        pos=[token.pos_ for token in tokens],
        lemmas=[token.lemma_ for token in tokens],
        heads=[(token.head.i if token.head.i in inside else token.i) - left for token in tokens],
        deps=[token.dep_ if token.head.i in inside else "ROOT" for token in tokens],
        ents=entities,
    )
