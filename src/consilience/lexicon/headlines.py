"""The words a headline is written in (`resources/<lang>/headlines.toml`)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from consilience.lexicon.files import language_folder, read_toml


@dataclass(frozen=True)
class HeadlineWords:
    outcomes: dict[str, str]  # measure = "were killed"
    sentences: dict[str, str]  # form name = sentence with {placeholders}
    months: dict[int, str]  # 1 = "January"
    date_format: str  # "{day} {month} {year}"


@functools.cache
def load_headline_words(language: str = "en") -> HeadlineWords:
    table = read_toml(language_folder(language), "headlines.toml")
    return HeadlineWords(
        outcomes={str(key): str(value) for key, value in table["outcomes"].items()},
        sentences={str(key): str(value) for key, value in table["sentences"].items()},
        months={int(key): str(value) for key, value in table["months"].items()},
        date_format=str(table["date"]["format"]),
    )
