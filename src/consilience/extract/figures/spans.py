"""Where a figure's claim and its subject begin and end in the sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from consilience.extract.figures.lexicon import (
    NON_COUNT_ENTITIES,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    WORDS,
)
from consilience.extract.figures.numbers import NumberMention
from consilience.extract.figures.triggers import Trigger, first_conjunct
from consilience.extract.nlp import trim_tokens
from consilience.extract.syntax import (
    CLAUSE_LEFT_PARTS,
    COORDINATION,
    FIGURE_OTHER_CLAUSE,
    LISTED_PHRASES,
    OTHER_NOMINAL_PARTS,
    OWN_ARGUMENTS,
    SEPARATE_PHRASES,
    SUBJECT_LEADERS,
    SUBJECTS,
)
from consilience.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Endings of nouns for people who do or are something; used only for a patient of harm.
_PEOPLE = load_lexicon().people
PERSON_SUFFIXES = _PEOPLE.person_suffixes


def single_person(token: Token) -> bool:
    """One person, pointed to or named: "he", "Ana Brel", "a teenager", "the driver"."""
    if token.lower_ in PERSON_PRONOUNS:
        return True
    if token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
        return True
    if token.lower_ in _PEOPLE.age_heads and any(
        child.lemma_.lower() in _PEOPLE.age_units for child in token.children
    ):
        return True  # "a 15-year-old"
    if token.tag_ == "NN" and person_noun(token.lemma_.lower()):
        return not any(child.like_num for child in token.children)
    return False


def person_noun(lemma: str) -> bool:
    """A noun for a person: from the lexicon, or by an agent suffix ("worker", "activist",
    "civilian", "migrant", "employee", "fisherman")."""
    if lemma in PERSON_NOUNS:
        return True
    return len(lemma) > 5 and lemma.endswith(PERSON_SUFFIXES)


def numbered(token: Token) -> bool:
    return token.like_num or any(c.like_num and c.dep_ == "nummod" for c in token.children)


def subject_text(doc: Doc, node: Token, mention: NumberMention, trigger: Trigger) -> str | None:
    """The counted noun phrase as the text says it, without the number and determiners."""
    skip: set[int] = set(range(mention.first, mention.last + 1))
    skip.update(
        t.i
        for t in trigger.word.subtree
        if trigger.word.i > node.i and trigger.word.head.i == node.i
    )
    for child in node.children:
        if child.dep_ == "conj" and single_person(child) and not numbered(child):
            skip.update(t.i for t in child.subtree)  # "a civilian" is counted on its own
            skip.update(t.i for t in node.children if t.dep_ == "cc")
        # Other list items and clauses with counts of their own are not this subject.
        if child.dep_ in LISTED_PHRASES and any(
            t.like_num and t.i not in skip for t in child.subtree
        ):
            skip.update(t.i for t in child.subtree)
            skip.update(t.i for t in node.children if t.dep_ == "cc" and t.i > child.i - 3)
    tokens = [t for t in node.subtree if t.i not in skip]
    while tokens and (tokens[0].dep_ in SUBJECT_LEADERS or tokens[0].is_punct):
        tokens.pop(0)
    # Stop at the first gap after the head noun: what follows a skipped item is not ours.
    for index in range(1, len(tokens)):
        if tokens[index].i != tokens[index - 1].i + 1 and tokens[index - 1].i >= node.i:
            tokens = tokens[:index]
            break
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    if not tokens or (len(tokens) == 1 and tokens[0].lower_ in WORDS.said_before):
        return None  # "20 more": what is counted is said before
    # A line break is a token of its own and may end the subtree ("Killed: 14 soldiers\n"):
    # it is layout, never part of what is counted.
    text = str(doc[tokens[0].i : tokens[-1].i + 1].text).strip()
    return text or None


def claim_tokens(
    doc: Doc, anchor: Token, counted: Token, mention: NumberMention
) -> tuple[int, int]:
    """The smallest clause stating the figure, as an inclusive token range."""
    gapped = counted.dep_ == "conj" and counted.head.pos_ in ("VERB", "AUX")  # "... and 9 near"
    if gapped or counted.dep_ in COORDINATION and first_conjunct(counted).i != counted.i:
        tokens = [t.i for t in counted.subtree] + [mention.first, mention.last]
        return min(tokens), max(tokens)
    if anchor.pos_ in ("NOUN", "PROPN"):
        tokens = [anchor.i]
        for child in anchor.children:
            if child.dep_ not in OTHER_NOMINAL_PARTS:
                tokens.extend(t.i for t in child.subtree)
    else:
        tokens = [anchor.i]
        subjects = [c.i for c in anchor.children if c.dep_ in SUBJECTS and c.i < anchor.i]
        for child in anchor.children:
            if child.dep_ in SUBJECTS and subjects and child.i != max(subjects):
                continue  # a verb has one subject; an earlier one is a misparse
            if child.dep_ == "conj" and _shares_clause(child):
                tokens.extend(t.i for t in child.subtree)
                continue
            if child.dep_ in FIGURE_OTHER_CLAUSE and not (
                child.dep_ == "ccomp" and child.i > anchor.i
            ):
                continue
            if child.i < anchor.i and child.dep_ not in CLAUSE_LEFT_PARTS:
                continue
            tokens.extend(t.i for t in child.subtree)
    tokens.extend((mention.first, mention.last))
    first, last = min(tokens), max(tokens)
    last = _before_other_items(doc, anchor, first, last, mention)
    return trim_tokens(doc, first, last)


def _before_other_items(
    doc: Doc, anchor: Token, first: int, last: int, mention: NumberMention
) -> int:
    """Cut a claim before a later phrase that states a count of its own: "the destruction
    of 300 shops, 40 cars" ends at "shops" for 300; "20 were taken to Dellow, 14 to Orvik"
    ends at "Dellow" for 20. Dates and other non-counts inside the clause stay in it."""
    for token in doc[mention.last + 1 : last + 1]:
        if not (token.like_num and token.pos_ == "NUM") or token.ent_type_ in NON_COUNT_ENTITIES:
            continue
        # The phrase holding that count: climb while the head stays after our number, but
        # not past a list item or relative clause, which is a phrase of its own.
        node = token
        while (
            node.dep_ not in SEPARATE_PHRASES
            and node.head.i != anchor.i
            and node.head.i != node.i
            and node.head.i > mention.last
            and first <= node.head.i <= last
        ):
            node = node.head
        start: int = min(t.i for t in node.subtree)
        if start <= mention.head:
            continue  # the phrase that holds this figure itself
        return max(start - 1, mention.last)
    return last


def _shares_clause(verb: Token) -> bool:
    """A coordinated verb with no subject or object of its own: "was shot and killed"."""
    if verb.pos_ != "VERB":
        return False
    return not any(child.dep_ in OWN_ARGUMENTS for child in verb.children)
