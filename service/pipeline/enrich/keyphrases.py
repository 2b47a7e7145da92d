"""Key phrases: the article's noun phrases, ranked by TextRank (Mihalcea and Tarau, 2004).

Noun phrases are read off the dependency parse the quotes already need: a noun-like head (subject,
object, object of a preposition, apposition, ...) with the compounds and adjectives before it.
spaCy's own `noun_chunks` would need the tagger as well (it checks parts of speech), which no
other section runs. Words of the phrases are the graph's nodes, linked when they follow each other
within a sentence; a phrase scores the sum of its words' PageRank. A phrase whose head word is in
an entity the answer already reports is left out (`Chancellor Olaf Scholz`); one that holds an
entity and is about more stays (`Russian troops`). A phrase whose words a better one already has
is left out too (`water` after `emergency water restrictions`).
"""

import numpy
from spacy.lang.en.stop_words import STOP_WORDS

from ..types import Keyphrase, Mention, Tokens

HEADS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "dative", "oprd", "conj"}
MODIFIERS = {"compound", "amod", "nmod", "npadvmod"}
WINDOW = 3  # words of phrases linked when at most this far apart in a sentence
DAMPING, ROUNDS = 0.85, 30


def extract_keyphrases(text: str, tokens: Tokens, mentions: list[Mention], *,
                       limit: int) -> list[Keyphrase]:
    """The `limit` best noun phrases of `text`, each at its first occurrence, best first."""
    phrases = [p for p in _phrases(text, tokens) if not _about_entity(p, mentions)]
    if not phrases:
        return []
    words = [[w.casefold() for w in text[s:e].split() if w.casefold() not in STOP_WORDS]
             for s, e, _ in phrases]
    rank = _pagerank(words, [sent for _, _, sent in phrases])
    best: dict[str, Keyphrase] = {}
    for (start, end, _), parts in zip(phrases, words, strict=True):
        phrase_key = " ".join(parts)
        if phrase_key and phrase_key not in best:
            score = sum(rank[w] for w in parts)
            best[phrase_key] = Keyphrase(text[start:end], score, start, end)
    ranked = _distinct(sorted(best.values(), key=lambda k: (-k.score, k.start)), limit)
    top = ranked[0].score if ranked else 1.0
    return [Keyphrase(k.text, round(k.score / top, 4), k.start, k.end) for k in ranked]


def _phrases(text: str, tokens: Tokens) -> list[tuple[int, int, int]]:
    """(start, end, sentence) of each noun phrase: a head and its modifiers just before it."""
    found = []
    for head, dep in enumerate(tokens.deps):
        word = text[tokens.starts[head] : tokens.ends[head]]
        if dep not in HEADS or not word.isalpha() or word.casefold() in STOP_WORDS:
            continue
        first = head
        while first > 0 and _modifies(text, tokens, first - 1, head):
            first -= 1
        while text[tokens.starts[first] : tokens.ends[first]] == "-":
            first += 1
        found.append((tokens.starts[first], tokens.ends[head], tokens.sents[head]))
    return found


def _modifies(text: str, tokens: Tokens, index: int, head: int) -> bool:
    """A compound, adjective or hyphen that attaches inside the phrase (`high-level talks`)."""
    inside = index < tokens.heads[index] <= head
    hyphen = text[tokens.starts[index] : tokens.ends[index]] == "-"
    return inside and (tokens.deps[index] in MODIFIERS or hyphen)


def _about_entity(phrase: tuple[int, int, int], mentions: list[Mention]) -> bool:
    """The phrase's head (its last word) lies in an entity."""
    _, end, _ = phrase
    return any(m.start < end <= m.end for m in mentions)


def _distinct(ranked: list[Keyphrase], limit: int) -> list[Keyphrase]:
    """The best phrases, none whose words a better one already has."""
    chosen: list[Keyphrase] = []
    for phrase in ranked:
        words = set(phrase.text.casefold().split())
        if not any(words <= set(c.text.casefold().split()) for c in chosen):
            chosen.append(phrase)
        if len(chosen) == limit:
            break
    return chosen


def _pagerank(words: list[list[str]], sentences: list[int]) -> dict[str, float]:
    """PageRank of each word over links between words near each other in one sentence."""
    vocabulary = sorted({w for parts in words for w in parts})
    number = {w: i for i, w in enumerate(vocabulary)}
    links = numpy.zeros((len(vocabulary), len(vocabulary)))
    pairs = zip(words, sentences, strict=True)
    stream = [(number[word], sent) for parts, sent in pairs for word in parts]
    for at, (word, sent) in enumerate(stream):
        for other, other_sent in stream[at + 1 : at + WINDOW]:
            if other_sent == sent and other != word:
                links[word, other] = links[other, word] = 1.0
    degree = links.sum(axis=0)
    transition = links / numpy.where(degree == 0, 1.0, degree)
    scores = numpy.full(len(vocabulary), 1.0 / max(len(vocabulary), 1))
    for _ in range(ROUNDS):
        scores = (1 - DAMPING) / len(vocabulary) + DAMPING * transition @ scores
    return dict(zip(vocabulary, scores.tolist(), strict=True))
