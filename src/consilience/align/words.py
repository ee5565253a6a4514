"""Content words, the one way align compares wording (text reuse, the timeline): lower-cased
words without function words, crudely stemmed so that attack/attacks/attacked meet."""

from __future__ import annotations

import re

_STOP_WORDS_TEXT = """
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few
for from further had has have having he her here hers him his how i if in into is it its
itself just may might more most must no nor not now of off on once only or other our ours
out over own same shall she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when
where which while who whom whose why will with would you your yours
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def stem(word: str) -> str:
    """Crude suffix stripping, enough that attack/attacks/attacked/attacking meet."""
    for suffix, keep in (("ies", "y"), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(suffix)] + keep
            break
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)]
            if word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # committed -> committ -> commit
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def content_words(text: str, extra_stop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Stems of the words of `text` that are neither function words nor in `extra_stop`."""
    words = (w for w in _WORD.findall(text.lower()) if len(w) > 1)
    return frozenset(stem(w) for w in words if w not in STOP_WORDS and w not in extra_stop)
