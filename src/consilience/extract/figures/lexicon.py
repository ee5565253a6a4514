"""Words that signal what a count measures, and words that mark a number as no count.

Each entry is a lemma, matched on the dependency parse (see triggers.py). The vocabulary
of measures is documented in docs/figures.md.
"""

from __future__ import annotations

from typing import Any

MEASURES = (
    "killed", "wounded", "arrested", "detained", "missing", "kidnapped", "displaced",
    "evacuated", "imprisoned", "deployed", "destroyed", "damaged", "protesters",
    "recognised", "other",
)  # fmt: skip

# Verbs (by lemma) whose patient is counted.
VERB_MEASURES = {
    "kill": "killed", "die": "killed", "murder": "killed", "slay": "killed",
    "massacre": "killed", "execute": "killed", "perish": "killed", "drown": "killed",
    "slaughter": "killed", "behead": "killed", "assassinate": "killed", "strangle": "killed",
    "suffocate": "killed", "lynch": "killed",
    "wound": "wounded", "injure": "wounded", "hurt": "wounded", "maim": "wounded",
    "arrest": "arrested", "detain": "detained", "disappear": "missing",
    "kidnap": "kidnapped", "abduct": "kidnapped", "displace": "displaced",
    "deport": "displaced", "expel": "displaced", "flee": "displaced", "uproot": "displaced",
    "evacuate": "evacuated", "imprison": "imprisoned", "jail": "imprisoned",
    "incarcerate": "imprisoned", "deploy": "deployed", "station": "deployed",
    "destroy": "destroyed", "demolish": "destroyed", "raze": "destroyed", "level": "destroyed",
    "flatten": "destroyed",
    "damage": "damaged", "shell": "damaged", "flood": "damaged", "loot": "damaged",
    "protest": "protesters", "demonstrate": "protesters", "rally": "protesters",
    "march": "protesters", "recognise": "recognised", "recognize": "recognised",
    "shoot": "wounded", "stab": "wounded", "hospitalise": "wounded", "hospitalize": "wounded",
    "torch": "destroyed", "sentence": "imprisoned", "rescue": "other", "trap": "other",
    "strand": "other", "charge": "other",
}  # fmt: skip
# Nouns (by lemma) that name the event a count belongs to: "the deaths of 150".
NOUN_MEASURES = {
    "death": "killed", "killing": "killed", "murder": "killed", "massacre": "killed",
    "fatality": "killed", "toll": "killed", "execution": "killed",
    "wounding": "wounded", "injury": "wounded", "arrest": "arrested",
    "detention": "detained", "disappearance": "missing", "kidnapping": "kidnapped",
    "abduction": "kidnapped", "displacement": "displaced", "deportation": "displaced",
    "expulsion": "displaced", "evacuation": "evacuated", "imprisonment": "imprisoned",
    "deployment": "deployed", "destruction": "destroyed", "demolition": "destroyed",
    "damage": "damaged", "shelling": "damaged", "casualty": "other", "crowd": "protesters",
    "remains": "killed", "body": "killed",
    "turnout": "protesters",
}  # fmt: skip
# Nouns for the counted things themselves: "150 victims", "34 dead", "60 protesters".
HEAD_NOUN_MEASURES = {
    "dead": "killed", "fatality": "killed", "death": "killed", "body": "killed",
    "corpse": "killed", "injured": "wounded", "wounded": "wounded", "casualty": "other",
    "protester": "protesters", "protestor": "protesters", "demonstrator": "protesters",
    "marcher": "protesters", "refugee": "displaced", "evacuee": "evacuated",
    "detainee": "detained", "prisoner": "imprisoned", "hostage": "kidnapped",
    "missing": "missing", "arrest": "arrested", "deportee": "displaced",
}  # fmt: skip
# Adjectives and participles that state the outcome: "left 744 wounded", "6 are missing".
STATE_MEASURES = {
    "dead": "killed", "wounded": "wounded", "injured": "wounded", "hurt": "wounded",
    "missing": "missing", "homeless": "displaced", "unaccounted": "missing",
    "imprisoned": "imprisoned", "detained": "detained",
}  # fmt: skip
# Idioms: verb lemma + its object's lemma.
VERB_OBJECT_MEASURES = {
    ("claim", "life"): "killed", ("lose", "life"): "killed", ("take", "life"): "killed",
    ("go", "missing"): "missing", ("take", "street"): "protesters",
    ("take", "prisoner"): "imprisoned",
    ("send", "prison"): "imprisoned", ("put", "prison"): "imprisoned",
    ("bring", "city"): "deployed",
    ("head", "street"): "protesters", ("burn", "down"): "destroyed",
    ("set", "fire"): "destroyed", ("treat", "injury"): "wounded", ("treat", "wound"): "wounded",
    ("treat", "burn"): "wounded", ("admit", "hospital"): "wounded",
    ("remain", "prison"): "imprisoned", ("remain", "jail"): "imprisoned",
    ("remain", "custody"): "detained", ("hold", "custody"): "detained",
    ("fear", "dead"): "killed",
    ("suffer", "injury"): "wounded", ("suffer", "wound"): "wounded", ("suffer", "burn"): "wounded",
    ("receive", "treatment"): "wounded", ("need", "treatment"): "wounded",
    ("hold", "confinement"): "detained", ("hold", "detention"): "detained",
    ("place", "detention"): "detained",
    ("drive", "home"): "displaced", ("force", "home"): "displaced", ("flee", "home"): "displaced",
    ("remain", "shelter"): "displaced", ("stay", "shelter"): "displaced",
    ("shelter", "camp"): "displaced", ("live", "camp"): "displaced",
    ("make", "homeless"): "displaced", ("render", "homeless"): "displaced",
    ("take", "part"): "protesters", ("take", "hostage"): "kidnapped",
    ("hold", "hostage"): "kidnapped", ("take", "hospital"): "wounded",
    ("rush", "hospital"): "wounded",
    ("escape", "fighting"): "displaced", ("escape", "violence"): "displaced",
    ("escape", "war"): "displaced", ("escape", "conflict"): "displaced",
    ("beat", "death"): "killed", ("stab", "death"): "killed", ("burn", "death"): "killed",
    ("crush", "death"): "killed", ("trample", "death"): "killed", ("hack", "death"): "killed",
    ("shoot", "death"): "killed", ("starve", "death"): "killed", ("freeze", "death"): "killed",
}  # fmt: skip
# Who is sent, dispatched or moved when troops are deployed: "sent 600 soldiers".
DEPLOYABLE_NOUNS = frozenset({
    "troop", "soldier", "police", "policeman", "officer", "reservist", "personnel",
    "reinforcement", "guard", "marine", "paratrooper", "peacekeeper", "force", "commando",
    "gendarme", "sailor", "warship", "tank", "aircraft", "jet",
})  # fmt: skip
DEPLOYING_VERBS = frozenset({"send", "dispatch", "move", "mobilise", "mobilize", "rush", "fly"})
# Verbs that undo a status: "200 prisoners escaped" are no longer imprisoned.
REVERSAL_VERBS = frozenset({
    "escape", "release", "free", "return", "exchange", "pardon", "flee", "leave", "rescue",
})  # fmt: skip
# Adverbs that turn an injury into a death: "fatally wounded", "mortally injured".
FATAL_ADVERBS = frozenset({"fatally", "mortally"})
# Light verbs whose subject names the measure: "the toll rose to 34", "the dead included 5".
LIGHT_VERBS = frozenset({
    "rise", "climb", "reach", "stand", "be", "include", "number", "total", "hit", "exceed",
    "increase", "grow", "jump", "soar", "surpass", "top", "remain", "pass", "near",
})  # fmt: skip
# Verbs that say how harm was done rather than its outcome: "shot and killed" is killed.
MEANS_VERBS = frozenset({"shoot", "stab", "shell", "attack", "strike", "hit", "bomb", "beat"})

# Counted nouns that make a number no count of people or things.
UNIT_NOUNS = frozenset({
    "year", "month", "week", "day", "hour", "minute", "second", "decade", "century",
    "percent", "per", "cent", "%", "km", "kilometre", "kilometer", "mile", "metre", "meter",
    "foot", "feet", "inch", "kg", "kilogram", "ton", "tonne", "pound", "litre", "liter",
    "degree", "dollar", "euro", "manat", "ruble", "rouble", "crown", "yen", "yuan",
    "lira", "rupee", "point", "time", "acre", "hectare", "square", "storey", "story", "floor",
})  # fmt: skip
# Nouns before a number that make it an identifier: "Article 1", "Resolution 822".
IDENTIFIER_NOUNS = frozenset({
    "article", "resolution", "decree", "section", "paragraph", "chapter", "clause", "item",
    "no", "no.", "number", "page", "flight", "route", "highway", "road", "room", "unit",
    "law", "protocol", "covenant", "bill", "act", "code", "case", "part", "volume", "vol",
    "platform", "gate", "ward", "block", "building", "district", "zone", "sector", "phase",
    "level", "grade", "class", "group", "team", "order", "point", "rule", "annex", "appendix",
})  # fmt: skip
# Named-entity types of spans that hold no counts.
NON_COUNT_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})
# Singular nouns for a person, so "a man was killed" counts one.
PERSON_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "child", "baby", "infant", "toddler", "teenager", "teen",
    "youth", "person", "individual", "resident", "civilian", "citizen", "officer", "policeman",
    "policewoman", "soldier", "guard", "driver", "passenger", "pedestrian", "cyclist",
    "worker", "student", "pupil", "teacher", "doctor", "nurse", "journalist", "reporter",
    "photographer", "protester", "demonstrator", "bystander", "victim", "father", "mother",
    "son", "daughter", "brother", "sister", "husband", "wife", "farmer", "fisherman",
    "miner", "firefighter", "paramedic", "shopkeeper", "villager", "tourist", "visitor",
    "suspect", "gunman", "attacker", "assailant", "inmate", "prisoner", "patient", "player",
    "pilot", "sailor", "migrant", "refugee", "priest", "imam", "official", "employee",
    "minister", "mayor", "politician", "activist", "leader", "commander", "trooper", "lawyer",
    "judge", "neighbour", "neighbor", "friend", "relative", "customer", "owner", "member",
    "volunteer", "rescuer", "hiker", "climber", "swimmer", "motorist", "elder", "grandmother",
    "grandfather", "veteran", "militant", "fighter", "sergeant", "captain", "lieutenant",
    "constable", "deputy", "agent", "security", "staffer", "colleague", "cousin", "uncle", "aunt",
    "shepherd", "herder", "monk", "nun", "bishop", "chief", "pensioner",
    "schoolgirl", "schoolboy", "newborn", "adolescent", "guest", "diplomat", "ambassador",
})  # fmt: skip
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
NEGATED_SUBJECTS = frozenset({"nobody", "none", "no-one"})

# Verbs whose subject is the one the outcome befalls ("12 people died", "3,000 fled",
# "hundreds protested"). For every other verb an active subject is the agent: in "three
# gunmen killed 12 people" the gunmen are not counted as killed.
SUBJECT_AFFECTED_VERBS = frozenset({
    "die", "perish", "drown", "disappear", "flee", "go", "protest", "demonstrate", "rally",
    "march", "gather", "remain", "lose", "take", "head", "fear", "evacuate", "stay",
})  # fmt: skip
# Auxiliaries that make a clause unreal: "could kill", "would be displaced".
IRREALIS_AUXILIARIES = frozenset({"could", "might", "may", "should", "must"})
# Measures that a single named or pointed-to person can be counted under.
SINGLE_PERSON_MEASURES = frozenset({
    "killed", "wounded", "missing", "kidnapped", "arrested", "detained", "imprisoned",
    "displaced", "evacuated",
})  # fmt: skip


def head_noun_measure(token: Any) -> str | None:
    """The measure a counted noun names itself ("34 dead", "60 protesters"), by lemma or as
    written ("the injured" is lemmatised as a verb)."""
    return HEAD_NOUN_MEASURES.get(token.lemma_.lower()) or HEAD_NOUN_MEASURES.get(token.lower_)


def noun_measure(token: Any) -> str | None:
    """The measure a noun names, as an event ("the deaths of") or as who was counted."""
    return (
        NOUN_MEASURES.get(token.lemma_.lower())
        or NOUN_MEASURES.get(token.lower_)
        or head_noun_measure(token)
    )
