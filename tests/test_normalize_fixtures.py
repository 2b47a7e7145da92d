"""Scraped articles in many publishers' layouts: exact clean text, removed kinds, metadata."""

from functools import cache

import pytest
from support.normalize_fixtures import load_all

from service.pipeline.normalize import REMOVED_KINDS, normalize

FIXTURES = load_all()
BY_NAME = {fixture.name: fixture for fixture in FIXTURES}
NAMES = sorted(BY_NAME)


@cache
def normalized(name: str):
    return normalize(BY_NAME[name].raw)


def test_the_set_covers_many_publishers():
    layouts = {name.split("-")[0] for name in NAMES}
    assert len(FIXTURES) >= 30 and len(layouts) >= 8


@pytest.mark.parametrize("name", NAMES)
def test_clean_text_is_exactly_the_body(name):
    assert normalized(name).text == BY_NAME[name].text


@pytest.mark.parametrize("name", NAMES)
def test_each_marked_span_is_removed_with_its_kind(name):
    removed = [(r.kind, r.source.start, r.source.end) for r in normalized(name).removed]
    assert removed == sorted(BY_NAME[name].removed, key=lambda r: (r[1], r[2]))


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name):
    result, meta = normalized(name), BY_NAME[name].meta
    dateline = result.dateline and [result.dateline.location, result.dateline.agency]
    assert (result.title, result.publisher) == (meta["title"], meta["publisher"])
    assert dateline == (
        meta["dateline"] and [", ".join(meta["dateline"][:-1]), meta["dateline"][-1]]
    )
    assert result.authors == meta["authors"]
    assert [section.kind for section in result.sections] == meta["sections"]


def test_every_removal_kind_is_declared():
    # metrics start a series for each declared kind: a new kind must be added to the list
    found = {removed.kind for name in NAMES for removed in normalized(name).removed}
    assert found <= REMOVED_KINDS
