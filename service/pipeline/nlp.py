"""The spaCy stage: texts in, plain values out; no spaCy object outlives its memory zone."""

import contextvars
from collections.abc import Iterable
from functools import cache

import numpy
from spacy.attrs import (
    DEP,
    ENT_ID,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    LENGTH,
    SENT_START,
)
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import get_current_ops, set_current_ops

from .chunks import DEFAULT_BOUNDS, Bounds, Chunk, chunks, minibatches, tokenize
from .stitch import stitch
from .types import Analysis, Mention, Span, Tokens

# The model components each response section needs. In en_core_web_sm `ner` has its own
# embedding layer, so entities need nothing else; the shared tok2vec feeds only tagger and parser.
# Quotes need the parse (speech verbs, subjects) and entities (speakers); nothing needs the tagger.
NEEDS = {
    "entities": {"ner"},
    "groups": {"ner"},
    "quotes": {"tok2vec", "parser", "ner"},
    "sentences": {"tok2vec", "parser"},
    "stats": {"tok2vec", "parser"},
    "removed": set(),
    # Beyond entities (docs/api.md): key phrases are noun phrases read off the parse, minus the
    # entities; places link GPE/LOC groups; the language and the fingerprint read the text alone.
    "keyphrases": {"tok2vec", "parser", "ner"},
    "places": {"ner"},
    "language": set(),
    "fingerprint": set(),
}
# Components we know how to skip; any other component of a custom model always runs.
SKIPPABLE = {
    "tok2vec",
    "tagger",
    "morphologizer",
    "parser",
    "senter",
    "attribute_ruler",
    "lemmatizer",
    "ner",
    "gazetteer",  # GAZETTEER_FILE's entity ruler: runs exactly when `ner` does
}


def share_backend(context: contextvars.Context) -> None:
    """Give `context` this process's thinc backend. thinc keeps it in a context variable, so a
    context that never had one (a request thread's, which the model thread runs each job in)
    looks it up again on every pass: registry entry points and failed imports, ~0.3 ms."""
    context.run(set_current_ops, _backend())


@cache
def _backend():
    return get_current_ops()


def components_for(include: Iterable[str]) -> frozenset[str]:
    """The model components that the requested sections need."""
    return frozenset().union(*(NEEDS[section] for section in include))


def analyze(
    nlp: Language,
    texts: list[str],
    breaks: list[list[int]],
    components: frozenset[str],
    bounds: Bounds = DEFAULT_BOUNDS,
) -> list[Analysis]:
    """Entities, sentences, token data and word counts for each text, running only `components`;
    the model sees chunks and minibatches within `bounds`, the results are whole texts'.

    `breaks` holds, for each text, where its paragraphs after the first start.
    """
    if not components:
        return [Analysis([], [], 0) for _ in texts]
    if "ner" in components:
        components = components | {"gazetteer"}
    disable = [name for name in nlp.pipe_names if name in SKIPPABLE and name not in components]
    parsed = "parser" in components and "parser" in nlp.pipe_names
    parts: list[list[tuple[Chunk, Analysis]]] = [[] for _ in texts]
    with nlp.memory_zone():  # spaCy objects die with the zone: copy plain values out first
        pairs = zip(texts, breaks, strict=True)
        docs = (_break_paragraphs(tokenize(nlp, text, bounds.unspaced_chars), starts)
                for text, starts in pairs)
        pieces = chunks(docs, bounds.chunk_tokens)
        for group in minibatches(pieces, tokens=bounds.batch_tokens, size=nlp.batch_size):
            found = nlp.pipe([chunk.doc for chunk in group], disable=disable, batch_size=len(group))
            for chunk, doc in zip(group, found, strict=True):
                source = texts[chunk.index]
                parts[chunk.index].append((chunk, _copy_out(doc, source, chunk.char_start,
                                                            parsed=parsed)))
    return [stitch(part) for part in parts]


def _break_paragraphs(doc: Doc, starts: list[int]) -> Doc:
    """Start a sentence at every paragraph's start. The parser and the entity recognizer respect
    preset boundaries; without them the parser joins a closing quote with the next paragraph's
    attribution, and `ner` alone finds `NPR\n\nMilitary` where the full pipeline finds `NPR`.
    Set as one array: each `token.is_sent_start = True` scans the whole Doc (quadratic)."""
    offsets = doc.to_array(IDX)
    indexes = numpy.searchsorted(offsets, starts)
    indexes = indexes[indexes < len(doc)]
    sent_starts = doc.to_array([SENT_START])
    sent_starts[indexes[offsets[indexes] == numpy.asarray(starts)[: len(indexes)]]] = 1
    doc.from_array([SENT_START], sent_starts)
    return doc


# One array read per Doc: the entity columns, then the word flags.
_COLUMNS = [ENT_IOB, ENT_TYPE, ENT_ID, IDX, LENGTH, IS_PUNCT, IS_SPACE, IS_STOP]
_BEGIN, _INSIDE = 3, 1  # ENT_IOB's codes for a token that begins or continues an entity


def _copy_out(doc: Doc, source: str, base: int, *, parsed: bool) -> Analysis:
    """The plain values of `doc`, which is `source` from character `base` on."""
    columns = doc.to_array(_COLUMNS)
    # As the model found them: enrich.within_paragraphs trims them at paragraph breaks.
    mentions = _mentions(columns, doc.vocab.strings, source, base)
    is_word = (columns[:, 5] == 0) & (columns[:, 6] == 0)
    words, stopwords = int(is_word.sum()), int((is_word & (columns[:, 7] == 1)).sum())
    if not parsed:
        return Analysis(mentions, [], words, stopwords)
    sentences = [_trimmed(sent) for sent in doc.sents]
    return Analysis(mentions, sentences, words, stopwords, extract_tokens(doc))


def _mentions(columns, strings, source: str, base: int) -> list[Mention]:
    """What `doc.ents` holds, read off the token columns as spaCy's own getter reads them:
    an entity begins at a B token with a label and runs to the next token that is not I. The
    getter makes a Span per entity and its text token by token (~0.15 ms an article, 1% of an
    entities-only request); the text is the source's characters. Its id is the first token's:
    set_ents gives every token of an entity the entity's id."""
    iob, labels = columns[:, 0], columns[:, 1]
    begins = numpy.flatnonzero((iob == _BEGIN) & (labels != 0))
    if not len(begins):
        return []
    closes = numpy.append(numpy.flatnonzero(iob != _INSIDE), len(iob))
    ends = closes[numpy.searchsorted(closes, begins, side="right")] - 1  # the last tokens
    starts = columns[begins, 3].tolist()
    stops = (columns[ends, 3] + columns[ends, 4]).tolist()
    kinds = labels[begins].tolist()
    names = {label: strings[label] for label in set(kinds)}
    ids = columns[begins, 2].tolist()
    return [
        Mention(source[base + start : base + stop], names[label], start, stop,
                strings[kb] if kb else None)
        for start, stop, label, kb in zip(starts, stops, kinds, ids, strict=True)
    ]


def _trimmed(sent) -> Span:
    end = sent.end
    while end > sent.start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    return Span(sent.start_char, sent.doc[end - 1].idx + len(sent.doc[end - 1]))


def extract_tokens(doc: Doc) -> Tokens:
    """Offsets, dependency labels, heads and sentence numbers of every token."""
    # Read as arrays, not token by token: a Token object and a string lookup per token and
    # field took 0.7 ms on an 870-token article, the arrays 0.3. HEAD is stored relative.
    rows = doc.to_array([IDX, LENGTH, HEAD]).astype(numpy.int64)
    starts = rows[:, 0]
    deps = doc.to_array(DEP).tolist()
    strings = doc.vocab.strings
    names = {dep: strings[dep] for dep in set(deps)}
    sent_of = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [number] * len(sent)
    return Tokens(
        starts=tuple(starts.tolist()),
        ends=tuple((starts + rows[:, 1]).tolist()),
        deps=tuple(names[dep] for dep in deps),
        heads=tuple((rows[:, 2] + numpy.arange(len(doc))).tolist()),
        sents=tuple(sent_of),
    )
