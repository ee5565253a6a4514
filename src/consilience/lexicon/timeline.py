"""The words of how a dated statement reads on the timeline, read once from
`resources/<lang>/timeline.toml` (see that file)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from consilience.lexicon.files import language_folder, read_toml, words


@dataclass(frozen=True)
class TimelineWords:
    shifting_prepositions: frozenset[str]  # "before": the noun's day is not the verb's
    kept_determiners: frozenset[str]  # "no": a label keeps it ("no warning was given")
    addressees: frozenset[str]  # "reporters": told to them is a saying, not a happening
    name_links: frozenset[str]  # "of": "units of the Soviet Army" keeps the name


@functools.cache
def load_timeline_words(language: str = "en") -> TimelineWords:
    table = read_toml(language_folder(language), "timeline.toml")
    return TimelineWords(
        shifting_prepositions=words(table, "shifting_prepositions"),
        kept_determiners=words(table, "kept_determiners"),
        addressees=words(table, "addressees"),
        name_links=words(table, "name_links"),
    )
