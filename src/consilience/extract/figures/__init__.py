"""Figures: every count a source states, with what it counts, how sure, and where it is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from consilience.extract.claims import PROJECTION, FigureClaim, claim_id
from consilience.extract.figures.found import Found
from consilience.extract.figures.lexicon import (
    IDENTIFIER_NOUNS,
    NON_COUNT_ENTITIES,
    NOUN_MEASURES,
    SINGLE_PERSON_MEASURES,
    UNIT_NOUNS,
    WORDS,
    noun_measure,
)
from consilience.extract.figures.lines import line_figures
from consilience.extract.figures.modality import projected
from consilience.extract.figures.numbers import NumberMention, find_numbers, interval
from consilience.extract.figures.people import (
    counts_without_numerals,
    group_singles,
    included_singles,
    summed_group,
)
from consilience.extract.figures.scope import ScopeTracker, TimeLike, attribution
from consilience.extract.figures.spans import claim_tokens, subject_text
from consilience.extract.figures.triggers import (
    Trigger,
    find_trigger,
    first_conjunct,
    measure_of_verb,
)
from consilience.extract.syntax import (
    AMOUNT_LABELS,
    CLAUSE_NOMINALS,
    COORDINATION,
    CORE_ARGUMENTS,
    NAME_LABELS,
    NUMBER_ATTACHMENTS,
    PEOPLE_LABELS,
    SUBJECTS,
    TOTAL_OBJECTS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["find_figures"]


def find_figures(
    doc_id: str, text: str, parsed: list[tuple[int, Doc]], dates: Sequence[TimeLike] = ()
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
                number_start = offset + doc[item.number_first].idx
                number_end = offset + doc[item.number_last].idx + len(doc[item.number_last].text)
                # The clause always holds its number, even where the tokenizer made a
                # number of control characters that trimming the clause cut off.
                start = min(offset + doc[item.first].idx, number_start)
                end = max(offset + doc[item.last].idx + len(doc[item.last].text), number_end)
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
                        modality=item.modality,
                        incident=None,
                    )
                )
            tracker.read(sentence, offset)
    return figures


def _plain(number: float | None) -> float | None:
    """Whole numbers as int, so JSON shows 147, not 147.0."""
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def _sentence_figures(doc: Doc, sentence: Span, previous_subject: str | None) -> list[Found]:
    found: list[Found] = []
    used_triggers: set[int] = set()
    for mention in find_numbers(doc, sentence.start, sentence.end):
        if _not_a_count(doc, mention):
            continue
        counted, subject_node = _counted(doc, mention)
        if summed_group(counted):
            continue
        # The verb says what happened ("seven of the wounded died" are killed); the
        # partitive noun only when the verb says nothing ("Six of the deaths were ...").
        partitive = _partitive_trigger(doc, mention)
        trigger = find_trigger(counted) or partitive
        if trigger is None:
            trigger = _running_total(doc, counted, found[-1] if found else None)
        if trigger is None and found:
            trigger = _list_continuation(doc, counted, found[-1])
        mention = _exceeded(mention, counted)
        if trigger is None:
            continue
        if counted.lemma_.lower() in UNIT_NOUNS:
            continue
        if (
            counted.lemma_.lower() in WORDS.vehicle_nouns
            and trigger.measure in SINGLE_PERSON_MEASURES
        ):
            continue  # "two light aircraft collided, killing three": the three are counted
        subject = (
            subject_text(doc, subject_node, mention, trigger) if subject_node is not None else None
        )
        inherited = subject is None
        if inherited:
            subject = found[-1].subject if found else previous_subject
        first, last = claim_tokens(doc, trigger.anchor, counted, mention)
        used_triggers.add(trigger.word.i)
        used_triggers.add(trigger.anchor.i)
        found.append(
            Found(
                first, last, mention.first, mention.last, mention.value, mention.low, mention.high,
                mention.qualifier, trigger.measure, subject, inherited, trigger.word, False,
                trigger.anchor, trigger.modality,
            )
        )  # fmt: skip
        found.extend(included_singles(doc, counted, trigger))
        if partitive is not None:
            found.extend(group_singles(doc, counted, trigger))
    found.extend(counts_without_numerals(doc, sentence, used_triggers))
    found.extend(line_figures(doc, sentence, found, _not_a_count))  # lists and tables
    found.sort(key=lambda item: (item.number_first, item.first))
    return found


def _running_total(doc: Doc, counted: Token, previous: Found | None) -> Trigger | None:
    """A running total (see _restated_total), marked a projection when its verb says the
    total may yet be reached ("the toll could rise to over 500")."""
    found = _restated_total(doc, counted, previous)
    if found is not None and projected(found.anchor):
        return replace(found, modality=PROJECTION)
    return found


def _restated_total(doc: Doc, counted: Token, previous: Found | None) -> Trigger | None:
    """A number after to/from/at that restates a total: "bringing the total to 87",
    "raising the number of dead to 19", "up from 41", "from an earlier estimate of 25". Its
    measure comes from the total's own words (death toll, number of dead), else from the
    figure before it in the sentence."""
    if counted.dep_ != "pobj" or counted.head.lower_ not in WORDS.running_prepositions:
        return None
    governor = counted.head.head
    inherited = Trigger(previous.measure, previous.trigger, governor) if previous else None
    if governor.pos_ == "NOUN" and governor.lemma_.lower() in WORDS.estimate_nouns:
        return inherited  # "from an earlier estimate of 25"
    shifted = governor.lower_ in WORDS.running_shifts  # "up from 41", "revised ... down to 17"
    if shifted:
        governor = governor.head
    if governor.pos_ not in ("VERB", "AUX"):
        return inherited if shifted else None
    if governor.lemma_.lower() in WORDS.estimate_verbs and not any(
        c.dep_ == "dobj" for c in governor.children
    ):
        return inherited  # "historians estimate between 450 and 600"
    for total in governor.children:
        if total.dep_ not in CORE_ARGUMENTS:
            continue
        word = total.lemma_.lower()
        if word not in WORDS.running_totals:
            continue
        if word in WORDS.counted_totals:  # "the crowd grew to 5,000"
            return Trigger(NOUN_MEASURES[word], total, governor)
        for child in total.subtree:
            # "the death toll", "the number of dead", "the number of people killed"
            measure = noun_measure(child) or (
                measure_of_verb(child) if child.pos_ == "VERB" else None
            )
            if measure and child.i != total.i:
                return Trigger(measure, child, governor)
        if word in NOUN_MEASURES:  # "the toll rose to 87": killed
            return Trigger(NOUN_MEASURES[word], total, governor)
        if previous is not None:
            return Trigger(previous.measure, previous.trigger, governor)
    return inherited if shifted else None


def _exceeded(mention: NumberMention, counted: Token) -> NumberMention:
    """ "The toll tops 500": a verb of exceeding makes an exact number a lower bound; "the
    toll nears 60", a verb of approaching, a band below it."""
    if mention.qualifier != "exact" or mention.value is None:
        return mention
    if counted.dep_ not in TOTAL_OBJECTS:
        return mention
    verb = counted.head.lemma_.lower()
    if verb in WORDS.exceed_verbs:
        low, high = interval(mention.value, "more_than")
        return NumberMention(
            mention.first, mention.last, mention.head, mention.value, low, high, "more_than"
        )
    if verb in WORDS.approach_verbs:  # "the toll nears 60": nearly 60
        low, high = interval(mention.value, "nearly")
        return NumberMention(
            mention.first, mention.last, mention.head, mention.value, low, high, "fewer_than"
        )
    return mention


def _list_continuation(doc: Doc, counted: Token, previous: Found) -> Trigger | None:
    """A list item with no trigger of its own continues the item before it: in "the
    destruction of 200 houses, 80 vehicles", 80 is destroyed too. Only for an item that
    directly follows the previous figure, separated by a comma or a conjunction. A bare
    number there is a gapped clause ("12 were found in the town, 9 near the bridge and 6
    upstream") whatever the parser made of it."""
    bare = counted.like_num and counted.pos_ == "NUM"
    if counted.dep_ not in COORDINATION and not bare:
        return None
    if counted.dep_ in SUBJECTS and counted.head.pos_ == "VERB":
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


def _not_a_count(doc: Doc, mention: NumberMention) -> bool:
    """Dates, times, money, percentages, ordinals, identifiers, ages, durations, units."""
    tokens = doc[mention.first : mention.last + 1]
    numbers = [t for t in tokens if t.i >= mention.first and (t.like_num or t.pos_ == "NUM")]
    if any(t.ent_type_ in NON_COUNT_ENTITIES for t in numbers) and not _count_shaped(doc, mention):
        return True
    if any(t.ent_type_ in NAME_LABELS for t in numbers) and _inside_name(doc, mention):
        return True  # "a Lancair 360", "Stade du 5 Juillet", "I-90 West"
    head = doc[mention.head]
    named = head.head if head.dep_ in NUMBER_ATTACHMENTS else head
    if named.tag_ == "NNP" and named.ent_type_ not in PEOPLE_LABELS and named.i != head.i:
        return True  # "Stade du 5 Juillet", "Route 9": a number in a singular proper name
    pronoun = head.lower_ in WORDS.pronoun_numbers
    if pronoun and (head.pos_ != "NUM" or _after_determiner(doc, mention.first)):
        return True  # "no one", "the one who"
    if (
        pronoun
        and mention.last + 1 < len(doc)
        and doc[mention.last + 1].lower_ in WORDS.reciprocals
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
        if (
            before.lower_ in IDENTIFIER_NOUNS
            or before.lower_ in WORDS.age_words
            or before.text == "#"
        ):
            return True
        if before.pos_ == "PROPN" and head.head.i == before.i:
            return True  # "Resolution 822", "Flight 17"
    after = doc[mention.last + 1] if mention.last + 1 < len(doc) else None
    hyphen = after is not None and after.text in ("-", "–") and mention.last + 2 < len(doc)
    if hyphen and doc[mention.last + 2].is_alpha:
        return True  # "44-day war", "25-year-old"
    return after is not None and (after.lemma_.lower() in UNIT_NOUNS or after.text == "%")


def _inside_name(doc: Doc, mention: NumberMention) -> bool:
    """The number is part of a name the recogniser found, one with a capitalised word."""
    token = doc[mention.first]
    name = next((ent for ent in doc.ents if ent.start <= token.i < ent.end), None)
    return name is not None and any(
        (t.is_title or t.is_upper) and not mention.first <= t.i <= mention.last
        for t in name
        if t.is_alpha
    )


def _count_shaped(doc: Doc, mention: NumberMention) -> bool:
    """Syntax that only a count has, to overrule a date or time the recogniser saw where
    there is none ("Aug. 6 - At least 54 pilgrims" read as one date): a qualifier ("at
    least"), a plural noun counted ("54 pilgrims"), or a total ("the toll stands at 88")."""
    if any(t.ent_type_ in AMOUNT_LABELS for t in doc[mention.first : mention.last + 1]):
        return False
    if mention.qualifier != "exact":
        return True
    head = doc[mention.head]
    counted = head.head
    if head.dep_ == "nummod" and counted.tag_ == "NNS" and counted.lemma_.lower() not in UNIT_NOUNS:
        return True
    if head.dep_ == "pobj" and head.head.lower_ in WORDS.total_at_prepositions:
        verb = head.head.head  # "the toll stands at 88", "put the death toll at 46"
    elif head.dep_ in TOTAL_OBJECTS and counted.lemma_.lower() in WORDS.light_verbs:
        verb = counted  # "the toll nears 60"
    else:
        return False
    return any(
        child.dep_ in CORE_ARGUMENTS and child.lemma_.lower() in WORDS.shaped_totals
        for child in verb.children
    )


def _after_determiner(doc: Doc, index: int) -> bool:
    return index > 0 and doc[index - 1].lower_ in WORDS.pronoun_determiners


def _counted(doc: Doc, mention: NumberMention) -> tuple[Token, Token | None]:
    """(node that carries the count's role, node whose phrase says what is counted)."""
    head = doc[mention.head]
    if head.dep_ in NUMBER_ATTACHMENTS and head.head.pos_ in (
        "NOUN",
        "PROPN",
        "ADJ",
    ):
        return head.head, head.head
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in WORDS.argument_prepositions:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and objects[0].pos_ != "PRON":
                return head, objects[0]
            return head, None  # "112 of whom": counted set named before
    if head.pos_ in ("NOUN", "ADJ") and not head.like_num and mention.qualifier != "vague":
        return head, head
    return head, None


def _partitive_trigger(doc: Doc, mention: NumberMention) -> Trigger | None:
    """ "Six of the deaths", "Of the dead, 12 were found": the "of" noun names the measure."""
    head, _ = _counted(doc, mention)
    head = first_conjunct(head)  # "Among the dead were a fisherman and five members"
    verb = head.head
    owners = [(head, verb if verb.pos_ in ("VERB", "AUX") else None)]
    if verb.pos_ in ("VERB", "AUX") and head.dep_ in CLAUSE_NOMINALS:
        owners.append((verb, verb))  # a fronted "Of the dead," hangs on the clause's verb
    for owner, anchor in owners:
        for child in owner.children:
            if child.dep_ != "prep" or child.lower_ not in WORDS.partitive_prepositions:
                continue
            if (
                owner is verb
                and child.i > head.i
                and child.lower_ not in WORDS.predicative_partitives
            ):
                continue  # but "nine were among the dead"
            for target in child.children:
                measure = noun_measure(target)  # "the deaths", "the injured", "the dead"
                if target.dep_ == "pobj" and measure:
                    return Trigger(measure, target, anchor if anchor is not None else target)
    return None
