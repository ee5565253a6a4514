"""Words for people (`resources/<lang>/people.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from consilience.lexicon.files import read_toml, words


@dataclass(frozen=True)
class PeopleWords:
    pronouns: frozenset[str]  # personal pronouns that stand for people: "he", "them"
    singular_pronouns: frozenset[str]  # those that stand for one person: "he", "her"
    person_nouns: frozenset[str]  # singular nouns for one person: "man", "driver"
    person_suffixes: tuple[str, ...]  # endings of nouns for people: "ist", "worker"
    nobody: frozenset[str]  # words for no person: "nobody", "none"
    age_heads: frozenset[str]  # "old" of "a 15-year-old"
    age_units: frozenset[str]  # "year" of "a 15-year-old"


def load_people(folder: Traversable) -> PeopleWords:
    table = read_toml(folder, "people.toml")
    number = {word.lower(): str(kind) for word, kind in table["pronouns"].items()}
    return PeopleWords(
        pronouns=frozenset(number),
        singular_pronouns=frozenset(w for w, kind in number.items() if kind == "singular"),
        person_nouns=words(table["nouns"], "words"),
        person_suffixes=tuple(str(ending).lower() for ending in table["suffixes"]["endings"]),
        nobody=words(table["nobody"], "words"),
        age_heads=words(table["ages"], "heads"),
        age_units=words(table["ages"], "units"),
    )
