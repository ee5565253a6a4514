"""Who speaks: speech verbs, the speaker's phrase, and its resolution to a named person.

A sentence names its speaker as it likes ("he", "the head of state", "Aliyev"); a reader
of the record needs the person. These helpers work on spaCy tokens and the PERSON
mentions of the whole document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from consilience.extract.nlp import doc_ents, ent_at, span_ents
from consilience.extract.syntax import (
    INSERTED_ATTRIBUTION,
    NOUN_CLAUSES,
    NOUN_MODIFIERS,
    NOUN_PHRASE,
    SHARED_SUBJECT_CLAUSES,
    SUBJECTS,
)
from consilience.lexicon import load_lexicon

if TYPE_CHECKING:  # spaCy itself is imported by nlp.load_nlp, when it is first needed
    from spacy.tokens import Doc, Span, Token

_SPEECH = load_lexicon().speech
_TEXT = load_lexicon().text

# Verbs that report what someone said (lemmas).
SPEECH_VERBS = _SPEECH.speech_verbs
PERSON_PRONOUNS = load_lexicon().people.pronouns
# Words that stand before a name without being part of it ("Mayor Ana Morel").
TITLES = _SPEECH.titles
# Head nouns of a role phrase that stands for a person ("the mayor", "the head of state").
ROLE_NOUNS = _SPEECH.role_nouns
# Role phrases that name a title other than their own words.
ROLE_TITLES = _SPEECH.role_titles
# Words that carry no claim of their own in front of an inserted "as X said" phrase.
_LIGHT = frozenset({"PRON", "AUX", "ADV", "PUNCT", "CCONJ", "PART", "SCONJ", "SPACE"})
_TITLE_TOKENS = 12  # most tokens of titles looked at before a name
_TITLE_GLUE = _SPEECH.title_glue | {"-", ","}
# Words that open a reported clause ("that", "whether"), not part of what was said.
_CLAUSE_MARKERS = _SPEECH.statement_markers | _SPEECH.question_markers
# A name's possessive, as the tokenizer leaves it ("Aliyev's", "the Aliyevs'").
_POSSESSIVE = frozenset({*_TEXT.possessive_endings, "'", "’"})


@dataclass(frozen=True)
class Person:
    """A PERSON mention: where it is, the name without titles, and the titles and
    appositions it carries ("president", "the national leader of azerbaijan")."""

    start: int
    end: int
    name: str
    titles: str


def is_speech_verb(token: Token) -> bool:
    """A verb of saying; nouns ("the statement") and adjectives report nothing."""
    return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS


def strip_titles(words: list[str]) -> list[str]:
    """The name without leading titles and a trailing possessive: "President Ilham Aliyev's"
    -> ["Ilham", "Aliyev"]."""
    words = [w for w in words if w not in _POSSESSIVE]
    while words and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return words


def people(parsed: list[tuple[int, Doc]]) -> list[Person]:
    """Every PERSON mention of the document, in text order. A one-word "person" that only
    modifies a noun or a title ("Azerbaijani history") is the recogniser's mistake, dropped."""
    found: list[Person] = []
    for offset, doc in parsed:
        for ent in doc_ents(doc):
            if ent.label_ != "PERSON" or not starts_word(ent):
                continue
            if len(ent) == 1 and _modifies(ent.root):
                continue
            start, end = name_span(ent)
            words = strip_titles(
                [t.text for t in doc[start:end] if not t.is_punct or t.text == "-"]
            )
            if not words:
                continue
            name = " ".join(words)
            found.append(
                Person(offset + ent.start_char, offset + ent.end_char, name, _titles_of(ent))
            )
    # A surname standing alone is the full name given earlier ("Morel" -> "Ana Morel").
    return [
        Person(p.start, p.end, full_name(p.name, found, p.start) or p.name, p.titles) for p in found
    ]


def _modifies(token: Token) -> bool:
    """ "Azerbaijani history", "the Leader of Velora": a word that qualifies a common noun
    or a title, not a person."""
    if token.dep_ in NOUN_MODIFIERS and token.head.pos_ == "NOUN":
        return True
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ in _SPEECH.title_links
        and prep.head.lemma_.lower() in ROLE_NOUNS | TITLES
    )


def name_span(ent: Span) -> tuple[int, int]:
    """Token range of a PERSON entity with the proper nouns the recogniser cut off the
    name it heads ("Governor Tomas Reyl" tagged only on "Tomas")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end - 1].dep_ == "compound":
        end += 1
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return start, end


def _titles_of(ent: Span) -> str:
    """The titles a mention carries, lower-cased: the capitalised words before the name
    ("the Great Leader, President Ilham Aliyev", "President of the Republic of Azerbaijan
    Ilham Aliyev") and its appositions ("Heydar Aliyev, the National Leader of ...")."""
    doc = ent.doc
    first = ent.start
    while first > max(ent.sent.start, ent.start - _TITLE_TOKENS):
        before = doc[first - 1]
        if before.ent_type_ == "PERSON" or not (
            before.pos_ == "PROPN" or before.lower_ in _TITLE_GLUE
        ):
            break  # another person's name, or the words before the titles
        first -= 1
    words = [t.lower_ for t in doc[first : ent.end]]
    for appos in (c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end):
        words += ["|", *(t.lower_ for t in appos.subtree)]
    return " ".join(words)


def full_name(surname: str, mentions: list[Person], at: int) -> str | None:
    """The latest full name before `at` that ends with `surname`, else the first after it."""
    if " " in surname:
        return surname
    matching = [p for p in mentions if " " in p.name and p.name.split()[-1] == surname]
    before = [p for p in matching if p.end <= at]
    if before:
        return before[-1].name
    return matching[0].name if matching else None


def subject_of(verb: Token) -> Token | None:
    """Who speaks: the verb's subject or passive agent; for a participle or a second verb
    ("..., stating:", "and said that") the subject of the clause it hangs on. Failing
    that, the person named last before the verb in its sentence."""
    node = verb
    for _ in range(4):
        agents = [g for c in node.children if c.dep_ == "agent" for g in c.children]
        agents = [g for g in agents if g.dep_ == "pobj"]
        if agents:
            return agents[0]
        subjects = [c for c in node.children if c.dep_ in SUBJECTS]
        if subjects:
            subject = subjects[0]
            # "It was announced that ...": an expletive, no speaker.
            if subject.lower_ in _SPEECH.expletives and subject.dep_ == "nsubjpass":
                return None
            return subject
        if node.dep_ in SHARED_SUBJECT_CLAUSES and node.head.i != node.i:
            via_conj = node.dep_ == "conj"
            node = node.head
            # "noted that the dam was weak and added that ...": the parser hung the second
            # speech verb inside the first one's clause; both have the first one's subject.
            if via_conj and node.dep_ == "ccomp" and is_speech_verb(node.head):
                node = node.head
        else:
            break
    named = [t for t in verb.sent if t.i < verb.i and t.ent_type_ == "PERSON"]
    return named[-1] if named else None


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token range (first, last) of the speaker's phrase: a person's name with the titles
    before it ("Mayor Ana Morel"), or the head with its determiners, modifiers, compounds
    and "of" attachments ("the head of state"), never appositions or relative clauses."""
    doc = head.doc
    ent = ent_at(doc, head.i)
    if ent is not None and ent.label_ == "PERSON" and starts_word(ent):
        first = ent.start
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN":
            first -= 1
        return first, ent.end - 1
    members = {head.i}
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            keep = child.dep_ in NOUN_PHRASE or (
                child.dep_ == "prep"
                and child.lower_ in _SPEECH.title_links
                and node.pos_ in ("NOUN", "PROPN")
            )
            keep = keep or (child.dep_ == "pobj" and node.dep_ == "prep" and node.i in members)
            if keep:
                members.add(child.i)
                stack.append(child)
    first, last = min(members), max(members)
    if ent is not None:
        first, last = min(first, ent.start), max(last, ent.end - 1)
    # A word the tokenizer split ("Caliber.Az") stays whole.
    while first > 1 and doc[first - 1].whitespace_ == "" and not doc[first - 2].is_space:
        if doc[first - 1].text.isalnum():
            first -= 1
        elif doc[first - 2].whitespace_ == "" and doc[first - 2].text[-1:].isalnum():
            first -= 2
        else:
            break
    return first, last


def starts_word(span: Span) -> bool:
    """Whether a span starts a written word: "Az" in "Caliber.Az" does not."""
    if span.start == 0:
        return True
    before = span.doc[span.start - 1]
    if before.whitespace_ or before.is_space:
        return True
    return before.is_punct and before.text not in ".@/:-_"


def resolve(head: Token, at: int, mentions: list[Person]) -> tuple[str | None, str]:
    """(speaker, speaker as written) for the phrase headed by `head`; `at` is the phrase's
    document offset, so only earlier mentions count as antecedents."""
    doc = head.doc
    first, last = phrase_bounds(head)
    phrase = doc[first : last + 1]
    written = phrase.text
    before = [p for p in mentions if p.end <= at]
    if head.pos_ == "PRON":
        if head.lower_ not in PERSON_PRONOUNS:
            return None, written  # "I", "we", "it": not resolved to a person
        full = [p.name for p in before if " " in p.name] or [p.name for p in before]
        return (full[-1] if full else None), written
    name = _person_name(phrase, head, mentions, at)
    for appos in (c for c in head.children if c.dep_ == "appos"):
        a_first, a_last = phrase_bounds(appos)
        name = name or _person_name(doc[a_first : a_last + 1], appos, mentions, at)
    if name:
        return name, written
    if _is_role(head):
        words = [t.lower_ for t in phrase if t.dep_ != "det"]
        return _by_title(" ".join(words), head.lemma_.lower(), before) or written, written
    return written, written


def _person_name(phrase: Span, head: Token, mentions: list[Person], at: int) -> str | None:
    """The person a phrase names: its PERSON entity (with the rest of the name the
    recogniser cut off), or its proper nouns when it missed or mislabelled a surname the
    document gives in full elsewhere."""
    persons = [e for e in span_ents(phrase) if e.label_ == "PERSON" and starts_word(e)]
    if head.pos_ == "PROPN" or not persons:
        tokens = [t for t in phrase if t.pos_ == "PROPN"]
        if persons and not any(p.start <= t.i < p.end for p in persons for t in tokens):
            tokens = list(persons[-1])
    else:
        start, end = name_span(persons[-1])
        tokens = list(phrase.doc[start:end])
    words = strip_titles([t.text for t in tokens])
    if not words:
        return None
    name = " ".join(words)
    if len(words) == 1:
        found = full_name(name, mentions, at)
        if found:
            return found
        if not persons:
            return None  # a lone proper noun no person bears: an organisation, a place
    elif not persons and len(words) == len(tokens) and all(p.name != name for p in mentions):
        return None  # capitalised words with no title and no PERSON reading: not a person
    return name


def _is_role(head: Token) -> bool:
    """ "the mayor", "the head of state", "National Leader": one person the text has named;
    "local officials" or "a spokesman" are not anyone in particular."""
    if head.lemma_.lower() not in ROLE_NOUNS or head.tag_ in ("NNS", "NNPS"):
        return False
    if any(c.dep_ == "poss" for c in head.children):
        return False  # "the ministry's spokesman"
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    the = len(dets) == 1 and dets[0] in _TEXT.definite_articles
    return the or (not dets and head.text[:1].isupper())


def _by_title(role: str, head_word: str, before: list[Person]) -> str | None:
    """The latest person before whose mention carries the role's title ("President Ilham
    Aliyev" for "the head of state"), the full phrase preferred over its head word;
    otherwise the latest person mentioned before."""
    keys = next((titles for phrase, titles in ROLE_TITLES.items() if phrase in role), None)
    rounds = [keys] if keys else [(role,), (head_word,)]
    for titles in rounds:
        for person in reversed(before):
            if any(re.search(rf"\b{re.escape(t)}\b", person.titles) for t in titles):
                return person.name
    full = [p.name for p in before if " " in p.name] or [p.name for p in before]
    return full[-1] if full else None


def complement(verb: Token) -> Token | None:
    """The clause a speech verb reports: its ccomp ("said (that) ..."), or a "that" clause
    the parser hung on a noun after it ("said in a statement that ...")."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
        if any(m in _SPEECH.question_markers for m in marks):
            return None  # a question, not a statement
        if clause.i > verb.i:
            if any(m in _SPEECH.statement_markers for m in marks) or any(
                c.dep_ in SUBJECTS or c.dep_ == "expl" for c in clause.children
            ):
                return clause
        elif max(t.i for t in clause.subtree) < verb.i and any(
            c.dep_ == "nsubj" and c.i > verb.i - 3 for c in verb.children
        ):
            return clause  # "The town will recover, Morel said."
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in (c for c in noun.children if c.dep_ in NOUN_CLAUSES):
                if any(
                    c.dep_ == "mark" and c.lower_ in _SPEECH.statement_markers
                    for c in clause.children
                ):
                    return clause
    return None


def clause_words(clause: Token) -> list[Token]:
    """The words of a reported clause without its "that" and without a second speech verb
    the parser coordinated into it ("... and added that ...": a statement of its own)."""
    words = sorted(clause.subtree, key=lambda t: t.i)
    if words and words[0].dep_ == "mark" and words[0].lower_ in _CLAUSE_MARKERS:
        words = words[1:]
    skip: set[int] = set()
    for token in words:
        if token.dep_ == "conj" and is_speech_verb(token) and token.i != clause.i:
            skip.update(t.i for t in token.subtree)
    return trim([t for t in words if t.i not in skip])


def clause_head(token: Token) -> Token:
    """The verb of the clause an inserted phrase ("according to X", "as X said") hangs on,
    even when the parser hung the phrase on a noun ("Karsk, as emphasized by ...")."""
    host = token.head
    while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
        host = host.head
    return host


def as_phrase(verb: Token) -> set[int]:
    """Tokens of "as emphasized by X" / "as X said". Other dependents the parser hung on
    the verb ("is, as emphasized by X, a heroic page") belong to the clause it comments on."""
    phrase = {verb.i}
    for child in verb.children:
        if child.dep_ in INSERTED_ATTRIBUTION or child.i < verb.i:
            phrase.update(t.i for t in child.subtree)
    return phrase


def host_words(host: Token, phrase: set[int]) -> list[Token]:
    """The smallest clause an inserted attribution comments on: the host's words without
    the attribution and the subordinate clauses before it ("While ..., it is ..."). When
    the attribution splits the clause after words that state nothing ("it is also, as
    emphasized by X, a heroic page"), only the words after it."""
    skip = set(phrase)
    for child in host.children:
        if child.dep_ == "advcl" and child.i < host.i and child.i not in phrase:
            skip.update(t.i for t in child.subtree)
    words = trim(sorted((t for t in host.subtree if t.i not in skip), key=lambda t: t.i))
    if words and words[0].i < min(phrase) and max(phrase) < words[-1].i:
        head_part = [t for t in words if t.i < min(phrase)]
        if all(t.pos_ in _LIGHT for t in head_part):
            words = trim([t for t in words if t.i > max(phrase)])
    return words


def trim(words: list[Token]) -> list[Token]:
    """Without punctuation, spaces and conjunctions at the edges: a span starts and ends
    on a word of what was said."""
    while words and (words[0].is_punct or words[0].is_space or words[0].dep_ == "cc"):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].is_space or words[-1].dep_ == "cc"):
        words = words[:-1]
    return words
