"""Figures: every count a source states, with what it counts, how sure, and where it is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from consilience.extract.claims import FigureClaim, claim_id
from consilience.extract.figures.lexicon import (
    HEAD_NOUN_MEASURES,
    IDENTIFIER_NOUNS,
    NEGATED_SUBJECTS,
    NON_COUNT_ENTITIES,
    NOUN_MEASURES,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    SINGLE_PERSON_MEASURES,
    UNIT_NOUNS,
)
from consilience.extract.figures.numbers import NumberMention, find_numbers, interval
from consilience.extract.figures.scope import ScopeTracker, TimeLike, attribution
from consilience.extract.figures.triggers import (
    Trigger,
    combined_measure,
    find_trigger,
    first_conjunct,
    measure_of_verb,
    shared_conjunct_measures,
    unreal,
)
from consilience.extract.nlp import trim_tokens

__all__ = ["find_figures"]

# Endings of nouns for people who do or are something; used only for a patient of harm.
PERSON_SUFFIXES = (
    "worker",
    "ist",
    "ician",
    "man",
    "woman",
    "keeper",
    "holder",
    "seller",
    "dealer",
    "driver",
    "fighter",
    "goer",
    "rider",
    "herd",
)
# Children of a predicate that belong to another clause, not to the one stating the figure.
_OTHER_CLAUSE = frozenset(
    {"conj", "cc", "punct", "advcl", "parataxis", "mark", "ccomp", "relcl", "preconj"}
)
# Children left of the predicate that are part of its clause ("147 people were brutally killed").
_LEFT_KEEP = frozenset(
    {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "expl", "csubj", "csubjpass"}
)


@dataclass
class _Found:
    """A figure before it gets its id: token positions in the parse of one chunk."""

    first: int  # claim tokens [first, last]
    last: int
    number_first: int
    number_last: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    measure: str
    subject: str | None
    subject_inherited: bool
    trigger: Any
    implicit: bool
    anchor: Any


def find_figures(
    doc_id: str, text: str, parsed: list[tuple[int, Any]], dates: Sequence[TimeLike] = ()
) -> list[FigureClaim]:
    """All figure claims of one document, in text order; `dates` (the temporal tagger's
    claims) give each figure its time."""
    figures: list[FigureClaim] = []
    tracker = ScopeTracker(dates)
    previous_subject: str | None = None
    for offset, doc in parsed:
        for sentence in doc.sents:
            found = _sentence_figures(doc, sentence, previous_subject)
            for item in found:
                if item.subject and not item.subject_inherited:
                    previous_subject = item.subject
                scope = tracker.scope_for(sentence, offset, item.first, item.last)
                start = offset + doc[item.first].idx
                end = offset + doc[item.last].idx + len(doc[item.last].text)
                number_start = offset + doc[item.number_first].idx
                number_end = offset + doc[item.number_last].idx + len(doc[item.number_last].text)
                figures.append(
                    FigureClaim(
                        id=claim_id(doc_id, "figures", len(figures)),
                        doc=doc_id,
                        start=start,
                        end=end,
                        text=text[start:end],
                        number_text=text[number_start:number_end],
                        number_start=number_start,
                        number_end=number_end,
                        value=_plain(item.value),
                        low=_plain(item.low),
                        high=_plain(item.high),
                        qualifier=item.qualifier,
                        measure=item.measure,
                        subject=item.subject,
                        subject_inherited=item.subject_inherited,
                        trigger=item.trigger.text if item.trigger is not None else None,
                        implicit=item.implicit,
                        place=scope.place,
                        place_inherited=scope.place_inherited,
                        time=scope.time,
                        time_inherited=scope.time_inherited,
                        attribution=attribution(sentence, item.anchor),
                    )
                )
            tracker.read(sentence, offset)
    return figures


def _plain(number: float | None) -> float | None:
    """Whole numbers as int, so JSON shows 147, not 147.0."""
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def _sentence_figures(doc: Any, sentence: Any, previous_subject: str | None) -> list[_Found]:
    found: list[_Found] = []
    used_triggers: set[int] = set()
    for mention in find_numbers(doc, sentence.start, sentence.end):
        if _not_a_count(doc, mention):
            continue
        counted, subject_node = _counted(doc, mention)
        if _summed_group(counted):
            continue
        trigger = _partitive_trigger(doc, mention) or find_trigger(counted)
        if trigger is None:
            trigger = _running_total(doc, counted, found[-1] if found else None)
        if trigger is None and found:
            trigger = _list_continuation(doc, counted, found[-1])
        mention = _exceeded(mention, counted)
        if trigger is None:
            continue
        if counted.lemma_.lower() in UNIT_NOUNS:
            continue
        subject = (
            _subject_text(doc, subject_node, mention, trigger) if subject_node is not None else None
        )
        inherited = subject is None
        if inherited:
            subject = found[-1].subject if found else previous_subject
        first, last = _claim_tokens(doc, trigger.anchor, counted, mention)
        used_triggers.add(trigger.word.i)
        used_triggers.add(trigger.anchor.i)
        found.append(
            _Found(
                first, last, mention.first, mention.last, mention.value, mention.low, mention.high,
                mention.qualifier, trigger.measure, subject, inherited, trigger.word, False,
                trigger.anchor,
            )
        )  # fmt: skip
        found.extend(_included_singles(doc, counted, trigger))
    found.extend(_counts_without_numerals(doc, sentence, used_triggers))
    found.sort(key=lambda item: (item.number_first, item.first))
    return found


def _running_total(doc: Any, counted: Any, previous: _Found | None) -> Trigger | None:
    """A number after to/from/at that restates a total: "bringing the total to 87",
    "raising the number of dead to 19", "up from 41", "from an earlier estimate of 25". Its
    measure comes from the total's own words (death toll, number of dead), else from the
    figure before it in the sentence."""
    if counted.dep_ != "pobj" or counted.head.lower_ not in ("to", "from", "at", "of", "between"):
        return None
    governor = counted.head.head
    inherited = Trigger(previous.measure, previous.trigger, governor) if previous else None
    if governor.pos_ == "NOUN" and governor.lemma_.lower() == "estimate":
        return inherited  # "from an earlier estimate of 25"
    shifted = governor.lower_ in ("up", "down")  # "up from 41", "revised ... down to 17"
    if shifted:
        governor = governor.head
    if governor.pos_ not in ("VERB", "AUX"):
        return inherited if shifted else None
    if governor.lemma_.lower() in ("estimate", "put", "place") and not any(
        c.dep_ == "dobj" for c in governor.children
    ):
        return inherited  # "historians estimate between 450 and 600"
    for total in governor.children:
        if total.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            continue
        word = total.lemma_.lower()
        if word not in ("total", "toll", "number", "tally", "count", "figure", "crowd", "turnout"):
            continue
        if word in ("crowd", "turnout"):
            return Trigger("protesters", total, governor)
        for child in total.subtree:
            # "the death toll", "the number of dead", "the number of people killed"
            measure = (
                NOUN_MEASURES.get(child.lemma_.lower())
                or HEAD_NOUN_MEASURES.get(child.lower_)
                or (measure_of_verb(child) if child.pos_ == "VERB" else None)
            )
            if measure and child.i != total.i:
                return Trigger(measure, child, governor)
        if word == "toll":
            return Trigger("killed", total, governor)
        if previous is not None:
            return Trigger(previous.measure, previous.trigger, governor)
    return inherited if shifted else None


def _exceeded(mention: NumberMention, counted: Any) -> NumberMention:
    """ "The toll tops 500": a verb of exceeding makes an exact number a lower bound."""
    if mention.qualifier != "exact" or mention.value is None:
        return mention
    if counted.dep_ == "dobj" and counted.head.lemma_.lower() in (
        "top",
        "exceed",
        "surpass",
        "pass",
    ):
        low, high = interval(mention.value, "more_than")
        return NumberMention(
            mention.first, mention.last, mention.head, mention.value, low, high, "more_than"
        )
    return mention


def _list_continuation(doc: Any, counted: Any, previous: _Found) -> Trigger | None:
    """A list item with no trigger of its own continues the item before it: in "the
    destruction of 200 houses, 80 vehicles", 80 is destroyed too. Only for an item that
    directly follows the previous figure, separated by a comma or a conjunction. A bare
    number there is a gapped clause ("12 were found in the town, 9 near the bridge and 6
    upstream") whatever the parser made of it."""
    bare = counted.like_num and counted.pos_ == "NUM"
    if counted.dep_ not in ("appos", "conj") and not bare:
        return None
    if counted.dep_ in ("nsubj", "nsubjpass") and counted.head.pos_ == "VERB":
        return None  # "two were strangled": a verb of its own, which names no measure we know
    first = counted.i if bare else min(t.i for t in counted.subtree)
    between = doc[previous.last + 1 : first]
    if (
        first <= previous.last
        or len(between) > 2
        or not all(t.is_punct or t.dep_ == "cc" for t in between)
    ):
        return None
    return Trigger(previous.measure, previous.trigger, counted)


def _not_a_count(doc: Any, mention: NumberMention) -> bool:
    """Dates, times, money, percentages, ordinals, identifiers, ages, durations, units."""
    tokens = doc[mention.first : mention.last + 1]
    numbers = [t for t in tokens if t.i >= mention.first and (t.like_num or t.pos_ == "NUM")]
    if any(t.ent_type_ in NON_COUNT_ENTITIES for t in numbers) and not _count_shaped(doc, mention):
        return True
    head = doc[mention.head]
    if head.lower_ == "one" and (head.pos_ != "NUM" or _after_determiner(doc, mention.first)):
        return True  # "no one", "the one who"
    if (
        head.lower_ == "one"
        and mention.last + 1 < len(doc)
        and doc[mention.last + 1].lower_ == "another"
    ):
        return True  # "killing one another"
    if mention.value is not None and mention.qualifier == "exact":
        written = doc[mention.first].text
        if written.isdigit() and len(written) == 4 and 1000 <= mention.value <= 2100:
            following = doc[mention.last + 1] if mention.last + 1 < len(doc) else None
            if following is None or following.tag_ != "NNS":
                return True  # a year
    before = doc[mention.first - 1] if mention.first > 0 else None
    if before is not None:
        if before.lower_ in IDENTIFIER_NOUNS or before.lower_ in ("aged", "age", "ages", "#"):
            return True
        if before.pos_ == "PROPN" and head.head.i == before.i:
            return True  # "Resolution 822", "Flight 17"
    after = doc[mention.last + 1] if mention.last + 1 < len(doc) else None
    hyphen = after is not None and after.text in ("-", "–") and mention.last + 2 < len(doc)
    if hyphen and doc[mention.last + 2].is_alpha:
        return True  # "44-day war", "25-year-old"
    return after is not None and (after.lemma_.lower() in UNIT_NOUNS or after.text == "%")


def _count_shaped(doc: Any, mention: NumberMention) -> bool:
    """Syntax that only a count has, to overrule a date or time the recogniser saw where
    there is none ("Aug. 6 - At least 54 pilgrims" read as one date): a qualifier ("at
    least"), a plural noun counted ("54 pilgrims"), or a total ("the toll stands at 88")."""
    if any(
        t.ent_type_ in ("PERCENT", "MONEY", "ORDINAL", "QUANTITY")
        for t in doc[mention.first : mention.last + 1]
    ):
        return False
    if mention.qualifier != "exact":
        return True
    head = doc[mention.head]
    counted = head.head
    if head.dep_ == "nummod" and counted.tag_ == "NNS" and counted.lemma_.lower() not in UNIT_NOUNS:
        return True
    if head.dep_ == "pobj" and head.head.lower_ in ("at", "to"):
        verb = head.head.head
        return any(
            child.dep_ == "nsubj" and child.lemma_.lower() in ("toll", "number", "total", "tally")
            for child in verb.children
        )
    return False


def _after_determiner(doc: Any, index: int) -> bool:
    determiners = ("no", "any", "every", "some", "the", "this", "that", "each")
    return index > 0 and doc[index - 1].lower_ in determiners


def _counted(doc: Any, mention: NumberMention) -> tuple[Any, Any]:
    """(node that carries the count's role, node whose phrase says what is counted)."""
    head = doc[mention.head]
    if head.dep_ in ("nummod", "quantmod", "compound", "amod") and head.head.pos_ in (
        "NOUN",
        "PROPN",
        "ADJ",
    ):
        return head.head, head.head
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and objects[0].pos_ != "PRON":
                return head, objects[0]
            return head, None  # "112 of whom": counted set named before
    if head.pos_ in ("NOUN", "ADJ") and not head.like_num and mention.qualifier != "vague":
        return head, head
    return head, None


def _partitive_trigger(doc: Any, mention: NumberMention) -> Trigger | None:
    """ "Six of the deaths", "Of the dead, 12 were found": the "of" noun names the measure."""
    head, _ = _counted(doc, mention)
    verb = head.head
    owners = [(head, verb if verb.pos_ in ("VERB", "AUX") else None)]
    if verb.pos_ in ("VERB", "AUX") and head.dep_ in ("nsubj", "nsubjpass", "conj", "attr"):
        owners.append((verb, verb))  # a fronted "Of the dead," hangs on the clause's verb
    for owner, anchor in owners:
        for child in owner.children:
            if child.dep_ != "prep" or child.lower_ not in ("of", "among"):
                continue
            if owner is verb and child.i > head.i:
                continue
            for target in child.children:
                lemma = target.lemma_.lower()
                measure = (
                    NOUN_MEASURES.get(lemma)
                    or HEAD_NOUN_MEASURES.get(lemma)
                    or HEAD_NOUN_MEASURES.get(target.lower_)  # "the injured", "the dead"
                )
                if target.dep_ == "pobj" and measure:
                    return Trigger(measure, target, anchor if anchor is not None else target)
    return None


def _included_singles(doc: Any, counted: Any, trigger: Trigger) -> list[_Found]:
    """ "22 people, including a six-year-old girl": a single person named in the subset
    counts one, with the measure of the set."""
    singles: list[_Found] = []
    for child in counted.children:
        if child.dep_ != "prep" or child.lower_ not in ("including", "among"):
            continue
        for target in child.children:
            if target.dep_ != "pobj":
                continue
            for member in [target, *[t for t in target.conjuncts if t.i != target.i]]:
                if _single_person(member) and not _numbered(member):
                    singles.append(
                        _implicit(doc, trigger.anchor, member, [member], trigger.measure)
                    )
    return singles


def _summed_group(counted: Any) -> bool:
    """Coordinated members counted as one group: a person named or pointed to with others
    ("he and three others"), or a family ("a woman and her two children"). Otherwise
    ("two officers and a civilian") each member is a figure of its own."""
    first = first_conjunct(counted)
    members = [first, *[t for t in first.conjuncts if t.i != first.i]]
    if len(members) < 2 or not any(_single_person(member) for member in members):
        return False
    others = any(member.lemma_.lower() == "other" for member in members)
    family = any(
        _numbered(member) and any(c.dep_ == "poss" for c in member.children) for member in members
    )
    return others or family


def _single_person(token: Any) -> bool:
    """One person, pointed to or named: "he", "Ana Brel", "a teenager", "the driver"."""
    if token.lower_ in PERSON_PRONOUNS:
        return True
    if token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
        return True
    if token.tag_ == "NN" and _person_noun(token.lemma_.lower()):
        return not any(child.like_num for child in token.children)
    return False


def _person_noun(lemma: str) -> bool:
    """A noun for a person: from the lexicon, or by an agent suffix ("worker", "activist",
    "civilian", "migrant", "employee", "fisherman")."""
    if lemma in PERSON_NOUNS:
        return True
    return len(lemma) > 5 and lemma.endswith(PERSON_SUFFIXES)


def _subject_text(doc: Any, node: Any, mention: NumberMention, trigger: Trigger) -> str | None:
    """The counted noun phrase as the text says it, without the number and determiners."""
    skip: set[int] = set(range(mention.first, mention.last + 1))
    skip.update(
        t.i
        for t in trigger.word.subtree
        if trigger.word.i > node.i and trigger.word.head.i == node.i
    )
    for child in node.children:
        if child.dep_ == "conj" and _single_person(child) and not _numbered(child):
            skip.update(t.i for t in child.subtree)  # "a civilian" is counted on its own
            skip.update(t.i for t in node.children if t.dep_ == "cc")
        # Other list items and clauses with counts of their own are not this subject.
        if child.dep_ in ("conj", "appos", "relcl", "acl") and any(
            t.like_num and t.i not in skip for t in child.subtree
        ):
            skip.update(t.i for t in child.subtree)
            skip.update(t.i for t in node.children if t.dep_ == "cc" and t.i > child.i - 3)
    tokens = [t for t in node.subtree if t.i not in skip]
    while tokens and (
        tokens[0].dep_ in ("det", "punct", "cc", "quantmod", "advmod") or tokens[0].is_punct
    ):
        tokens.pop(0)
    # Stop at the first gap after the head noun: what follows a skipped item is not ours.
    for index in range(1, len(tokens)):
        if tokens[index].i != tokens[index - 1].i + 1 and tokens[index - 1].i >= node.i:
            tokens = tokens[:index]
            break
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    if not tokens or (len(tokens) == 1 and tokens[0].lower_ in ("more", "others", "other")):
        return None  # "20 more": what is counted is said before
    return str(doc[tokens[0].i : tokens[-1].i + 1].text)


def _claim_tokens(doc: Any, anchor: Any, counted: Any, mention: NumberMention) -> tuple[int, int]:
    """The smallest clause stating the figure, as an inclusive token range."""
    gapped = counted.dep_ == "conj" and counted.head.pos_ in ("VERB", "AUX")  # "... and 9 near"
    if gapped or counted.dep_ in ("conj", "appos") and first_conjunct(counted).i != counted.i:
        tokens = [t.i for t in counted.subtree] + [mention.first, mention.last]
        return min(tokens), max(tokens)
    if anchor.pos_ in ("NOUN", "PROPN"):
        tokens = [anchor.i]
        for child in anchor.children:
            if child.dep_ not in ("conj", "cc", "punct", "relcl", "appos"):
                tokens.extend(t.i for t in child.subtree)
    else:
        tokens = [anchor.i]
        subjects = [
            c.i for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < anchor.i
        ]
        for child in anchor.children:
            if child.dep_ in ("nsubj", "nsubjpass") and subjects and child.i != max(subjects):
                continue  # a verb has one subject; an earlier one is a misparse
            if child.dep_ == "conj" and _shares_clause(child):
                tokens.extend(t.i for t in child.subtree)
                continue
            if child.dep_ in _OTHER_CLAUSE and not (child.dep_ == "ccomp" and child.i > anchor.i):
                continue
            if child.i < anchor.i and child.dep_ not in _LEFT_KEEP:
                continue
            tokens.extend(t.i for t in child.subtree)
    tokens.extend((mention.first, mention.last))
    first, last = min(tokens), max(tokens)
    last = _before_other_items(doc, anchor, first, last, mention)
    return trim_tokens(doc, first, last)


def _before_other_items(
    doc: Any, anchor: Any, first: int, last: int, mention: NumberMention
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
            node.dep_ not in ("conj", "appos", "relcl")
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


def _shares_clause(verb: Any) -> bool:
    """A coordinated verb with no subject or object of its own: "was shot and killed"."""
    if verb.pos_ != "VERB":
        return False
    own = {"nsubj", "nsubjpass", "dobj", "csubj", "attr"}
    return not any(child.dep_ in own for child in verb.children)


def _counts_without_numerals(doc: Any, sentence: Any, used: set[int]) -> list[_Found]:
    """Counts made without a numeral: "no one was killed" (0), "there were no injuries"
    (0), "a man was shot and killed" (1), "he and three others were shot" (4), and the
    "a civilian" of "two officers and a civilian were killed" (1, beside the 2)."""
    found: list[_Found] = []
    for token in sentence:
        if token.pos_ == "NOUN" and token.lemma_.lower() in NOUN_MEASURES:
            if token.i not in used and any(
                child.dep_ == "det" and child.lower_ == "no" for child in token.children
            ):
                found.append(_zero(doc, token, token, NOUN_MEASURES[token.lemma_.lower()], token))
            continue
        measure = measure_of_verb(token) if token.pos_ == "VERB" else None
        patient = _patient(token) if measure else None
        if measure is None or patient is None or unreal(token) or _negated_verb(token):
            continue
        if token.tag_ == "VBG" and token.dep_ in ("pcomp", "xcomp", "advcl", "acl"):
            continue  # "talked about killing Rabin", "trying to impress her by killing": no count
        measure = _with_conjuncts(token, measure)
        if token.i not in used and _negated(patient):
            found.append(_zero(doc, token, patient, measure, token))
            continue
        members = [patient, *[t for t in patient.conjuncts if t.i != patient.i]]
        if token.i not in used and _summed_group(patient):
            found.append(_implicit(doc, token, patient, members, measure))
        elif token.i in used or any(_numbered(member) for member in members):
            # Numbered members are figures of their own; singles beside them count one each.
            for member in members:
                if _single_person(member) and not _numbered(member):
                    found.append(_implicit(doc, token, member, [member], measure))
        elif measure in SINGLE_PERSON_MEASURES and any(_single_person(m) for m in members):
            found.append(_implicit(doc, token, patient, members, measure))
        used.add(token.i)
    return found


def _negated_verb(verb: Any) -> bool:
    """ "was not injured": no count of one; "no one was injured" is handled as zero."""
    return any(child.dep_ == "neg" for child in verb.children)


def _negated(patient: Any) -> bool:
    if patient.lower_ in NEGATED_SUBJECTS:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in patient.children)


def _numbered(token: Any) -> bool:
    return token.like_num or any(c.like_num and c.dep_ == "nummod" for c in token.children)


def _member_count(doc: Any, member: Any) -> float:
    numbers = [child for child in member.children if child.like_num and child.dep_ == "nummod"]
    if numbers:
        mentions = find_numbers(doc, numbers[0].i, numbers[0].i + 1)
        return mentions[0].value if mentions and mentions[0].value is not None else 0
    if member.like_num:
        mentions = find_numbers(doc, member.i, member.i + 1)
        return mentions[0].value if mentions and mentions[0].value is not None else 0
    return 1 if _single_person(member) else 0


def _implicit(doc: Any, verb: Any, head: Any, members: list[Any], measure: str) -> _Found:
    """One figure for a group of members, summed; its number text is the phrase itself."""
    total = float(sum(_member_count(doc, member) for member in members))
    if len(members) == 1:
        phrase = [t.i for t in head.subtree if not _other_clause(t, head)]
    else:
        phrase = [t.i for m in members for t in m.subtree if not _other_clause(t, m)]
    number_first, number_last = min(phrase), max(phrase)
    mention = NumberMention(number_first, number_last, head.i, total, total, total, "exact")
    first, last = _claim_tokens(doc, verb, head, mention)
    text = doc[number_first : number_last + 1].text
    return _Found(
        first, last, number_first, number_last, total, total, total, "exact", measure, text,
        False, verb, True, verb,
    )  # fmt: skip


def _other_clause(token: Any, head: Any) -> bool:
    """Tokens of a relative clause or of another conjunct inside a member's subtree."""
    node = token
    while node.i != head.i:
        if node.dep_ in ("relcl", "conj", "cc", "appos") or (
            node.dep_ == "punct" and node.head.i == head.i
        ):
            return True
        node = node.head
    return False


def _with_conjuncts(verb: Any, measure: str) -> str:
    """ "Shot and killed": the stronger outcome of verbs sharing one patient."""
    measures = shared_conjunct_measures(verb)
    return combined_measure(measures) if measures else measure


def _patient(verb: Any) -> Any | None:
    """Who or what the outcome happened to: the passive subject, the object, or, for verbs
    like "die" and "disappear", the subject."""
    children = list(verb.children)
    for dep in ("nsubjpass", "dobj"):
        for child in children:
            if child.dep_ == dep:
                return child
    if verb.lemma_.lower() in ("die", "disappear", "perish", "drown", "flee", "go", "protest"):
        for child in children:
            if child.dep_ == "nsubj":
                return child
    if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PRON", "PROPN"):
        return verb.head
    return None


def _zero(doc: Any, anchor: Any, patient: Any, measure: str, trigger: Any) -> _Found:
    phrase = [t.i for t in patient.subtree] if patient.i != anchor.i else [patient.i]
    if patient.i == anchor.i:
        dets = [child.i for child in patient.children if child.dep_ == "det"]
        phrase = dets + [patient.i]
    number_first, number_last = min(phrase), max(phrase)
    mention = NumberMention(number_first, number_last, patient.i, 0, 0, 0, "exact")
    first, last = _claim_tokens(doc, anchor, patient, mention)
    return _Found(
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
