"""The parser's labels, named once: the dependency relations and entity types the
extractors read (spaCy's English models use the ClearNLP dependency scheme and the
OntoNotes entity types). A rule names the set it means, never a list of labels."""

from __future__ import annotations

# Entity types.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
ENTITY_LABELS = ACTOR_LABELS | {"GPE", "LOC"}  # the entities kept as claims
NON_COUNT_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})

# Dependency relations.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})  # a verb's subject, active or passive
ALL_SUBJECTS = SUBJECTS | {"csubj", "expl"}  # with clausal and expletive subjects
PATIENTS = frozenset({"dobj", "nsubjpass"})  # who a verb is done to
CORE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
COORDINATION = frozenset({"conj", "appos"})  # a sibling of a listed item
