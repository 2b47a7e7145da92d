"""Places: GPE/LOC groups linked to GeoNames, the article deciding before population."""

import pytest

from service.pipeline.enrich.places import link
from service.pipeline.types import Dateline, Group, Span

pytestmark = pytest.mark.model


def group(number: int, name: str, label: str = "GPE") -> Group:
    return Group(number, name, label, 1, Span(0, 1), 0.1)


@pytest.fixture(scope="module")
def sample_places(model_app, sample_text):
    client = model_app.test_client()
    options = {"include": ["groups", "places"]}
    answer = client.post("/v1/enrich", json={"text": sample_text, "options": options}).json
    names = {g["id"]: g["name"] for g in answer["groups"]}
    return {names[place["group"]]: place for place in answer["places"]}


@pytest.mark.parametrize(
    ("name", "geonameid", "country"),
    [("BRUSSELS", 2800866, "BE"), ("Moscow", 524901, "RU"), ("Georgia", 614540, "GE")],
)
def test_the_samples_places_link_right(sample_places, name, geonameid, country):
    place = sample_places[name]
    assert (place["geonameid"], place["country"]) == (geonameid, country)


def test_a_city_has_coordinates(sample_places):
    brussels = sample_places["BRUSSELS"]
    assert brussels["latitude"] == pytest.approx(50.85, abs=0.01)
    assert brussels["longitude"] == pytest.approx(4.35, abs=0.01)


def test_an_unknown_place_stays_unlinked(sample_places):
    assert "Kadaga" not in sample_places


def test_the_datelines_country_wins_over_population(app):
    dateline = Dateline("MOSCOW, Idaho", None, 0, 13)
    places = link([group(0, "MOSCOW"), group(1, "Idaho")], dateline)
    assert [(p.group, p.country) for p in places][0] == (0, "US")


def test_a_country_the_article_names_wins_over_population(app):
    places = link([group(0, "Paris"), group(1, "Texas"), group(2, "United States")], None)
    assert places[0].country == "US"


def test_without_context_the_larger_place_wins(app):
    assert link([group(0, "Paris")], None)[0].country == "FR"


def test_other_labels_are_not_linked(app):
    assert link([group(0, "Paris", "PERSON")], None) == []
