"""Regular expressions for temporal expressions, one per construction.

Each pattern is paired with a handler in resolve.py that turns a match into a TIMEX3
type and value. The patterns are templates in the language's temporal.toml; here each
{placeholder} is filled with a word list of calendar.toml or numbers.toml. Months and
weekdays are matched as written (capitalised) only, so "may" and "march" the verbs are
never dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from consilience.lexicon import load_lexicon

_TIME = load_lexicon().time
_NUMBERS = load_lexicon().numbers
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def alternatives(phrases: Iterable[str]) -> str:
    """Phrases as regex alternatives in their order, their words apart by any white space."""
    return "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases)


def _abbreviations(alone: bool) -> list[str]:
    """Month abbreviations with their period: required alone or where calendar.toml says,
    optional elsewhere. One that extends the abbreviation before it by a letter shares its
    alternative ("Sep", "Sept": "Sept?\\.?")."""
    forms: list[tuple[str, str, str]] = []  # (word, regex of the word, its dot)
    for word, abbreviation in _TIME.month_abbreviations.items():
        if alone and not abbreviation.alone:
            continue
        dot = r"\." if alone or abbreviation.dot_required else r"\.?"
        if forms and forms[-1][2] == dot and word[:-1] == forms[-1][0]:
            forms[-1] = (word, forms[-1][1] + re.escape(word[-1]) + "?", dot)
        else:
            forms.append((word, re.escape(word), dot))
    return [regex + dot for _, regex, dot in forms]


def _numbers(low: int, high: int) -> list[str]:
    return [word for word, value in _NUMBERS.cardinals.items() if low <= value <= high]


def _word_lists() -> dict[str, str]:
    """What each placeholder of temporal.toml stands for."""
    months = alternatives(_TIME.months)
    ordinals = list(_NUMBERS.ordinals)
    return {
        "month": "|".join([months, *_abbreviations(alone=False)]),
        "month_alone": "|".join([months, *_abbreviations(alone=True)]),
        "weekday": alternatives(_TIME.weekdays),
        "weekday_lower": alternatives(name.lower() for name in _TIME.weekdays),
        "season": alternatives(_TIME.seasons),
        "unit": alternatives(_TIME.units),
        "unit_plural": alternatives(u.plural for u in _TIME.units.values() if u.plural),
        "day_part": alternatives(_TIME.day_parts),
        "part": alternatives(_TIME.parts),
        "deictic_day": alternatives(_TIME.deictic_days),
        "reference": alternatives(_TIME.references),
        "set_word": alternatives(_TIME.set_words),
        "clock_word": alternatives(_TIME.clock_words),
        "zone": alternatives(_TIME.zones),
        "incident_part": alternatives(_TIME.incident_parts),
        "anniversary_adjective": alternatives(sorted(_TIME.anniversary_adjectives)),
        "decade_word": alternatives(_TIME.decade_words),
        "holiday": alternatives(_TIME.holidays).replace("'", "['’]"),
        "season_cue": "(?i:" + alternatives(sorted(_TIME.season_cues)) + ")",
        "elided_year_cue": "(?i:" + alternatives(sorted(_TIME.elided_year_cues)) + ")",
        "meridiem": alternatives(_TIME.meridiems),
        "amount_phrase": alternatives(_TIME.amounts),
        "ordinal_suffix": alternatives(_TIME.ordinal_suffixes),
        "ordinal_word": alternatives(word for word in ordinals if word.isalpha()),
        "ordinal_figure": alternatives(word for word in ordinals if not word.isalpha()),
        # Amounts: any cardinal from one, and "hundred" ("two hundred years").
        "number": alternatives(
            _numbers(1, 99) + [word for word, value in _NUMBERS.scales.items() if value == 100]
        ),
        "ones": alternatives(_numbers(1, 9)),
        "teens": alternatives(_numbers(10, 19)),
        "tens": alternatives(w for w in _numbers(20, 99) if _NUMBERS.cardinals[w] % 10 == 0),
    }


def fill(template: str, values: dict[str, str]) -> str:
    """A template with each {placeholder} replaced, once (a value is not filled again)."""

    def value(found: re.Match[str]) -> str:
        if found.group(1) not in values:
            raise ValueError(f"temporal.toml: unknown placeholder {found.group(0)}")
        return values[found.group(1)]

    return _PLACEHOLDER.sub(value, template)


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", flags)


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    values = _word_lists()
    values.update({name: fill(text, values) for name, text in _TIME.fragments.items()})
    return [
        (t.name, compile_pattern(fill(t.regex, values), re.I if t.ignore_case else 0))
        for t in _TIME.patterns
    ]


def _required_words() -> dict[str, tuple[str, ...]]:
    """For each pattern that has them, the lower-cased words one of which its matches hold."""
    lists = {
        "season": list(_TIME.seasons),
        "weekday": list(_TIME.weekdays),
        "holiday": list(_TIME.holidays),
        "decade_word": list(_TIME.decade_words),
        "set_word": list(_TIME.set_words),
        "part": list(_TIME.parts),
        "deictic_day": list(_TIME.deictic_days),
    }
    required: dict[str, tuple[str, ...]] = {}
    for template in _TIME.patterns:
        words: list[str] = []
        for word in template.requires:
            found = _PLACEHOLDER.fullmatch(word)
            if found is None:
                words.append(word.lower())
                continue
            if found.group(1) not in lists:
                raise ValueError(f"temporal.toml: requires names no word list {word}")
            words += [_longest_word(phrase) for phrase in lists[found.group(1)]]
        if words:
            required[template.name] = tuple(dict.fromkeys(words))
    return required


def _longest_word(phrase: str) -> str:
    """The word of a phrase a text must hold to hold the phrase, the longest (the most
    telling): "yesterday" for "the day before yesterday"; without a possessive ending."""
    return max((word.split("'")[0] for word in phrase.lower().split()), key=len)


# (name, pattern); earlier entries win ties between matches of the same length.
PATTERNS: list[tuple[str, re.Pattern[str]]] = _patterns()
# name -> words one of which must be in a text for the pattern to be searched in it.
REQUIRED: dict[str, tuple[str, ...]] = _required_words()
