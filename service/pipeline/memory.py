"""Keep the model warm across requests: the lexemes memory zones would drop every time."""

from spacy.language import Language

CHUNK = 5_000  # words per tokenizer call: keeps the one-off Doc small


def warm_vocab(nlp: Language) -> None:
    """Lexemes and tokenizer-cache entries for every word in the model's string store.

    Each request runs in a memory zone, which drops every lexeme it made: without this, four
    in five words of a news article were new lexemes on every request (~2% of the model's CPU
    time, measured on examples/). Made here, outside any zone, they stay for good.
    """
    words = [text for text in nlp.vocab.strings if " " not in text and len(text) < 50]
    for start in range(0, len(words), CHUNK):
        nlp.tokenizer(" ".join(words[start : start + CHUNK]))

