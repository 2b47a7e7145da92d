"""Keep a worker's memory flat and its model warm across requests: what memory zones miss."""

from spacy.language import Language
from spacy.pipeline import Lemmatizer

CHUNK = 5_000  # words per tokenizer call: keeps the one-off Doc small
LEMMA_CACHE_LIMIT = 10_000  # entries, ~4 MB: the common words of news text fit


def warm_vocab(nlp: Language) -> None:
    """Lexemes and tokenizer-cache entries for every word in the model's string store.

    Each request runs in a memory zone, which drops every lexeme it made: without this, four
    in five words of a news article were new lexemes on every request (~2% of the model's CPU
    time, measured on examples/). Made here, outside any zone, they stay for good.
    """
    words = [text for text in nlp.vocab.strings if " " not in text and len(text) < 50]
    for start in range(0, len(words), CHUNK):
        nlp.tokenizer(" ".join(words[start : start + CHUNK]))


def bound_caches(nlp: Language) -> None:
    """Empty the lemmatizer's cache once it is full.

    Memory zones do not cover it: keyed by every (word, tag) ever seen, it grew a worker's RSS
    by ~1% per 100 articles of never-seen words (bench/memory_flat.py).
    """
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, Lemmatizer) and len(pipe.cache) > LEMMA_CACHE_LIMIT:
            pipe.cache.clear()
