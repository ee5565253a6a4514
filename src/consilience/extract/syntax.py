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

# Who speaks and what was said (extract/speech.py, extract/quotes.py).
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})  # a name that speaks without a verb: "Morel:"
NOUN_MODIFIERS = frozenset({"compound", "amod"})  # words that qualify a noun
# Dependents that belong to a noun phrase ("the head of state", "Mayor Ana Morel").
NOUN_PHRASE = frozenset({"det", "compound", "amod", "poss", "case", "nmod", "flat", "nummod"})
# Verbs that take the subject of the verb they hang on ("..., stating:", "and said that").
SHARED_SUBJECT_CLAUSES = frozenset({"advcl", "xcomp", "conj", "acl"})
NOUN_CLAUSES = frozenset({"acl", "relcl"})  # clauses that hang on a noun
MARKERS = frozenset({"mark", "advmod"})  # how a word that opens a clause ("as") hangs on it
# An inserted "as X said" verb's own dependents; the rest belongs to the clause it comments on.
INSERTED_ATTRIBUTION = frozenset(
    {"mark", "advmod", "agent", "nsubj", "nsubjpass", "aux", "auxpass", "punct", "neg"}
)

# Dated statements (extract/statements.py).
# Children of a predicate that start another statement, not part of this one.
OTHER_STATEMENT = frozenset({"conj", "cc", "advcl", "parataxis", "ccomp", "relcl", "punct", "mark"})
# Relations climbed from a date to the phrase that carries it ("on the night of January 19").
DATE_PHRASE = frozenset({"pobj", "prep", "npadvmod", "nummod", "compound", "appos"})
DATE_PHRASE_HEADS = frozenset({"prep", "npadvmod", "pobj", "appos"})  # dropped with the date
LEADING_LINKS = frozenset({"prep", "cc"})  # a preposition or conjunction left at the start

# Figures (extract/figures) and incidents (extract/incident_mentions.py).
AMOUNT_LABELS = frozenset({"PERCENT", "MONEY", "ORDINAL", "QUANTITY"})  # never a count
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})  # no place
NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "LAW"})  # "Fire Department"
NUMBER_ATTACHMENTS = frozenset({"nummod", "quantmod", "compound", "amod"})  # "147 people"
PHRASE_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})  # in a noun's phrase
PARTICIPLE_MODIFIERS = frozenset({"acl", "amod"})  # "the people killed", "injured people"
NONFINITE_COMPLEMENTS = frozenset({"pcomp", "xcomp"})  # "talked about killing"
INFINITIVE_CLAUSES = frozenset({"xcomp", "advcl", "acl"})  # "threatened to kill"
OPEN_CLAUSES = frozenset({"xcomp", "advcl"})  # "caused 4 to disappear", "gathered to protest"
CLAUSE_COMPLEMENTS = frozenset({"xcomp", "ccomp", "oprd"})  # a verb naming the outcome
STATE_COMPLEMENTS = frozenset({"oprd", "acomp", "advmod", "xcomp"})  # "dead" of "shot dead"
# An outcome word beside a neutral verb: "left 744 wounded", "caused 4 to disappear".
OUTCOME_COMPLEMENTS = frozenset({"oprd", "acomp", "xcomp", "ccomp", "amod", "dep"})
PREPOSITIONS = frozenset({"prep", "dative"})  # "sent to prisons"
CLAUSE_HEADS = frozenset({"ROOT", "conj"})  # a predicate heading its own clause
# A counted noun's role on its predicate ("soldiers killed 82 people", "the dead numbered 12").
FIGURE_ARGUMENTS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "agent", "npadvmod", "appos"}
)
NOMINAL_ARGUMENTS = CORE_ARGUMENTS | {"attr"}  # a noun that names what is counted ("are 14 dead")
PATIENT_ROLES = PATIENTS | {"oprd"}  # "left 744 wounded"
CLAUSE_NOMINALS = SUBJECTS | {"conj", "attr"}  # a noun whose clause a fronted "Of the dead," joins
OBJECTLESS_NOMINALS = frozenset({"nsubj", "pobj"})  # a noun its verb does not act on
OWN_ARGUMENTS = CORE_ARGUMENTS | {"csubj", "attr"}  # a coordinated verb's own arguments
# Children of a predicate that belong to another clause, not to the one stating the figure.
FIGURE_OTHER_CLAUSE = frozenset(
    {"conj", "cc", "punct", "advcl", "parataxis", "mark", "ccomp", "relcl", "preconj"}
)
# Children left of the predicate that are part of its clause ("147 people were brutally killed").
CLAUSE_LEFT_PARTS = frozenset(
    {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "expl", "csubj", "csubjpass"}
)
OTHER_NOMINAL_PARTS = frozenset({"conj", "cc", "punct", "relcl", "appos"})  # not a noun's clause
SEPARATE_PHRASES = frozenset({"conj", "appos", "relcl"})  # a list item or relative clause
LISTED_PHRASES = SEPARATE_PHRASES | {"acl"}  # list items and clauses on a noun
OTHER_MEMBER_PARTS = frozenset({"relcl", "conj", "cc", "appos"})  # another member or its clause
SUBJECT_LEADERS = frozenset({"det", "punct", "cc", "quantmod", "advmod"})  # not a subject's words
PLACED_NOUNS = frozenset({"pobj", "compound"})  # "in Arlo", "Arlo" of "the Arlo valley"

# Dates (extract/temporal).
TEMPORAL_LABELS = frozenset({"DATE", "TIME"})  # a four-digit number the parser reads as a date
MEASURE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})  # a number that is no year
# Names a time word may be part of ("the Estrovia Daily Ledger", "Today FM").
TITLED_NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT"})

# Phrases after a listed person that are not part of the list ("... and a passer-by
# before fleeing", "a farmer and his son near the village").
TRAILING_PHRASES = frozenset({"prep", "relcl", "acl", "advcl"})
# Where a verb of totals holds its number: "the toll tops 500", "the toll nears 60".
TOTAL_OBJECTS = frozenset({"dobj", "attr"})
# What continues a list after an item: "a policeman and a passer-by".
LIST_CONTINUATIONS = frozenset({"cc", "conj"})
# Entity types of names a number can be part of: "a Lancair 360", "Stade du 5 Juillet".
NAME_LABELS = frozenset({"PRODUCT", "FAC", "ORG", "EVENT", "LAW", "WORK_OF_ART"})
# Entity types of groups of people a number can count: "12 Somalis", "26 Palestinians".
PEOPLE_LABELS = frozenset({"NORP", "PERSON"})
