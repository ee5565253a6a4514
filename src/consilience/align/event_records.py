"""The JSON-contract record of an event: its kind, label, name, places with their gazetteer
ids and containment, date, reports and documents (align.events finds the events; align
adds their slots and tolls)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from consilience.align.actors import name_key
from consilience.align.events import Event, Mention
from consilience.extract.incident_kinds import load_vocabulary
from consilience.places import Gazetteer, Place, load_gazetteer


def event_record(event: Event, gazetteer: Gazetteer) -> dict[str, Any]:
    """The JSON-contract record of an event (without its slots and tolls)."""
    kinds = Counter(m.kind for m in event.mentions)
    kind = max(kinds, key=lambda k: (kinds[k], load_vocabulary().kind(k).rank))
    names = Counter(m.name for m in event.mentions if m.name)
    name = _display_name(event, names.most_common(1)[0][0]) if names else None
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


def _display_name(event: Event, lower: str) -> str:
    """The name as a document writes it (mentions keep it lower-cased for matching)."""
    return " ".join(word.capitalize() if not word[:1].isdigit() else word for word in lower.split())


def _date_value(stated: list[Mention]) -> str | None:
    spans = Counter((m.span.first, m.span.last) for m in stated if m.span is not None)
    first, last = spans.most_common(1)[0][0]
    if first == last:
        return date.fromordinal(first).isoformat()
    return f"{date.fromordinal(first).isoformat()}/{date.fromordinal(last).isoformat()}"


def _places(event: Event, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    counts: Counter[str] = Counter()
    resolved: dict[str, Place] = {}
    for mention in event.mentions:
        for place in mention.places:
            counts[place.id] += 1
            resolved[place.id] = place
        for name in mention.place_names:
            if name_key(name) in mention.unresolved:
                counts["name:" + name] += 1
    records: list[dict[str, Any]] = []
    for key, _ in counts.most_common(6):
        if key.startswith("name:"):
            records.append(
                {
                    "name": key[5:],
                    "id": None,
                    "level": None,
                    "country": None,
                    "region": None,
                    "within": [],
                    "latitude": None,
                    "longitude": None,
                }
            )
            continue
        place = resolved[key]
        records.append(
            {
                "name": place.name,
                "id": place.id,
                "level": place.level,
                "country": place.country,
                "region": place.region,
                "within": list(gazetteer.within(place)),
                "latitude": place.latitude,
                "longitude": place.longitude,
            }
        )
    return records


_LEVEL_ORDER = {"city": 0, "region": 1, "country": 2}


def _label_place(places: list[dict[str, Any]]) -> str:
    """ "Hualien, Taiwan": the most specific place named, with its country."""
    if not places:
        return ""
    best = min(places, key=lambda p: _LEVEL_ORDER.get(str(p["level"]), 3))
    if best["level"] in ("city", "region") and best["country"]:
        country = load_gazetteer().country(str(best["country"]))
        if country is not None and country.name != best["name"]:
            return f"{best['name']}, {country.name}"
    return str(best["name"])
