"""Counts of people made without a numeral: "no one was killed" (0), "a man was shot" (1),
"he and three others" (4); and groups whose members are counted together or apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from consilience.extract.figures.found import Found
from consilience.extract.figures.lexicon import (
    NEGATED_SUBJECTS,
    NOUN_MEASURES,
    SINGLE_PERSON_MEASURES,
    WORDS,
)
from consilience.extract.figures.modality import unreal
from consilience.extract.figures.numbers import NumberMention, find_numbers
from consilience.extract.figures.spans import claim_tokens, numbered, person_noun, single_person
from consilience.extract.figures.triggers import (
    Trigger,
    combined_measure,
    first_conjunct,
    measure_of_verb,
    shared_conjunct_measures,
)
from consilience.extract.syntax import (
    COORDINATION,
    LIST_CONTINUATIONS,
    NONFINITE_COMPLEMENTS,
    OTHER_MEMBER_PARTS,
    PARTICIPLE_MODIFIERS,
    SUBJECTS,
    TRAILING_PHRASES,
)
from consilience.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_ZERO = load_lexicon().numbers.zero_determiners  # "no" of "there were no injuries"
_ONE = frozenset(w for w, v in load_lexicon().numbers.cardinals.items() if v == 1)  # "one man"


def included_singles(doc: Doc, counted: Token, trigger: Trigger) -> list[Found]:
    """ "22 people, including a six-year-old girl": a single person named in the subset
    counts one, with the measure of the set."""
    singles: list[Found] = []
    verb = trigger.anchor  # "Seven people are killed, including an infant"
    after_verb = [c for c in verb.children if c.lower_ in WORDS.verb_subsets]
    for child in [*counted.children, *(after_verb if verb.i != counted.i else [])]:
        if child.dep_ != "prep" or child.lower_ not in WORDS.member_subsets:
            continue
        for target in child.children:
            if target.dep_ != "pobj":
                continue
            for member in [target, *[t for t in target.conjuncts if t.i != target.i]]:
                if single_person(member) and not numbered(member):
                    singles.append(
                        _implicit(doc, trigger.anchor, member, [member], trigger.measure)
                    )
    return singles


def group_singles(doc: Doc, counted: Token, trigger: Trigger) -> list[Found]:
    """ "Among the dead were a fisherman and five members of one family": the single person
    beside a counted member counts one, under the same measure."""
    first = first_conjunct(counted)
    members = [first, *[t for t in first.conjuncts if t.i != first.i]]
    return [
        _implicit(doc, trigger.anchor, member, [member], trigger.measure)
        for member in members
        if member.i != counted.i and single_person(member) and not numbered(member)
    ]


def summed_group(counted: Token) -> bool:
    """Coordinated people counted as one group: a list with a person named or pointed to
    ("he and three others", "a teacher, a policeman and a passer-by", "two women and one
    man", "a priest and two nuns"), or a family ("a woman and her two children"). A list
    whose members are all counted by numbers ("two soldiers and six militants") is a figure
    per member, and so is a list of things ("300 shops and offices")."""
    members = list_members(counted)
    if len(members) < 2 or not any(_single(member) for member in members):
        return False
    others = any(member.lemma_.lower() in WORDS.group_others for member in members)
    family = any(
        numbered(member) and any(c.dep_ == "poss" for c in member.children) for member in members
    )
    if others or family:
        return True
    # People listed as one verb's patient: "a priest and two nuns were murdered"; but
    # "among the dead were a shepherd and four members of one family" are counted apart.
    verb = members[0].head
    counted_by_verb = verb.pos_ == "VERB" and measure_of_verb(verb) is not None
    return counted_by_verb and all(_a_person(member) for member in members)


def list_members(counted: Token) -> list[Token]:
    """The members of the list `counted` is in, first to last: its conjuncts and the
    appositions the parser makes of list items ("a teacher, a policeman and ...")."""
    first = first_conjunct(counted)
    members = [first]
    for member in members:
        # An apposition to a plural names who was counted ("two journalists, A and B").
        named = member.tag_ == "NNS"
        members.extend(
            child
            for child in member.children
            if child.i > member.i
            and (
                child.dep_ == "conj"
                or (child.dep_ in COORDINATION and not named and _listed(child))
            )
        )
    return sorted(members, key=lambda member: member.i)


def _listed(apposition: Token) -> bool:
    """An apposition that is a list item ("a teacher, a policeman and a passer-by"), not a
    second name for the same person ("one officer, a lieutenant named Vesk")."""
    return _a_person(apposition) and any(
        child.dep_ in LIST_CONTINUATIONS for child in apposition.children
    )


def _single(member: Token) -> bool:
    """One person: named, pointed to, "a policeman", "one man", "a passer-by"."""
    if single_person(member) and not numbered(member):
        return True
    ones = [c for c in member.children if c.dep_ == "nummod" and c.lower_ in _ONE]
    if ones and member.tag_ == "NN" and _a_person(member):
        return True  # "one man"
    return member.tag_ != "NNS" and _hyphenated_person(member)


def _a_person(member: Token) -> bool:
    """A member that counts people: a single person or a plural noun for people."""
    if single_person(member) or _hyphenated_person(member):
        return True
    return member.pos_ == "NOUN" and person_noun(member.lemma_.lower())


def _hyphenated_person(member: Token) -> bool:
    """ "passer-by", which the parser splits with the person word as a compound."""
    return any(
        child.dep_ == "compound" and child.i < member.i and person_noun(child.lemma_.lower())
        for child in member.children
    ) and any(t.text == "-" for t in member.subtree)


def counts_without_numerals(doc: Doc, sentence: Span, used: set[int]) -> list[Found]:
    """Counts made without a numeral: "no one was killed" (0), "there were no injuries"
    (0), "a man was shot and killed" (1), "he and three others were shot" (4), and the
    "a civilian" of "two officers and a civilian were killed" (1, beside the 2)."""
    found: list[Found] = []
    for token in sentence:
        if token.pos_ == "NOUN" and token.lemma_.lower() in NOUN_MEASURES:
            if token.i not in used and any(
                child.dep_ == "det" and child.lower_ in _ZERO for child in token.children
            ):
                found.append(_zero(doc, token, token, NOUN_MEASURES[token.lemma_.lower()], token))
            continue
        measure = measure_of_verb(token) if token.pos_ == "VERB" else None
        patient = _patient(token) if measure else None
        if measure is None or patient is None or unreal(token) or _negated_verb(token):
            continue
        if token.tag_ == "VBG" and token.dep_ in NONFINITE_COMPLEMENTS:
            continue  # "talked about killing Rabin", "trying to impress her by killing": no count
        measure = _with_conjuncts(token, measure)
        if token.i not in used and _negated(patient):
            found.append(_zero(doc, token, patient, measure, token))
            continue
        members = list_members(patient)
        if token.i not in used and summed_group(patient):
            found.append(_implicit(doc, token, patient, members, measure))
        elif token.i in used or any(numbered(member) for member in members):
            # Numbered members are figures of their own; singles beside them count one each.
            for member in members:
                if single_person(member) and not numbered(member):
                    found.append(_implicit(doc, token, member, [member], measure))
        elif measure in SINGLE_PERSON_MEASURES and any(single_person(m) for m in members):
            found.append(_implicit(doc, token, patient, members, measure))
        used.add(token.i)
    return found


def _negated_verb(verb: Token) -> bool:
    """ "was not injured": no count of one; "no one was injured" is handled as zero."""
    return any(child.dep_ == "neg" for child in verb.children)


def _negated(patient: Token) -> bool:
    if patient.lower_ in NEGATED_SUBJECTS:
        return True
    return any(c.dep_ == "det" and c.lower_ in _ZERO for c in patient.children)


def _member_count(doc: Doc, member: Token) -> float:
    numbers = [child for child in member.children if child.like_num and child.dep_ == "nummod"]
    if numbers:
        mentions = find_numbers(doc, numbers[0].i, numbers[0].i + 1)
        return mentions[0].value if mentions and mentions[0].value is not None else 0
    if member.like_num:
        mentions = find_numbers(doc, member.i, member.i + 1)
        return mentions[0].value if mentions and mentions[0].value is not None else 0
    return 1 if single_person(member) or _single(member) else 0


def _implicit(doc: Doc, verb: Token, head: Token, members: list[Token], measure: str) -> Found:
    """One figure for a group of members, summed; its number text is the phrase itself."""
    total = float(sum(_member_count(doc, member) for member in members))
    if len(members) == 1:
        phrase = [t.i for t in head.subtree if not _other_clause(t, head)]
    else:
        phrase = [t.i for m in members for t in m.subtree if not _other_clause(t, m)]
    # The phrase ends with its last member: "a farmer and his son near the village", "a
    # police officer shot dead outside his home".
    last_member = max(member.i for member in members)
    trailing = [
        c for m in members for c in m.children if c.i > last_member and c.dep_ in TRAILING_PHRASES
    ]
    if trailing:
        phrase = [i for i in phrase if i < min(c.left_edge.i for c in trailing)] or [head.i]
    number_first, number_last = min(phrase), max(phrase)
    mention = NumberMention(number_first, number_last, head.i, total, total, total, "exact")
    first, last = claim_tokens(doc, verb, head, mention)
    text = doc[number_first : number_last + 1].text
    return Found(
        first, last, number_first, number_last, total, total, total, "exact", measure, text,
        False, verb, True, verb,
    )  # fmt: skip


def _other_clause(token: Token, head: Token) -> bool:
    """Tokens of a relative clause or of another conjunct inside a member's subtree."""
    node = token
    while node.i != head.i:
        if node.dep_ in OTHER_MEMBER_PARTS or (node.dep_ == "punct" and node.head.i == head.i):
            return True
        node = node.head
    return False


def _with_conjuncts(verb: Token, measure: str) -> str:
    """ "Shot and killed": the stronger outcome of verbs sharing one patient."""
    measures = shared_conjunct_measures(verb)
    return combined_measure(measures) if measures else measure


def _patient(verb: Token) -> Token | None:
    """Who or what the outcome happened to: the passive subject, the object, or, for verbs
    like "die" and "disappear", the subject."""
    children = list(verb.children)
    if verb.lemma_.lower() in WORDS.subject_patient_verbs:
        # Their subject is who it befell; an object is a place ("fled Grisk").
        for child in children:
            if child.dep_ in SUBJECTS:
                return child
        return None
    for dep in ("nsubjpass", "dobj"):
        for child in children:
            if child.dep_ == dep:
                return child
    if verb.dep_ in PARTICIPLE_MODIFIERS and verb.head.pos_ in ("NOUN", "PRON", "PROPN"):
        return verb.head
    return None


def _zero(doc: Doc, anchor: Token, patient: Token, measure: str, trigger: Token) -> Found:
    phrase = [t.i for t in patient.subtree] if patient.i != anchor.i else [patient.i]
    if patient.i == anchor.i:
        dets = [child.i for child in patient.children if child.dep_ == "det"]
        phrase = dets + [patient.i]
    number_first, number_last = min(phrase), max(phrase)
    mention = NumberMention(number_first, number_last, patient.i, 0, 0, 0, "exact")
    first, last = claim_tokens(doc, anchor, patient, mention)
    return Found(
        first,
        last,
        number_first,
        number_last,
        0,
        0,
        0,
        "exact",
        measure,
        None,
        False,
        trigger,
        False,
        anchor,
    )
