"""Link a count to the word that says what it counts, along the dependency parse.

From the noun a number counts, the parse is climbed to its predicate: the verb it is
subject or object of ("147 civilians were killed", "soldiers killed 82 people"), the noun
it is the "of" argument of ("the deaths of 150"), an outcome word beside it ("left 744
wounded"), or the subject of a light verb ("the death toll rose to 34").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from consilience.extract.claims import ASSERTED, PROJECTION
from consilience.extract.figures.lexicon import (
    DEPLOYABLE_NOUNS,
    DEPLOYING_VERBS,
    FATAL_ADVERBS,
    LIGHT_VERBS,
    MEANS_VERBS,
    NOUN_MEASURES,
    REVERSAL_VERBS,
    STATE_MEASURES,
    SUBJECT_AFFECTED_VERBS,
    VERB_MEASURES,
    VERB_OBJECT_MEASURES,
    WORDS,
    head_noun_measure,
    noun_measure,
)
from consilience.extract.figures.modality import projected, unreal
from consilience.extract.nlp import near_conjuncts
from consilience.extract.syntax import (
    ALL_SUBJECTS,
    CLAUSE_COMPLEMENTS,
    CLAUSE_HEADS,
    COORDINATION,
    CORE_ARGUMENTS,
    FIGURE_ARGUMENTS,
    INFINITIVE_CLAUSES,
    NOMINAL_ARGUMENTS,
    NOUN_MODIFIERS,
    OBJECTLESS_NOMINALS,
    OPEN_CLAUSES,
    OUTCOME_COMPLEMENTS,
    PARTICIPLE_MODIFIERS,
    PATIENT_ROLES,
    PATIENTS,
    PREPOSITIONS,
    STATE_COMPLEMENTS,
    SUBJECTS,
)
from consilience.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

MUNITIONS = "munitions"  # the measure's name in the schema
_RANGE_OPENERS = load_lexicon().numbers.range_openers  # "Between 120 and 150 people were ..."


@dataclass(frozen=True)
class Trigger:
    """What a count measures, the word that says so, and the word its clause hangs on."""

    measure: str
    word: Token  # the trigger token
    anchor: Token  # the clause's predicate (verb) or the nominal trigger
    modality: str = ASSERTED  # or PROJECTION: "the toll could rise to 500"


def measure_of_verb(verb: Token) -> str | None:
    """The measure a verb states about its patient, taking its modifiers into account."""
    if verb.pos_ in ("NOUN", "PROPN", "NUM"):
        return None  # "charges d'affaires": a noun is no verb, whatever its lemma
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    objects = [c for c in children if c.dep_ in PATIENTS]
    for child in children:
        if child.dep_ in ALL_SUBJECTS:
            continue  # the patient itself is no complement: "14 hostages were taken to hospital"
        for word in (child.lemma_.lower(), child.lower_):
            if (lemma, word) in VERB_OBJECT_MEASURES:
                return VERB_OBJECT_MEASURES[(lemma, word)]
    # Prepositions on the verb or on its object: "sent to prisons", "treated 40 for injuries".
    for preposition in [c for h in [verb, *objects] for c in h.children if c.dep_ in PREPOSITIONS]:
        if lemma in WORDS.verb_prepositions:  # treated for injuries, burns, smoke inhalation
            needed, outcome = WORDS.verb_prepositions[lemma]
            if preposition.lower_ == needed:
                return outcome
        for target in preposition.children:
            pair = (lemma, target.lemma_.lower())
            if target.dep_ == "pobj" and pair in VERB_OBJECT_MEASURES:
                return VERB_OBJECT_MEASURES[pair]
    if lemma in DEPLOYING_VERBS and any(o.lemma_.lower() in DEPLOYABLE_NOUNS for o in objects):
        return "deployed"  # "sent 600 additional soldiers", "moved 5,000 reservists"
    if lemma in WORDS.qualified_verbs:
        # Only "recognised as martyrs/victims" counts people; other recognition does not.
        holders = children + [g for o in objects for g in o.children]
        needed = WORDS.qualified_verbs[lemma]
        return VERB_MEASURES[lemma] if any(c.lower_ == needed for c in holders) else None
    measure = VERB_MEASURES.get(lemma)
    if measure is None:
        # "were still missing" is tagged as a verb form of "miss"; the word is the state.
        measure = STATE_MEASURES.get(verb.lower_)
    if measure == "wounded" and any(c.lower_ in FATAL_ADVERBS for c in children):
        return "killed"
    if measure == "wounded" and any(
        c.lower_ in WORDS.fatal_complements and c.dep_ in STATE_COMPLEMENTS for c in children
    ):
        return "killed"  # "shot dead"
    return measure


def combined_measure(measures: list[tuple[str, str]]) -> str:
    """One patient, several outcomes. A means verb gives way to an outcome ("shot and
    killed" is killed); distinct outcomes together ("killed, wounded or missing") are a
    combined count, `other`."""
    outcomes = [measure for lemma, measure in measures if lemma not in MEANS_VERBS]
    unique = list(dict.fromkeys(outcomes or [measure for _, measure in measures]))
    return unique[0] if len(unique) == 1 else "other"


def shared_conjunct_measures(verb: Token) -> list[tuple[str, str]]:
    """(lemma, measure) of a verb and of the verbs coordinated with it that share its
    patient: those with no subject or object of their own."""
    measures = []
    own = measure_of_verb(verb)
    if own:
        measures.append((verb.lemma_.lower(), own))
    for other in near_conjuncts(verb):
        if other.pos_ not in ("VERB", "ADJ"):
            continue
        if any(child.dep_ in ALL_SUBJECTS or child.dep_ == "dobj" for child in other.children):
            continue
        extra = measure_of_verb(other) or STATE_MEASURES.get(other.lower_)
        if extra:
            measures.append((other.lemma_.lower(), extra))
    return measures


def _outcome_beside(verb: Token) -> tuple[str, Token] | None:
    """An outcome word beside a neutral verb: "left 744 wounded", "caused 4 to disappear"."""
    for child in verb.children:
        # "gathered to protest": an infinitive of purpose names what the gathering was.
        purpose = child.dep_ == "advcl" and any(
            g.lower_ == WORDS.infinitive for g in child.children
        )
        if (child.dep_ in OUTCOME_COMPLEMENTS or purpose) and child.i > verb.i:
            word = child.lower_
            if word in STATE_MEASURES and child.pos_ in ("ADJ", "VERB"):
                return STATE_MEASURES[word], child
            if child.pos_ == "VERB" and (child.dep_ in CLAUSE_COMPLEMENTS or purpose):
                measure = measure_of_verb(child)
                if measure:
                    return measure, child
    return None


def _light_verb_subject(verb: Token) -> tuple[str, Token] | None:
    """ "The death toll rose to 34", "the dead included 12 children"."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    subjects = [child for child in verb.children if child.dep_ in SUBJECTS]
    if not subjects and verb.dep_ in INFINITIVE_CLAUSES:
        # "the toll is expected to reach 2,000": the subject of the verb above.
        subjects = [child for child in verb.head.children if child.dep_ in SUBJECTS]
    for child in subjects:
        lemma = child.lemma_.lower()
        if lemma in WORDS.light_totals:
            for modifier in child.children:
                if modifier.dep_ in NOUN_MODIFIERS:
                    found = noun_measure(modifier)
                    if found:
                        return found, child
                if modifier.dep_ == "prep" and modifier.lower_ in WORDS.argument_prepositions:
                    for target in modifier.children:
                        found = noun_measure(target)
                        if found:
                            return found, child
            if lemma in NOUN_MEASURES:  # "the toll rose to 34": killed
                return NOUN_MEASURES[lemma], child
        found = head_noun_measure(child)
        if found:
            return found, child
    return None


def _noun_trigger(noun: Token) -> tuple[str, Token] | None:
    lemma = noun.lemma_.lower()
    for word in (lemma, noun.lower_):  # "remains" is lemmatised as "remain"
        if word in NOUN_MEASURES:
            return NOUN_MEASURES[word], noun
    if lemma in WORDS.object_nouns:  # "claimed 12 lives"
        verbs, measure = WORDS.object_nouns[lemma]
        if noun.head.lemma_.lower() in verbs:
            return measure, noun.head
    # "a death toll of 34", "the number of dead reached ..."
    for child in noun.children:
        if (
            child.dep_ == "compound"
            and child.lemma_.lower() in NOUN_MEASURES
            and lemma in WORDS.compound_totals
        ):
            return NOUN_MEASURES[child.lemma_.lower()], noun
    return None


def first_conjunct(token: Token) -> Token:
    """The first of coordinated noun phrases, which carries their shared role. Lists
    ("300 shops and offices, 40 cars") are parsed as conjuncts or appositions."""
    while (
        token.dep_ in COORDINATION
        and token.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
        and token.head.i != token.i
    ):
        token = token.head
    return token


def find_trigger(counted: Token) -> Trigger | None:
    """The trigger of a counted noun phrase (or of a number that stands alone as one)."""
    # The counted noun may itself name the outcome: "34 dead", "60 protesters", "12 fatalities".
    node = first_conjunct(counted)
    if node.lemma_.lower() in WORDS.munition_nouns:
        return _munitions(node)
    if node.dep_ == "compound" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head  # "took nine workers hostage" parsed as one compound noun
        if node.head.pos_ == "VERB" and node.dep_ not in OBJECTLESS_NOMINALS:
            return _from_predicate(node, node.head)
    for child in counted.children:
        if (
            child.dep_ in PARTICIPLE_MODIFIERS
            and child.i > counted.i
            and child.pos_ in ("VERB", "ADJ")
        ):
            measure = measure_of_verb(child) or STATE_MEASURES.get(child.lower_)
            if measure:
                return Trigger(measure, child, child)
            # "17,000 residents left homeless", "19 people reported missing"
            outcome = _outcome_beside(child) if child.pos_ == "VERB" else None
            if outcome:
                return Trigger(outcome[0], outcome[1], child)
    found = _role_trigger(counted, node)
    if found is not None:
        return found
    # "300 people who were evacuated": a relative clause whose subject is the counted set.
    for child in counted.children:
        if child.dep_ == "relcl" and child.pos_ == "VERB":
            pronouns = [
                g
                for g in child.children
                if g.dep_ in ALL_SUBJECTS
                and (g.tag_ in ("WP", "WDT") or any(w.tag_ == "WP" for w in g.subtree))
            ]  # "who were killed", "all of whom were killed"
            measure = measure_of_verb(child)
            if pronouns and measure:
                return Trigger(measure, child, child)
    return None


def _munitions(node: Token) -> Trigger | None:
    """Munitions fired, dropped, launched or stopped: "dropped 40 bombs", "15 rockets were
    fired", "launched a total of 440 drones", "shot down 337 drones". Counted munitions
    with no such verb are no figure ("the army has 500 missiles")."""
    for _ in range(3):  # the noun, "a total of" it, "a barrage of" it
        head = node.head
        if node.dep_ in CORE_ARGUMENTS and head.pos_ == "VERB":
            if head.lemma_.lower() in WORDS.munition_verbs:
                return Trigger(MUNITIONS, head, head)
            return None
        if node.dep_ != "pobj" or head.head.pos_ != "NOUN":
            return None
        node = head.head
    return None


def _role_trigger(counted: Token, node: Token) -> Trigger | None:
    """The trigger reached from the counted phrase's role in its clause."""
    dep = node.dep_
    head = node.head
    if (
        dep == "pobj"
        and head.lower_ in WORDS.noun_subsets
        and head.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
    ):
        # "70 people, including 8 women, were detained": the subset shares the set's role.
        return find_trigger(head.head)
    if dep == "pobj" and head.lower_ in WORDS.verb_subsets and head.head.pos_ == "VERB":
        # "40 people were killed, including 15 children": the set is the verb's patient.
        patients = [c for c in head.head.children if c.dep_ in CORE_ARGUMENTS]
        return find_trigger(patients[0]) if patients else None
    if dep == "pobj":
        preposition = head
        governor = preposition.head
        if preposition.lower_ in WORDS.argument_prepositions and governor.pos_ in ("NOUN", "PROPN"):
            # "the arrest of 841, and the destruction of 200": each nominal names its own
            # measure; a plain noun takes its role from the first of its conjuncts.
            if _noun_trigger(governor) is None:
                governor = first_conjunct(governor)
            found = _noun_trigger(governor)
            if found:
                return Trigger(found[0], found[1], found[1])
            if governor.pos_ == "NOUN" and governor.dep_ in CORE_ARGUMENTS:
                through = _from_predicate(governor, governor.head)
                if through is not None:
                    return through
            own = head_noun_measure(counted)
            if own and governor.lemma_.lower() not in REVERSAL_VERBS:
                return Trigger(own, counted, counted)  # "a camp of 12,000 refugees"
            return None
        if governor.pos_ in ("VERB", "AUX"):
            # A verb's prepositional object is a place, a time or a means ("arrested in
            # several states"), not what the verb counts; only a total can hang there.
            light = _light_verb_subject(governor)
            if light:  # "the toll rose to 34"; "could rise to over 500" is a projection
                modality = PROJECTION if projected(governor) else ASSERTED
                return Trigger(light[0], light[1], governor, modality)
            if preposition.lower_ in _RANGE_OPENERS:
                return _from_predicate(node, governor)  # "Between 120 and 150 people were ..."
            return None
        # Other prepositions on a noun name a place or time ("the toll in two provinces").
        return None
    if (
        (dep in FIGURE_ARGUMENTS or dep in CLAUSE_HEADS)
        and head.pos_ in ("VERB", "AUX", "ADJ")
        and head.i != node.i
    ):
        return _from_predicate(node, head)
    own = head_noun_measure(counted)
    if own and counted.pos_ in ("NOUN", "ADJ"):
        return Trigger(own, counted, counted)
    return None


def _acts_on_others(verb: Token) -> bool:
    """An active verb of harm whose subject is its agent ("gunmen killed", "children
    flooded the plaza"); a state word ("are missing", "were dead") is not one."""
    return verb.lemma_.lower() in VERB_MEASURES and verb.lower_ not in STATE_MEASURES


def _from_predicate(argument: Token, predicate: Token) -> Trigger | None:
    if argument.dep_ in ALL_SUBJECTS and any(
        child.dep_ in ALL_SUBJECTS and argument.i < child.i < predicate.i
        for child in predicate.children
    ):
        return None  # two subjects on one verb: a misparse; only the nearer one is its subject
    if unreal(predicate):
        # "could kill 12", "plans to evacuate 300": not an event that happened; but "could
        # rise to 500" and "may have died" are projections, kept and marked.
        found = _real_trigger(argument, predicate) if projected(predicate) else None
        return replace(found, modality=PROJECTION) if found is not None else None
    return _real_trigger(argument, predicate)


def _needed(predicate: Token) -> tuple[str, Token] | None:
    """ "700 people are in need of accommodation": what its subject needs names a measure."""
    for preposition in predicate.children:
        if preposition.dep_ != "prep":
            continue
        for need in preposition.children:
            if need.dep_ != "pobj" or need.lemma_.lower() not in WORDS.need_nouns:
                continue
            for of in need.children:
                if of.dep_ != "prep" or of.lower_ not in WORDS.argument_prepositions:
                    continue
                for target in of.children:
                    measure = WORDS.needed.get(target.lemma_.lower())
                    if target.dep_ == "pobj" and measure:
                        return measure, target
    return None


def _real_trigger(argument: Token, predicate: Token) -> Trigger | None:
    own = head_noun_measure(argument)
    agent = argument.dep_ == "nsubj" and predicate.lemma_.lower() not in SUBJECT_AFFECTED_VERBS
    measures = [] if agent and _acts_on_others(predicate) else shared_conjunct_measures(predicate)
    if measures:
        return Trigger(combined_measure(measures), predicate, predicate)
    reduced = predicate.tag_ == "VBN" and not any(
        c.dep_.startswith("aux") for c in predicate.children
    )
    if (
        argument.dep_ in PATIENT_ROLES
        or reduced  # "9,000 residents left homeless were moved": a reduced passive
        or any(child.dep_ in OPEN_CLAUSES for child in predicate.children)
    ):
        # "left 744 wounded", "caused 4 to disappear", "gathered to protest".
        outcome = _outcome_beside(predicate)
        if outcome:
            return Trigger(outcome[0], outcome[1], predicate)
    if predicate.pos_ == "ADJ" and predicate.lower_ in STATE_MEASURES:
        return Trigger(STATE_MEASURES[predicate.lower_], predicate, predicate)
    for child in predicate.children:
        if child.dep_ == "acomp" and child.lower_ in STATE_MEASURES:
            return Trigger(STATE_MEASURES[child.lower_], child, predicate)
    needed = _needed(predicate)
    if needed is not None:
        return Trigger(needed[0], needed[1], predicate)
    if own and argument.dep_ in PATIENTS and argument.lower_ in STATE_MEASURES:
        return Trigger(own, argument, predicate)  # "leaving 23 dead": the object is the state
    if predicate.lemma_.lower() in REVERSAL_VERBS:
        return None  # "200 prisoners escaped" are no longer prisoners
    if own and argument.dep_ in NOMINAL_ARGUMENTS:
        # The counted noun names the outcome ("14 dead", "60 protesters") and no verb does.
        return Trigger(own, argument, predicate)
    light = _light_verb_subject(predicate)
    if light and argument.dep_ != "nsubj":
        return Trigger(light[0], light[1], predicate)
    return None
