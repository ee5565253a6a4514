"""Actors and places: one entry per person, place, organisation or group, with every mention.

spaCy's entity mentions are per document and noisy ("the Milli Majlis", "Heydar Aliyev's",
a bare "Aliyev", "Azerbaijani" tagged PERSON). Readers want one entry per actor, so mentions
are merged by a normalised, case-insensitive key (dict lookups, no all-pairs comparison):

- a surname-only PERSON mention joins the full name in the same document that ends with it;
  when two full names share it (Heydar and Ilham Aliyev) it joins the nearest preceding one
  (the writer's last antecedent; the first following one when none precedes);
- a capitalised title ending in a title word (President, Leader, Minister...) written directly
  beside a person's name ("National Leader Heydar Aliyev", "Heydar Aliyev, the National Leader
  of Azerbaijan") becomes an alias of that person in that document only; its occurrences from
  there on (case-sensitive, whole words, not inside a longer title such as "Vice President",
  not "of" somewhere else) are mentions too, with entity None unless spaCy tagged them.
  Titles never link across documents, nor does a bare surname: both are too generic;
- kind is the majority of the labels of the mentions found by name.
"""

from __future__ import annotations

import functools
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from consilience.lexicon import load_lexicon

_KINDS = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "ORG": "organisation",
    "NORP": "group",
}
_TIE_ORDER = ("place", "person", "organisation", "group")  # earlier wins a tied vote
_SPEECH = load_lexicon().speech
_TEXT = load_lexicon().text
_TITLE_HEADS = _SPEECH.title_heads


def _any(words: Iterable[str]) -> str:
    """A regular expression for any one of `words`, the longest tried first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


# The definite article: a title or a name may start with it ("the President of X"), and
# capitalised it starts a sentence, not a title ("The President said").
_THE = _any(_TEXT.definite_articles)
_CAPITALISED_THE = frozenset(word.capitalize() for word in _TEXT.definite_articles)
_CAP = r"[A-ZÀ-ÖØ-Þ][\w’'-]*"
_RUN = rf"{_CAP}(?:[^\S\n]+{_CAP}){{0,3}}"
_QUAL = rf"\s+{_any(_SPEECH.title_links)}\s+(?:{_THE}\s+)?(?P<qual>{_RUN})"
# A title just before a name ("President Ilham Aliyev", "the President of X, Ilham Aliyev")
_BEFORE = re.compile(rf"(?P<title>{_RUN})(?:{_QUAL})?(?:,[^\S\n]*|[^\S\n]+)$")
# An appositive just after a name ("Heydar Aliyev, the National Leader of Azerbaijan")
_AFTER = re.compile(rf",[^\S\n]*(?:{_THE}\s+)?(?P<title>{_RUN})(?:{_QUAL})?")
_OF = re.compile(_QUAL)
_CAP_WORD_BEFORE = re.compile(rf"(?P<word>{_CAP})[^\S\n]+$")
_WINDOW = 120
# A possessive at the end of a mention: "Heydar Aliyev's", "the Aliyevs'".
_POSSESSIVE = re.compile(
    "(?:"
    + "|".join(
        [re.escape(ending) for ending in _TEXT.possessive_endings]
        + [f"(?<={re.escape(ending)})['’]" for ending in _TEXT.plural_possessive_after]
    )
    + ")$"
)
# A leading "the" and a dangling "of" (spaCy's "the Milli Majlis of").
_EDGE_WORDS = re.compile(
    rf"^{_THE}\s+|\s+{_any(_TEXT.name_trailing_words)}$",
    flags=re.IGNORECASE,
)


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """A mention's display form: no leading "the", possessive, surrounding punctuation or
    dangling "of" (spaCy's "the Milli Majlis of"), whitespace collapsed. Cached: a corpus
    names the same actors and places over and over."""
    name = " ".join(text.split())
    while True:
        before = name
        name = re.sub(r"^[\W_]+|[\W_]+$", "", name)
        name = _POSSESSIVE.sub("", name)
        name = _EDGE_WORDS.sub("", name)
        if name == before:
            return name


@functools.lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The key names are merged by: "the Milli Majlis" and "Milli Majlis" meet. Align uses
    it for figure places too, so that slots and the index agree on what a place is."""
    return normalise(text).casefold()


@dataclass
class IndexEntry:
    """One actor or place across the corpus, with every mention that names it."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "documents": list(self.documents),
            "mentions": [dict(m) for m in self.mentions],
        }


@dataclass
class _Ent:
    id: str
    doc: str
    start: int
    end: int
    text: str
    label: str
    key: str


@dataclass
class _Link:
    """A title bound to a person at one place in one document."""

    pos: int
    actor: str
    qual: str | None


def _majority(votes: Counter[str], single_word: bool) -> str:
    """The most voted kind. For a one-word name any NORP vote takes the PERSON votes: spaCy's
    small model often tags a nationality ("Azerbaijani") PERSON, but rarely a surname NORP."""
    votes = Counter(votes)
    if single_word and votes["group"]:
        votes["group"] += votes.pop("person", 0)
    return max(_TIE_ORDER, key=lambda k: (votes[k], -_TIE_ORDER.index(k)))


def _overlapping(ents: list[_Ent], starts: list[int], widest: int, s: int, e: int) -> list[_Ent]:
    """Entities of one document (sorted by start) that overlap [s, e)."""
    hi = bisect_left(starts, e)
    lo = bisect_left(starts, s - widest)
    return [x for x in ents[lo:hi] if x.end > s]


def _title_at(
    text: str, s: int, e: int, ents: list[_Ent], starts: list[int], widest: int
) -> tuple[int, str] | None:
    """(start, display) of the title in text[s:e], less leading words that belong to a place,
    group or person ("Azerbaijani President"), if it ends with a title word."""
    words = [(s + m.start(), s + m.end()) for m in re.finditer(r"\S+", text[s:e])]
    taken = [
        i
        for i, (a, b) in enumerate(words)
        if any(x.label != "ORG" for x in _overlapping(ents, starts, widest, a, b))
    ]
    words = words[max(taken) + 1 :] if taken else words
    if words and text[words[0][0] : words[0][1]] in _CAPITALISED_THE:
        words = words[1:]
    if not words:
        return None
    head = text[words[-1][0] : words[-1][1]].split("-")[0].casefold()
    if head not in _TITLE_HEADS:
        return None
    return words[0][0], " ".join(text[words[0][0] : words[-1][1]].split())


def build_actor_index(
    entities: Iterable[dict[str, Any]], texts: Iterable[tuple[str, str]]
) -> list[IndexEntry]:
    """Merge entity mentions into actors and places, most widely reported first."""
    docs = dict(texts)
    ents = [
        _Ent(
            str(d["id"]),
            str(d["doc"]),
            int(d["start"]),
            int(d["end"]),
            str(d["text"]),
            str(d["label"]),
            name_key(str(d["text"])),
        )
        for d in entities
        if d.get("label") in _KINDS and name_key(str(d["text"]))
    ]
    ents.sort(key=lambda x: (x.doc, x.start, x.end, x.id))  # the input order must not matter
    key_votes: dict[str, Counter[str]] = defaultdict(Counter)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    by_doc: dict[str, list[_Ent]] = defaultdict(list)
    for x in ents:
        key_votes[x.key][_KINDS[x.label]] += 1
        forms[x.key][normalise(x.text)] += 1
        by_doc[x.doc].append(x)
    kind_of = {k: _majority(v, " " not in k) for k, v in key_votes.items()}

    def is_name(x: _Ent) -> bool:
        return x.label == "PERSON" and kind_of[x.key] == "person" and " " in x.key

    owner = {x.id: x.key for x in ents}  # entity id -> actor key
    voting = {x.id for x in ents}  # mentions found by name, whose labels decide the kind
    span: dict[str, tuple[int, int, str]] = {}  # entity id -> title span that replaces its own
    extra: list[tuple[str, str, int, int, str]] = []  # (actor, doc, start, end, text)
    for doc, doc_ents in by_doc.items():
        doc_ents.sort(key=lambda x: (x.start, x.end))
        starts = [x.start for x in doc_ents]
        widest = max(x.end - x.start for x in doc_ents)
        _link_surnames(doc_ents, is_name, kind_of, owner)
        text = docs.get(doc)
        if text is None:
            continue
        links: dict[str, list[_Link]] = defaultdict(list)
        displays: dict[str, str] = {}
        for x in doc_ents:
            actor = owner[x.id]  # a full name, or a surname linked to one above
            if x.label != "PERSON" or " " not in actor or kind_of[actor] != "person":
                continue
            before = _BEFORE.search(text[max(0, x.start - _WINDOW) : x.start])
            after = _AFTER.match(text[x.end : x.end + _WINDOW])
            for m, base in ((before, max(0, x.start - _WINDOW)), (after, x.end)):
                if m is None:
                    continue
                found = _title_at(
                    text, base + m.start("title"), base + m.end("title"), doc_ents, starts, widest
                )
                if found is not None:
                    qual = name_key(m["qual"]) if m["qual"] else None
                    links[name_key(found[1])].append(_Link(found[0], actor, qual))
                    displays.setdefault(name_key(found[1]), found[1])
        for tkey, tlinks in links.items():
            tlinks.sort(key=lambda link: link.pos)
            positions = [link.pos for link in tlinks]
            words = r"\s+".join(map(re.escape, displays[tkey].split()))
            for m in re.finditer(rf"(?<![\w-]){words}(?![\w-])", text):
                i = bisect_right(positions, m.start()) - 1
                if i < 0:
                    continue  # only after the text has made the link
                link = tlinks[i]
                if link.pos != m.start():
                    cap = _CAP_WORD_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
                    if cap and cap["word"] not in _CAPITALISED_THE:
                        continue  # part of a longer title: "Vice President"
                    of = _OF.match(text, m.end())
                    if of and (link.qual is None or name_key(of["qual"]) != link.qual):
                        continue  # "the President of the United States": someone else
                hits = _overlapping(doc_ents, starts, widest, m.start(), m.end())
                if any(
                    x.key != tkey and not m.start() <= x.start <= x.end <= m.end() for x in hits
                ):
                    continue  # inside another name: "the President's Office"
                for x in hits:
                    owner[x.id] = link.actor
                    voting.discard(x.id)
                    if x.key != tkey:  # a fragment such as "National": take the whole title
                        span[x.id] = (m.start(), m.end(), m.group())
                if not hits:
                    extra.append((link.actor, doc, m.start(), m.end(), m.group()))
    return _entries(ents, owner, voting, span, extra, forms, kind_of)


def _link_surnames(
    doc_ents: list[_Ent],
    is_name: Callable[[_Ent], bool],
    kind_of: dict[str, str],
    owner: dict[str, str],
) -> None:
    """Point each one-word PERSON mention at a full name of this document that ends with it:
    the nearest preceding one, else the first following one."""
    full: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for x in filter(is_name, doc_ents):
        full[x.key.rsplit(" ", 1)[1]].append((x.start, x.key))
    for x in doc_ents:
        if x.label != "PERSON" or " " in x.key or kind_of[x.key] != "person":
            continue
        candidates = full.get(x.key)
        if candidates:
            i = bisect_right(candidates, (x.start, "\uffff")) - 1
            owner[x.id] = candidates[max(i, 0)][1]


def _entries(
    ents: list[_Ent],
    owner: dict[str, str],
    voting: set[str],
    span: dict[str, tuple[int, int, str]],
    extra: list[tuple[str, str, int, int, str]],
    forms: dict[str, Counter[str]],
    kind_of: dict[str, str],
) -> list[IndexEntry]:
    """Gather the mentions of each actor into a sorted, deterministic entry."""
    mentions: dict[str, dict[tuple[str, int, int], dict[str, Any]]] = defaultdict(dict)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for actor, doc, start, end, text in extra:
        mentions[actor][(doc, start, end)] = {
            "doc": doc,
            "start": start,
            "end": end,
            "text": text,
            "entity": None,
        }
    for x in ents:
        actor = owner[x.id]
        start, end, text = span.get(x.id, (x.start, x.end, x.text))
        mentions[actor][(x.doc, start, end)] = {
            "doc": x.doc,
            "start": start,
            "end": end,
            "text": text,
            "entity": x.id,
        }
        if x.id in voting:
            votes[actor][_KINDS[x.label]] += 1
    out = []
    for actor, found in mentions.items():
        name = min(forms[actor].items(), key=lambda f: (-f[1], -len(f[0]), f[0]))[0]
        kind = _majority(votes[actor], " " not in actor) if votes[actor] else kind_of[actor]
        ordered = [found[k] for k in sorted(found)]
        aliases = sorted({normalise(m["text"]) for m in ordered} - {name})
        digest = hashlib.sha1(f"{kind}:{actor}".encode()).hexdigest()[:10]
        out.append(
            IndexEntry(
                f"a{digest}", name, kind, aliases, sorted({m["doc"] for m in ordered}), ordered
            )
        )
    out.sort(key=lambda e: (-len(e.documents), e.name.casefold(), e.id))
    return out
