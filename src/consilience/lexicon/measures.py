"""What a count measures, what makes a number no count, and the words read around a count
(`resources/<lang>/measures.toml`; its header says what each table means)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from consilience.lexicon.files import read_toml, words


@dataclass(frozen=True)
class SingularRule:
    """A plural ending and what replaces it: "ies" -> "y" for words longer than 4."""

    ending: str
    becomes: str
    longer_than: int = 0
    exceptions: frozenset[str] = frozenset()  # whole words the rule leaves alone
    except_endings: tuple[str, ...] = ()  # endings the rule leaves alone ("ss" of "-s")

    def applies(self, word: str) -> bool:
        return (
            word.endswith(self.ending)
            and len(word) > self.longer_than
            and word not in self.exceptions
            and not word.endswith(self.except_endings)
        )


@dataclass(frozen=True)
class MeasureWords:
    measures: tuple[str, ...]  # the schema's measure names, in schema order
    verbs: dict[str, str]  # "kill" -> "killed": a verb's patient is counted
    nouns: dict[str, str]  # "death" -> "killed": a noun naming the event counted
    head_nouns: dict[str, str]  # "victim" -> "killed": the counted noun names it
    states: dict[str, str]  # "missing" -> "missing": an outcome word
    verb_objects: dict[tuple[str, str], str]  # ("claim", "life") -> "killed"
    verb_prepositions: dict[str, tuple[str, str]]  # "treat" -> ("for", "wounded")
    qualified_verbs: dict[str, str]  # "recognise" -> "as": counts only with that word
    object_nouns: dict[str, tuple[frozenset[str], str]]  # "life" -> ({"claim", ...}, "killed")
    deploying_verbs: frozenset[str]  # "send"
    deployable_nouns: frozenset[str]  # "soldier"
    reversal_verbs: frozenset[str]  # "escape": undoes a status
    fatal_adverbs: frozenset[str]  # "fatally"
    fatal_complements: frozenset[str]  # "dead" of "shot dead"
    means_verbs: frozenset[str]  # "shoot": how, not what happened
    light_verbs: frozenset[str]  # "rise": its subject names the measure
    change_verbs: frozenset[str]  # "rise": "from 12 to 34" is a change, not a range
    exceed_verbs: frozenset[str]  # "top": its object is a lower bound
    approach_verbs: frozenset[str]  # "near": its object is nearly reached
    estimate_verbs: frozenset[str]  # "estimate": a number after it restates a total
    light_totals: frozenset[str]  # "toll" as a light verb's subject
    running_totals: frozenset[str]  # "total" restated by a number after to/from/at
    counted_totals: frozenset[str]  # "crowd": the total is what is counted
    shaped_totals: frozenset[str]  # "toll" of "stands at 88": a count, not a date
    compound_totals: frozenset[str]  # "toll" of "a death toll of 34"
    subject_affected_verbs: frozenset[str]  # "die": its subject is who it befell
    subject_patient_verbs: frozenset[str]  # "flee": only its subject is counted
    irrealis_auxiliaries: frozenset[str]  # "could"
    infinitive: str  # "to"
    real_after: frozenset[str]  # "continue": "continued to flee" happened
    member_subsets: frozenset[str]  # "including": a single person in a set counts one
    noun_subsets: frozenset[str]  # "including" after the set's noun
    verb_subsets: frozenset[str]  # "including" after the set's verb
    argument_prepositions: frozenset[str]  # "of": "the deaths of 150"
    partitive_prepositions: frozenset[str]  # "of", "among": "six of the deaths"
    running_prepositions: frozenset[str]  # "to": "bringing the total to 87"
    total_at_prepositions: frozenset[str]  # "at": "the toll stands at 88"
    running_shifts: frozenset[str]  # "up" of "up from 41"
    estimate_nouns: frozenset[str]  # "estimate" of "from an earlier estimate of 25"
    group_others: frozenset[str]  # "other" of "he and three others"
    said_before: frozenset[str]  # "more" of "20 more": the subject was said before
    pronoun_numbers: frozenset[str]  # "one" of "no one"
    reciprocals: frozenset[str]  # "another" of "one another"
    pronoun_determiners: frozenset[str]  # "the" of "the one who"
    unit_nouns: frozenset[str]  # "year", "km": a measurement, not a count
    identifier_nouns: frozenset[str]  # "article" of "Article 1"
    age_words: frozenset[str]  # "aged" of "aged 12"
    locative_prepositions: frozenset[str]  # "in" of "in Arlo"
    place_nouns: frozenset[str]  # "town" of "the town of Arlo"
    according_to: tuple[str, str]  # ("according", "to")
    attribution_adverbs: frozenset[str]  # "officially"
    subject_classes: dict[str, str]  # "civilian" -> "people", "soldier" -> "combatants"
    generic_heads: frozenset[str]  # "people", "victim": nothing beyond "people"
    head_end: tuple[str, ...]  # "including": ends a subject's head phrase
    revision: tuple[str, ...]  # "rose", "up from": a figure revising an earlier one
    irregular_plurals: dict[str, str]  # "children" -> "child"
    singular_rules: tuple[SingularRule, ...]  # in order; the first that applies wins
    demonym_endings: tuple[str, ...]  # "an" of "Ardavians"
    predicative_partitives: frozenset[str]  # "among" of "nine were among the dead"
    bearing_prepositions: frozenset[str]  # "with" of "31 people with injuries"
    borne_nouns: dict[str, str]  # "injury" -> "wounded"
    need_nouns: frozenset[str]  # "need" of "in need of accommodation"
    needed: dict[str, str]  # "accommodation" -> "displaced"
    munition_nouns: frozenset[str]  # "bomb", "drone"
    munition_verbs: frozenset[str]  # "drop", "intercept"
    vehicle_nouns: frozenset[str]  # "aircraft": destroyed or damaged, never killed
    past_endings: tuple[str, ...]  # "ed" of "killed"
    other_verb_endings: tuple[str, ...]  # "s", "ing": forms that are no past participle
    projection_modals: frozenset[str]  # "could" of "could rise to 500"
    expecting_words: frozenset[str]  # "expect" of "is expected to reach 2,000"

    def singular(self, word: str) -> str:
        """A crude singular, enough to compare and look up head nouns: the irregular form,
        else the first plural ending that applies ("gunmen", "injuries", "buses")."""
        if word in self.irregular_plurals:
            return self.irregular_plurals[word]
        for rule in self.singular_rules:
            if rule.applies(word):
                return word[: len(word) - len(rule.ending)] + rule.becomes
        return word


def _roles(table: dict[str, Any], role: str) -> frozenset[str]:
    """The words of a table of `word = [roles]` that play `role`."""
    return frozenset(word.lower() for word, roles in table.items() if role in roles)


def _singular_rule(entry: dict[str, Any]) -> SingularRule:
    return SingularRule(
        ending=str(entry["ending"]),
        becomes=str(entry["becomes"]),
        longer_than=int(entry.get("longer_than", 0)),
        exceptions=frozenset(str(w) for w in entry.get("except", [])),
        except_endings=tuple(str(e) for e in entry.get("except_endings", [])),
    )


def load_measures(folder: Traversable) -> MeasureWords:
    table = read_toml(folder, "measures.toml")
    totals, total_verbs = table["totals"], table["total_verbs"]
    subject_verbs, subsets = table["subject_verbs"], table["subsets"]
    prepositions, others = table["prepositions"], table["others"]
    classes: dict[str, str] = {}
    for name, members in table["subject_classes"].items():
        for word in members:
            classes[str(word)] = str(name)  # a word listed twice takes the later class
    according = [str(word) for word in table["attribution"]["according_to"]]
    return MeasureWords(
        measures=tuple(str(name) for name in table["measures"]["names"]),
        verbs={str(w): str(m) for w, m in table["verbs"].items()},
        nouns={str(w): str(m) for w, m in table["nouns"].items()},
        head_nouns={str(w): str(m) for w, m in table["head_nouns"].items()},
        states={str(w): str(m) for w, m in table["states"].items()},
        verb_objects={
            (pair.split()[0], pair.split()[1]): str(m) for pair, m in table["verb_objects"].items()
        },
        verb_prepositions={
            str(verb): (str(entry["preposition"]), str(entry["measure"]))
            for verb, entry in table["verb_prepositions"].items()
        },
        qualified_verbs={str(v): str(w) for v, w in table["qualified_verbs"].items()},
        object_nouns={
            str(noun): (frozenset(str(v) for v in entry["verbs"]), str(entry["measure"]))
            for noun, entry in table["object_nouns"].items()
        },
        deploying_verbs=words(table["deploying"], "verbs"),
        deployable_nouns=words(table["deploying"], "nouns"),
        reversal_verbs=words(table["reversal"], "verbs"),
        fatal_adverbs=words(table["fatal"], "adverbs"),
        fatal_complements=words(table["fatal"], "complements"),
        means_verbs=words(table["means"], "verbs"),
        light_verbs=_roles(total_verbs, "light"),
        change_verbs=_roles(total_verbs, "change"),
        exceed_verbs=_roles(total_verbs, "exceed"),
        approach_verbs=_roles(total_verbs, "approach"),
        estimate_verbs=_roles(total_verbs, "estimate"),
        light_totals=_roles(totals, "light"),
        running_totals=_roles(totals, "running"),
        counted_totals=_roles(totals, "counted"),
        shaped_totals=_roles(totals, "shaped"),
        compound_totals=_roles(totals, "compound"),
        subject_affected_verbs=_roles(subject_verbs, "affected"),
        subject_patient_verbs=_roles(subject_verbs, "patient"),
        irrealis_auxiliaries=_roles(table["modals"], "irrealis"),
        infinitive=str(table["irrealis"]["infinitive"]),
        real_after=words(table["irrealis"], "real_after"),
        member_subsets=_roles(subsets, "members"),
        noun_subsets=_roles(subsets, "noun"),
        verb_subsets=_roles(subsets, "verb"),
        argument_prepositions=_roles(prepositions, "argument"),
        partitive_prepositions=_roles(prepositions, "partitive"),
        running_prepositions=_roles(prepositions, "running"),
        total_at_prepositions=_roles(prepositions, "total_at"),
        running_shifts=words(table["running"], "shifts"),
        estimate_nouns=words(table["running"], "estimate_nouns"),
        group_others=_roles(others, "group"),
        said_before=_roles(others, "said_before"),
        pronoun_numbers=words(table["pronoun_numbers"], "words"),
        reciprocals=words(table["pronoun_numbers"], "reciprocal"),
        pronoun_determiners=words(table["pronoun_numbers"], "determiners"),
        unit_nouns=words(table["units"], "nouns"),
        identifier_nouns=words(table["identifiers"], "nouns"),
        age_words=words(table["identifiers"], "ages"),
        locative_prepositions=words(table["places"], "locative"),
        place_nouns=words(table["places"], "nouns"),
        according_to=(according[0], according[1]),
        attribution_adverbs=words(table["attribution"], "adverbs"),
        subject_classes=classes,
        generic_heads=words(table["generic_heads"], "words"),
        head_end=tuple(str(word) for word in table["head_end"]["words"]),
        revision=tuple(str(word) for word in table["revision"]["words"]),
        irregular_plurals={str(p): str(s) for p, s in table["singular"]["irregular"].items()},
        singular_rules=tuple(_singular_rule(rule) for rule in table["singular"]["rules"]),
        demonym_endings=tuple(str(ending) for ending in table["demonyms"]["endings"]),
        predicative_partitives=_roles(prepositions, "predicative"),
        bearing_prepositions=words(table["bearing"], "prepositions"),
        borne_nouns={str(w): str(m) for w, m in table["bearing"]["nouns"].items()},
        need_nouns=words(table["needs"], "nouns"),
        needed={str(w): str(m) for w, m in table["needs"]["needed"].items()},
        munition_nouns=words(table["munitions"], "nouns"),
        munition_verbs=words(table["munitions"], "verbs"),
        vehicle_nouns=words(table["vehicles"], "nouns"),
        past_endings=tuple(str(e) for e in table["participles"]["past_endings"]),
        other_verb_endings=tuple(str(e) for e in table["participles"]["other_endings"]),
        projection_modals=_roles(table["modals"], "projection"),
        expecting_words=words(table["projection"], "expecting"),
    )
