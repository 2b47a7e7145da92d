"""Pipeline: owns the spaCy model and runs normalize -> nlp -> enrich, timing each stage."""

import time
from contextlib import contextmanager

import spacy
from spacy.language import Language

from . import enrich
from .memory import bound_caches, warm_vocab
from .nlp import analyze
from .normalize import normalize
from .types import Article, Enrichment, ModelInfo


class Pipeline:
    """One loaded model and the stages around it; built once per process, shared by requests."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        meta = nlp.meta
        labels = nlp.get_pipe("ner").labels if nlp.has_pipe("ner") else ()
        self.model = ModelInfo(
            f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
            meta.get("version", "0.0.0"),
            tuple(nlp.pipe_names),
            tuple(sorted(labels)),
        )

    @classmethod
    def load(
        cls, name: str, *, batch_size: int = 8, components: tuple[str, ...] = ()
    ) -> "Pipeline":
        """Load an installed model package or a model directory; `components` limits what runs."""
        nlp = spacy.load(name)
        nlp.batch_size = batch_size  # nlp.pipe passes it to every component
        if components:
            nlp.select_pipes(enable=list(components))
        warm_vocab(nlp)
        return cls(nlp)

    def run(self, articles: list[Article]) -> list[Enrichment]:
        """Enrich articles in input order; one nlp.pipe pass over all of them."""
        timings: dict[str, float] = {}
        with _timed(timings, "normalize"):
            normalized = [normalize(article.text) for article in articles]
        with _timed(timings, "nlp"):
            analyses = analyze(self.nlp, [n.text for n in normalized])
            bound_caches(self.nlp)
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
        return results


@contextmanager
def _timed(timings: dict[str, float], stage: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = time.perf_counter() - started
