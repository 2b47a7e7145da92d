"""Would one article cut into paragraph pieces, run as a minibatch, make `ner` cheaper?

    .venv/bin/python bench/paragraph_pieces.py [--rounds N] [--piece-tokens T] [--context C]

A single-document request pays the model's per-pass cost alone; minibatches share it
(bench/minibatch_curve.py). This asks whether pieces of one article can share it instead.
Every article is cut at paragraph starts into pieces of at least T tokens, each with C tokens
of its neighbours on either side; the entities of each piece's own tokens are kept.

1. Same answers: on every text of the repository (normalized, as the service sends them),
   the pieces' entities against the whole Doc's, with `ner` alone and with the full request's
   components (tok2vec, parser, ner, whose parse is compared too). spaCy's recognizer never
   continues an entity across a preset sentence start, and the service sets one at every
   paragraph, so only the embedding's window (4 tokens each side in en_core_web_sm) could
   change an entity; the parser's state at a paragraph start is not so bounded.
2. Cost: CPU seconds of `ner` over the bench corpus, whole Docs against pieces (copied out of
   the whole Doc), one, two and eight articles a pass, in alternating rounds, medians.
"""

import argparse
import statistics
import time

import numpy
import spacy
from corpus import load_corpus
from matrix_backend import repository_texts
from side_by_side import FULL_REQUEST, MODEL, with_fixtures
from spacy.attrs import NORM, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from service.config import from_environ
from service.pipeline.backend import use_backend
from service.pipeline.chunks import MAX_UNSPACED_CHARS, tokenize
from service.pipeline.nlp import _break_paragraphs
from service.pipeline.normalize import normalize

_HEAD = [ORTH, NORM, SPACY, SENT_START]  # what `ner` reads of a token


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--piece-tokens", type=int, default=100)
    parser.add_argument("--context", type=int, default=4)
    args = parser.parse_args()
    nlp = spacy.load(MODEL)
    use_backend(nlp, from_environ()["MATRIX_BACKEND"])
    texts = [_normalized(text) for text in repository_texts()]
    for components in (["ner"], FULL_REQUEST):
        same, extra = _same_answers(nlp, texts, components, args)
        print(f"{'+'.join(components)}: {same} of {len(texts)} texts give the whole Doc's "
              f"answer from pieces ({extra:.1%} more tokens for the context)")
    corpus = [_normalized(article.text) for article in with_fixtures(load_corpus())]
    seconds = {}
    for _ in range(args.rounds):
        for per_pass in (1, 2, 8):
            for way in ("whole", "pieces"):
                seconds.setdefault((per_pass, way), []).append(
                    _cpu(nlp, corpus, per_pass, way == "pieces", args))
    print(f"\n`ner` CPU seconds over {len(corpus)} articles, medians of {args.rounds} rounds\n")
    print("| articles a pass | whole Docs | pieces | whole ÷ pieces |\n|---:|---:|---:|---:|")
    for per_pass in (1, 2, 8):
        whole = statistics.median(seconds[per_pass, "whole"])
        pieces = statistics.median(seconds[per_pass, "pieces"])
        print(f"| {per_pass} | {whole:.2f} | {pieces:.2f} | {whole / pieces:.3f} |")


def _normalized(raw: str) -> tuple[str, list[int]]:
    normalized = normalize(raw)
    return normalized.text, [span.start for span in normalized.paragraphs[1:]]


def _doc(nlp, text: str, starts: list[int]) -> Doc:
    return _break_paragraphs(tokenize(nlp, text, MAX_UNSPACED_CHARS), starts)


def _ranges(doc: Doc, args) -> list[tuple[int, int, int, int]]:
    """(first, begin, end, last): each piece's own tokens [begin, end), with context."""
    starts = numpy.flatnonzero(doc.to_array([SENT_START]) == 1).tolist()[1:]
    cores, begin = [], 0
    for start in starts:
        if start - begin >= args.piece_tokens and len(doc) - start >= args.piece_tokens // 2:
            cores.append((begin, start))
            begin = start
    cores.append((begin, len(doc)))
    return [(max(0, b - args.context), b, e, min(len(doc), e + args.context)) for b, e in cores]


def _pieces(doc: Doc, ranges) -> list[Doc]:
    """The pieces as Docs of their own, with the whole Doc's token norms (a tokenizer
    exception's norm, "n't" -> "not", is the token's, not its word's) and sentence starts."""
    array = doc.to_array(_HEAD)
    return [doc[a:z].as_doc(array_head=_HEAD, array=array) for a, _, _, z in ranges]


def _answer(doc: Doc, begin: int, end: int, shift: int, parsed: bool):
    entities = [(e.start + shift, e.end + shift, e.label_) for e in doc.ents
                if begin <= e.start < end]
    parse = [(t.i + shift, t.head.i + shift, t.dep_) for t in doc[begin:end]] if parsed else []
    return entities, parse


def _same_answers(nlp, texts, components, args) -> tuple[int, float]:
    same = context = tokens = 0
    parsed = "parser" in components
    with nlp.select_pipes(enable=components):
        for text, starts in texts:
            with nlp.memory_zone():
                whole = nlp(_doc(nlp, text, starts))
                expected = _answer(whole, 0, len(whole), 0, parsed)
                # A fresh Doc: the pipeline annotated `whole` in place (the parser's sentence
                # starts among it), and the pieces must see only the tokenizer's work.
                doc = _doc(nlp, text, starts)
                ranges = _ranges(doc, args)
                entities, parse = [], []
                for (first, begin, end, _), piece in zip(
                        ranges, nlp.pipe(_pieces(doc, ranges), batch_size=64), strict=True):
                    found = _answer(piece, begin - first, end - first, first, parsed)
                    entities += found[0]
                    parse += found[1]
                same += (entities, parse) == expected
                context += sum(z - a - (e - b) for a, b, e, z in ranges)
                tokens += len(doc)
    return same, context / tokens


def _cpu(nlp, corpus, per_pass: int, pieces: bool, args) -> float:
    """CPU seconds to tokenize and run `ner` over the corpus, `per_pass` articles a pass."""
    with nlp.select_pipes(enable=["ner"]), nlp.memory_zone():
        started = time.process_time()
        for at in range(0, len(corpus), per_pass):
            docs = [_doc(nlp, text, starts) for text, starts in corpus[at : at + per_pass]]
            if pieces:
                docs = [piece for doc in docs for piece in _pieces(doc, _ranges(doc, args))]
            for _ in nlp.pipe(docs, batch_size=len(docs)):
                pass
        return time.process_time() - started


if __name__ == "__main__":
    main()
