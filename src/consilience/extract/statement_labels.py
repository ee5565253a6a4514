"""How a dated statement reads on the timeline: whether its date says when its verb
happened, and a short label of that happening (actor, action, what it acts on, place),
both from a parse of the statement's clause.

Extraction keeps a statement for every date in a clause, whatever the date qualifies. The
timeline keeps only the statements the text dates, those whose date says when the verb
happened:

- the date hangs from the verb ("on Sunday", "in 1994", "overnight"), through words of
  time ("on the night of January 19"), or through the one noun of a phrase that sets the
  verb in time ("died in the storms of 14 October", "at a session in February 1994"),
  unless that phrase's preposition moves the day ("before the inauguration on January 20");
- not when it qualifies the verb's subject or object ("commemorate the tragedy of January
  20", "the 2024 election was rigged") or is the subject or object itself ("January 20
  remains in history", "Azerbaijan remembers January 20"): the verb did not happen then;
- the verb heads a clause (it has a subject, or it is a participle with its agent), not a
  bare gerund, participle or infinitive ("including the 20 January tragedy", "dated August
  5, 1998", "to be sworn in on January 20");
- and it does not merely report a saying ("officials said on Sunday", "told reporters").

A dateline ("MARROWBY, Estrovia, 15 October 2023 (Northwind) -", "Published: 18 October
2023") is the report's own date, not a happening, so it is not read at all (`is_dateline`).

The label uses the text's own words in the text's order: the subject (else the agent of
a passive) as a compact noun phrase without articles, the verb with its auxiliaries,
negation and particle, what it acts on (its object, else its first prepositional
complement), then " · place" when a place the clause names is not in it yet: "the former
Soviet military troops attacked Baku" gives "Soviet military troops attacked Baku", "41
people died across the province of Estrovia" gives "41 people died · Estrovia". A subject
that is a pronoun ("he", "who") names no actor: the statement is dated and may join an
entry, but its label is empty and cannot name one.

This runs at extraction (extract.statements), where the model is loaded already, and its
result is stored on each statement claim (`dates_verb`, `label`, `actor_named`): alignment
reads it and loads no model. Each clause is parsed on its own, at most `_WINDOW`
characters of it around its date, each distinct clause of a document once, so a label
depends on the clause's words only, the same in every copy of a syndicated story.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from consilience.extract.nlp import load_nlp
from consilience.extract.syntax import ALL_SUBJECTS
from consilience.ingest.metadata import dateline_date
from consilience.lexicon import load_lexicon
from consilience.lexicon.timeline import load_timeline_words

if TYPE_CHECKING:  # spaCy itself is imported by nlp.load_nlp, when it is first needed
    from spacy.tokens import Doc, Token

LABEL_CHARS = 64  # a label longer than this drops its modifiers, then its complement
_WINDOW = 400  # characters of a long clause parsed around its date
_VERBS = frozenset({"VERB", "AUX"})
_NOMINALS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_PREPOSITIONS = frozenset({"prep", "agent"})  # a preposition under its head; "by" of a passive
# What a date (or the phrase that carries it) may be to its verb without dating it: an
# argument of the verb is what the verb is about, not when it happened.
_ARGUMENTS = ALL_SUBJECTS | {"dobj", "dative", "attr", "oprd", "acomp", "csubjpass", "ccomp"}
_LOOSE_DATES = frozenset({"npadvmod", "tmod"})  # "issued a patch Wednesday"
_ON_THE_DATE = frozenset({"appos", "acl", "relcl"})  # "the late 1980s, a period marked by"
_NAMING = frozenset({"compound", "poss", "nmod"})  # "Sunday's loss", "the 20 January tragedy"
_OBJECTS = frozenset({"dobj", "attr"})  # what a verb acts on, or what it says its subject is
_PREDICATIVES = frozenset({"oprd", "acomp"})  # "were confirmed dead"
_VERB_GROUP = frozenset({"aux", "auxpass", "neg"})  # "had not been" before the verb
_PARTICLES = frozenset({"prt"})  # "carried out"
_NOUN_LINKS = frozenset({"compound", "nummod", "quantmod"})  # kept in every noun phrase
_NOUN_QUALIFIERS = frozenset({"amod", "nmod"})  # kept while the label is short enough
_ADDRESSED = frozenset({"dobj", "dative"})  # whom a verb of saying tells
_SHARED_SUBJECT = frozenset({"conj", "xcomp"})  # verbs that take their head's subject
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb or auxiliary with a tense
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_WIRE_PLACE = re.compile(r"^[^\w]*[A-Z][A-Z'’.\- ]+,")  # "MARROWBY," opening a wire dateline
_WIRE_TAIL = re.compile(r"^\s*,?\s*(?:\([^)]*\)?)?\s*(?:[-–—]|$)")  # "(Reuters) -" after its date

_TIME = load_lexicon().time
_TIME_NOUNS = frozenset(
    {*_TIME.unit_forms, *_TIME.day_parts, *_TIME.date_words, *_TIME.deictic_days}
    | {*_TIME.clock_words}
)
_SPEECH = load_lexicon().speech.speech_verbs
_WORDS = load_timeline_words()


@dataclass(frozen=True, order=True)
class Reading:
    """How a dated statement reads: its label ("" when its clause names no actor), and
    whether the actor is a name."""

    label: str
    named: bool


def is_dateline(statement: dict[str, Any]) -> bool:
    """Whether a statement's date is the dateline of its report: a line that holds a date
    and nothing of substance ("Published: 18 October 2023"), or a wire dateline, a place in
    capitals before the date and at most the agency and a dash after it."""
    text = str(statement.get("text") or "")
    first = int(statement["date_start"]) - int(statement["start"])
    last = int(statement["date_end"]) - int(statement["start"])
    if dateline_date(text) is not None:
        return True
    return bool(_WIRE_PLACE.match(text[:first]) and _WIRE_TAIL.match(text[last:]))


def read_statements(statements: Iterable[dict[str, Any]]) -> dict[str, Reading]:
    """For each statement whose date dates its verb (as the module says), its reading by
    id. Datelines and statements whose date is not inside their clause are left out, as
    are all others."""
    wanted: dict[str, dict[tuple[int, int, tuple[str, ...]], list[str]]] = defaultdict(dict)
    for statement in statements:
        window = _window(statement)
        if window is None or is_dateline(statement):
            continue
        text, first, last = window
        key = (first, last, tuple(statement.get("places") or ()))
        wanted[text].setdefault(key, []).append(str(statement["id"]))
    readings: dict[str, Reading] = {}
    for text, doc in _parses(list(wanted)):
        for (first, last, places), ids in wanted[text].items():
            reading = _read(doc, first, last, places)
            if reading is not None:
                readings.update(dict.fromkeys(ids, reading))
    return readings


def _parses(texts: list[str]) -> Iterator[tuple[str, Doc]]:
    """Each text with its parse, one at a time (no entities: the claims name them)."""
    if not texts:
        return
    nlp = load_nlp()
    yield from zip(texts, nlp.pipe(texts, disable=["ner"]), strict=True)


def _window(statement: dict[str, Any]) -> tuple[str, int, int] | None:
    """The clause (at most `_WINDOW` characters of it, cut at spaces around the date) and
    its date's place in it; None when the date is not inside the clause."""
    text = str(statement.get("text") or "")
    first = int(statement["date_start"]) - int(statement["start"])
    last = int(statement["date_end"]) - int(statement["start"])
    if not 0 <= first < last <= len(text):
        return None
    if len(text) <= _WINDOW:
        return text, first, last
    margin = max(0, (_WINDOW - (last - first)) // 2)
    low, high = max(0, first - margin), min(len(text), last + margin)
    if low > 0:
        space = text.find(" ", low, first)
        low = space + 1 if space != -1 else first
    if high < len(text):
        space = text.rfind(" ", last, high)
        high = space if space != -1 else last
    return text[low:high], first - low, last - low


def _read(doc: Doc, first: int, last: int, places: tuple[str, ...]) -> Reading | None:
    """The label of the statement dated by the characters first..last of `doc`, or None
    when that date does not date a clause's verb."""
    date = [t for t in doc if t.idx < last and t.idx + len(t.text) > first]
    verb = _dated_verb(date)
    if verb is None:
        return None
    skip = {t.i for t in date}
    subject = _subject(verb, skip)
    agent = _agent(verb)
    if subject is None and agent is None and not _finite(verb):
        return None  # a bare gerund, participle or infinitive: no clause of its own
    if subject is None and _date_is_subject(date, verb):
        return None
    if _is_saying(verb):
        return None
    places = _clause_places(verb, skip, places)
    if subject is not None and _names_actor(subject):
        return Reading(_label(verb, subject, None, skip, places), _named(subject, skip))
    if agent is not None and _names_actor(agent) and (subject is None or subject.pos_ == "PRON"):
        return Reading(_label(verb, None, agent, skip, places), _named(agent, skip))
    return Reading("", False)


def _named(actor: Token, skip: set[int]) -> bool:
    """Whether the actor's phrase holds a name ("Heydar Aliyev", "units of the Soviet
    Army"), which says more on a timeline than "a pivotal moment"."""
    return any(t.pos_ == "PROPN" for t in _phrase(actor, skip, 1))


def _date_is_subject(date: list[Token], verb: Token) -> bool:
    """Whether a date that opens its verb's clause is the subject the parse did not name
    ("20 January 1990 marked a turning point"): it hangs on the verb itself, not through a
    preposition, and stands before it with no comma between."""
    inside = {t.i for t in date}
    tops = [t for t in date if t.head.i not in inside]
    last = max(inside)
    if not tops or tops[0].head.i != verb.i or last >= verb.i:
        return False
    return not any(t.is_punct for t in verb.doc[last + 1 : verb.i])


def _names_actor(token: Token) -> bool:
    """Whether a subject or agent names who acted: not a pronoun ("he", "who"), an
    expletive ("there") or a word of time ("the day after the massacre, ...")."""
    return token.pos_ != "PRON" and token.dep_ != "expl" and token.lower_ not in _TIME_NOUNS


def _finite(verb: Token) -> bool:
    """Whether the verb is finite, or has a finite auxiliary ("were deployed"): a clause
    whose subject the parse did not find."""
    return verb.tag_ in _FINITE_TAGS or any(
        child.dep_ in _VERB_GROUP and child.tag_ in _FINITE_TAGS for child in verb.children
    )


def _clause_places(verb: Token, skip: set[int], places: tuple[str, ...]) -> tuple[str, ...]:
    """The places named where the verb happened: in its prepositional phrases ("in Baku",
    "at the mission in Moscow", "in the storms of 3 May in Keldby"), its object or its
    agent; not in a clause that hangs on it ("..., when Heydar Aliyev spoke in Moscow"),
    in who acted ("the people of Azerbaijan"), in a title or clause on its object, or in
    what is said of the date ("the late 1980s, a period marked by ...")."""
    kept: set[int] = set()
    for child in verb.children:
        if child.dep_ in _PREPOSITIONS:
            kept.update(t.i for t in child.subtree)
        elif child.dep_ in _OBJECTS:
            kept.update(t.i for t in _phrase(child, skip, 1))
    doc = verb.doc
    for i in skip:
        for child in doc[i].children:
            if child.dep_ in _ON_THE_DATE:
                kept.difference_update(t.i for t in child.subtree)
    text = "".join(t.text_with_ws if t.i in kept else " " * len(t.text_with_ws) for t in doc)
    return tuple(name for name in places if _bare(name) and _bare(name) in text)


def _dated_verb(date: list[Token]) -> Token | None:
    """The verb the date says the time of, climbing from the date's top word through the
    dates it is coordinated with ("in 2001 and 2005"), prepositions, words of time and
    the nouns of phrases that set the verb in time (`_sets_in_time`). A bare date the
    parse hung on a noun ("issued a patch Wednesday") belongs to that noun's verb."""
    inside = {t.i for t in date}
    tops = [t for t in date if t.head.i not in inside or t.head.i == t.i]
    if not tops or tops[0].head.i == tops[0].i:
        return None  # the date stands alone: a heading, a dateline
    child, node = tops[0], tops[0].head
    while child.dep_ == "conj" and node.pos_ not in _VERBS and node.head.i != node.i:
        child, node = node, node.head
    loose = (
        child.dep_ in _LOOSE_DATES
        and node.pos_ in _NOMINALS
        and node.dep_ not in ALL_SUBJECTS  # "the vote Sunday was cancelled": the vote's day
    ) or (child.dep_ == "pobj" and _on_the_object(node))
    nouns = 0
    while node.pos_ not in _VERBS:
        if node.head.i == node.i or node.pos_ == "ADJ":
            return None  # no verb above it; or it qualifies an adjective ("lowest since")
        if node.pos_ in _NOMINALS and node.lower_ not in _TIME_NOUNS and not loose:
            if not _sets_in_time(child, node, nouns == 0):
                return None
            nouns += 1
        child, node = node, node.head
    if node.dep_ in _VERB_GROUP and node.head.pos_ in _VERBS:
        node = node.head  # the date hangs on an auxiliary: the verb is its head
    return None if child.dep_ in _ARGUMENTS and not loose else node


def _on_the_object(preposition: Token) -> bool:
    """Whether a date's preposition hangs on the verb's object, where the parse often puts
    what dates the verb ("announced a curfew on 3 May"); a date "of" a noun is the noun's
    ("commemorate the flood of 3 May")."""
    noun = preposition.head
    return (
        preposition.dep_ == "prep"
        and preposition.lower_ not in _WORDS.name_links
        and noun.dep_ == "dobj"
        and noun.head.pos_ in _VERBS
    )


def _sets_in_time(child: Token, noun: Token, nearest: bool) -> bool:
    """Whether `noun`, which the date hangs from through `child`, sets its verb in time:
    it is governed by a preposition, of the verb or of another such noun, and a
    preposition of the verb does not move the day ("in the storms", "at a session of the
    Milli Majlis", not "before the inauguration"). The date is in a prepositional phrase
    of the noun ("the storms of 14 October"), or names the noun nearest it when that noun
    is the verb's own ("in Sunday's loss"; not "on the occasion of the 20 January
    tragedy")."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.dep_ not in _PREPOSITIONS:
        return False
    of_verb = preposition.head.pos_ in _VERBS
    if of_verb and preposition.lower_ in _WORDS.shifting_prepositions:
        return False
    return child.dep_ in _PREPOSITIONS or (nearest and of_verb and child.dep_ in _NAMING)


def _subject(verb: Token, skip: set[int]) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with or completes; never
    a word of the date (a parse that takes "mid-January" for the subject)."""
    node = verb
    while True:
        subjects = [c for c in node.children if c.dep_ in ALL_SUBJECTS and c.i not in skip]
        if subjects:  # the nearest before the verb ("Flooding in Marrowby: 8 people were")
            before = [c for c in subjects if c.i < node.i]
            return before[-1] if before else subjects[0]
        if node.dep_ not in _SHARED_SUBJECT or node.head.i == node.i:
            return None
        node = node.head


def _agent(verb: Token) -> Token | None:
    """Who does what a passive verb says ("by the Azerbaijani army")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _is_saying(verb: Token) -> bool:
    """A verb of saying with nothing said but to whom: "officials said", "told reporters"
    ("announced a ceasefire" is a happening)."""
    if verb.lemma_.lower() not in _SPEECH:
        return False
    return all(
        child.pos_ == "PRON" or child.lower_ in _WORDS.addressees
        for child in verb.children
        if child.dep_ in _ADDRESSED
    )


def _label(
    verb: Token,
    subject: Token | None,
    agent: Token | None,
    skip: set[int],
    places: tuple[str, ...],
) -> str:
    """The fullest form of the label that fits in LABEL_CHARS: the nouns first lose their
    adjectives, then the names they belong to, then the place goes, then the complement."""
    if verb.pos_ == "AUX" and not _complement(verb, skip, 0, places):
        return ""  # a copula says nothing without what it says the subject is ("X was")
    forms = [(level, True, True) for level in (2, 1, 0)]
    forms += [(0, False, True), (0, False, False)]
    label = ""
    for level, placed, complemented in forms:
        words: list[Token] = []
        if subject is not None:
            words += _phrase(subject, skip, level)
            words += [c for c in verb.lefts if c.dep_ in _VERB_GROUP and c.i not in skip]
        else:
            words += [c for c in verb.lefts if c.dep_ == "neg"]
        words.append(verb)
        words += [c for c in verb.rights if c.dep_ in _PARTICLES]
        if agent is not None:
            words += [agent.head, *_phrase(agent, skip, level)]
        if complemented:
            words += _complement(verb, skip, level, places)
        label = _render(words)
        place = _place(label, places) if placed else ""
        if place:
            label = f"{label} · {place}"
        if len(label) <= LABEL_CHARS:
            return label
    return label


def _complement(verb: Token, skip: set[int], level: int, places: tuple[str, ...]) -> list[Token]:
    """What the verb acts on: its object ("attacked Baku"), a predicative ("were confirmed
    dead"), the verb it completes ("continues to unite Azerbaijanis"), else its first
    prepositional phrase that holds neither the date nor only a place ("rose to 34")."""
    for child in verb.rights:
        if child.i in skip or any(t.is_punct for t in verb.doc[verb.i + 1 : child.left_edge.i]):
            continue  # the date, or a word past a comma: the parse joined another phrase
        if child.dep_ in _OBJECTS:
            return _phrase(child, skip, level)
        if child.dep_ in _PREDICATIVES:
            return [child, *(_prepositional(child, skip, level) if level else [])]
        if child.dep_ == "xcomp" and child.pos_ in _VERBS:
            marker = [c for c in child.lefts if c.dep_ == "aux"]
            objects = [c for c in child.rights if c.dep_ in _OBJECTS]
            tail = _phrase(objects[0], skip, level) if objects else []
            return [*marker, child, *tail]
    phrase = _prepositional(verb, skip, level)
    if phrase and _render(phrase[1:]).lower() in {_bare(p).lower() for p in places}:
        return []  # the place slot says it
    return phrase


def _prepositional(head: Token, skip: set[int], level: int) -> list[Token]:
    """The first prepositional phrase after `head` that holds no word of the date, as the
    preposition and a compact noun phrase ("to 34", "as military aggression")."""
    for child in head.rights:
        if child.dep_ != "prep" or any(t.i in skip for t in child.subtree):
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if objects:
            return [child, *_phrase(objects[0], skip, level)]
    return []


def _phrase(head: Token, skip: set[int], level: int) -> list[Token]:
    """A compact noun phrase: the head noun with its compounds and numbers ("66,000
    soldiers"), a possessor that is no pronoun, a determiner that changes what it says
    ("no warning"), from `level` 1 the name it belongs to ("units of the Soviet Army"), at
    `level` 2 its adjectives too; never an article, a clause or a word of the date."""
    kept = [head]
    for child in head.children:
        if child.i in skip:
            continue
        if child.dep_ == "det":
            if child.lower_ in _WORDS.kept_determiners:
                kept.append(child)
        elif child.dep_ == "poss":
            if child.pos_ != "PRON":
                kept += _phrase(child, skip, level)
                kept += [c for c in child.rights if c.dep_ == "case"]
        elif (child.dep_ in _NOUN_LINKS and child.i < head.i) or (
            child.dep_ in _NOUN_QUALIFIERS and (level >= 2 or head.pos_ == "PRON")
        ):
            kept += [t for t in child.subtree if t.i not in skip and t.dep_ != "det"]
    if level >= 1:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in _WORDS.name_links:
                named = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                if named and named[0].i not in skip:
                    kept += [child, *_phrase(named[0], skip, level)]
                break
    return kept


def _render(tokens: list[Token]) -> str:
    """The tokens in text order as the text writes them: a word and the next one kept are
    spaced as in the text when they are neighbours ("vehicle-ramming", "Azerbaijan's"),
    else by one space; punctuation that is not inside a word is left out."""
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    kept = [
        t
        for t in ordered
        if not t.is_punct or (t.i > 0 and not t.nbor(-1).whitespace_ and not t.whitespace_)
    ]
    parts = []
    for i, token in enumerate(kept):
        neighbour = i + 1 < len(kept) and kept[i + 1].i == token.i + 1
        parts.append(token.text + (token.whitespace_ if neighbour else " "))
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _place(label: str, places: tuple[str, ...]) -> str:
    """The first place the clause names that the label does not say yet ("" if none)."""
    said = label.lower()
    for name in places:
        bare = _bare(name)
        if bare and bare.lower() not in said:
            return bare
    return ""


def _bare(name: str) -> str:
    """A place name without a leading article ("the Republic of Azerbaijan")."""
    words = name.split()
    while words and words[0].lower() in load_lexicon().text.definite_articles:
        words.pop(0)
    return " ".join(words)


def label_problem(label: str, texts: Iterable[str]) -> str | None:
    """Why a timeline label does not read, or None: it is empty, it ends on a piece of a
    word that none of `texts` (its sources' words) has whole, it has fewer than two words
    that are not function words, or it has no verb (its parse has no VERB or AUX)."""
    words = _WORD.findall(label.rstrip("\u2026 "))
    if not words:
        return "empty"
    last = re.compile(rf"(?<![^\W_]){re.escape(words[-1])}(?![^\W_])")
    if not any(last.search(text) for text in texts):
        return "cut mid-word"
    stop = load_lexicon().text.stop_words
    if sum(word.lower() not in stop for word in words) < 2:
        return "fragment"  # "including", "in Keldby": no one does anything in it
    if not any(token.pos_ in _VERBS for token in load_nlp()(label)):
        return "no verb"
    return None
