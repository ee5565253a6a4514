"""Quotes and reported speech, with the speaker resolved to a named person when the text
uses a pronoun, a title or a surname."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from consilience.extract.claims import DateClaim, QuoteClaim, claim_id

SPEECH_VERBS = frozenset({
    "say", "state", "tell", "add", "note", "stress", "emphasize", "emphasise", "warn", "claim",
    "announce", "insist", "declare", "explain", "argue", "assert", "confirm", "deny", "admit",
    "report", "write", "reply", "respond", "remark", "recall", "acknowledge", "vow", "pledge",
    "promise", "urge", "allege", "contend", "maintain", "underline", "underscore", "point",
    "describe", "call", "ask", "answer", "comment", "observe", "suggest", "predict", "tweet",
})  # fmt: skip
_OPENERS = {'"': '"', "“": "”", "«": "»", "‹": "›", "„": "“", "‘": "’"}
_QUOTED = re.compile(
    r'"[^"\n]+"|“[^”\n]+”|«[^»\n]+»|‹[^›\n]+›|„[^“\n]+“|(?<![\w])‘[^’\n]+’(?![\w])'
)
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "i", "we"})
# Titles a role noun phrase may refer to ("the head of state" is the president).
_TITLE_WORDS = {"head of state": "president", "head of government": "prime minister"}
_MIN_QUOTE_WORDS = 3


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    context: str  # lower-cased words around the mention: titles and appositions


def find_quotes(
    doc_id: str, text: str, parsed: list[tuple[int, Any]], dates: Sequence[DateClaim] = ()
) -> list[QuoteClaim]:
    """Direct quotes and reported speech of one document, in text order."""
    people = _people(parsed)
    tokens = {offset + t.idx: t for offset, doc in parsed for t in doc}
    quotes: list[QuoteClaim] = []
    spans = _direct_spans(text)
    for first, last in list(spans):
        speaker_token, cue = _direct_attribution(text, tokens, first, last)
        content = text[first[1] : last[2]]
        if cue is None and not (len(content.split()) >= 5 and content.rstrip()[-1:] in ".!?"):
            spans.remove((first, last))  # a title or a name in quotation marks, not speech
            continue
        quotes.append(_claim(doc_id, text, quotes, "direct", first[1], last[2], first[0], last[3],
                             speaker_token, cue, people, dates))  # fmt: skip
    quoted = [(first[0], last[3]) for first, last in spans]
    for offset, doc in parsed:
        for token in doc:
            at = offset + token.idx
            if any(start <= at < end for start, end in quoted):
                continue
            reported = _reported(token)
            if reported is None:
                continue
            content_first, content_last, speaker_token, cue = reported
            if any(s <= offset + content_first.idx < e for s, e in quoted):
                continue  # the complement is a direct quote already taken
            edges = [content_first.idx, token.idx] + (
                [speaker_token.idx] if speaker_token is not None else []
            )
            start = offset + min(edges)
            content_start = offset + content_first.idx
            content_end = offset + content_last.idx + len(content_last)
            end = max(content_end, offset + token.idx + len(token))
            quotes.append(_claim(doc_id, text, quotes, "reported", content_start, content_end,
                                 start, end, speaker_token, cue, people, dates))  # fmt: skip
    quotes.sort(key=lambda q: (q.content_start, q.start))
    return [
        QuoteClaim(**{**q.to_dict(), "id": claim_id(doc_id, "quotes", i)})
        for i, q in enumerate(quotes)
    ]


def _direct_spans(text: str) -> list[tuple[tuple[int, int, int, int], tuple[int, int, int, int]]]:
    """Quoted passages as (outer start, content start, content end, outer end), a passage
    split by its attribution ("We will rebuild," the mayor said, "within a year.") joined."""
    found = []
    for match in _QUOTED.finditer(text):
        inner = match.group(0)[1:-1]
        if len(inner.split()) < _MIN_QUOTE_WORDS and not inner.rstrip().endswith(
            (".", "!", "?", ",")
        ):
            continue  # a name or a scare quote: “Black January”
        content_start = match.start() + 1 + (len(inner) - len(inner.lstrip()))
        content_end = match.end() - 1 - (len(inner) - len(inner.rstrip()))
        found.append((match.start(), content_start, content_end, match.end()))
    joined: list[tuple[tuple[int, int, int, int], tuple[int, int, int, int]]] = []
    for span in found:
        if joined:
            first, last = joined[-1]
            between = text[last[3] : span[0]]
            if (
                text[last[2] - 1] == ","
                and "\n" not in between
                and len(between) < 80
                and between.strip().endswith(",")
            ):
                joined[-1] = (first, span)
                continue
        joined.append((span, span))
    return joined


def _direct_attribution(
    text: str,
    tokens: dict[int, Any],
    first: tuple[int, int, int, int],
    last: tuple[int, int, int, int],
) -> tuple[Any, Any]:
    """The speech verb and its subject next to a quote: after it ("...," the mayor said),
    between its parts, or before it ("X said:", "..., stating: “...”")."""
    # After the quote (or between the parts of a split quote), up to the sentence end.
    after_start = first[3]
    for at in sorted(t for t in tokens if after_start <= t < after_start + 120):
        token = tokens[at]
        if "\n" in text[after_start:at]:
            break
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
            return _subject(token), token
        if token.text in (".", "!", "?") or token.text in _OPENERS:
            break
    # Before the quote, in the same sentence or the line that introduces it.
    before = [t for t in tokens if first[0] - 200 <= t < first[0]]
    for at in sorted(before, reverse=True):
        token = tokens[at]
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB":
            return _subject(token), token
        if token.text in (".", "!", "?") and at < first[0] - 2:
            break
    return None, None


def _subject(verb: Any) -> Any:
    """Who speaks: the verb's subject, or, for a participle ("..., stating:"), the subject of
    the clause it hangs on; "said the mayor" has it after the verb."""
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        agents = [
            g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        if agents:
            return agents[0]
        if node.dep_ in ("advcl", "xcomp", "conj", "acl") and node.head.i != node.i:
            node = node.head
        else:
            break
    # No subject in the parse: the person named last before the verb in its sentence.
    named = [t for t in verb.sent if t.i < verb.i and t.ent_type_ == "PERSON"]
    return named[-1] if named else None


def _reported(verb: Any) -> tuple[Any, Any, Any, Any] | None:
    """ "X said that ...", "as emphasized by X", "according to X, ...": (content first
    token, content last token, speaker token, cue token)."""
    lemma = verb.lemma_.lower()
    if lemma == "accord" and verb.i + 1 < len(verb.doc) and verb.nbor(1).lower_ == "to":
        sources = [c for c in verb.nbor(1).children if c.dep_ == "pobj"]
        clause = verb.head
        if not sources or clause.i == verb.i:
            return None
        words = [
            t for t in clause.subtree if t.i not in {s.i for s in verb.subtree} and not t.is_punct
        ]
        return (words[0], words[-1], sources[0], verb) if words else None
    if lemma not in SPEECH_VERBS or verb.pos_ != "VERB":
        return None
    # "as emphasized by the head of state": the clause it comments on is what was said.
    if any(c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in verb.children):
        agents = [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        if not agents:
            return None
        target = verb.head
        skip = {t.i for t in verb.subtree}
        words = [t for t in target.subtree if t.i not in skip and not t.is_punct]
        after_agent = [
            c
            for c in verb.children
            if c.i > agents[0].i
            and c.dep_ not in ("agent", "punct")
            and c.pos_ in ("NOUN", "PROPN")
        ]
        if after_agent:
            # "is, as emphasized by X, a heroic page": the parser hung the predicate here.
            return (
                min(after_agent[0].subtree, key=lambda t: t.i),
                max(after_agent[0].subtree, key=lambda t: t.i),
                agents[0],
                verb,
            )
        if target.pos_ in ("AUX", "VERB"):
            # "... is, as emphasized by X, a heroic page": the predicate after the copula.
            attrs = [c for c in target.children if c.dep_ in ("attr", "acomp") and c.i > verb.i]
            if attrs:
                words = [t for t in attrs[0].subtree if not t.is_punct]
        return (words[0], words[-1], agents[0], verb) if words else None
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if not clauses:
        return None
    clause = clauses[0]
    words = [
        t
        for t in clause.subtree
        if not (t.dep_ == "mark" and t.lower_ == "that") and not t.is_punct
    ]
    if len(words) < 2:
        return None
    return words[0], words[-1], _subject(verb), verb


def _people(parsed: list[tuple[int, Any]]) -> list[_Mention]:
    mentions = []
    for offset, doc in parsed:
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            left = doc[max(ent.start - 5, 0) : ent.start].text.lower()
            right = doc[ent.end : min(ent.end + 8, len(doc))].text.lower()
            mentions.append(
                _Mention(
                    offset + ent.start_char, offset + ent.end_char, ent.text, f"{left} | {right}"
                )
            )
    return mentions


_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "mayor", "president", "governor", "minister", "prime", "general",
    "chief", "judge", "senator", "deputy", "defence", "defense", "foreign", "interior", "vice",
    "secretary", "commander", "colonel", "captain", "sheikh", "king", "queen", "prince", "pope",
    "national", "leader", "supreme", "spokesman", "spokeswoman", "fire", "police", "sir",
})  # fmt: skip
_ROLE_NOUNS = frozenset({
    "leader", "president", "minister", "mayor", "governor", "spokesman", "spokeswoman",
    "spokesperson", "chief", "head", "commander", "premier", "chancellor",
})  # fmt: skip


def _name_at(speaker: Any) -> str | None:
    """The proper name around a speaker token, titles dropped: "Mayor Ana Morel" -> "Ana
    Morel"; the parser's compound chain is used when the recogniser saw only part of it."""
    doc = speaker.doc
    if speaker.pos_ != "PROPN" and speaker.ent_type_ != "PERSON":
        return None
    entity = next(
        (e for e in doc.ents if e.start <= speaker.i < e.end and e.label_ == "PERSON"), None
    )
    if entity is not None and len(entity) > 1:
        words = [t for t in entity]
        while len(words) > 1 and words[0].lower_.rstrip(".") in _TITLES:
            words.pop(0)
        if len(words) > 1:
            return " ".join(t.text for t in words)
    first = last = speaker.i
    while (
        first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ in ("compound", "flat")
    ):
        first -= 1
    while (
        last + 1 < len(doc)
        and doc[last + 1].pos_ == "PROPN"
        and doc[last + 1].head.i in range(first, last + 2)
    ):
        last += 1
    words = [t for t in doc[first : last + 1]]
    while len(words) > 1 and words[0].lower_.rstrip(".") in _TITLES:
        words.pop(0)
    return " ".join(t.text for t in words) if words else None


def _full_name(surname: str, text_before: str) -> str | None:
    """The latest full name in the text before that ends with this surname."""
    found = re.findall(rf"((?:[A-Z][\w'’-]+\s+)+){re.escape(surname)}\b", text_before)
    for prefix in reversed(found):
        words = [w for w in prefix.split() if w.lower().rstrip(".") not in _TITLES]
        if words:
            return " ".join([*words, surname])
    return None


def _resolve(
    speaker: Any, at: int, people: list[_Mention], text: str = ""
) -> tuple[str | None, str | None]:
    """(speaker as named, speaker as the sentence gives it)."""
    if speaker is None:
        return None, None
    entity = next((e for e in speaker.doc.ents if e.start <= speaker.i < e.end), None)
    if entity is not None and entity.label_ in ("ORG", "NORP", "GPE"):
        phrase = speaker.doc[entity.start : entity.end]  # "Caliber.Az", "the ministry"
    else:
        phrase = speaker.doc[
            min(t.i for t in speaker.subtree) : max(t.i for t in speaker.subtree) + 1
        ]
    while len(phrase) > 1 and phrase[-1].is_punct:
        phrase = phrase[:-1]
    written = phrase.text
    before = [p for p in people if p.end <= at]
    person = [t for t in phrase if t.ent_type_ == "PERSON" or t.pos_ == "PROPN"] if not (
        entity is not None and entity.label_ in ("ORG", "NORP", "GPE")
    ) else []  # fmt: skip
    name = _name_at(person[-1]) if person else None
    if name:
        if " " not in name:  # a surname: the latest full name that ends with it
            return _full_name(name, text[:at]) or name, written
        return name, written
    if speaker.lower_ in _PRONOUNS:
        full = [p.name for p in before if " " in p.name] or [p.name for p in before]
        return (full[-1] if full else None), written
    lowered = written.lower()
    if speaker.pos_ == "NOUN" and lowered.startswith(("the ", "a ")):
        title = next((v for k, v in _TITLE_WORDS.items() if k in lowered), speaker.lemma_.lower())
        matching = [p.name for p in before if title in p.context]
        if matching:
            return matching[-1], written
        if speaker.lemma_.lower() in _ROLE_NOUNS:
            return (before[-1].name if before else None), written
    return written, written


def _claim(
    doc_id: str,
    text: str,
    quotes: list[QuoteClaim],
    kind: str,
    content_start: int,
    content_end: int,
    start: int,
    end: int,
    speaker: Any,
    cue: Any,
    people: list[_Mention],
    dates: Sequence[DateClaim],
) -> QuoteClaim:
    speaker_name, speaker_text = _resolve(speaker, content_start, people, text)
    # The statement's date: one the same paragraph gives.
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    in_paragraph = [d for d in dates if paragraph_start <= d.start and d.end <= paragraph_end]
    date = next((d.value for d in in_paragraph if d.type in ("DATE", "TIME") and d.value), None)
    return QuoteClaim(
        id=claim_id(doc_id, "quotes", len(quotes)),
        doc=doc_id,
        start=start,
        end=end,
        text=text[start:end],
        type=kind,
        content=text[content_start:content_end],
        content_start=content_start,
        content_end=content_end,
        speaker=speaker_name,
        speaker_text=speaker_text,
        cue=cue.text if cue is not None else None,
        date=date,
    )
