"""What a count measures, and what makes a number no count (`resources/<lang>/measures.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from consilience.lexicon.files import read_toml


@dataclass(frozen=True)
class MeasureWords:
    pass  # filled in by the move of the language knowledge out of the code


def load_measures(folder: Traversable) -> MeasureWords:
    read_toml(folder, "measures.toml")
    return MeasureWords()
