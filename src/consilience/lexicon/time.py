"""Calendar and temporal words and patterns (`resources/<lang>/calendar.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from consilience.lexicon.files import read_toml


@dataclass(frozen=True)
class TimeWords:
    pass  # filled in by the move of the language knowledge out of the code


def load_time(folder: Traversable) -> TimeWords:
    read_toml(folder, "calendar.toml")
    return TimeWords()
