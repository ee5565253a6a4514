"""Where and when a figure applies, and on whose word: from its sentence, else from before."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from consilience.extract.nlp import near, span_ents
from consilience.extract.syntax import NUMERIC_LABELS, PLACE_LABELS, PLACED_NOUNS
from consilience.lexicon import load_lexicon

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span, Token

_LEXICON = load_lexicon()
_WORDS = _LEXICON.measures
SAY_VERBS = _LEXICON.speech.source_verbs  # their subject is where a figure comes from


_UNPLACED = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


class TimeLike(Protocol):
    """What scope needs of a date claim."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str | None: ...


@dataclass(frozen=True)
class Scope:
    place: list[str]
    place_inherited: bool
    time: str | None
    time_inherited: bool


def _places(ents: list[Span], tokens: Iterable[Token] = ()) -> list[str]:
    """Place names among `ents`, then proper nouns in `tokens` that the syntax places: after
    a locative preposition or a noun for a kind of place, a proper noun is a place even when
    the small NER model labels it a person ("killed 12 people in Arlo", "across Somerset",
    "the town of Arlo")."""
    names: list[str] = []
    for ent in ents:
        if ent.label_ in PLACE_LABELS and ent.text not in names:
            names.append(ent.text)
    for token in tokens:
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue  # the tagger calls some common nouns proper ("near the mill bridge")
        if token.dep_ not in PLACED_NOUNS:
            continue
        head = token.head if token.dep_ == "pobj" else None
        if (
            head is None
            or head.lower_ not in _WORDS.locative_prepositions
            and not (
                head.lower_ in _WORDS.argument_prepositions
                and head.head.lower_ in _WORDS.place_nouns
            )
        ):
            continue
        if token.ent_type_ in NUMERIC_LABELS:
            continue
        words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        name = " ".join(t.text for t in [*words, token])
        if name not in names and not any(name in known for known in names):
            names.append(name)
    return names


class ScopeTracker:
    """Remembers the places and dates of the sentences read so far in one document.

    Times come from the temporal tagger's claims, as normalized TIMEX3 values, so a figure
    says "1990-01-19/1990-01-20", not the words that said it.
    """

    def __init__(self, dates: Sequence[TimeLike] = ()) -> None:
        self.last_places: list[str] = []
        self.last_time: str | None = None
        self.dates = [
            d for d in dates if d.type in ("DATE", "TIME") and d.value and d.value not in _UNPLACED
        ]

    def _times(self, start: int, end: int) -> list[str]:
        return [str(d.value) for d in self.dates if start <= d.start and d.end <= end]

    def scope_for(self, sentence: Span, offset: int, first: int, last: int) -> Scope:
        """Scope of a claim over tokens [first, last] of `sentence` (chunk at `offset`)."""
        ents = span_ents(sentence)
        inside = [ent for ent in ents if ent.start >= first and ent.end - 1 <= last]
        doc = sentence.doc
        places = _places(inside, doc[first : last + 1]) or _places(ents, sentence)
        clause = self._times(offset + doc[first].idx, offset + doc[last].idx + len(doc[last]))
        times = clause or self._times(offset + sentence.start_char, offset + sentence.end_char)
        return Scope(
            place=places or list(self.last_places),
            place_inherited=not places and bool(self.last_places),
            time=times[0] if times else self.last_time,
            time_inherited=not times and self.last_time is not None,
        )

    def read(self, sentence: Span, offset: int) -> None:
        """Update the context after a sentence has been used."""
        places = _places(span_ents(sentence), sentence)
        if places:
            self.last_places = places
        times = self._times(offset + sentence.start_char, offset + sentence.end_char)
        if times:
            self.last_time = times[-1]


def attribution(sentence: Span, anchor: Token) -> str | None:
    """Who the sentence says the figure comes from: "according to X", "X said", "officially"."""
    according, to = _WORDS.according_to
    for token in near(sentence, anchor):
        if token.lower_ == according and token.i + 1 < sentence.end and token.nbor(1).lower_ == to:
            objects = [child for child in token.nbor(1).children if child.dep_ == "pobj"]
            if objects:
                subtree = list(objects[0].subtree)
                return str(sentence.doc[subtree[0].i : subtree[-1].i + 1].text)
    node = anchor
    while node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in SAY_VERBS and node.pos_ == "VERB":
            speakers = [child for child in node.children if child.dep_ == "nsubj"]
            if speakers:
                subtree = list(speakers[0].subtree)
                return str(sentence.doc[subtree[0].i : subtree[-1].i + 1].text)
    for token in anchor.subtree:
        if token.lower_ in _WORDS.attribution_adverbs:
            return str(token.lower_)
    for child in anchor.children:
        if child.lower_ in _WORDS.attribution_adverbs:
            return str(child.lower_)
    return None
