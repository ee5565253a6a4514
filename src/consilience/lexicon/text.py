"""General words: function words and word-form rules (`resources/<lang>/stopwords.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

from consilience.lexicon.files import read_toml, words


@dataclass(frozen=True)
class TextWords:
    stop_words: frozenset[str]  # function words left out when wordings are compared
    small_words: frozenset[str]  # words a title-case name leaves lower-case: "of", "the"
    definite_articles: frozenset[str]  # "the"
    name_trailing_words: frozenset[str]  # words a name never ends with: "of", "and"
    possessive_endings: tuple[str, ...]  # "'s" of "Aliyev's"
    plural_possessive_after: tuple[str, ...]  # "s": "the Aliyevs'" takes a bare apostrophe
    plural_suffixes: tuple[tuple[str, str], ...]  # ("ies", "y"): suffix and its replacement
    not_plural: tuple[str, ...]  # "ss": endings of words whose final s is no plural
    verb_suffixes: tuple[str, ...]  # "ing", "ed"
    keep_doubled: frozenset[str]  # letters left doubled when a verb suffix goes: "fall"
    silent_endings: tuple[str, ...]  # "e", dropped from the end of a longer stem


def _in_order(table: dict[str, Any], key: str) -> tuple[str, ...]:
    """A list whose order matters (the first that applies wins), lower-cased."""
    return tuple(str(word).lower() for word in table[key])


def load_text(folder: Traversable) -> TextWords:
    table = read_toml(folder, "stopwords.toml")
    possessive = table["possessive"]
    stemming = table["stemming"]
    return TextWords(
        stop_words=words(table, "stop_words"),
        small_words=words(table, "small_words"),
        definite_articles=words(table, "definite_articles"),
        name_trailing_words=words(table, "name_trailing_words"),
        possessive_endings=_in_order(possessive, "endings"),
        plural_possessive_after=_in_order(possessive, "plural_endings"),
        plural_suffixes=tuple(
            (suffix.lower(), str(keep).lower()) for suffix, keep in stemming["plural"].items()
        ),
        not_plural=_in_order(stemming, "not_plural"),
        verb_suffixes=_in_order(stemming, "verb_suffixes"),
        keep_doubled=words(stemming, "keep_doubled"),
        silent_endings=_in_order(stemming, "silent_endings"),
    )
