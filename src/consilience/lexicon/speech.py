"""Words of speech and attribution (`resources/<lang>/speech.toml`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from consilience.lexicon.files import read_toml


@dataclass(frozen=True)
class SpeechWords:
    speech_verbs: frozenset[str]  # lemmas that report what someone said: quotes, statements
    source_verbs: frozenset[str]  # lemmas whose subject is where a figure comes from


def load_speech(folder: Traversable) -> SpeechWords:
    table = read_toml(folder, "speech.toml")
    roles = {verb.lower(): set(kinds) for verb, kinds in table["reporting_verbs"].items()}
    return SpeechWords(
        speech_verbs=frozenset(v for v, kinds in roles.items() if "speech" in kinds),
        source_verbs=frozenset(v for v, kinds in roles.items() if "source" in kinds),
    )
