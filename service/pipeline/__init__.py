"""Pipeline: owns the spaCy model and runs normalize -> nlp -> enrich, timing each stage."""

import time
from collections.abc import Callable
from contextlib import contextmanager

import spacy
from spacy.language import Language

from .enrich import dates, enrich
from .memory import bound_caches, warm_vocab
from .nlp import analyze, components_for
from .normalize import normalize
from .types import Analysis, Article, Enrichment, ModelInfo

Observer = Callable[[list[Article], list[Enrichment]], None]


class Pipeline:
    """One loaded model and the stages around it; built once per process, shared by requests."""

    def __init__(self, nlp: Language, **limits: int | str) -> None:
        self.nlp = nlp
        # normalize()'s keywords: max_run_chars, max_combining_marks, the default cleaning mode
        self.limits = limits
        self.observers: list[Observer] = []  # told of every run: metrics, logs
        meta = nlp.meta
        labels = nlp.get_pipe("ner").labels if nlp.has_pipe("ner") else ()
        self.model = ModelInfo(
            f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
            meta.get("version", "0.0.0"),
            tuple(nlp.pipe_names),
            tuple(sorted(labels)),
        )
        dates.warm_up()

    @classmethod
    def load(cls, name: str, *, batch_size: int = 8, **limits: int | str) -> "Pipeline":
        """Load an installed model package or a model directory; `limits` go to normalize()."""
        nlp = spacy.load(name)
        nlp.batch_size = batch_size  # nlp.pipe passes it to every component
        warm_vocab(nlp)
        return cls(nlp, **limits)

    def run(self, articles: list[Article]) -> list[Enrichment]:
        """Enrich articles in input order.

        Articles whose options need the same model components share one nlp.pipe pass, so a
        batch with one set of options is one pass and a mixed batch never runs more than each
        article needs.
        """
        timings: dict[str, float] = {}
        with _timed(timings, "normalize"):
            normalized = [normalize(article.text, **self._limits(article)) for article in articles]
        with _timed(timings, "nlp"):
            analyses = self._analyze(articles, [n.text for n in normalized])
            bound_caches(self.nlp)
        with _timed(timings, "enrich"):
            results = [
                enrich(article, norm, analysis, self.model)
                for article, norm, analysis in zip(articles, normalized, analyses, strict=True)
            ]
        for result in results:
            result.timings.update(timings)
        for observe in self.observers:
            observe(articles, results)
        return results

    def _limits(self, article: Article) -> dict[str, int | str]:
        """normalize()'s keywords for one article: its own cleaning mode, if it names one."""
        cleaning = article.options.cleaning
        return self.limits if cleaning is None else {**self.limits, "cleaning": cleaning}

    def _analyze(self, articles: list[Article], texts: list[str]) -> list[Analysis]:
        by_components: dict[frozenset[str], list[int]] = {}
        for index, article in enumerate(articles):
            by_components.setdefault(components_for(article.options.include), []).append(index)
        analyses: list[Analysis] = [Analysis([], [], 0)] * len(articles)
        for components, indexes in by_components.items():
            found = analyze(self.nlp, [texts[i] for i in indexes], components)
            for index, analysis in zip(indexes, found, strict=True):
                analyses[index] = analysis
        return analyses


@contextmanager
def _timed(timings: dict[str, float], stage: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = time.perf_counter() - started
