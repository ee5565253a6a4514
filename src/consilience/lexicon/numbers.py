"""Number words: cardinals, scales and ordinals (`resources/<lang>/numbers.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from consilience.lexicon.files import read_toml


@dataclass(frozen=True)
class NumberWords:
    cardinals: dict[str, int]  # "twelve" -> 12, "ninety" -> 90
    scales: dict[str, int]  # "hundred" -> 100, "million" -> 1_000_000
    ordinals: dict[str, int]  # "first" -> 1, "1st" -> 1


def load_numbers(folder: Traversable) -> NumberWords:
    table = read_toml(folder, "numbers.toml")
    return NumberWords(
        cardinals={word: int(value) for word, value in table["cardinals"].items()},
        scales={word: int(value) for word, value in table["scales"].items()},
        ordinals={word: int(value) for word, value in table["ordinals"].items()},
    )
