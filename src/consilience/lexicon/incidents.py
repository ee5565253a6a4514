"""The incident vocabulary of a language: which words name which kind of incident, read
once from `resources/<lang>/incidents.toml` (one table per kind, see that file)."""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

OTHER = "other"


@dataclass(frozen=True)
class IncidentKind:
    name: str
    rank: int
    ongoing: bool
    borders: bool
    family: str
    effect_of: frozenset[str] = frozenset()  # families it is often a consequence of
    measures: frozenset[str] = frozenset()  # measures that point to it
    refers_to: frozenset[str] = frozenset()  # families it may refer back to
    follow_up_days: int = 60  # a toll revision naming a place of the event may join it
    country_follow_up_days: int = 14  # the same, naming only its country


@dataclass(frozen=True)
class IncidentVocabulary:
    """Words (lower-case token sequences) to kinds, and what each kind is."""

    kinds: dict[str, IncidentKind]
    phrases: dict[tuple[str, ...], str]  # ("flash", "flood") -> "flood"
    verbs: dict[str, str]  # "capsize" -> "sinking"
    longest: int  # words in the longest phrase
    generic: frozenset[str]  # words that need a kind's context word in their sentence
    context: dict[str, tuple[str, ...]]  # context word -> kinds it selects
    name_titles: dict[tuple[str, ...], str]  # ("Tropical", "Storm") -> "storm"
    document_country: frozenset[str]  # "republic": the country the document is about
    relative_endings: frozenset[str]  # "after": a date measured from something else
    modified_heads: frozenset[str]  # "chief": "the fire chief" names no fire
    revision: re.Pattern[str]  # "rises to": a report revising a toll told before
    cumulative: re.Pattern[str]  # "since October": a figure summing up to date
    digest: str  # sha256 of the file, part of the extractor version

    def is_revision(self, text: str) -> bool:
        return self.revision.search(text) is not None

    def is_cumulative(self, text: str) -> bool:
        return self.cumulative.search(text) is not None

    def kind(self, name: str) -> IncidentKind:
        return self.kinds.get(name) or IncidentKind(OTHER, 0, False, False, OTHER)


@functools.cache
def load_vocabulary(language: str = "en") -> IncidentVocabulary:
    data = resources.files("consilience.resources").joinpath(language, "incidents.toml")
    raw = data.read_bytes()
    table = tomllib.loads(raw.decode("utf-8"))
    kinds: dict[str, IncidentKind] = {}
    phrases: dict[tuple[str, ...], str] = {}
    verbs: dict[str, str] = {}
    context: dict[str, list[str]] = {}
    titles: dict[tuple[str, ...], str] = {}
    for name, entry in table["kinds"].items():
        kinds[name] = IncidentKind(
            name=name,
            rank=int(entry.get("rank", 1)),
            ongoing=bool(entry.get("ongoing", False)),
            borders=bool(entry.get("borders", False)),
            family=str(entry.get("family", name)),
            effect_of=frozenset(entry.get("effect_of", [])),
            measures=frozenset(entry.get("measures", [])),
            refers_to=frozenset(entry.get("refers_to", [])),
            follow_up_days=int(entry.get("follow_up_days", 60)),
            country_follow_up_days=int(entry.get("country_follow_up_days", 14)),
        )
        for word in entry.get("words", []):
            phrases.setdefault(tuple(word.lower().split()), name)
        for verb in entry.get("verbs", []):
            verbs.setdefault(verb.lower(), name)
        for word in entry.get("context", []):
            context.setdefault(word.lower(), []).append(name)
        for title in entry.get("names", []):
            titles[tuple(title.split())] = name
    generic = frozenset(word.lower() for word in table["generic"]["words"])
    return IncidentVocabulary(
        kinds=kinds,
        phrases=phrases,
        verbs=verbs,
        longest=max(len(p) for p in phrases),
        generic=generic,
        context={word: tuple(names) for word, names in context.items()},
        name_titles=titles,
        document_country=frozenset(w.lower() for w in table["places"]["document_country"]),
        relative_endings=frozenset(w.lower() for w in table["dates"]["relative_endings"]),
        modified_heads=frozenset(w.lower() for w in table["modifiers"]["heads"]),
        revision=_any_of(table["revision"]["words"]),
        cumulative=_any_of(table["cumulative"]["words"]),
        digest=hashlib.sha256(raw).hexdigest()[:12],
    )


def _any_of(words: list[str]) -> re.Pattern[str]:
    """Any of the words or phrases, as whole words, in any case."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
