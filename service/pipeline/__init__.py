"""Pipeline: owns the spaCy model and runs normalize -> nlp -> enrich, timing each stage."""

import time
from collections.abc import Callable
from contextlib import contextmanager

import spacy
from spacy.language import Language

from . import enrich
from .nlp import analyze
from .normalize import normalize
from .types import Article, Enrichment, ModelInfo

Observer = Callable[[list[Article], list[Enrichment]], None]


class Pipeline:
    """One loaded model and the stages around it; built once per process, shared by requests."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.observers: list[Observer] = []  # told of every run: metrics, logs
        meta = nlp.meta
        labels = nlp.get_pipe("ner").labels if nlp.has_pipe("ner") else ()
        self.model = ModelInfo(
            f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
            meta.get("version", "0.0.0"),
            tuple(nlp.pipe_names),
            tuple(sorted(labels)),
        )

    @classmethod
    def load(cls, name: str) -> "Pipeline":
        """Load an installed model package or a model directory."""
        return cls(spacy.load(name))

    def run(self, articles: list[Article]) -> list[Enrichment]:
        """Enrich articles in input order; one nlp.pipe pass over all of them."""
        timings: dict[str, float] = {}
        with _timed(timings, "normalize"):
            normalized = [normalize(article.text) for article in articles]
        with _timed(timings, "nlp"):
            analyses = analyze(self.nlp, [n.text for n in normalized])
        with _timed(timings, "enrich"):
            results = [
                Enrichment(
                    id=article.id,
                    text=norm.text,
                    entities=enrich.locate_entities(analysis, norm),
                    sentences=analysis.sentences,
                    removed=norm.removed,
                    stats=enrich.count(analysis, norm.text),
                    model=self.model,
                    timings=timings,
                )
                for article, norm, analysis in zip(articles, normalized, analyses, strict=True)
            ]
        for observe in self.observers:
            observe(articles, results)
        return results


@contextmanager
def _timed(timings: dict[str, float], stage: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = time.perf_counter() - started
