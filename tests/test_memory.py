"""The string store does not grow with never-seen words: every batch runs in a memory zone."""

import random

import pytest
from support.randomwords import random_article

pytestmark = pytest.mark.model

STRING_GROWTH_BOUND = 1_000  # loose: without memory zones 300 such documents add ~54,000


@pytest.mark.slow
def test_string_store_stays_flat_over_random_words(app, client):
    rng = random.Random(7)
    strings = app.extensions["pipeline"].pipeline.nlp.vocab.strings

    def send(count: int) -> None:
        for _ in range(count // 30):
            documents = [{"text": random_article(rng)} for _ in range(30)]
            assert client.post("/v1/enrich/batch", json={"documents": documents}).status_code == 200

    send(30)
    before = len(strings)
    send(300)
    assert len(strings) <= before + STRING_GROWTH_BOUND


@pytest.mark.parametrize("word", ["government", "minister", "said"])
def test_common_words_have_lexemes_before_any_request(app, word):
    assert word in app.extensions["pipeline"].pipeline.nlp.vocab
