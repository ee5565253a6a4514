"""Events across documents: the incidents each document reports (its `incidents` claims),
resolved into one record per real-world event, the way conflict and disaster monitors code
one event per incident (a kind, a place, a date).

Two mentions are one event when their kinds are of one family and their places and dates
are compatible (docs/alignment.md, "Events", states each rule):
- places: never two countries (unless the kind crosses borders, the countries are
  neighbours and the days the same); towns and regions that can be the same ground;
  sharing only a country is enough only for the same kind; names the gazetteer does not
  know must be shared;
- dates: the incident days overlap (a report dated by its publication day covers the
  `REPORT_LAG_DAYS` before it); or a later report revises a toll of an event of the same
  kind and place, within its kind's window after the event's last report;
- a name shared by both (Cyclone Mira) is enough; two different names keep them apart.
Long-running situations (a war, a season) are events of their own kind, without a time
limit.

Cost: mentions are swept once in date order; each looks only at the events filed under
one of its place keys in its own 30-day periods (or, for revisions, the most recently
reported ones), so a year of reports stays near-linear.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from consilience.align.actors import name_key
from consilience.align.timespan import MONTH, Span, parse_span, published_day
from consilience.lexicon.incidents import OTHER, IncidentVocabulary, load_vocabulary
from consilience.places import CITY, COUNTRY, REGION, Gazetteer, Place, load_gazetteer

# A report dated by its publication day tells of an incident up to this many days before.
REPORT_LAG_DAYS = 3
# Stated incident dates this many days apart still name one incident (a night across two
# dates, "on Monday" in a report of Tuesday's aftermath).
DATE_SLACK_DAYS = 1
# Two cities of one country this far apart are two incidents (unless the kind crosses
# borders: then BORDERS_KM).
CITY_KM = 150.0
BORDERS_KM = 600.0
# Every event of a block is also filed under this key, for reports that name no place;
# they look at the most recent few hundred only.
_ANY = "*"
_UNPLACED_SCAN = 200
# A report naming more countries than this is a roundup: it joins an event only through a
# town, a region or a name they share.
_ROUNDUP_COUNTRIES = 2
# Events filed under one place key that a mention looks at, most recently reported first.
_SCAN = 500
# Towns and regions an event keeps to compare with: enough for an event told town by town.
_PLACES_KEPT = 16
# Events are also filed by the 30-day period of their days, so a dated mention looks only
# at events of its own time.
_PERIOD_DAYS = 30
_MAX_PERIODS = 24  # a date coarser than two years is filed by its first two years


@dataclass(slots=True)
class Mention:
    """One incident as one document reports it, reduced to what resolution compares."""

    id: str
    doc: str
    kind: str
    family: str
    ongoing: bool
    borders: bool
    name: str | None  # matched folded ("cyclone mira")
    name_text: str | None  # as the document writes it ("Cyclone Mira")
    places: tuple[Place, ...]
    unresolved: frozenset[str]  # place names the gazetteer does not know (name_key form)
    span: Span | None  # the incident's days: stated, else the report's lag window
    stated: bool  # the document states the date
    published: int | None
    revision: bool
    place_names: tuple[str, ...]

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(place.country for place in self.places)

    def keys(self, gazetteer: Gazetteer) -> set[str]:
        """Index keys: its places, what contains them, and unknown names."""
        keys = set(self.unresolved)
        for place in self.places:
            keys.add(place.id)
            keys.update(gazetteer.within(place))
        return keys


@dataclass(eq=False)
class Event:
    id: str = ""
    mentions: list[Mention] = field(default_factory=list)
    first: int = 0  # days of the incident
    last: int = 0
    stated: bool = False
    last_reported: int = 0
    coarse: bool = False  # its days come from a date coarser than a month ("in 2012")
    names: set[str] = field(default_factory=set)
    merged_into: Event | None = None  # set when a later mention showed it is another one
    # What its mentions say, kept as they come so that a comparison costs the same for a
    # big event as for a small one.
    countries: set[str] = field(default_factory=set)
    place_ids: set[str] = field(default_factory=set)  # cities and regions
    specific: list[Place] = field(default_factory=list)  # its first towns and regions
    unresolved: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)

    def live(self) -> Event:
        event = self
        while event.merged_into is not None:
            event = event.merged_into
        return event

    def absorb(self, other: Event) -> None:
        for mention in other.mentions:
            self.add(mention)
        other.mentions = []
        other.merged_into = self

    @property
    def head(self) -> Mention:
        return self.mentions[0]

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.documents.add(mention.doc)
        self.kinds.add(mention.kind)
        self.unresolved.update(mention.unresolved)
        for place in mention.places:
            self.countries.add(place.country)
            if place.level != COUNTRY:
                self.place_ids.add(place.id)
            if (
                place.level != COUNTRY
                and len(self.specific) < _PLACES_KEPT
                and all(known.id != place.id for known in self.specific)
            ):
                self.specific.append(place)
        if mention.name:
            self.names.add(mention.name)
        if mention.published is not None:
            self.last_reported = max(self.last_reported, mention.published)
        span = mention.span
        if span is None:
            return
        fine = span.granularity <= MONTH
        if (
            len(self.mentions) == 1
            or (mention.stated and not self.stated)
            or (fine and self.coarse and mention.stated == self.stated)
        ):
            self.first, self.last, self.stated = span.first, span.last, mention.stated
            self.coarse = not fine
        elif mention.stated == self.stated and fine == (not self.coarse):
            self.first, self.last = min(self.first, span.first), max(self.last, span.last)


def mention_from_claim(
    claim: dict[str, Any],
    published: str | None,
    gazetteer: Gazetteer,
    vocabulary: IncidentVocabulary,
) -> Mention:
    kind = vocabulary.kind(str(claim.get("kind") or OTHER))
    places = tuple(
        place for pid in claim.get("place_ids") or [] if (place := gazetteer.by_id(pid)) is not None
    )
    resolved_names = {name_key(p.name) for p in places}
    names = [str(n) for n in claim.get("places") or []]
    unresolved = frozenset(
        key
        for n in names
        # "the mill bridge" is a place, but not one that tells two events apart
        if any(ch.isupper() for ch in n)
        if (key := name_key(n)) and key not in resolved_names and not _known(n, gazetteer)
    )
    day = published_day(published)
    span = parse_span(claim.get("date"), claim.get("mod")) if claim.get("date") else None
    stated = claim.get("date_source") == "text" and span is not None
    coarse = stated and span is not None and span.granularity > MONTH
    if coarse and span is not None and day is not None and span.first <= day <= span.last:
        span, stated = Span(day, day, 0), False  # "this year" says no more than its day
    if span is not None and not stated:
        span = Span(max(1, span.first - REPORT_LAG_DAYS), span.last, span.granularity)
    name = claim.get("name")
    return Mention(
        id=str(claim["id"]),
        doc=str(claim["doc"]),
        kind=str(claim.get("kind") or OTHER),  # kept even when the vocabulary lost it
        family=kind.family,
        ongoing=kind.ongoing,
        borders=kind.borders,
        name=str(name).casefold() if name else None,
        name_text=str(name) if name else None,
        places=places,
        unresolved=unresolved,
        span=span,
        stated=stated,
        published=day,
        revision=vocabulary.is_revision(str(claim.get("text") or "")),
        place_names=tuple(names),
    )


def _known(name: str, gazetteer: Gazetteer) -> bool:
    return gazetteer.resolve(name) is not None


def resolve_events(mentions: Iterable[Mention]) -> list[Event]:
    """Mentions grouped into events, in a deterministic order (by first incident day)."""
    gazetteer = load_gazetteer()
    index = _EventIndex()
    events: list[Event] = []
    for mention in sorted(mentions, key=_order):
        block = mention.kind if mention.ongoing else mention.family
        keys = mention.keys(gazetteer)
        matches: list[tuple[float, int, Event]] = []
        seen: set[int] = set()
        for event in index.candidates(mention, block, keys):
            if id(event) in seen:
                continue
            seen.add(id(event))
            score = _match(event, mention, gazetteer)
            if score > 0:
                matches.append((score, -len(matches), event))
        best = max(matches, key=lambda match: match[:2])[2] if matches else None
        if mention.name and best is None:
            best = next(iter(index.recent(block, "name:" + mention.name)), None)
        if best is None and not mention.places:
            # Names the gazetteer does not know ("Quay Street", "Port Veslin") share no
            # key, and a report may name no place at all: look at the events of its days.
            nearby = [e for e in index.of_days(mention, block, _ANY) if id(e) not in seen]
            if not keys:
                best = _unplaced_home(nearby, mention)
            elif mention.stated:
                best = next((e for e in nearby if _match(e, mention, gazetteer) > 0), None)
        if best is None:
            best = Event()
            events.append(best)
        # A mention that fits several events shows they are one ("Marrowby" and
        # "Estrovia" reported apart, then together).
        for _, _, other in matches:
            if other is not best and _bridged(best, other):
                best.absorb(other)
        best.add(mention)
        index.file(best, block, keys | ({"name:" + mention.name} if mention.name else set()))
    events = [event for event in events if event.merged_into is None]
    for event in events:
        event.id = _event_id(event)
    return events


class _EventIndex:
    """Open events by (block, place key): in the order of their last report, and by the
    30-day periods their days fall in. A dated mention looks at the events of its own
    periods; a toll revision, an undated mention or a long-running kind at the most
    recently reported events of each key."""

    def __init__(self) -> None:
        self._recent: dict[tuple[str, str], list[Event]] = defaultdict(list)
        self._periods: dict[tuple[str, str, int], list[Event]] = defaultdict(list)
        self._filed: dict[int, tuple[set[str], int, int]] = {}

    def candidates(self, mention: Mention, block: str, keys: set[str]) -> Iterator[Event]:
        for key in sorted(keys):
            yield from self.of_days(mention, block, key)
        if mention.span is None or mention.ongoing or (mention.revision and not mention.stated):
            for key in sorted(keys):
                for event in self.recent(block, key):
                    if _too_old(event, mention):
                        break
                    yield event

    def recent(self, block: str, key: str) -> Iterator[Event]:
        for filed in reversed(self._recent.get((block, key), [])[-_SCAN:]):
            yield filed.live()

    def of_days(self, mention: Mention, block: str, key: str) -> list[Event]:
        span = mention.span
        if span is None:
            return []
        first, last = _periods(span.first, span.last)
        return [
            filed.live()
            for period in range(first, last + 1)
            for filed in self._periods.get((block, key, period), ())
        ]

    def file(self, event: Event, block: str, keys: set[str]) -> None:
        """File the event under the mention's keys, and under all its keys for any new
        period its days now reach."""
        keys = keys | {_ANY}
        for key in sorted(keys):
            bucket = self._recent[(block, key)]
            if not bucket or bucket[-1] is not event:
                bucket.append(event)
        if not event.first:
            return
        first, last = _periods(event.first, event.last)
        known, was_first, was_last = self._filed.get(id(event), (set(), 0, -1))
        for key in sorted(keys | known):
            for period in range(first, last + 1):
                if key in known and was_first <= period <= was_last:
                    continue
                self._periods[(block, key, period)].append(event)
        self._filed[id(event)] = (known | keys, first, last)


def _periods(first: int, last: int) -> tuple[int, int]:
    """The 30-day periods a span of days touches (with the slack), at most _MAX_PERIODS."""
    start = (first - DATE_SLACK_DAYS) // _PERIOD_DAYS
    end = (last + DATE_SLACK_DAYS) // _PERIOD_DAYS
    return start, min(end, start + _MAX_PERIODS)


def _bridged(one: Event, other: Event) -> bool:
    """Two events a mention fits are one when the gazetteer knows none of their places
    (names it cannot tell apart or contain) and their days overlap. Events the gazetteer
    places stay as they are: in a feed, a vague report would chain many into one."""
    if one.countries or other.countries:
        return False
    if not one.first or not other.first:
        return False
    return one.first <= other.last + DATE_SLACK_DAYS and other.first <= one.last + DATE_SLACK_DAYS


def _unplaced_home(events: list[Event], mention: Mention) -> Event | None:
    """A report that names no place joins the one open event of its family whose days
    agree with its own (in a corpus about one event, that event); with two or more, it
    cannot tell which, and stays apart."""
    span = mention.span
    if span is None:
        return None
    agreeing = {
        id(event): event
        for event in events
        if event.last + DATE_SLACK_DAYS >= span.first and span.last + DATE_SLACK_DAYS >= event.first
    }
    return next(iter(agreeing.values())) if len(agreeing) == 1 else None


def _order(mention: Mention) -> tuple[bool, bool, int, int, str]:
    """Dated mentions in date order, then the undated, then those that name no place:
    they join what the others made."""
    first = mention.span.first if mention.span is not None else (mention.published or 0)
    unplaced = not mention.places and not mention.unresolved
    return unplaced, not first, first, mention.published or 0, mention.id


def _too_old(event: Event, mention: Mention) -> bool:
    """An event the mention can no longer join: reported longer ago than the mention's
    kind allows a toll revision to come (its follow-up window)."""
    if mention.ongoing:
        return False
    window = load_vocabulary().kind(mention.kind).follow_up_days
    reference = mention.published or (mention.span.first if mention.span else 0)
    return reference - max(event.last, event.last_reported) > window


def _match(event: Event, mention: Mention, gazetteer: Gazetteer) -> float:
    """How strongly the mention belongs to the event; 0 when it cannot."""
    if mention.name and event.names:
        return 10.0 if mention.name in event.names and _countries_agree(event, mention) else 0.0
    if not _places_agree(event, mention, gazetteer):
        return 0.0
    shared = _shared_places(event, mention, gazetteer)
    if mention.ongoing:
        return 1.0 + shared
    if not _shares_more_than_country(event, mention) and (
        len(mention.countries) > _ROUNDUP_COUNTRIES or mention.kind not in event.kinds
    ):
        # Sharing only a country, a roundup of several countries or another kind of the
        # family ("an attack" and "a shooting" in Pakistan the same week) is not enough.
        return 0.0
    span = mention.span
    if span is None or not event.first:
        # Undated, and no publication day: only a shared town or region ties it.
        return 1.0 + shared if _shares_more_than_country(event, mention) else 0.0
    if event.last + DATE_SLACK_DAYS >= span.first and span.last + DATE_SLACK_DAYS >= event.first:
        if span.granularity > MONTH or event.coarse:
            # "in 2012": a year holds many events; a shared town or region is needed too
            return 1.5 + shared if _shares_more_than_country(event, mention) else 0.0
        return 2.0 + shared
    if not (mention.revision and not mention.stated and shared > 0):
        return 0.0
    if mention.kind not in event.kinds or span.first < event.first:
        return 0.0
    kind = load_vocabulary().kind(mention.kind)
    window = (
        kind.follow_up_days
        if _shares_more_than_country(event, mention)
        else kind.country_follow_up_days
    )
    since = (mention.published or span.last) - max(event.last, event.last_reported)
    return 1.0 + shared if since <= window else 0.0


def _shares_more_than_country(event: Event, mention: Mention) -> bool:
    """A city, a region or a name the gazetteer does not know, shared by both."""
    if any(p.id in event.place_ids for p in mention.places):
        return True
    return bool(mention.unresolved & event.unresolved)


def _countries_agree(event: Event, mention: Mention) -> bool:
    """No two different countries, unless the kind crosses borders and the two are
    neighbours (an earthquake felt across a border, a cyclone over two coasts)."""
    mine, theirs = mention.countries, event.countries
    if not mine or not theirs or mine & theirs:
        return True
    if not (mention.borders and mention.kind in event.kinds):
        return False
    gazetteer = load_gazetteer()
    return any(gazetteer.neighbours(a, b) for a in mine for b in theirs)


def _places_agree(event: Event, mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether the mention's places can be the event's ground (docs/alignment.md)."""
    if not mention.places and not mention.unresolved:
        return False  # a report that names no place says too little to join anything
    if not _countries_agree(event, mention):
        return False
    mine, theirs = mention.countries, event.countries
    if (
        mine
        and theirs
        and not (mine & theirs)
        and (
            # Only a border-crossing kind gets here: the same days are required.
            mention.span is None
            or not (
                event.first - DATE_SLACK_DAYS <= mention.span.last
                and mention.span.first <= event.last + DATE_SLACK_DAYS
            )
        )
    ):
        return False
    if _apart(event, mention, gazetteer):
        return False
    if not mine or not theirs:
        known = event.unresolved
        if known & mention.unresolved:
            return True
        if mine or theirs:
            return False  # one placed by the gazetteer, the other by unknown names only
        if not known or not mention.unresolved:
            return True
        # Names the gazetteer does not know may be a street and its town: enough apart
        # only for reports dated by their publication day, not for stated same days.
        return (
            mention.stated
            and event.stated
            and mention.kind in event.kinds
            and mention.span is not None
            and mention.span.first <= event.last
            and event.first <= mention.span.last
        )
    return True


def _apart(event: Event, mention: Mention, gazetteer: Gazetteer) -> bool:
    """Both name towns or regions, and none of theirs can be the same ground: two
    different regions, two towns further apart than CITY_KM (BORDERS_KM for a kind that
    crosses borders), a town of another region. Unknown containment (a town whose region
    the gazetteer does not give) is no evidence either way."""
    mine = [p for p in mention.places if p.level != COUNTRY]
    if not mine or not event.specific:
        return False
    limit = BORDERS_KM if mention.borders else CITY_KM
    return not any(
        _same_ground(a, b, limit, mention.borders, gazetteer) for a in mine for b in event.specific
    )


def _same_ground(a: Place, b: Place, limit: float, borders: bool, gazetteer: Gazetteer) -> bool:
    if a.id == b.id:
        return True
    if a.level == CITY and b.level == CITY:
        distance = gazetteer.distance_km(a, b)
        return distance is None or distance <= limit
    if a.level == REGION and b.level == REGION:
        return borders  # a storm may cross regions; nothing else is in two at once
    city, region = (a, b) if a.level == CITY else (b, a)
    return city.region is None or city.region == region.region


def _shared_places(event: Event, mention: Mention, gazetteer: Gazetteer) -> float:
    """Shared place keys, the most specific counting most (a city over a country)."""
    ids = {p.id for p in mention.places}
    score = float(len(ids & event.place_ids) + len(mention.unresolved & event.unresolved))
    score += 0.5 * len({p.country for p in mention.places if p.level == COUNTRY} & event.countries)
    if not score:
        # Its places lie in a region or a country of the event's.
        contained = {c for p in mention.places for c in gazetteer.within(p)}
        inside = contained & event.place_ids or mention.countries & event.countries
        score = 0.5 if inside else 0.0
    return score


def _event_id(event: Event) -> str:
    digest = hashlib.sha1("\n".join(sorted(m.id for m in event.mentions)).encode())
    return "ev-" + digest.hexdigest()[:12]
