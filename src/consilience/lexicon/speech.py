"""Words of speech and attribution (`resources/<lang>/speech.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from consilience.lexicon.files import read_toml, words


@dataclass(frozen=True)
class SpeechWords:
    speech_verbs: frozenset[str]  # lemmas that report what someone said: quotes, statements
    source_verbs: frozenset[str]  # lemmas whose subject is where a figure comes from
    source_cue: tuple[str, ...]  # "according to": the tokens, in order, of a verbless cue
    inserted_markers: frozenset[str]  # "as" in "as X said": opens an inserted attribution
    expletives: frozenset[str]  # "it" in "it was announced that": a subject, no speaker
    statement_markers: frozenset[str]  # "that": opens a reported statement
    question_markers: frozenset[str]  # "whether", "if": open a question, no statement
    title_glue: frozenset[str]  # words between titles before a name: "of", "the"
    title_links: frozenset[str]  # "of" in "the head of state": joins a title to its domain
    titles: frozenset[str]  # words before a name that are not part of it: "mayor", "the"
    role_nouns: frozenset[str]  # head nouns of a role phrase standing for one person
    title_heads: frozenset[str]  # a capitalised title ending in one is a person's title
    role_titles: dict[str, tuple[str, ...]]  # "head of state" -> ("president", "king", ...)


def load_speech(folder: Traversable) -> SpeechWords:
    table = read_toml(folder, "speech.toml")
    roles = {verb.lower(): set(kinds) for verb, kinds in table["reporting_verbs"].items()}
    clauses = {word.lower(): str(kind) for word, kind in table["reported_clauses"].items()}
    titles = {word.lower(): set(kinds) for word, kinds in table["titles"].items()}
    attribution = table["attribution"]
    phrases = table["title_phrases"]
    return SpeechWords(
        speech_verbs=frozenset(v for v, kinds in roles.items() if "speech" in kinds),
        source_verbs=frozenset(v for v, kinds in roles.items() if "source" in kinds),
        source_cue=tuple(str(word).lower() for word in attribution["source_cue"]),
        inserted_markers=words(attribution, "inserted_markers"),
        expletives=words(attribution, "expletives"),
        statement_markers=frozenset(w for w, kind in clauses.items() if kind == "statement"),
        question_markers=frozenset(w for w, kind in clauses.items() if kind == "question"),
        title_glue=words(phrases, "glue"),
        title_links=words(phrases, "links"),
        titles=frozenset(w for w, kinds in titles.items() if "title" in kinds),
        role_nouns=frozenset(w for w, kinds in titles.items() if "role" in kinds),
        title_heads=frozenset(w for w, kinds in titles.items() if "title_head" in kinds),
        role_titles={
            phrase.lower(): tuple(str(title).lower() for title in names)
            for phrase, names in table["role_titles"].items()
        },
    )
