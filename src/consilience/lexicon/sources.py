"""Words that tell a site's name from an article's title (`resources/<lang>/sources.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from consilience.lexicon.files import read_toml, words


@dataclass(frozen=True)
class SourceWords:
    welcome_phrases: tuple[str, ...]  # "welcome to": a title that greets, longest first
    placeholder_titles: frozenset[str]  # "home", "untitled": a title that names nothing
    site_words: frozenset[str]  # "news", "times": a title's tail holding one names a site


def load_sources(folder: Traversable) -> SourceWords:
    table = read_toml(folder, "sources.toml")
    return SourceWords(
        welcome_phrases=tuple(
            sorted((str(p).lower() for p in table["welcome_phrases"]), key=len, reverse=True)
        ),
        placeholder_titles=words(table, "placeholder_titles"),
        site_words=words(table, "site_words"),
    )
