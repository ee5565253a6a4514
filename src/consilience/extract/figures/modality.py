"""Whether a clause says a count happened: an unreal clause ("could kill 12", "threatened
to kill") states no count; a projection ("the toll could rise to 500", "is expected to
reach 2,000") is kept and marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from consilience.extract.figures.lexicon import IRREALIS_AUXILIARIES, WORDS
from consilience.extract.syntax import INFINITIVE_CLAUSES

if TYPE_CHECKING:
    from spacy.tokens import Token


def unreal(verb: Token) -> bool:
    """A clause about what could, would or is meant to happen: "threatened to kill", "could
    be displaced", "plans to evacuate". Its counts are not events."""
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in IRREALIS_AUXILIARIES:
            return True
        if (
            child.dep_ == "aux"
            and child.lower_ == WORDS.infinitive
            and verb.dep_ in INFINITIVE_CLAUSES
        ):
            return verb.head.lemma_.lower() not in WORDS.real_after
    return False


def projected(verb: Token) -> bool:
    """A clause that says a count may yet be reached, under a modal ("could rise to 500",
    "may have died", "could be displaced") or a verb of expectation ("is expected to reach
    2,000"): a total's verb or a perfect or passive participle. "Could kill 12" (what
    something is able to do) and "threatened to kill" are no projection."""
    modal = any(c.dep_ == "aux" and c.lower_ in WORDS.projection_modals for c in verb.children)
    expected = verb.dep_ in INFINITIVE_CLAUSES and verb.head.lemma_.lower() in WORDS.expecting_words
    if not (modal or expected):
        return False
    lemma = verb.lemma_.lower()
    total = lemma in WORDS.light_verbs or lemma in WORDS.change_verbs
    return total or lemma in WORDS.exceed_verbs or verb.tag_ == "VBN"
