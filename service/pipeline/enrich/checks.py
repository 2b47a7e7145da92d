"""Statistics of the text and warnings about it that are not errors."""

from ..types import Analysis, Notice, Span, Stats

WORDS_PER_MINUTE = 238  # average silent reading speed of adults for non-fiction (Brysbaert 2019)
MIN_STOPWORD_SHARE = 0.2  # English prose has ~40-50% function words; other languages far fewer
MAX_NON_ASCII_SHARE = 0.3  # English news has ~1% (quotes, dashes, names); CJK, Cyrillic ~100%
LONG_DOCUMENT_CHARS = 50_000


def count(analysis: Analysis, text: str, paragraphs: list[Span]) -> Stats:
    """Characters, words, sentences, paragraphs and reading time of the normalized text."""
    reading = round(analysis.words * 60 / WORDS_PER_MINUTE)
    return Stats(len(text), analysis.words, len(analysis.sentences), len(paragraphs), reading)


def check(analysis: Analysis, text: str) -> list[Notice]:
    """Warnings: nothing left after cleaning, text that does not read as English, a very long
    document."""
    if not text:
        return [Notice("empty_after_cleaning", "Normalization removed all of the text as page "
                       "furniture (see `removed`); there was nothing left to analyse.")]
    notices = []
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))  # counted in C, not per character
    if non_ascii > MAX_NON_ASCII_SHARE * len(text.replace(" ", "")):
        notices.append(
            Notice(
                "not_english",
                f"{non_ascii / len(text):.0%} of the characters are "
                "outside ASCII; an English model's results are unreliable.",
            )
        )
    elif analysis.words >= 20 and analysis.stopwords < MIN_STOPWORD_SHARE * analysis.words:
        share = analysis.stopwords / analysis.words
        notices.append(
            Notice(
                "not_english",
                f"Only {share:.0%} of the words are common English "
                "words; an English model's results on this text are unreliable.",
            )
        )
    if len(text) > LONG_DOCUMENT_CHARS:
        notices.append(
            Notice(
                "long_document",
                f"The text has {len(text):,} characters; above "
                f"{LONG_DOCUMENT_CHARS:,} is more than one news article.",
            )
        )
    return notices
