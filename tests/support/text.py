"""Paragraph spans of a test's already-normalized text (the pipeline takes them from normalize)."""

from service.pipeline.types import Span


def paragraphs(text: str) -> list[Span]:
    """One span per paragraph; paragraphs are separated by a blank line."""
    spans, start = [], 0
    for part in text.split("\n\n") if text else []:
        spans.append(Span(start, start + len(part)))
        start += len(part) + 2
    return spans
