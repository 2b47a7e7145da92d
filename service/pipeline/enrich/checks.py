"""Statistics of the text and warnings about it that are not errors."""

from ..types import Analysis, Notice, Span, Stats

WORDS_PER_MINUTE = 238  # average silent reading speed of adults for non-fiction (Brysbaert 2019)
LONG_DOCUMENT_CHARS = 50_000


def count(analysis: Analysis, text: str, paragraphs: list[Span]) -> Stats:
    """Characters, words, sentences, paragraphs and reading time of the normalized text."""
    reading = round(analysis.words * 60 / WORDS_PER_MINUTE)
    return Stats(len(text), analysis.words, len(analysis.sentences), len(paragraphs), reading)


def check(analysis: Analysis, text: str) -> list[Notice]:
    """Warnings: nothing left after cleaning, a very long document (the language: language.py)."""
    if not text:
        return [Notice("empty_after_cleaning", "Normalization removed all of the text as page "
                       "furniture (see `removed`); there was nothing left to analyse.")]
    notices = []
    if len(text) > LONG_DOCUMENT_CHARS:
        notices.append(
            Notice(
                "long_document",
                f"The text has {len(text):,} characters; above "
                f"{LONG_DOCUMENT_CHARS:,} is more than one news article.",
            )
        )
    return notices
