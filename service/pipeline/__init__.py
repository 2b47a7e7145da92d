"""Pipeline: owns the spaCy model and runs normalize -> nlp -> enrich, timing each stage."""

import time
from collections.abc import Callable
from contextlib import contextmanager

import spacy
from spacy.language import Language

from .enrich import dates, enrich, language, places
from .gazetteer import add_gazetteer
from .guard import LanguageGuard
from .memory import bound_caches, warm_vocab
from .nlp import analyze, components_for
from .normalize import normalize
from .types import Analysis, Article, Enrichment, ModelInfo

Observer = Callable[[list[Article], list[Enrichment]], None]


class Pipeline:
    """One loaded model and the stages around it; built once per process, shared by requests."""

    def __init__(self, nlp: Language, *, language_sample_chars: int = 2000,
                 language_min_confidence: float = 0.99, max_keyphrases: int = 10,
                 **limits: int) -> None:
        self.nlp = nlp
        self.limits = limits  # normalize()'s keyword limits: max_run_chars, max_combining_marks
        self.guard = LanguageGuard(language_sample_chars, language_min_confidence)
        self.max_keyphrases = max_keyphrases
        self.gazetteer_patterns = 0
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
        language.warm_up()
        places.warm_up()  # only with the `places` extra installed: ~2 s, see docs/api.md

    @classmethod
    def load(cls, name: str, *, batch_size: int = 8, **settings) -> "Pipeline":
        """Load an installed model package or a model directory; `settings` go to __init__."""
        nlp = spacy.load(name)
        gazetteer_file = settings.pop("gazetteer_file", "")
        patterns = add_gazetteer(nlp, gazetteer_file) if gazetteer_file else 0
        nlp.batch_size = batch_size  # nlp.pipe passes it to every component
        warm_vocab(nlp)
        pipeline = cls(nlp, **settings)
        pipeline.gazetteer_patterns = patterns
        return pipeline

    def run(self, articles: list[Article]) -> list[Enrichment]:
        """Enrich articles in input order.

        Articles whose options need the same model components share one nlp.pipe pass, so a
        batch with one set of options is one pass and a mixed batch never runs more than each
        article needs.
        """
        timings: dict[str, float] = {}
        with _timed(timings, "normalize"):
            normalized = [normalize(article.text, **self.limits) for article in articles]
        guarded = [(None, article) for article in articles]
        if any(self.guard.asks(article) for article in articles):  # else no stage, no timing
            with _timed(timings, "language"):
                pairs = zip(articles, normalized, strict=True)
                guarded = [self.guard.before(article, norm.text) for article, norm in pairs]
        guesses, models = [g for g, _ in guarded], [a for _, a in guarded]
        with _timed(timings, "nlp"):
            analyses = self._analyze(models, [n.text for n in normalized])
            bound_caches(self.nlp)
        with _timed(timings, "enrich"):
            results = [
                self.guard.after(article, enrich(model, norm, analysis, self.model,
                                                 max_keyphrases=self.max_keyphrases),
                                 analysis, norm.text, guess)
                for article, model, norm, analysis, guess in zip(
                    articles, models, normalized, analyses, guesses, strict=True
                )
            ]
        for result in results:
            result.timings.update(timings)
        for observe in self.observers:
            observe(articles, results)
        return results

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


def pipeline_settings(settings: dict) -> dict:
    """Pipeline.load's keywords for the sections beyond entities, from config.from_environ()."""
    return {
        "language_sample_chars": settings["LANGUAGE_SAMPLE_CHARS"],
        "language_min_confidence": settings["LANGUAGE_MIN_CONFIDENCE"],
        "max_keyphrases": settings["MAX_KEYPHRASES"],
        "gazetteer_file": settings["GAZETTEER_FILE"],
    }


@contextmanager
def _timed(timings: dict[str, float], stage: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = time.perf_counter() - started
