"""Content words, the one way align compares wording (text reuse, the timeline): lower-cased
words without function words, crudely stemmed so that attack/attacks/attacked meet."""

from __future__ import annotations

import functools
import re

from consilience.lexicon import load_lexicon

_TEXT = load_lexicon().text
STOP_WORDS = _TEXT.stop_words
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Crude suffix stripping, enough that attack/attacks/attacked/attacking meet (cached:
    a corpus repeats its words)."""
    for suffix, keep in _TEXT.plural_suffixes:
        if (
            word.endswith(suffix)
            and len(word) - len(suffix) >= 3
            and not word.endswith(_TEXT.not_plural)
        ):
            word = word[: len(word) - len(suffix)] + keep
            break
    for suffix in _TEXT.verb_suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)]
            if word[-1] == word[-2] and word[-1] not in _TEXT.keep_doubled:
                word = word[:-1]  # committed -> committ -> commit
            break
    for ending in _TEXT.silent_endings:
        if word.endswith(ending) and len(word) > 4:
            return word[: len(word) - len(ending)]
    return word


def content_words(text: str, extra_stop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stems of the words of `text` that are neither function words nor in `extra_stop`."""
    words = (w for w in _WORD.findall(text.lower()) if len(w) > 1)
    return frozenset(stem(w) for w in words if w not in STOP_WORDS and w not in extra_stop)
