"""General words: stop words and small words (`resources/<lang>/stopwords.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from consilience.lexicon.files import read_toml


@dataclass(frozen=True)
class TextWords:
    pass  # filled in by the move of the language knowledge out of the code


def load_text(folder: Traversable) -> TextWords:
    read_toml(folder, "stopwords.toml")
    return TextWords()
