"""Invariants of enrichment on arbitrary text: never an exception, offsets always slice."""

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.pipeline.types import Article, Options

pytestmark = pytest.mark.model

PIECES = [
    *"abc XYZ.,;:!?\"'“”‘’„«»—–-()",
    "\n\n",
    " said ",
    " he ",
    " She told ",
    "John Smith",
    " Mr. Adams ",
    " according to ",
    " Wednesday ",
    " 2021 ",
    "😀",
    "北京",
    "e\u0301",
    "U.S.",
    "NATO",
    " the company ",
]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=80).map("".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_every_offset_slices_what_it_names(app, text):
    pipeline = app.extensions["pipeline"]
    result = pipeline.run([Article("x", text, Options(published=datetime(2022, 1, 12)))])[0]
    assert all(result.text[e.start : e.end] == e.text for e in result.entities)
    assert all(result.text[q.start : q.end] == q.text for q in result.quotes)
    speakers = [q.speaker for q in result.quotes if q.speaker]
    assert all(result.text[s.start : s.end] == s.text for s in speakers)
    assert sum(g.salience for g in result.groups) == pytest.approx(1, abs=1e-2) or not any(
        g.salience for g in result.groups
    )


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_utf16_offsets_slice_the_utf16_text(app, text):
    pipeline = app.extensions["pipeline"]
    result = pipeline.run([Article("x", text, Options(offsets="utf16"))])[0]
    units = result.text.encode("utf-16-le")
    for entity in result.entities:
        assert units[2 * entity.start : 2 * entity.end].decode("utf-16-le") == entity.text
