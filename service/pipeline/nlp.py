"""The spaCy stage: texts in, plain values out; no spaCy object outlives its memory zone."""

from collections.abc import Iterable

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_STOP
from spacy.language import Language
from spacy.tokens import Doc

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


def components_for(include: Iterable[str]) -> frozenset[str]:
    """The model components that the requested sections need."""
    return frozenset().union(*(NEEDS[section] for section in include))


def analyze(nlp: Language, texts: list[str], components: frozenset[str]) -> list[Analysis]:
    """Entities, sentences, token data and word counts for each text, running only `components`."""
    if not components:
        return [Analysis([], [], 0) for _ in texts]
    if "ner" in components:
        components = components | {"gazetteer"}
    disable = [name for name in nlp.pipe_names if name in SKIPPABLE and name not in components]
    parsed = "parser" in components and "parser" in nlp.pipe_names
    results = []
    with nlp.memory_zone():  # spaCy objects die with the zone: copy plain values out first
        docs = (_break_paragraphs(nlp.make_doc(text)) for text in texts)
        for doc in nlp.pipe(docs, disable=disable):
            results.append(_copy_out(doc, parsed=parsed))
    return results


def _break_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break. The parser and the entity recognizer respect
    preset boundaries; without them the parser joins a closing quote with the next paragraph's
    attribution, and `ner` alone finds `NPR\n\nMilitary` where the full pipeline finds `NPR`."""
    for index in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[index].text:
            doc[index + 1].is_sent_start = True
    return doc


def _copy_out(doc: Doc, *, parsed: bool) -> Analysis:
    mentions = [_trimmed_mention(ent) for ent in doc.ents if not ent.text.isspace()]
    flags = doc.to_array([IS_PUNCT, IS_SPACE, IS_STOP])
    is_word = (flags[:, 0] == 0) & (flags[:, 1] == 0)
    words, stopwords = int(is_word.sum()), int((is_word & (flags[:, 2] == 1)).sum())
    if not parsed:
        return Analysis(mentions, [], words, stopwords)
    sentences = [_trimmed(sent) for sent in doc.sents]
    return Analysis(mentions, sentences, words, stopwords, extract_tokens(doc))


def _trimmed_mention(ent) -> Mention:
    """The model sometimes lets an entity run into the paragraph break after it."""
    text = ent.text.strip()
    start = ent.start_char + len(ent.text) - len(ent.text.lstrip())
    return Mention(text, ent.label_, start, start + len(text), ent.ent_id_ or None)


def _trimmed(sent) -> Span:
    end = sent.end
    while end > sent.start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    return Span(sent.start_char, sent.doc[end - 1].idx + len(sent.doc[end - 1]))


def extract_tokens(doc: Doc) -> Tokens:
    """Offsets, dependency labels, heads and sentence numbers of every token."""
    sent_of = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        sent_of[sent.start : sent.end] = [number] * len(sent)
    return Tokens(
        starts=tuple(token.idx for token in doc),
        ends=tuple(token.idx + len(token) for token in doc),
        deps=tuple(token.dep_ for token in doc),
        heads=tuple(token.head.i for token in doc),
        sents=tuple(sent_of),
    )
