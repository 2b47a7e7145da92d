"""The hand-built gold stays above the issue's targets; bench/score_enrich.py prints figures."""

import pytest
from support.gold import FIXTURES, score

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def scores(model_app):
    return score(model_app.extensions["pipeline"], FIXTURES)


def test_there_are_at_least_twelve_articles(scores):
    assert scores["articles"] >= 12


def test_quote_attribution_meets_the_targets(scores):
    assert scores["attribution_precision"] >= 0.9 and scores["attribution_recall"] >= 0.8


def test_grouping_is_precise(scores):
    assert scores["grouping_precision"] >= 0.95 and scores["grouping_recall"] >= 0.9


def test_no_scare_quote_is_reported(scores):
    assert scores["scare"] == 0
