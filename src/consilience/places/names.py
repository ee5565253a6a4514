"""How a place name is written down for lookup: one folded key per spelling, and the
spellings each source's names stand for. Rules only; no name is special-cased here.

Folding makes "Bakı", "BAKI" and "Baki" one key, and "U.S.", "US" another, so that a name
as a document writes it meets the name as the gazetteer's sources write it.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

# Latin letters that Unicode does not decompose into a base letter plus a mark.
_TRANSLITERATION = {
    "ı": "i",
    "ə": "e",
    "Ə": "E",
    "ø": "o",
    "Ø": "O",
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ð": "d",
    "Ð": "D",
    "ħ": "h",
    "Ħ": "H",
    "þ": "th",
    "Þ": "Th",
    "æ": "ae",
    "Æ": "Ae",
    "œ": "oe",
    "Œ": "Oe",
}
_TRANSLITERATED = re.compile("[" + "".join(_TRANSLITERATION) + "]")
# Dropped without a trace, so that "U.S." is "us" and "K'akheti" is "kakheti".
_DROPPED = re.compile(r"[.'`´ʻʼʽ‘’]")
# Runs of anything but letters and digits (lines are kept: see fold_names).
_SEPARATORS = re.compile(r"[^\w\n]+")
# Notes the ISO names carry beside the name: "Wales [Cymru GB-CYM]", "Saint Martin
# (French part)", "Karpoš †".
_ANNOTATIONS = re.compile(r"\s*(\[[^\]]*\]|\([^)]*\)|†)")
# Combining marks left by decomposing a Latin letter ("é" -> "e" + U+0301).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Anything outside Latin-script writing: letters, marks, modifiers and punctuation.
_NON_LATIN = re.compile("[^\u0000-\u024f\u02b0-\u036f\u1e00-\u1eff\u2000-\u206f]")
# An ISO subdivision type that is not one plain term: "Chain (of islands)", "Islands,
# groups of islands".
_NOT_SIMPLE_TYPE = re.compile(r"[,(]")
# A folded name shorter than this (spaces aside) is a code or an abbreviation.
_MIN_LENGTH = 3


def fold_names(names: list[str]) -> list[str]:
    """The lookup key of each name: case and accents folded, punctuation made spaces (dots
    and apostrophes dropped), one leading article ("the ") removed. All names are folded as one
    text, a name a line, which is many times faster than one by one."""
    if not names:
        return []
    text = "\n".join(names)
    if text.count("\n") != len(names) - 1:
        text = "\n".join(name.replace("\n", " ") for name in names)
    if not text.isascii():
        text = _TRANSLITERATED.sub(lambda match: _TRANSLITERATION[match[0]], text)
        text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    text = _SEPARATORS.sub(" ", _DROPPED.sub("", text.casefold()).replace("_", " "))
    # Separators left at most one space at either end of a line.
    text = f"\n{text}\n".replace("\n ", "\n").replace(" \n", "\n")
    for article in _words().articles:
        text = text.replace(f"\n{article} ", "\n")
    return text[1:-1].split("\n")


def fold_name(text: str) -> str:
    """The lookup key of one name (see fold_names): "Bakı" and "BAKI" are "baki"."""
    return fold_names([text])[0]


@functools.cache
def _fold_word(word: str) -> str:
    """fold_name of one word of an ISO name, remembered: the same few thousand words (types,
    local designations, directions) are folded again for each of 3,600 regions."""
    return fold_name(word)


def city_aliases(alternates: Iterable[str], excluded: frozenset[str]) -> list[str]:
    """The alternate names of a city that may be looked up: Latin script, starting with a
    capital, not an all-capitals code ("BAK", "NYC") nor a lower-case transliteration key
    ("baku"), and not in `excluded`. (Names too short to be names are dropped later: see
    lookup_keys.)"""
    non_latin = _NON_LATIN.search
    return [
        name
        for name in alternates
        if name[:1].isupper()
        and not name.isupper()
        and (name.isascii() or non_latin(name) is None)
        and name not in excluded
    ]


def clean_iso_name(name: str) -> str:
    """An ISO name without the notes in brackets and daggers it may carry."""
    return _ANNOTATIONS.sub("", name).strip()


def iso_name_forms(name: str) -> set[str]:
    """The spellings an ISO 3166 name stands for. ISO writes "Korea, Republic of" and
    "Congo, The Democratic Republic of the": both the part before the comma and the
    phrase turned round ("Republic of Korea") are names. Alternatives written
    "A / B" are each a name."""
    base = clean_iso_name(name)
    forms = {base}
    if " / " in base:
        forms.update(part.strip() for part in base.split(" / "))
    for form in list(forms):
        if ", " in form:
            head, tail = form.split(", ", 1)
            forms.update((head, f"{tail} {head}"))
    return {form for form in forms if form}


def _without_last_word(form: str, words: frozenset[str]) -> str | None:
    """The form without its last word when that word is one of `words` and what remains
    still names something (not "Northern" alone)."""
    parts = form.split()
    if len(parts) < 2 or _fold_word(parts[-1]) not in words:
        return None
    rest = parts[:-1]
    if all(_fold_word(word) in _words().directions for word in rest):
        return None
    return " ".join(rest)


def region_name_forms(name: str, kind: str, designations: frozenset[str]) -> set[str]:
    """The spellings a first-level subdivision's ISO name stands for: the ISO forms; each
    with its English type word after it ("Hualien County", "Sindh Province"); each
    without a trailing type word ("Uva Province" -> "Uva") or without a trailing word the
    country's subdivisions share as their local designation ("Anhui Sheng" -> "Anhui",
    `designations`, folded)."""
    forms = iso_name_forms(name)
    type_words = frozenset({_fold_word(kind.split()[-1])}) if kind else frozenset()
    simple_type = bool(kind) and _NOT_SIMPLE_TYPE.search(kind) is None
    for form in list(forms):
        if simple_type:
            forms.add(f"{form} {kind}")
        for words in (type_words, designations):
            shorter = _without_last_word(form, words)
            if shorter is not None:
                forms.add(shorter)
    return forms


def shared_last_words(names: list[str]) -> frozenset[str]:
    """Folded last words that at least half of a country's subdivision names end with
    (and at least three of them): the local word for the subdivision type ("Sheng",
    "oblast", "län"), which names in text often leave out."""
    counts: dict[str, int] = {}
    for name in names:
        parts = clean_iso_name(name).split()
        if len(parts) > 1 and "," not in name:
            last = _fold_word(parts[-1])
            counts[last] = counts.get(last, 0) + 1
    floor = max(3, (len(names) + 1) // 2)
    return frozenset(word for word, count in counts.items() if count >= floor)


def lookup_keys(keys: Iterable[str]) -> list[tuple[str, ...]]:
    """For each folded name, the keys it is looked up by: none when it cannot name a place
    (fewer than three letters or digits, direction words alone: "Northern", "Central");
    with a word that has a short form also written short ("saint": "St. Louis")."""
    # Most keys are one word of letters (or digits) that no rule touches: they are their
    # own key, found without splitting the key into words (a gazetteer has 160,000 keys).
    words = _words()
    ruled = words.ruled
    return [
        (key,)
        if key.isalnum() and len(key) >= _MIN_LENGTH and key not in ruled
        else _lookup_keys(key, words)
        for key in keys
    ]


def _lookup_keys(key: str, words: _PlaceWords) -> tuple[str, ...]:
    """The keys one folded name is looked up by (see lookup_keys)."""
    parts = key.split()
    if len(key) - key.count(" ") < _MIN_LENGTH or words.directions.issuperset(parts):
        return ()
    if words.abbreviations.keys().isdisjoint(parts):
        return (key,)
    return (key, _shortened(key))


def same_key(first: str, second: str) -> bool:
    """Whether two folded names are one, a word and its short form being one word."""
    if first == second:
        return True
    return _shortened(first) == _shortened(second)


def _shortened(key: str) -> str:
    short = _words().abbreviations
    return " ".join(short.get(word, word) for word in key.split())


@dataclass(frozen=True)
class _PlaceWords:
    articles: tuple[str, ...]
    directions: frozenset[str]
    abbreviations: dict[str, str]
    ruled: frozenset[str]  # words that give a key lookup keys other than itself


@functools.cache
def _words(language: str = "en") -> _PlaceWords:
    """The language's words in place names (resources/<lang>/place_words.toml)."""
    data = resources.files("consilience.resources").joinpath(language, "place_words.toml")
    table = tomllib.loads(data.read_text(encoding="utf-8"))
    directions = frozenset(table["directions"])
    abbreviations = dict(table["abbreviations"])
    return _PlaceWords(
        articles=tuple(table["articles"]),
        directions=directions,
        abbreviations=abbreviations,
        ruled=directions | abbreviations.keys(),
    )
