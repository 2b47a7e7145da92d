"""Articles of never-seen random words: every document brings new strings to the model."""

import random
import string

ALPHABET = string.ascii_lowercase


def random_article(rng: random.Random, words: int = 120) -> str:
    """Sentences of random lowercase words, some capitalised so NER has candidates."""
    sentences = []
    while words > 0:
        length = min(words, rng.randint(8, 20))
        tokens = ["".join(rng.choices(ALPHABET, k=rng.randint(3, 11))) for _ in range(length)]
        tokens[0] = tokens[0].capitalize()
        for index in rng.sample(range(length), k=min(3, length)):
            tokens[index] = tokens[index].capitalize()
        sentences.append(" ".join(tokens) + ".")
        words -= length
    return " ".join(sentences)
