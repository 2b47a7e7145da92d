"""Plain values from the model -> what the response reports; no spaCy objects here."""

from dataclasses import replace

from .normalize import Normalized
from .types import Analysis, Entity, Mention, Stats


def locate_entities(analysis: Analysis, normalized: Normalized) -> list[Entity]:
    """Entities with offsets into both the normalized text and the raw input."""
    to_source = normalized.offsets.to_source
    mentions = [_within_paragraph(m) for m in analysis.mentions]
    return [
        Entity(m.text, m.label, m.start, m.end, to_source(m.start, m.end))
        for m in mentions
        if m.text
    ]


def _within_paragraph(mention: Mention) -> Mention:
    """The mention trimmed at a paragraph break: the model sometimes runs one into the next."""
    text = mention.text.split("\n\n", 1)[0].rstrip()
    return (
        mention
        if text == mention.text
        else replace(mention, text=text, end=mention.start + len(text))
    )


def count(analysis: Analysis, text: str) -> Stats:
    """Simple statistics of the normalized text."""
    paragraphs = text.count("\n\n") + 1 if text else 0
    return Stats(len(text), analysis.words, len(analysis.sentences), paragraphs)
