"""Pipeline: owns the spaCy model and runs normalize -> nlp -> enrich, timing each stage."""

import time
from collections.abc import Callable, Mapping
from contextlib import contextmanager

import spacy
from spacy.language import Language

from .backend import use_backend
from .budget import TooMuchWork, estimate_tokens
from .chunks import DEFAULT_BOUNDS, Bounds
from .enrich import dates, enrich, language, places
from .gazetteer import add_gazetteer
from .guard import LanguageGuard
from .memory import warm_vocab
from .nlp import analyze, components_for
from .normalize import Normalized, normalize
from .types import Analysis, Article, Enrichment, ModelInfo

Timings = dict[str, float]  # seconds per stage of one run
Observer = Callable[[list[Article], list[Enrichment], Timings], None]


class Pipeline:
    """One loaded model and the stages around it; built once per process, shared by requests."""

    def __init__(
        self,
        nlp: Language,
        *,
        bounds: Bounds = DEFAULT_BOUNDS,
        language_sample_chars: int = 2000,
        language_min_confidence: float = 0.99,
        max_keyphrases: int = 10,
        **limits: int | str,
    ) -> None:
        self.nlp = nlp
        self.bounds = bounds  # the model's work per Doc and per minibatch (chunks.py)
        # normalize()'s keywords: max_run_chars, max_combining_marks, the default cleaning mode
        self.limits = limits
        self.guard = LanguageGuard(language_sample_chars, language_min_confidence)
        self.max_keyphrases = max_keyphrases
        self.gazetteer_patterns = 0
        self.observers: list[Observer] = []  # told of every run and its timings: metrics, logs
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
    def from_config(cls, settings: Mapping) -> "Pipeline":
        """The pipeline `settings` (config.from_environ()) describe: the server's and the CLI's."""
        return cls.load(
            settings["SPACY_MODEL"],
            matrix_backend=settings["MATRIX_BACKEND"],
            max_run_chars=settings["MAX_RUN_CHARS"],
            max_combining_marks=settings["MAX_COMBINING_MARKS"],
            cleaning=settings["CLEANING"],
            batch_size=settings["NLP_BATCH_SIZE"],
            language_sample_chars=settings["LANGUAGE_SAMPLE_CHARS"],
            language_min_confidence=settings["LANGUAGE_MIN_CONFIDENCE"],
            max_keyphrases=settings["MAX_KEYPHRASES"],
            gazetteer_file=settings["GAZETTEER_FILE"],
            bounds=Bounds(
                settings["MAX_UNSPACED_CHARS"],
                settings["MAX_CHUNK_TOKENS"],
                settings["NLP_BATCH_TOKENS"],
                settings["MAX_REQUEST_TOKENS"],
            ),
        )

    @classmethod
    def load(
        cls,
        name: str,
        *,
        batch_size: int = 8,
        gazetteer_file: str = "",
        matrix_backend: str = "numpy",
        **settings,
    ) -> "Pipeline":
        """Load an installed model package or a model directory; `settings` go to __init__."""
        nlp = spacy.load(name)
        use_backend(nlp, matrix_backend)
        patterns = add_gazetteer(nlp, gazetteer_file) if gazetteer_file else 0
        nlp.batch_size = batch_size  # at most this many chunks per minibatch (chunks.py)
        warm_vocab(nlp)
        pipeline = cls(nlp, **settings)
        pipeline.gazetteer_patterns = patterns
        return pipeline

    def run(self, articles: list[Article]) -> list[Enrichment]:
        """Enrich articles in input order (see run_timed)."""
        return self.run_timed(articles)[0]

    def run_timed(
        self, articles: list[Article], *, observe: bool = True
    ) -> tuple[list[Enrichment], Timings]:
        """Enrich articles in input order; beside the results, the seconds each stage took.
        The observers are told unless `observe` is false (the caller tells them itself).

        Articles whose options need the same model components share one nlp.pipe pass, so a
        batch with one set of options is one pass and a mixed batch never runs more than each
        article needs.
        """
        timings: Timings = {}
        with _timed(timings, "normalize"):
            normalized = [normalize(article.text, **self._limits(article)) for article in articles]
        guarded = [(None, article) for article in articles]
        if any(self.guard.asks(article) for article in articles):  # else no stage, no timing
            with _timed(timings, "language"):
                pairs = zip(articles, normalized, strict=True)
                guarded = [self.guard.before(article, norm.text) for article, norm in pairs]
        guesses, models = [g for g, _ in guarded], [a for _, a in guarded]
        self._check_work(models, normalized)
        with _timed(timings, "nlp"):
            analyses = self._analyze(models, normalized)
        with _timed(timings, "enrich"):
            results = [
                self.guard.after(article, enrich(model, norm, analysis, self.model,
                                                 max_keyphrases=self.max_keyphrases),
                                 analysis, norm.text, guess)
                for article, model, norm, analysis, guess in zip(
                    articles, models, normalized, analyses, guesses, strict=True
                )
            ]
        for observer in self.observers if observe else ():
            observer(articles, results, timings)
        return results, timings

    def _check_work(self, articles: list[Article], normalized: list) -> None:
        """TooMuchWork before the model runs if the texts that need it exceed the bound."""
        limit = self.bounds.request_tokens
        if not limit:
            return
        needed = [n.text for a, n in zip(articles, normalized, strict=True)
                  if components_for(a.options.include)]
        if sum(map(len, needed)) <= limit:
            return  # the estimate counts no token of less than one character
        tokens = sum(estimate_tokens(text, self.bounds.unspaced_chars) for text in needed)
        if tokens > limit:
            raise TooMuchWork(tokens, limit)

    def _limits(self, article: Article) -> dict[str, int | str]:
        """normalize()'s keywords for one article: its own cleaning mode, if it names one."""
        cleaning = article.options.cleaning
        return self.limits if cleaning is None else {**self.limits, "cleaning": cleaning}

    def _analyze(self, articles: list[Article], normalized: list[Normalized]) -> list[Analysis]:
        by_components: dict[frozenset[str], list[int]] = {}
        for index, article in enumerate(articles):
            by_components.setdefault(components_for(article.options.include), []).append(index)
        analyses: list[Analysis] = [Analysis([], [], 0)] * len(articles)
        for components, indexes in by_components.items():
            texts = [normalized[i].text for i in indexes]
            breaks = [[p.start for p in normalized[i].paragraphs[1:]] for i in indexes]
            found = analyze(self.nlp, texts, breaks, components, self.bounds)
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
