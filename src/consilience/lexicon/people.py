"""Words for people (`resources/<lang>/people.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from consilience.lexicon.files import read_toml


@dataclass(frozen=True)
class PeopleWords:
    pronouns: frozenset[str]  # personal pronouns that stand for people: "he", "them"
    singular_pronouns: frozenset[str]  # those that stand for one person: "he", "her"


def load_people(folder: Traversable) -> PeopleWords:
    table = read_toml(folder, "people.toml")
    number = {word.lower(): str(kind) for word, kind in table["pronouns"].items()}
    return PeopleWords(
        pronouns=frozenset(number),
        singular_pronouns=frozenset(w for w, kind in number.items() if kind == "singular"),
    )
