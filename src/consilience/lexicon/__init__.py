"""A language's knowledge, read once from `resources/<lang>/` into one typed object.

The engine names no English word: every word it matches lives in a data file of the
language's folder, one entry per fact, and `Lexicon.digest` (a hash of the whole folder)
is part of the extractor version, so a changed word list re-extracts.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from consilience.lexicon.files import folder_digest, language_folder
from consilience.lexicon.incidents import IncidentVocabulary, load_vocabulary
from consilience.lexicon.measures import MeasureWords, load_measures
from consilience.lexicon.numbers import NumberWords, load_numbers
from consilience.lexicon.people import PeopleWords, load_people
from consilience.lexicon.sources import SourceWords, load_sources
from consilience.lexicon.speech import SpeechWords, load_speech
from consilience.lexicon.text import TextWords, load_text
from consilience.lexicon.time import TimeWords, load_time


@dataclass(frozen=True)
class Lexicon:
    language: str
    numbers: NumberWords
    people: PeopleWords
    speech: SpeechWords
    measures: MeasureWords
    time: TimeWords
    text: TextWords
    incidents: IncidentVocabulary
    sources: SourceWords
    digest: str


@functools.cache
def load_lexicon(language: str = "en") -> Lexicon:
    folder = language_folder(language)
    return Lexicon(
        language=language,
        numbers=load_numbers(folder),
        people=load_people(folder),
        speech=load_speech(folder),
        measures=load_measures(folder),
        time=load_time(folder),
        text=load_text(folder),
        incidents=load_vocabulary(language),
        sources=load_sources(folder),
        digest=folder_digest(folder),
    )
