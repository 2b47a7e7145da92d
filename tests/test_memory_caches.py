"""What memory zones miss: the model's own words stay warm, the lemmatizer's cache stays bounded."""

import pytest

from service.pipeline import memory
from service.pipeline.types import Article

pytestmark = pytest.mark.model


@pytest.mark.parametrize("word", ["government", "minister", "said"])
def test_common_words_have_lexemes_before_any_request(app, word):
    assert word in app.extensions["pipeline"].nlp.vocab


def test_the_lemmatizer_cache_is_emptied_once_full(app, monkeypatch):
    pipeline = app.extensions["pipeline"]
    monkeypatch.setattr(memory, "LEMMA_CACHE_LIMIT", 5)
    pipeline.run([Article("a", "Reporters wrote many different stories about the rivers.")])
    assert len(pipeline.nlp.get_pipe("lemmatizer").cache) <= 5
