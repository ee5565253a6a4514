"""Number words: cardinals, scales, ordinals, the small words inside and around a written
number, vague quantities and qualifiers (`resources/<lang>/numbers.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from consilience.lexicon.files import read_toml, words


@dataclass(frozen=True)
class NumberWords:
    cardinals: dict[str, int]  # "twelve" -> 12, "ninety" -> 90
    scales: dict[str, int]  # "hundred" -> 100, "million" -> 1_000_000
    ordinals: dict[str, int]  # "first" -> 1, "1st" -> 1
    groups: dict[str, int]  # "dozen" -> 12
    fractions: dict[str, float]  # "half" -> 0.5
    articles: frozenset[str]  # "a", "an": one, before a group word or a scale
    article_starts: frozenset[str]  # "dozen": an article before it starts a number
    joiners: frozenset[str]  # "and" of "three hundred and five"
    range_openers: frozenset[str]  # "between" of "between 120 and 150"
    range_closers: frozenset[str]  # "and" of "between 120 and 150"
    range_links: frozenset[str]  # "to" of "120 to 150"
    change_starts: frozenset[str]  # "from" of "rose from 12 to 34"
    zero_determiners: frozenset[str]  # "no" of "no injuries"
    vague: dict[str, tuple[int, int]]  # "dozens" -> (24, 99), in file order
    vague_needs_noun: frozenset[str]  # "several": only before a noun
    qualifiers: dict[str, str]  # "more than" -> "more_than"


def load_numbers(folder: Traversable) -> NumberWords:
    table = read_toml(folder, "numbers.toml")
    return NumberWords(
        cardinals={word: int(value) for word, value in table["cardinals"].items()},
        scales={word: int(value) for word, value in table["scales"].items()},
        ordinals={word: int(value) for word, value in table["ordinals"].items()},
        groups={word: int(value) for word, value in table["groups"].items()},
        fractions={word: float(value) for word, value in table["fractions"].items()},
        articles=words(table["articles"], "words"),
        article_starts=words(table["articles"], "starts"),
        joiners=words(table["joiners"], "words"),
        range_openers=words(table["ranges"], "opener"),
        range_closers=words(table["ranges"], "closer"),
        range_links=words(table["ranges"], "links"),
        change_starts=words(table["ranges"], "change"),
        zero_determiners=words(table["zero"], "determiners"),
        vague={
            phrase: (int(entry["low"]), int(entry["high"]))
            for phrase, entry in table["vague"].items()
        },
        vague_needs_noun=frozenset(
            phrase for phrase, entry in table["vague"].items() if entry.get("needs_noun")
        ),
        qualifiers={phrase: str(name) for phrase, name in table["qualifiers"].items()},
    )
