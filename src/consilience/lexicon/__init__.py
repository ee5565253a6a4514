"""A language's knowledge, read from `resources/<lang>/` into one typed object.

The engine names no English word: every word it matches lives in a data file of the
language's folder, one entry per fact, and `Lexicon.digest` (a hash of the whole folder)
is part of the extractor version, so a changed word list re-extracts.

Each section (numbers, time, sources, ...) is read when first asked for, so a command
that needs one of them (`show` names sources) does not parse every file.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from consilience.lexicon.files import folder_digest, language_folder

if TYPE_CHECKING:
    from consilience.lexicon.incidents import IncidentVocabulary
    from consilience.lexicon.measures import MeasureWords
    from consilience.lexicon.numbers import NumberWords
    from consilience.lexicon.people import PeopleWords
    from consilience.lexicon.sources import SourceWords
    from consilience.lexicon.speech import SpeechWords
    from consilience.lexicon.text import TextWords
    from consilience.lexicon.time import TimeWords


class Lexicon:
    """One language's word lists, each section read once, on first use."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.folder = language_folder(language)

    @functools.cached_property
    def numbers(self) -> NumberWords:
        from consilience.lexicon.numbers import load_numbers

        return load_numbers(self.folder)

    @functools.cached_property
    def people(self) -> PeopleWords:
        from consilience.lexicon.people import load_people

        return load_people(self.folder)

    @functools.cached_property
    def speech(self) -> SpeechWords:
        from consilience.lexicon.speech import load_speech

        return load_speech(self.folder)

    @functools.cached_property
    def measures(self) -> MeasureWords:
        from consilience.lexicon.measures import load_measures

        return load_measures(self.folder)

    @functools.cached_property
    def time(self) -> TimeWords:
        from consilience.lexicon.time import load_time

        return load_time(self.folder)

    @functools.cached_property
    def text(self) -> TextWords:
        from consilience.lexicon.text import load_text

        return load_text(self.folder)

    @functools.cached_property
    def incidents(self) -> IncidentVocabulary:
        from consilience.lexicon.incidents import load_vocabulary

        return load_vocabulary(self.language)

    @functools.cached_property
    def sources(self) -> SourceWords:
        from consilience.lexicon.sources import load_sources

        return load_sources(self.folder)

    @functools.cached_property
    def digest(self) -> str:
        return folder_digest(self.folder)


@functools.cache
def load_lexicon(language: str = "en") -> Lexicon:
    return Lexicon(language)
