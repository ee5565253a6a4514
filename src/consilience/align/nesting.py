"""Which of two figures' places lies within the other's, by the gazetteer: "Baku,
Sumgayit" within "Azerbaijan". A count for the places inside cannot exceed the count for
the place around them; when it does, the sources contradict each other."""

from __future__ import annotations

from functools import lru_cache

from consilience.align.figures import Figure
from consilience.lexicon.incidents import load_vocabulary
from consilience.places import Place, fold_name, load_gazetteer


@lru_cache(maxsize=65536)
def _place(name: str) -> Place | None:
    return load_gazetteer().resolve(name)


def _places(names: tuple[str, ...], countries: frozenset[str]) -> list[Place] | None:
    """The places named, or None when one is unknown. "The Republic" and "the country"
    stand for the one country the other figure's places lie in."""
    words = load_vocabulary().document_country
    found: list[Place] = []
    for name in names:
        if fold_name(name) in words and len(countries) == 1:
            country = load_gazetteer().country(next(iter(countries)))
            if country is None:
                return None
            found.append(country)
            continue
        place = _place(name)
        if place is None:
            return None
        found.append(place)
    return found


def nested(first: Figure, second: Figure) -> tuple[Figure, Figure] | None:
    """(inner, outer) when every place of one lies within a place of the other and the
    two are not the same places; None when either names no place or one is unknown."""
    if not first.places or not second.places or set(first.places) == set(second.places):
        return None
    inside = _inside(first.places, second.places)
    if inside == 1:
        return first, second
    if inside == 2:
        return second, first
    return None


@lru_cache(maxsize=65536)
def _inside(one: tuple[str, ...], other: tuple[str, ...]) -> int:
    """1 when the places `one` lie within `other`, 2 the other way round, else 0. Slots
    compare the same few place lists many times over, so the answer is kept."""
    gazetteer = load_gazetteer()
    for number, (inner, outer) in ((1, (one, other)), (2, (other, one))):
        inner_places = _places(inner, frozenset())
        if not inner_places:
            continue
        countries = frozenset(place.country for place in inner_places)
        outer_places = _places(outer, countries)
        if not outer_places:
            continue
        if all(any(gazetteer.contains(o, i) for o in outer_places) for i in inner_places) and (
            not all(any(gazetteer.contains(i, o) for i in inner_places) for o in outer_places)
        ):
            return number
    return 0
