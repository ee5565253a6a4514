"""The JSON-contract record of an event: its kind, label, name, places with their gazetteer
ids and containment, date, reports and documents (align.events finds the events; align
adds their slots and tolls)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from consilience.align.actors import name_key
from consilience.align.events import Event, Mention
from consilience.lexicon.incidents import load_vocabulary
from consilience.places import CITY, COUNTRY, REGION, Gazetteer, Place, load_gazetteer


def event_record(event: Event, gazetteer: Gazetteer) -> dict[str, Any]:
    """The JSON-contract record of an event (without its slots and tolls)."""
    kinds = Counter(m.kind for m in event.mentions)
    kind = max(kinds, key=lambda k: (kinds[k], load_vocabulary().kind(k).rank))
    names = Counter(m.name_text for m in event.mentions if m.name_text)
    name = names.most_common(1)[0][0] if names else None
    places = _places(event, gazetteer)
    start, end = (
        (date.fromordinal(event.first).isoformat(), date.fromordinal(event.last).isoformat())
        if event.first
        else (None, None)
    )
    stated = [m for m in event.mentions if m.stated]
    value = _date_value(stated) if stated else end  # a report's day, not its lag window
    reported = [m.published for m in event.mentions if m.published is not None]
    label_place = _label_place(places)
    label = name or " · ".join(
        part for part in (kind.replace("_", " "), label_place, value) if part
    )
    return {
        "id": event.id,
        "kind": kind,
        "label": label,
        "name": name,
        "places": places,
        "date": {"value": value, "mod": None, "start": start, "end": end},
        "ongoing": event.head.ongoing,
        "first_reported": date.fromordinal(min(reported)).isoformat() if reported else None,
        "last_reported": date.fromordinal(max(reported)).isoformat() if reported else None,
        "documents": sorted({m.doc for m in event.mentions}),
        "mentions": [m.id for m in event.mentions],
    }


def _date_value(stated: list[Mention]) -> str | None:
    spans = Counter((m.span.first, m.span.last) for m in stated if m.span is not None)
    first, last = spans.most_common(1)[0][0]
    if first == last:
        return date.fromordinal(first).isoformat()
    return f"{date.fromordinal(first).isoformat()}/{date.fromordinal(last).isoformat()}"


def _places(event: Event, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """The event's places most named first (at most six): gazetteer places with their ids
    and what contains them, and names the gazetteer does not know, as written."""
    counts: Counter[tuple[str, str]] = Counter()
    resolved: dict[str, Place] = {}
    for mention in event.mentions:
        for place in mention.places:
            counts[("id", place.id)] += 1
            resolved[place.id] = place
        for name in mention.place_names:
            if name_key(name) in mention.unresolved:
                counts[("name", name)] += 1
    return [
        _place_record(resolved[key], gazetteer) if kind == "id" else _unknown_place(key)
        for (kind, key), _ in counts.most_common(6)
    ]


def _place_record(place: Place, gazetteer: Gazetteer) -> dict[str, Any]:
    return {
        "name": place.name,
        "id": place.id,
        "level": place.level,
        "country": place.country,
        "region": place.region,
        "within": list(gazetteer.within(place)),
        "latitude": place.latitude,
        "longitude": place.longitude,
    }


def _unknown_place(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "id": None,
        "level": None,
        "country": None,
        "region": None,
        "within": [],
        "latitude": None,
        "longitude": None,
    }


_LEVEL_ORDER = {CITY: 0, REGION: 1, COUNTRY: 2}


def _label_place(places: list[dict[str, Any]]) -> str:
    """ "Hualien, Taiwan": the most specific place named, with its country."""
    if not places:
        return ""
    best = min(places, key=lambda p: _LEVEL_ORDER.get(str(p["level"]), 3))
    if best["level"] in (CITY, REGION) and best["country"]:
        country = load_gazetteer().country(str(best["country"]))
        if country is not None and country.name != best["name"]:
            return f"{best['name']}, {country.name}"
    return str(best["name"])
