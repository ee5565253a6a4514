"""Words that signal what a count measures, and words that mark a number as no count.

The words live in resources/<lang>/measures.toml and people.toml (see their headers); each
entry is a lemma, matched on the dependency parse (see triggers.py). The vocabulary of
measures is documented in docs/figures.md. The names below are the lexicon's tables, kept
as module names because the figure modules import them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from consilience.extract.syntax import NON_COUNT_LABELS
from consilience.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

_LEXICON = load_lexicon()
WORDS = _LEXICON.measures

MEASURES = WORDS.measures
VERB_MEASURES = WORDS.verbs  # verbs (by lemma) whose patient is counted
NOUN_MEASURES = WORDS.nouns  # nouns that name the event a count belongs to: "the deaths of 150"
HEAD_NOUN_MEASURES = WORDS.head_nouns  # the counted things themselves: "150 victims", "34 dead"
STATE_MEASURES = WORDS.states  # outcome words: "left 744 wounded", "6 are missing"
VERB_OBJECT_MEASURES = WORDS.verb_objects  # idioms: verb lemma + its object's lemma
DEPLOYABLE_NOUNS = WORDS.deployable_nouns  # who is sent when troops are deployed
DEPLOYING_VERBS = WORDS.deploying_verbs
REVERSAL_VERBS = WORDS.reversal_verbs  # "200 prisoners escaped" are no longer imprisoned
FATAL_ADVERBS = WORDS.fatal_adverbs  # "fatally wounded", "mortally injured"
LIGHT_VERBS = WORDS.light_verbs  # "the toll rose to 34", "the dead included 5"
MEANS_VERBS = WORDS.means_verbs  # how harm was done: "shot and killed" is killed
UNIT_NOUNS = WORDS.unit_nouns  # counted nouns that make a number no count
IDENTIFIER_NOUNS = WORDS.identifier_nouns  # "Article 1", "Resolution 822"
# Named-entity types of spans that hold no counts.
NON_COUNT_ENTITIES = NON_COUNT_LABELS
PERSON_NOUNS = _LEXICON.people.person_nouns  # so "a man was killed" counts one
PERSON_PRONOUNS = _LEXICON.people.singular_pronouns
NEGATED_SUBJECTS = _LEXICON.people.nobody
# Verbs whose subject is the one the outcome befalls ("12 people died", "3,000 fled",
# "hundreds protested"). For every other verb an active subject is the agent: in "three
# gunmen killed 12 people" the gunmen are not counted as killed.
SUBJECT_AFFECTED_VERBS = WORDS.subject_affected_verbs
IRREALIS_AUXILIARIES = WORDS.irrealis_auxiliaries  # "could kill", "would be displaced"
# Measures that a single named or pointed-to person can be counted under (the schema's
# measure names, not words).
SINGLE_PERSON_MEASURES = frozenset({
    "killed", "wounded", "missing", "kidnapped", "arrested", "detained", "imprisoned",
    "displaced", "evacuated",
})  # fmt: skip


def head_noun_measure(token: Token) -> str | None:
    """The measure a counted noun names itself ("34 dead", "60 protesters"), by lemma or as
    written ("the injured" is lemmatised as a verb)."""
    return HEAD_NOUN_MEASURES.get(token.lemma_.lower()) or HEAD_NOUN_MEASURES.get(token.lower_)


def noun_measure(token: Token) -> str | None:
    """The measure a noun names, as an event ("the deaths of") or as who was counted."""
    return (
        NOUN_MEASURES.get(token.lemma_.lower())
        or NOUN_MEASURES.get(token.lower_)
        or head_noun_measure(token)
    )
