"""The model's own words are lexemes from the start, so memory zones do not re-make them."""

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize("word", ["government", "minister", "said"])
def test_common_words_have_lexemes_before_any_request(app, word):
    assert word in app.extensions["pipeline"].nlp.vocab
