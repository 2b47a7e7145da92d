"""The language guard around the model (enrich/language.py has the rule): before it, skip the
English-only sections of a foreign text; after it, settle the answer's language and warning."""

from dataclasses import dataclass, replace

from .enrich import language
from .types import Analysis, Article, Enrichment, LanguageGuess


@dataclass(frozen=True, slots=True)
class LanguageGuard:
    sample_chars: int = 2000  # LANGUAGE_SAMPLE_CHARS
    min_confidence: float = 0.99  # LANGUAGE_MIN_CONFIDENCE

    def asks(self, article: Article) -> bool:
        """Whether py3langid reads the article before the model (else only if it looks foreign)."""
        options = article.options
        return "language" in options.include or options.unsupported_language == "reject"

    def before(self, article: Article, text: str) -> tuple[LanguageGuess | None, Article]:
        """The language, if asked, and the article as the model should see it."""
        if not self.asks(article):
            return None, article
        guess = language.identify(text, sample_chars=self.sample_chars)
        guarded = language.guarded(article.options, guess, min_confidence=self.min_confidence)
        return guess, replace(article, options=guarded)

    def after(self, article: Article, result: Enrichment, analysis: Analysis, text: str,
              guess: LanguageGuess | None) -> Enrichment:
        """The answer with its language and, for a foreign text, empty English-only sections."""
        include = article.options.include
        unasked = guess is None and include & language.ENGLISH_ONLY
        if unasked and language.looks_foreign(analysis, text):
            guess = language.identify(text, sample_chars=self.sample_chars)
        return language.settle(result, include, guess, min_confidence=self.min_confidence)
