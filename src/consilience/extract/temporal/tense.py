"""Which way a clause looks from the document's date: the tense of the verb a temporal
expression hangs on. "said on Friday" is the Friday before; "will meet on Friday" the one
after; "plans to vote in May" the coming May. Read from the parse (Penn tags), with the
language's future auxiliaries and forward-looking verbs as data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from consilience.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

Tense = Literal["past", "present", "future"]

_TIME = load_lexicon().time
_VERBAL = ("VERB", "AUX")
_PAST_TAGS = ("VBD",)
_PRESENT_TAGS = ("VBZ", "VBP")
_AUXILIARY_DEPS = ("aux", "auxpass")
_BASE_FORM = "VB"
_PARTICIPLE = "VBN"
_NEGATION = "neg"
# A verb that takes its tense from the verb it depends on: an infinitive or a complement.
_INHERITING_DEPS = ("xcomp", "advcl", "acomp", "ccomp")


def tense_of(token: Token | None) -> Tense | None:
    """The tense of the clause `token` is part of; None when the parse gives no verb."""
    if token is None:
        return None
    verb = _governing_verb(token)
    if verb is None:
        return None
    for _ in range(3):
        tense = _verb_tense(verb)
        if tense is not None or verb.dep_ not in _INHERITING_DEPS or verb.head is verb:
            return tense
        verb = verb.head  # "would be ready to leave on Tuesday": the tense of "would be"
    return None


def _verb_tense(verb: Token) -> Tense | None:
    if verb.lemma_.lower() in _TIME.scheduling_verbs:
        return "future"  # "is scheduled for Thursday"
    for ancestor in [verb, *list(verb.ancestors)[:3]]:
        if ancestor.lemma_.lower() in _TIME.future_heads and ancestor is not verb:
            return "future"  # "plans to meet on Friday", "is due to open in May"
        if ancestor.dep_ != "xcomp":
            break
    auxiliaries = [c for c in verb.children if c.dep_ in _AUXILIARY_DEPS]
    if any(a.lower_ in _TIME.future_auxiliaries for a in auxiliaries):
        return "future"
    negated = any(c.dep_ == _NEGATION for c in verb.children)
    possible = any(a.lower_ in _TIME.possible_auxiliaries for a in auxiliaries)
    if possible and verb.tag_ == _BASE_FORM and not negated:
        return "future"  # "could go dark on Sunday"
    tags = [verb.tag_, *(a.tag_ for a in auxiliaries)]
    if any(tag in _PAST_TAGS for tag in tags):
        return "past"
    if verb.tag_ == _PARTICIPLE and not auxiliaries:
        return "past"  # a reduced relative: "the fire reported on Friday"
    if any(tag in _PRESENT_TAGS for tag in tags):
        return "present"
    return None


def _governing_verb(token: Token) -> Token | None:
    """The verb the expression's words hang on, through prepositions and nouns."""
    current = token
    for _ in range(6):
        if current.pos_ in _VERBAL and current is not token:
            return current
        if current.head is current:
            return current if current.pos_ in _VERBAL else None
        current = current.head
    return None
