"""DATE mentions resolved against the publication time."""

from datetime import datetime

import pytest

from service.pipeline.enrich.dates import resolve

PUBLISHED = datetime(2022, 1, 12, 9, 30)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Wednesday", "2022-01-12"),
        ("on Tuesday", "2022-01-11"),
        ("Thursday", "2022-01-13"),
        ("Sunday", "2022-01-09"),
        ("September 13 2021", "2021-09-13"),
        ("last July", "2021-07"),
        ("two decades ago", "2002"),
        ("2014", "2014"),
        ("July 2019", "2019-07"),
        ("yesterday", "2022-01-11"),
        ("this week", "2022-W02"),
        ("earlier this month", "2022-01"),
        ("late last year", "2021"),
    ],
)
def test_points_in_time_resolve(text, value):
    assert resolve(text, PUBLISHED) == value


@pytest.mark.parametrize(
    "text",
    [
        "a week",
        "more than two years",
        "the 1990s",
        "2021-22",
        "the end of the month",
        "recent years",
        "the past decade",
    ],
)
def test_durations_and_vague_dates_have_no_value(text):
    assert resolve(text, PUBLISHED) is None
